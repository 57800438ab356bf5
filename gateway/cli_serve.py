"""`gaozhu serve`."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from gaozhu.gateway.logs import configure_logging
from gaozhu.gateway.server import ServeConfig, check_config, run, serve_until_signal
from gaozhu.registry.errors import RegistryError
from gaozhu.registry.vault import DataKeyError


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
    except (ValueError, RegistryError, DataKeyError, OSError) as exc:
        print(f"gaozhu serve: {exc}", file=sys.stderr)
        return 2
    return 0
