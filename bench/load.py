"""A closed-loop load generator: N calls in flight for a fixed time; throughput and latency percentiles."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figures:
    calls: int
    errors: int
    qps: float
    p50_ms: float
    p99_ms: float


def _percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, round(q * (len(sorted_values) - 1)))
    return sorted_values[index]


async def run_load(
    call: Callable[[int], Awaitable[object]], *, in_flight: int, seconds: float, warmup: float = 0.5
) -> Figures:
    """Each of `in_flight` workers calls `call(i)` back to back; latencies after the warm-up count."""
    latencies: list[float] = []
    errors = 0
    start = time.perf_counter()
    measure_from = start + warmup
    stop_at = measure_from + seconds

    async def worker(offset: int) -> None:
        nonlocal errors
        i = offset
        while True:
            t0 = time.perf_counter()
            if t0 >= stop_at:
                return
            try:
                await call(i)
            except Exception:
                errors += 1
            t1 = time.perf_counter()
            if t0 >= measure_from:
                latencies.append((t1 - t0) * 1000)
            i += in_flight

    await asyncio.gather(*(worker(n) for n in range(in_flight)))
    latencies.sort()
    return Figures(
        calls=len(latencies),
        errors=errors,
        qps=round(len(latencies) / seconds, 1),
        p50_ms=round(_percentile(latencies, 0.50), 3),
        p99_ms=round(_percentile(latencies, 0.99), 3),
    )
