"""Fine ranges and discretion baselines (裁量基准): the data model, its JSON form, and its rules.

Money is always an integer number of fen (1 yuan = 100 fen); factors of a base are basis points
(1% = 100 bp, 1x = 10_000 bp). Nothing here uses floats, so a range read, stored and read again is
the same range to the fen.

A statute states a fine in one of three forms, each a `FineRange`:

- `Fixed`: a yuan range ("二万元以上二十万元以下"), or "up to X" ("十万元以下") as `Fixed(0, X, up_to=True)`;
- `Proportional`: a factor of a base: percent of the project cost or investment, a multiple of illegal
  gains or goods value, a multiple of a disposal cost. Two refinements occur in real statutes: a base
  counted as at least some amount (固废法 Art. 112: "所需处置费用不足二十万元的，按二十万元计算") and a
  switch to a fixed range when the base is small (道路运输条例 Art. 63: "违法所得不足1万元的，处3000元以上
  1万元以下").
- `PerUnit`: yuan per square or cubic metre (土地管理法实施条例 Art. 57, 水土保持法 Art. 55).

A `Baseline` refines the statutory range into ordered `Tier`s, lightest first, each selected by
structured facts (`when`) and carrying its own fine range. `validate_baseline` states what a
baseline must satisfy to be published; every breach comes back as a `FieldViolation` naming the
field (`tiers[2].fine.max_fen`) and the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeAlias

from gaozhu.registry.errors import FieldViolation

__all__ = [
    "HARM_LEVELS",
    "KNOWN_FACTS",
    "TIER_NAME_FROM_ZH",
    "TIER_NAME_ZH",
    "TIER_ORDER",
    "Base",
    "Baseline",
    "BelowThreshold",
    "FineRange",
    "Fixed",
    "PerUnit",
    "Proportional",
    "RangeKind",
    "SanctionError",
    "Tier",
    "TierName",
    "Unit",
    "baseline_from_dict",
    "baseline_to_dict",
    "describe",
    "range_from_dict",
    "range_to_dict",
    "range_violations",
    "tier_from_dict",
    "tier_to_dict",
    "validate_baseline",
    "within",
    "yuan",
]


class SanctionError(ValueError):
    """A range, tier or baseline that cannot be read: `field` is its dotted path, `reason` says why."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason

    def under(self, prefix: str) -> SanctionError:
        """The same error, its field placed under `prefix` (so nested readers report full paths)."""
        return SanctionError(f"{prefix}.{self.field}" if self.field else prefix, self.reason)


# --- ranges -------------------------------------------------------------------------------------


class RangeKind(StrEnum):
    FIXED = "fixed"
    PROPORTIONAL = "proportional"
    PER_UNIT = "per_unit"


class Base(StrEnum):
    """What a proportional fine is a factor of."""

    PROJECT_COST = "project_cost"  # 建设工程造价
    INVESTMENT = "investment"  # 建设项目总投资额
    CONTRACT_PRICE = "contract_price"  # 工程合同价款 / 约定报酬
    ILLEGAL_GAINS = "illegal_gains"  # 违法所得
    GOODS_VALUE = "goods_value"  # 货值金额
    DISPOSAL_COST = "disposal_cost"  # 所需处置费用


class Unit(StrEnum):
    SQUARE_METRE = "m2"
    CUBIC_METRE = "m3"


@dataclass(frozen=True, slots=True)
class Fixed:
    """A yuan range in fen; "up to X" (X以下) is `Fixed(0, X, up_to=True)`."""

    min_fen: int
    max_fen: int
    up_to: bool = False


@dataclass(frozen=True, slots=True)
class BelowThreshold:
    """The switch: when the base is below `threshold_fen`, this fixed range applies instead."""

    threshold_fen: int
    min_fen: int
    max_fen: int


@dataclass(frozen=True, slots=True)
class Proportional:
    """A factor of a base in basis points (1% = 100 bp, 1x = 10_000 bp).

    `base_floor_fen`: the base is counted as at least this much. `below`: under its threshold the
    base is ignored and the fixed range applies.
    """

    base: Base
    min_bp: int
    max_bp: int
    base_floor_fen: int | None = None
    below: BelowThreshold | None = None


@dataclass(frozen=True, slots=True)
class PerUnit:
    """Yuan per square or cubic metre, in fen per unit."""

    unit: Unit
    min_fen: int
    max_fen: int


FineRange: TypeAlias = Fixed | Proportional | PerUnit

BASE_ZH: Mapping[Base, str] = MappingProxyType(
    {
        Base.PROJECT_COST: "建设工程造价",
        Base.INVESTMENT: "总投资额",
        Base.CONTRACT_PRICE: "合同价款",
        Base.ILLEGAL_GAINS: "违法所得",
        Base.GOODS_VALUE: "货值金额",
        Base.DISPOSAL_COST: "所需处置费用",
    }
)
_BASE_EN: Mapping[Base, str] = MappingProxyType(
    {
        Base.PROJECT_COST: "project cost",
        Base.INVESTMENT: "investment",
        Base.CONTRACT_PRICE: "contract price",
        Base.ILLEGAL_GAINS: "illegal gains",
        Base.GOODS_VALUE: "goods value",
        Base.DISPOSAL_COST: "disposal cost",
    }
)
_UNIT_SIGN: Mapping[Unit, str] = MappingProxyType({Unit.SQUARE_METRE: "m²", Unit.CUBIC_METRE: "m³"})


def yuan(fen: int) -> str:
    """`1234567` -> `"12,345.67"`: fen shown as yuan with two decimals, exactly."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole:,}.{cents:02d}"


def _factor(bp: int) -> str:
    """Basis points as a percent: 150 -> "1.5%", 30_000 -> "300%"."""
    whole, rest = divmod(bp, 100)
    return f"{whole}%" if rest == 0 else f"{whole}.{rest:02d}".rstrip("0") + "%"


def _multiple(bp: int) -> str:
    whole, rest = divmod(bp, 10_000)
    return str(whole) if rest == 0 else f"{whole}.{rest:04d}".rstrip("0")


def describe(r: FineRange) -> str:
    """A short readable text for a range, e.g. `"0–100,000.00 元"`, `"1%–5% of investment"`,
    `"3–5× disposal cost (cost counted as at least 200,000.00 元)"`, `"100.00–1,000.00 元/m²"`."""
    if isinstance(r, Fixed):
        return f"{yuan(r.min_fen)}–{yuan(r.max_fen)} 元"
    if isinstance(r, PerUnit):
        return f"{yuan(r.min_fen)}–{yuan(r.max_fen)} 元/{_UNIT_SIGN[r.unit]}"
    base = _BASE_EN[r.base]
    if r.max_bp > 10_000 or (r.min_bp % 10_000 == 0 and r.max_bp % 10_000 == 0):
        text = f"{_multiple(r.min_bp)}–{_multiple(r.max_bp)}× {base}"
    else:
        text = f"{_factor(r.min_bp)}–{_factor(r.max_bp)} of {base}"
    if r.base_floor_fen is not None:
        noun = base.split()[-1]
        text += f" ({noun} counted as at least {yuan(r.base_floor_fen)} 元)"
    if r.below is not None:
        b = r.below
        text += f"; {base} below {yuan(b.threshold_fen)} 元: {yuan(b.min_fen)}–{yuan(b.max_fen)} 元"
    return text


# --- reading and writing ranges -----------------------------------------------------------------

_RANGE_KEYS: Mapping[RangeKind, frozenset[str]] = MappingProxyType(
    {
        RangeKind.FIXED: frozenset({"kind", "min_fen", "max_fen", "up_to"}),
        RangeKind.PROPORTIONAL: frozenset({"kind", "base", "min_bp", "max_bp", "base_floor_fen", "below"}),
        RangeKind.PER_UNIT: frozenset({"kind", "unit", "min_fen", "max_fen"}),
    }
)
_BELOW_KEYS = frozenset({"threshold_fen", "min_fen", "max_fen"})


def _mapping(value: object, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise SanctionError(field, f"must be a table/object, got {type(value).__name__}")
    return value


def _check_keys(d: Mapping[str, Any], allowed: frozenset[str], prefix: str, what: str) -> None:
    for key in d:
        if key not in allowed:
            raise SanctionError(
                f"{prefix}{key}", f"unknown key for {what}; allowed: {', '.join(sorted(allowed))}"
            )


def _amount(d: Mapping[str, Any], key: str, prefix: str = "", *, unit: str = "fen") -> int:
    """A required non-negative integer (fen or bp); booleans and floats are refused: money is no float."""
    if key not in d:
        raise SanctionError(f"{prefix}{key}", "is required")
    value = d[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise SanctionError(f"{prefix}{key}", f"must be an integer number of {unit}, got {value!r}")
    if value < 0:
        raise SanctionError(f"{prefix}{key}", f"must not be negative, got {value}")
    return value


def _enum(cls: type[Any], d: Mapping[str, Any], key: str, prefix: str = "") -> Any:
    if key not in d:
        raise SanctionError(f"{prefix}{key}", "is required")
    try:
        return cls(d[key])
    except ValueError:
        known = ", ".join(m.value for m in cls)
        raise SanctionError(f"{prefix}{key}", f"unknown value {d[key]!r}; known: {known}") from None


def range_from_dict(d: Mapping[str, Any]) -> FineRange:
    """Read a range from its dict form (`kind` plus the fields of that kind; `below` nested).

    Checks shape and types: known kind and keys, integer non-negative amounts, known base/unit.
    Whether floor <= ceiling is a rule of the data, checked by `range_violations`.
    Raises `SanctionError` naming the offending key.
    """
    d = _mapping(d, "")
    kind = _enum(RangeKind, d, "kind")
    _check_keys(d, _RANGE_KEYS[kind], "", f"a {kind.value} range")
    if kind is RangeKind.FIXED:
        up_to = d.get("up_to", False)
        if not isinstance(up_to, bool):
            raise SanctionError("up_to", f"must be true or false, got {up_to!r}")
        return Fixed(_amount(d, "min_fen"), _amount(d, "max_fen"), up_to)
    if kind is RangeKind.PER_UNIT:
        return PerUnit(_enum(Unit, d, "unit"), _amount(d, "min_fen"), _amount(d, "max_fen"))
    floor = None if d.get("base_floor_fen") is None else _amount(d, "base_floor_fen")
    below = None
    raw_below = d.get("below")
    if raw_below is not None:
        b = _mapping(raw_below, "below")
        _check_keys(b, _BELOW_KEYS, "below.", "a below-threshold range")
        below = BelowThreshold(
            _amount(b, "threshold_fen", "below."),
            _amount(b, "min_fen", "below."),
            _amount(b, "max_fen", "below."),
        )
    return Proportional(
        _enum(Base, d, "base"), _amount(d, "min_bp", unit="bp"), _amount(d, "max_bp", unit="bp"), floor, below
    )


def range_to_dict(r: FineRange) -> dict[str, Any]:
    """The JSON-able dict form; `range_from_dict(range_to_dict(r)) == r`. Absent options are omitted."""
    if isinstance(r, Fixed):
        return {"kind": RangeKind.FIXED.value, "min_fen": r.min_fen, "max_fen": r.max_fen, "up_to": r.up_to}
    if isinstance(r, PerUnit):
        return {
            "kind": RangeKind.PER_UNIT.value,
            "unit": r.unit.value,
            "min_fen": r.min_fen,
            "max_fen": r.max_fen,
        }
    out: dict[str, Any] = {
        "kind": RangeKind.PROPORTIONAL.value,
        "base": r.base.value,
        "min_bp": r.min_bp,
        "max_bp": r.max_bp,
    }
    if r.base_floor_fen is not None:
        out["base_floor_fen"] = r.base_floor_fen
    if r.below is not None:
        out["below"] = {
            "threshold_fen": r.below.threshold_fen,
            "min_fen": r.below.min_fen,
            "max_fen": r.below.max_fen,
        }
    return out


def range_violations(r: FineRange, field: str) -> list[FieldViolation]:
    """What is wrong with one range on its own: negative amounts, a floor above its ceiling, an
    "up to" range that does not start at 0, a zero threshold."""
    out: list[FieldViolation] = []

    def bounds(lo: int, hi: int, lo_name: str, hi_name: str, show: Callable[[int], str]) -> None:
        for value, name in ((lo, lo_name), (hi, hi_name)):
            if value < 0:
                out.append(FieldViolation(f"{field}.{name}", f"must not be negative, got {value}"))
        if lo > hi:
            out.append(
                FieldViolation(f"{field}.{lo_name}", f"floor {show(lo)} is above the ceiling {show(hi)}")
            )

    if isinstance(r, Fixed):
        bounds(r.min_fen, r.max_fen, "min_fen", "max_fen", _yuan_text)
        if r.up_to and r.min_fen != 0:
            out.append(FieldViolation(f"{field}.min_fen", "an 'up to' range starts at 0"))
    elif isinstance(r, PerUnit):
        bounds(r.min_fen, r.max_fen, "min_fen", "max_fen", _per_unit_text(r.unit))
    else:
        bounds(r.min_bp, r.max_bp, "min_bp", "max_bp", _factor)
        if r.base_floor_fen is not None and r.base_floor_fen <= 0:
            out.append(
                FieldViolation(f"{field}.base_floor_fen", "a base floor must be above 0 (omit it instead)")
            )
        if r.below is not None:
            if r.below.threshold_fen <= 0:
                out.append(FieldViolation(f"{field}.below.threshold_fen", "a threshold must be above 0"))
            bounds(r.below.min_fen, r.below.max_fen, "below.min_fen", "below.max_fen", _yuan_text)
    return out


def _yuan_text(fen: int) -> str:
    return f"{yuan(fen)} 元"


def _per_unit_text(unit: Unit) -> Callable[[int], str]:
    def show(fen: int) -> str:
        return f"{yuan(fen)} 元/{_UNIT_SIGN[unit]}"

    return show


# --- containment --------------------------------------------------------------------------------


def _fixed_within(
    lo: int,
    hi: int,
    outer_lo: int,
    outer_hi: int,
    allow_below_floor: bool,
    prefix: str,
    show: Callable[[int], str],
) -> tuple[str, str] | None:
    if hi > outer_hi:
        return f"{prefix}max", f"ceiling {show(hi)} is above the statutory ceiling {show(outer_hi)}"
    if lo < outer_lo and not allow_below_floor:
        return f"{prefix}min", f"floor {show(lo)} is below the statutory floor {show(outer_lo)}"
    return None


def _within(inner: FineRange, outer: FineRange, allow_below_floor: bool) -> tuple[str, str] | None:
    """(the field of `inner` at fault, why) or None when `inner` lies inside `outer`."""
    if type(inner) is not type(outer):
        return "kind", f"a {_kind(inner)} range cannot lie inside a {_kind(outer)} range"
    if isinstance(inner, Fixed) and isinstance(outer, Fixed):
        hit = _fixed_within(
            inner.min_fen, inner.max_fen, outer.min_fen, outer.max_fen, allow_below_floor, "", _yuan_text
        )
        return None if hit is None else (hit[0] + "_fen", hit[1])
    if isinstance(inner, PerUnit) and isinstance(outer, PerUnit):
        if inner.unit is not outer.unit:
            return "unit", f"unit {inner.unit.value} differs from the statutory unit {outer.unit.value}"

        def per(fen: int) -> str:
            return f"{yuan(fen)} 元/{_UNIT_SIGN[inner.unit]}"

        hit = _fixed_within(
            inner.min_fen, inner.max_fen, outer.min_fen, outer.max_fen, allow_below_floor, "", per
        )
        return None if hit is None else (hit[0] + "_fen", hit[1])
    assert isinstance(inner, Proportional) and isinstance(outer, Proportional)
    if inner.base is not outer.base:
        return "base", f"base {inner.base.value} differs from the statutory base {outer.base.value}"
    hit = _fixed_within(
        inner.min_bp, inner.max_bp, outer.min_bp, outer.max_bp, allow_below_floor, "", _factor
    )
    if hit is not None:
        return hit[0] + "_bp", hit[1]
    # The base floor scales both ends of the fine: a lower floor lowers the fine below the statute's
    # (only a mitigated tier may do that), a higher floor raises it above the statute's ceiling.
    inner_floor, outer_floor = inner.base_floor_fen or 0, outer.base_floor_fen or 0
    if inner_floor > outer_floor:
        return "base_floor_fen", (
            f"base counted as at least {yuan(inner_floor)} 元, above the statute's {yuan(outer_floor)} 元"
        )
    if inner_floor < outer_floor and not allow_below_floor:
        return "base_floor_fen", (
            f"base counted as at least {yuan(inner_floor)} 元, below the statute's {yuan(outer_floor)} 元"
        )
    if outer.below is None:
        if inner.below is not None:
            return "below", "has a below-threshold range the statute does not have"
        return None
    if inner.below is None:
        threshold = yuan(outer.below.threshold_fen)
        return "below", f"lacks the statute's range for a {_BASE_EN[outer.base]} below {threshold} 元"
    if inner.below.threshold_fen != outer.below.threshold_fen:
        return "below.threshold_fen", (
            f"threshold {yuan(inner.below.threshold_fen)} 元 differs from the statute's "
            f"{yuan(outer.below.threshold_fen)} 元"
        )
    hit = _fixed_within(
        inner.below.min_fen,
        inner.below.max_fen,
        outer.below.min_fen,
        outer.below.max_fen,
        allow_below_floor,
        "below.",
        _yuan_text,
    )
    return None if hit is None else (hit[0] + "_fen", hit[1])


def within(inner: FineRange, outer: FineRange, *, allow_below_floor: bool = False) -> str | None:
    """None if `inner` lies inside `outer`, else the reason.

    Inside means: the same kind (and base or unit), bounds inside the outer bounds, the same base
    floor, and for a proportional range with a below-threshold switch, the same threshold and the
    below range inside the outer one. `allow_below_floor` lets the floors go lower (a mitigated
    tier, 减轻处罚, Administrative Penalty Law Art. 32); ceilings never go higher.
    """
    hit = _within(inner, outer, allow_below_floor)
    return None if hit is None else hit[1]


def _kind(r: FineRange) -> str:
    if isinstance(r, Fixed):
        return RangeKind.FIXED.value
    if isinstance(r, PerUnit):
        return f"{RangeKind.PER_UNIT.value} ({r.unit.value})"
    return f"{RangeKind.PROPORTIONAL.value} ({r.base.value})"


# --- tiers and baselines ------------------------------------------------------------------------


class TierName(StrEnum):
    """Tiers of a baseline, lightest first (TIER_ORDER)."""

    NO_PENALTY = "no_penalty"
    MITIGATED = "mitigated"
    LIGHTER = "lighter"
    ORDINARY = "ordinary"
    HEAVIER = "heavier"


TIER_ORDER: tuple[TierName, ...] = (
    TierName.NO_PENALTY,
    TierName.MITIGATED,
    TierName.LIGHTER,
    TierName.ORDINARY,
    TierName.HEAVIER,
)
TIER_NAME_ZH: Mapping[TierName, str] = MappingProxyType(
    {
        TierName.NO_PENALTY: "不予处罚",
        TierName.MITIGATED: "减轻处罚",
        TierName.LIGHTER: "从轻处罚",
        TierName.ORDINARY: "一般处罚",
        TierName.HEAVIER: "从重处罚",
    }
)
TIER_NAME_FROM_ZH: Mapping[str, TierName] = MappingProxyType({zh: name for name, zh in TIER_NAME_ZH.items()})
_RANK = {name: i for i, name in enumerate(TIER_ORDER)}

HARM_LEVELS: tuple[str, ...] = ("none", "minor", "serious")

KNOWN_FACTS: Mapping[str, str] = MappingProxyType(
    {
        "first_violation": "bool",  # 首次违法
        "harm": "list of none|minor|serious (any of)",  # 危害后果
        "corrected": "bool",  # 在责令改正期限内改正
        "repeat_within_2y": "bool",  # 二年内再次实施同一违法行为
        "voluntary_report": "bool",  # 主动供述
        "coerced": "bool",  # 受他人胁迫或者诱骗
        "obstruction": "bool",  # 拒绝、阻碍执法
        "serious_consequence": "bool",  # 造成严重后果
        "illegal_gains_over_fen": "int",  # 违法所得超过该数额（分）
    }
)
"""Facts a tier's `when` may name, with the type of the required value. `when` is a conjunction:
every named fact must hold; `harm` matches when the case's harm is any of the listed levels."""


@dataclass(frozen=True, slots=True)
class Tier:
    """One step of a baseline: the circumstances (text and structured `when`) and the sanction."""

    name: TierName
    condition: str
    when: Mapping[str, Any]
    fine: FineRange | None
    other_sanctions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Baseline:
    """One version of an item's baseline: in force from `effective_from` (timezone-aware, UTC)."""

    label: str
    effective_from: datetime
    tiers: tuple[Tier, ...]


def _when_violations(when: Mapping[str, Any], field: str) -> list[FieldViolation]:
    out: list[FieldViolation] = []
    for fact, value in when.items():
        path = f"{field}.{fact}"
        kind = KNOWN_FACTS.get(fact)
        if kind is None:
            out.append(FieldViolation(path, f"unknown fact; known: {', '.join(KNOWN_FACTS)}"))
        elif kind == "bool":
            if not isinstance(value, bool):
                out.append(FieldViolation(path, f"must be true or false, got {value!r}"))
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                out.append(
                    FieldViolation(path, f"must be a non-negative integer number of fen, got {value!r}")
                )
        else:  # harm
            if not isinstance(value, list | tuple) or not value:
                out.append(FieldViolation(path, f"must be a non-empty list of {'|'.join(HARM_LEVELS)}"))
            else:
                bad = [v for v in value if v not in HARM_LEVELS]
                if bad:
                    out.append(
                        FieldViolation(
                            path, f"unknown harm level {bad[0]!r}; known: {', '.join(HARM_LEVELS)}"
                        )
                    )
    return out


def tier_from_dict(d: Mapping[str, Any]) -> Tier:
    """Read a tier: `name`, `condition`, optional `when` (default {}), optional `fine` (a range dict
    or None), optional `other_sanctions` (list of text). Raises `SanctionError` with the field path."""
    d = _mapping(d, "")
    _check_keys(d, frozenset({"name", "condition", "when", "fine", "other_sanctions"}), "", "a tier")
    name = _enum(TierName, d, "name")
    condition = d.get("condition")
    if not isinstance(condition, str):
        raise SanctionError("condition", "is required text")
    raw_when = d.get("when") or {}
    when = dict(_mapping(raw_when, "when"))
    when = {k: list(v) if isinstance(v, list | tuple) else v for k, v in when.items()}
    fine = None
    if d.get("fine") is not None:
        try:
            fine = range_from_dict(_mapping(d["fine"], "fine"))
        except SanctionError as e:
            raise e.under("fine") from None
    others = d.get("other_sanctions") or []
    if not isinstance(others, list | tuple) or not all(isinstance(s, str) for s in others):
        raise SanctionError("other_sanctions", "must be a list of text")
    return Tier(name, condition, when, fine, tuple(others))


def tier_to_dict(t: Tier) -> dict[str, Any]:
    """The JSON-able dict form; `tier_from_dict(tier_to_dict(t)) == t`."""
    return {
        "name": t.name.value,
        "condition": t.condition,
        "when": {k: list(v) if isinstance(v, list | tuple) else v for k, v in t.when.items()},
        "fine": range_to_dict(t.fine) if t.fine is not None else None,
        "other_sanctions": list(t.other_sanctions),
    }


def _instant(value: object, field: str) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise SanctionError(field, f"not an ISO 8601 date-time: {value!r}") from None
    if not isinstance(value, datetime):
        raise SanctionError(field, f"must be an ISO 8601 date-time, got {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise SanctionError(field, "needs a UTC offset (e.g. +08:00); a local time without one is ambiguous")
    return value.astimezone(UTC)


def baseline_from_dict(d: Mapping[str, Any]) -> Baseline:
    """Read a baseline: `label`, `effective_from` (ISO 8601 text with an offset, or an aware datetime;
    stored as UTC) and `tiers` (a list of tier dicts)."""
    d = _mapping(d, "")
    _check_keys(d, frozenset({"label", "effective_from", "tiers"}), "", "a baseline")
    label = d.get("label")
    if not isinstance(label, str) or not label.strip():
        raise SanctionError("label", "is required text")
    if "effective_from" not in d:
        raise SanctionError("effective_from", "is required")
    effective_from = _instant(d["effective_from"], "effective_from")
    raw_tiers = d.get("tiers")
    if not isinstance(raw_tiers, list | tuple):
        raise SanctionError("tiers", "must be a list of tiers")
    tiers = []
    for i, raw in enumerate(raw_tiers):
        try:
            tiers.append(tier_from_dict(_mapping(raw, "")))
        except SanctionError as e:
            raise e.under(f"tiers[{i}]") from None
    return Baseline(label, effective_from, tuple(tiers))


def baseline_to_dict(b: Baseline) -> dict[str, Any]:
    """The JSON-able dict form (effective_from as ISO 8601 text in UTC); round-trips exactly."""
    return {
        "label": b.label,
        "effective_from": b.effective_from.astimezone(UTC).isoformat(),
        "tiers": [tier_to_dict(t) for t in b.tiers],
    }


# --- the rules of a baseline --------------------------------------------------------------------


def _like(a: FineRange, b: FineRange) -> bool:
    """Ranges that can be compared for overlap: the same kind and the same base or unit."""
    if isinstance(a, Proportional) and isinstance(b, Proportional):
        return a.base is b.base
    if isinstance(a, PerUnit) and isinstance(b, PerUnit):
        return a.unit is b.unit
    return isinstance(a, Fixed) and isinstance(b, Fixed)


def _overlaps(a: FineRange, b: FineRange) -> list[tuple[str, str, str]]:
    """(field of `a`, a's ceiling, b's floor) in words, for each part where `a` reaches above b's floor."""
    out: list[tuple[str, str, str]] = []
    if isinstance(a, Fixed | PerUnit) and isinstance(b, Fixed | PerUnit):
        if a.max_fen > b.min_fen:
            show = _yuan_text if isinstance(a, Fixed) else _per_unit_text(a.unit)
            out.append(("max_fen", show(a.max_fen), show(b.min_fen)))
    elif isinstance(a, Proportional) and isinstance(b, Proportional):
        if a.max_bp > b.min_bp:
            out.append(("max_bp", _factor(a.max_bp), _factor(b.min_bp)))
        if a.below is not None and b.below is not None and a.below.max_fen > b.below.min_fen:
            out.append(("below.max_fen", _yuan_text(a.below.max_fen), _yuan_text(b.below.min_fen)))
    return out


def validate_baseline(baseline: Baseline, statutory: FineRange | None) -> list[FieldViolation]:
    """Every way `baseline` breaks the rules for the item's `statutory` range (empty when it is sound).

    - at least 3 tiers, named in TIER_ORDER, lightest first, each name once;
    - a no-penalty tier has no fine; a tier's fine has floor <= ceiling;
    - fined tiers of like kind do not overlap: a tier's ceiling is at most the next one's floor
      (touching at a boundary is allowed);
    - every fine lies inside the statutory range (`within`); only a mitigated tier (减轻处罚) may go
      below the statutory floor (Administrative Penalty Law Art. 32); with no statutory fine, no
      tier may carry one;
    - `when` names only KNOWN_FACTS, with values of the right type; the condition text is not empty.
    """
    out: list[FieldViolation] = []
    if baseline.effective_from.tzinfo is None:
        out.append(FieldViolation("effective_from", "must be timezone-aware"))
    if len(baseline.tiers) < 3:
        out.append(FieldViolation("tiers", f"a baseline needs at least 3 tiers, got {len(baseline.tiers)}"))
    seen: dict[TierName, int] = {}
    previous: TierName | None = None
    fined: list[tuple[int, Tier, FineRange]] = []
    for i, tier in enumerate(baseline.tiers):
        path = f"tiers[{i}]"
        if tier.name in seen:
            out.append(
                FieldViolation(
                    f"{path}.name", f"duplicate tier {tier.name.value} (also tiers[{seen[tier.name]}])"
                )
            )
        elif previous is not None and _RANK[tier.name] < _RANK[previous]:
            order = ", ".join(n.value for n in TIER_ORDER)
            out.append(
                FieldViolation(
                    f"{path}.name",
                    f"{tier.name.value} comes after {previous.value}; tiers go lightest first: {order}",
                )
            )
        seen.setdefault(tier.name, i)
        previous = tier.name if previous is None or _RANK[tier.name] > _RANK[previous] else previous
        if not tier.condition.strip():
            out.append(FieldViolation(f"{path}.condition", "must describe the circumstances"))
        out.extend(_when_violations(tier.when, f"{path}.when"))
        if tier.fine is None:
            continue
        if tier.name is TierName.NO_PENALTY:
            out.append(FieldViolation(f"{path}.fine", "a no-penalty tier (不予处罚) carries no fine"))
            continue
        own = range_violations(tier.fine, f"{path}.fine")
        out.extend(own)
        fined.append((i, tier, tier.fine))
        if statutory is None:
            out.append(
                FieldViolation(f"{path}.fine", "the item has no statutory fine, so no tier may carry one")
            )
            continue
        hit = _within(tier.fine, statutory, tier.name is TierName.MITIGATED)
        if hit is not None:
            field, reason = hit
            out.append(FieldViolation(f"{path}.fine.{field}", f"{reason} ({describe(statutory)})"))
    for n, (i, _, fine) in enumerate(fined):
        nxt = next(((j, t, f) for j, t, f in fined[n + 1 :] if _like(fine, f)), None)
        if nxt is None:
            continue
        j, other, other_fine = nxt
        for field, ceiling, floor in _overlaps(fine, other_fine):
            out.append(
                FieldViolation(
                    f"tiers[{i}].fine.{field}",
                    f"ceiling {ceiling} is above the floor {floor} of tiers[{j}] ({other.name.value}); "
                    "tiers must not overlap (touching at a boundary is allowed)",
                )
            )
    return out
