"""Publishing and announcing baseline versions in the registry, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from gaozhu.registry import audit
from gaozhu.registry.baselines import announce_due_baselines, next_unannounced, publish_baseline
from gaozhu.registry.catalogue import CatalogueItem, load_catalogue
from gaozhu.registry.changelog import ChangeRecord, current_revision, read_changes
from gaozhu.registry.clock import ManualClock
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.discretion import Facts, assess, version_from_record
from gaozhu.registry.errors import FailedPrecondition, InvalidArgument, NotFound
from gaozhu.registry.items import baseline_from_json, list_baselines
from gaozhu.registry.models import AuditEntry, ItemRow
from gaozhu.registry.sanctions import Baseline, Fixed, TierName
from tests.zone import make_store

CATALOGUE_REVISION = 250
NOW = datetime(2026, 1, 10, 8, 0, tzinfo=UTC)
ADMIN = "admin/zhang.wei"


@cache
def catalogue() -> dict[str, CatalogueItem]:
    return {item.code: item for item in load_catalogue()}


@pytest.fixture
def engine(store_url: str, tmp_path: Path) -> Iterator[Engine]:
    make_store(store_url, tmp_path, demo=False)
    engine = create_store_engine(store_url)
    yield engine
    engine.dispose()


def version(code: str, label: str, effective_from: datetime) -> Baseline:
    return dataclasses.replace(catalogue()[code].baseline, label=label, effective_from=effective_from)


def revision(engine: Engine) -> int:
    with Session(engine) as s:
        return current_revision(s)[0]


def test_a_future_version_waits_unannounced_then_is_announced_once(engine: Engine) -> None:
    clock = ManualClock(NOW)
    switch = NOW + timedelta(days=20)
    record = publish_baseline(
        engine, "SC0100001", version("GZ-YJ-001", "2026版", switch), clock=clock, actor=ADMIN
    )
    assert (record.item_code, record.version, record.revision, record.published_at) == (
        "GZ-YJ-001",
        2,
        0,
        NOW,
    )
    assert revision(engine) == CATALOGUE_REVISION  # no change event yet
    assert next_unannounced(engine) == switch
    with Session(engine) as s:
        count, broken = audit.verify(s)
        assert (count, broken) == (1, None)
        entry = s.scalars(select(AuditEntry)).one()
        assert (entry.actor, entry.action, entry.target) == (ADMIN, "baseline.publish", "GZ-YJ-001@2")
        assert entry.detail["announced_revision"] is None
    clock.set(switch - timedelta(microseconds=1))
    assert announce_due_baselines(engine, clock) == []
    clock.set(switch)
    handed: list[list[ChangeRecord]] = []
    assert announce_due_baselines(engine, clock, on_commit=handed.append) == [CATALOGUE_REVISION + 1]
    assert announce_due_baselines(engine, clock) == []
    assert next_unannounced(engine) is None
    with Session(engine) as s:
        (change,) = read_changes(s, CATALOGUE_REVISION, 10)
        stored = {b.version: b for b in list_baselines(s, "CQ-YJGL-0001")}
    assert handed == [[change]]
    assert (change.kind, change.operation, change.key, change.origin) == (
        "baseline",
        "upsert",
        "GZ-YJ-001@2",
        "ZONE",
    )
    assert change.payload is not None and change.payload["revision"] == CATALOGUE_REVISION + 1
    assert baseline_from_json(change.payload, change.revision) == stored[2]
    assert stored[2].tiers == catalogue()["GZ-YJ-001"].baseline.tiers and stored[2].effective_from == switch


def test_a_version_in_force_already_is_announced_in_the_publishing_transaction(engine: Engine) -> None:
    clock = ManualClock(NOW)
    handed: list[list[ChangeRecord]] = []
    record = publish_baseline(
        engine,
        "GZ-ST-001",
        version("GZ-ST-001", "2026.1", NOW - timedelta(hours=1)),
        clock=clock,
        actor=ADMIN,
        on_commit=handed.append,
    )
    assert record.revision == CATALOGUE_REVISION + 1 == revision(engine)
    assert [c.key for batch in handed for c in batch] == ["GZ-ST-001@2"]
    assert announce_due_baselines(engine, clock) == []


def test_announcing_catches_up_after_downtime_in_effective_order(engine: Engine) -> None:
    clock = ManualClock(NOW)
    later, sooner = NOW + timedelta(days=3), NOW + timedelta(days=1)
    publish_baseline(engine, "GZ-YJ-002", version("GZ-YJ-002", "b", later), clock=clock, actor=ADMIN)
    publish_baseline(engine, "GZ-YJ-003", version("GZ-YJ-003", "a", sooner), clock=clock, actor=ADMIN)
    publish_baseline(
        engine, "GZ-YJ-004", version("GZ-YJ-004", "c", NOW + timedelta(days=9)), clock=clock, actor=ADMIN
    )
    assert next_unannounced(engine) == sooner
    clock.set(NOW + timedelta(days=5))  # the gateway was down over both switches
    assert announce_due_baselines(engine, clock) == [CATALOGUE_REVISION + 1, CATALOGUE_REVISION + 2]
    with Session(engine) as s:
        assert [c.key for c in read_changes(s, CATALOGUE_REVISION, 10)] == ["GZ-YJ-003@2", "GZ-YJ-002@2"]
    assert next_unannounced(engine) == NOW + timedelta(days=9)


def test_two_announcers_at_once_announce_each_version_once(engine: Engine) -> None:
    clock = ManualClock(NOW)
    for n in range(1, 6):
        code = f"GZ-YJ-{n:03d}"
        publish_baseline(engine, code, version(code, "x", NOW + timedelta(hours=n)), clock=clock, actor=ADMIN)
    clock.set(NOW + timedelta(days=1))
    results: list[list[int]] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        barrier.wait()
        results.append(announce_due_baselines(engine, clock))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r for batch in results for r in batch) == list(
        range(CATALOGUE_REVISION + 1, CATALOGUE_REVISION + 6)
    )
    assert revision(engine) == CATALOGUE_REVISION + 5


def test_invalid_baselines_are_refused_with_the_tier_and_the_reason(engine: Engine) -> None:
    clock = ManualClock(NOW)
    good = version("GZ-YJ-001", "2026版", NOW + timedelta(days=1))
    tiers = list(good.tiers)
    tiers[3] = dataclasses.replace(tiers[3], fine=Fixed(6_000_000, 12_000_000))  # above the statute
    tiers[1] = dataclasses.replace(tiers[1], when={"harm": ["none"], "weather": True})
    bad = dataclasses.replace(good, label="", tiers=tuple(tiers))
    with pytest.raises(InvalidArgument) as err:
        publish_baseline(engine, "GZ-YJ-001", bad, clock=clock, actor=ADMIN)
    fields = {v.field: v.reason for v in err.value.violations}
    assert set(fields) == {"label", "tiers[1].when.weather", "tiers[3].fine.max_fen"}
    assert "statutory ceiling" in fields["tiers[3].fine.max_fen"]
    swapped = dataclasses.replace(good, tiers=(good.tiers[0], good.tiers[2], good.tiers[1], good.tiers[3]))
    with pytest.raises(InvalidArgument) as err:
        publish_baseline(engine, "GZ-YJ-001", swapped, clock=clock, actor=ADMIN)
    assert {v.field for v in err.value.violations} >= {"tiers[2].name"}
    assert revision(engine) == CATALOGUE_REVISION
    with Session(engine) as s:
        assert audit.verify(s) == (0, None)  # nothing refused was recorded as published
        assert [b.version for b in list_baselines(s, "GZ-YJ-001")] == [1]


def test_refused_states_unknown_withdrawn_and_out_of_order(engine: Engine) -> None:
    clock = ManualClock(NOW)
    with pytest.raises(NotFound):
        publish_baseline(engine, "GZ-XX-001", version("GZ-YJ-001", "x", NOW), clock=clock, actor=ADMIN)
    first = catalogue()["GZ-YJ-001"].baseline.effective_from
    with pytest.raises(FailedPrecondition, match="earlier than"):
        publish_baseline(
            engine,
            "GZ-YJ-001",
            version("GZ-YJ-001", "x", first - timedelta(days=1)),
            clock=clock,
            actor=ADMIN,
        )
    publish_baseline(
        engine, "GZ-YJ-001", version("GZ-YJ-001", "v2", NOW + timedelta(days=5)), clock=clock, actor=ADMIN
    )
    with pytest.raises(FailedPrecondition, match="v2"):
        publish_baseline(
            engine, "GZ-YJ-001", version("GZ-YJ-001", "v3", NOW + timedelta(days=4)), clock=clock, actor=ADMIN
        )
    with Session(engine) as s, s.begin():
        s.execute(update(ItemRow).where(ItemRow.code == "GZ-YJ-002").values(status="withdrawn"))
    with pytest.raises(FailedPrecondition, match="withdrawn"):
        publish_baseline(engine, "CQ-YJGL-0002", version("GZ-YJ-002", "x", NOW), clock=clock, actor=ADMIN)


def test_the_engine_picks_the_stored_version_in_force_at_the_violation(engine: Engine) -> None:
    clock = ManualClock(NOW)
    v1 = catalogue()["GZ-YJ-001"].baseline
    tiers = tuple(
        dataclasses.replace(t, fine=Fixed(4_000_000, 6_000_000))
        if t.name is TierName.ORDINARY
        else dataclasses.replace(t, fine=Fixed(6_000_000, 9_000_000))
        if t.name is TierName.HEAVIER
        else t
        for t in v1.tiers
    )
    switch = NOW + timedelta(days=1)
    publish_baseline(engine, "GZ-YJ-001", Baseline("2026版", switch, tiers), clock=clock, actor=ADMIN)
    clock.set(switch)
    announce_due_baselines(engine, clock)
    with Session(engine) as s:
        versions = [version_from_record(r) for r in list_baselines(s, "GZ-YJ-001") if r.revision]
    statutory = catalogue()["GZ-YJ-001"].statutory

    def ordinary(occurred: datetime) -> tuple[int, int]:
        d = assess(
            "GZ-YJ-001", statutory, versions, Facts(occurred_at=occurred, decided_at=occurred, harm="none")
        )
        return d.baseline_version, d.min_fen

    assert ordinary(switch - timedelta(seconds=1)) == (1, 3_000_000)
    assert ordinary(switch) == (2, 4_000_000)
