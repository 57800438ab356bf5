"""One error tree for the domain; gateway/errors.py maps each to a gRPC status in one place."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One bad field: its dotted path and why it is bad, in words a person can act on."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


class RegistryError(Exception):
    """Base of every error the registry raises on purpose."""


class NotFound(RegistryError):
    """The record asked for does not exist (or is deleted)."""


class InvalidArgument(RegistryError):
    """Input that breaks a rule; carries one violation per bad field."""

    def __init__(self, violations: Iterable[FieldViolation], message: str | None = None) -> None:
        self.violations = tuple(violations)
        super().__init__(message or "; ".join(str(v) for v in self.violations))


class NotOwner(RegistryError):
    """The caller wrote a record its province does not own."""


class FailedPrecondition(RegistryError):
    """The system is not in the state the call needs (a compacted cursor, a store behind head)."""


class Compacted(FailedPrecondition):
    """A cursor older than the change log's compaction point: take a snapshot, then watch from it."""

    def __init__(self, cursor: int, compacted_revision: int) -> None:
        self.cursor = cursor
        self.compacted_revision = compacted_revision
        super().__init__(
            f"revision {cursor} is older than the compaction point {compacted_revision}: "
            f"take a Snapshot and watch from its revision"
        )


class ResourceExhausted(RegistryError):
    """A consumer fell further behind than the server keeps for it; it may resume from its cursor."""
