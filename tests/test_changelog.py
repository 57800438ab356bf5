"""Revisions are gap-free and visible in commit order, with concurrent writers on both stores."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from gaozhu import migrations
from gaozhu.registry.changelog import (
    Change,
    Operation,
    Origin,
    RecordKind,
    current_revision,
    read_changes,
    zone_transaction,
)
from gaozhu.registry.db import create_store_engine, reader

WRITERS = 4
TRANSACTIONS = 25
PER_TRANSACTION = 3


def _write(engine: Engine, writer: int, errors: list[BaseException]) -> None:
    try:
        for t in range(TRANSACTIONS):
            with zone_transaction(engine) as tx:
                for i in range(PER_TRANSACTION):
                    key = f"w{writer}-t{t}-c{i}"
                    tx.stamp(Change(RecordKind.SUBJECT, Operation.UPSERT, key, Origin.CHONGQING, {"k": key}))
    except BaseException as exc:
        errors.append(exc)


def _watch(engine: Engine, stop: threading.Event, seen: list[int], gaps: list[Any]) -> None:
    """Poll like a watcher: every read must continue exactly where the previous one ended."""
    cursor = 0
    while True:
        finished = stop.is_set()
        with Session(reader(engine)) as session:
            batch = [e.revision for e in read_changes(session, cursor, 500)]
        if batch and batch != list(range(cursor + 1, cursor + 1 + len(batch))):
            gaps.append((cursor, batch[:5]))
            return
        seen.extend(batch)
        cursor = batch[-1] if batch else cursor
        if finished and not batch:
            return


def test_concurrent_writers_get_gap_free_revisions_in_commit_order(store_url: str) -> None:
    migrations.upgrade(store_url, "0001")
    engine = (
        create_store_engine(store_url, pool_size=WRITERS + 2)
        if "postgresql" in store_url
        else (create_store_engine(store_url))
    )
    errors: list[BaseException] = []
    seen: list[int] = []
    gaps: list[Any] = []
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(engine, stop, seen, gaps))
    writers = [threading.Thread(target=_write, args=(engine, w, errors)) for w in range(WRITERS)]
    try:
        watcher.start()
        for t in writers:
            t.start()
        for t in writers:
            t.join(timeout=120)
        stop.set()
        watcher.join(timeout=60)
        assert not errors, errors
        assert not gaps, f"a reader saw a later revision before an earlier one: {gaps}"
        total = WRITERS * TRANSACTIONS * PER_TRANSACTION
        assert seen == list(range(1, total + 1))
        with Session(engine) as session:
            assert current_revision(session) == (total, 0)
    finally:
        engine.dispose()


def test_rolled_back_transaction_leaves_no_revision_behind(store_url: str) -> None:
    migrations.upgrade(store_url, "0001")
    engine = create_store_engine(store_url)
    try:
        try:
            with zone_transaction(engine) as tx:
                tx.stamp(Change(RecordKind.SUBJECT, Operation.UPSERT, "a", Origin.SICHUAN, None))
                raise RuntimeError("boom")
        except RuntimeError:
            pass
        with zone_transaction(engine) as tx:
            assert tx.stamp(Change(RecordKind.SUBJECT, Operation.UPSERT, "b", Origin.SICHUAN, None)) == 1
        with Session(engine) as session:
            assert [e.key for e in read_changes(session, 0, 10)] == ["b"]
    finally:
        engine.dispose()
