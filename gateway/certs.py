"""The zone's small PKI: one CA, a gateway certificate and SPIFFE-named client certificates (DESIGN.md §6).

Everything is made with `cryptography` in-process, so no openssl binary or config file is needed and
the keys never pass through a command line. Client identity is the certificate's URI SAN,
`spiffe://gaozhu.zone/<role>/<name>`; the role follows from it.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from gaozhu.gateway.identity import NAME_PATTERN, PLATFORMS, TRUST_DOMAIN, Role, parse_identity

CA_CERT = "ca.pem"
CA_KEY = "ca.key"
SERVER_CERT = "server.pem"
SERVER_KEY = "server.key"

# The identities `init_zone_pki` issues: both provinces' platforms and one demo person per role.
DEFAULT_CLIENTS: tuple[tuple[str, str], ...] = (
    ("platform", "sichuan"),
    ("platform", "chongqing"),
    ("staff", "demo"),
    ("admin", "demo"),
)

CA_YEARS = 10
LEAF_DAYS = 365
# Certificates start a little in the past so a peer whose clock lags ours still accepts them at once.
CLOCK_SKEW = timedelta(minutes=5)

_ROLES = frozenset(r.value for r in Role)
_ORG = "Gaozhu New Area"


@dataclass(frozen=True, slots=True)
class ZonePki:
    """Where `init_zone_pki` put each file."""

    directory: Path
    ca_cert: Path
    ca_key: Path
    server_cert: Path
    server_key: Path
    # (role, name) -> (certificate, key)
    clients: dict[tuple[str, str], tuple[Path, Path]] = field(default_factory=dict)

    @property
    def files(self) -> list[Path]:
        out = [self.ca_cert, self.ca_key, self.server_cert, self.server_key]
        for cert, key in self.clients.values():
            out += [cert, key]
        return out


# --- identities -------------------------------------------------------------------------------------


def check_identity(role: str, name: str) -> None:
    """Raise ValueError unless (role, name) is one the zone may name in a certificate."""
    if role not in _ROLES:
        raise ValueError(f"unknown role {role!r}: expected one of {', '.join(sorted(_ROLES))}")
    if not NAME_PATTERN.fullmatch(name):
        raise ValueError(
            f"invalid name {name!r}: 1-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit"
        )
    if role == Role.PLATFORM.value and name not in PLATFORMS:
        raise ValueError(f"unknown platform {name!r}: expected one of {', '.join(sorted(PLATFORMS))}")


def spiffe_uri(role: str, name: str) -> str:
    check_identity(role, name)
    return f"spiffe://{TRUST_DOMAIN}/{role}/{name}"


def parse_spiffe_uri(uri: str) -> tuple[str, str] | None:
    """(role, name) if `uri` names a zone identity exactly; None for anything else (never raises)."""
    if not uri.startswith(f"spiffe://{TRUST_DOMAIN}/"):
        return None
    identity = parse_identity(uri)
    return (identity.role.value, identity.name) if identity else None


def client_file_stem(role: str, name: str) -> str:
    return f"{role}-{name}"


# --- creation ---------------------------------------------------------------------------------------


def init_zone_pki(
    directory: Path, *, now: datetime | None = None, force: bool = False, hosts: Sequence[str] = ()
) -> ZonePki:
    """Create the CA, the gateway certificate and the default client certificates in `directory`.

    Refuses to replace an existing CA unless `force`: every certificate in the zone chains to it, so a
    silent overwrite would lock every platform out. `hosts` adds DNS names or IP addresses to the server
    certificate beyond localhost, 127.0.0.1 and ::1.
    """
    directory = Path(directory)
    now = _utc(now)
    if not force:
        for existing in (directory / CA_CERT, directory / CA_KEY):
            if existing.exists():
                raise FileExistsError(
                    f"{existing} already exists: refusing to replace the zone CA (use --force / force=True)"
                )
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, _ORG),
            x509.NameAttribute(NameOID.COMMON_NAME, "Gaozhu zone CA"),
        ]
    )
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(_add_years(now, CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    # Leaves first, CA last: a crash half-way leaves no CA behind, so a re-run needs no --force.
    server_sans: list[x509.GeneralName] = [
        x509.DNSName("localhost"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        x509.IPAddress(ipaddress.ip_address("::1")),
    ]
    for host in hosts:
        san = _host_san(host)
        if san not in server_sans:
            server_sans.append(san)
    server_cert, server_key = _issue_leaf(
        directory,
        SERVER_CERT,
        SERVER_KEY,
        ca_cert,
        ca_key,
        common_name="gaozhu gateway",
        sans=server_sans,
        usage=ExtendedKeyUsageOID.SERVER_AUTH,
        now=now,
    )
    clients = {
        (role, name): _issue_client(directory, ca_cert, ca_key, role, name, now)
        for role, name in DEFAULT_CLIENTS
    }
    _write_private_key(directory / CA_KEY, ca_key)
    _write_public(directory / CA_CERT, ca_cert.public_bytes(serialization.Encoding.PEM))
    return ZonePki(
        directory=directory,
        ca_cert=directory / CA_CERT,
        ca_key=directory / CA_KEY,
        server_cert=server_cert,
        server_key=server_key,
        clients=clients,
    )


def issue_client_cert(directory: Path, role: str, name: str, *, now: datetime | None = None) -> Path:
    """Sign one more client certificate with the zone CA in `directory`; returns the certificate's path.

    An existing certificate for the same identity is replaced (with a fresh key): that is renewal.
    """
    directory = Path(directory)
    check_identity(role, name)
    ca_cert, ca_key = _load_ca(directory)
    cert, _key = _issue_client(directory, ca_cert, ca_key, role, name, _utc(now))
    return cert


def _issue_client(
    directory: Path,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    role: str,
    name: str,
    now: datetime,
) -> tuple[Path, Path]:
    stem = client_file_stem(role, name)
    return _issue_leaf(
        directory,
        f"{stem}.pem",
        f"{stem}.key",
        ca_cert,
        ca_key,
        common_name=f"{role}/{name}",
        sans=[x509.UniformResourceIdentifier(spiffe_uri(role, name))],
        usage=ExtendedKeyUsageOID.CLIENT_AUTH,
        now=now,
    )


def _issue_leaf(
    directory: Path,
    cert_file: str,
    key_file: str,
    ca_cert: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    *,
    common_name: str,
    sans: list[x509.GeneralName],
    usage: x509.ObjectIdentifier,
    now: datetime,
) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    ca_ski = ca_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    cert = (
        x509.CertificateBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, _ORG),
                    x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                ]
            )
        )
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - CLOCK_SKEW)
        .not_valid_after(now + timedelta(days=LEAF_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    # Key before certificate: a certificate on disk always has its key next to it.
    _write_private_key(directory / key_file, key)
    _write_public(directory / cert_file, cert.public_bytes(serialization.Encoding.PEM))
    return directory / cert_file, directory / key_file


def _load_ca(directory: Path) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    hint = f"create the zone PKI with `gaozhu certs init {directory}`"
    cert = x509.load_pem_x509_certificate(_read(directory / CA_CERT, hint))
    key = serialization.load_pem_private_key(_read(directory / CA_KEY, hint), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError(f"{directory / CA_KEY} is not an EC private key")
    if key.public_key() != cert.public_key():
        raise ValueError(f"{directory / CA_KEY} does not belong to {directory / CA_CERT}")
    return cert, key


# --- grpc credentials -------------------------------------------------------------------------------


def server_credentials(directory: Path) -> grpc.ServerCredentials:
    """TLS for the gateway, requiring a client certificate signed by the zone CA."""
    directory = Path(directory)
    hint = f"create the zone PKI with `gaozhu certs init {directory}`"
    root = _read(directory / CA_CERT, hint)
    key = _read(directory / SERVER_KEY, hint)
    cert = _read(directory / SERVER_CERT, hint)
    return grpc.ssl_server_credentials([(key, cert)], root_certificates=root, require_client_auth=True)


def channel_credentials(directory: Path, role: str, name: str) -> grpc.ChannelCredentials:
    """TLS for a client: trust only the zone CA, and present `<role>-<name>.pem` as who we are."""
    directory = Path(directory)
    check_identity(role, name)
    root = _read(directory / CA_CERT, f"create the zone PKI with `gaozhu certs init {directory}`")
    stem = client_file_stem(role, name)
    hint = f"issue it with `gaozhu certs issue --role {role} --name {name} {directory}`"
    key = _read(directory / f"{stem}.key", hint)
    cert = _read(directory / f"{stem}.pem", hint)
    return grpc.ssl_channel_credentials(root_certificates=root, private_key=key, certificate_chain=cert)


# --- files ------------------------------------------------------------------------------------------


def _read(path: Path, hint: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileNotFoundError(f"{path} not found: {hint}") from None


def _write_private_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    _write_atomic(path, data, 0o600)


def _write_public(path: Path, data: bytes) -> None:
    _write_atomic(path, data, 0o644)


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Write a temp file created with `mode` (a key is never readable by others, even briefly), then
    rename it into place, so a reader never sees half a file and a crash leaves the old one intact."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


# --- small helpers ----------------------------------------------------------------------------------


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC)


def _add_years(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February into a non-leap year
        return moment.replace(year=moment.year + years, day=28)


def _host_san(host: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        return x509.DNSName(host)
