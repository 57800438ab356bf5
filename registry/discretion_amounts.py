"""A tier's or statute's fine range made concrete for one case: a fen range.

Rounding: a proportional range is base × basis points / 10_000, and both ends are rounded DOWN to the
whole fen (integer floor division, never floats). Dropping the fraction of a fen is in the party's
favour, so the ceiling is never above the exact maximum; and because flooring keeps order, a tier
inside the statute stays inside it once both are made concrete the same way, and floor <= ceiling
still holds. (The floor may sit up to 0.99 fen below the exact floor: the party's favour again.)
"""

from __future__ import annotations

from dataclasses import dataclass

from gaozhu.registry.discretion_facts import Facts
from gaozhu.registry.errors import FieldViolation, InvalidArgument
from gaozhu.registry.sanctions import BASE_ZH, Base, FineRange, Fixed, PerUnit, Proportional, describe, yuan

__all__ = ["ConcreteRange", "base_of", "concrete_range"]

_BP = 10_000


@dataclass(frozen=True, slots=True)
class ConcreteRange:
    """A fen range for one case, and how it was reached (`code` is stable, `text` readable)."""

    min_fen: int
    max_fen: int
    code: str
    text: str


def base_of(r: Proportional, facts: Facts) -> tuple[int, str]:
    """The amount a proportional range multiplies, and the Facts key it comes from."""
    if r.base is Base.ILLEGAL_GAINS:
        return facts.illegal_gains_fen, "illegal_gains_fen"
    return facts.base_amount_fen, "base_amount_fen"


def concrete_range(fine: FineRange, facts: Facts) -> ConcreteRange:
    """The fen range `fine` gives for these facts.

    - Fixed: as is.
    - PerUnit: per-unit amounts × `quantity`; a quantity of 0 raises InvalidArgument naming `quantity`.
    - Proportional: the base is `illegal_gains_fen` for illegal gains, else `base_amount_fen`, raised
      to `base_floor_fen` when set; if the range has a below-threshold switch and the base is under
      the threshold, the switch's fixed range; else base × factor, rounded down to the fen. A base
      other than illegal gains that is 0 with no floor and no switch raises InvalidArgument naming
      `base_amount_fen` (the amount is missing, not nil). No illegal gains with no switch is 0–0.
    """
    if isinstance(fine, Fixed):
        return ConcreteRange(fine.min_fen, fine.max_fen, "range.fixed", f"fixed range {describe(fine)}")
    if isinstance(fine, PerUnit):
        if facts.quantity <= 0:
            raise InvalidArgument(
                [
                    FieldViolation(
                        "quantity", f"a per-{fine.unit.value} range ({describe(fine)}) needs a quantity > 0"
                    )
                ]
            )
        lo, hi = fine.min_fen * facts.quantity, fine.max_fen * facts.quantity
        text = f"{describe(fine)} × {facts.quantity} {fine.unit.value} = {yuan(lo)}–{yuan(hi)} 元"
        return ConcreteRange(lo, hi, "range.per_unit", text)
    base, key = base_of(fine, facts)
    name = BASE_ZH[fine.base]
    counted = base
    notes: list[str] = []
    if fine.base_floor_fen is not None and base < fine.base_floor_fen:
        counted = fine.base_floor_fen
        notes.append(f"{name} {yuan(base)} 元 counted as {yuan(counted)} 元 (statutory minimum base)")
    if fine.below is not None and counted < fine.below.threshold_fen:
        b = fine.below
        text = (
            f"{name} {yuan(counted)} 元 is below {yuan(b.threshold_fen)} 元, so the fixed range "
            f"{yuan(b.min_fen)}–{yuan(b.max_fen)} 元 applies"
        )
        return ConcreteRange(b.min_fen, b.max_fen, "range.below_threshold", "; ".join([*notes, text]))
    if counted == 0 and fine.base is not Base.ILLEGAL_GAINS:
        raise InvalidArgument(
            [FieldViolation(key, f"the range {describe(fine)} needs the {fine.base.value} amount (> 0)")]
        )
    lo, hi = counted * fine.min_bp // _BP, counted * fine.max_bp // _BP
    text = f"{describe(fine)} of {yuan(counted)} 元 = {yuan(lo)}–{yuan(hi)} 元 (fractions of a fen dropped)"
    code = "range.base_floor" if notes else "range.proportional"
    return ConcreteRange(lo, hi, code, "; ".join([*notes, text]))
