"""Initial schema: the zone registry tables, the change log and the revision counter.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "zone_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.Column("compacted_revision", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(
        sa.table("zone_state", sa.column("id"), sa.column("revision"), sa.column("compacted_revision")),
        [{"id": 1, "revision": 0, "compacted_revision": 0}],
    )
    op.create_table(
        "domains",
        sa.Column("code", sa.String(2), primary_key=True),
        sa.Column("chongqing_code", sa.String(4), nullable=False, unique=True),
        sa.Column("sichuan_code", sa.String(2), nullable=False, unique=True),
        sa.Column("name_zh", sa.String(32), nullable=False),
        sa.Column("name_en", sa.String(64), nullable=False),
    )
    op.create_table(
        "items",
        sa.Column("code", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("domain", sa.String(2), sa.ForeignKey("domains.code"), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("basis", sa.JSON(), nullable=False),
        sa.Column("penalty_basis", sa.JSON(), nullable=False),
        sa.Column("statutory", sa.JSON(), nullable=True),
        sa.Column("other_sanctions", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("effective_from", UTC_TIME, nullable=False),
        sa.Column("withdrawn_at", UTC_TIME, nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "item_local_codes",
        sa.Column("origin", sa.String(16), primary_key=True),
        sa.Column("code", sa.String(32), primary_key=True),
        sa.Column("item_code", sa.String(16), sa.ForeignKey("items.code"), nullable=False, index=True),
        sa.UniqueConstraint("origin", "item_code"),
    )
    op.create_table(
        "baselines",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("item_code", sa.String(16), sa.ForeignKey("items.code"), nullable=False, index=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("effective_from", UTC_TIME, nullable=False),
        sa.Column("published_at", UTC_TIME, nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint("item_code", "version"),
    )
    op.create_table(
        "baseline_tiers",
        sa.Column(
            "baseline_id",
            sa.Integer(),
            sa.ForeignKey("baselines.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("ordinal", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(16), nullable=False),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("when", sa.JSON(), nullable=False),
        sa.Column("fine", sa.JSON(), nullable=True),
        sa.Column("other_sanctions", sa.JSON(), nullable=False),
    )
    op.create_table(
        "officers",
        sa.Column("zone_id", sa.String(32), primary_key=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("local_id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(64), nullable=False, index=True),
        sa.Column("gender", sa.String(8), nullable=False),
        sa.Column("id_number_cipher", sa.LargeBinary(), nullable=False),
        sa.Column("id_number_hash", sa.String(64), nullable=False, index=True),
        sa.Column("id_number_masked", sa.String(18), nullable=False),
        sa.Column("agency_name", sa.Text(), nullable=False),
        sa.Column("agency_code", sa.String(18), nullable=False),
        sa.Column("certificate_no", sa.String(16), nullable=False),
        sa.Column("certificate_status", sa.String(16), nullable=False, index=True),
        sa.Column("certificate_status_reason", sa.String(64), nullable=False),
        sa.Column("certificate_valid_until", sa.Date(), nullable=False),
        sa.Column("training_hours_tenths", sa.Integer(), nullable=False),
        sa.Column("training_year", sa.Integer(), nullable=False),
        sa.Column("dispatched", sa.Boolean(), nullable=False, index=True),
        sa.Column("updated_at", UTC_TIME, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
        sa.UniqueConstraint("origin", "local_id"),
    )
    op.create_table(
        "officer_domains",
        sa.Column(
            "officer_id",
            sa.String(32),
            sa.ForeignKey("officers.zone_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("domain", sa.String(2), sa.ForeignKey("domains.code"), primary_key=True, index=True),
    )
    op.create_table(
        "subjects",
        sa.Column("credit_code", sa.String(18), primary_key=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("region_code", sa.String(6), nullable=False, index=True),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("industry_code", sa.String(8), nullable=False),
        sa.Column("credit_grade", sa.String(1), nullable=False),
        sa.Column("legal_representative", sa.String(64), nullable=False),
        sa.Column("updated_at", UTC_TIME, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "inspections",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("inspection_code", sa.String(64), nullable=False, index=True),
        sa.Column("item_code", sa.String(16), sa.ForeignKey("items.code"), nullable=False, index=True),
        sa.Column("officer_ids", sa.JSON(), nullable=False),
        sa.Column("subject_credit_code", sa.String(18), nullable=False, index=True),
        sa.Column("inspected_at", UTC_TIME, nullable=False),
        sa.Column("result", sa.String(24), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "record_versions",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("origin", sa.String(16), primary_key=True),
        sa.Column("local_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("revision", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "change_log",
        sa.Column("revision", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("operation", sa.String(8), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=True),
        sa.Column("committed_at", UTC_TIME, nullable=False),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("caller", sa.String(128), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("local_id", sa.String(64), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("violations", sa.JSON(), nullable=False),
        sa.Column("received_at", UTC_TIME, nullable=False),
        sa.Column("resolved_at", UTC_TIME, nullable=True),
    )
    op.create_index("ix_quarantine_record", "quarantine", ["origin", "kind", "local_id"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("at", UTC_TIME, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(128), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    op.create_table(
        "platform_status",
        sa.Column("origin", sa.String(16), primary_key=True),
        sa.Column("last_push_at", UTC_TIME, nullable=False),
        sa.Column("last_push_revision", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "platform_status",
        "audit_log",
        "quarantine",
        "change_log",
        "record_versions",
        "inspections",
        "subjects",
        "officer_domains",
        "officers",
        "baseline_tiers",
        "baselines",
        "item_local_codes",
        "items",
        "domains",
        "zone_state",
    ):
        op.drop_table(table)
