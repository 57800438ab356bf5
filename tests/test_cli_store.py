"""The `gaozhu db` and `gaozhu catalogue` verbs as an administrator runs them."""

from __future__ import annotations

import json

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
