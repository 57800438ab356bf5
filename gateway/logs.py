"""structlog as JSON lines on stderr: one object per line, machine-readable, no personal data."""

from __future__ import annotations

import logging
import sys
from typing import TextIO

import structlog


def configure_logging(level: int = logging.INFO, stream: TextIO | None = None) -> None:
    structlog.configure(
        processors=[
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.JSONRenderer(ensure_ascii=False),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(file=stream or sys.stderr),
        cache_logger_on_first_use=True,
    )
