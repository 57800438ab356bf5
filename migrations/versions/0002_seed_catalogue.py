"""Seed the zone catalogue: 8 domains and the 125 devolved items with their unified baselines.

The data is reviewable TOML beside the revisions (migrations/catalogue/items.toml). It is validated
whole before anything is written: a bad row fails the revision with the row and the reason, and
the store stays at 0001.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import context, op

from gaozhu.migrations import catalogue_ops
from gaozhu.registry.catalogue import load_catalogue

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    catalogue = load_catalogue(context.config.attributes.get("catalogue"))
    conn = op.get_bind()
    catalogue_ops.seed_domains(conn)
    catalogue_ops.add_items(conn, catalogue)


def downgrade() -> None:
    conn = op.get_bind()
    codes = [item.code for item in load_catalogue(context.config.attributes.get("catalogue"))]
    catalogue_ops.remove_items(conn, codes)
    conn.execute(catalogue_ops.domains.delete())
