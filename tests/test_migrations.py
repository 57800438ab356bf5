"""Migrations up and down on both stores; the catalogue arrives whole, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from gaozhu import migrations
from gaozhu.registry import items
from gaozhu.registry.catalogue import CatalogueError, load_catalogue
from gaozhu.registry.changelog import current_revision
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.domains import DOMAINS
from gaozhu.registry.models import Base, ChangeLogEntry
from gaozhu.registry.sanctions import validate_baseline


def test_upgrade_head_seeds_125_items_in_8_domains_each_with_basis_and_valid_baseline(store_url: str) -> None:
    migrations.upgrade(store_url)
    engine = create_store_engine(store_url)
    try:
        with Session(engine) as session:
            records = items.list_items(session)
            assert len(records) == 125
            assert {r.domain for r in records} == {d.zone for d in DOMAINS}
            for record in records:
                assert record.basis.law and record.basis.article
                assert record.penalty_basis.law and record.penalty_basis.article
                baseline = items.baseline_at(session, record.code)
                assert len(baseline.tiers) >= 3
                assert validate_baseline_of(baseline, record) == []
            for origin in ("CHONGQING", "SICHUAN"):
                local = [r.local_codes[origin] for r in records]
                assert len(set(local)) == 125
    finally:
        engine.dispose()


def validate_baseline_of(baseline: items.BaselineRecord, record: items.ItemRecord) -> list[object]:
    from gaozhu.registry.sanctions import Baseline

    as_model = Baseline(label=baseline.label, effective_from=baseline.effective_from, tiers=baseline.tiers)
    return list(validate_baseline(as_model, record.statutory))


def test_seed_writes_one_gap_free_change_event_per_item_and_baseline(store_url: str) -> None:
    migrations.upgrade(store_url)
    engine = create_store_engine(store_url)
    try:
        with Session(engine) as session:
            revisions = list(
                session.scalars(select(ChangeLogEntry.revision).order_by(ChangeLogEntry.revision))
            )
            kinds = list(session.scalars(select(ChangeLogEntry.kind)))
            assert revisions == list(range(1, 251))
            assert kinds.count("item") == 125 and kinds.count("baseline") == 125
            assert current_revision(session) == (250, 0)
    finally:
        engine.dispose()


def test_local_codes_resolve_to_the_same_item(store_url: str) -> None:
    migrations.upgrade(store_url)
    engine = create_store_engine(store_url)
    try:
        with Session(engine) as session:
            assert items.get_item(session, "CQ-YJGL-0001").code == "GZ-YJ-001"
            assert items.get_item(session, "sc0100001").code == "GZ-YJ-001"
    finally:
        engine.dispose()


def test_downgrade_base_leaves_no_tables(store_url: str) -> None:
    migrations.upgrade(store_url)
    migrations.downgrade(store_url, "base")
    engine = create_store_engine(store_url)
    try:
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()


def test_each_step_down_and_up_again_is_consistent(store_url: str) -> None:
    migrations.upgrade(store_url)
    migrations.downgrade(store_url, "0001")
    engine = create_store_engine(store_url)
    try:
        with Session(engine) as session:
            assert items.list_items(session) == []
    finally:
        engine.dispose()
    migrations.upgrade(store_url)
    engine = create_store_engine(store_url)
    try:
        with Session(engine) as session:
            assert len(items.list_items(session)) == 125
    finally:
        engine.dispose()


def test_models_match_the_migrations(store_url: str) -> None:
    migrations.upgrade(store_url)
    engine = create_store_engine(store_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_bad_catalogue_row_fails_the_data_revision_and_keeps_the_store_at_0001(
    store_url: str, tmp_path: Path
) -> None:
    shipped = (Path(migrations.MIGRATIONS_DIR) / "catalogue" / "items.toml").read_text(encoding="utf-8")
    bad = tmp_path / "items.toml"
    bad.write_text(shipped.replace('domain = "SJ"', 'domain = "XX"', 1), encoding="utf-8")
    with pytest.raises(CatalogueError, match="XX"):
        load_catalogue(bad)
    with pytest.raises(CatalogueError, match="XX"):
        migrations.upgrade(store_url, catalogue=bad)
    engine = create_store_engine(store_url)
    try:
        assert migrations.current_revision(engine) == "0001"
        with Session(engine) as session:
            assert items.list_items(session) == []
            assert current_revision(session) == (0, 0)
    finally:
        engine.dispose()


def test_revision_graph_has_a_single_head() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert len(script.get_heads()) == 1
