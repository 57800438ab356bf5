"""The discretion engine on real catalogue items: tiers, exclusions, Art. 32/37, ranges, procedure."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gaozhu.registry.catalogue import CatalogueItem, load_catalogue
from gaozhu.registry.discretion import (
    AssessPolicy,
    BaselineVersion,
    Decision,
    Facts,
    assess,
    check_penalty,
    facts_from_dict,
    facts_to_dict,
    version_from_baseline,
    version_from_record,
)
from gaozhu.registry.discretion_amounts import concrete_range
from gaozhu.registry.errors import InvalidArgument
from gaozhu.registry.items import BaselineRecord
from gaozhu.registry.sanctions import Fixed, Tier, TierName

CST = timezone(timedelta(hours=8))
OCCURRED = datetime(2025, 3, 1, 10, 0, tzinfo=CST)
DECIDED = datetime(2025, 4, 1, 10, 0, tzinfo=CST)
YUAN = 100  # fen


@cache
def catalogue() -> dict[str, CatalogueItem]:
    return {item.code: item for item in load_catalogue()}


def facts(**kw: Any) -> Facts:
    values: dict[str, Any] = {"occurred_at": OCCURRED, "decided_at": DECIDED, "harm": "none"}
    values.update(kw)
    return Facts(**values)


def run(code: str, policy: AssessPolicy | None = None, **kw: Any) -> Decision:
    item = catalogue()[code]
    versions = [version_from_baseline(item.baseline)]
    if policy is None:
        return assess(code, item.statutory, versions, facts(**kw))
    return assess(code, item.statutory, versions, facts(**kw), policy=policy)


def codes(d: Decision, matched: bool = True) -> set[str]:
    return {r.code for r in d.reasons if r.matched is matched}


NP, MIT, LIGHT, ORD, HEAVY = (
    TierName.NO_PENALTY,
    TierName.MITIGATED,
    TierName.LIGHTER,
    TierName.ORDINARY,
    TierName.HEAVIER,
)

# (item, facts, expected tier, expected min yuan, expected max yuan)
CASES: list[tuple[str, dict[str, Any], TierName | None, int, int]] = [
    # 安全生产法 Art. 97(3): up to 100,000 yuan; 0–30k / 30k–60k / 60k–100k
    ("GZ-YJ-001", {"first_violation": True, "corrected": True}, NP, 0, 0),
    ("GZ-YJ-001", {"corrected": True, "harm": "minor"}, LIGHT, 0, 30_000),
    ("GZ-YJ-001", {"coerced": True}, LIGHT, 0, 30_000),  # Art. 32, no mitigated tier: lighter
    ("GZ-YJ-001", {}, ORD, 30_000, 60_000),
    ("GZ-YJ-001", {"repeat_within_2y": True}, HEAVY, 60_000, 100_000),
    ("GZ-YJ-001", {"party_is_organisation": False, "party_age_years": 16}, LIGHT, 0, 30_000),
    # 大气污染防治法 Art. 108(1): 20k–200k yuan, fixed
    ("GZ-ST-001", {"first_violation": True, "corrected": True, "harm": "minor"}, NP, 0, 0),
    ("GZ-ST-001", {"coerced": True}, MIT, 10_000, 20_000),  # 减轻: below the statutory floor
    ("GZ-ST-001", {"corrected": True, "harm": "minor"}, LIGHT, 20_000, 50_000),
    ("GZ-ST-001", {"harm": "minor"}, ORD, 50_000, 120_000),
    ("GZ-ST-001", {"repeat_within_2y": True, "harm": "serious"}, HEAVY, 120_000, 200_000),
    # 土地管理法实施条例 Art. 57: 100–1,000 yuan per m²
    ("GZ-GH-008", {"quantity": 100, "voluntary_report": True, "corrected": True}, MIT, 5_000, 10_000),
    ("GZ-GH-008", {"quantity": 100, "voluntary_report": True}, LIGHT, 10_000, 37_000),
    ("GZ-GH-008", {"quantity": 10, "first_violation": True, "corrected": True}, LIGHT, 1_000, 3_700),
    ("GZ-GH-008", {"quantity": 10}, ORD, 3_700, 6_400),
    ("GZ-GH-008", {"quantity": 10, "repeat_within_2y": True}, HEAVY, 6_400, 10_000),
    # 道路运输条例 Art. 63(1): gains > 10k: 1–5×; below 10k: 3k–10k (serious 10k–50k)
    ("GZ-JT-001", {"illegal_gains_fen": 5_000 * YUAN}, ORD, 6_000, 10_000),
    ("GZ-JT-001", {"illegal_gains_fen": 9_999 * YUAN}, ORD, 6_000, 10_000),
    ("GZ-JT-001", {"illegal_gains_fen": 10_000 * YUAN}, ORD, 22_000, 34_000),
    ("GZ-JT-001", {"illegal_gains_fen": 20_000 * YUAN}, ORD, 44_000, 68_000),
    (
        "GZ-JT-001",
        {"illegal_gains_fen": 3_000 * YUAN, "corrected": True, "harm": "minor"},
        LIGHT,
        3_000,
        6_000,
    ),
    ("GZ-JT-001", {"serious_consequence": True}, HEAVY, 10_000, 50_000),
    (
        "GZ-JT-001",
        {"illegal_gains_fen": 100_000 * YUAN, "serious_consequence": True},
        HEAVY,
        340_000,
        500_000,
    ),
    # 固废法 Art. 112(3): 3–5× disposal cost, cost counted as at least 200k
    ("GZ-ST-025", {"base_amount_fen": 50_000 * YUAN}, ORD, 720_000, 840_000),
    ("GZ-ST-025", {}, ORD, 720_000, 840_000),  # no cost given: the statutory floor base
    ("GZ-ST-025", {"base_amount_fen": 1_000_000 * YUAN}, ORD, 3_600_000, 4_200_000),
    ("GZ-ST-025", {"base_amount_fen": 50_000 * YUAN, "coerced": True}, MIT, 300_000, 600_000),
    ("GZ-ST-025", {"first_violation": True, "corrected": True}, LIGHT, 600_000, 720_000),  # no 首违不罚 entry
    ("GZ-ST-025", {"harm": "serious"}, HEAVY, 840_000, 1_000_000),
]


@pytest.mark.parametrize(("code", "kw", "tier", "lo", "hi"), CASES)
def test_each_tier_of_real_items(code: str, kw: dict[str, Any], tier: TierName, lo: int, hi: int) -> None:
    d = run(code, **kw)
    assert (d.tier, d.min_fen, d.max_fen) == (tier, lo * YUAN, hi * YUAN)
    assert d.no_penalty is (tier is NP)
    assert "tier.selected" in codes(d)
    expected = next(t for t in catalogue()[code].baseline.tiers if t.name is tier).other_sanctions
    assert d.other_sanctions == expected


def test_first_violation_corrected_no_harm_is_no_penalty_with_education() -> None:
    d = run("GZ-YJ-001", first_violation=True, corrected=True)
    assert d.no_penalty and d.tier is NP and (d.min_fen, d.max_fen) == (0, 0)
    assert "批评教育" in d.other_sanctions
    assert {"art33.first_violation", "tier.matched"} <= codes(d)
    assert d.procedure == "ordinary" and not d.needs_hearing and not d.needs_legal_review


@pytest.mark.parametrize(
    ("kw", "code"),
    [
        ({"party_is_organisation": False, "party_age_years": 13}, "art30.under_14"),
        ({"no_fault": True, "repeat_within_2y": True}, "art33.no_fault"),
        ({"minor_violation": True, "corrected": True}, "art33.minor_corrected_no_harm"),
    ],
)
def test_statutory_exclusions_give_no_penalty_without_a_tier(kw: dict[str, Any], code: str) -> None:
    d = run("GZ-ST-025", **kw)  # an item without a no-penalty tier: the law still excludes
    assert d.no_penalty and d.tier is None and (d.min_fen, d.max_fen) == (0, 0)
    assert code in codes(d)
    assert not any(r.code.startswith("tier.") for r in d.reasons)


def test_minor_violation_with_minor_harm_is_not_excluded() -> None:
    d = run("GZ-ST-025", minor_violation=True, corrected=True, harm="minor")
    assert d.tier is LIGHT and "art33.minor_corrected_no_harm" in codes(d, matched=False)


def test_discovered_more_than_two_years_later_is_time_barred() -> None:
    occurred = datetime(2022, 1, 10, 9, 0, tzinfo=CST)
    late = facts(
        occurred_at=occurred, discovered_at=occurred + timedelta(days=2 * 365 + 1), decided_at=DECIDED
    )
    item = catalogue()["GZ-YJ-001"]
    d = assess("GZ-YJ-001", item.statutory, [version_from_baseline(item.baseline)], late)
    assert d.no_penalty and d.tier is None and d.other_sanctions == ()
    assert "art36.limitation" in codes(d)
    on_time = dataclasses.replace(late, discovered_at=datetime(2024, 1, 10, 9, 0, tzinfo=CST))
    assert assess("GZ-YJ-001", item.statutory, [version_from_baseline(item.baseline)], on_time).tier is ORD


def test_limitation_is_five_years_where_life_or_finance_was_endangered_with_harm() -> None:
    occurred = datetime(2019, 6, 1, tzinfo=CST)
    three_years = occurred.replace(year=2022)
    item = catalogue()["GZ-YJ-001"]
    versions = [version_from_baseline(item.baseline)]

    def decide(**kw: Any) -> Decision:
        f = facts(occurred_at=occurred, decided_at=DECIDED, **kw)
        return assess("GZ-YJ-001", item.statutory, versions, f)

    assert not decide(discovered_at=three_years, endangers_life_or_finance=True, harm="minor").no_penalty
    assert decide(discovered_at=three_years, endangers_life_or_finance=True, harm="none").no_penalty
    barred = decide(
        discovered_at=occurred.replace(year=2024, day=2), endangers_life_or_finance=True, harm="minor"
    )
    assert barred.no_penalty and barred.tier is None


def test_undiscovered_means_discovered_at_the_decision() -> None:
    occurred = datetime(2022, 1, 1, tzinfo=CST)
    d = run("GZ-YJ-001", occurred_at=occurred, decided_at=datetime(2024, 6, 1, tzinfo=CST))
    assert d.tier is None and "art36.limitation" in codes(d)


def test_art32_mitigation_prevails_over_aggravation_and_says_so() -> None:
    d = run("GZ-YJ-001", repeat_within_2y=True, corrected=True, harm="minor")
    assert d.tier is LIGHT
    assert "Art. 32" in d.precedence_note and "heavier" in d.precedence_note
    assert {"art32.harm_removed", "tier.matched"} <= codes(d)


def test_policy_can_send_every_art32_ground_to_the_mitigated_tier() -> None:
    strict = AssessPolicy(art32_tier="mitigated")
    assert run("GZ-ST-001", corrected=True, harm="minor").tier is LIGHT
    d = run("GZ-ST-001", strict, corrected=True, harm="minor")
    assert (d.tier, d.min_fen, d.max_fen) == (MIT, 10_000 * YUAN, 20_000 * YUAN)
    off = AssessPolicy(corrected_counts_as_harm_removed=False)
    assert run("GZ-YJ-001", off, repeat_within_2y=True, corrected=True).tier is HEAVY


@pytest.mark.parametrize(
    "kw", [{}, {"repeat_within_2y": True}, {"corrected": True}, {"first_violation": True, "corrected": True}]
)
def test_no_precedence_note_when_nothing_competes(kw: dict[str, Any]) -> None:
    assert run("GZ-YJ-001", **kw).precedence_note == ""


def _tier(name: TierName, when: dict[str, Any], lo: int, hi: int) -> Tier:
    fine = None if name is NP else Fixed(lo * YUAN, hi * YUAN, up_to=lo == 0)
    return Tier(name, f"{name.value} (test)", when, fine)


def test_heavier_wins_over_a_discretionary_lighter_tier() -> None:
    tiers = (
        _tier(LIGHT, {"first_violation": True}, 0, 30_000),
        _tier(ORD, {}, 30_000, 60_000),
        _tier(HEAVY, {"serious_consequence": True}, 60_000, 100_000),
    )
    v = BaselineVersion(1, "test", datetime(2025, 1, 1, tzinfo=UTC), tiers)
    statutory = Fixed(0, 100_000 * YUAN, up_to=True)
    d = assess("GZ-YJ-001", statutory, [v], facts(first_violation=True, serious_consequence=True))
    assert d.tier is HEAVY and "heavier tier prevails" in d.precedence_note
    only_light = assess("GZ-YJ-001", statutory, [v], facts(first_violation=True))
    assert only_light.tier is LIGHT and only_light.precedence_note == ""


# --- valid time (Art. 37): 安全生产法 Art. 94 (old, ≤50k) became Art. 97 on 2021-09-01 ----------------

NEW_LAW = datetime(2021, 9, 1, tzinfo=CST)
OLD_VIOLATION = datetime(2021, 8, 20, 15, 0, tzinfo=CST)
DECIDED_2022 = datetime(2022, 3, 15, 10, 0, tzinfo=CST)


def old_and_new() -> list[BaselineVersion]:
    """v1: the old Art. 94 range (fine up to 50,000 yuan), split 0–15k / 15k–30k / 30k–50k
    (illustrative); v2: the catalogue's Art. 97(3) baseline, in force from 2021-09-01."""
    old = BaselineVersion(
        1,
        "安全生产法(2014)第九十四条 illus.",
        datetime(2014, 12, 1, tzinfo=CST),
        (
            _tier(LIGHT, {"harm": ["none", "minor"], "corrected": True}, 0, 15_000),
            _tier(ORD, {}, 15_000, 30_000),
            _tier(HEAVY, {"repeat_within_2y": True}, 30_000, 50_000),
        ),
    )
    new = dataclasses.replace(
        version_from_baseline(catalogue()["GZ-YJ-001"].baseline, 2), effective_from=NEW_LAW
    )
    return [old, new]


def _valid_time(**kw: Any) -> Decision:
    f = facts(occurred_at=OLD_VIOLATION, decided_at=DECIDED_2022, **kw)
    return assess("GZ-YJ-001", catalogue()["GZ-YJ-001"].statutory, old_and_new(), f)


def test_violation_before_the_amendment_keeps_the_old_lighter_range() -> None:
    d = _valid_time()
    assert (d.baseline_version, d.tier, d.min_fen, d.max_fen) == (1, ORD, 15_000 * YUAN, 30_000 * YUAN)
    art37 = next(r for r in d.reasons if r.code == "art37.lighter_new_version")
    assert not art37.matched and "art37.version_in_force" in codes(d)
    assert "older" in d.precedence_note


def test_newer_version_applies_when_it_is_lighter() -> None:
    d = _valid_time(first_violation=True, corrected=True)  # only the new baseline has 首违不罚
    assert (d.baseline_version, d.tier, d.no_penalty) == (2, NP, True)
    assert "art37.lighter_new_version" in codes(d)
    assert "newer" in d.precedence_note


def test_violation_after_the_amendment_uses_the_new_version_without_comparison() -> None:
    f = facts(occurred_at=datetime(2021, 10, 1, tzinfo=CST), decided_at=DECIDED_2022)
    d = assess("GZ-YJ-001", None, old_and_new(), f)
    assert (d.baseline_version, d.tier) == (2, ORD)
    assert not any(r.code == "art37.lighter_new_version" for r in d.reasons)


def test_no_version_in_force_at_the_violation_uses_the_earliest_and_says_so() -> None:
    f = facts(occurred_at=datetime(2014, 1, 1, tzinfo=CST), decided_at=datetime(2014, 6, 1, tzinfo=CST))
    d = assess("GZ-YJ-001", None, old_and_new(), f)
    assert d.baseline_version == 1 and "art37.no_version_at_occurrence" in codes(d)


def test_version_from_a_stored_record() -> None:
    item = catalogue()["GZ-YJ-001"]
    record = BaselineRecord(
        "GZ-YJ-001", 3, "2025.1", item.baseline.effective_from, DECIDED, 7, item.baseline.tiers
    )
    v = version_from_record(record)
    assert (v.version, v.label, v.tiers) == (3, "2025.1", item.baseline.tiers)


# --- procedure ------------------------------------------------------------------------------------


def test_small_fine_takes_the_simple_procedure_for_an_organisation_only() -> None:
    org = run("GZ-GH-008", quantity=5, corrected=True)
    assert (org.min_fen, org.max_fen) == (500 * YUAN, 1_850 * YUAN)
    assert org.procedure == "simple" and "art51.simple_procedure" in codes(org)
    person = run("GZ-GH-008", quantity=5, corrected=True, party_is_organisation=False)
    assert person.procedure == "ordinary"


def test_large_fine_needs_a_hearing_and_legal_review() -> None:
    d = run("GZ-ST-001")  # ordinary 50k–120k for an organisation
    assert d.needs_hearing and d.needs_legal_review and d.procedure == "ordinary"
    small = run("GZ-YJ-001", corrected=True)  # lighter 0–30k
    assert not small.needs_hearing and not small.needs_legal_review
    person = run("GZ-YJ-001", corrected=True, party_is_organisation=False)
    assert person.needs_hearing  # 10,000 yuan for individuals by default
    local = AssessPolicy(hearing_min_organisation_fen=20_000 * YUAN, legal_review_on_hearing=False)
    d = run("GZ-YJ-001", local, corrected=True)
    assert d.needs_hearing and not d.needs_legal_review


def test_heavier_tier_needs_legal_review() -> None:
    d = run("GZ-GH-008", quantity=10, repeat_within_2y=True)
    assert d.tier is HEAVY and d.needs_legal_review and not d.needs_hearing


# --- errors, determinism, check -------------------------------------------------------------------


def test_per_unit_range_needs_a_quantity() -> None:
    with pytest.raises(InvalidArgument) as e:
        run("GZ-GH-008")
    assert [v.field for v in e.value.violations] == ["quantity"]


def test_proportional_range_needs_its_base() -> None:
    # GZ-ST-029: 环境影响评价法 Art. 31, 1%–5% of total investment, no floor and no switch
    with pytest.raises(InvalidArgument) as e:
        run("GZ-ST-029")
    assert [v.field for v in e.value.violations] == ["base_amount_fen"]
    d = run("GZ-ST-029", base_amount_fen=12_345_678)  # 2.2%–3.4%: 271,604.916 and 419,753.052 fen
    assert (d.tier, d.min_fen, d.max_fen) == (ORD, 271_604, 419_753)  # fractions of a fen dropped


def test_no_versions_is_invalid() -> None:
    with pytest.raises(InvalidArgument) as e:
        assess("GZ-YJ-001", None, [], facts())
    assert e.value.violations[0].field == "versions"


def test_same_inputs_give_equal_decisions_in_any_version_order() -> None:
    f = facts(occurred_at=OLD_VIOLATION, decided_at=DECIDED_2022, repeat_within_2y=True, corrected=True)
    versions = old_and_new()
    first = assess("GZ-YJ-001", None, versions, f)
    assert first == assess("GZ-YJ-001", None, versions, f)
    assert first == assess("GZ-YJ-001", None, list(reversed(versions)), f)


@pytest.mark.parametrize(
    ("kw", "fine", "in_tier", "in_law"),
    [
        ({}, 40_000, True, True),
        ({}, 70_000, False, True),
        ({}, 120_000, False, False),
        ({"first_violation": True, "corrected": True}, 0, True, True),
        ({"first_violation": True, "corrected": True}, 1_000, False, True),
    ],
)
def test_check_penalty(kw: dict[str, Any], fine: int, in_tier: bool, in_law: bool) -> None:
    item = catalogue()["GZ-YJ-001"]
    c = check_penalty(
        "GZ-YJ-001", item.statutory, [version_from_baseline(item.baseline)], facts(**kw), fine * YUAN
    )
    assert (c.within_tier, c.within_statutory) == (in_tier, in_law)
    assert [r.code for r in c.reasons] == ["check.within_tier", "check.within_statutory"]


def test_check_penalty_allows_below_the_floor_only_when_mitigated() -> None:
    item = catalogue()["GZ-ST-001"]
    versions = [version_from_baseline(item.baseline)]
    mitigated = check_penalty("GZ-ST-001", item.statutory, versions, facts(coerced=True), 15_000 * YUAN)
    assert mitigated.within_tier and mitigated.within_statutory
    ordinary = check_penalty("GZ-ST-001", item.statutory, versions, facts(), 15_000 * YUAN)
    assert not ordinary.within_tier and not ordinary.within_statutory
    with pytest.raises(InvalidArgument):
        check_penalty("GZ-ST-001", item.statutory, versions, facts(), -1)


# --- facts ----------------------------------------------------------------------------------------


def test_facts_round_trip_through_their_dict_form() -> None:
    f = facts(
        discovered_at=DECIDED, quantity=3, party_is_organisation=False, party_age_years=30, harm="minor"
    )
    d = facts_to_dict(f)
    assert d["occurred_at"] == "2025-03-01T10:00:00+08:00"
    assert facts_from_dict(d) == f


def test_facts_errors_name_every_bad_key() -> None:
    with pytest.raises(InvalidArgument) as e:
        facts_from_dict(
            {"occurred_at": "2025-03-01T10:00:00", "decided_at": DECIDED.isoformat(), "colour": 1}
        )
    assert {v.field for v in e.value.violations} == {"colour", "harm"}
    bad = {
        "occurred_at": "2025-03-01T10:00:00",
        "decided_at": "not a time",
        "harm": "big",
        "quantity": "3",
        "corrected": "yes",
        "party_age_years": True,
    }
    with pytest.raises(InvalidArgument) as e:
        facts_from_dict(bad)
    fields = {v.field for v in e.value.violations}
    assert fields == {"occurred_at", "decided_at", "harm", "quantity", "corrected", "party_age_years"}
    naive = next(v for v in e.value.violations if v.field == "occurred_at")
    assert "UTC offset" in naive.reason


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"decided_at": OCCURRED - timedelta(days=1)}, "decided_at"),
        ({"discovered_at": OCCURRED - timedelta(days=1)}, "discovered_at"),
        ({"discovered_at": DECIDED + timedelta(days=1)}, "discovered_at"),
        ({"first_violation": True, "repeat_within_2y": True}, "repeat_within_2y"),
        ({"party_age_years": 30}, "party_age_years"),
        ({"illegal_gains_fen": -1}, "illegal_gains_fen"),
    ],
)
def test_contradictory_or_negative_facts_are_refused(kw: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidArgument) as e:
        facts(**kw)
    assert [v.field for v in e.value.violations] == [field]


# --- property: every decision lies inside the statute ---------------------------------------------

FINED_ITEMS = sorted(code for code, item in catalogue().items() if item.statutory is not None)


RARELY = st.integers(0, 9).map(lambda n: n == 0)  # exclusions rare enough that most cases reach a tier


@st.composite
def random_facts(draw: st.DrawFn) -> Facts:
    occurred = datetime(2024, 6, 1, tzinfo=CST) + timedelta(minutes=draw(st.integers(0, 3 * 365 * 24 * 60)))
    decided = occurred + timedelta(minutes=draw(st.integers(0, 3 * 365 * 24 * 60)))
    discovered = draw(
        st.one_of(st.none(), st.builds(lambda x: occurred + (decided - occurred) * x, st.floats(0, 1)))
    )
    first = draw(st.booleans())
    person = draw(st.booleans())
    return Facts(
        occurred_at=occurred,
        decided_at=decided,
        discovered_at=discovered,
        harm=draw(st.sampled_from(["none", "minor", "serious"])),
        first_violation=first,
        repeat_within_2y=False if first else draw(st.booleans()),
        corrected=draw(st.booleans()),
        minor_violation=draw(RARELY),
        illegal_gains_fen=draw(st.integers(0, 10**10)),
        base_amount_fen=draw(st.integers(1, 10**11)),
        quantity=draw(st.integers(1, 10**6)),
        voluntary_report=draw(st.booleans()),
        cooperated=draw(st.booleans()),
        coerced=draw(st.booleans()),
        no_fault=draw(RARELY),
        obstruction=draw(st.booleans()),
        serious_consequence=draw(st.booleans()),
        party_is_organisation=not person,
        party_age_years=draw(st.integers(0, 90)) if person else None,
        endangers_life_or_finance=draw(st.booleans()),
    )


@settings(max_examples=300, deadline=None)
@given(code=st.sampled_from(FINED_ITEMS), f=random_facts())
def test_every_decision_lies_inside_the_statutory_range(code: str, f: Facts) -> None:
    item = catalogue()[code]
    assert item.statutory is not None
    d = assess(code, item.statutory, [version_from_baseline(item.baseline)], f)
    assert 0 <= d.min_fen <= d.max_fen
    if d.no_penalty:
        assert (d.min_fen, d.max_fen) == (0, 0)
        return
    s = concrete_range(item.statutory, f)
    assert d.max_fen <= s.max_fen
    if d.tier is not MIT:
        assert d.min_fen >= s.min_fen
    assert next(r for r in d.reasons if r.code == "statute.range").matched
    assert d == assess(code, item.statutory, [version_from_baseline(item.baseline)], f)
