"""SyncService end to end on a real gateway: per-record push results, ownership, quarantine, watch,
snapshot, compaction, and slow readers."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import grpc
import pytest

from gaozhu.adapters.sync_client import SnapshotTaken, SyncClient, insecure_channel
from gaozhu.gateway.errors import compacted_revision, field_violations
from gaozhu.gateway.identity import IDENTITY_HEADER
from gaozhu.gateway.jobs import compact_change_log
from gaozhu.registry.changelog import Origin, RecordKind
from gaozhu.registry.clock import ManualClock
from gaozhu.registry.db import create_store_engine
from gaozhu.v1 import common_pb2, sync_pb2, sync_pb2_grpc
from tests.zone import Store, make_store, push_entry, running_gateway, subject_entries

CQ = ((IDENTITY_HEADER, "platform/chongqing"),)
SC = ((IDENTITY_HEADER, "platform/sichuan"),)
ADMIN = ((IDENTITY_HEADER, "admin/demo"),)
STAFF = ((IDENTITY_HEADER, "staff/demo"),)
ACCEPTED, DUPLICATE, STALE, REJECTED = (
    common_pb2.PUSH_STATUS_ACCEPTED,
    common_pb2.PUSH_STATUS_DUPLICATE,
    common_pb2.PUSH_STATUS_STALE,
    common_pb2.PUSH_STATUS_REJECTED,
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)


@pytest.fixture
async def sync(store: Store) -> AsyncIterator[tuple[sync_pb2_grpc.SyncServiceStub, str]]:
    async with (
        running_gateway(store, progress_s=0.3) as (_, address),
        grpc.aio.insecure_channel(address) as ch,
    ):
        yield sync_pb2_grpc.SyncServiceStub(ch), address


async def test_each_pushed_record_gets_its_own_result(store: Store, sync: tuple) -> None:
    stub, _ = sync
    officer, firm = (
        store.demo.chongqing[0],
        next(e for e in store.demo.chongqing if e.kind is RecordKind.SUBJECT),
    )
    bad = push_entry(store.demo.chongqing[1])
    bad.record.officer.id_number = bad.record.officer.id_number[:-1] + (
        "0" if bad.record.officer.id_number[-1] != "0" else "1"
    )
    first = await stub.Push(
        sync_pb2.PushRequest(entries=[push_entry(officer), push_entry(firm), bad]), metadata=CQ
    )
    assert [r.status for r in first.results] == [ACCEPTED, ACCEPTED, REJECTED]
    assert first.results[0].revision == 251 and first.results[1].revision == 252
    assert [v.field for v in first.results[2].violations] == ["id_number"]
    older = push_entry(dataclasses.replace(officer, version=0))
    again = await stub.Push(sync_pb2.PushRequest(entries=[push_entry(officer), older]), metadata=CQ)
    assert [r.status for r in again.results] == [DUPLICATE, REJECTED]  # version 0 is not a version
    newer = push_entry(dataclasses.replace(officer, version=5))
    stale = push_entry(dataclasses.replace(officer, version=4))
    third = await stub.Push(sync_pb2.PushRequest(entries=[newer, stale]), metadata=CQ)
    assert [r.status for r in third.results] == [ACCEPTED, STALE]


async def test_rejected_records_wait_in_quarantine_for_an_admin_without_their_id_number(
    store: Store, sync: tuple
) -> None:
    stub, _ = sync
    source = store.demo.sichuan[0]
    bad = push_entry(source)
    bad.record.officer.certificate_no = "123"
    result = (await stub.Push(sync_pb2.PushRequest(entries=[bad]), metadata=SC)).results[0]
    assert result.status == REJECTED and result.violations[0].field == "certificate_no"
    with pytest.raises(grpc.aio.AioRpcError) as denied:
        await stub.ListQuarantine(sync_pb2.ListQuarantineRequest(), metadata=STAFF)
    assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED
    listed = await stub.ListQuarantine(sync_pb2.ListQuarantineRequest(), metadata=ADMIN)
    assert [(e.local_id, e.caller) for e in listed.entries] == [(source.local_id, "platform/sichuan")]
    kept = sync_pb2.PushEntry.FromString(listed.entries[0].raw)
    assert kept.record.officer.certificate_no == "123" and kept.record.officer.id_number == ""
    fixed = (await stub.Push(sync_pb2.PushRequest(entries=[push_entry(source)]), metadata=SC)).results[0]
    assert fixed.status == ACCEPTED
    assert not (await stub.ListQuarantine(sync_pb2.ListQuarantineRequest(), metadata=ADMIN)).entries


async def test_a_platform_writing_outside_its_province_is_rejected_as_permission_denied(
    store: Store, sync: tuple
) -> None:
    stub, _ = sync
    sichuan_firm = next(e for e in store.demo.sichuan if e.kind is RecordKind.SUBJECT)
    item = sync_pb2.PushEntry(
        operation=common_pb2.OPERATION_UPSERT,
        kind=common_pb2.RECORD_KIND_ITEM,
        local_id="GZ-YJ-001",
        version=9,
    )
    results = (
        await stub.Push(sync_pb2.PushRequest(entries=[push_entry(sichuan_firm), item]), metadata=CQ)
    ).results
    assert [r.status for r in results] == [REJECTED, REJECTED]
    assert all("PERMISSION_DENIED" in r.message for r in results)


async def test_people_cannot_push_and_a_push_over_1000_records_is_refused_whole(sync: tuple) -> None:
    stub, _ = sync
    entries = [push_entry(e) for e in subject_entries(Origin.CHONGQING, 1001)]
    with pytest.raises(grpc.aio.AioRpcError) as too_many:
        await stub.Push(sync_pb2.PushRequest(entries=entries), metadata=CQ)
    assert too_many.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [f for f, _ in field_violations(too_many.value)] == ["entries"]
    with pytest.raises(grpc.aio.AioRpcError) as staff:
        await stub.Push(sync_pb2.PushRequest(entries=entries[:1]), metadata=STAFF)
    assert staff.value.code() == grpc.StatusCode.PERMISSION_DENIED
    ok = await stub.Push(sync_pb2.PushRequest(entries=entries[:1000]), metadata=CQ)
    assert {r.status for r in ok.results} == {ACCEPTED}


async def _collect(stub: sync_pb2_grpc.SyncServiceStub, request: sync_pb2.WatchRequest, until: int) -> list:
    out = []
    call = stub.Watch(request, metadata=STAFF)
    async for response in call:
        out.append(response)
        revision = response.event.revision if response.HasField("event") else response.progress.revision
        if revision >= until:
            call.cancel()
            break
    return out


async def test_watch_from_zero_replays_the_history_in_order_then_follows_live_commits(sync: tuple) -> None:
    stub, _ = sync
    watcher = asyncio.create_task(_collect(stub, sync_pb2.WatchRequest(since_revision=0), until=260))
    await stub.Push(
        sync_pb2.PushRequest(entries=[push_entry(e) for e in subject_entries(Origin.SICHUAN, 10)]),
        metadata=SC,
    )
    responses = await asyncio.wait_for(watcher, 30)
    revisions = [r.event.revision for r in responses if r.HasField("event")]
    assert revisions == list(range(1, 261))
    first = next(r.event for r in responses if r.HasField("event"))
    assert first.kind == common_pb2.RECORD_KIND_ITEM and first.record.item.code
    assert responses[-1].event.record.subject.region_code == "511623"


async def test_a_filtered_watch_gets_progress_marks_so_its_cursor_advances(sync: tuple) -> None:
    stub, _ = sync
    request = sync_pb2.WatchRequest(since_revision=0, kinds=[common_pb2.RECORD_KIND_OFFICER])
    call = stub.Watch(request, metadata=STAFF)
    first = await asyncio.wait_for(call.read(), 10)
    call.cancel()
    assert first.HasField("progress") and first.progress.revision == 250


async def test_a_compacted_cursor_fails_with_the_compaction_point(store: Store, sync: tuple) -> None:
    stub, _address = sync
    await stub.Push(
        sync_pb2.PushRequest(entries=[push_entry(e) for e in subject_entries(Origin.SICHUAN, 5)]), metadata=SC
    )
    engine = create_store_engine(store.url)
    clock = ManualClock(store_now())
    clock.advance(timedelta(days=8))
    point = compact_change_log(engine, clock, retention=timedelta(days=7))
    engine.dispose()
    assert point == 255
    # The running gateway learns the new compaction point within its poll interval.
    await asyncio.sleep(0)  # let pending work run
    call = stub.Watch(sync_pb2.WatchRequest(since_revision=10), metadata=STAFF)
    with pytest.raises(grpc.aio.AioRpcError) as failed:
        await asyncio.wait_for(_first_failure(call), 15)
    assert failed.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert compacted_revision(failed.value) == 255
    assert "Snapshot" in (failed.value.details() or "")


def store_now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


async def _first_failure(call: object) -> None:
    deadline = asyncio.get_running_loop().time() + 10
    while asyncio.get_running_loop().time() < deadline:
        await call.read()  # type: ignore[attr-defined]


async def test_snapshot_then_watch_from_its_revision_loses_and_repeats_nothing(sync: tuple) -> None:
    stub, address = sync
    async with insecure_channel(address) as channel:
        client = SyncClient(channel, CQ)
        pushing = asyncio.create_task(_push_in_batches(client, Origin.CHONGQING, 600, 50))
        await asyncio.sleep(0.05)
        snap = await SyncClient(channel, STAFF).snapshot([common_pb2.RECORD_KIND_SUBJECT])
        await pushing
        seen = {r.subject.credit_code for r in snap.records}
        events = await _collect(
            stub,
            sync_pb2.WatchRequest(since_revision=snap.revision, kinds=[common_pb2.RECORD_KIND_SUBJECT]),
            until=850,
        )
    after = [e.event.record.subject.credit_code for e in events if e.HasField("event")]
    assert not seen & set(after), "an event after the snapshot repeated a record already in it"
    assert len(seen) + len(after) == 600


async def _push_in_batches(client: SyncClient, origin: Origin, total: int, batch: int) -> None:
    entries = subject_entries(origin, total)
    for start in range(0, total, batch):
        response = await client.push([push_entry(e) for e in entries[start : start + batch]])
        assert {r.status for r in response.results} == {ACCEPTED}


# Enough events to fill the transport's own buffers (several MB) so the server's writes block.
TOTAL = 40_000


async def test_a_reader_that_falls_out_of_the_buffer_is_cut_off_and_resumes_from_its_cursor(
    store: Store,
) -> None:
    async with running_gateway(store, watch_buffer=64) as (_, address):
        # No window growth on the reader's side, so the server's writes block once it stops reading.
        options = [("grpc.http2.bdp_probe", 0), ("grpc.http2.lookahead_bytes", 1024)]
        async with (
            grpc.aio.insecure_channel(address, options=options) as slow,
            insecure_channel(address) as fast,
        ):
            stub = sync_pb2_grpc.SyncServiceStub(slow)
            call = stub.Watch(sync_pb2.WatchRequest(since_revision=250), metadata=STAFF)
            await asyncio.sleep(0.2)  # the stream is open; now it stops reading
            await _push_in_batches(SyncClient(fast, CQ), Origin.CHONGQING, TOTAL, 1000)
            cursor = 250
            with pytest.raises(grpc.aio.AioRpcError) as cut:
                while True:
                    response = await asyncio.wait_for(call.read(), 30)
                    assert response.HasField("event") and response.event.revision == cursor + 1
                    cursor = response.event.revision
            assert cut.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert f"resume from revision {cursor}" in (cut.value.details() or "")
            resumed = await _collect(
                sync_pb2_grpc.SyncServiceStub(fast),
                sync_pb2.WatchRequest(since_revision=cursor),
                until=250 + TOTAL,
            )
            assert [r.event.revision for r in resumed if r.HasField("event")] == list(
                range(cursor + 1, 251 + TOTAL)
            )


async def test_sync_status_shows_counters_and_each_platforms_last_push(sync: tuple) -> None:
    stub, _ = sync
    await stub.Push(
        sync_pb2.PushRequest(entries=[push_entry(e) for e in subject_entries(Origin.SICHUAN, 3)]), metadata=SC
    )
    status = await stub.GetSyncStatus(sync_pb2.GetSyncStatusRequest(), metadata=STAFF)
    assert status.current_revision == 253 and status.compacted_revision == 0
    assert [(p.origin, p.last_push_revision) for p in status.platforms] == [(common_pb2.ORIGIN_SICHUAN, 253)]


async def test_watch_client_falls_back_to_a_snapshot_when_its_cursor_was_compacted(
    store: Store, sync: tuple
) -> None:
    stub, address = sync
    await stub.Push(
        sync_pb2.PushRequest(entries=[push_entry(e) for e in subject_entries(Origin.SICHUAN, 4)]), metadata=SC
    )
    engine = create_store_engine(store.url)
    clock = ManualClock(store_now() + timedelta(days=30))
    compact_change_log(engine, clock, retention=timedelta(days=7))
    engine.dispose()
    async with insecure_channel(address) as channel:
        client = SyncClient(channel, STAFF)
        stream = client.watch(since=3, kinds=[common_pb2.RECORD_KIND_SUBJECT]).__aiter__()
        first = await asyncio.wait_for(stream.__anext__(), 15)
        await stream.aclose()
    assert isinstance(first, SnapshotTaken)
    assert first.revision == 254 and len(first.records) == 4
