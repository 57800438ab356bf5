"""SyncService: platforms push their records; anyone watches the zone's history or takes a snapshot.

Push gives each entry its own result (registry/writes.py). Watch serves from the shared ring of
recent events (watch_hub.py) after catching up from the change log; it sends a progress mark when
nothing matched for `progress_s`, fails a compacted cursor with FAILED_PRECONDITION naming the
compaction point, and cuts a reader off with RESOURCE_EXHAUSTED once it falls out of the ring.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import AsyncIterator, Sequence
from typing import Any, TypeAlias

from sqlalchemy.orm import Session

from gaozhu.gateway import convert
from gaozhu.gateway.identity import current_identity
from gaozhu.gateway.runtime import Runtime
from gaozhu.gateway.watch_hub import FellBehind
from gaozhu.registry.changelog import Operation, Origin, RecordKind, current_revision, read_changes
from gaozhu.registry.db import reader
from gaozhu.registry.errors import (
    Compacted,
    FieldViolation,
    InvalidArgument,
    NotOwner,
    ResourceExhausted,
)
from gaozhu.registry.readmodel import page_size
from gaozhu.registry.records import Inspection, Officer, Subject
from gaozhu.registry.snapshot import take_snapshot
from gaozhu.registry.sync_state import open_quarantine, sync_status
from gaozhu.registry.writes import MAX_BATCH, WriteEntry, WriteResult
from gaozhu.v1 import common_pb2, sync_pb2, sync_pb2_grpc

Context: TypeAlias = Any  # grpc.aio.ServicerContext; grpc ships no type information
ALL_KINDS = frozenset(RecordKind)
_RECORD_FIELD = {
    RecordKind.OFFICER: "officer",
    RecordKind.SUBJECT: "subject",
    RecordKind.INSPECTION: "inspection",
}


def _kinds(numbers: Sequence[int]) -> frozenset[RecordKind]:
    return frozenset(convert.kind_from_proto(n, f"kinds[{i}]") for i, n in enumerate(numbers)) or ALL_KINDS


def write_entry(entry: sync_pb2.PushEntry) -> WriteEntry:
    """A pushed entry in registry terms; a malformed one carries its violations instead of a record."""

    def raw() -> bytes:
        kept = sync_pb2.PushEntry()
        kept.CopyFrom(entry)
        if kept.record.HasField("officer"):
            kept.record.officer.ClearField("id_number")  # quarantine never keeps a plain ID number
        return kept.SerializeToString()

    violations: list[FieldViolation] = []
    try:
        kind = convert.kind_from_proto(entry.kind)
        operation = convert.operation_from_proto(entry.operation)
    except InvalidArgument as exc:
        return WriteEntry(
            RecordKind.ITEM, Operation.UPSERT, entry.local_id, entry.version, None, raw, exc.violations
        )
    record: Officer | Subject | Inspection | None = None
    if operation is Operation.UPSERT and kind in _RECORD_FIELD:
        which = entry.record.WhichOneof("record")
        if which != _RECORD_FIELD[kind]:
            violations.append(
                FieldViolation("record", f"a {kind.value} upsert needs record.{_RECORD_FIELD[kind]}")
            )
        else:
            try:
                if kind is RecordKind.OFFICER:
                    record = convert.officer_from_proto(entry.record.officer)
                elif kind is RecordKind.SUBJECT:
                    record = convert.subject_from_proto(entry.record.subject)
                else:
                    record = convert.inspection_from_proto(entry.record.inspection)
            except InvalidArgument as exc:
                violations.extend(exc.violations)
    return WriteEntry(kind, operation, entry.local_id, entry.version, record, raw, tuple(violations))


def _result(index: int, r: WriteResult) -> sync_pb2.PushResult:
    return sync_pb2.PushResult(
        index=index,
        status=convert.enum_to_proto(common_pb2.PushStatus, "PUSH_STATUS", r.status),
        revision=r.revision,
        violations=[common_pb2.FieldViolation(field=v.field, reason=v.reason) for v in r.violations],
        message=r.message,
    )


class SyncServicer(sync_pb2_grpc.SyncServiceServicer):
    def __init__(self, runtime: Runtime, *, progress_s: float = 5.0, snapshot_chunk: int = 500) -> None:
        self.rt = runtime
        self.progress_s = progress_s
        self.snapshot_chunk = snapshot_chunk

    async def Push(self, request: sync_pb2.PushRequest, context: Context) -> Any:
        identity = current_identity.get()
        if identity is None or identity.origin is None:
            raise NotOwner("only a province's platform pushes records")
        if len(request.entries) > MAX_BATCH:
            raise InvalidArgument(
                [
                    FieldViolation(
                        "entries", f"at most {MAX_BATCH} entries per push, got {len(request.entries)}"
                    )
                ]
            )
        entries = [write_entry(e) for e in request.entries]
        origin = Origin(identity.origin)
        results = await self.rt.in_thread(lambda: self.rt.writer.apply(origin, str(identity), entries))
        return sync_pb2.PushResponse(
            results=[_result(i, r) for i, r in enumerate(results)],
            revision=max(r.revision for r in results or []) if results else 0,
        )

    async def Watch(self, request: sync_pb2.WatchRequest, context: Context) -> AsyncIterator[Any]:
        kinds = _kinds(request.kinds)
        cursor = request.since_revision
        if cursor < 0:
            raise InvalidArgument([FieldViolation("since_revision", "must not be negative")])
        hub = self.rt.hub
        compacted = await self.rt.in_thread(self._compaction_point)
        if cursor < compacted:
            raise Compacted(cursor, compacted)
        while not hub.covers(cursor):  # catch up from the change log, at the reader's own pace
            entries = await self.rt.in_thread(lambda c=cursor: self._history(c))  # type: ignore[misc]
            if not entries or entries[0].revision != cursor + 1:
                # Compacted meanwhile (the log no longer starts right after the cursor).
                raise Compacted(cursor, await self.rt.in_thread(self._compaction_point))
            for event in entries:
                if RecordKind(event.kind) in kinds:
                    yield sync_pb2.WatchResponse(event=convert.change_event(event))
                cursor = event.revision
        kind_values = {k.value for k in kinds}
        told = cursor  # the revision the client has been told about (event or progress mark)
        while True:
            try:
                events = hub.after(cursor)
            except FellBehind:
                raise ResourceExhausted(
                    f"this watcher fell more than {hub.capacity} events behind the zone; "
                    f"resume from revision {cursor}"
                ) from None
            if events:
                for slot in events:
                    if slot.record.kind in kind_values:
                        yield slot.wire  # pre-serialized: one encoding shared by all watchers
                        told = slot.record.revision
                    cursor = slot.record.revision
                continue
            if told < cursor:
                # The newest events were filtered out: say at once how far the stream has read,
                # so a filtered cursor keeps up without waiting for the idle progress mark.
                told = cursor
                yield sync_pb2.WatchResponse(progress=sync_pb2.WatchResponse.Progress(revision=cursor))
                continue
            if not await hub.wait(cursor, self.progress_s):
                cursor = told = max(cursor, hub.head)
                yield sync_pb2.WatchResponse(progress=sync_pb2.WatchResponse.Progress(revision=cursor))

    def _compaction_point(self) -> int:
        with Session(reader(self.rt.engine)) as s:
            return current_revision(s)[1]

    def _history(self, cursor: int) -> list[Any]:
        with Session(reader(self.rt.engine)) as s:
            return read_changes(s, cursor, 500)

    async def Snapshot(self, request: sync_pb2.SnapshotRequest, context: Context) -> AsyncIterator[Any]:
        kinds = _kinds(request.kinds)
        chunk = min(request.chunk_size or self.snapshot_chunk, 5000)
        view = await self.rt.in_thread(lambda: take_snapshot(self.rt.engine, kinds))
        records = (
            [sync_pb2.Record(item=convert.item_to_proto(r)) for r in view.items]
            + [sync_pb2.Record(baseline=convert.baseline_to_proto(b)) for b in view.baselines]
            + [sync_pb2.Record(officer=convert.officer_to_proto(o)) for o in view.officers]
            + [sync_pb2.Record(subject=convert.subject_to_proto(s)) for s in view.subjects]
            + [sync_pb2.Record(inspection=convert.inspection_to_proto(i)) for i in view.inspections]
        )
        if not records:
            yield sync_pb2.SnapshotResponse(revision=view.revision, last=True)
            return
        for start in range(0, len(records), chunk):
            part = records[start : start + chunk]
            yield sync_pb2.SnapshotResponse(
                records=part, revision=view.revision, last=start + chunk >= len(records)
            )

    async def GetSyncStatus(self, request: sync_pb2.GetSyncStatusRequest, context: Context) -> Any:
        def read() -> Any:
            with Session(reader(self.rt.engine)) as s:
                return sync_status(s)

        status = await self.rt.in_thread(read)
        return sync_pb2.GetSyncStatusResponse(
            current_revision=status.revision,
            compacted_revision=status.compacted_revision,
            platforms=[
                sync_pb2.PlatformStatus(
                    origin=convert.origin_to_proto(o), last_push_at=convert.ts(at), last_push_revision=rev
                )
                for o, at, rev in status.platforms
            ],
        )

    async def ListQuarantine(self, request: sync_pb2.ListQuarantineRequest, context: Context) -> Any:
        origin = convert.origin_from_proto(request.origin) if request.HasField("origin") else None
        before = _decode_id_token(request.page_token)
        size = page_size(request.page_size)

        def read() -> list[Any]:
            with Session(reader(self.rt.engine)) as s:
                return open_quarantine(s, origin=origin, before_id=before, limit=size + 1)

        rows = await self.rt.in_thread(read)
        page, more = rows[:size], len(rows) > size
        return sync_pb2.ListQuarantineResponse(
            entries=[
                sync_pb2.QuarantineEntry(
                    id=q.id,
                    origin=convert.origin_to_proto(Origin(q.origin)),
                    caller=q.caller,
                    kind=convert.kind_to_proto(RecordKind(q.kind)),
                    local_id=q.local_id,
                    version=q.version,
                    raw=q.raw,
                    violations=[
                        common_pb2.FieldViolation(field=v["field"], reason=v["reason"]) for v in q.violations
                    ],
                    received_at=convert.ts(q.received_at),
                )
                for q in page
            ],
            next_page_token=_encode_id_token(page[-1].id) if more else "",
        )


def _encode_id_token(last_id: int) -> str:
    return base64.urlsafe_b64encode(f"q:{last_id}".encode()).decode("ascii")


def _decode_id_token(token: str) -> int | None:
    if not token:
        return None
    try:
        text = base64.urlsafe_b64decode(token.encode("ascii")).decode("ascii")
        if text.startswith("q:"):
            return int(text[2:])
    except (ValueError, binascii.Error, UnicodeError):
        pass
    raise InvalidArgument([FieldViolation("page_token", "not a token from this listing; start without one")])
