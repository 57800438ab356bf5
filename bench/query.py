"""Staff query throughput: the gateway against a bare grpc.aio echo server, measured in the same run.

Both servers run in their own processes; this process is the client (64 calls in flight, a few
seconds per case). Prints one JSON object. Goals (issue 3): ratio >= 0.5 and
get_officer_p99_ms <= 2 x echo_p99_ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path

import grpc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import run_load  # noqa: E402
from bench.servers import start_echo, start_gateway  # noqa: E402
from gaozhu.gateway.identity import IDENTITY_HEADER  # noqa: E402
from gaozhu.registry.changelog import RecordKind  # noqa: E402
from gaozhu.v1 import registry_pb2, registry_pb2_grpc  # noqa: E402
from tests.zone import make_store  # noqa: E402


async def _measure(
    echo_port: int, gateway_port: int, officer_ids: list[str], seconds: float, in_flight: int
) -> dict[str, float]:
    payload = b"x" * 200
    md = ((IDENTITY_HEADER, "staff/bench"),)
    async with (
        grpc.aio.insecure_channel(f"127.0.0.1:{echo_port}") as echo_ch,
        grpc.aio.insecure_channel(f"127.0.0.1:{gateway_port}") as gw_ch,
    ):
        echo = echo_ch.unary_unary("/bench.Echo/Echo")
        stub = registry_pb2_grpc.RegistryServiceStub(gw_ch)
        requests = [registry_pb2.GetOfficerRequest(local_id=i) for i in officer_ids]

        async def echo_call(i: int) -> object:
            return await echo(payload, timeout=10)

        async def get_officer(i: int) -> object:
            return await stub.GetOfficer(requests[i % len(requests)], metadata=md, timeout=10)

        async def list_subjects(i: int) -> object:
            return await stub.ListSubjects(
                registry_pb2.ListSubjectsRequest(page_size=50), metadata=md, timeout=10
            )

        e = await run_load(echo_call, in_flight=in_flight, seconds=seconds)
        g = await run_load(get_officer, in_flight=in_flight, seconds=seconds)
        ls = await run_load(list_subjects, in_flight=in_flight, seconds=seconds)
    return {
        "in_flight": in_flight,
        "seconds_per_case": seconds,
        "echo_qps": e.qps,
        "echo_p50_ms": e.p50_ms,
        "echo_p99_ms": e.p99_ms,
        "get_officer_qps": g.qps,
        "get_officer_p50_ms": g.p50_ms,
        "get_officer_p99_ms": g.p99_ms,
        "list_subjects_qps": ls.qps,
        "list_subjects_p99_ms": ls.p99_ms,
        "errors": e.errors + g.errors + ls.errors,
        "ratio": round(g.qps / e.qps, 3) if e.qps else 0.0,
        "p99_vs_echo": round(g.p99_ms / e.p99_ms, 3) if e.p99_ms else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--in-flight", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        store = make_store(f"sqlite:///{directory / 'gaozhu.db'}", directory)
        officer_ids = [
            e.local_id for e in store.demo.chongqing + store.demo.sichuan if e.kind is RecordKind.OFFICER
        ]
        echo, echo_port = start_echo()
        gateway, gateway_port = start_gateway(store.url, store.key_file)
        try:
            figures = asyncio.run(
                _measure(echo_port, gateway_port, officer_ids, args.seconds, args.in_flight)
            )
        finally:
            for proc in (echo, gateway):
                proc.terminate()
                proc.wait(timeout=30)
    figures["goal_ratio_met"] = figures["ratio"] >= 0.5
    figures["goal_p99_met"] = figures["get_officer_p99_ms"] <= 2 * figures["echo_p99_ms"]
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
