"""Timed work, on APScheduler: compaction of the change log, and baseline versions taking effect.

The job bodies are plain functions of (engine, clock) so tests drive them with a clock they move;
the scheduler only decides when they run. With several replicas on PostgreSQL only one should run
them (engineering notes); a single gateway per store is what this project runs today.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine

from gaozhu.registry.baselines import announce_due_baselines, next_unannounced
from gaozhu.registry.changelog import ChangeRecord, zone_transaction
from gaozhu.registry.changelog import compact as compact_log
from gaozhu.registry.clock import Clock

log = structlog.get_logger("gaozhu.jobs")
DEFAULT_RETENTION = timedelta(days=7)
OnCommit = Callable[[list[ChangeRecord]], None]


def compact_change_log(engine: Engine, clock: Clock, retention: timedelta = DEFAULT_RETENTION) -> int:
    """Drop change-log entries older than `retention` (current state stays); returns the compaction point."""
    with zone_transaction(engine, clock) as tx:
        point = compact_log(tx.session, clock.now() - retention)
    log.info("compacted", compacted_revision=point, retention_s=retention.total_seconds())
    return point


def announce_baselines(engine: Engine, clock: Clock, on_commit: OnCommit | None = None) -> list[int]:
    """Announce every baseline version whose effective_from has come (registry/baselines.py)."""
    revisions = announce_due_baselines(engine, clock, on_commit)
    if revisions:
        log.info("baselines_announced", revisions=revisions)
    return revisions


def arm_announcement(
    scheduler: AsyncIOScheduler, engine: Engine, clock: Clock, on_commit: OnCommit | None = None
) -> datetime | None:
    """(Re)arm one date job at the earliest pending effective_from; each run arms the next."""
    when = next_unannounced(engine)
    if when is not None:
        scheduler.add_job(
            _announce_and_rearm,
            "date",
            run_date=when,
            args=(scheduler, engine, clock, on_commit),
            id="announce-baselines-next",
            replace_existing=True,
            misfire_grace_time=None,
        )
    return when


def _announce_and_rearm(
    scheduler: AsyncIOScheduler, engine: Engine, clock: Clock, on_commit: OnCommit | None
) -> None:
    announce_baselines(engine, clock, on_commit)
    arm_announcement(scheduler, engine, clock, on_commit)


def start_scheduler(
    engine: Engine,
    clock: Clock,
    *,
    retention: timedelta = DEFAULT_RETENTION,
    every: timedelta = timedelta(hours=1),
    on_commit: OnCommit | None = None,
) -> AsyncIOScheduler:
    """Compaction hourly; baseline versions announced at their effective instant (a date job), with a
    minute-by-minute catch-up for anything missed while the gateway was down."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        compact_change_log,
        "interval",
        seconds=every.total_seconds(),
        args=(engine, clock, retention),
        id="compact-change-log",
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(
        announce_baselines,
        "interval",
        minutes=1,
        args=(engine, clock, on_commit),
        id="announce-baselines",
        max_instances=1,
        coalesce=True,
    )
    arm_announcement(scheduler, engine, clock, on_commit)
    scheduler.start()
    return scheduler
