"""What every servicer shares: the store, the read model, the writer, the clock, a worker pool,
and the wake-up that tells the read model (and watchers) a commit happened.

Commits made in this process wake the read model directly (`notify_commit`). Commits made by
another process (a migration, `gaozhu` verbs writing the store) are noticed by a cheap check of
the revision counter once a second.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import structlog
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from gaozhu.registry.clock import Clock
from gaozhu.registry.db import reader
from gaozhu.registry.models import ZoneState
from gaozhu.registry.readmodel import ReadModel
from gaozhu.registry.vault import Vault
from gaozhu.registry.writes import RegistryWriter

T = TypeVar("T")
log = structlog.get_logger("gaozhu.runtime")


class Runtime:
    def __init__(self, engine: Engine, vault: Vault, clock: Clock, *, external_poll_s: float = 1.0) -> None:
        self.engine = engine
        self.vault = vault
        self.clock = clock
        self.executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="gaozhu-db")
        self.readmodel = ReadModel()
        self.writer = RegistryWriter(engine, vault, clock, on_commit=self.notify_commit)
        self.external_poll_s = external_poll_s
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake = asyncio.Event()
        self.revision_changed = asyncio.Condition()
        self._tasks: list[asyncio.Task[None]] = []

    async def in_thread(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, fn)

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self.readmodel = await self.in_thread(lambda: ReadModel.load(self.engine))
        self._tasks = [
            asyncio.create_task(self._follow_commits(), name="gaozhu-follow"),
            asyncio.create_task(self._poll_external(), name="gaozhu-poll"),
        ]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.executor.shutdown(wait=True, cancel_futures=True)

    def notify_commit(self, revision: int) -> None:
        """Called from a writer thread after a commit: wake the follower on the event loop."""
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._wake.set)

    async def _follow_commits(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            try:
                await self.in_thread(lambda: self.readmodel.catch_up(self.engine))
            except Exception as exc:  # the store may be briefly unreachable; the next wake retries
                log.warning("catch_up_failed", error=exc.__class__.__name__)
                continue
            async with self.revision_changed:
                self.revision_changed.notify_all()

    async def _poll_external(self) -> None:
        while True:
            await asyncio.sleep(self.external_poll_s)
            try:
                latest = await self.in_thread(self._stored_revision)
            except Exception:
                continue
            if latest != self.readmodel.revision:
                self._wake.set()

    def _stored_revision(self) -> int:
        with Session(reader(self.engine)) as s:
            return int(s.execute(select(ZoneState.revision).where(ZoneState.id == 1)).scalar_one())

    def check_store(self) -> None:
        """Raises if the store cannot answer a trivial query."""
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
