"""The discretion engine: assess a case against an item's baseline versions (裁量基准), pure functions.

No database, no I/O, no clock: every time comes in the `Facts`, and the same inputs always give an
equal `Decision`. The steps follow domain notes §2.5 and the Administrative Penalty Law (2021):

1. Version (Art. 37, 从旧兼从轻): the version in force when the violation happened (latest
   `effective_from` <= `occurred_at`); if none was, the earliest, and the reasons say so. If the version
   in force at `decided_at` differs and gives a lighter decision for these facts (no penalty beats any
   fine; else the lower ceiling, then the lower floor), it applies instead.
2. Statutory exclusions, all listed: limitation (Art. 36: undiscovered for 2 years, 5 where life,
   health or financial safety was endangered with harm), under 14 (Art. 30), no fault (Art. 33 ¶2),
   a minor violation corrected with no harm (Art. 33 ¶1). Any of them: no penalty, tier None.
3. The baseline's no-penalty tier, when its `when` holds (首违不罚 lists, Art. 33 ¶1 second sentence).
4. Mandatory mitigation (Art. 32: removed or reduced the harm, coerced or deceived, confessed unknown
   conduct, helped meritoriously; Art. 30: aged 14–17): a lenient tier, whatever else holds, because
   the law says 应当 and a baseline cannot take that away. Which lenient tier: see `AssessPolicy.art32_tier`.
5. Otherwise the tiers' `when`s: every named fact must hold; `harm` matches any listed level;
   `illegal_gains_over_fen` means illegal gains above it. When both the lighter and the heavier tier
   hold, THE HEAVIER TIER WINS: the mandatory (law) lenience was already applied in step 4, so what is
   left of the lighter tier is the baseline's discretionary 可以从轻, while the heavier tier records a
   specific aggravating finding (repeat, serious harm); letting a discretionary lenience cancel it is
   the laxity (该严不严) 国办发〔2022〕27号 forbids. With nothing matched, the ordinary tier (the default).

Whenever circumstances pointing to a lenient tier and to the heavier tier both held, `precedence_note`
says which won and by which rule; it also names the baseline version when Art. 37 chose between two
versions that gave different results. Otherwise it is empty.

Procedure flags use the concrete ceiling (`max_fen`), so a flag is raised whenever the amount the
officer may still pick could reach it; thresholds are `AssessPolicy` parameters (see there).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from gaozhu.registry.discretion_amounts import concrete_range
from gaozhu.registry.discretion_facts import Facts, Harm, facts_from_dict, facts_to_dict
from gaozhu.registry.discretion_policy import DEFAULT_POLICY, AssessPolicy
from gaozhu.registry.discretion_rules import Reason, exclusions
from gaozhu.registry.discretion_tiers import select_tier
from gaozhu.registry.errors import FieldViolation, InvalidArgument
from gaozhu.registry.sanctions import Baseline, FineRange, Tier, TierName, yuan

if TYPE_CHECKING:
    from gaozhu.registry.items import BaselineRecord

__all__ = [
    "DEFAULT_POLICY",
    "AssessPolicy",
    "BaselineVersion",
    "Decision",
    "Facts",
    "Harm",
    "PenaltyCheck",
    "Reason",
    "assess",
    "check_penalty",
    "facts_from_dict",
    "facts_to_dict",
    "version_from_baseline",
    "version_from_record",
]


@dataclass(frozen=True, slots=True)
class BaselineVersion:
    """One published version of an item's baseline, as the engine needs it."""

    version: int
    label: str
    effective_from: datetime
    tiers: tuple[Tier, ...]


def version_from_record(record: BaselineRecord) -> BaselineVersion:
    """The engine's view of a stored baseline version (registry.items.BaselineRecord)."""
    return BaselineVersion(record.version, record.label, record.effective_from, tuple(record.tiers))


def version_from_baseline(baseline: Baseline, version: int = 1) -> BaselineVersion:
    """The engine's view of a catalogue baseline (CatalogueItem.baseline), numbered `version`."""
    return BaselineVersion(version, baseline.label, baseline.effective_from, baseline.tiers)


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of assessing a case; `min_fen`..`max_fen` is concrete (0–0 when no fine)."""

    item_code: str
    baseline_version: int
    baseline_label: str
    tier: TierName | None  # None: excluded by law before any tier (time-barred, under 14, ...)
    no_penalty: bool
    min_fen: int
    max_fen: int
    other_sanctions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    needs_legal_review: bool
    needs_hearing: bool
    procedure: Literal["simple", "ordinary"]
    precedence_note: str


@dataclass(frozen=True, slots=True)
class PenaltyCheck:
    """A fine already imposed, checked against the assessed tier and the statutory range."""

    within_tier: bool
    within_statutory: bool
    decision: Decision
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class _Outcome:
    """One version's result before the procedure flags."""

    version: BaselineVersion
    tier: TierName | None
    no_penalty: bool
    min_fen: int
    max_fen: int
    fined: bool
    other_sanctions: tuple[str, ...]
    reasons: tuple[Reason, ...]
    note: str = ""

    def weight(self) -> tuple[int, int, int]:
        """Heavier compares greater: any fine above no penalty, then the ceiling, then the floor."""
        return (0 if self.no_penalty else 1, self.max_fen, self.min_fen)

    def summary(self) -> str:
        if self.no_penalty:
            return "no penalty (不予处罚)"
        return f"{self.tier.value if self.tier else '-'} {yuan(self.min_fen)}–{yuan(self.max_fen)} 元"


def _outcome(v: BaselineVersion, facts: Facts, policy: AssessPolicy, prefix: Sequence[Reason]) -> _Outcome:
    tier, reasons, note = select_tier(v.version, v.tiers, facts, policy)
    reasons = [*prefix, *reasons]
    if tier.name is TierName.NO_PENALTY:
        return _Outcome(v, tier.name, True, 0, 0, False, tier.other_sanctions, tuple(reasons), note)
    if tier.fine is None:
        reasons.append(Reason("range.no_fine", "the tier carries no fine (other sanctions only)", True))
        return _Outcome(v, tier.name, False, 0, 0, False, tier.other_sanctions, tuple(reasons), note)
    r = concrete_range(tier.fine, facts)
    reasons.append(Reason(r.code, r.text, True))
    return _Outcome(
        v, tier.name, False, r.min_fen, r.max_fen, True, tier.other_sanctions, tuple(reasons), note
    )


def _in_force(ordered: Sequence[BaselineVersion], at: datetime) -> int | None:
    found = None
    for i, v in enumerate(ordered):
        if v.effective_from <= at:
            found = i
    return found


def _name(v: BaselineVersion) -> str:
    return f"v{v.version} «{v.label}» (from {v.effective_from.isoformat()})"


def _choose(ordered: Sequence[BaselineVersion], facts: Facts, policy: AssessPolicy) -> _Outcome:
    """Art. 37: the version in force at the violation, or a lighter one in force at the decision."""
    at_occ = _in_force(ordered, facts.occurred_at)
    at_dec = _in_force(ordered, facts.decided_at)
    base = ordered[at_occ if at_occ is not None else 0]
    if at_occ is None:
        first = Reason(
            "art37.no_version_at_occurrence",
            f"no baseline version was in force at "
            f"{facts.occurred_at.isoformat()}; the earliest, {_name(base)}, is used",
            True,
        )
    else:
        first = Reason(
            "art37.version_in_force", f"Art. 37: {_name(base)} was in force when the violation happened", True
        )
    prefix, excluded, sanctions = exclusions(facts)
    if excluded:
        return _Outcome(base, None, True, 0, 0, False, sanctions, (first, *prefix))
    old = _outcome(base, facts, policy, (first, *prefix))
    if at_dec is None or at_dec == (at_occ if at_occ is not None else 0):
        return old
    newer = _outcome(ordered[at_dec], facts, policy, (first, *prefix))
    lighter = newer.weight() < old.weight()
    text = (
        f"Art. 37 (从旧兼从轻): {_name(newer.version)}, in force at the decision, gives {newer.summary()}; "
        f"{_name(base)} gives {old.summary()}; "
        + ("the newer version is lighter and applies" if lighter else "the newer version is not lighter")
    )
    art37 = Reason("art37.lighter_new_version", text, lighter)
    kept = newer if lighter else old
    note = kept.note
    if newer.weight() != old.weight():
        which = "newer" if lighter else "older"
        choice = f"Art. 37: the {which} baseline {_name(kept.version)} applies ({kept.summary()})"
        note = f"{note}; {choice}" if note else choice
    reasons = (kept.reasons[0], art37, *kept.reasons[1:])
    return _Outcome(
        kept.version,
        kept.tier,
        kept.no_penalty,
        kept.min_fen,
        kept.max_fen,
        kept.fined,
        kept.other_sanctions,
        reasons,
        note,
    )


def _flags(
    o: _Outcome, facts: Facts, policy: AssessPolicy
) -> tuple[bool, bool, Literal["simple", "ordinary"], list[Reason]]:
    org = facts.party_is_organisation
    party = "organisation" if org else "individual"
    hearing_min = policy.hearing_min_organisation_fen if org else policy.hearing_min_individual_fen
    simple_max = policy.simple_max_organisation_fen if org else policy.simple_max_individual_fen
    hearing = not o.no_penalty and o.max_fen >= hearing_min
    simple = o.fined and o.max_fen <= simple_max
    review_by = [
        *(["the tier"] if o.tier in policy.legal_review_tiers and not o.no_penalty else []),
        *(["the hearing right"] if hearing and policy.legal_review_on_hearing else []),
        *(
            ["the amount"]
            if policy.legal_review_min_fen is not None
            and not o.no_penalty
            and o.max_fen >= policy.legal_review_min_fen
            else []
        ),
    ]
    reasons = [
        Reason(
            "art51.simple_procedure",
            f"Art. 51: on-the-spot fines up to {yuan(simple_max)} 元 for an "
            f"{party}; ceiling {yuan(o.max_fen)} 元" + ("" if o.fined else " (no fine imposed)"),
            simple,
        ),
        Reason(
            "art63.hearing",
            f"Art. 63: hearing for large fines; locally set threshold (policy parameter) "
            f"{yuan(hearing_min)} 元 for an {party}; ceiling {yuan(o.max_fen)} 元",
            hearing,
        ),
        Reason(
            "art58.legal_review",
            "Art. 58: legal review before a major decision (policy: "
            + (", ".join(review_by) if review_by else "not triggered")
            + ")",
            bool(review_by),
        ),
    ]
    return bool(review_by), hearing, "simple" if simple else "ordinary", reasons


def _statute_reason(o: _Outcome, statutory: FineRange | None, facts: Facts) -> Reason | None:
    """Whether the concrete fine lies inside the concrete statutory range (None: no fine to check)."""
    if not o.fined:
        return None
    if statutory is None:
        return Reason("statute.range", "the item has no statutory fine, yet the tier carries one", False)
    s = concrete_range(statutory, facts)
    below_ok = o.tier is TierName.MITIGATED
    inside = o.max_fen <= s.max_fen and (o.min_fen >= s.min_fen or below_ok)
    text = f"statutory range for this case: {yuan(s.min_fen)}–{yuan(s.max_fen)} 元" + (
        " (减轻 may go below the floor, Art. 32)" if below_ok else ""
    )
    return Reason("statute.range", text + ("" if inside else " — the tier's range falls outside it"), inside)


def assess(
    item_code: str,
    statutory: FineRange | None,
    versions: Sequence[BaselineVersion],
    facts: Facts,
    *,
    policy: AssessPolicy = DEFAULT_POLICY,
) -> Decision:
    """Assess one case (module docstring).

    `statutory` is the item's statutory range today. Published tiers lie inside it (validate_baseline);
    should a concrete range still fall outside it (an old version, an unvalidated baseline), a
    `statute.range` reason says so and the decision needs legal review. Only a mitigated tier may go
    below the statutory floor (Art. 32).

    Raises InvalidArgument when there is no version, when the baseline has no default tier, or when
    the facts lack what the selected range needs (`quantity`, `base_amount_fen`)."""
    if not versions:
        raise InvalidArgument([FieldViolation("versions", f"item {item_code} has no baseline version")])
    ordered = sorted(versions, key=lambda v: (v.effective_from, v.version))
    o = _choose(ordered, facts, policy)
    review, hearing, procedure, flag_reasons = _flags(o, facts, policy)
    statute = _statute_reason(o, statutory, facts)
    if statute is not None:
        flag_reasons.insert(0, statute)
        review = review or not statute.matched
    return Decision(
        item_code=item_code,
        baseline_version=o.version.version,
        baseline_label=o.version.label,
        tier=o.tier,
        no_penalty=o.no_penalty,
        min_fen=o.min_fen,
        max_fen=o.max_fen,
        other_sanctions=o.other_sanctions,
        reasons=(*o.reasons, *flag_reasons),
        needs_legal_review=review,
        needs_hearing=hearing,
        procedure=procedure,
        precedence_note=o.note,
    )


def check_penalty(
    item_code: str,
    statutory: FineRange | None,
    versions: Sequence[BaselineVersion],
    facts: Facts,
    imposed_fine_fen: int,
    *,
    policy: AssessPolicy = DEFAULT_POLICY,
) -> PenaltyCheck:
    """Check a fine already imposed (0 = none) against the tier the facts select and the statute.

    `within_statutory` allows a fine below the statutory floor only when the tier is the mitigated one
    (减轻, Art. 32); imposing nothing where the decision is no penalty counts as within."""
    if isinstance(imposed_fine_fen, bool) or not isinstance(imposed_fine_fen, int) or imposed_fine_fen < 0:
        raise InvalidArgument(
            [FieldViolation("imposed_fine_fen", f"must be fen >= 0, got {imposed_fine_fen!r}")]
        )
    d = assess(item_code, statutory, versions, facts, policy=policy)
    fine = imposed_fine_fen
    if d.no_penalty:
        in_tier = fine == 0
        tier_text = "no penalty may be imposed" + ("" if in_tier else f", yet {yuan(fine)} 元 was")
    else:
        in_tier = d.min_fen <= fine <= d.max_fen
        tier_text = f"{yuan(fine)} 元 against the tier's {yuan(d.min_fen)}–{yuan(d.max_fen)} 元"
    reasons = [Reason("check.within_tier", tier_text, in_tier)]
    if fine == 0 and d.no_penalty:
        in_law, law_text = True, "no fine imposed"
    elif statutory is None:
        in_law, law_text = fine == 0, "the item has no statutory fine"
    else:
        s = concrete_range(statutory, facts)
        below_ok = d.tier is TierName.MITIGATED
        in_law = fine <= s.max_fen and (fine >= s.min_fen or below_ok)
        law_text = f"{yuan(fine)} 元 against the statutory {yuan(s.min_fen)}–{yuan(s.max_fen)} 元" + (
            " (below the floor allowed: 减轻, Art. 32)" if below_ok and fine < s.min_fen else ""
        )
    reasons.append(Reason("check.within_statutory", law_text, in_law))
    return PenaltyCheck(in_tier, in_law, d, tuple(reasons))
