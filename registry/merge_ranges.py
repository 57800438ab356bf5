"""Fine ranges in the favourable merge: compare, lower, clamp to the statute, and show per field."""

from __future__ import annotations

from gaozhu.registry.sanctions import BelowThreshold, FineRange, Fixed, PerUnit, Proportional, yuan

__all__ = ["clamp", "lower", "range_fields", "same_kind", "show_field"]

ABSENT = "—"


def same_kind(a: FineRange, b: FineRange) -> bool:
    """Ranges that can be merged: the same kind, base or unit, and the same switch threshold."""
    if isinstance(a, Proportional) and isinstance(b, Proportional):
        same_switch = (a.below is None) == (b.below is None) and (
            a.below is None or b.below is None or a.below.threshold_fen == b.below.threshold_fen
        )
        return a.base is b.base and same_switch
    if isinstance(a, PerUnit) and isinstance(b, PerUnit):
        return a.unit is b.unit
    return isinstance(a, Fixed) and isinstance(b, Fixed)


def _floor_of(a: int | None, b: int | None) -> int | None:
    """The lower base floor; no floor is the lowest."""
    return None if a is None or b is None else min(a, b)


def lower(a: FineRange, b: FineRange) -> FineRange:
    """min(floor), min(ceiling) of two ranges of the same kind."""
    if isinstance(a, Fixed) and isinstance(b, Fixed):
        lo = min(a.min_fen, b.min_fen)
        return Fixed(lo, min(a.max_fen, b.max_fen), lo == 0 and (a.up_to or b.up_to))
    if isinstance(a, PerUnit) and isinstance(b, PerUnit):
        return PerUnit(a.unit, min(a.min_fen, b.min_fen), min(a.max_fen, b.max_fen))
    assert isinstance(a, Proportional) and isinstance(b, Proportional)
    below = None
    if a.below is not None and b.below is not None:
        below = BelowThreshold(
            a.below.threshold_fen,
            min(a.below.min_fen, b.below.min_fen),
            min(a.below.max_fen, b.below.max_fen),
        )
    return Proportional(
        a.base,
        min(a.min_bp, b.min_bp),
        min(a.max_bp, b.max_bp),
        _floor_of(a.base_floor_fen, b.base_floor_fen),
        below,
    )


def _clamp_pair(lo: int, hi: int, s_lo: int, s_hi: int, below_ok: bool) -> tuple[int, int]:
    return (lo if below_ok else max(lo, s_lo)), min(hi, s_hi)


def clamp(fine: FineRange, statutory: FineRange | None, mitigated: bool) -> FineRange:
    """`fine` pulled inside the statutory range where it is of the same kind (else left for validation).

    Ceilings never exceed the statute's; floors rise to the statute's except in the mitigated tier
    (减轻, Art. 32); a proportional base floor is the statute's (the mitigated tier's may be lower)."""
    if statutory is None or not same_kind(fine, statutory):
        return fine
    if isinstance(fine, Fixed) and isinstance(statutory, Fixed):
        lo, hi = _clamp_pair(fine.min_fen, fine.max_fen, statutory.min_fen, statutory.max_fen, mitigated)
        return Fixed(lo, hi, fine.up_to and lo == 0)
    if isinstance(fine, PerUnit) and isinstance(statutory, PerUnit):
        lo, hi = _clamp_pair(fine.min_fen, fine.max_fen, statutory.min_fen, statutory.max_fen, mitigated)
        return PerUnit(fine.unit, lo, hi)
    assert isinstance(fine, Proportional) and isinstance(statutory, Proportional)
    lo, hi = _clamp_pair(fine.min_bp, fine.max_bp, statutory.min_bp, statutory.max_bp, mitigated)
    floor = statutory.base_floor_fen
    if mitigated and statutory.base_floor_fen is not None:
        floor = None if fine.base_floor_fen is None else min(fine.base_floor_fen, statutory.base_floor_fen)
    below = fine.below
    if below is not None and statutory.below is not None:
        s = statutory.below
        b_lo, b_hi = _clamp_pair(below.min_fen, below.max_fen, s.min_fen, s.max_fen, mitigated)
        below = BelowThreshold(below.threshold_fen, b_lo, b_hi)
    return Proportional(fine.base, lo, hi, floor, below)


def range_fields(r: FineRange | None) -> dict[str, int | bool | None]:
    """A range as flat fields (`below.min_fen` ...), for a per-field comparison."""
    if r is None:
        return {}
    if isinstance(r, Fixed):
        return {"min_fen": r.min_fen, "max_fen": r.max_fen, "up_to": r.up_to}
    if isinstance(r, PerUnit):
        return {"min_fen": r.min_fen, "max_fen": r.max_fen}
    out: dict[str, int | bool | None] = {
        "min_bp": r.min_bp,
        "max_bp": r.max_bp,
        "base_floor_fen": r.base_floor_fen,
    }
    if r.below is not None:
        out |= {
            "below.threshold_fen": r.below.threshold_fen,
            "below.min_fen": r.below.min_fen,
            "below.max_fen": r.below.max_fen,
        }
    return out


def show_field(field: str, value: int | bool | None, present: bool = True) -> str:
    """One field's value in words: yuan for fen, percent for basis points, "—" when absent."""
    if not present:
        return ABSENT
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if field.endswith("_bp"):
        return f"{value // 100}.{value % 100:02d}%"
    return f"{yuan(value)} 元"
