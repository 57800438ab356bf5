"""What `gaozhu sync status` and the quarantine review read: counters, platforms' last pushes, and
rejected records waiting for a corrected resubmission."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gaozhu.registry.changelog import Origin, current_revision
from gaozhu.registry.models import PlatformStatus, QuarantineEntry


@dataclass(frozen=True, slots=True)
class SyncStatus:
    revision: int
    compacted_revision: int
    platforms: tuple[tuple[Origin, datetime, int], ...]


def sync_status(s: Session) -> SyncStatus:
    revision, compacted = current_revision(s)
    platforms = tuple(
        (Origin(p.origin), p.last_push_at, p.last_push_revision)
        for p in s.scalars(select(PlatformStatus).order_by(PlatformStatus.origin))
    )
    return SyncStatus(revision, compacted, platforms)


def open_quarantine(
    s: Session, *, origin: Origin | None, before_id: int | None, limit: int
) -> list[QuarantineEntry]:
    """Unresolved entries, newest first, paged by id."""
    stmt: Any = select(QuarantineEntry).where(QuarantineEntry.resolved_at.is_(None))
    if origin is not None:
        stmt = stmt.where(QuarantineEntry.origin == origin.value)
    if before_id is not None:
        stmt = stmt.where(QuarantineEntry.id < before_id)
    return list(s.scalars(stmt.order_by(QuarantineEntry.id.desc()).limit(limit)))
