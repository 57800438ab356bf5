"""DiscretionService end to end on a real gateway: one ruler for both provinces (issue 6).

Real catalogue items, table-driven per tier; the same facts through the zone code and both local
codes, asked by both platforms, give byte-identical answers; batches fail case by case; a fine is
checked; a baseline version is published ahead of time, announced at its hour by the job function
under a clock the test moves, and only then used, for violations on or after its date (Art. 37)."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

import grpc
import pytest

from gaozhu.gateway import convert, server
from gaozhu.gateway.discretion_convert import decision_to_proto
from gaozhu.gateway.errors import field_violations
from gaozhu.gateway.identity import IDENTITY_HEADER
from gaozhu.registry.baselines import announce_due_baselines
from gaozhu.registry.catalogue import CatalogueItem, load_catalogue
from gaozhu.registry.clock import ManualClock
from gaozhu.registry.discretion import Facts, assess, version_from_baseline
from gaozhu.registry.sanctions import Baseline, Fixed, TierName
from gaozhu.v1 import common_pb2, discretion_pb2, discretion_pb2_grpc, sync_pb2, sync_pb2_grpc
from tests.zone import Store, make_store, running_gateway

CQ = ((IDENTITY_HEADER, "platform/chongqing"),)
SC = ((IDENTITY_HEADER, "platform/sichuan"),)
STAFF = ((IDENTITY_HEADER, "staff/demo"),)
ADMIN = ((IDENTITY_HEADER, "admin/demo"),)
CST = timezone(timedelta(hours=8))
OCCURRED = datetime(2025, 3, 1, 10, 0, tzinfo=CST)
DECIDED = datetime(2025, 4, 1, 10, 0, tzinfo=CST)
CATALOGUE_REVISION = 250  # migration 0002: one event per item and per baseline, 125 items
HARM = {
    "none": discretion_pb2.HARM_NONE,
    "minor": discretion_pb2.HARM_MINOR,
    "serious": discretion_pb2.HARM_SERIOUS,
}


@cache
def catalogue() -> dict[str, CatalogueItem]:
    return {item.code: item for item in load_catalogue()}


def wire_facts(occurred: datetime = OCCURRED, decided: datetime = DECIDED, **kw: Any) -> discretion_pb2.Facts:
    facts = discretion_pb2.Facts(harm=HARM[kw.pop("harm", "none")], **kw)
    facts.occurred_at.FromDatetime(occurred)
    facts.decided_at.FromDatetime(decided)
    return facts


def engine_facts(occurred: datetime = OCCURRED, decided: datetime = DECIDED, **kw: Any) -> Facts:
    if "corrected_in_time" in kw:
        kw["corrected"] = kw.pop("corrected_in_time")
    # the wire carries instants; the service reads them as UTC, and the reasons quote them so
    return Facts(
        occurred_at=occurred.astimezone(UTC),
        decided_at=decided.astimezone(UTC),
        harm=kw.pop("harm", "none"),
        **kw,
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)


@pytest.fixture
async def zone(store: Store) -> AsyncIterator[tuple[server.Gateway, grpc.aio.Channel]]:
    async with (
        running_gateway(store, progress_s=0.3) as (gateway, address),
        grpc.aio.insecure_channel(address) as ch,
    ):
        yield gateway, ch


@pytest.fixture
def stub(zone: tuple[server.Gateway, grpc.aio.Channel]) -> discretion_pb2_grpc.DiscretionServiceStub:
    return discretion_pb2_grpc.DiscretionServiceStub(zone[1])


# --- per tier, on real items ----------------------------------------------------------------------

M = 1_000_000_00  # one million yuan in fen: the base of the percentage cases
CASES = [
    # item, facts, tier, min_fen, max_fen
    ("GZ-YJ-001", {"first_violation": True, "corrected_in_time": True}, TierName.NO_PENALTY, 0, 0),
    ("GZ-YJ-001", {"corrected_in_time": True, "harm": "minor"}, TierName.LIGHTER, 0, 3_000_000),
    ("GZ-YJ-001", {}, TierName.ORDINARY, 3_000_000, 6_000_000),
    ("GZ-YJ-001", {"repeat_within_2y": True, "harm": "minor"}, TierName.HEAVIER, 6_000_000, 10_000_000),
    ("GZ-ST-001", {"coerced": True}, TierName.MITIGATED, 1_000_000, 2_000_000),
    ("GZ-ST-001", {"harm": "minor", "corrected_in_time": True}, TierName.LIGHTER, 2_000_000, 5_000_000),
    ("GZ-ST-001", {"harm": "serious"}, TierName.ORDINARY, 5_000_000, 12_000_000),
    ("GZ-ST-001", {"repeat_within_2y": True}, TierName.HEAVIER, 12_000_000, 20_000_000),
    (
        "GZ-GH-001",
        {"base_amount_fen": M, "voluntary_report": True, "corrected_in_time": True},
        TierName.MITIGATED,
        2_500_000,
        5_000_000,
    ),
    ("GZ-GH-001", {"base_amount_fen": M}, TierName.ORDINARY, 6_500_000, 8_000_000),
    ("GZ-GH-001", {"base_amount_fen": M, "repeat_within_2y": True}, TierName.HEAVIER, 8_000_000, 10_000_000),
    ("GZ-JT-001", {"corrected_in_time": True}, TierName.LIGHTER, 300_000, 600_000),
    ("GZ-JT-001", {"illegal_gains_fen": 500_000}, TierName.ORDINARY, 600_000, 1_000_000),
    ("GZ-JT-001", {"illegal_gains_fen": 2_000_000}, TierName.ORDINARY, 4_400_000, 6_800_000),
    ("GZ-SL-001", {"harm": "serious"}, TierName.HEAVIER, 6_400_000, 10_000_000),
]


@pytest.mark.parametrize(("code", "facts", "tier", "low", "high"), CASES)
async def test_each_tier_of_real_items_through_the_service(
    stub: Any, code: str, facts: dict[str, Any], tier: TierName, low: int, high: int
) -> None:
    response = await stub.Assess(
        discretion_pb2.AssessRequest(item_code=code, facts=wire_facts(**facts)), metadata=STAFF
    )
    d = response.decision
    assert d.tier == convert.enum_to_proto(common_pb2.TierName, "TIER_NAME", tier)
    assert (d.min_fen, d.max_fen, d.no_penalty) == (low, high, tier is TierName.NO_PENALTY)
    assert (d.item_code, d.baseline_version, d.baseline_label) == (code, 1, "2025.1")
    item = catalogue()[code]
    expected = assess(code, item.statutory, [version_from_baseline(item.baseline)], engine_facts(**facts))
    assert d.SerializeToString() == decision_to_proto(expected).SerializeToString()


async def test_same_facts_give_byte_identical_answers_whichever_province_and_code(stub: Any) -> None:
    for code, facts, *_ in CASES:
        item = catalogue()[code]
        answers = set()
        for asked_as, who in (
            (item.code, STAFF),
            (item.chongqing_code, CQ),
            (item.sichuan_code, SC),
            (item.sichuan_code, CQ),
            (item.chongqing_code.lower(), SC),
        ):
            request = discretion_pb2.AssessRequest(item_code=asked_as, facts=wire_facts(**facts))
            response = await stub.Assess(request, metadata=who)
            assert response.decision.item_code == item.code
            answers.add(response.SerializeToString())
        assert len(answers) == 1, code


async def test_procedure_flags_and_reasons_come_through(stub: Any) -> None:
    response = await stub.Assess(
        discretion_pb2.AssessRequest(item_code="GZ-ST-001", facts=wire_facts(repeat_within_2y=True)),
        metadata=STAFF,
    )
    d = response.decision
    # ceiling 200,000 yuan: a hearing right (policy threshold 100,000 for organisations), and review
    assert d.needs_legal_review and d.needs_hearing and d.procedure == "ordinary"
    matched = {r.code for r in d.reasons if r.matched}
    assert {"art37.version_in_force", "tier.selected", "art58.legal_review"} <= matched
    # a natural person (the age says so): Art. 30 lenience and the individual's thresholds
    young = wire_facts(party_age_years=16)
    d = (
        await stub.Assess(discretion_pb2.AssessRequest(item_code="GZ-YJ-001", facts=young), metadata=STAFF)
    ).decision
    assert d.tier == common_pb2.TIER_NAME_LIGHTER and "art30.age_14_to_18" in {
        r.code for r in d.reasons if r.matched
    }


async def test_bad_requests_name_the_field(stub: Any) -> None:
    no_harm = wire_facts()
    no_harm.harm = discretion_pb2.HARM_UNSPECIFIED
    cases = [
        (discretion_pb2.AssessRequest(item_code="GZ-YJ-001", facts=no_harm), "facts.harm"),
        (discretion_pb2.AssessRequest(item_code="GZ-YJ-001"), "facts.occurred_at"),
        (discretion_pb2.AssessRequest(item_code="", facts=wire_facts()), "item_code"),
        (discretion_pb2.AssessRequest(item_code="GZ-GH-001", facts=wire_facts()), "facts.base_amount_fen"),
        (
            discretion_pb2.AssessRequest(
                item_code="GZ-YJ-001", facts=wire_facts(decided=OCCURRED - timedelta(days=1))
            ),
            "facts.decided_at",
        ),
    ]
    for request, field in cases:
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await stub.Assess(request, metadata=STAFF)
        assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
        assert field in [f for f, _ in field_violations(err.value)], (field, field_violations(err.value))
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await stub.Assess(
            discretion_pb2.AssessRequest(item_code="GZ-XX-999", facts=wire_facts()), metadata=STAFF
        )
    assert err.value.code() is grpc.StatusCode.NOT_FOUND


async def test_batch_each_case_its_own_result(stub: Any) -> None:
    no_harm = wire_facts()
    no_harm.harm = discretion_pb2.HARM_UNSPECIFIED
    requests = [
        discretion_pb2.AssessRequest(item_code="CQ-YJGL-0001", facts=wire_facts()),
        discretion_pb2.AssessRequest(item_code="GZ-XX-999", facts=wire_facts()),
        discretion_pb2.AssessRequest(item_code="SC0200001", facts=wire_facts(repeat_within_2y=True)),
        discretion_pb2.AssessRequest(item_code="GZ-YJ-001", facts=no_harm),
    ]
    response = await stub.BatchAssess(discretion_pb2.BatchAssessRequest(requests=requests), metadata=SC)
    kinds = [r.WhichOneof("result") for r in response.results]
    assert kinds == ["decision", "error", "decision", "error"]
    assert response.results[0].decision.tier == common_pb2.TIER_NAME_ORDINARY
    assert response.results[1].error.code == "NOT_FOUND" and "GZ-XX-999" in response.results[1].error.message
    assert response.results[2].decision.item_code == "GZ-ST-001"
    assert response.results[3].error.code == "INVALID_ARGUMENT"
    assert [v.field for v in response.results[3].error.violations] == ["facts.harm"]
    single = await stub.Assess(requests[0], metadata=STAFF)
    assert response.results[0].decision == single.decision
    too_many = discretion_pb2.BatchAssessRequest(requests=[requests[0]] * 1001)
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await stub.BatchAssess(too_many, metadata=SC)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT


async def test_check_penalty_inside_and_outside_the_tier_and_the_statute(stub: Any) -> None:
    async def check(fine: int, **facts: Any) -> discretion_pb2.CheckPenaltyResponse:
        request = discretion_pb2.CheckPenaltyRequest(
            item_code="SC0100001", facts=wire_facts(**facts), imposed_fine_fen=fine
        )
        return await stub.CheckPenalty(request, metadata=CQ)

    inside = await check(4_000_000)  # ordinary tier 30,000–60,000 yuan
    assert (inside.within_tier, inside.within_statutory_range) == (True, True)
    assert inside.decision.tier == common_pb2.TIER_NAME_ORDINARY and inside.decision.item_code == "GZ-YJ-001"
    below = await check(1_000_000)  # lawful, but below the ordinary tier
    assert (below.within_tier, below.within_statutory_range) == (False, True)
    above_law = await check(12_000_000)  # above the statutory 100,000 yuan
    assert (above_law.within_tier, above_law.within_statutory_range) == (False, False)
    assert {r.code for r in above_law.reasons} == {"check.within_tier", "check.within_statutory"}
    nothing_due = await check(0, first_violation=True, corrected_in_time=True)
    assert nothing_due.decision.no_penalty and nothing_due.within_tier
    fined_anyway = await check(100_000, first_violation=True, corrected_in_time=True)
    assert not fined_anyway.within_tier
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await check(-1)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    assert [f for f, _ in field_violations(err.value)] == ["imposed_fine_fen"]


# --- publishing versions ----------------------------------------------------------------------------


def publish_request(code: str, baseline: Baseline) -> discretion_pb2.PublishBaselineRequest:
    return discretion_pb2.PublishBaselineRequest(
        item_code=code,
        label=baseline.label,
        effective_from=convert.ts(baseline.effective_from),
        tiers=[convert.tier_to_proto(t) for t in baseline.tiers],
    )


def with_fine(baseline: Baseline, name: TierName, fine: Fixed) -> tuple[Any, ...]:
    return tuple(dataclasses.replace(t, fine=fine) if t.name is name else t for t in baseline.tiers)


async def test_only_an_admin_publishes_and_an_invalid_tier_is_named(stub: Any) -> None:
    v1 = catalogue()["GZ-YJ-001"].baseline
    good = dataclasses.replace(v1, label="2026版", effective_from=datetime.now(UTC) + timedelta(days=30))
    for who in (STAFF, CQ):
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await stub.PublishBaseline(publish_request("GZ-YJ-001", good), metadata=who)
        assert err.value.code() is grpc.StatusCode.PERMISSION_DENIED
    too_high = dataclasses.replace(
        good, tiers=with_fine(good, TierName.ORDINARY, Fixed(3_000_000, 12_000_000))
    )
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await stub.PublishBaseline(publish_request("GZ-YJ-001", too_high), metadata=ADMIN)
    assert err.value.code() is grpc.StatusCode.INVALID_ARGUMENT
    violations = field_violations(err.value)
    assert any(f == "tiers[2].fine.max_fen" and "statutory ceiling" in r for f, r in violations), violations
    assert any(f == "tiers[2].fine.max_fen" and "tiers[3] (heavier)" in r for f, r in violations), violations
    unnamed = publish_request("GZ-YJ-001", good)
    unnamed.tiers[1].name = common_pb2.TIER_NAME_UNSPECIFIED
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await stub.PublishBaseline(unnamed, metadata=ADMIN)
    assert [f for f, _ in field_violations(err.value)] == ["tiers[1].name"]
    earlier = dataclasses.replace(good, effective_from=v1.effective_from - timedelta(days=1))
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await stub.PublishBaseline(publish_request("GZ-YJ-001", earlier), metadata=ADMIN)
    assert err.value.code() is grpc.StatusCode.FAILED_PRECONDITION and "earlier" in (
        err.value.details() or ""
    )


async def _events(sync: Any, since: int, count: int) -> list[sync_pb2.ChangeEvent]:
    events: list[sync_pb2.ChangeEvent] = []
    call = sync.Watch(sync_pb2.WatchRequest(since_revision=since), metadata=STAFF)
    async for message in call:
        if message.WhichOneof("response") == "event":
            events.append(message.event)
            if len(events) == count:
                break
    call.cancel()
    return events


async def test_a_future_version_is_announced_at_its_hour_and_applies_from_its_date(
    zone: tuple[server.Gateway, grpc.aio.Channel], stub: Any
) -> None:
    gateway, channel = zone
    sync = sync_pb2_grpc.SyncServiceStub(channel)
    switch = (datetime.now(UTC) + timedelta(days=30)).replace(microsecond=0)
    v1 = catalogue()["GZ-YJ-001"].baseline
    # v2 is heavier in the ordinary tier (40,000–70,000 yuan; heavier 70,000–100,000) and lighter in
    # the lighter tier (0–20,000)
    tiers = with_fine(v1, TierName.ORDINARY, Fixed(4_000_000, 7_000_000))
    tiers = with_fine(Baseline("", switch, tiers), TierName.HEAVIER, Fixed(7_000_000, 10_000_000))
    tiers = tuple(
        dataclasses.replace(t, fine=Fixed(0, 2_000_000, up_to=True)) if t.name is TierName.LIGHTER else t
        for t in tiers
    )
    v2 = Baseline("2026版", switch, tiers)
    response = await stub.PublishBaseline(publish_request("SC0100001", v2), metadata=ADMIN)
    assert (response.baseline.item_code, response.baseline.version, response.baseline.meta.revision) == (
        "GZ-YJ-001",
        2,
        0,
    )

    async def decide(occurred: datetime, decided: datetime, **facts: Any) -> discretion_pb2.Decision:
        request = discretion_pb2.AssessRequest(
            item_code="CQ-YJGL-0001", facts=wire_facts(occurred, decided, **facts)
        )
        return (await stub.Assess(request, metadata=CQ)).decision

    after = await decide(switch + timedelta(days=1), switch + timedelta(days=2))
    assert (after.baseline_version, after.min_fen) == (1, 3_000_000)  # published, not yet in force: v1
    status = await sync.GetSyncStatus(sync_pb2.GetSyncStatusRequest(), metadata=STAFF)
    assert status.current_revision == CATALOGUE_REVISION  # no event yet

    clock = ManualClock(switch - timedelta(seconds=1))
    assert announce_due_baselines(gateway.engine, clock) == []
    clock.set(switch + timedelta(seconds=1))
    assert announce_due_baselines(gateway.engine, clock) == [CATALOGUE_REVISION + 1]
    assert announce_due_baselines(gateway.engine, clock) == []  # idempotent
    events = await asyncio.wait_for(_events(sync, CATALOGUE_REVISION, 1), timeout=10)
    (event,) = events
    assert event.kind == common_pb2.RECORD_KIND_BASELINE and event.key == "GZ-YJ-001@2"
    assert event.revision == CATALOGUE_REVISION + 1 and event.record.baseline.label == "2026版"
    status = await sync.GetSyncStatus(sync_pb2.GetSyncStatusRequest(), metadata=STAFF)
    assert status.current_revision == CATALOGUE_REVISION + 1

    for _ in range(50):  # the gateway follows the store's revision (poll, ~1 s)
        if gateway.runtime.hub.head == CATALOGUE_REVISION + 1:
            break
        await asyncio.sleep(0.1)
    before_switch = switch - timedelta(days=1)
    old = await decide(before_switch, before_switch + timedelta(hours=1))
    assert (old.baseline_version, old.min_fen, old.max_fen) == (1, 3_000_000, 6_000_000)
    new = await decide(switch + timedelta(days=1), switch + timedelta(days=2))
    assert (new.baseline_version, new.baseline_label, new.min_fen, new.max_fen) == (
        2,
        "2026版",
        4_000_000,
        7_000_000,
    )
    # Art. 37 (从旧兼从轻): decided after the switch, v2 is heavier for the ordinary tier, so v1 stays
    kept = await decide(before_switch, switch + timedelta(days=2))
    assert (kept.baseline_version, kept.max_fen) == (1, 6_000_000)
    # ... and lighter for the lighter tier, so v2 applies
    lighter = await decide(before_switch, switch + timedelta(days=2), harm="minor", corrected_in_time=True)
    assert (lighter.baseline_version, lighter.max_fen) == (2, 2_000_000)
    assert "art37.lighter_new_version" in {r.code for r in lighter.reasons if r.matched}
    # every province, every code: still one answer
    same = {
        (
            await stub.Assess(
                discretion_pb2.AssessRequest(
                    item_code=c, facts=wire_facts(switch, switch + timedelta(days=1))
                ),
                metadata=who,
            )
        ).SerializeToString()
        for c, who in (("GZ-YJ-001", STAFF), ("CQ-YJGL-0001", CQ), ("SC0100001", SC))
    }
    assert len(same) == 1


async def test_a_version_already_in_force_is_announced_when_published(
    zone: tuple[server.Gateway, grpc.aio.Channel], stub: Any
) -> None:
    _, channel = zone
    sync = sync_pb2_grpc.SyncServiceStub(channel)
    v1 = catalogue()["GZ-SJ-001"].baseline
    now = dataclasses.replace(v1, label="2026.1", effective_from=datetime.now(UTC) - timedelta(minutes=1))
    response = await stub.PublishBaseline(publish_request("GZ-SJ-001", now), metadata=ADMIN)
    assert response.baseline.meta.revision == CATALOGUE_REVISION + 1
    (event,) = await asyncio.wait_for(_events(sync, CATALOGUE_REVISION, 1), timeout=10)
    assert event.key == "GZ-SJ-001@2"
    d = (
        await stub.Assess(
            discretion_pb2.AssessRequest(
                item_code="SC0800001", facts=wire_facts(datetime.now(UTC), datetime.now(UTC))
            ),
            metadata=SC,
        )
    ).decision
    assert d.baseline_version == 2 and d.baseline_label == "2026.1"
