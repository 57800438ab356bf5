"""Live item rollout: `db upgrade` of a generated item revision against the store of a running gateway,
measured until both agents' outboxes hold the item, on SQLite and PostgreSQL. Prints JSON.

Goal (issue 7): within 1 s on both stores.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from gaozhu import migrations  # noqa: E402
from gaozhu.gateway.cli_item import item_from_toml  # noqa: E402
from gaozhu.migrations.new_item import new_item_revision  # noqa: E402
from tests.processes import GatewayProcess  # noqa: E402
from tests.test_new_item import EXAMPLE, _agent, _chongqing_item, _sichuan_item  # noqa: E402
from tests.zone import make_store  # noqa: E402

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def measure(url: str, directory: Path) -> float:
    copy = directory / "migrations"
    shutil.copytree(migrations.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    store = make_store(url, directory, demo=False)
    gateway = GatewayProcess(store)
    gateway.start()
    out = {"chongqing": directory / "cq-out", "sichuan": directory / "sc-out"}
    agents = [_agent(p, directory / f"{p}-in", out[p], gateway.address) for p in out]
    try:
        while not (
            _chongqing_item(out["chongqing"], "GZ-YJ-001") and _sichuan_item(out["sichuan"], "GZ-YJ-001")
        ):
            time.sleep(0.02)
        new_item_revision(item_from_toml(EXAMPLE), script_location=copy)
        migrations.upgrade(url, "head", script_location=copy)
        committed = time.monotonic()
        while not (
            _chongqing_item(out["chongqing"], "GZ-YJ-031") and _sichuan_item(out["sichuan"], "GZ-YJ-031")
        ):
            time.sleep(0.005)
        return (time.monotonic() - committed) * 1000
    finally:
        for agent in agents:
            agent.terminate()
            agent.wait(timeout=30)
        gateway.stop()


def main() -> None:
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        figures["sqlite_upgrade_to_outboxes_ms"] = round(
            measure(f"sqlite:///{Path(tmp) / 'g.db'}", Path(tmp)), 1
        )
    name = f"gaozhu_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        with tempfile.TemporaryDirectory() as tmp:
            url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
            figures["postgresql_upgrade_to_outboxes_ms"] = round(measure(url, Path(tmp)), 1)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    except Exception as exc:  # no server: report it rather than fail the other figure
        figures["postgresql_error"] = exc.__class__.__name__
    admin.dispose()
    figures["goal_met"] = all(v <= 1000 for k, v in figures.items() if k.endswith("_ms"))  # type: ignore[operator]
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
