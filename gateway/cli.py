"""`gaozhu`: the one command. Each verb is a thin shell over library functions tests call directly."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from gaozhu.gateway import (
    cli_adapter,
    cli_certs,
    cli_demo,
    cli_discretion,
    cli_item,
    cli_query,
    cli_serve,
    cli_store,
    cli_sync,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gaozhu",
        description="Gaozhu New Area federation gateway: shared registries for Sichuan and Chongqing.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    cli_store.register(verbs)
    cli_serve.register(verbs)
    cli_query.register(verbs)
    cli_certs.register(verbs)
    cli_sync.register(verbs)
    cli_adapter.register(verbs)
    cli_demo.register(verbs)
    cli_item.register(verbs)
    cli_discretion.register(verbs)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
