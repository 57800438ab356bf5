"""The province-side agent: pushes the platform's exports up, writes the zone's records down.

Up: complete input files (Chongqing) or packages (Sichuan), in order; each is read record by record
(local refusals reported with file and line or element), pushed in batches through the sync client,
and summarised (accepted, duplicate, stale, rejected with reasons). Progress is saved after every
acknowledged batch, so a restart continues where it stopped; a batch that was applied but not yet
saved is pushed again and comes back DUPLICATE: never applied twice.

Down: a watch of items, baselines and officers from the saved cursor. What the zone owns is written
into the outbox in the province's format (temporary name, then rename) once the stream goes quiet
for a moment or enough has gathered; the cursor is saved after each file.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from gaozhu.adapters.agent_state import AgentState
from gaozhu.adapters.common import ReadResult
from gaozhu.adapters.formats import ProvinceFormat, ZoneBatch
from gaozhu.adapters.sync_client import SnapshotTaken, SyncClient
from gaozhu.v1 import common_pb2, items_pb2, personnel_pb2, sync_pb2

STATUS = {
    common_pb2.PUSH_STATUS_ACCEPTED: "accepted",
    common_pb2.PUSH_STATUS_DUPLICATE: "duplicate",
    common_pb2.PUSH_STATUS_STALE: "stale",
    common_pb2.PUSH_STATUS_REJECTED: "rejected",
}
ZONE_KINDS = (common_pb2.RECORD_KIND_ITEM, common_pb2.RECORD_KIND_BASELINE, common_pb2.RECORD_KIND_OFFICER)


@dataclass
class FileSummary:
    name: str
    counts: Counter[str] = field(default_factory=Counter)
    reasons: list[str] = field(default_factory=list)

    def line(self) -> str:
        parts = ", ".join(
            f"{k} {self.counts[k]}" for k in ("accepted", "duplicate", "stale", "rejected", "refused")
        )
        return f"{self.name}: {parts}"


class Agent:
    def __init__(
        self,
        fmt: ProvinceFormat,
        client: SyncClient,
        *,
        source: Path,
        outbox: Path,
        state_file: Path,
        batch: int = 500,
        quiet_s: float = 0.2,
        out: TextIO = sys.stderr,
    ) -> None:
        self.fmt = fmt
        self.client = client
        self.source = source
        self.outbox = outbox
        self.state_file = state_file
        self.batch = batch
        self.quiet_s = quiet_s
        self.out = out
        self.state = AgentState.load(state_file)
        self.local_codes: dict[str, str] = {}  # zone item code -> this province's code
        self.summaries: list[FileSummary] = []

    def _say(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    # --- up -------------------------------------------------------------------------------------

    async def push_backlog(self) -> list[FileSummary]:
        """Push every complete input not yet done, in order; returns a summary per input."""
        pending = [p for p in self.fmt.inputs(self.source) if p.name not in self.state.done]
        done_now: list[FileSummary] = []
        for n, path in enumerate(pending, start=1):
            summary = await self._push_file(path, f"[{n}/{len(pending)}]")
            done_now.append(summary)
            self._say(summary.line())
            for reason in summary.reasons:
                self._say(f"  {reason}")
        self.summaries += done_now
        return done_now

    async def _push_file(self, path: Path, progress: str) -> FileSummary:
        result: ReadResult = self.fmt.read(path)
        summary = FileSummary(path.name)
        summary.counts["refused"] = len(result.errors)
        summary.reasons += [f"refused locally: {e}" for e in result.errors]
        start = self.state.pushed if self.state.current == path.name else 0
        if start == 0:
            self.state.current, self.state.pushed = path.name, 0
        total = len(result.entries)
        for offset in range(start, total, self.batch):
            part = result.entries[offset : offset + self.batch]
            response = await self.client.push([t.entry for t in part])
            for translated, r in zip(part, response.results, strict=True):
                status = STATUS.get(r.status, "rejected")
                summary.counts[status] += 1
                if status == "rejected":
                    why = "; ".join(f"{v.field}: {v.reason}" for v in r.violations) or r.message
                    summary.reasons.append(f"rejected by the zone: {path.name} {translated.location}: {why}")
            self.state.pushed = offset + len(part)
            self.state.save(self.state_file)
            if total > self.batch:
                self._say(f"{progress} {path.name}: {self.state.pushed}/{total} records pushed")
        self.state.done.append(path.name)
        self.state.current, self.state.pushed = "", 0
        self.state.save(self.state_file)
        return summary

    # --- down -----------------------------------------------------------------------------------

    async def write_zone(self, until: int | None = None, stop: asyncio.Event | None = None) -> int:
        """Write the zone's records into the outbox from the saved cursor; with `until`, return once the
        outbox covers that revision, else run until `stop` is set. Returns the cursor."""
        await self._load_crosswalk()
        queue: asyncio.Queue[Any] = asyncio.Queue(maxsize=2000)
        reader = asyncio.create_task(self._read_watch(queue))
        pending: list[sync_pb2.ChangeEvent] = []
        reached = self.state.cursor
        try:
            while True:
                if until is not None and reached >= until and not pending:
                    return self.state.cursor
                if stop is not None and stop.is_set():
                    self._flush(pending, reached)
                    return self.state.cursor
                try:
                    item = await asyncio.wait_for(queue.get(), self.quiet_s)
                except TimeoutError:
                    self._flush(pending, reached)
                    pending = []
                    continue
                if isinstance(item, BaseException):
                    raise item
                if isinstance(item, SnapshotTaken):
                    self._flush(pending, reached)
                    pending = []
                    self._write_snapshot(item)
                    reached = item.revision
                elif item.HasField("event"):
                    pending.append(item.event)
                    reached = item.event.revision
                    if len(pending) >= 1000:
                        self._flush(pending, reached)
                        pending = []
                else:
                    reached = max(reached, item.progress.revision)
                    self._flush(pending, reached)
                    pending = []
        finally:
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader

    async def _read_watch(self, queue: asyncio.Queue[Any]) -> None:
        try:
            async for item in self.client.watch(self.state.cursor, ZONE_KINDS):
                await queue.put(item)
        except Exception as exc:  # handed to the writer, which raises it
            await queue.put(exc)

    async def _load_crosswalk(self) -> None:
        """Baseline lines carry the province's item code: learn every item's codes once."""
        snapshot = await self.client.snapshot([common_pb2.RECORD_KIND_ITEM])
        for record in snapshot.records:
            self._learn(record.item)

    def _learn(self, item: items_pb2.Item) -> None:
        for code in item.local_codes:
            if code.origin == self.fmt.origin:
                self.local_codes[item.code] = code.code

    def _wanted_officer(self, officer: personnel_pb2.Officer) -> bool:
        return officer.meta.origin == self.fmt.other and officer.dispatched

    def _flush(self, events: list[sync_pb2.ChangeEvent], reached: int) -> None:
        batch = self._batch(events, reached)
        if batch:
            self._write(batch)
        elif reached > self.state.cursor:
            self.state.cursor = reached
            self.state.save(self.state_file)

    def _batch(self, events: list[sync_pb2.ChangeEvent], reached: int) -> ZoneBatch:
        items: list[items_pb2.Item] = []
        baselines: list[tuple[items_pb2.Baseline, str]] = []
        officers: list[personnel_pb2.Officer] = []
        for event in events:
            if event.operation != common_pb2.OPERATION_UPSERT:
                continue  # deletes of zone records have no place in either import format
            which = event.record.WhichOneof("record")
            if which == "item":
                self._learn(event.record.item)
                if event.record.item.code in self.local_codes:
                    items.append(event.record.item)
            elif which == "baseline":
                code = self.local_codes.get(event.record.baseline.item_code)
                if code is not None:
                    baselines.append((event.record.baseline, code))
            elif which == "officer" and self._wanted_officer(event.record.officer):
                officers.append(event.record.officer)
        return ZoneBatch(items, baselines, officers, reached)

    def _write_snapshot(self, snapshot: SnapshotTaken) -> None:
        """The cursor was compacted away: write the whole zone-owned state as of the snapshot."""
        events = [
            sync_pb2.ChangeEvent(revision=snapshot.revision, operation=common_pb2.OPERATION_UPSERT, record=r)
            for r in snapshot.records
        ]
        self._flush(events, snapshot.revision)

    def _write(self, batch: ZoneBatch) -> None:
        self.state.serial = self.state.serial % 99_999 + 1
        path = self.fmt.write(self.outbox, batch, self.state.serial)
        self.state.cursor = batch.revision
        self.state.save(self.state_file)
        self._say(
            f"wrote {path.name}: {len(batch.items)} items, {len(batch.baselines)} baselines, "
            f"{len(batch.officers)} officers (zone revision {batch.revision})"
        )


async def run_once(agent: Agent, current_revision: Callable[[], Any]) -> int:
    """Push the backlog, then catch the outbox up to the zone's current revision, and return it."""
    await agent.push_backlog()
    revision = int(await current_revision())
    return await agent.write_zone(until=revision)
