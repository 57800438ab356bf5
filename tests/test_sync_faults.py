"""Faults proved against real gateway processes: kill -9 mid-push, connections dropped under a
watcher, concurrent writers on SQLite and PostgreSQL. Nothing lost, nothing applied twice."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import pytest

from gaozhu.adapters.sync_client import SnapshotTaken, SyncClient, insecure_channel
from gaozhu.gateway.identity import IDENTITY_HEADER
from gaozhu.registry.changelog import Origin
from gaozhu.v1 import common_pb2
from tests.processes import DroppingProxy, GatewayProcess, read_revisions, writer_script
from tests.zone import make_store, push_entry, subject_entries

CQ = ((IDENTITY_HEADER, "platform/chongqing"),)
SC = ((IDENTITY_HEADER, "platform/sichuan"),)
STAFF = ((IDENTITY_HEADER, "staff/demo"),)
OK = {common_pb2.PUSH_STATUS_ACCEPTED, common_pb2.PUSH_STATUS_DUPLICATE}


async def _push_all(client: SyncClient, origin: Origin, total: int, batch: int, done: list[int]) -> None:
    entries = subject_entries(origin, total)
    for start in range(0, total, batch):
        response = await client.push([push_entry(e) for e in entries[start : start + batch]])
        assert {r.status for r in response.results} <= OK, [r.message for r in response.results]
        done.append(start + batch)


async def _wait_until(condition: object, timeout: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():  # type: ignore[operator]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


async def test_kill_9_mid_push_then_restart_loses_and_repeats_nothing(tmp_path: Path) -> None:
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)
    gateway = GatewayProcess(store)
    gateway.start()
    done: list[int] = []
    try:
        async with insecure_channel(gateway.address) as channel:
            client = SyncClient(channel, CQ, timeout=120)
            pushing = asyncio.create_task(_push_all(client, Origin.CHONGQING, 3000, 100, done))
            await _wait_until(lambda: len(done) >= 8)
            gateway.kill9()
            assert not pushing.done()
            gateway.start()  # same port: the client's retries find it again
            await asyncio.wait_for(pushing, 120)
    finally:
        gateway.stop()
    history = read_revisions(store.url)
    assert [r for r, _, _ in history] == list(range(1, len(history) + 1)), "revisions are not continuous"
    subjects = [key for _, kind, key in history if kind == "subject"]
    assert len(subjects) == 3000 and len(set(subjects)) == 3000, "a record was lost or applied twice"


async def test_a_watcher_whose_connection_keeps_dropping_sees_every_revision_exactly_once(
    tmp_path: Path,
) -> None:
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)
    gateway = GatewayProcess(store, extra=("--grace", "1"))
    gateway.start()
    proxy = DroppingProxy(gateway.port)
    await proxy.start()
    seen: list[int] = []
    try:
        async with (
            insecure_channel(gateway.address) as direct,
            insecure_channel(f"127.0.0.1:{proxy.port}") as cut,
        ):
            watcher = SyncClient(cut, STAFF)

            async def watch(until: int) -> None:
                async for item in watcher.watch(since=0):
                    assert not isinstance(item, SnapshotTaken)
                    if item.HasField("event"):
                        seen.append(item.event.revision)
                    if (seen and seen[-1] >= until) or (
                        item.HasField("progress") and item.progress.revision >= until
                    ):
                        return

            async def drop_repeatedly() -> None:
                while True:
                    await asyncio.sleep(0.15)
                    proxy.drop_all()

            final = 250 + 2 * 1500
            watching = asyncio.create_task(watch(final))
            dropping = asyncio.create_task(drop_repeatedly())
            done: list[int] = []
            await asyncio.gather(
                _push_all(SyncClient(direct, CQ), Origin.CHONGQING, 1500, 50, done),
                _push_all(SyncClient(direct, SC), Origin.SICHUAN, 1500, 50, done),
            )
            await asyncio.wait_for(watching, 120)
            dropping.cancel()
    finally:
        await proxy.stop()
        gateway.stop()
    assert proxy.drops >= 3 and watcher.resumes >= 1
    assert seen == list(range(1, 251 + 3000)), "the watcher's history has a gap, a repeat or a disorder"
    assert [r for r, _, _ in read_revisions(store.url)] == seen


async def test_sqlite_busy_under_concurrent_writer_processes_is_waited_out_not_surfaced(
    tmp_path: Path,
) -> None:
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)
    gateway = GatewayProcess(store)
    gateway.start()
    env = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    writers = [
        subprocess.Popen(writer_script(store.url, store.key_file, "CHONGQING", 10_000, 1000), env=env),
        subprocess.Popen(writer_script(store.url, store.key_file, "SICHUAN", 20_000, 1000), env=env),
    ]
    try:
        async with insecure_channel(gateway.address) as channel:
            done: list[int] = []
            await asyncio.gather(
                _push_all(SyncClient(channel, CQ), Origin.CHONGQING, 1000, 50, done),
                _push_all(SyncClient(channel, SC), Origin.SICHUAN, 1000, 50, done),
            )
        assert [w.wait(timeout=120) for w in writers] == [0, 0]
    finally:
        for w in writers:
            if w.poll() is None:
                w.kill()
        gateway.stop()
    history = read_revisions(store.url)
    assert [r for r, _, _ in history] == list(range(1, 250 + 4000 + 1))


@pytest.mark.pg
async def test_two_platforms_pushing_concurrently_on_postgresql_get_gap_free_revisions(
    pg_url: str, tmp_path: Path
) -> None:
    store = make_store(pg_url, tmp_path, demo=False)
    gateway = GatewayProcess(store)
    gateway.start()
    try:
        async with insecure_channel(gateway.address) as channel:
            done: list[int] = []
            await asyncio.gather(
                _push_all(SyncClient(channel, CQ), Origin.CHONGQING, 1000, 20, done),
                _push_all(SyncClient(channel, SC), Origin.SICHUAN, 1000, 20, done),
            )
    finally:
        gateway.stop()
    history = read_revisions(store.url)
    assert [r for r, _, _ in history] == list(range(1, 2251))
    assert len({key for _, kind, key in history if kind == "subject"}) == 2000
