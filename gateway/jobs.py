"""Timed work, on APScheduler: compaction of the change log.

The job bodies are plain functions of (engine, clock) so tests drive them with a clock they move;
the scheduler only decides when they run. With several replicas on PostgreSQL only one should run
them (engineering notes); a single gateway per store is what this project runs today.
"""

from __future__ import annotations

from datetime import timedelta

import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine

from gaozhu.registry.changelog import compact as compact_log
from gaozhu.registry.changelog import zone_transaction
from gaozhu.registry.clock import Clock

log = structlog.get_logger("gaozhu.jobs")
DEFAULT_RETENTION = timedelta(days=7)


def compact_change_log(engine: Engine, clock: Clock, retention: timedelta = DEFAULT_RETENTION) -> int:
    """Drop change-log entries older than `retention` (current state stays); returns the compaction point."""
    with zone_transaction(engine, clock) as tx:
        point = compact_log(tx.session, clock.now() - retention)
    log.info("compacted", compacted_revision=point, retention_s=retention.total_seconds())
    return point


def start_scheduler(
    engine: Engine,
    clock: Clock,
    *,
    retention: timedelta = DEFAULT_RETENTION,
    every: timedelta = timedelta(hours=1),
) -> AsyncIOScheduler:
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
    scheduler.start()
    return scheduler
