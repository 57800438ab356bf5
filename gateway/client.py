"""Connecting to a gateway as someone: TLS with that identity's certificate, or plaintext with the
identity header (loopback development only)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc

from gaozhu.gateway.certs import channel_credentials
from gaozhu.gateway.identity import IDENTITY_HEADER, Identity, parse_identity

DEFAULT_GATEWAY = "127.0.0.1:50051"


@dataclass(frozen=True, slots=True)
class Target:
    address: str
    identity: Identity
    tls_dir: Path | None = None

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """Identity header for plaintext; under TLS the certificate speaks and no header is sent."""
        return () if self.tls_dir else ((IDENTITY_HEADER, str(self.identity)),)

    def _credentials(self) -> grpc.ChannelCredentials:
        assert self.tls_dir is not None
        return channel_credentials(self.tls_dir, self.identity.role.value, self.identity.name)

    def channel(self) -> grpc.Channel:
        if self.tls_dir is None:
            return grpc.insecure_channel(self.address)
        return grpc.secure_channel(self.address, self._credentials())

    def aio_channel(self) -> grpc.aio.Channel:
        if self.tls_dir is None:
            return grpc.aio.insecure_channel(self.address)
        return grpc.aio.secure_channel(self.address, self._credentials())


def wire_enum(number: int) -> Any:
    """An enum number as the generated message fields' types expect it."""
    return number


def add_target_options(parser: argparse.ArgumentParser, default_identity: str) -> None:
    parser.add_argument(
        "--gateway", default=DEFAULT_GATEWAY, help=f"gateway address (default {DEFAULT_GATEWAY})"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--tls-dir", type=Path, help="directory from `gaozhu certs init` (mutual TLS)")
    mode.add_argument("--insecure", action="store_true", help="plaintext to a loopback gateway (development)")
    parser.add_argument(
        "--as",
        dest="identity",
        default=default_identity,
        help=f"who you are, ROLE/NAME (default {default_identity}); under TLS, picks the certificate",
    )


def target_from_args(args: argparse.Namespace) -> Target:
    identity = parse_identity(args.identity)
    if identity is None:
        raise SystemExit(
            f"gaozhu: --as {args.identity!r} is not ROLE/NAME with ROLE platform, staff or admin"
        )
    if args.tls_dir is None and not args.insecure:
        raise SystemExit("gaozhu: choose --tls-dir DIR (mutual TLS) or --insecure (loopback development)")
    return Target(args.gateway, identity, args.tls_dir)
