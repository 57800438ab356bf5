"""The facts of a case as the discretion engine reads them, and their JSON-able dict form.

`Facts` checks itself when built: a value of the wrong type, a naive date-time, a negative amount or
facts that contradict each other raise `InvalidArgument` with one `FieldViolation` per bad key, so a
`Facts` that exists is one the engine can assess. Times come in the facts (the engine reads no clock).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any, Literal, get_args

from gaozhu.registry.errors import FieldViolation, InvalidArgument

__all__ = ["Facts", "Harm", "facts_from_dict", "facts_to_dict"]

Harm = Literal["none", "minor", "serious"]
_HARMS: tuple[str, ...] = get_args(Harm)


@dataclass(frozen=True, slots=True, kw_only=True)
class Facts:
    """What the Administrative Penalty Law and the baselines look at (keyword-only).

    Times must be timezone-aware. `occurred_at` is when the violation happened, or ended if it was
    continuing (Art. 36 runs the limitation clock from the end). `discovered_at` unset means it was
    discovered when decided. Amounts are fen; `quantity` is whole m² or m³.
    """

    occurred_at: datetime
    decided_at: datetime
    harm: Harm  # 危害后果: none 无 | minor 轻微 | serious 严重
    discovered_at: datetime | None = None
    first_violation: bool = False  # 首次违法
    corrected: bool = False  # 在责令改正期限内改正 (or before discovery / the decision)
    # 违法行为轻微: the officer's finding that the violation itself is minor (Art. 33 ¶1). Not derived
    # from `harm`: the law asks for both "minor" and "no harm" as separate findings.
    minor_violation: bool = False
    illegal_gains_fen: int = 0  # 违法所得
    base_amount_fen: int = 0  # project cost / investment / contract price / goods value / disposal cost
    quantity: int = 0  # m² or m³ for per-unit ranges
    repeat_within_2y: bool = False  # 二年内再次实施同类违法行为
    voluntary_report: bool = False  # 主动供述行政机关尚未掌握的违法行为 (Art. 32)
    cooperated: bool = False  # 配合查处违法行为有立功表现 (Art. 32: helped meritoriously)
    coerced: bool = False  # 受他人胁迫或者诱骗 (Art. 32)
    no_fault: bool = False  # 当事人有证据足以证明没有主观过错 (Art. 33 ¶2)
    obstruction: bool = False  # 拒绝、阻碍执法
    serious_consequence: bool = False  # 造成严重后果 / 情节严重
    party_age_years: int | None = None  # a natural person's age at the violation (Art. 30)
    endangers_life_or_finance: bool = False  # 涉及公民生命健康安全、金融安全 (Art. 36: 5 years)
    party_is_organisation: bool = True

    def __post_init__(self) -> None:
        violations = _violations(self)
        if violations:
            raise InvalidArgument(violations)


_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Facts))
_REQUIRED: frozenset[str] = frozenset({"occurred_at", "decided_at", "harm"})
_INSTANTS = frozenset({"occurred_at", "decided_at", "discovered_at"})
_AMOUNTS = frozenset({"illegal_gains_fen", "base_amount_fen", "quantity"})


def _violations(f: Facts) -> list[FieldViolation]:
    out: list[FieldViolation] = []
    for name in _FIELDS:
        value = getattr(f, name)
        if name in _INSTANTS:
            if value is None and name == "discovered_at":
                continue
            if not isinstance(value, datetime):
                out.append(FieldViolation(name, f"must be a date-time with a UTC offset, got {value!r}"))
            elif value.tzinfo is None or value.utcoffset() is None:
                out.append(
                    FieldViolation(
                        name, "needs a UTC offset (e.g. +08:00); a local time without one is ambiguous"
                    )
                )
        elif name == "harm":
            if value not in _HARMS:
                out.append(FieldViolation(name, f"must be one of {', '.join(_HARMS)}, got {value!r}"))
        elif name in _AMOUNTS:
            if isinstance(value, bool) or not isinstance(value, int):
                out.append(FieldViolation(name, f"must be an integer, got {value!r}"))
            elif value < 0:
                out.append(FieldViolation(name, f"must not be negative, got {value}"))
        elif name == "party_age_years":
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                out.append(FieldViolation(name, f"must be a non-negative integer or unset, got {value!r}"))
        elif not isinstance(value, bool):
            out.append(FieldViolation(name, f"must be true or false, got {value!r}"))
    if out:
        return out
    return _contradictions(f)


def _contradictions(f: Facts) -> list[FieldViolation]:
    """Facts that cannot all be true of one case."""
    out: list[FieldViolation] = []
    if f.decided_at < f.occurred_at:
        out.append(FieldViolation("decided_at", "is before occurred_at"))
    if f.discovered_at is not None:
        if f.discovered_at < f.occurred_at:
            out.append(FieldViolation("discovered_at", "is before occurred_at"))
        if f.discovered_at > f.decided_at:
            out.append(
                FieldViolation("discovered_at", "is after decided_at: a case is decided after it is found")
            )
    if f.first_violation and f.repeat_within_2y:
        out.append(
            FieldViolation("repeat_within_2y", "contradicts first_violation (a first violation is no repeat)")
        )
    if f.party_age_years is not None and f.party_is_organisation:
        out.append(
            FieldViolation("party_age_years", "is for a natural person; set party_is_organisation to false")
        )
    return out


def _instant(value: Any) -> Any:
    """ISO 8601 text read as a date-time; anything else is left for the type check to refuse."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def facts_from_dict(d: Mapping[str, Any]) -> Facts:
    """Read facts from their dict form: the `Facts` field names as keys, date-times as ISO 8601
    text with an offset (or aware datetimes). Unknown keys, missing required keys (occurred_at,
    decided_at, harm), wrong types and naive times raise `InvalidArgument` naming each key."""
    if not isinstance(d, Mapping):
        raise InvalidArgument([FieldViolation("facts", f"must be an object, got {type(d).__name__}")])
    problems = [
        FieldViolation(str(key), f"unknown fact; known: {', '.join(_FIELDS)}")
        for key in d
        if key not in _FIELDS
    ]
    problems += [FieldViolation(key, "is required") for key in sorted(_REQUIRED) if key not in d]
    if problems:
        raise InvalidArgument(problems)
    values = {key: _instant(value) if key in _INSTANTS else value for key, value in d.items()}
    return Facts(**values)


def facts_to_dict(f: Facts) -> dict[str, Any]:
    """The JSON-able dict form, every field present; `facts_from_dict(facts_to_dict(f)) == f`."""
    out: dict[str, Any] = {}
    for name in _FIELDS:
        value = getattr(f, name)
        out[name] = value.isoformat() if isinstance(value, datetime) else value
    return out
