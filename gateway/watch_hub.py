"""The recent history every watcher reads from: a bounded ring of converted change events.

Committed changes are read from the change log once, converted (lazily) once, and shared by all watchers;
no watcher has a queue of its own, so memory stays flat however many watch or however slowly they
read. A watcher whose cursor falls out of the ring (it read slower than the zone committed, by more
than the ring holds) is cut off and resumes from its cursor.
"""

from __future__ import annotations

import asyncio
import bisect
from collections import deque

from gaozhu.gateway import convert
from gaozhu.registry.changelog import ChangeRecord
from gaozhu.v1 import sync_pb2


class Slot:
    """One committed change; converted to its wire form on first demand, then shared by every watcher."""

    __slots__ = ("_wire", "record")

    def __init__(self, record: ChangeRecord) -> None:
        self.record = record
        self._wire: bytes | None = None

    @property
    def wire(self) -> bytes:
        """The serialized WatchResponse carrying this event: built once, written to every watcher as is."""
        if self._wire is None:
            response = sync_pb2.WatchResponse(event=convert.change_event(self.record))
            self._wire = response.SerializeToString()
        return self._wire


class FellBehind(Exception):
    """The watcher's cursor is older than the ring's oldest event."""


class WatchHub:
    def __init__(self, capacity: int = 4096) -> None:
        self.capacity = capacity
        self._slots: deque[Slot] = deque(maxlen=capacity)
        self._revisions: deque[int] = deque(maxlen=capacity)
        self.head = 0  # every revision <= head has been published (or predates the hub)
        self.changed = asyncio.Condition()

    def start_at(self, revision: int) -> None:
        """Forget the ring and continue from `revision` (at start, or after a reload)."""
        self._slots.clear()
        self._revisions.clear()
        self.head = revision

    def publish(self, records: list[ChangeRecord]) -> None:
        for record in records:
            self._slots.append(Slot(record))
            self._revisions.append(record.revision)
        if records:
            self.head = max(self.head, records[-1].revision)

    async def announce(self) -> None:
        async with self.changed:
            self.changed.notify_all()

    def covers(self, cursor: int) -> bool:
        """Whether every event after `cursor` up to head is in the ring (or there are none)."""
        if cursor >= self.head:
            return True
        return bool(self._revisions) and self._revisions[0] <= cursor + 1

    def after(self, cursor: int, limit: int = 512) -> list[Slot]:
        """Events with revision > cursor, oldest first; FellBehind if some were already dropped."""
        if cursor >= self.head:
            return []
        if not self.covers(cursor):
            raise FellBehind(cursor)
        start = bisect.bisect_right(self._revisions, cursor)
        return [self._slots[i] for i in range(start, min(start + limit, len(self._slots)))]

    async def wait(self, cursor: int, timeout: float) -> bool:
        """Wait until something after `cursor` is published; False on timeout."""
        async with self.changed:
            try:
                await asyncio.wait_for(self.changed.wait_for(lambda: self.head > cursor), timeout)
                return True
            except TimeoutError:
                return False
