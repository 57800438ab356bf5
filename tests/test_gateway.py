"""End to end against a real gateway on an ephemeral loopback port, over real mutual TLS."""

from __future__ import annotations

import io
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import pytest

from gaozhu.gateway.certs import channel_credentials, init_zone_pki
from gaozhu.gateway.errors import field_violations
from gaozhu.gateway.identity import IDENTITY_HEADER
from gaozhu.gateway.logs import configure_logging
from gaozhu.registry.changelog import RecordKind
from gaozhu.v1 import registry_pb2, registry_pb2_grpc, sync_pb2, sync_pb2_grpc
from tests.zone import Store, make_store, running_gateway


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("pki")
    init_zone_pki(directory)
    return directory


@pytest.fixture(scope="module")
def zone(tmp_path_factory: pytest.TempPathFactory) -> Store:
    directory = tmp_path_factory.mktemp("zone")
    return make_store(f"sqlite:///{directory / 'gaozhu.db'}", directory)


@pytest.fixture
async def tls_address(zone: Store, pki: Path) -> AsyncIterator[str]:
    async with running_gateway(zone, tls_dir=pki) as (_, address):
        yield address


def _channel(address: str, pki: Path, role: str, name: str) -> grpc.aio.Channel:
    return grpc.aio.secure_channel(address, channel_credentials(pki, role, name))


async def _code(call: object) -> grpc.StatusCode:
    try:
        await call  # type: ignore[misc]
    except grpc.aio.AioRpcError as exc:
        return exc.code()
    return grpc.StatusCode.OK


@pytest.mark.parametrize(
    ("role", "name", "method", "expected"),
    [
        ("staff", "demo", "GetOfficer", grpc.StatusCode.OK),
        ("platform", "sichuan", "GetOfficer", grpc.StatusCode.OK),
        ("admin", "demo", "GetOfficer", grpc.StatusCode.OK),
        ("staff", "demo", "Push", grpc.StatusCode.PERMISSION_DENIED),
        ("admin", "demo", "Push", grpc.StatusCode.PERMISSION_DENIED),
        ("staff", "demo", "ListQuarantine", grpc.StatusCode.PERMISSION_DENIED),
        ("platform", "chongqing", "ListQuarantine", grpc.StatusCode.PERMISSION_DENIED),
    ],
)
async def test_each_role_is_allowed_or_refused_as_the_policy_says(
    tls_address: str, pki: Path, zone: Store, role: str, name: str, method: str, expected: grpc.StatusCode
) -> None:
    officer_id = zone.demo.chongqing[0].local_id
    async with _channel(tls_address, pki, role, name) as channel:
        if method == "GetOfficer":
            stub = registry_pb2_grpc.RegistryServiceStub(channel)
            call = stub.GetOfficer(registry_pb2.GetOfficerRequest(local_id=officer_id), timeout=10)
        else:
            sync = sync_pb2_grpc.SyncServiceStub(channel)
            request = sync_pb2.PushRequest() if method == "Push" else sync_pb2.ListQuarantineRequest()
            call = getattr(sync, method)(request, timeout=10)
        assert await _code(call) == expected


async def test_identity_header_is_ignored_under_tls(tls_address: str, pki: Path) -> None:
    async with _channel(tls_address, pki, "staff", "demo") as channel:
        sync = sync_pb2_grpc.SyncServiceStub(channel)
        call = sync.ListQuarantine(
            sync_pb2.ListQuarantineRequest(), metadata=((IDENTITY_HEADER, "admin/demo"),), timeout=10
        )
        assert await _code(call) == grpc.StatusCode.PERMISSION_DENIED


async def test_no_client_certificate_or_another_cas_certificate_is_refused(
    tls_address: str, pki: Path, tmp_path: Path
) -> None:
    ca_only = grpc.ssl_channel_credentials(root_certificates=(pki / "ca.pem").read_bytes())
    other = tmp_path / "other"
    init_zone_pki(other)
    foreign = grpc.ssl_channel_credentials(
        root_certificates=(pki / "ca.pem").read_bytes(),
        private_key=(other / "staff-demo.key").read_bytes(),
        certificate_chain=(other / "staff-demo.pem").read_bytes(),
    )
    for credentials in (ca_only, foreign):
        async with grpc.aio.secure_channel(tls_address, credentials) as channel:
            stub = registry_pb2_grpc.RegistryServiceStub(channel)
            call = stub.GetItem(registry_pb2.GetItemRequest(code="GZ-YJ-001"), timeout=10)
            assert await _code(call) == grpc.StatusCode.UNAVAILABLE


async def test_unknown_ids_are_not_found(tls_address: str, pki: Path) -> None:
    async with _channel(tls_address, pki, "staff", "demo") as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        for call in (
            stub.GetOfficer(registry_pb2.GetOfficerRequest(zone_id="GZZF-CQ-5001129999"), timeout=10),
            stub.GetSubject(registry_pb2.GetSubjectRequest(credit_code="915001127BJJB9YUHU"), timeout=10),
            stub.GetItem(registry_pb2.GetItemRequest(code="GZ-YJ-999"), timeout=10),
            stub.GetBaseline(registry_pb2.GetBaselineRequest(item_code="CQ-YJGL-9999"), timeout=10),
        ):
            assert await _code(call) == grpc.StatusCode.NOT_FOUND


async def test_paging_through_every_officer_returns_each_once(
    tls_address: str, pki: Path, zone: Store
) -> None:
    expected = {e.local_id for e in zone.demo.chongqing + zone.demo.sichuan if e.kind is RecordKind.OFFICER}
    seen: list[str] = []
    async with _channel(tls_address, pki, "staff", "demo") as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        token = ""
        while True:
            page = await stub.ListOfficers(
                registry_pb2.ListOfficersRequest(page_size=7, page_token=token), timeout=10
            )
            seen.extend(o.local_id for o in page.officers)
            token = page.next_page_token
            if not token:
                break
    assert sorted(seen) == sorted(expected)
    assert len(seen) == len(expected) == 30


async def test_filters_narrow_the_officer_list(tls_address: str, pki: Path) -> None:
    async with _channel(tls_address, pki, "staff", "demo") as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        page = await stub.ListOfficers(
            registry_pb2.ListOfficersRequest(page_size=100, dispatched=True), timeout=10
        )
        assert len(page.officers) == 24
        suspended = await stub.ListOfficers(
            registry_pb2.ListOfficersRequest(page_size=100, certificate_status=2), timeout=10
        )
        assert suspended.officers and all(o.certificate_status == 2 for o in suspended.officers)


async def test_a_bad_page_token_is_invalid_argument_naming_the_field(tls_address: str, pki: Path) -> None:
    async with _channel(tls_address, pki, "staff", "demo") as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        with pytest.raises(grpc.aio.AioRpcError) as raised:
            await stub.ListSubjects(registry_pb2.ListSubjectsRequest(page_token="not-a-token"), timeout=10)
        assert raised.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert [f for f, _ in field_violations(raised.value)] == ["page_token"]


async def test_id_numbers_come_back_masked(tls_address: str, pki: Path, zone: Store) -> None:
    first = zone.demo.chongqing[0]
    async with _channel(tls_address, pki, "staff", "demo") as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        officer = (
            await stub.GetOfficer(registry_pb2.GetOfficerRequest(local_id=first.local_id), timeout=10)
        ).officer
    plain = first.record.id_number  # type: ignore[union-attr]
    assert officer.id_number == ""
    assert officer.id_number_masked == plain[:6] + "********" + plain[-4:]


async def test_items_and_baselines_answer_by_zone_or_local_code(tls_address: str, pki: Path) -> None:
    async with _channel(tls_address, pki, "platform", "chongqing") as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        by_zone = (await stub.GetItem(registry_pb2.GetItemRequest(code="GZ-YJ-001"), timeout=10)).item
        by_local = (await stub.GetItem(registry_pb2.GetItemRequest(code="SC0100001"), timeout=10)).item
        assert by_zone == by_local
        baseline = await stub.GetBaseline(
            registry_pb2.GetBaselineRequest(item_code="CQ-YJGL-0001"), timeout=10
        )
        assert baseline.baseline.item_code == "GZ-YJ-001" and len(baseline.baseline.tiers) >= 3
        items = await stub.ListItems(registry_pb2.ListItemsRequest(page_size=500), timeout=10)
        assert len(items.items) == 125


async def test_log_lines_are_json_and_carry_no_id_number(zone: Store, pki: Path) -> None:
    stream = io.StringIO()
    configure_logging(stream=stream)
    try:
        async with running_gateway(zone, tls_dir=pki) as (_, address):
            channel = _channel(address, pki, "staff", "demo")
            stub = registry_pb2_grpc.RegistryServiceStub(channel)
            for entry in zone.demo.chongqing[:5]:
                await stub.GetOfficer(registry_pb2.GetOfficerRequest(local_id=entry.local_id), timeout=10)
            await _code(
                stub.GetOfficer(registry_pb2.GetOfficerRequest(local_id="CQZF0000000000"), timeout=10)
            )
            await channel.close()
    finally:
        configure_logging()
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    rpc = [line for line in lines if line.get("event") == "rpc"]
    assert len(rpc) == 6
    assert {"method", "caller", "status", "latency_ms", "request_id"} <= set(rpc[0])
    assert rpc[0]["caller"] == "staff/demo" and rpc[-1]["status"] == "NOT_FOUND"
    ids = {
        e.record.id_number for e in zone.demo.chongqing + zone.demo.sichuan if e.kind is RecordKind.OFFICER
    }  # type: ignore[union-attr]
    text = stream.getvalue()
    assert not any(i in text for i in ids)
    assert not re.search(r"\d{17}[\dX]", text)


async def test_insecure_mode_honours_the_identity_header(zone: Store) -> None:
    async with running_gateway(zone) as (_, address), grpc.aio.insecure_channel(address) as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        missing = stub.GetItem(registry_pb2.GetItemRequest(code="GZ-YJ-001"), timeout=10)
        assert await _code(missing) == grpc.StatusCode.UNAUTHENTICATED
        ok = stub.GetItem(
            registry_pb2.GetItemRequest(code="GZ-YJ-001"),
            metadata=((IDENTITY_HEADER, "staff/x"),),
            timeout=10,
        )
        assert await _code(ok) == grpc.StatusCode.OK
