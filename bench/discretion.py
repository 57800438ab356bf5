"""Assess throughput: the gateway's DiscretionService against a bare grpc.aio echo server, same run.

Both servers run in their own processes (the echo server is bench/echo_server.py, the load generator
bench/load.py, as bench/query.py uses them); this process is the client, 64 calls in flight, a few
seconds per case. The Assess requests cycle through real items (fixed, proportional, switch ranges),
every tier, and the zone code and both local codes, asked as either platform. Two figures:

- `assess_qps`: every call a case not asked before (its own violation time), so the engine runs on
  every call: the conservative figure, and the one `ratio` (goal >= 0.5, issue 6) is computed from;
- `assess_repeat_qps`: the same 126 cases asked again and again (both provinces asking about one
  case, retries): answered from the gateway's per-revision answer cache.

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import run_load  # noqa: E402
from bench.servers import start_echo, start_gateway  # noqa: E402
from gaozhu.gateway.identity import IDENTITY_HEADER  # noqa: E402
from gaozhu.registry.catalogue import load_catalogue  # noqa: E402
from gaozhu.v1 import discretion_pb2, discretion_pb2_grpc  # noqa: E402
from tests.zone import make_store  # noqa: E402

ITEMS = ("GZ-YJ-001", "GZ-ST-001", "GZ-GH-001", "GZ-JT-001", "GZ-SL-001", "GZ-NY-001", "GZ-SJ-001")
FACTS: tuple[dict[str, Any], ...] = (
    {"harm": discretion_pb2.HARM_NONE},
    {"harm": discretion_pb2.HARM_MINOR, "corrected_in_time": True},
    {"harm": discretion_pb2.HARM_NONE, "first_violation": True, "corrected_in_time": True},
    {"harm": discretion_pb2.HARM_MINOR, "repeat_within_2y": True},
    {"harm": discretion_pb2.HARM_SERIOUS, "coerced": True},
    {"harm": discretion_pb2.HARM_NONE, "voluntary_report": True, "corrected_in_time": True},
)
IDENTITIES = ("platform/chongqing", "platform/sichuan", "staff/bench")


Request = tuple[discretion_pb2.AssessRequest, tuple[tuple[str, str], ...]]


def _requests(count: int = 0) -> list[Request]:
    """Every item x facts x code combination once (126 cases), or `count` cases cycling through
    them with a different violation time each, so that no two are the same case."""
    catalogue = {item.code: item for item in load_catalogue()}
    occurred = datetime(2025, 3, 1, 2, tzinfo=UTC)
    out = []
    combinations = list(itertools.product(ITEMS, FACTS, range(3)))
    for n in range(count or len(combinations)):
        code, facts, which = combinations[n % len(combinations)]
        item = catalogue[code]
        asked_as = (item.code, item.chongqing_code, item.sichuan_code)[which]
        wire = discretion_pb2.Facts(
            base_amount_fen=100_000_000 + n, illegal_gains_fen=(n % 4) * 700_000, quantity=1, **facts
        )
        wire.occurred_at.FromDatetime(occurred + timedelta(minutes=n))
        wire.decided_at.FromDatetime(occurred + timedelta(days=30, minutes=n))
        md = ((IDENTITY_HEADER, IDENTITIES[n % len(IDENTITIES)]),)
        out.append((discretion_pb2.AssessRequest(item_code=asked_as, facts=wire), md))
    return out


async def _measure(echo_port: int, gateway_port: int, seconds: float, in_flight: int) -> dict[str, Any]:
    payload = b"x" * 200
    requests = _requests()
    unique = _requests(int(seconds * 12_000) + 10_000)  # more than the gateway can answer in the time
    async with (
        grpc.aio.insecure_channel(f"127.0.0.1:{echo_port}") as echo_ch,
        grpc.aio.insecure_channel(f"127.0.0.1:{gateway_port}") as gw_ch,
    ):
        echo = echo_ch.unary_unary("/bench.Echo/Echo")
        stub = discretion_pb2_grpc.DiscretionServiceStub(gw_ch)
        for request, md in requests:  # every case answers (and the item cache is warm, as in service)
            await stub.Assess(request, metadata=md, timeout=10)

        async def echo_call(i: int) -> object:
            return await echo(payload, timeout=10)

        async def assess_new(i: int) -> object:
            request, md = unique[i % len(unique)]
            return await stub.Assess(request, metadata=md, timeout=10)

        async def assess_again(i: int) -> object:
            request, md = requests[(i * 7) % len(requests)]
            return await stub.Assess(request, metadata=md, timeout=10)

        e = await run_load(echo_call, in_flight=in_flight, seconds=seconds)
        a = await run_load(assess_new, in_flight=in_flight, seconds=seconds)
        r = await run_load(assess_again, in_flight=in_flight, seconds=seconds)
    return {
        "in_flight": in_flight,
        "seconds_per_case": seconds,
        "cases": len(requests),
        "echo_qps": e.qps,
        "echo_p50_ms": e.p50_ms,
        "echo_p99_ms": e.p99_ms,
        "assess_qps": a.qps,
        "assess_p50_ms": a.p50_ms,
        "assess_p99_ms": a.p99_ms,
        "assess_repeat_qps": r.qps,
        "assess_repeat_p99_ms": r.p99_ms,
        "errors": e.errors + a.errors + r.errors,
        "ratio": round(a.qps / e.qps, 3) if e.qps else 0.0,
        "ratio_repeat": round(r.qps / e.qps, 3) if e.qps else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--in-flight", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        store = make_store(f"sqlite:///{directory / 'gaozhu.db'}", directory, demo=False)
        echo, echo_port = start_echo()
        gateway, gateway_port = start_gateway(store.url, store.key_file)
        try:
            figures = asyncio.run(_measure(echo_port, gateway_port, args.seconds, args.in_flight))
        finally:
            for proc in (echo, gateway):
                proc.terminate()
                proc.wait(timeout=30)
    figures["goal_ratio_met"] = figures["ratio"] >= 0.5
    figures["goal_ratio_met_repeat"] = figures["ratio_repeat"] >= 0.5
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
