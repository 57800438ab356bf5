"""What every servicer shares: the store, the read model, the writer, the clock, a worker pool,
and the wake-up that tells the read model (and watchers) a commit happened.

Commits made in this process wake the read model directly (`notify_commit`). Commits made by
another process (a migration, `gaozhu` verbs writing the store, another replica) arrive on
PostgreSQL as LISTEN/NOTIFY wake-ups, and on SQLite through a cheap check of the revision counter.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import psycopg
import structlog
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from gaozhu.gateway.watch_hub import WatchHub
from gaozhu.registry.changelog import NOTIFY_CHANNEL, ChangeRecord, read_changes
from gaozhu.registry.clock import Clock
from gaozhu.registry.db import reader
from gaozhu.registry.models import ZoneState
from gaozhu.registry.readmodel import ReadModel
from gaozhu.registry.vault import Vault
from gaozhu.registry.writes import RegistryWriter

T = TypeVar("T")
log = structlog.get_logger("gaozhu.runtime")


class Runtime:
    def __init__(
        self,
        engine: Engine,
        vault: Vault,
        clock: Clock,
        *,
        external_poll_s: float | None = None,
        watch_buffer: int = 4096,
    ) -> None:
        self.engine = engine
        self.vault = vault
        self.clock = clock
        self.executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="gaozhu-db")
        self.readmodel = ReadModel()
        self.hub = WatchHub(watch_buffer)
        self.writer = RegistryWriter(engine, vault, clock, on_commit=self.notify_commit)
        # SQLite has no notifications: a one-row revision check four times a second keeps commits by
        # other processes (a migration) well within a second. PostgreSQL listens; the check is a backstop.
        postgres = engine.dialect.name == "postgresql"
        self.external_poll_s = external_poll_s or (5.0 if postgres else 0.25)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake = asyncio.Event()
        self._handed: list[list[ChangeRecord]] = []
        self._tasks: list[asyncio.Task[None]] = []

    async def in_thread(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn)

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.readmodel = await self.in_thread(lambda: ReadModel.load(self.engine))
        self.hub.start_at(self.readmodel.revision)
        self._tasks = [
            asyncio.create_task(self._follow_commits(), name="gaozhu-follow"),
            asyncio.create_task(self._poll_external(), name="gaozhu-poll"),
        ]
        if self.engine.dialect.name == "postgresql":
            self._tasks.append(asyncio.create_task(self._listen(), name="gaozhu-listen"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.executor.shutdown(wait=True, cancel_futures=True)

    def notify_commit(self, records: list[ChangeRecord]) -> None:
        """Called from a writer thread after a commit: hand what was committed to the event loop."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._committed, records)

    def _committed(self, records: list[ChangeRecord]) -> None:
        self._handed.append(records)
        self._wake.set()

    def _next_handed(self) -> list[ChangeRecord] | None:
        """The handed-over batch that continues the head, if there is one (writers may finish out of order)."""
        self._handed = [b for b in self._handed if b[-1].revision > self.hub.head]
        for batch in self._handed:
            if batch[0].revision == self.hub.head + 1:
                self._handed.remove(batch)
                return batch
        return None

    async def _follow_commits(self) -> None:
        """Fold each new change into the read model once and publish it to watchers: the batches this
        process committed come straight from the writer; anything else is read from the change log."""
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                while True:
                    batch = self._next_handed()
                    if batch is None:
                        batch = await self.in_thread(self._read_store)
                    if not batch:
                        break
                    await self.in_thread(lambda b=batch: self.readmodel.apply(b))  # type: ignore[misc]
                    self.hub.publish(batch)
                    await self.hub.announce()
            except Exception as exc:  # the store may be briefly unreachable; the next wake retries
                log.warning("follow_failed", error=exc.__class__.__name__)

    def _read_store(self, batch: int = 1000) -> list[ChangeRecord]:
        with Session(reader(self.engine)) as s:
            entries = read_changes(s, self.hub.head, batch)
        if entries and entries[0].revision != self.hub.head + 1:
            # Our position was compacted away (by another process): start again from a fresh view.
            log.warning("follow_gap", head=self.hub.head, next=entries[0].revision)
            self.readmodel = ReadModel.load(self.engine)
            assert self._loop is not None
            self._loop.call_soon_threadsafe(self.hub.start_at, self.readmodel.revision)
            self._loop.call_soon_threadsafe(self._wake.set)
            return []
        return entries

    async def _listen(self) -> None:
        """PostgreSQL: commits by other processes (migrations, replicas) arrive as NOTIFY wake-ups."""
        dsn = self.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(dsn, autocommit=True)
                async with conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self._wake.set()  # anything committed while we were not listening
                    async for _ in conn.notifies():
                        self._wake.set()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # reconnect; the revision check covers the gap meanwhile
                log.warning("listen_failed", error=exc.__class__.__name__)
                await asyncio.sleep(1.0)

    async def _poll_external(self) -> None:
        while True:
            await asyncio.sleep(self.external_poll_s)
            try:
                latest = await self.in_thread(self._stored_revision)
            except Exception:
                continue
            if latest != self.hub.head:
                self._wake.set()

    def _stored_revision(self) -> int:
        with Session(reader(self.engine)) as s:
            return int(s.execute(select(ZoneState.revision).where(ZoneState.id == 1)).scalar_one())

    def check_store(self) -> None:
        """Raises if the store cannot answer a trivial query."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
