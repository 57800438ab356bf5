"""The zone catalogue file and the fine-range / baseline model it is written in."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gaozhu.registry.catalogue import (
    CatalogueError,
    CatalogueItem,
    ItemKind,
    item_from_dict,
    item_to_dict,
    load_catalogue,
    parse_catalogue,
)
from gaozhu.registry.domains import BY_ZONE, DOMAINS
from gaozhu.registry.sanctions import (
    KNOWN_FACTS,
    TIER_NAME_FROM_ZH,
    TIER_NAME_ZH,
    TIER_ORDER,
    Base,
    Baseline,
    BelowThreshold,
    FineRange,
    Fixed,
    PerUnit,
    Proportional,
    SanctionError,
    Tier,
    TierName,
    Unit,
    baseline_from_dict,
    baseline_to_dict,
    describe,
    range_from_dict,
    range_to_dict,
    validate_baseline,
    within,
)


@pytest.fixture(scope="module")
def catalogue() -> list[CatalogueItem]:
    return load_catalogue()


# --- the shipped file ---------------------------------------------------------------------------


def test_shipped_catalogue_loads_125_penalty_items(catalogue: list[CatalogueItem]) -> None:
    assert len(catalogue) == 125
    assert {item.kind for item in catalogue} == {ItemKind.PENALTY}


def test_all_eight_domains_present_with_emergency_and_ecology_the_largest(
    catalogue: list[CatalogueItem],
) -> None:
    counts = Counter(item.domain for item in catalogue)
    assert set(counts) == {d.zone for d in DOMAINS}
    largest_two = {domain for domain, _ in counts.most_common(2)}
    assert largest_two == {"YJ", "ST"}
    assert min(counts["YJ"], counts["ST"]) > max(n for d, n in counts.items() if d not in ("YJ", "ST"))


def test_every_item_has_a_legal_basis_and_a_baseline_inside_its_statutory_range(
    catalogue: list[CatalogueItem],
) -> None:
    for item in catalogue:
        for ref in (item.basis, item.penalty_basis):
            assert ref.law and ref.version and ref.article.startswith("第"), item.code
        assert item.statutory is not None, item.code
        assert len(item.baseline.tiers) >= 3, item.code
        assert validate_baseline(item.baseline, item.statutory) == [], item.code


def test_zone_and_local_codes_are_unique_per_province(catalogue: list[CatalogueItem]) -> None:
    for codes in (
        [i.code for i in catalogue],
        [i.chongqing_code for i in catalogue],
        [i.sichuan_code for i in catalogue],
    ):
        assert len(set(codes)) == len(catalogue)


def test_local_codes_are_numbered_in_zone_order_within_each_domain(catalogue: list[CatalogueItem]) -> None:
    for item in catalogue:
        d = BY_ZONE[item.domain]
        n = int(item.code.rsplit("-", 1)[1])
        assert item.code == f"GZ-{d.zone}-{n:03d}"
        assert item.chongqing_code == f"CQ-{d.chongqing}-{n:04d}"
        assert item.sichuan_code == f"SC{d.sichuan}{n:05d}"


def test_first_emergency_item_is_work_safety_training_in_both_provinces(
    catalogue: list[CatalogueItem],
) -> None:
    first = catalogue[0]
    assert (first.code, first.chongqing_code, first.sichuan_code) == (
        "GZ-YJ-001",
        "CQ-YJGL-0001",
        "SC0100001",
    )
    assert first.penalty_basis.law == "中华人民共和国安全生产法"
    assert first.penalty_basis.version == "2021"
    assert first.penalty_basis.article == "第九十七条第三项"
    assert first.statutory == Fixed(0, 10_000_000, up_to=True)


def test_seed_baselines_take_effect_1_january_2025_beijing_time_stored_as_utc(
    catalogue: list[CatalogueItem],
) -> None:
    for item in catalogue:
        assert item.baseline.effective_from == datetime(2024, 12, 31, 16, tzinfo=UTC)
        assert item.baseline.effective_from.utcoffset() is not None


def test_every_range_form_occurs(catalogue: list[CatalogueItem]) -> None:
    ranges = [item.statutory for item in catalogue if item.statutory is not None]
    fixed = [r for r in ranges if isinstance(r, Fixed)]
    prop = [r for r in ranges if isinstance(r, Proportional)]
    per = [r for r in ranges if isinstance(r, PerUnit)]
    assert any(not r.up_to and r.min_fen > 0 for r in fixed)  # 二万元以上二十万元以下
    assert any(r.up_to for r in fixed)  # 十万元以下
    for base in (Base.PROJECT_COST, Base.INVESTMENT, Base.CONTRACT_PRICE):
        assert any(r.base is base for r in prop), base
    assert {r.unit for r in per} == {Unit.SQUARE_METRE, Unit.CUBIC_METRE}
    assert any(r.base is Base.ILLEGAL_GAINS and r.below is not None for r in prop)
    assert any(r.base is Base.GOODS_VALUE and r.below is not None for r in prop)
    assert any(r.base is Base.DISPOSAL_COST and r.base_floor_fen for r in prop)


def test_seed_uses_the_statutory_figures_of_the_domain_notes(catalogue: list[CatalogueItem]) -> None:
    by_article = {(i.penalty_basis.law, i.penalty_basis.article): i.statutory for i in catalogue}
    assert by_article[("中华人民共和国固体废物污染环境防治法", "第一百一十二条第一款第三项")] == Proportional(
        Base.DISPOSAL_COST, 30_000, 50_000, base_floor_fen=20_000_000
    )
    assert by_article[("中华人民共和国道路运输条例", "第六十三条第一项")] == Proportional(
        Base.ILLEGAL_GAINS, 10_000, 50_000, below=BelowThreshold(1_000_000, 300_000, 5_000_000)
    )
    assert by_article[("中华人民共和国农产品质量安全法", "第七十一条第一项")] == Proportional(
        Base.GOODS_VALUE, 100_000, 200_000, below=BelowThreshold(1_000_000, 5_000_000, 10_000_000)
    )
    assert by_article[("中华人民共和国土地管理法实施条例", "第五十七条第一款")] == PerUnit(
        Unit.SQUARE_METRE, 10_000, 100_000
    )
    assert by_article[("中华人民共和国环境影响评价法", "第三十一条第一款")] == Proportional(
        Base.INVESTMENT, 100, 500
    )


def test_items_round_trip_through_json(catalogue: list[CatalogueItem]) -> None:
    for item in catalogue:
        again = item_from_dict(json.loads(json.dumps(item_to_dict(item), ensure_ascii=False)))
        assert again == item


# --- range round trip ---------------------------------------------------------------------------

fen = st.integers(min_value=0, max_value=10**12)
bp = st.integers(min_value=0, max_value=1_000_000)
fixed_ranges = st.builds(Fixed, fen, fen, st.booleans())
below_ranges = st.builds(BelowThreshold, fen, fen, fen)
proportional_ranges = st.builds(
    Proportional, st.sampled_from(Base), bp, bp, st.none() | fen, st.none() | below_ranges
)
per_unit_ranges = st.builds(PerUnit, st.sampled_from(Unit), fen, fen)


@given(fixed_ranges)
def test_fixed_range_round_trips(r: Fixed) -> None:
    assert range_from_dict(json.loads(json.dumps(range_to_dict(r)))) == r


@given(proportional_ranges)
def test_proportional_range_round_trips(r: Proportional) -> None:
    assert range_from_dict(json.loads(json.dumps(range_to_dict(r)))) == r


@given(per_unit_ranges)
def test_per_unit_range_round_trips(r: PerUnit) -> None:
    assert range_from_dict(json.loads(json.dumps(range_to_dict(r)))) == r


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "fixed", "min_fen": 0, "max_fen": 1.5}, "max_fen"),
        ({"kind": "fixed", "min_fen": True, "max_fen": 100}, "min_fen"),
        ({"kind": "fixed", "min_fen": -1, "max_fen": 100}, "min_fen"),
        ({"kind": "fixed", "min_fen": 0}, "max_fen"),
        ({"kind": "fixed", "min_fen": 0, "max_fen": 100, "max_yuan": 1}, "max_yuan"),
        ({"kind": "percent", "min_bp": 0, "max_bp": 100}, "kind"),
        ({"kind": "proportional", "base": "turnover", "min_bp": 0, "max_bp": 100}, "base"),
        (
            {
                "kind": "proportional",
                "base": "investment",
                "min_bp": 0,
                "max_bp": 100,
                "below": {"min_fen": 1},
            },
            "below.threshold_fen",
        ),
        ({"kind": "per_unit", "unit": "ha", "min_fen": 0, "max_fen": 100}, "unit"),
    ],
)
def test_unreadable_range_names_the_key(data: dict[str, Any], field: str) -> None:
    with pytest.raises(SanctionError) as err:
        range_from_dict(data)
    assert err.value.field == field


def test_describe_reads_like_the_statute() -> None:
    assert describe(Fixed(0, 10_000_000, up_to=True)) == "0.00–100,000.00 元"
    assert describe(Proportional(Base.INVESTMENT, 100, 500)) == "1%–5% of investment"
    assert (
        describe(Proportional(Base.DISPOSAL_COST, 30_000, 50_000, base_floor_fen=20_000_000))
        == "3–5× disposal cost (cost counted as at least 200,000.00 元)"
    )
    assert describe(PerUnit(Unit.SQUARE_METRE, 10_000, 100_000)) == "100.00–1,000.00 元/m²"
    assert "below 10,000.00 元: 3,000.00–10,000.00 元" in describe(
        Proportional(Base.ILLEGAL_GAINS, 10_000, 50_000, below=BelowThreshold(1_000_000, 300_000, 1_000_000))
    )


def test_tier_names_map_to_chinese_and_back() -> None:
    assert [TIER_NAME_ZH[n] for n in TIER_ORDER] == [
        "不予处罚",
        "减轻处罚",
        "从轻处罚",
        "一般处罚",
        "从重处罚",
    ]
    assert all(TIER_NAME_FROM_ZH[TIER_NAME_ZH[n]] is n for n in TierName)


def test_baseline_effective_from_needs_an_offset_and_is_kept_in_utc() -> None:
    data = {"label": "x", "effective_from": "2025-01-01T00:00:00+08:00", "tiers": []}
    b = baseline_from_dict(data)
    assert b.effective_from == datetime(2024, 12, 31, 16, tzinfo=UTC)
    assert baseline_from_dict(baseline_to_dict(b)) == b
    with pytest.raises(SanctionError) as err:
        baseline_from_dict(data | {"effective_from": "2025-01-01T00:00:00"})
    assert err.value.field == "effective_from"


# --- within -------------------------------------------------------------------------------------

STATUTE = Fixed(2_000_000, 20_000_000)  # 二万元以上二十万元以下


def test_within_accepts_a_range_inside_and_touching_the_bounds() -> None:
    assert within(Fixed(2_000_000, 5_000_000), STATUTE) is None
    assert within(STATUTE, STATUTE) is None


def test_within_refuses_a_ceiling_above_the_statute() -> None:
    reason = within(Fixed(12_000_000, 25_000_000), STATUTE)
    assert reason is not None and "ceiling" in reason


def test_within_refuses_a_floor_below_the_statute_unless_allowed() -> None:
    assert "floor" in (within(Fixed(1_000_000, 2_000_000), STATUTE) or "")
    assert within(Fixed(1_000_000, 2_000_000), STATUTE, allow_below_floor=True) is None
    assert within(Fixed(1_000_000, 30_000_000), STATUTE, allow_below_floor=True) is not None


def test_within_refuses_other_kinds_bases_and_units() -> None:
    assert within(Proportional(Base.INVESTMENT, 100, 200), STATUTE) is not None
    assert (
        within(Proportional(Base.INVESTMENT, 100, 200), Proportional(Base.PROJECT_COST, 100, 500)) is not None
    )
    assert within(PerUnit(Unit.CUBIC_METRE, 100, 200), PerUnit(Unit.SQUARE_METRE, 100, 2_000)) is not None
    assert (
        within(PerUnit(Unit.SQUARE_METRE, 10_000, 50_000), PerUnit(Unit.SQUARE_METRE, 10_000, 100_000))
        is None
    )


def test_within_proportional_keeps_the_base_floor_and_the_switch() -> None:
    dumping = Proportional(Base.DISPOSAL_COST, 30_000, 50_000, base_floor_fen=20_000_000)
    assert (
        within(Proportional(Base.DISPOSAL_COST, 30_000, 40_000, base_floor_fen=20_000_000), dumping) is None
    )
    assert within(Proportional(Base.DISPOSAL_COST, 30_000, 40_000), dumping) is not None
    assert (
        within(Proportional(Base.DISPOSAL_COST, 30_000, 40_000, base_floor_fen=30_000_000), dumping)
        is not None
    )
    freight = Proportional(
        Base.ILLEGAL_GAINS, 10_000, 50_000, below=BelowThreshold(1_000_000, 300_000, 5_000_000)
    )
    inside = Proportional(
        Base.ILLEGAL_GAINS, 10_000, 20_000, below=BelowThreshold(1_000_000, 300_000, 600_000)
    )
    assert within(inside, freight) is None
    assert within(Proportional(Base.ILLEGAL_GAINS, 10_000, 20_000), freight) is not None
    wrong_threshold = Proportional(
        Base.ILLEGAL_GAINS, 10_000, 20_000, below=BelowThreshold(2_000_000, 300_000, 600_000)
    )
    assert within(wrong_threshold, freight) is not None
    below_too_high = Proportional(
        Base.ILLEGAL_GAINS, 10_000, 20_000, below=BelowThreshold(1_000_000, 300_000, 6_000_000)
    )
    assert within(below_too_high, freight) is not None


# --- validate_baseline --------------------------------------------------------------------------

SEED_DAY = datetime(2024, 12, 31, 16, tzinfo=UTC)


def tier(name: TierName, fine: FineRange | None, when: dict[str, Any] | None = None) -> Tier:
    return Tier(name, f"{TIER_NAME_ZH[name]}的情形", when or {}, fine)


def baseline(*tiers: Tier) -> Baseline:
    return Baseline("test", SEED_DAY, tiers)


def fields(b: Baseline, statutory: FineRange | None = STATUTE) -> list[str]:
    return [v.field for v in validate_baseline(b, statutory)]


GOOD = (
    tier(TierName.NO_PENALTY, None, {"first_violation": True, "harm": ["none", "minor"], "corrected": True}),
    tier(TierName.LIGHTER, Fixed(2_000_000, 5_000_000), {"harm": ["minor"], "corrected": True}),
    tier(TierName.ORDINARY, Fixed(5_000_000, 12_000_000)),
    tier(TierName.HEAVIER, Fixed(12_000_000, 20_000_000), {"repeat_within_2y": True}),
)


def test_a_sound_baseline_has_no_violations_and_tiers_may_touch() -> None:
    assert validate_baseline(baseline(*GOOD), STATUTE) == []


def test_mitigated_tier_may_go_below_the_statutory_floor_but_no_other_tier() -> None:
    mitigated = tier(TierName.MITIGATED, Fixed(1_000_000, 2_000_000), {"coerced": True})
    assert validate_baseline(baseline(GOOD[0], mitigated, *GOOD[1:]), STATUTE) == []
    lighter_too_low = tier(TierName.LIGHTER, Fixed(1_000_000, 5_000_000))
    assert fields(baseline(GOOD[0], lighter_too_low, *GOOD[2:])) == ["tiers[1].fine.min_fen"]


def test_a_baseline_needs_three_tiers() -> None:
    assert fields(baseline(*GOOD[2:])) == ["tiers"]


def test_tiers_go_lightest_first_without_duplicates() -> None:
    swapped = validate_baseline(baseline(GOOD[0], GOOD[2], GOOD[1], GOOD[3]), STATUTE)
    assert swapped[0].field == "tiers[2].name" and "lightest first" in swapped[0].reason
    assert "tiers[2].name" in fields(baseline(GOOD[0], GOOD[1], GOOD[1], GOOD[2], GOOD[3]))


def test_no_penalty_tier_carries_no_fine() -> None:
    fined = tier(TierName.NO_PENALTY, Fixed(2_000_000, 3_000_000))
    assert fields(baseline(fined, *GOOD[1:])) == ["tiers[0].fine"]


def test_overlapping_tiers_are_refused_naming_the_lower_tiers_ceiling() -> None:
    overlapping = tier(TierName.ORDINARY, Fixed(5_000_000, 13_000_000))
    violations = validate_baseline(baseline(GOOD[0], GOOD[1], overlapping, GOOD[3]), STATUTE)
    assert [v.field for v in violations] == ["tiers[2].fine.max_fen"]
    assert "tiers[3]" in violations[0].reason and "overlap" in violations[0].reason


def test_overlap_is_checked_for_proportional_tiers_and_their_below_ranges() -> None:
    statute = Proportional(
        Base.ILLEGAL_GAINS, 10_000, 50_000, below=BelowThreshold(1_000_000, 300_000, 5_000_000)
    )
    low = Proportional(
        Base.ILLEGAL_GAINS, 10_000, 30_000, below=BelowThreshold(1_000_000, 300_000, 1_200_000)
    )
    high = Proportional(
        Base.ILLEGAL_GAINS, 30_000, 50_000, below=BelowThreshold(1_000_000, 1_000_000, 5_000_000)
    )
    b = baseline(tier(TierName.LIGHTER, low), tier(TierName.ORDINARY, high), tier(TierName.HEAVIER, None))
    assert fields(b, statute) == ["tiers[0].fine.below.max_fen"]


def test_floor_above_ceiling_is_refused() -> None:
    upside_down = tier(TierName.LIGHTER, Fixed(5_000_000, 2_000_000))
    assert "tiers[1].fine.min_fen" in fields(baseline(GOOD[0], upside_down, *GOOD[2:]))


def test_fine_outside_the_statutory_range_names_the_bound() -> None:
    too_high = tier(TierName.HEAVIER, Fixed(12_000_000, 25_000_000))
    assert fields(baseline(*GOOD[:3], too_high)) == ["tiers[3].fine.max_fen"]
    other_kind = tier(TierName.HEAVIER, Proportional(Base.ILLEGAL_GAINS, 10_000, 20_000))
    assert fields(baseline(*GOOD[:3], other_kind)) == ["tiers[3].fine.kind"]


def test_no_tier_may_be_fined_when_the_statute_sets_no_fine() -> None:
    assert "tiers[1].fine" in fields(baseline(*GOOD), None)


def test_when_names_only_known_facts_with_values_of_the_right_type() -> None:
    assert set(KNOWN_FACTS) >= {"first_violation", "harm", "corrected", "illegal_gains_over_fen"}
    bad: list[tuple[dict[str, Any], str]] = [
        ({"weather": "rain"}, "tiers[2].when.weather"),
        ({"harm": ["catastrophic"]}, "tiers[2].when.harm"),
        ({"corrected": "yes"}, "tiers[2].when.corrected"),
        ({"illegal_gains_over_fen": 1.5}, "tiers[2].when.illegal_gains_over_fen"),
    ]
    for when, field in bad:
        assert fields(baseline(GOOD[0], GOOD[1], tier(TierName.ORDINARY, GOOD[2].fine, when), GOOD[3])) == [
            field
        ]


# --- rejected catalogue rows --------------------------------------------------------------------


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"


def row(n: int = 1, domain: str = "YJ", **overrides: Any) -> dict[str, Any]:
    """A valid item dict in TOML-row form: the Art. 97(3) training item, renumbered."""
    d = BY_ZONE[domain]
    item: dict[str, Any] = {
        "code": f"GZ-{domain}-{n:03d}",
        "name": "生产经营单位未按照规定对从业人员进行安全生产教育和培训",
        "domain": domain,
        "kind": "penalty",
        "basis": {"law": "中华人民共和国安全生产法", "version": "2021", "article": "第二十八条第一款"},
        "penalty_basis": {
            "law": "中华人民共和国安全生产法",
            "version": "2021",
            "article": "第九十七条第三项",
        },
        "chongqing_code": f"CQ-{d.chongqing}-{n:04d}",
        "sichuan_code": f"SC{d.sichuan}{n:05d}",
        "other_sanctions": ["责令限期改正"],
        "statutory": {"kind": "fixed", "min_fen": 0, "max_fen": 10_000_000, "up_to": True},
        "tier": [
            {
                "name": "no_penalty",
                "condition": "首次违法，危害后果轻微并及时改正",
                "when": {"first_violation": True, "harm": ["none", "minor"], "corrected": True},
            },
            {
                "name": "lighter",
                "condition": "从轻",
                "fine": {"kind": "fixed", "min_fen": 0, "max_fen": 3_000_000},
            },
            {
                "name": "ordinary",
                "condition": "一般",
                "fine": {"kind": "fixed", "min_fen": 3_000_000, "max_fen": 6_000_000},
            },
            {
                "name": "heavier",
                "condition": "二年内再次违法",
                "when": {"repeat_within_2y": True},
                "fine": {"kind": "fixed", "min_fen": 6_000_000, "max_fen": 10_000_000},
            },
        ],
    }
    item.update(overrides)
    return item


def document(*rows: dict[str, Any]) -> str:
    lines = ['[baseline]\nlabel = "t"\neffective_from = 2025-01-01T00:00:00+08:00\n']
    for r in rows:
        lines.append("[[item]]")
        lines.extend(f"{k} = {_toml(v)}" for k, v in r.items() if k != "tier")
        for t in r["tier"]:
            lines.append("[[item.tier]]")
            lines.extend(f"{k} = {_toml(v)}" for k, v in t.items())
        lines.append("")
    return "\n".join(lines)


def rejected(*rows: dict[str, Any]) -> CatalogueError:
    with pytest.raises(CatalogueError) as err:
        parse_catalogue(document(*rows))
    return err.value


def with_tier(i: int, **changes: Any) -> list[dict[str, Any]]:
    tiers = [dict(t) for t in row()["tier"]]
    tiers[i].update(changes)
    return tiers


def test_valid_rows_parse() -> None:
    items = parse_catalogue(document(row(1), row(2), row(1, "ST")))
    assert [i.code for i in items] == ["GZ-YJ-001", "GZ-YJ-002", "GZ-ST-001"]
    assert items[0].baseline.effective_from == SEED_DAY


def test_unknown_domain_names_the_row() -> None:
    err = rejected(row(1), row(2) | {"code": "GZ-XX-002", "domain": "XX"})
    assert (err.row, err.code) == (2, "GZ-XX-002")
    assert "unknown domain" in err.reason and "row 2 (GZ-XX-002)" in str(err)


def test_zone_code_must_carry_the_items_domain_letters() -> None:
    err = rejected(row(1, code="GZ-ST-001"))
    assert err.row == 1 and "domain" in err.reason


def test_duplicate_zone_code_names_both_rows() -> None:
    err = rejected(row(1), row(2), row(3, code="GZ-YJ-002"))
    assert (err.row, err.code) == (3, "GZ-YJ-002")
    assert "duplicate" in err.reason and "row 2" in err.reason


def test_duplicate_local_codes_are_refused_for_each_province() -> None:
    err = rejected(row(1), row(2, chongqing_code="CQ-YJGL-0001"))
    assert err.row == 2 and "chongqing_code" in err.reason and "duplicate" in err.reason
    err = rejected(row(1), row(2, sichuan_code="SC0100001"))
    assert err.row == 2 and "sichuan_code" in err.reason and "duplicate" in err.reason


def test_local_codes_must_use_the_provinces_code_of_the_same_domain() -> None:
    assert "chongqing_code" in rejected(row(1, chongqing_code="CQ-STHJ-0001")).reason
    assert "sichuan_code" in rejected(row(1, sichuan_code="SC0200001")).reason
    assert "sichuan_code" in rejected(row(1, sichuan_code="SC010001")).reason


def test_empty_legal_basis_is_refused() -> None:
    err = rejected(row(1, basis={"law": "中华人民共和国安全生产法", "version": "2021", "article": ""}))
    assert err.row == 1 and "basis.article" in err.reason and "empty" in err.reason


def test_tier_outside_the_statutory_range_is_refused() -> None:
    tiers = with_tier(3, fine={"kind": "fixed", "min_fen": 6_000_000, "max_fen": 20_000_000})
    err = rejected(row(1), row(2, tier=tiers))
    assert (err.row, err.code) == (2, "GZ-YJ-002")
    assert "tiers[3].fine.max_fen" in err.reason and "statutory ceiling" in err.reason


def test_tiers_out_of_order_are_refused() -> None:
    tiers = row()["tier"]
    err = rejected(row(1, tier=[tiers[0], tiers[2], tiers[1], tiers[3]]))
    assert err.row == 1 and "tiers[2].name" in err.reason and "lightest first" in err.reason


def test_overlapping_tiers_are_refused() -> None:
    err = rejected(row(1, tier=with_tier(1, fine={"kind": "fixed", "min_fen": 0, "max_fen": 4_000_000})))
    assert err.row == 1 and "tiers[1].fine.max_fen" in err.reason and "overlap" in err.reason


def test_fine_on_the_no_penalty_tier_is_refused() -> None:
    err = rejected(row(1, tier=with_tier(0, fine={"kind": "fixed", "min_fen": 0, "max_fen": 100_000})))
    assert err.row == 1 and "tiers[0].fine" in err.reason and "no fine" in err.reason


def test_unknown_fact_in_when_is_refused() -> None:
    err = rejected(row(1, tier=with_tier(3, when={"full_moon": True})))
    assert err.row == 1 and "tiers[3].when.full_moon" in err.reason and "unknown fact" in err.reason


def test_unknown_key_in_a_row_is_refused_rather_than_ignored() -> None:
    err = rejected(row(1, statutory_yuan=100_000))
    assert err.row == 1 and "statutory_yuan" in err.reason


def test_item_from_dict_reports_the_reason_too() -> None:
    good = item_to_dict(parse_catalogue(document(row(1)))[0])
    with pytest.raises(CatalogueError) as err:
        item_from_dict(good | {"domain": "XX"})
    assert "unknown domain" in err.value.reason
