"""Shared fixtures: throwaway stores on SQLite (a temp file) and PostgreSQL (a database per test).

PostgreSQL tests use the server at 127.0.0.1:5432 (override with GAOZHU_TEST_PG_URL). Without a
server they skip with the reason, unless GAOZHU_REQUIRE_PG=1 (CI), where they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from gaozhu.gateway.logs import configure_logging


@pytest.fixture(autouse=True, scope="session")
def _json_logs_on_stderr() -> None:
    """As `gaozhu serve` does: structlog's default would print to stdout, mixing with CLI output."""
    configure_logging()


PG_ADMIN_URL = os.environ.get("GAOZHU_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> str | None:
    """None if PostgreSQL answers, else the reason it does not."""
    try:
        engine = create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any driver error means "no usable server"
        return f"PostgreSQL at {make_url(PG_ADMIN_URL).render_as_string()} not answering: {exc.__class__.__name__}"


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    reason = _pg_available()
    if reason is not None:
        if os.environ.get("GAOZHU_REQUIRE_PG") == "1":
            pytest.fail(f"GAOZHU_REQUIRE_PG=1 but {reason}")
        pytest.skip(reason)
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"gaozhu_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'gaozhu.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same test on both stores."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'gaozhu.db'}"
    return str(request.getfixturevalue("pg_url"))
