"""The province side's client of SyncService: pushes that survive a gateway restart, and a watch that
resumes from its cursor by itself.

Retries are gRPC's own: a retry policy in the channel's service config (UNAVAILABLE, exponential
backoff) plus `wait_for_ready`, so a call made while the gateway is down waits for it to come back
until the call's deadline instead of failing at once. Pushes are idempotent (origin, local id,
version), so a retried batch that had in fact committed comes back DUPLICATE, never applied twice.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import grpc

from gaozhu.v1 import sync_pb2, sync_pb2_grpc

RETRY_POLICY = {
    "methodConfig": [
        {
            "name": [{"service": "gaozhu.v1.SyncService", "method": m} for m in ("Push", "GetSyncStatus")],
            "retryPolicy": {
                "maxAttempts": 5,
                "initialBackoff": "0.2s",
                "maxBackoff": "5s",
                "backoffMultiplier": 2,
                "retryableStatusCodes": ["UNAVAILABLE"],
            },
        }
    ]
}
CHANNEL_OPTIONS = (
    ("grpc.enable_retries", 1),
    ("grpc.service_config", json.dumps(RETRY_POLICY)),
    ("grpc.max_receive_message_length", 64 * 1024 * 1024),
)
# Watch resumes after these; anything else is the caller's to handle.
RESUMABLE = frozenset(
    {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.CANCELLED}
)


@dataclass(frozen=True)
class SnapshotTaken:
    """The watch's cursor was compacted away: here is the whole state at `revision` instead."""

    revision: int
    records: list[sync_pb2.Record] = field(default_factory=list)


class SyncClient:
    def __init__(
        self, channel: grpc.aio.Channel, metadata: Sequence[tuple[str, str]] = (), *, timeout: float = 300.0
    ) -> None:
        self.stub = sync_pb2_grpc.SyncServiceStub(channel)
        self.metadata = tuple(metadata)
        self.timeout = timeout
        self.resumes = 0  # how many times the watch reconnected (for progress displays and tests)

    async def push(self, entries: Sequence[sync_pb2.PushEntry]) -> sync_pb2.PushResponse:
        request = sync_pb2.PushRequest(entries=list(entries))
        response: sync_pb2.PushResponse = await self.stub.Push(
            request, metadata=self.metadata, timeout=self.timeout, wait_for_ready=True
        )
        return response

    async def snapshot(self, kinds: Sequence[Any] = ()) -> SnapshotTaken:
        records: list[sync_pb2.Record] = []
        revision = 0
        call = self.stub.Snapshot(
            sync_pb2.SnapshotRequest(kinds=list(kinds)),
            metadata=self.metadata,
            timeout=self.timeout,
            wait_for_ready=True,
        )
        async for chunk in call:
            records.extend(chunk.records)
            revision = chunk.revision
        return SnapshotTaken(revision, records)

    async def watch(
        self, since: int, kinds: Sequence[Any] = ()
    ) -> AsyncIterator[sync_pb2.WatchResponse | SnapshotTaken]:
        """Events and progress marks after `since`, forever; reconnects and resumes from the cursor.

        On a compacted cursor it yields a SnapshotTaken and continues from the snapshot's revision.
        """
        cursor = since
        while True:
            call = self.stub.Watch(
                sync_pb2.WatchRequest(since_revision=cursor, kinds=list(kinds)),
                metadata=self.metadata,
                wait_for_ready=True,
            )
            try:
                async for response in call:
                    if response.HasField("event"):
                        cursor = response.event.revision
                    else:
                        cursor = response.progress.revision
                    yield response
            except grpc.aio.AioRpcError as exc:
                if exc.code() in RESUMABLE:
                    self.resumes += 1
                    continue
                if exc.code() is grpc.StatusCode.FAILED_PRECONDITION:
                    snapshot = await self.snapshot(kinds)
                    cursor = snapshot.revision
                    yield snapshot
                    continue
                raise
            finally:
                call.cancel()
            self.resumes += 1  # the server ended the stream (e.g. shutting down): resume


def secure_channel(address: str, credentials: grpc.ChannelCredentials) -> grpc.aio.Channel:
    return grpc.aio.secure_channel(address, credentials, options=CHANNEL_OPTIONS)


def insecure_channel(address: str) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(address, options=CHANNEL_OPTIONS)
