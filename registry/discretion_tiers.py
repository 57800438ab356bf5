"""Choosing a baseline tier for the facts, after the statutory exclusions (discretion module, steps 3–5)."""

from __future__ import annotations

from collections.abc import Mapping

from gaozhu.registry.discretion_facts import Facts
from gaozhu.registry.discretion_policy import AssessPolicy
from gaozhu.registry.discretion_rules import Reason, mitigation_grounds, unmet_facts
from gaozhu.registry.errors import FieldViolation, InvalidArgument
from gaozhu.registry.sanctions import TIER_NAME_ZH, Tier, TierName

__all__ = ["select_tier"]


def _tier_text(t: Tier) -> str:
    return f"{TIER_NAME_ZH[t.name]} ({t.name.value}): {t.condition}"


def _default_tier(version: int, tiers: tuple[Tier, ...]) -> Tier:
    for t in tiers:
        if t.name is TierName.ORDINARY:
            return t
    for t in tiers:
        if not t.when and t.name is not TierName.NO_PENALTY:
            return t
    raise InvalidArgument(
        [FieldViolation("versions.tiers", f"baseline v{version} has no ordinary (default) tier")]
    )


def _lenient_tier(
    tiers: Mapping[TierName, Tier], held: Mapping[TierName, bool], policy: AssessPolicy
) -> Tier | None:
    if policy.art32_tier == "mitigated":
        order = [TierName.MITIGATED, TierName.LIGHTER]
    else:
        order = [TierName.MITIGATED] if held.get(TierName.MITIGATED) else []
        order += [TierName.LIGHTER, TierName.MITIGATED]
    return next((tiers[name] for name in order if name in tiers), None)


def select_tier(
    version: int, tiers_in_order: tuple[Tier, ...], facts: Facts, policy: AssessPolicy
) -> tuple[Tier, list[Reason], str]:
    """The tier for these facts (steps 3–5 of the discretion module docstring), the reasons, and the
    precedence note (empty unless a lenient and the heavier tier's circumstances both held)."""
    tiers: dict[TierName, Tier] = {}
    for t in tiers_in_order:
        tiers.setdefault(t.name, t)
    reasons = mitigation_grounds(facts, policy.corrected_counts_as_harm_removed)
    grounds = [r.code for r in reasons if r.matched]
    held: dict[TierName, bool] = {}
    for t in tiers.values():
        if not t.when or t.name is TierName.ORDINARY:
            continue
        unmet = unmet_facts(t.when, facts)
        held[t.name] = not unmet
        state = "holds" if not unmet else "does not hold (" + "; ".join(unmet) + ")"
        reasons.append(
            Reason(
                "tier.matched" if not unmet else "tier.not_matched", f"{_tier_text(t)} — {state}", not unmet
            )
        )
    heavier = held.get(TierName.HEAVIER, False)
    note = ""
    chosen: Tier | None
    if held.get(TierName.NO_PENALTY):
        chosen = tiers[TierName.NO_PENALTY]
        why = "the baseline's no-penalty circumstances hold (Art. 33)"
        if heavier:
            note = "no-penalty tier (Art. 33, applied before any aggravation) prevails over the heavier tier"
    elif grounds:
        chosen = _lenient_tier(tiers, held, policy)
        if chosen is None:
            chosen = next(t for t in tiers_in_order if t.name is not TierName.NO_PENALTY)
            reasons.append(
                Reason(
                    "art32.no_lenient_tier",
                    "the baseline has no lighter or mitigated tier: the lightest "
                    "fined tier is used; apply Art. 32 lenience inside it",
                    True,
                )
            )
        why = (
            f"mandatory mitigation (Art. 32/30: {', '.join(grounds)}); policy art32_tier={policy.art32_tier}"
        )
        if heavier:
            note = (
                f"Art. 32 mandatory mitigation ({', '.join(grounds)}) prevails over the heavier tier's "
                "circumstances: the law's 应当从轻或者减轻 binds, the aggravation is the baseline's"
            )
    elif heavier:
        chosen = tiers[TierName.HEAVIER]
        why = "the heavier tier's circumstances hold"
        if held.get(TierName.LIGHTER) or held.get(TierName.MITIGATED):
            note = (
                "heavier tier prevails over the lenient tier: with no Art. 32 ground the lighter tier is "
                "discretionary (可以从轻), the aggravating finding is specific, and 27号 forbids laxity"
            )
    elif held.get(TierName.LIGHTER):
        chosen, why = tiers[TierName.LIGHTER], "the lighter tier's circumstances hold"
    else:
        chosen, why = (
            _default_tier(version, tiers_in_order),
            "no lenient or aggravating circumstance of the baseline holds",
        )
    if held.get(TierName.MITIGATED) and not grounds:
        reasons.append(
            Reason(
                "tier.mitigated_needs_art32",
                "the mitigated tier's circumstances hold, but going below "
                "the statutory floor (减轻) needs an Art. 32 ground, and none holds",
                False,
            )
        )
    reasons.append(Reason("tier.selected", f"{_tier_text(chosen)} — {why}", True))
    return chosen, reasons, note
