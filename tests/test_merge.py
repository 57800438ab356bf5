"""The favourable merge of the two provinces' baselines (domain notes §2.7)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from gaozhu.registry.catalogue import load_catalogue
from gaozhu.registry.discretion import Facts, assess, version_from_baseline
from gaozhu.registry.merge import Difference, MergeResult, merge_baselines
from gaozhu.registry.sanctions import (
    Base,
    Baseline,
    FineRange,
    Fixed,
    PerUnit,
    Proportional,
    Tier,
    TierName,
    Unit,
)

CST = timezone(timedelta(hours=8))
START = datetime(2025, 7, 1, tzinfo=CST)
NP, MIT, LIGHT, ORD, HEAVY = (
    TierName.NO_PENALTY,
    TierName.MITIGATED,
    TierName.LIGHTER,
    TierName.ORDINARY,
    TierName.HEAVIER,
)
ART_97_3 = Fixed(0, 10_000_000, up_to=True)  # 安全生产法 Art. 97(3): fine up to 100,000 yuan
FIRST = {"first_violation": True, "harm": ["none"], "corrected": True}
LENIENT = {"harm": ["none", "minor"], "corrected": True}
REPEAT = {"repeat_within_2y": True}


def yuan(n: int) -> int:
    return n * 100


def wan(n: int) -> int:
    """万元 as fen, the way a Chongqing table states it, converted before the merge."""
    return n * 10_000 * 100


def fixed(lo: int, hi: int) -> Fixed:
    return Fixed(yuan(lo), yuan(hi), up_to=lo == 0)


def tier(name: TierName, when: dict[str, Any], fine: FineRange | None, *sanctions: str) -> Tier:
    return Tier(name, f"{name.value}: {sorted(when)}", when, fine, sanctions or ("责令改正",))


def baseline(label: str, *tiers: Tier) -> Baseline:
    return Baseline(label, START, tiers)


def merge(cq: Baseline, sc: Baseline, statutory: FineRange | None = ART_97_3) -> MergeResult:
    return merge_baselines(cq, sc, statutory, label="GZ 2025.2", effective_from=START)


def ranges(result: MergeResult) -> list[tuple[TierName, FineRange | None]]:
    return [(t.name, t.fine) for t in result.baseline.tiers]


def diff(result: MergeResult, name: TierName, field: str) -> Difference:
    return next(d for d in result.differences if d.tier is name and d.field == field)


def chongqing_97() -> Baseline:
    return baseline(
        "CQ",
        tier(LIGHT, LENIENT, fixed(0, 30_000)),
        tier(ORD, {}, fixed(30_000, 70_000)),
        tier(HEAVY, REPEAT, fixed(70_000, 100_000)),
    )


def sichuan_97() -> Baseline:
    return baseline(
        "SC",
        tier(NP, FIRST, None, "批评教育", "责令改正"),
        tier(LIGHT, LENIENT, fixed(0, 20_000)),
        tier(ORD, {}, fixed(20_000, 60_000)),
        tier(HEAVY, REPEAT, fixed(60_000, 100_000)),
    )


def test_worked_example_art_97_3() -> None:
    result = merge(chongqing_97(), sichuan_97())
    assert result.violations == [] and result.publishable
    assert ranges(result) == [
        (NP, None),
        (LIGHT, fixed(0, 20_000)),
        (ORD, fixed(20_000, 60_000)),
        (HEAVY, fixed(60_000, 100_000)),
    ]
    no_penalty = result.baseline.tiers[0]
    assert dict(no_penalty.when) == FIRST and no_penalty.other_sanctions == ("批评教育", "责令改正")
    assert result.provenance == ((NP, "SC"), (LIGHT, "both"), (ORD, "both"), (HEAVY, "both"))
    assert diff(result, NP, "tier").source == "SC"
    lighter_max = diff(result, LIGHT, "fine.max_fen")
    assert (lighter_max.chongqing, lighter_max.sichuan, lighter_max.chosen) == (
        "30,000.00 元",
        "20,000.00 元",
        "20,000.00 元",
    )
    assert lighter_max.source == "SC" and "favourable" in lighter_max.rule
    assert diff(result, HEAVY, "fine.min_fen").chosen == "60,000.00 元"
    assert not any(d.tier is HEAVY and d.field == "fine.max_fen" for d in result.differences)
    # the engine applies the merged baseline: first violation, corrected, no harm -> no penalty
    facts = Facts(
        occurred_at=START,
        decided_at=START + timedelta(days=30),
        harm="none",
        first_violation=True,
        corrected=True,
    )
    decision = assess("GZ-YJ-001", ART_97_3, [version_from_baseline(result.baseline)], facts)
    assert decision.no_penalty and decision.tier is NP


def test_wan_yuan_and_yuan_that_are_equal_give_no_difference() -> None:
    cq = baseline(
        "CQ",
        tier(LIGHT, LENIENT, Fixed(0, wan(3), up_to=True)),
        tier(ORD, {}, Fixed(wan(3), wan(6))),
        tier(HEAVY, REPEAT, Fixed(wan(6), wan(10))),
    )
    sc = baseline(
        "SC",
        tier(LIGHT, LENIENT, Fixed(0, yuan(30_000), up_to=True)),
        tier(ORD, {}, Fixed(yuan(30_000), yuan(60_000))),
        tier(HEAVY, REPEAT, Fixed(yuan(60_000), yuan(100_000))),
    )
    result = merge(cq, sc)
    assert result.differences == () and result.violations == []
    assert result.baseline.tiers == cq.tiers
    assert all(p == "both" for _, p in result.provenance)


def test_ceiling_above_the_statute_is_clamped_with_a_difference() -> None:
    cq = baseline(
        "CQ",
        tier(LIGHT, LENIENT, fixed(0, 30_000)),
        tier(ORD, {}, fixed(30_000, 70_000)),
        tier(HEAVY, REPEAT, fixed(70_000, 120_000)),
    )
    sc = baseline(
        "SC",
        tier(LIGHT, LENIENT, fixed(0, 30_000)),
        tier(ORD, {}, fixed(30_000, 70_000)),
        tier(HEAVY, REPEAT, fixed(70_000, 110_000)),
    )
    result = merge(cq, sc)
    assert result.violations == []
    assert result.baseline.tiers[-1].fine == fixed(70_000, 100_000)
    d = diff(result, HEAVY, "fine.max_fen")
    assert (d.chongqing, d.sichuan, d.chosen, d.source) == (
        "120,000.00 元",
        "110,000.00 元",
        "100,000.00 元",
        "statute",
    )
    assert "clamped to the statutory range" in d.rule


def test_only_the_mitigated_tier_may_stay_below_the_statutory_floor() -> None:
    statutory = Fixed(yuan(20_000), yuan(200_000))  # 大气污染防治法 Art. 108(1)
    cq = baseline(
        "CQ",
        tier(MIT, {"coerced": True}, fixed(10_000, 20_000)),
        tier(LIGHT, LENIENT, fixed(10_000, 50_000)),
        tier(ORD, {}, fixed(50_000, 120_000)),
        tier(HEAVY, REPEAT, fixed(120_000, 200_000)),
    )
    sc = baseline(
        "SC",
        tier(LIGHT, LENIENT, fixed(20_000, 50_000)),
        tier(ORD, {}, fixed(50_000, 120_000)),
        tier(HEAVY, REPEAT, fixed(120_000, 200_000)),
    )
    result = merge(cq, sc, statutory)
    assert result.violations == []
    assert ranges(result)[:2] == [(MIT, fixed(10_000, 20_000)), (LIGHT, fixed(20_000, 50_000))]
    assert diff(result, LIGHT, "fine.min_fen").source == "statute"
    assert result.provenance[0] == (MIT, "CQ")


def test_aggravation_on_one_side_only_is_dropped_and_flagged_for_review() -> None:
    sc = baseline(
        "SC",
        tier(NP, FIRST, None, "批评教育"),
        tier(LIGHT, LENIENT, fixed(0, 20_000)),
        tier(ORD, {}, fixed(20_000, 60_000)),
    )
    result = merge(chongqing_97(), sc)
    assert [t.name for t in result.baseline.tiers] == [NP, LIGHT, ORD]
    flagged = diff(result, HEAVY, "tier")
    assert flagged.rule.startswith("review: 27号 forbids laxity") and flagged.chosen == "dropped"
    assert (flagged.chongqing, flagged.sichuan) == ("present", "—")
    assert result.violations == []  # valid, but a human must look at the review flag

    two_tiers = merge(
        chongqing_97(),
        baseline("SC", tier(LIGHT, LENIENT, fixed(0, 20_000)), tier(ORD, {}, fixed(20_000, 60_000))),
    )
    assert any(v.field == "tiers" for v in two_tiers.violations)  # fewer than 3 tiers: not publishable


def test_heavier_circumstances_of_both_sides_must_hold() -> None:
    cq = chongqing_97()
    sc = baseline(
        "SC",
        tier(LIGHT, LENIENT, fixed(0, 30_000)),
        tier(ORD, {}, fixed(30_000, 70_000)),
        tier(HEAVY, {"repeat_within_2y": True, "harm": ["minor", "serious"]}, fixed(70_000, 100_000)),
    )
    result = merge(cq, sc)
    assert dict(result.baseline.tiers[-1].when) == {"repeat_within_2y": True, "harm": ["minor", "serious"]}
    assert "intersection" in diff(result, HEAVY, "when").rule
    conflicting = baseline(
        "SC",
        *sc.tiers[:2],
        tier(HEAVY, {"harm": ["none"], "repeat_within_2y": False}, fixed(70_000, 100_000)),
    )
    cq_serious = baseline(
        "CQ",
        *cq.tiers[:2],
        tier(HEAVY, {"harm": ["serious"], "repeat_within_2y": True}, fixed(70_000, 100_000)),
    )
    bad = merge(cq_serious, conflicting)
    assert {v.field for v in bad.violations} == {"tiers[2].when"}


def test_lenient_circumstances_take_the_weaker_condition_or_ask_a_human() -> None:
    narrow = {"harm": ["none"], "corrected": True}
    cq = baseline("CQ", tier(LIGHT, LENIENT, fixed(0, 30_000)), *chongqing_97().tiers[1:])
    sc = baseline("SC", tier(LIGHT, narrow, fixed(0, 30_000)), *chongqing_97().tiers[1:])
    result = merge(cq, sc)
    assert dict(result.baseline.tiers[0].when) == LENIENT and result.violations == []
    assert diff(result, LIGHT, "when").source == "CQ"
    assert dict(merge(sc, cq).baseline.tiers[0].when) == LENIENT

    other = baseline(
        "SC", tier(LIGHT, {"first_violation": True}, fixed(0, 30_000)), *chongqing_97().tiers[1:]
    )
    unclear = merge(cq, other)
    assert [v.field for v in unclear.violations] == ["tiers[0].when"]
    assert diff(unclear, LIGHT, "when").rule.startswith("review:")


def test_unlike_range_kinds_need_a_human() -> None:
    statutory = Proportional(Base.INVESTMENT, 100, 500)
    pct = Proportional(Base.INVESTMENT, 100, 220)
    cq = baseline(
        "CQ",
        tier(LIGHT, LENIENT, pct),
        tier(ORD, {}, Proportional(Base.INVESTMENT, 220, 340)),
        tier(HEAVY, REPEAT, Proportional(Base.INVESTMENT, 340, 500)),
    )
    sc = baseline("SC", tier(LIGHT, LENIENT, fixed(0, 50_000)), *cq.tiers[1:])
    result = merge(cq, sc, statutory)
    assert "tiers[0].fine" in {v.field for v in result.violations}
    assert result.baseline.tiers[0].fine == pct  # the proposal keeps the statute's kind
    assert diff(result, LIGHT, "fine").rule.startswith("review:")


def test_a_one_sided_lenient_tier_that_overlaps_is_reported_not_published() -> None:
    cq = chongqing_97()
    sc = baseline(
        "SC",
        tier(ORD, {}, fixed(20_000, 60_000)),
        tier(HEAVY, REPEAT, fixed(60_000, 100_000)),
        tier(NP, FIRST, None),
    )
    result = merge(cq, sc)
    assert not result.publishable  # CQ's lighter 0–30k, kept, overlaps the merged ordinary 20k–60k
    assert any("overlap" in v.reason for v in result.violations)


def test_a_base_floor_below_the_statute_is_restored() -> None:
    statutory = Proportional(Base.DISPOSAL_COST, 30_000, 50_000, base_floor_fen=yuan(200_000))

    def side(label: str, floor: int | None) -> Baseline:
        def p(lo: int, hi: int) -> Proportional:
            return Proportional(Base.DISPOSAL_COST, lo, hi, floor)

        return baseline(
            label,
            tier(LIGHT, LENIENT, p(30_000, 36_000)),
            tier(ORD, {}, p(36_000, 42_000)),
            tier(HEAVY, {"harm": ["serious"]}, p(42_000, 50_000)),
        )

    result = merge(side("CQ", yuan(200_000)), side("SC", None), statutory)
    assert result.violations == []
    assert all(
        isinstance(t.fine, Proportional) and t.fine.base_floor_fen == yuan(200_000)
        for t in result.baseline.tiers
    )
    assert diff(result, ORD, "fine.base_floor_fen").source == "statute"


def test_per_unit_ranges_merge_per_unit() -> None:
    statutory = PerUnit(Unit.SQUARE_METRE, yuan(100), yuan(1_000))

    def side(label: str, cut: int) -> Baseline:
        m2 = Unit.SQUARE_METRE
        return baseline(
            label,
            tier(LIGHT, LENIENT, PerUnit(m2, yuan(100), yuan(cut))),
            tier(ORD, {}, PerUnit(m2, yuan(cut), yuan(640))),
            tier(HEAVY, REPEAT, PerUnit(m2, yuan(640), yuan(1_000))),
        )

    result = merge(side("CQ", 370), side("SC", 300), statutory)
    assert result.violations == []
    assert [t.fine for t in result.baseline.tiers][:2] == [
        PerUnit(Unit.SQUARE_METRE, yuan(100), yuan(300)),
        PerUnit(Unit.SQUARE_METRE, yuan(300), yuan(640)),
    ]


def test_other_sanctions_that_differ_keep_the_common_ones_for_review() -> None:
    cq = baseline(
        "CQ", tier(LIGHT, LENIENT, fixed(0, 30_000), "责令改正", "没收违法所得"), *chongqing_97().tiers[1:]
    )
    result = merge(cq, chongqing_97())
    assert result.baseline.tiers[0].other_sanctions == ("责令改正",)
    assert diff(result, LIGHT, "other_sanctions").rule.startswith("review:")


@pytest.mark.parametrize("code", ["GZ-YJ-001", "GZ-ST-001", "GZ-ST-025", "GZ-GH-008", "GZ-JT-001"])
def test_a_real_baseline_merged_with_itself_is_unchanged(code: str) -> None:
    item = next(i for i in load_catalogue() if i.code == code)
    result = merge_baselines(item.baseline, item.baseline, item.statutory, label="same", effective_from=START)
    assert result.violations == [] and result.differences == ()
    assert result.baseline.tiers == item.baseline.tiers
    assert result.baseline.effective_from == START


def test_duplicate_tiers_on_one_side_are_reported() -> None:
    cq = baseline("CQ", *chongqing_97().tiers, chongqing_97().tiers[0])
    result = merge(cq, chongqing_97())
    assert "chongqing.tiers[3].name" in {v.field for v in result.violations}
