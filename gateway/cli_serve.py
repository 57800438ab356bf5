"""`gaozhu serve` and `gaozhu demo load`."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from gaozhu.gateway.logs import configure_logging
from gaozhu.gateway.server import ServeConfig, check_config, run, serve_until_signal
from gaozhu.registry.changelog import Origin
from gaozhu.registry.clock import SystemClock
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.demo import demo_zone
from gaozhu.registry.errors import RegistryError
from gaozhu.registry.vault import DataKeyError, Vault, load_master_key, write_key_file
from gaozhu.registry.writes import RegistryWriter


def register(verbs: Any) -> None:
    serve = verbs.add_parser("serve", help="run the gateway (grpc.aio) on the store")
    serve.add_argument("--db", help="database URL (default: $GAOZHU_DB, else sqlite:///./gaozhu.db)")
    serve.add_argument("--listen", default="127.0.0.1:50051", help="HOST:PORT (default 127.0.0.1:50051)")
    mode = serve.add_mutually_exclusive_group()
    mode.add_argument(
        "--tls-dir", type=Path, help="mutual TLS with the certificates in DIR (`gaozhu certs init`)"
    )
    mode.add_argument(
        "--insecure", action="store_true", help="plaintext, loopback only; identity from a header"
    )
    serve.add_argument(
        "--data-key-file", type=Path, help="key for ID numbers (default: $GAOZHU_DATA_KEY[_FILE])"
    )
    serve.add_argument(
        "--grace", type=float, default=5.0, help="seconds open streams get on shutdown (default 5)"
    )
    serve.add_argument(
        "--retention-days", type=float, default=7.0, help="keep change-log entries this long (default 7)"
    )
    serve.set_defaults(handler=_serve)

    demo = verbs.add_parser("demo", help="the deterministic demo zone")
    demo_verbs = demo.add_subparsers(dest="demo_verb", required=True, metavar="ACTION")
    load = demo_verbs.add_parser("load", help="load 24+6 officers and 94 enterprises through the write path")
    load.add_argument("--db", help="database URL (default: $GAOZHU_DB, else sqlite:///./gaozhu.db)")
    load.add_argument("--data-key-file", type=Path, help="key file; created (mode 0600) if missing")
    load.set_defaults(handler=_demo_load)


def _serve(args: argparse.Namespace) -> int:
    configure_logging()
    config = ServeConfig(
        db_url=args.db,
        listen=args.listen,
        tls_dir=args.tls_dir,
        insecure=args.insecure,
        data_key_file=args.data_key_file,
        grace_s=args.grace,
        retention=timedelta(days=args.retention_days),
    )
    try:
        check_config(config)
        run(serve_until_signal(config))
    except (ValueError, RegistryError, DataKeyError, FileNotFoundError) as exc:
        print(f"gaozhu serve: {exc}", file=sys.stderr)
        return 2
    return 0


def _demo_load(args: argparse.Namespace) -> int:
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
