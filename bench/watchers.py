"""Helper process for bench/sync.py: N watchers from one revision; reports delivery latency figures.

Reads the final revision to wait for from stdin once all watchers are connected ("ready" on stdout).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

import grpc

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from gaozhu.gateway.identity import IDENTITY_HEADER
from gaozhu.v1 import sync_pb2, sync_pb2_grpc


async def main(address: str, count: int, since: int) -> None:
    latencies: list[float] = []
    received: list[list[int]] = [[] for _ in range(count)]
    final = asyncio.get_running_loop().create_future()
    connected = 0

    async def watch(n: int, channel: grpc.aio.Channel) -> None:
        nonlocal connected
        stub = sync_pb2_grpc.SyncServiceStub(channel)
        call = stub.Watch(
            sync_pb2.WatchRequest(since_revision=since), metadata=((IDENTITY_HEADER, "staff/bench"),)
        )
        await call.wait_for_connection()
        connected += 1
        async for response in call:
            if response.HasField("event"):
                now = time.time()
                committed = response.event.committed_at.ToNanoseconds() / 1e9
                latencies.append((now - committed) * 1000)
                received[n].append(response.event.revision)
                revision = response.event.revision
            else:
                revision = response.progress.revision
            if final.done() and revision >= final.result():
                call.cancel()
                return

    channels = [grpc.aio.insecure_channel(address) for _ in range(4)]
    tasks = [asyncio.create_task(watch(n, channels[n % 4])) for n in range(count)]
    while connected < count:
        await asyncio.sleep(0.01)
    print("ready", flush=True)
    line = await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
    final.set_result(int(line))
    await asyncio.gather(*tasks)
    for ch in channels:
        await ch.close()
    expected = list(range(since + 1, final.result() + 1))
    lost = sum(len(set(expected) - set(r)) for r in received)
    duplicated = sum(len(r) - len(set(r)) for r in received)
    latencies.sort()
    print(
        json.dumps(
            {
                "watchers": count,
                "deliveries": len(latencies),
                "watch_p50_ms": round(latencies[len(latencies) // 2], 2) if latencies else None,
                "watch_p99_ms": round(latencies[int(len(latencies) * 0.99)], 2) if latencies else None,
                "lost_events": lost,
                "duplicate_events": duplicated,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
