"""The discretion engine's values <-> gaozhu.v1 discretion messages.

Every fact the engine reads has a field in `gaozhu.v1.Facts`; the party is a natural person when
`natural_person` is set or an age is given, an organisation otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gaozhu.gateway import convert
from gaozhu.gateway.errors import status_code_for
from gaozhu.registry.discretion import Decision, Facts, PenaltyCheck, Reason
from gaozhu.registry.errors import FieldViolation, InvalidArgument, RegistryError
from gaozhu.registry.sanctions import Baseline, TierName
from gaozhu.v1 import common_pb2, discretion_pb2

__all__ = [
    "assess_error",
    "baseline_from_request",
    "decision_to_proto",
    "facts_from_proto",
    "facts_to_proto",
    "facts_violations",
    "penalty_check_to_proto",
]

_HARM_FROM: Mapping[int, str] = {
    discretion_pb2.HARM_NONE: "none",
    discretion_pb2.HARM_MINOR: "minor",
    discretion_pb2.HARM_SERIOUS: "serious",
}
_HARM_TO: Mapping[str, Any] = {v: k for k, v in _HARM_FROM.items()}
# Engine fact -> wire field, where the two names differ.
_RENAMED = {"corrected": "corrected_in_time"}
_WIRE_BOOLS = (
    "first_violation",
    "corrected",
    "repeat_within_2y",
    "voluntary_report",
    "cooperated",
    "coerced",
    "no_fault",
    "minor_violation",
    "obstruction",
    "serious_consequence",
    "endangers_life_or_finance",
)
_FACT_FIELDS = frozenset(Facts.__dataclass_fields__)
_TIER_TO: Mapping[TierName | None, Any] = {
    None: common_pb2.TIER_NAME_UNSPECIFIED,
    **{name: convert.enum_to_proto(common_pb2.TierName, "TIER_NAME", name) for name in TierName},
}


def _under(prefix: str, exc: InvalidArgument) -> InvalidArgument:
    """The engine names facts by its own field names; the caller sent wire fields under `prefix`."""
    return InvalidArgument(
        [
            FieldViolation(f"{prefix}.{_RENAMED.get(v.field, v.field)}", v.reason)
            if v.field in _FACT_FIELDS
            else v
            for v in exc.violations
        ]
    )


def facts_violations(exc: InvalidArgument, prefix: str = "facts") -> InvalidArgument:
    """An engine error about a fact (`quantity`, `base_amount_fen`) as the wire field (`facts.quantity`)."""
    return _under(prefix, exc)


def facts_from_proto(msg: discretion_pb2.Facts, field: str = "facts") -> Facts:
    """The engine's Facts; InvalidArgument naming `facts.<field>` for a missing time or harm, or
    facts that contradict each other. `subject_region_code` is not read: no item has a per-side
    basis yet (domain notes §2.7), so it cannot change a decision."""
    missing = [
        FieldViolation(f"{field}.{name}", "is required")
        for name in ("occurred_at", "decided_at")
        if not msg.HasField(name)
    ]
    harm = _HARM_FROM.get(msg.harm)
    if harm is None:
        missing.append(FieldViolation(f"{field}.harm", "is required: HARM_NONE, HARM_MINOR or HARM_SERIOUS"))
    if missing:
        raise InvalidArgument(missing)
    values: dict[str, Any] = {name: getattr(msg, _RENAMED.get(name, name)) for name in _WIRE_BOOLS}
    age = msg.party_age_years if msg.HasField("party_age_years") else None
    natural = age is not None or msg.natural_person
    try:
        return Facts(
            occurred_at=convert.from_ts(msg.occurred_at),
            decided_at=convert.from_ts(msg.decided_at),
            discovered_at=convert.from_ts(msg.discovered_at) if msg.HasField("discovered_at") else None,
            harm=harm,  # type: ignore[arg-type]  # one of the Harm literals, by _HARM_FROM
            illegal_gains_fen=msg.illegal_gains_fen,
            base_amount_fen=msg.base_amount_fen,
            quantity=msg.quantity,
            party_age_years=age,
            party_is_organisation=not natural,
            **values,
        )
    except InvalidArgument as exc:
        raise _under(field, exc) from None


def facts_to_proto(facts: Facts, subject_region_code: str = "") -> discretion_pb2.Facts:
    """The wire form of engine facts (the CLI's)."""
    msg = discretion_pb2.Facts(
        occurred_at=convert.ts(facts.occurred_at),
        decided_at=convert.ts(facts.decided_at),
        discovered_at=convert.ts(facts.discovered_at),
        harm=_HARM_TO[facts.harm],
        illegal_gains_fen=facts.illegal_gains_fen,
        base_amount_fen=facts.base_amount_fen,
        quantity=facts.quantity,
        subject_region_code=subject_region_code,
        natural_person=not facts.party_is_organisation,
    )
    for name in _WIRE_BOOLS:
        setattr(msg, _RENAMED.get(name, name), getattr(facts, name))
    if facts.party_age_years is not None:
        msg.party_age_years = facts.party_age_years
    return msg


def _reasons(reasons: tuple[Reason, ...]) -> list[discretion_pb2.Reason]:
    return [discretion_pb2.Reason(code=r.code, text=r.text, matched=r.matched) for r in reasons]


def decision_to_proto(d: Decision) -> discretion_pb2.Decision:
    """Field for field; `item_code` is always the zone code, so the answer does not depend on which
    code the caller used."""
    return discretion_pb2.Decision(
        item_code=d.item_code,
        baseline_version=d.baseline_version,
        baseline_label=d.baseline_label,
        tier=_TIER_TO[d.tier],
        min_fen=d.min_fen,
        max_fen=d.max_fen,
        other_sanctions=d.other_sanctions,
        reasons=_reasons(d.reasons),
        no_penalty=d.no_penalty,
        needs_legal_review=d.needs_legal_review,
        needs_hearing=d.needs_hearing,
        procedure=d.procedure,
        precedence_note=d.precedence_note,
    )


def penalty_check_to_proto(c: PenaltyCheck) -> discretion_pb2.CheckPenaltyResponse:
    return discretion_pb2.CheckPenaltyResponse(
        within_tier=c.within_tier,
        within_statutory_range=c.within_statutory,
        decision=decision_to_proto(c.decision),
        reasons=_reasons(c.reasons),
    )


def assess_error(exc: RegistryError) -> discretion_pb2.AssessError:
    """One failed case of a batch, with the status code name the single call would have given."""
    violations = exc.violations if isinstance(exc, InvalidArgument) else ()
    return discretion_pb2.AssessError(
        code=status_code_for(exc).name,
        message=str(exc),
        violations=[common_pb2.FieldViolation(field=v.field, reason=v.reason) for v in violations],
    )


def baseline_from_request(request: discretion_pb2.PublishBaselineRequest) -> Baseline:
    """The baseline a PublishBaselineRequest carries (validated later against the item's statute)."""
    if not request.HasField("effective_from"):
        raise InvalidArgument([FieldViolation("effective_from", "is required")])
    tiers = tuple(convert.tier_from_proto(t, f"tiers[{i}]") for i, t in enumerate(request.tiers))
    return Baseline(request.label, convert.from_ts(request.effective_from), tiers)
