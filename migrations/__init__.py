"""Alembic environment and revisions of the zone store, plus the verbs `gaozhu db` calls.

The same revisions serve SQLite and PostgreSQL. Tests and the CLI build the Alembic config here
instead of reading an ini file, so the URL always comes from the same place as the app's.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from gaozhu.registry.db import create_store_engine, database_url

MIGRATIONS_DIR = Path(__file__).resolve().parent


def alembic_config(
    url: str | None = None,
    *,
    connection: Connection | None = None,
    script_location: Path | None = None,
    catalogue: Path | None = None,
) -> Config:
    """An Alembic config for the store at `url` (or over an open `connection`)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    # configparser treats % as interpolation; URLs may carry escaped characters.
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    cfg.attributes["catalogue"] = catalogue
    return cfg


def upgrade(url: str | None = None, revision: str = "head", **kwargs: object) -> None:
    command.upgrade(alembic_config(url, **kwargs), revision)  # type: ignore[arg-type]


def downgrade(url: str | None, revision: str, **kwargs: object) -> None:
    command.downgrade(alembic_config(url, **kwargs), revision)  # type: ignore[arg-type]


def head_revision(script_location: Path | None = None) -> str:
    script = ScriptDirectory.from_config(alembic_config(script_location=script_location))
    head = script.get_current_head()
    if head is None:
        raise RuntimeError("no migration revisions found")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_at_head(url: str | None = None) -> tuple[bool, str | None, str]:
    """(at head?, current revision, head revision) of the store at `url`."""
    engine = create_store_engine(url)
    try:
        current = current_revision(engine)
    finally:
        engine.dispose()
    head = head_revision()
    return current == head, current, head
