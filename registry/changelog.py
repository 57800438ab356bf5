"""The zone's revision counter and change log.

Revision N is the N-th committed change, gap-free and in commit order, on SQLite and PostgreSQL.
A PostgreSQL sequence would commit out of order (a reader polling `id > last` misses rows), so
revisions come from one counter row instead: a write transaction locks it (`SELECT ... FOR UPDATE`;
on SQLite `BEGIN IMMEDIATE` already serialises writers), stamps its changes base+1..base+n and
stores base+n before commit. The lock is held until commit, so revision order is commit order, and a
rollback rolls the counter back with everything else. Callers do their validation and conversion
before opening the transaction, so the lock covers database work only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, delete, func, insert, select, text, update
from sqlalchemy.orm import Session

from gaozhu.registry.clock import Clock, SystemClock
from gaozhu.registry.models import ChangeLogEntry, ZoneState

ZONE_STATE_ID = 1
_LOG = ChangeLogEntry.metadata.tables["change_log"]


class RecordKind(StrEnum):
    ITEM = "item"
    BASELINE = "baseline"
    OFFICER = "officer"
    SUBJECT = "subject"
    INSPECTION = "inspection"


class Operation(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class Origin(StrEnum):
    SICHUAN = "SICHUAN"
    CHONGQING = "CHONGQING"
    ZONE = "ZONE"


@dataclass(frozen=True, slots=True)
class Change:
    kind: RecordKind
    operation: Operation
    key: str
    origin: Origin
    payload: dict[str, Any] | None


class ChangeRecord(NamedTuple):
    """A committed change as read back from the log (a plain row: no ORM identity map on the hot path)."""

    revision: int
    kind: str
    operation: str
    key: str
    origin: str
    payload: dict[str, Any] | None
    committed_at: datetime


@dataclass(slots=True)
class ZoneTransaction:
    """A write transaction holding the zone's revision lock; `stamp` gives each change its revision."""

    session: Session
    base: int
    committed_at: datetime
    changes: list[Change] = field(default_factory=list)

    def stamp(self, change: Change) -> int:
        self.changes.append(change)
        return self.base + len(self.changes)

    @property
    def revision(self) -> int:
        """The zone revision once this transaction commits."""
        return self.base + len(self.changes)

    def records(self) -> list[ChangeRecord]:
        return [
            ChangeRecord(
                self.base + i,
                c.kind.value,
                c.operation.value,
                c.key,
                c.origin.value,
                c.payload,
                self.committed_at,
            )
            for i, c in enumerate(self.changes, start=1)
        ]

    def _flush(self) -> None:
        if not self.changes:
            return
        # Core, not the ORM bulk path: the log is write-only here and this is the hot path of Push.
        self.session.execute(
            insert(_LOG),
            [
                {
                    "revision": self.base + i,
                    "kind": c.kind.value,
                    "operation": c.operation.value,
                    "key": c.key,
                    "origin": c.origin.value,
                    "payload": c.payload,
                    "committed_at": self.committed_at,
                }
                for i, c in enumerate(self.changes, start=1)
            ],
        )
        self.session.execute(
            update(ZoneState).where(ZoneState.id == ZONE_STATE_ID).values(revision=self.revision)
        )
        notify_revision(self.session, self.revision)


NOTIFY_CHANNEL = "gaozhu_revision"


def notify_revision(bind: Session | Connection, revision: int) -> None:
    """On PostgreSQL, tell listening gateways (other processes, replicas) that a revision committed.

    NOTIFY is delivered only at commit and never after a rollback; a listener treats it as a wake-up
    and reads the change log from its own cursor, so a lost notification costs latency, not data.
    """
    dialect = bind.get_bind().dialect if isinstance(bind, Session) else bind.dialect
    if dialect.name == "postgresql":
        bind.execute(
            text("SELECT pg_notify(:channel, :revision)"),
            {"channel": NOTIFY_CHANNEL, "revision": str(revision)},
        )


def lock_zone(session: Session) -> int:
    """Take the zone's write lock (a row lock; SQLite already holds the database lock); read the revision."""
    stmt = select(ZoneState.revision).where(ZoneState.id == ZONE_STATE_ID)
    if session.get_bind().dialect.name != "sqlite":
        stmt = stmt.with_for_update()
    revision = session.execute(stmt).scalar_one_or_none()
    if revision is None:
        raise RuntimeError("zone_state row missing: run `gaozhu db upgrade`")
    return int(revision)


@contextmanager
def zone_transaction(
    engine: Engine,
    clock: Clock | None = None,
    on_commit: Callable[[list[ChangeRecord]], None] | None = None,
) -> Iterator[ZoneTransaction]:
    """Open a write transaction that stamps revisions; commits on success, rolls back on error.

    `on_commit(records)` runs after a commit that added changes, with what was committed, so an
    in-process follower (the gateway's read model and watchers) need not read it back.
    """
    with Session(engine, expire_on_commit=False) as session, session.begin():
        tx = ZoneTransaction(session, lock_zone(session), (clock or SystemClock()).now())
        yield tx
        tx._flush()
    if on_commit is not None and tx.changes:
        on_commit(tx.records())


def current_revision(session: Session) -> tuple[int, int]:
    """(current revision, compacted revision)."""
    row = session.execute(
        select(ZoneState.revision, ZoneState.compacted_revision).where(ZoneState.id == ZONE_STATE_ID)
    ).one()
    return int(row[0]), int(row[1])


def read_changes(session: Session, after: int, limit: int) -> list[ChangeRecord]:
    """Committed changes with revision > `after`, in revision order."""
    rows = session.execute(
        select(
            _LOG.c.revision,
            _LOG.c.kind,
            _LOG.c.operation,
            _LOG.c.key,
            _LOG.c.origin,
            _LOG.c.payload,
            _LOG.c.committed_at,
        )
        .where(_LOG.c.revision > after)
        .order_by(_LOG.c.revision)
        .limit(limit)
    )
    return [ChangeRecord(*row) for row in rows]


def compact(session: Session, before: datetime) -> int:
    """Drop change-log entries committed before `before`; returns the new compaction point."""
    current, compacted = current_revision(session)
    newest_old = session.execute(
        select(func.max(ChangeLogEntry.revision)).where(ChangeLogEntry.committed_at < before)
    ).scalar_one_or_none()
    if newest_old is None:
        return compacted
    point = min(int(newest_old), current)
    session.execute(delete(ChangeLogEntry).where(ChangeLogEntry.revision <= point))
    session.execute(update(ZoneState).where(ZoneState.id == ZONE_STATE_ID).values(compacted_revision=point))
    return point
