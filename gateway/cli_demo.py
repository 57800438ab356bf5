"""`gaozhu demo`: the deterministic demo zone, loaded the way real data arrives.

`demo run` (what `make run` does): migrate the store, write the demo zone as each province's own
export (a Chongqing JSON Lines file, a Sichuan XML package; plus the shared samples when given),
start the gateway, run both province agents once through it over gRPC, then keep serving.
`demo load` writes the same records straight through the registry's write path (tests use it).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from gaozhu import migrations
from gaozhu.adapters import chongqing, sichuan
from gaozhu.adapters.agent import Agent
from gaozhu.adapters.formats import FORMATS
from gaozhu.adapters.sync_client import SyncClient, insecure_channel
from gaozhu.gateway.convert import push_entry
from gaozhu.gateway.identity import IDENTITY_HEADER
from gaozhu.gateway.logs import configure_logging
from gaozhu.gateway.server import Gateway, ServeConfig, run
from gaozhu.registry.changelog import Origin
from gaozhu.registry.clock import SystemClock
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.demo import demo_zone
from gaozhu.registry.errors import RegistryError
from gaozhu.registry.vault import DataKeyError, Vault, load_master_key, write_key_file
from gaozhu.registry.writes import RegistryWriter
from gaozhu.v1 import sync_pb2

CHONGQING_FILE = "zfjd-20250301-001.jsonl"
SICHUAN_PACKAGE = "5116232025030100001"


def register(verbs: Any) -> None:
    demo = verbs.add_parser("demo", help="the deterministic demo zone")
    actions = demo.add_subparsers(dest="demo_verb", required=True, metavar="ACTION")

    run_p = actions.add_parser("run", help="migrate, load the demo through both agents, and serve (make run)")
    run_p.add_argument("--dir", type=Path, default=Path(".demo"), help="store, key, inputs and outboxes")
    run_p.add_argument("--listen", default="127.0.0.1:50051")
    run_p.add_argument("--samples", type=Path, help="shared/platforms/samples: fed to the agents as well")
    run_p.add_argument("--no-serve", action="store_true", help="load and exit instead of serving")
    run_p.set_defaults(handler=_run)

    export = actions.add_parser("export", help="write the demo zone as each province's own export files")
    export.add_argument("--chongqing", type=Path, required=True, help="directory for the JSON Lines file")
    export.add_argument("--sichuan", type=Path, required=True, help="directory for the XML package")
    export.set_defaults(handler=_export)

    load = actions.add_parser("load", help="load the demo straight through the registry's write path")
    load.add_argument("--db", help="database URL (default: $GAOZHU_DB, else sqlite:///./gaozhu.db)")
    load.add_argument("--data-key-file", type=Path, help="key file; created (mode 0600) if missing")
    load.set_defaults(handler=_load)


def export_demo(chongqing_dir: Path, sichuan_dir: Path) -> tuple[Path, Path]:
    """The demo zone as the two platforms would export it (same records every time)."""
    zone = demo_zone(SystemClock().now().date())
    chongqing_dir.mkdir(parents=True, exist_ok=True)
    sichuan_dir.mkdir(parents=True, exist_ok=True)
    cq_path = chongqing_dir / CHONGQING_FILE
    lines = [json.dumps(chongqing.entry_to_line(push_entry(e)), ensure_ascii=False) for e in zone.chongqing]
    cq_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sc_path = sichuan_dir / f"{SICHUAN_PACKAGE}.xml"
    elements = [sichuan.entry_to_element(push_entry(e)) for e in zone.sichuan]
    body = sichuan.package_bytes(SICHUAN_PACKAGE, elements, encoding="GB18030")
    sc_path.write_bytes(body)
    return cq_path, sc_path


def _export(args: argparse.Namespace) -> int:
    for path in export_demo(args.chongqing, args.sichuan):
        print(f"wrote {path}")
    return 0


def _copy_samples(samples: Path, cq_in: Path, sc_in: Path) -> None:
    for province, target in (("chongqing", cq_in), ("sichuan", sc_in)):
        for path in sorted((samples / province).glob("*")):
            shutil.copy2(path, target / path.name)  # `.part` files too: the agent must leave them alone


async def _demo(args: argparse.Namespace) -> int:
    base: Path = args.dir
    base.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{base / 'gaozhu.db'}"
    key = base / "data.key"
    write_key_file(key)
    await asyncio.to_thread(migrations.upgrade, url)
    inputs = {p: base / p / "in" for p in FORMATS}
    export_demo(inputs["chongqing"], inputs["sichuan"])
    if args.samples is not None and args.samples.is_dir():
        _copy_samples(args.samples, inputs["chongqing"], inputs["sichuan"])
    gateway = Gateway(ServeConfig(db_url=url, listen=args.listen, insecure=True, data_key_file=key))
    port = await gateway.start()
    address = f"127.0.0.1:{port}"
    try:
        async with insecure_channel(address) as channel:
            agents: list[Agent] = []
            for province, fmt in FORMATS.items():
                client = SyncClient(channel, ((IDENTITY_HEADER, f"platform/{province}"),))
                outbox = base / province / "outbox"
                outbox.mkdir(parents=True, exist_ok=True)
                agents.append(
                    Agent(
                        fmt,
                        client,
                        source=inputs[province],
                        outbox=outbox,
                        state_file=outbox / ".gaozhu-agent.json",
                    )
                )
            for province, agent in zip(FORMATS, agents, strict=True):  # both push first ...
                print(f"-- {province} agent: exports up", file=sys.stderr)
                await agent.push_backlog()
            status = await agents[0].client.stub.GetSyncStatus(
                sync_pb2.GetSyncStatusRequest(), metadata=agents[0].client.metadata
            )
            for province, agent in zip(
                FORMATS, agents, strict=True
            ):  # ... so each outbox has the other's officers
                print(f"-- {province} agent: zone records down", file=sys.stderr)
                await agent.write_zone(until=status.current_revision)
        if args.no_serve:
            return 0
        print(
            f"\nThe demo zone is served on {address}. In another terminal, try:\n"
            f"  .venv/bin/gaozhu query officers --insecure --gateway {address} --dispatched\n"
            f"  .venv/bin/gaozhu query baseline CQ-YJGL-0001 --insecure --gateway {address}\n"
            f"Outboxes: {base / 'chongqing' / 'outbox'}, {base / 'sichuan' / 'outbox'}. Ctrl-C stops.\n",
            file=sys.stderr,
            flush=True,
        )
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await gateway.stop()
    return 0


def _run(args: argparse.Namespace) -> int:
    configure_logging()
    try:
        return run(_demo(args))
    except (OSError, RegistryError, DataKeyError) as exc:
        print(f"gaozhu demo run: {exc}", file=sys.stderr)
        return 2


def _load(args: argparse.Namespace) -> int:
    if args.data_key_file is not None:
        write_key_file(args.data_key_file)
    try:
        vault = Vault(load_master_key(args.data_key_file))
    except DataKeyError as exc:
        print(f"gaozhu demo load: {exc}", file=sys.stderr)
        return 2
    clock = SystemClock()
    zone = demo_zone(clock.now().date())
    engine = create_store_engine(args.db)
    try:
        writer = RegistryWriter(engine, vault, clock)
        for origin, entries in ((Origin.CHONGQING, zone.chongqing), (Origin.SICHUAN, zone.sichuan)):
            results = writer.apply(origin, f"demo/{origin.value.lower()}", entries)
            counts = Counter(r.status.value for r in results)
            print(f"{origin.value.lower():9}  " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
            for entry, result in zip(entries, results, strict=True):
                if result.violations:
                    print(f"  rejected {entry.local_id}: {result.message}", file=sys.stderr)
    finally:
        engine.dispose()
    return 0
