"""Adapter figures: translation against the bare parser on the same input, and agent -> gateway ->
committed end to end (SQLite). Prints one JSON object.

Goals (issue 5): translation >= 0.3 of the raw parse rate; end to end >= 5,000 records/s.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import defusedxml.ElementTree as SafeET  # noqa: E402

from gaozhu.adapters import chongqing, sichuan  # noqa: E402
from gaozhu.adapters.agent import Agent  # noqa: E402
from gaozhu.adapters.formats import FORMATS  # noqa: E402
from gaozhu.adapters.sync_client import SyncClient, insecure_channel  # noqa: E402
from gaozhu.gateway.convert import push_entry  # noqa: E402
from gaozhu.gateway.identity import IDENTITY_HEADER  # noqa: E402
from gaozhu.registry.changelog import Origin  # noqa: E402
from tests.processes import GatewayProcess  # noqa: E402
from tests.zone import make_store, subject_entries  # noqa: E402


def _rate(count: int, fn: object) -> float:
    started = time.perf_counter()
    fn()  # type: ignore[operator]
    return count / (time.perf_counter() - started)


def chongqing_figures(directory: Path, records: int) -> dict[str, float]:
    lines = [
        json.dumps(chongqing.entry_to_line(push_entry(e)), ensure_ascii=False)
        for e in subject_entries(Origin.CHONGQING, records)
    ]
    path = directory / "zfjd-20250310-001.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raw = _rate(records, lambda: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    translated = _rate(records, lambda: chongqing.read_file(path))
    assert len(chongqing.read_file(path).entries) == records
    return {"chongqing_records_per_s": round(translated), "chongqing_json_loads_per_s": round(raw)}


def sichuan_figures(directory: Path, records: int) -> dict[str, float]:
    elements = [sichuan.entry_to_element(push_entry(e)) for e in subject_entries(Origin.SICHUAN, records)]
    package_id = "5116232025031000001"
    data = sichuan.package_bytes(package_id, elements, encoding="GB18030")
    path = directory / f"{package_id}.xml"
    path.write_bytes(data)
    text = data.decode("gb18030")

    def raw_parse() -> None:  # the chosen parser alone, on the same (decoded) document
        SafeET.parse(io.StringIO(text.split("?>", 1)[1]), forbid_dtd=True)

    raw = _rate(records, raw_parse)
    translated = _rate(records, lambda: sichuan.read_package(path))
    assert len(sichuan.read_package(path).entries) == records
    return {"sichuan_records_per_s": round(translated), "sichuan_raw_parse_per_s": round(raw)}


async def end_to_end(address: str, source: Path, outbox: Path) -> float:
    async with insecure_channel(address) as channel:
        client = SyncClient(channel, ((IDENTITY_HEADER, "platform/chongqing"),))
        agent = Agent(
            FORMATS["chongqing"],
            client,
            source=source,
            outbox=outbox,
            state_file=outbox / "s.json",
            out=io.StringIO(),
        )
        started = time.perf_counter()
        summaries = await agent.push_backlog()
        elapsed = time.perf_counter() - started
    accepted = sum(s.counts["accepted"] for s in summaries)
    return accepted / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        figures: dict[str, object] = {"records": args.records}
        figures |= chongqing_figures(directory, args.records)
        figures |= sichuan_figures(directory, args.records)
        store = make_store(f"sqlite:///{directory / 'gaozhu.db'}", directory, demo=False)
        gateway = GatewayProcess(store)
        gateway.start()
        try:
            outbox = directory / "outbox"
            outbox.mkdir()
            figures["end_to_end_records_per_s"] = round(
                asyncio.run(end_to_end(gateway.address, directory, outbox))
            )
        finally:
            gateway.stop()
    cq = figures["chongqing_records_per_s"] / figures["chongqing_json_loads_per_s"]  # type: ignore[operator]
    sc = figures["sichuan_records_per_s"] / figures["sichuan_raw_parse_per_s"]  # type: ignore[operator]
    figures["chongqing_ratio"] = round(cq, 3)
    figures["sichuan_ratio"] = round(sc, 3)
    figures["goals_met"] = cq >= 0.3 and sc >= 0.3 and figures["end_to_end_records_per_s"] >= 5000  # type: ignore[operator]
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
