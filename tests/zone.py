"""Test helpers: a migrated store with the demo zone, and a real gateway on an ephemeral port."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gaozhu import migrations
from gaozhu.gateway import convert
from gaozhu.registry.changelog import Operation, Origin, RecordKind
from gaozhu.registry.clock import SystemClock
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.demo import DemoZone, demo_zone
from gaozhu.registry.identifiers import credit_code_check_char
from gaozhu.registry.records import CreditGrade, Subject
from gaozhu.registry.vault import Vault, load_master_key, write_key_file
from gaozhu.registry.writes import RegistryWriter, WriteEntry, WriteStatus

if TYPE_CHECKING:
    from gaozhu.gateway.server import Gateway


@dataclass(frozen=True)
class Store:
    url: str
    key_file: Path
    demo: DemoZone


def make_store(url: str, directory: Path, *, demo: bool = True) -> Store:
    """Migrate to head, create a data key, and load the demo zone through the write path."""
    migrations.upgrade(url)
    key_file = directory / "data.key"
    write_key_file(key_file)
    zone = demo_zone(datetime.now(UTC).date())
    if demo:
        engine = create_store_engine(url)
        try:
            writer = RegistryWriter(engine, Vault(load_master_key(key_file)), SystemClock())
            for origin, entries in ((Origin.CHONGQING, zone.chongqing), (Origin.SICHUAN, zone.sichuan)):
                results = writer.apply(origin, "test", entries)
                assert all(r.status is WriteStatus.ACCEPTED for r in results), [r.message for r in results]
        finally:
            engine.dispose()
    return Store(url, key_file, zone)


@asynccontextmanager
async def running_gateway(
    store: Store, *, tls_dir: Path | None = None, health_interval_s: float = 2.0, **overrides: Any
) -> AsyncIterator[tuple[Gateway, str]]:
    """A started gateway and its address; always stopped afterwards."""
    from gaozhu.gateway.server import Gateway, ServeConfig

    config = ServeConfig(
        db_url=store.url,
        listen="127.0.0.1:0",
        tls_dir=tls_dir,
        insecure=tls_dir is None,
        data_key_file=store.key_file,
        grace_s=1.0,
        health_interval_s=health_interval_s,
        **overrides,
    )
    gateway = Gateway(config)
    try:
        port = await gateway.start()
        yield gateway, f"127.0.0.1:{port}"
    finally:
        await gateway.stop(grace=0.5)


push_entry = convert.push_entry


def subject_entries(origin: Origin, count: int, *, start: int = 0, version: int = 1) -> list[WriteEntry]:
    """`count` valid enterprises on `origin`'s side with deterministic credit codes."""
    region = "500112" if origin is Origin.CHONGQING else "511623"
    out = []
    for n in range(start, start + count):
        body = f"91{region}{n:09d}"
        code = body + credit_code_check_char(body)
        subject = Subject(
            credit_code=code,
            name=f"测试企业{n}",
            region_code=region,
            address="高竹新区",
            industry_code="C3670",
            credit_grade=CreditGrade.B,
            legal_representative="张三",
            updated_at=datetime(2025, 3, 1, tzinfo=UTC),
        )
        out.append(WriteEntry(RecordKind.SUBJECT, Operation.UPSERT, code, version, subject))
    return out
