"""Sync figures: ingest over gRPC against raw SQLAlchemy Core inserts in the same run, then commit-to-
delivery latency for 100 watchers at 100 commits/s. Prints one JSON object.

Goals (issue 4): ingest >= 15,000 records/s and ingest_ratio >= 0.15; watch p99 <= 50 ms;
0 lost, 0 duplicated.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from gaozhu import migrations  # noqa: E402
from gaozhu.adapters.sync_client import SyncClient, insecure_channel  # noqa: E402
from gaozhu.gateway.identity import IDENTITY_HEADER  # noqa: E402
from gaozhu.registry.changelog import Origin  # noqa: E402
from gaozhu.registry.db import create_store_engine  # noqa: E402
from gaozhu.registry.models import SubjectRow  # noqa: E402
from tests.processes import GatewayProcess  # noqa: E402
from tests.zone import make_store, push_entry, subject_entries  # noqa: E402

CQ = ((IDENTITY_HEADER, "platform/chongqing"),)


def raw_inserts(directory: Path, total: int, batch: int) -> float:
    url = f"sqlite:///{directory / 'raw.db'}"
    migrations.upgrade(url, "0001")
    rows = [
        {
            "credit_code": e.local_id,
            "origin": "CHONGQING",
            "name": e.record.name,  # type: ignore[union-attr]
            "region_code": "500112",
            "address": "高竹新区",
            "industry_code": "C3670",
            "credit_grade": "B",
            "legal_representative": "张三",
            "updated_at": e.record.updated_at,  # type: ignore[union-attr]
            "version": 1,
            "revision": i + 1,
        }
        for i, e in enumerate(subject_entries(Origin.CHONGQING, total))
    ]
    engine = create_store_engine(url)
    started = time.perf_counter()
    for start in range(0, total, batch):
        with engine.begin() as conn:
            conn.execute(insert(SubjectRow), rows[start : start + batch])
    elapsed = time.perf_counter() - started
    engine.dispose()
    return total / elapsed


async def ingest(address: str, total: int, batch: int, in_flight: int) -> float:
    """Batches pushed back to back with `in_flight` pushes outstanding (as an agent with a backlog may)."""
    entries = [push_entry(e) for e in subject_entries(Origin.CHONGQING, total)]
    batches = [entries[start : start + batch] for start in range(0, total, batch)]
    async with insecure_channel(address) as channel:
        client = SyncClient(channel, CQ)

        async def lane(n: int) -> None:
            for part in batches[n::in_flight]:
                response = await client.push(part)
                assert all(r.status == 1 for r in response.results), "a benchmark record was not accepted"

        started = time.perf_counter()
        await asyncio.gather(*(lane(n) for n in range(in_flight)))
        return total / (time.perf_counter() - started)


async def commits(address: str, count: int, rate: float, start: int) -> int:
    entries = [push_entry(e) for e in subject_entries(Origin.CHONGQING, count, start=start)]
    async with insecure_channel(address) as channel:
        client = SyncClient(channel, CQ)
        began = time.perf_counter()
        revision = 0
        for n, entry in enumerate(entries):
            response = await client.push([entry])
            revision = response.results[0].revision
            delay = began + (n + 1) / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
        return revision


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--in-flight", type=int, default=1, help="pushes outstanding at once during ingest")
    parser.add_argument("--watchers", type=int, default=100)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--rate", type=float, default=100.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        raw_rate = raw_inserts(directory, args.records, args.batch)
        store = make_store(f"sqlite:///{directory / 'gaozhu.db'}", directory, demo=False)
        gateway = GatewayProcess(store)
        gateway.start()
        try:
            ingest_rate = asyncio.run(ingest(gateway.address, args.records, args.batch, args.in_flight))
            rss_after_ingest = rss_mb(gateway.proc.pid)  # type: ignore[union-attr]
            since = 250 + args.records
            watchers = subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "bench" / "watchers.py"),
                    gateway.address,
                    str(args.watchers),
                    str(since),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            assert watchers.stdout is not None and watchers.stdin is not None
            assert watchers.stdout.readline().strip() == "ready"
            final = asyncio.run(commits(gateway.address, args.commits, args.rate, start=args.records))
            watchers.stdin.write(f"{final}\n")
            watchers.stdin.flush()
            watch = json.loads(watchers.stdout.readline())
            watchers.wait(timeout=60)
            rss = rss_mb(gateway.proc.pid)  # type: ignore[union-attr]
        finally:
            gateway.stop()
    figures = {
        "records": args.records,
        "batch": args.batch,
        "pushes_in_flight": args.in_flight,
        "ingest_records_per_s": round(ingest_rate),
        "raw_insert_records_per_s": round(raw_rate),
        "ingest_ratio": round(ingest_rate / raw_rate, 3),
        **watch,
        "commits": args.commits,
        "commit_rate_per_s": args.rate,
        "rss_mb": rss,
        "rss_mb_after_ingest": rss_after_ingest,
    }
    figures["goals_met"] = (
        figures["ingest_records_per_s"] >= 15_000
        and figures["ingest_ratio"] >= 0.15
        and (watch["watch_p99_ms"] or 0) <= 50
        and watch["lost_events"] == 0
        and watch["duplicate_events"] == 0
    )
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
