"""The zone PKI: files, signatures, SANs, and a real mTLS handshake through grpc.aio."""

from __future__ import annotations

import argparse
import ipaddress
import stat
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import grpc
import pytest
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID

from gaozhu.gateway import cli_certs
from gaozhu.gateway.certs import (
    ZonePki,
    channel_credentials,
    init_zone_pki,
    issue_client_cert,
    parse_spiffe_uri,
    server_credentials,
    spiffe_uri,
)

IDENTITIES = [
    ("platform", "sichuan"),
    ("platform", "chongqing"),
    ("staff", "demo"),
    ("admin", "demo"),
]
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def pki(tmp_path: Path) -> ZonePki:
    return init_zone_pki(tmp_path / "pki", now=NOW)


def _cert(path: Path) -> x509.Certificate:
    return x509.load_pem_x509_certificate(path.read_bytes())


def _verify_signed_by(leaf: x509.Certificate, ca: x509.Certificate) -> None:
    """Raises InvalidSignature unless the CA's key signed `leaf`."""
    leaf.verify_directly_issued_by(ca)


def _uris(cert: x509.Certificate) -> list[str]:
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    return san.get_values_for_type(x509.UniformResourceIdentifier)


def _ekus(cert: x509.Certificate) -> list[x509.ObjectIdentifier]:
    return list(cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)


# --- files ------------------------------------------------------------------------------------------


def test_init_writes_every_file_with_private_keys_0600(pki: ZonePki) -> None:
    d = pki.directory
    assert stat.S_IMODE(d.stat().st_mode) == 0o700
    names = {"ca", "server"} | {f"{r}-{n}" for r, n in IDENTITIES}
    assert {p.name for p in d.iterdir()} == {f"{n}.pem" for n in names} | {f"{n}.key" for n in names}
    assert set(pki.files) == set(d.iterdir())
    for name in names:
        key_path = d / f"{name}.key"
        assert stat.S_IMODE(key_path.stat().st_mode) == 0o600, key_path
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        assert key_path.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS#8, unencrypted
        assert isinstance(key, ec.EllipticCurvePrivateKey) and key.curve.name == "secp256r1"
        assert key.public_key() == _cert(d / f"{name}.pem").public_key()


def test_ca_is_a_ten_year_cert_signing_ca(pki: ZonePki) -> None:
    ca = _cert(pki.ca_cert)
    ca.verify_directly_issued_by(ca)  # self-signed
    bc = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    assert bc.critical and bc.value.ca and bc.value.path_length == 0
    ku = ca.extensions.get_extension_for_class(x509.KeyUsage).value
    assert ku.key_cert_sign and ku.crl_sign and not ku.digital_signature
    ski = ca.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(ca.public_key())
    assert ca.not_valid_before_utc <= NOW
    assert ca.not_valid_after_utc == NOW.replace(year=2036)


def test_the_ca_signs_every_leaf_with_the_right_sans_and_ekus(pki: ZonePki) -> None:
    ca = _cert(pki.ca_cert)
    ca_ski = ca.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    server = _cert(pki.server_cert)
    leaves = [server] + [_cert(pki.directory / f"{r}-{n}.pem") for r, n in IDENTITIES]
    for leaf in leaves:
        _verify_signed_by(leaf, ca)
        assert leaf.issuer == ca.subject
        aki = leaf.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
        assert aki.key_identifier == ca_ski.digest
        assert not leaf.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
        assert leaf.not_valid_after_utc == NOW + timedelta(days=365)
        assert leaf.not_valid_before_utc <= NOW

    san = server.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    assert san.get_values_for_type(x509.IPAddress) == [
        ipaddress.ip_address("127.0.0.1"),
        ipaddress.ip_address("::1"),
    ]
    assert _uris(server) == []
    assert _ekus(server) == [ExtendedKeyUsageOID.SERVER_AUTH]

    for role, name in IDENTITIES:
        cert = _cert(pki.directory / f"{role}-{name}.pem")
        assert _uris(cert) == [f"spiffe://gaozhu.zone/{role}/{name}"]
        assert _ekus(cert) == [ExtendedKeyUsageOID.CLIENT_AUTH]
        cn = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
        assert [a.value for a in cn] == [f"{role}/{name}"]
        assert pki.clients[(role, name)] == (
            pki.directory / f"{role}-{name}.pem",
            pki.directory / f"{role}-{name}.key",
        )


def test_a_second_pki_does_not_verify_against_the_first(pki: ZonePki, tmp_path: Path) -> None:
    other = init_zone_pki(tmp_path / "other", now=NOW)
    with pytest.raises(InvalidSignature):  # same CA name, different key: only the signature tells them apart
        _verify_signed_by(_cert(other.directory / "staff-demo.pem"), _cert(pki.ca_cert))


def test_extra_hosts_go_into_the_server_certificate(tmp_path: Path) -> None:
    pki = init_zone_pki(tmp_path / "pki", hosts=["gateway.gaozhu.zone", "10.0.0.7", "localhost"])
    san = _cert(pki.server_cert).extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["localhost", "gateway.gaozhu.zone"]
    assert ipaddress.ip_address("10.0.0.7") in san.get_values_for_type(x509.IPAddress)


def test_refuses_to_overwrite_an_existing_ca(pki: ZonePki) -> None:
    before = pki.ca_cert.read_bytes()
    with pytest.raises(FileExistsError, match=r"ca\.pem"):
        init_zone_pki(pki.directory)
    assert pki.ca_cert.read_bytes() == before
    again = init_zone_pki(pki.directory, force=True)
    assert again.ca_cert.read_bytes() != before
    _verify_signed_by(_cert(again.directory / "staff-demo.pem"), _cert(again.ca_cert))


def test_refuses_when_only_the_ca_key_is_left(tmp_path: Path) -> None:
    (tmp_path / "ca.key").write_bytes(b"")
    with pytest.raises(FileExistsError, match=r"ca\.key"):
        init_zone_pki(tmp_path)


# --- identities -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "name"), IDENTITIES)
def test_parse_spiffe_uri_accepts_the_zone_identities(role: str, name: str) -> None:
    uri = spiffe_uri(role, name)
    assert uri == f"spiffe://gaozhu.zone/{role}/{name}"
    assert parse_spiffe_uri(uri) == (role, name)


@pytest.mark.parametrize(
    "uri",
    [
        "spiffe://other.zone/staff/demo",  # another trust domain
        "spiffe://gaozhu.zone.evil/staff/demo",
        "spiffe://GAOZHU.ZONE/staff/demo",
        "spiffe://user@gaozhu.zone/staff/demo",
        "spiffe://gaozhu.zone:443/staff/demo",
        "https://gaozhu.zone/staff/demo",  # another scheme
        "spiffe://gaozhu.zone/guest/demo",  # unknown role
        "spiffe://gaozhu.zone/platform/tibet",  # unknown platform
        "spiffe://gaozhu.zone/staff/demo/extra",  # extra path segments
        "spiffe://gaozhu.zone/staff/demo/",
        "spiffe://gaozhu.zone//staff/demo",
        "spiffe://gaozhu.zone/staff",
        "spiffe://gaozhu.zone/staff/",
        "spiffe://gaozhu.zone/staff/Demo",
        "spiffe://gaozhu.zone/staff/demo?x=1",
        "spiffe://gaozhu.zone/staff/demo#f",
        "spiffe://gaozhu.zone/staff/..",
        "spiffe://gaozhu.zone/staff/demo\n",
        "staff/demo",
        "",
    ],
)
def test_parse_spiffe_uri_refuses_anything_else(uri: str) -> None:
    assert parse_spiffe_uri(uri) is None


@pytest.mark.parametrize(
    ("role", "name", "message"),
    [
        ("guest", "demo", "unknown role"),
        ("staff", "Demo", "invalid name"),
        ("staff", "-demo", "invalid name"),
        ("staff", "a" * 65, "invalid name"),
        ("staff", "a/b", "invalid name"),
        ("platform", "tibet", "unknown platform"),
    ],
)
def test_issue_client_cert_refuses_bad_identities(pki: ZonePki, role: str, name: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        issue_client_cert(pki.directory, role, name)


def test_issue_client_cert_adds_a_verifiable_staff_cert(pki: ZonePki) -> None:
    path = issue_client_cert(pki.directory, "staff", "zhang.wei-01")
    assert path == pki.directory / "staff-zhang.wei-01.pem"
    key_path = pki.directory / "staff-zhang.wei-01.key"
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600
    cert = _cert(path)
    _verify_signed_by(cert, _cert(pki.ca_cert))
    assert _uris(cert) == ["spiffe://gaozhu.zone/staff/zhang.wei-01"]
    assert _ekus(cert) == [ExtendedKeyUsageOID.CLIENT_AUTH]
    key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    assert key.public_key() == cert.public_key()


def test_issue_client_cert_without_a_ca_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="gaozhu certs init"):
        issue_client_cert(tmp_path, "staff", "demo")


def test_credentials_name_the_missing_file(pki: ZonePki, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"staff-nobody\.pem.*gaozhu certs issue"):
        (pki.directory / "staff-nobody.key").write_bytes(b"x")
        channel_credentials(pki.directory, "staff", "nobody")
    with pytest.raises(FileNotFoundError, match=r"ca\.pem.*gaozhu certs init"):
        server_credentials(tmp_path / "empty")


# --- the command ------------------------------------------------------------------------------------


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="gaozhu")
    cli_certs.register(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


def test_cli_init_and_issue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "zone"
    assert _cli(["certs", "init", str(d)]) == 0
    out = capsys.readouterr().out
    assert f"wrote {d / 'ca.pem'}" in out and f"wrote {d / 'platform-sichuan.key'}" in out

    assert _cli(["certs", "init", str(d)]) == 1
    assert "ca.pem" in capsys.readouterr().err

    assert _cli(["certs", "issue", "--role", "admin", "--name", "li", str(d)]) == 0
    assert f"wrote {d / 'admin-li.pem'}" in capsys.readouterr().out
    _verify_signed_by(_cert(d / "admin-li.pem"), _cert(d / "ca.pem"))

    assert _cli(["certs", "issue", "--role", "platform", "--name", "tibet", str(d)]) == 1
    assert "unknown platform" in capsys.readouterr().err


# --- end to end: a real grpc.aio server -------------------------------------------------------------


async def _who(request: bytes, context: grpc.aio.ServicerContext) -> bytes:
    """The caller's URI SAN as the server sees it (grpc 1.85 puts it under `peer_uri`)."""
    return b"\n".join(context.auth_context().get("peer_uri", []))


@pytest.fixture
async def server_port(pki: ZonePki) -> AsyncIterator[int]:
    server = grpc.aio.server(options=[("grpc.so_reuseport", 0)])
    server.add_generic_rpc_handlers(
        [
            grpc.method_handlers_generic_handler(
                "test.Echo", {"Who": grpc.unary_unary_rpc_method_handler(_who)}
            )
        ]
    )
    port: int = server.add_secure_port("127.0.0.1:0", server_credentials(pki.directory))
    await server.start()
    try:
        yield port
    finally:
        await server.stop(None)


async def _call(port: int, credentials: grpc.ChannelCredentials) -> bytes:
    async with grpc.aio.secure_channel(f"127.0.0.1:{port}", credentials) as channel:
        reply: bytes = await channel.unary_unary("/test.Echo/Who")(b"", timeout=10)
        return reply


async def test_mtls_end_to_end_the_server_sees_the_callers_spiffe_id(pki: ZonePki, server_port: int) -> None:
    assert await _call(server_port, channel_credentials(pki.directory, "staff", "demo")) == (
        b"spiffe://gaozhu.zone/staff/demo"
    )
    assert await _call(server_port, channel_credentials(pki.directory, "platform", "chongqing")) == (
        b"spiffe://gaozhu.zone/platform/chongqing"
    )


async def test_mtls_refuses_a_client_from_another_ca(pki: ZonePki, server_port: int, tmp_path: Path) -> None:
    other = init_zone_pki(tmp_path / "other")
    # Trusts our server (our CA as root) but presents a certificate the other CA signed.
    creds = grpc.ssl_channel_credentials(
        root_certificates=pki.ca_cert.read_bytes(),
        private_key=(other.directory / "staff-demo.key").read_bytes(),
        certificate_chain=(other.directory / "staff-demo.pem").read_bytes(),
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await _call(server_port, creds)
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE


async def test_mtls_refuses_a_client_without_a_certificate(pki: ZonePki, server_port: int) -> None:
    creds = grpc.ssl_channel_credentials(root_certificates=pki.ca_cert.read_bytes())
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await _call(server_port, creds)
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE


async def test_a_client_of_another_zone_does_not_trust_our_server(
    pki: ZonePki, server_port: int, tmp_path: Path
) -> None:
    other = init_zone_pki(tmp_path / "other")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await _call(server_port, channel_credentials(other.directory, "staff", "demo"))
    assert caught.value.code() is grpc.StatusCode.UNAVAILABLE
