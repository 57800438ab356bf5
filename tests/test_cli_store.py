"""The `gaozhu db` and `gaozhu catalogue` verbs as an administrator runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaozhu.gateway.cli import main


def test_db_upgrade_then_catalogue_lists_125_items_as_json(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0
    assert "store at 0002" in capsys.readouterr().out
    assert main(["catalogue", "list", "--json", "--db", sqlite_url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 125
    assert {i["domain"] for i in listed} == {"YJ", "ST", "GH", "ZJ", "JT", "SL", "NY", "SJ"}


def test_catalogue_list_filters_by_domain_and_prints_a_table(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["db", "upgrade", "--db", sqlite_url])
    capsys.readouterr()
    assert main(["catalogue", "list", "--domain", "SL", "--db", sqlite_url]) == 0
    out = capsys.readouterr().out
    assert "10 items in 1 domains" in out
    assert "GZ-SL-001" in out and "GZ-YJ-001" not in out


def test_catalogue_show_accepts_a_local_code_and_prints_the_baseline(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["db", "upgrade", "--db", sqlite_url])
    capsys.readouterr()
    assert main(["catalogue", "show", "SC0100001", "--json", "--db", sqlite_url]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["code"] == "GZ-YJ-001"
    assert shown["local_codes"] == {"CHONGQING": "CQ-YJGL-0001", "SICHUAN": "SC0100001"}
    assert next(t["name"] for t in shown["baseline"]["tiers"]) == "no_penalty"


def test_catalogue_show_unknown_code_says_so(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade", "--db", sqlite_url])
    assert main(["catalogue", "show", "GZ-YJ-999", "--db", sqlite_url]) == 1
    assert "GZ-YJ-999" in capsys.readouterr().err


def test_db_downgrade_and_current(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade", "--db", sqlite_url])
    assert main(["db", "downgrade", "0001", "--db", sqlite_url]) == 0
    capsys.readouterr()
    main(["db", "current", "--db", sqlite_url])
    out = capsys.readouterr().out
    assert "current: 0001" in out and "behind head" in out


def test_audit_verify_finds_an_edited_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from gaozhu.registry.changelog import Origin, RecordKind
    from gaozhu.registry.db import create_store_engine
    from gaozhu.registry.models import AuditEntry
    from gaozhu.registry.vault import Vault, load_master_key
    from gaozhu.registry.writes import RegistryWriter
    from tests.zone import make_store

    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)
    engine = create_store_engine(store.url)
    writer = RegistryWriter(engine, Vault(load_master_key(store.key_file)))
    sichuan_firms = [e for e in store.demo.sichuan if e.kind is RecordKind.SUBJECT][:2]
    writer.apply(Origin.CHONGQING, "platform/chongqing", sichuan_firms)  # refused and audited, twice
    assert main(["audit", "verify", "--db", store.url]) == 0
    assert "intact: 2 entries" in capsys.readouterr().out
    with Session(engine) as s, s.begin():
        s.execute(update(AuditEntry).where(AuditEntry.seq == 1).values(actor="someone else"))
    engine.dispose()
    assert main(["audit", "verify", "--db", store.url]) == 1
    assert "BROKEN at entry 1" in capsys.readouterr().err
