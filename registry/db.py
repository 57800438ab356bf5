"""Engines for the two stores: SQLite (embedded default) and PostgreSQL (production).

SQLite traps avoided here (shared/engineering.md): deferred BEGIN under WAL fails read-then-write
transactions with "database is locked" despite busy_timeout, so write transactions start with
BEGIN IMMEDIATE; read-only work asks for a deferred BEGIN through `reader(engine)` so readers never
queue behind the writer lock.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

DEFAULT_URL = "sqlite:///./gaozhu.db"
_BEGIN_OPTION = "gaozhu_sqlite_begin"


def database_url(explicit: str | None = None) -> str:
    """The store's URL: an explicit one, else `GAOZHU_DB`, else a SQLite file in the working directory."""
    url = explicit or os.environ.get("GAOZHU_DB") or DEFAULT_URL
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def create_store_engine(url: str | None = None, **kwargs: Any) -> Engine:
    """An engine with the pragmas and transaction mode this project relies on."""
    resolved = database_url(url)
    if make_url(resolved).get_backend_name() == "sqlite":
        engine = create_engine(resolved, **kwargs)
        _configure_sqlite(engine)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(resolved, **kwargs)


def reader(engine: Engine) -> Engine:
    """The same engine, but its transactions start deferred: for read-only work."""
    return engine.execution_options(**{_BEGIN_OPTION: "DEFERRED"})


def read_consistently(engine: Engine) -> Session:
    """A session whose transaction reads one snapshot (SQLite WAL does; PostgreSQL needs REPEATABLE READ)."""
    if engine.dialect.name == "postgresql":
        return Session(engine.execution_options(isolation_level="REPEATABLE READ"))
    return Session(reader(engine))


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's begin event decide how transactions start (pysqlite would BEGIN DEFERRED).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in (
            "journal_mode=WAL",
            "synchronous=NORMAL",
            "busy_timeout=30000",
            "foreign_keys=ON",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")
