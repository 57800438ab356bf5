"""The favourable merge (有利相对人): propose one zone baseline from Chongqing's and Sichuan's.

Domain notes §2.7 (the project's synthesis, not a published rule; the tool proposes, a human
publishes). Tiers are aligned by name, and each merged field keeps its provenance:

- fines: per tier the lower floor and the lower ceiling (min(floor), min(ceiling)); this stays ordered
  because min(fa, fb) <= min(ca, cb) whenever fa <= ca and fb <= cb. Only ranges of the same kind (and
  base or unit, and switch threshold) are compared; unlike ranges are a violation for a human to settle.
- lenience (no penalty, mitigated, lighter): the union. A tier on one side only is kept with its
  circumstances. On both sides, the union of the two `when`s is exact only when one implies the other
  (the weaker is taken); otherwise it cannot be written as one conjunction, and that is a violation.
- aggravation (heavier): the intersection. Kept only if both sides have it, its `when` is every fact
  of both (harm levels intersected, the higher gains threshold). A heavier tier on one side only is
  dropped and flagged "review: 27号 forbids laxity" (国办发〔2022〕27号, 该严不严).
- the ordinary tier is merged like a lenient one.
- other sanctions: where the two lists differ, those both list are kept and the change is flagged for
  review (a statutory sanction is not the baseline's to waive).
- every fine is clamped to the statutory range; only the mitigated tier (减轻, Art. 32) may stay below
  the statutory floor. Each clamp is a Difference.

The result is validated with `validate_baseline`; its violations come back with the merge's own, so
an invalid merge is never returned as if it could be published.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from gaozhu.registry.errors import FieldViolation
from gaozhu.registry.merge_ranges import ABSENT, clamp, lower, range_fields, same_kind, show_field
from gaozhu.registry.sanctions import (
    HARM_LEVELS,
    TIER_ORDER,
    Baseline,
    FineRange,
    Tier,
    TierName,
    describe,
    validate_baseline,
)

__all__ = ["Difference", "MergeResult", "Provenance", "merge_baselines"]

Provenance = Literal["CQ", "SC", "both"]
_LAXITY = "review: 27号 forbids laxity"


@dataclass(frozen=True, slots=True)
class Difference:
    """One field where the sides differ or the statute intervened: both values, the value chosen,
    the rule that chose it, and where the chosen value came from (CQ, SC, both, statute, merged, none)."""

    tier: TierName
    field: str
    chongqing: str
    sichuan: str
    chosen: str
    rule: str
    source: str


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The proposed baseline, every difference, and every reason it may not be published as is."""

    baseline: Baseline
    differences: tuple[Difference, ...]
    violations: list[FieldViolation]
    provenance: tuple[tuple[TierName, Provenance], ...]

    @property
    def publishable(self) -> bool:
        return not self.violations


# --- circumstances ------------------------------------------------------------------------------


def _when_text(when: Mapping[str, Any]) -> str:
    if not when:
        return "(default: no circumstance)"
    parts = []
    for k, v in when.items():
        shown = (
            "|".join(v) if isinstance(v, list | tuple) else str(v).lower() if isinstance(v, bool) else str(v)
        )
        parts.append(f"{k}={shown}")
    return ", ".join(parts)


def _implies(x: Mapping[str, Any], y: Mapping[str, Any]) -> bool:
    """Whenever `x` holds, `y` holds (y is the weaker condition)."""
    for k, v in y.items():
        if k not in x:
            return False
        if k == "harm":
            if not set(x[k]) <= set(v):
                return False
        elif k == "illegal_gains_over_fen":
            if x[k] < v:
                return False
        elif x[k] != v:
            return False
    return True


def _conjunction(a: Mapping[str, Any], b: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Every fact of both; harm levels intersected; the higher gains threshold; and the conflicts."""
    out = dict(a)
    conflicts: list[str] = []
    for k, v in b.items():
        if k not in out:
            out[k] = v
        elif k == "harm":
            both = [level for level in HARM_LEVELS if level in out[k] and level in v]
            if not both:
                conflicts.append(f"harm {'|'.join(out[k])} vs {'|'.join(v)} share no level")
            out[k] = both or list(out[k])
        elif k == "illegal_gains_over_fen":
            out[k] = max(out[k], v)
        elif out[k] != v:
            conflicts.append(f"{k} is {out[k]} on one side and {v} on the other")
    return out, conflicts


# --- tiers --------------------------------------------------------------------------------------


@dataclass
class _Merge:
    statutory: FineRange | None
    differences: list[Difference]
    violations: list[FieldViolation]

    def diff(self, t: TierName, field: str, cq: str, sc: str, chosen: str, rule: str, source: str) -> None:
        self.differences.append(Difference(t, field, cq, sc, chosen, rule, source))

    def fine(self, name: TierName, index: int, a: Tier | None, b: Tier | None) -> FineRange | None:
        """Merge and clamp the fines of one tier (a: Chongqing, b: Sichuan; one may be absent)."""
        fa, fb = (a.fine if a else None), (b.fine if b else None)
        merged: FineRange | None
        if a is not None and b is not None and (fa is None) != (fb is None):
            cq_text, sc_text = (describe(f) if f else "no fine" for f in (fa, fb))
            self.diff(
                name,
                "fine",
                cq_text,
                sc_text,
                "no fine",
                "review: one side fines, the other does not",
                "merged",
            )
            self.violations.append(
                FieldViolation(
                    f"tiers[{index}].fine",
                    "one side fines in this tier, the other does not; a human must choose",
                )
            )
            return None
        if fa is not None and fb is not None and not same_kind(fa, fb):
            merged = (
                fa
                if self.statutory is None
                or same_kind(fa, self.statutory)
                or not same_kind(fb, self.statutory)
                else fb
            )
            self.diff(
                name,
                "fine",
                describe(fa),
                describe(fb),
                describe(merged),
                "review: unlike ranges cannot be merged; a human must choose",
                "CQ" if merged is fa else "SC",
            )
            self.violations.append(
                FieldViolation(
                    f"tiers[{index}].fine",
                    f"Chongqing's range ({describe(fa)}) and Sichuan's ({describe(fb)}) are of unlike kinds",
                )
            )
            return merged
        merged = lower(fa, fb) if fa is not None and fb is not None else fa or fb
        if merged is None:
            return None
        final = clamp(merged, self.statutory, name is TierName.MITIGATED)
        fields_a, fields_b, fields_m, fields_f = (
            range_fields(fa),
            range_fields(fb),
            range_fields(merged),
            range_fields(final),
        )
        for key in fields_f:
            va, vb, vm, vf = fields_a.get(key), fields_b.get(key), fields_m.get(key), fields_f[key]
            differ = a is not None and b is not None and va != vb
            if not differ and vm == vf:
                continue
            rules = ["lower value: favourable to the party (有利相对人)"] if differ else []
            if vm != vf:
                assert self.statutory is not None
                rules.append(f"clamped to the statutory range ({describe(self.statutory)})")
            source = "statute" if vm != vf else "both" if va == vb else "CQ" if vf == va else "SC"
            self.diff(
                name,
                f"fine.{key}",
                show_field(key, va, fa is not None and key in fields_a),
                show_field(key, vb, fb is not None and key in fields_b),
                show_field(key, vf),
                "; ".join(rules),
                source,
            )
        return final

    def when(self, name: TierName, index: int, a: Tier, b: Tier) -> tuple[dict[str, Any], str]:
        """The merged circumstances and condition text of a tier both sides have."""
        if dict(a.when) == dict(b.when):
            return dict(a.when), a.condition
        if name is TierName.HEAVIER:
            when, conflicts = _conjunction(a.when, b.when)
            rule, source = "aggravation: intersection, the facts of both sides must hold", "merged"
            condition = f"{a.condition}；并且{b.condition}"
            for c in conflicts:
                self.violations.append(FieldViolation(f"tiers[{index}].when", f"the two sides conflict: {c}"))
        elif _implies(b.when, a.when):
            when, condition, source = dict(a.when), a.condition, "CQ"
            rule = "lenience: union, Chongqing's condition is the weaker and covers Sichuan's"
        elif _implies(a.when, b.when):
            when, condition, source = dict(b.when), b.condition, "SC"
            rule = "lenience: union, Sichuan's condition is the weaker and covers Chongqing's"
        else:
            when, condition, source = dict(a.when), a.condition, "CQ"
            rule = "review: the union of the two conditions is not one conjunction; a human must choose"
            self.violations.append(
                FieldViolation(
                    f"tiers[{index}].when",
                    f"cannot write the union of {_when_text(a.when)} and {_when_text(b.when)} as one condition",
                )
            )
        self.diff(name, "when", _when_text(a.when), _when_text(b.when), _when_text(when), rule, source)
        return when, condition

    def sanctions(self, name: TierName, a: Tier, b: Tier) -> tuple[str, ...]:
        if a.other_sanctions == b.other_sanctions:
            return a.other_sanctions
        kept = tuple(s for s in a.other_sanctions if s in b.other_sanctions)
        self.diff(
            name,
            "other_sanctions",
            "、".join(a.other_sanctions) or ABSENT,
            "、".join(b.other_sanctions) or ABSENT,
            "、".join(kept) or ABSENT,
            "review: other sanctions differ; kept those both sides list",
            "merged",
        )
        return kept


def _by_name(b: Baseline, side: str, violations: list[FieldViolation]) -> dict[TierName, Tier]:
    out: dict[TierName, Tier] = {}
    for i, t in enumerate(b.tiers):
        if t.name in out:
            violations.append(FieldViolation(f"{side}.tiers[{i}].name", f"duplicate tier {t.name.value}"))
        else:
            out[t.name] = t
    return out


def merge_baselines(
    chongqing: Baseline,
    sichuan: Baseline,
    statutory: FineRange | None,
    *,
    label: str,
    effective_from: datetime,
) -> MergeResult:
    """Propose the zone baseline from the two provinces' (module docstring); amounts already in fen."""
    violations: list[FieldViolation] = []
    m = _Merge(statutory, [], violations)
    cq, sc = _by_name(chongqing, "chongqing", violations), _by_name(sichuan, "sichuan", violations)
    tiers: list[Tier] = []
    provenance: list[tuple[TierName, Provenance]] = []
    for name in TIER_ORDER:
        a, b = cq.get(name), sc.get(name)
        if a is None and b is None:
            continue
        index = len(tiers)
        if a is None or b is None:
            side: Provenance = "CQ" if a is not None else "SC"
            present = ("present", ABSENT) if a is not None else (ABSENT, "present")
            if name is TierName.HEAVIER:
                rule = (
                    f"{_LAXITY}: aggravation only where both sides aggravate; the merge has no heavier tier"
                )
                m.diff(name, "tier", *present, "dropped", rule, "none")
                continue
            kind = "the default tier" if name is TierName.ORDINARY else "lenience: union"
            m.diff(name, "tier", *present, "kept", f"{kind}, kept from {side} with its circumstances", side)
            only = a if a is not None else b
            assert only is not None
            tiers.append(replace(only, when=dict(only.when), fine=m.fine(name, index, a, b)))
            provenance.append((name, side))
            continue
        when, condition = m.when(name, index, a, b)
        fine = m.fine(name, index, a, b)
        tiers.append(Tier(name, condition, when, fine, m.sanctions(name, a, b)))
        provenance.append((name, "both"))
    start = effective_from.astimezone(UTC) if effective_from.tzinfo is not None else effective_from
    baseline = Baseline(label, start, tuple(tiers))
    violations.extend(validate_baseline(baseline, statutory))
    return MergeResult(baseline, tuple(m.differences), violations, tuple(provenance))
