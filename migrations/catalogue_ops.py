"""Data operations that catalogue revisions share: add items with their crosswalk and baseline,
and withdraw or remove them, writing change-log entries so watchers see the catalogue change.

Lightweight `sa.table` definitions instead of ORM models, so old revisions keep working when the
models move on. Revisions take the zone's revision lock like any other writer (changelog.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from gaozhu.registry.catalogue import CatalogueItem
from gaozhu.registry.changelog import notify_revision
from gaozhu.registry.domains import DOMAINS
from gaozhu.registry.sanctions import range_to_dict, tier_to_dict

zone_state = sa.table("zone_state", sa.column("id"), sa.column("revision"))
domains = sa.table(
    "domains",
    sa.column("code"),
    sa.column("chongqing_code"),
    sa.column("sichuan_code"),
    sa.column("name_zh"),
    sa.column("name_en"),
)
items = sa.table(
    "items",
    sa.column("code"),
    sa.column("name"),
    sa.column("domain"),
    sa.column("kind"),
    sa.column("basis", sa.JSON),
    sa.column("penalty_basis", sa.JSON),
    sa.column("statutory", sa.JSON),
    sa.column("other_sanctions", sa.JSON),
    sa.column("status"),
    sa.column("effective_from", sa.DateTime(timezone=True)),
    sa.column("withdrawn_at", sa.DateTime(timezone=True)),
    sa.column("version"),
    sa.column("revision"),
)
local_codes = sa.table("item_local_codes", sa.column("origin"), sa.column("code"), sa.column("item_code"))
baselines = sa.table(
    "baselines",
    sa.column("id"),
    sa.column("item_code"),
    sa.column("version"),
    sa.column("label"),
    sa.column("effective_from", sa.DateTime(timezone=True)),
    sa.column("published_at", sa.DateTime(timezone=True)),
    sa.column("revision"),
)
tiers = sa.table(
    "baseline_tiers",
    sa.column("baseline_id"),
    sa.column("ordinal"),
    sa.column("name"),
    sa.column("condition"),
    sa.column("when", sa.JSON),
    sa.column("fine", sa.JSON),
    sa.column("other_sanctions", sa.JSON),
)
record_versions = sa.table(
    "record_versions",
    sa.column("kind"),
    sa.column("origin"),
    sa.column("local_id"),
    sa.column("version"),
    sa.column("deleted"),
    sa.column("revision"),
)
change_log = sa.table(
    "change_log",
    sa.column("revision"),
    sa.column("kind"),
    sa.column("operation"),
    sa.column("key"),
    sa.column("origin"),
    sa.column("payload", sa.JSON),
    sa.column("committed_at", sa.DateTime(timezone=True)),
)
inspections = sa.table("inspections", sa.column("item_code"))


class _Revisions:
    """Stamps change-log entries with the next zone revisions, as changelog.ZoneTransaction does."""

    def __init__(self, conn: Connection) -> None:
        stmt = sa.select(zone_state.c.revision).where(zone_state.c.id == 1)
        if conn.dialect.name != "sqlite":
            stmt = stmt.with_for_update()
        self.conn = conn
        self.base = int(conn.execute(stmt).scalar_one())
        self.rows: list[dict[str, Any]] = []
        self.now = datetime.now(UTC)

    def stamp(self, kind: str, operation: str, key: str, payload: dict[str, Any] | None) -> int:
        revision = self.base + len(self.rows) + 1
        self.rows.append(
            {
                "revision": revision,
                "kind": kind,
                "operation": operation,
                "key": key,
                "origin": "ZONE",
                "payload": payload,
                "committed_at": self.now,
            }
        )
        return revision

    def flush(self) -> None:
        if self.rows:
            self.conn.execute(change_log.insert(), self.rows)
            self.conn.execute(
                zone_state.update().where(zone_state.c.id == 1).values(revision=self.base + len(self.rows))
            )
            notify_revision(self.conn, self.base + len(self.rows))


def seed_domains(conn: Connection) -> None:
    conn.execute(
        domains.insert(),
        [
            {
                "code": d.zone,
                "chongqing_code": d.chongqing,
                "sichuan_code": d.sichuan,
                "name_zh": d.name_zh,
                "name_en": d.name_en,
            }
            for d in DOMAINS
        ],
    )


def baseline_payload(
    item_code: str, version: int, item: CatalogueItem, published_at: datetime
) -> dict[str, Any]:
    return {
        "item_code": item_code,
        "version": version,
        "label": item.baseline.label,
        "effective_from": item.baseline.effective_from.isoformat(),
        "published_at": published_at.isoformat(),
        "tiers": [tier_to_dict(t) for t in item.baseline.tiers],
    }


def item_payload(item: CatalogueItem, *, status: str = "in_force", version: int = 1) -> dict[str, Any]:
    """The change-log form of an item (registry.items.item_json's shape), written literally here so
    that this revision keeps producing it whatever the registry code later becomes."""
    return {
        "code": item.code,
        "name": item.name,
        "domain": item.domain,
        "kind": item.kind.value,
        "basis": {"law": item.basis.law, "version": item.basis.version, "article": item.basis.article},
        "penalty_basis": {
            "law": item.penalty_basis.law,
            "version": item.penalty_basis.version,
            "article": item.penalty_basis.article,
        },
        "statutory": range_to_dict(item.statutory) if item.statutory else None,
        "other_sanctions": list(item.other_sanctions),
        "status": status,
        "local_codes": {"CHONGQING": item.chongqing_code, "SICHUAN": item.sichuan_code},
        "effective_from": item.baseline.effective_from.isoformat(),
        "withdrawn_at": None,
        "version": version,
    }


def add_items(conn: Connection, catalogue: Sequence[CatalogueItem]) -> None:
    """Insert items, their local codes and their first baseline; one change event per item and baseline."""
    revs = _Revisions(conn)
    for item in catalogue:
        payload = item_payload(item)
        item_rev = revs.stamp("item", "upsert", item.code, payload)
        conn.execute(
            items.insert().values(
                code=item.code,
                name=item.name,
                domain=item.domain,
                kind=item.kind.value,
                basis=payload["basis"],
                penalty_basis=payload["penalty_basis"],
                statutory=range_to_dict(item.statutory) if item.statutory else None,
                other_sanctions=list(item.other_sanctions),
                status="in_force",
                effective_from=item.baseline.effective_from,
                withdrawn_at=None,
                version=1,
                revision=item_rev,
            )
        )
        conn.execute(
            local_codes.insert(),
            [
                {"origin": "CHONGQING", "code": item.chongqing_code, "item_code": item.code},
                {"origin": "SICHUAN", "code": item.sichuan_code, "item_code": item.code},
            ],
        )
        conn.execute(
            record_versions.insert().values(
                kind="item", origin="ZONE", local_id=item.code, version=1, deleted=False, revision=item_rev
            )
        )
        baseline_rev = revs.stamp(
            "baseline", "upsert", f"{item.code}@1", baseline_payload(item.code, 1, item, revs.now)
        )
        baseline_id = conn.execute(
            baselines.insert()
            .values(
                item_code=item.code,
                version=1,
                label=item.baseline.label,
                effective_from=item.baseline.effective_from,
                published_at=revs.now,
                revision=baseline_rev,
            )
            .returning(baselines.c.id)
        ).scalar_one()
        conn.execute(
            tiers.insert(),
            [
                {
                    "baseline_id": baseline_id,
                    "ordinal": i,
                    "name": t.name.value,
                    "condition": t.condition,
                    "when": dict(t.when),
                    "fine": range_to_dict(t.fine) if t.fine else None,
                    "other_sanctions": list(t.other_sanctions),
                }
                for i, t in enumerate(item.baseline.tiers)
            ],
        )
    revs.flush()


def remove_items(conn: Connection, codes: Sequence[str]) -> None:
    """Delete items outright, with delete events; refused when an inspection refers to one of them."""
    used = conn.execute(
        sa.select(inspections.c.item_code).where(inspections.c.item_code.in_(codes)).limit(1)
    ).scalar_one_or_none()
    if used is not None:
        raise RuntimeError(f"item {used} has inspections on record: it can only be withdrawn, not removed")
    revs = _Revisions(conn)
    for code in codes:
        versions = conn.execute(sa.select(baselines.c.version).where(baselines.c.item_code == code)).scalars()
        for version in versions:
            revs.stamp("baseline", "delete", f"{code}@{version}", None)
        revs.stamp("item", "delete", code, None)
    ids = sa.select(baselines.c.id).where(baselines.c.item_code.in_(codes))
    conn.execute(tiers.delete().where(tiers.c.baseline_id.in_(ids)))
    conn.execute(baselines.delete().where(baselines.c.item_code.in_(codes)))
    conn.execute(local_codes.delete().where(local_codes.c.item_code.in_(codes)))
    conn.execute(
        record_versions.delete().where(
            record_versions.c.kind == "item", record_versions.c.local_id.in_(codes)
        )
    )
    conn.execute(items.delete().where(items.c.code.in_(codes)))
    revs.flush()


def _stored_item_payload(conn: Connection, code: str) -> dict[str, Any] | None:
    """An item's change-log form, read back from its row (for withdraw and reinstate)."""
    row = conn.execute(sa.select(items).where(items.c.code == code)).mappings().first()
    if row is None:
        return None
    codes = dict(
        conn.execute(
            sa.select(local_codes.c.origin, local_codes.c.code).where(local_codes.c.item_code == code)
        ).all()
    )

    def iso(value: datetime | None) -> str | None:
        if value is None:
            return None
        aware: datetime = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.isoformat()

    return {
        "code": row["code"],
        "name": row["name"],
        "domain": row["domain"],
        "kind": row["kind"],
        "basis": row["basis"],
        "penalty_basis": row["penalty_basis"],
        "statutory": row["statutory"],
        "other_sanctions": list(row["other_sanctions"]),
        "status": row["status"],
        "local_codes": codes,
        "effective_from": iso(row["effective_from"]),
        "withdrawn_at": iso(row["withdrawn_at"]),
        "version": int(row["version"]) + 1,
    }


def _set_status(conn: Connection, code: str, status: str) -> None:
    payload = _stored_item_payload(conn, code)
    if payload is None:
        raise RuntimeError(f"item {code} is not in the store")
    revs = _Revisions(conn)
    withdrawn_at = revs.now if status == "withdrawn" else None
    payload |= {"status": status, "withdrawn_at": withdrawn_at.isoformat() if withdrawn_at else None}
    revision = revs.stamp("item", "upsert", code, payload)
    conn.execute(
        items.update()
        .where(items.c.code == code)
        .values(status=status, withdrawn_at=withdrawn_at, version=payload["version"], revision=revision)
    )
    conn.execute(
        record_versions.update()
        .where(record_versions.c.kind == "item", record_versions.c.local_id == code)
        .values(version=payload["version"], revision=revision)
    )
    revs.flush()


def add_or_reinstate_item(conn: Connection, item: dict[str, Any]) -> None:
    """A generated item revision's upgrade: add the item, or put a withdrawn one back in force."""
    from gaozhu.registry.catalogue import item_from_dict

    parsed = item_from_dict(item)
    status = conn.execute(sa.select(items.c.status).where(items.c.code == parsed.code)).scalar_one_or_none()
    if status is None:
        add_items(conn, [parsed])
    elif status == "withdrawn":
        _set_status(conn, parsed.code, "in_force")


def withdraw_item(conn: Connection, code: str) -> None:
    """A generated item revision's downgrade: the item is withdrawn (an event both platforms receive),
    never deleted, so inspections that refer to it keep their reference."""
    _set_status(conn, code, "withdrawn")
