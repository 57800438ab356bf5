"""Serving: refusals at start, health that follows the store, and a real process stopped by SIGTERM."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from gaozhu import migrations
from gaozhu.gateway.server import Gateway, ServeConfig, check_config
from gaozhu.registry.errors import FailedPrecondition
from gaozhu.registry.vault import write_key_file
from tests.zone import make_store, running_gateway


def test_insecure_is_refused_off_loopback() -> None:
    with pytest.raises(ValueError, match="loopback"):
        check_config(ServeConfig(listen="0.0.0.0:50051", insecure=True))
    check_config(ServeConfig(listen="127.0.0.1:50051", insecure=True))
    check_config(ServeConfig(listen="[::1]:50051", insecure=True))
    with pytest.raises(ValueError, match="--tls-dir"):
        check_config(ServeConfig(listen="127.0.0.1:50051"))


def test_a_store_behind_the_head_is_refused_with_the_fix(sqlite_url: str, tmp_path: Path) -> None:
    migrations.upgrade(sqlite_url, "0001")
    write_key_file(tmp_path / "k")
    with pytest.raises(FailedPrecondition, match="gaozhu db upgrade"):
        Gateway(ServeConfig(db_url=sqlite_url, insecure=True, data_key_file=tmp_path / "k"))


async def _health(address: str) -> int:
    async with grpc.aio.insecure_channel(address) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        return (await stub.Check(health_pb2.HealthCheckRequest(service=""), timeout=5)).status  # type: ignore[no-any-return]


async def _wait_for(address: str, status: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await _health(address) == status:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"health did not become {status} within {timeout}s")


@pytest.mark.pg
async def test_health_turns_not_serving_while_the_store_is_unreachable_and_back(
    pg_url: str, pg_admin_url: str, tmp_path: Path
) -> None:
    store = make_store(pg_url, tmp_path, demo=False)
    name = make_url(pg_url).database
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with running_gateway(store, health_interval_s=0.2) as (_, address):
            assert await _health(address) == health_pb2.HealthCheckResponse.SERVING
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
                conn.execute(
                    text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
                )
            await _wait_for(address, health_pb2.HealthCheckResponse.NOT_SERVING)
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            await _wait_for(address, health_pb2.HealthCheckResponse.SERVING)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
        admin.dispose()


def test_gaozhu_serve_process_serves_and_stops_gracefully_on_sigterm(tmp_path: Path) -> None:
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)
    cmd = [
        sys.executable,
        "-m",
        "gaozhu.gateway.cli",
        "serve",
        "--db",
        store.url,
        "--insecure",
        "--listen",
        "127.0.0.1:0",
        "--data-key-file",
        str(store.key_file),
        "--grace",
        "1",
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert proc.stderr is not None
        port = 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not port:
            line = proc.stderr.readline()
            if not line:
                break
            event = json.loads(line)
            if event.get("event") == "serving":
                port = event["port"]
        assert port, "the gateway never logged that it was serving"
        assert asyncio.run(_health(f"127.0.0.1:{port}")) == health_pb2.HealthCheckResponse.SERVING
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        rest = [json.loads(line) for line in proc.stderr.read().splitlines() if line.strip()]
        assert [e["event"] for e in rest][-1] == "stopped"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
