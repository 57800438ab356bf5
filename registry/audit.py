"""Append-only, hash-chained audit trail: each entry's hash covers its content and the previous hash,
so removing or editing any entry breaks every hash after it. `verify` walks the chain.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gaozhu.registry.models import AuditEntry

GENESIS = "0" * 64


def _digest(prev: str, at: datetime, actor: str, action: str, target: str, detail: dict[str, Any]) -> str:
    body = json.dumps(
        [prev, at.isoformat(), actor, action, target, detail],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    s: Session, at: datetime, actor: str, action: str, target: str, detail: dict[str, Any]
) -> AuditEntry:
    """Add one entry; call inside a write transaction (the zone lock keeps the chain linear)."""
    s.flush()
    prev = s.scalars(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first() or GENESIS
    entry = AuditEntry(
        at=at,
        actor=actor,
        action=action,
        target=target,
        detail=detail,
        prev_hash=prev,
        hash=_digest(prev, at, actor, action, target, detail),
    )
    s.add(entry)
    s.flush()
    return entry


def verify(s: Session) -> tuple[int, int | None]:
    """(entries checked, seq of the first broken entry or None)."""
    prev = GENESIS
    count = 0
    for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if e.prev_hash != prev or e.hash != _digest(prev, e.at, e.actor, e.action, e.target, e.detail):
            return count, e.seq
        prev = e.hash
    return count, None
