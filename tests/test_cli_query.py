"""`gaozhu query` against a running gateway, the way `make run` tells a newcomer to try it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from gaozhu.gateway.certs import init_zone_pki
from gaozhu.gateway.cli import main
from tests.zone import make_store, running_gateway


async def _query(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = await asyncio.to_thread(main, ["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


async def test_the_printed_example_commands_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path)
    async with running_gateway(store) as (_, address):
        code, out, _ = await _query(capsys, "officers", "--insecure", "--gateway", address, "--dispatched")
        assert code == 0 and "24 officers" in out
        code, out, _ = await _query(capsys, "baseline", "CQ-YJGL-0001", "--insecure", "--gateway", address)
        assert code == 0 and "GZ-YJ-001 baseline v1" in out and "heavier" in out
        code, out, _ = await _query(capsys, "subjects", "--insecure", "--gateway", address, "--json")
        assert code == 0 and len(json.loads(out)) == 94


async def test_query_over_mutual_tls_and_a_clear_error_for_unknown_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path)
    pki = tmp_path / "pki"
    init_zone_pki(pki)
    async with running_gateway(store, tls_dir=pki) as (_, address):
        officer = store.demo.sichuan[0].local_id
        code, out, _ = await _query(
            capsys, "officer", officer, "--tls-dir", str(pki), "--gateway", address, "--json"
        )
        assert code == 0 and json.loads(out)["local_id"] == officer
        with pytest.raises(SystemExit) as exited:
            await _query(capsys, "item", "GZ-YJ-999", "--tls-dir", str(pki), "--gateway", address)
        assert exited.value.code == 2
        assert "NOT_FOUND" in capsys.readouterr().err
