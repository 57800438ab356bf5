"""`gaozhu certs`: make the zone's CA and certificates (DESIGN.md §6) without openssl."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from gaozhu.gateway import certs
from gaozhu.gateway.identity import Role


def register(verbs: Any) -> None:
    parser = verbs.add_parser("certs", help="create the zone CA and mTLS certificates")
    actions = parser.add_subparsers(dest="certs_verb", required=True, metavar="ACTION")

    init = actions.add_parser(
        "init",
        help="create a zone CA, the gateway certificate and demo client certificates in DIR",
        description="Create ca.pem/ca.key, server.pem/server.key (localhost, 127.0.0.1, ::1) and client "
        "certificates for platform/sichuan, platform/chongqing, staff/demo and admin/demo.",
    )
    init.add_argument("directory", metavar="DIR", type=Path)
    init.add_argument(
        "--force", action="store_true", help="replace an existing CA (every old certificate stops working)"
    )
    init.add_argument(
        "--host",
        action="append",
        default=[],
        metavar="NAME",
        help="another DNS name or IP address for the gateway certificate (repeatable)",
    )
    init.set_defaults(handler=_init)

    issue = actions.add_parser("issue", help="sign one more client certificate with the CA in DIR")
    issue.add_argument("--role", required=True, choices=[r.value for r in Role])
    issue.add_argument(
        "--name", required=True, help="a-z, 0-9, '.', '_', '-'; sichuan or chongqing for platforms"
    )
    issue.add_argument("directory", metavar="DIR", type=Path)
    issue.set_defaults(handler=_issue)


def _init(args: argparse.Namespace) -> int:
    try:
        pki = certs.init_zone_pki(args.directory, force=args.force, hosts=args.host)
    except (FileExistsError, ValueError) as exc:
        return _fail(exc)
    for path in pki.files:
        print(f"wrote {path}")
    return 0


def _issue(args: argparse.Namespace) -> int:
    try:
        cert = certs.issue_client_cert(args.directory, args.role, args.name)
    except (FileNotFoundError, ValueError) as exc:
        return _fail(exc)
    print(f"wrote {cert}")
    print(f"wrote {cert.with_suffix('.key')}")
    print(f"identity {certs.spiffe_uri(args.role, args.name)}")
    return 0


def _fail(exc: Exception) -> int:
    """Expected mistakes (existing CA, bad name, missing CA) get one line, not a traceback."""
    print(f"gaozhu certs: error: {exc}", file=sys.stderr)
    return 1
