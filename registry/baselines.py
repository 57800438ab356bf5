"""Publishing baseline versions and announcing them when they take effect (issue 6 §3).

An administrator publishes a version ahead of time (`effective_from` in the future). It is validated
and stored at once, but with `revision = 0`, meaning "not announced yet": no change event, so neither
province's agent writes it into its outbox early, and the gateway's assessments (which read only
announced versions) do not use it. When it takes effect, `announce_due_baselines` stamps its change
event and revision in one transaction, so both agents receive it at the same moment and every
gateway cache keyed by the zone revision sees it together. A version whose `effective_from` has
already passed when it is published is announced in the publishing transaction itself.

Announcing is idempotent (a version with a revision is never announced again) and catches up after
downtime (everything due is announced, in `effective_from` order). Pure SQLAlchemy, no gRPC: the
gateway's servicer and scheduler, and the CLI, call these functions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from gaozhu.registry import audit
from gaozhu.registry.changelog import (
    Change,
    ChangeRecord,
    Operation,
    Origin,
    RecordKind,
    ZoneTransaction,
    zone_transaction,
)
from gaozhu.registry.clock import Clock
from gaozhu.registry.db import reader
from gaozhu.registry.errors import FailedPrecondition, FieldViolation, InvalidArgument
from gaozhu.registry.items import BaselineRecord, baseline_json, baseline_record, get_item
from gaozhu.registry.models import BaselineRow, BaselineTierRow
from gaozhu.registry.sanctions import Baseline, range_to_dict, validate_baseline

__all__ = [
    "LABEL_MAX",
    "PENDING",
    "announce_due_baselines",
    "next_pending",
    "next_unannounced",
    "publish_baseline",
]

PENDING = 0
"""`BaselineRow.revision` of a version stored but not yet announced (no change event yet)."""
LABEL_MAX = 64  # BaselineRow.label is String(64)

OnCommit = Callable[[list[ChangeRecord]], None]


def _label_violations(label: str) -> list[FieldViolation]:
    if not label.strip():
        return [FieldViolation("label", "is required text, e.g. 2026版")]
    if len(label) > LABEL_MAX:
        return [FieldViolation("label", f"at most {LABEL_MAX} characters, got {len(label)}")]
    return []


def _announce(tx: ZoneTransaction, row: BaselineRow) -> int:
    """Stamp the change event of a stored version and give the row its revision."""
    revision = tx.revision + 1
    row.revision = revision
    record = baseline_record(tx.session, row)
    stamped = tx.stamp(
        Change(
            RecordKind.BASELINE,
            Operation.UPSERT,
            f"{row.item_code}@{row.version}",
            Origin.ZONE,
            baseline_json(record),
        )
    )
    assert stamped == revision
    return revision


def publish_baseline(
    engine: Engine,
    item_code: str,
    baseline: Baseline,
    *,
    clock: Clock,
    actor: str,
    on_commit: OnCommit | None = None,
) -> BaselineRecord:
    """Store a new version of an item's baseline (the item named by its zone or a local code).

    Raises NotFound for an unknown item; FailedPrecondition for a withdrawn item or an
    `effective_from` earlier than the newest stored version's (versions take effect in version
    order, so Art. 37's "version in force at the violation" stays one answer); InvalidArgument with
    one violation per broken rule (`tiers[2].fine.max_fen`: ...) for a baseline `validate_baseline`
    refuses. The returned record has `revision` 0 while the version waits for its `effective_from`,
    else the revision of its change event. The publish is written to the audit trail as `actor`.
    `on_commit` receives the change records when the version is announced at once (the gateway's
    follower, so watchers need not wait for the store poll)."""
    problems = _label_violations(baseline.label)
    with zone_transaction(engine, clock, on_commit) as tx:
        s = tx.session
        item = get_item(s, item_code)
        if item.status != "in_force":
            raise FailedPrecondition(f"item {item.code} is {item.status}: no new baseline version")
        problems += validate_baseline(baseline, item.statutory)
        if problems:
            raise InvalidArgument(problems)
        newest = s.execute(
            select(BaselineRow.version, BaselineRow.effective_from)
            .where(BaselineRow.item_code == item.code)
            .order_by(BaselineRow.version.desc())
            .limit(1)
        ).first()
        if newest is not None and baseline.effective_from < newest.effective_from:
            raise FailedPrecondition(
                f"effective_from {baseline.effective_from.isoformat()} is earlier than that of "
                f"{item.code} v{newest.version} ({newest.effective_from.isoformat()}): a new version "
                "takes effect no earlier than the newest one"
            )
        now = tx.committed_at
        row = BaselineRow(
            item_code=item.code,
            version=(newest.version if newest is not None else 0) + 1,
            label=baseline.label,
            effective_from=baseline.effective_from,
            published_at=now,
            revision=PENDING,
        )
        s.add(row)
        s.flush()
        s.add_all(
            BaselineTierRow(
                baseline_id=row.id,
                ordinal=i,
                name=t.name.value,
                condition=t.condition,
                when={k: list(v) if isinstance(v, list | tuple) else v for k, v in t.when.items()},
                fine=range_to_dict(t.fine) if t.fine is not None else None,
                other_sanctions=list(t.other_sanctions),
            )
            for i, t in enumerate(baseline.tiers)
        )
        s.flush()
        if baseline.effective_from <= now:
            _announce(tx, row)
        audit.append(
            s,
            now,
            actor,
            "baseline.publish",
            f"{item.code}@{row.version}",
            _audit_detail(row, len(baseline.tiers)),
        )
        return baseline_record(s, row)


def _audit_detail(row: BaselineRow, tiers: int) -> dict[str, Any]:
    return {
        "label": row.label,
        "effective_from": row.effective_from.isoformat(),
        "tiers": tiers,
        "announced_revision": row.revision or None,
    }


def announce_due_baselines(engine: Engine, clock: Clock, on_commit: OnCommit | None = None) -> list[int]:
    """Announce every stored version whose `effective_from` has come (module docstring); the revisions.

    One transaction under the zone lock, so two schedulers (or a catch-up racing the timed job) never
    announce a version twice: the second finds its revision set. Empty when nothing is due."""
    with Session(reader(engine)) as s:
        if next_pending(s) is None:
            return []  # the common case of the minute-by-minute catch-up: no write lock taken
    with zone_transaction(engine, clock, on_commit) as tx:
        due = tx.session.scalars(
            select(BaselineRow)
            .where(BaselineRow.revision == PENDING, BaselineRow.effective_from <= tx.committed_at)
            .order_by(BaselineRow.effective_from, BaselineRow.item_code, BaselineRow.version)
        ).all()
        return [_announce(tx, row) for row in due]


def next_pending(session: Session) -> datetime | None:
    """The earliest `effective_from` among versions not yet announced, in an open session."""
    # func.min takes its result type from the column, so the value comes back aware (UTC) on SQLite too.
    value: datetime | None = session.execute(
        select(func.min(BaselineRow.effective_from)).where(BaselineRow.revision == PENDING)
    ).scalar_one_or_none()
    return value


def next_unannounced(engine: Engine) -> datetime | None:
    """When the next announcement is due (a scheduler's date job runs `announce_due_baselines` then);
    None when no version waits."""
    with Session(reader(engine)) as s:
        return next_pending(s)
