"""What both province adapters share: error and result types, local time, money and hours as text.

Both platforms are outside systems: everything they send is judged here, record by record, and
every refusal names the source, where in it, the field and why (never an ID number's value: these
reasons get logged). Money and hours are parsed from their decimal text straight into integers, so
no float ever touches an amount.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import NamedTuple, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from google.protobuf import timestamp_pb2

from gaozhu.registry.identifiers import normalise
from gaozhu.v1 import sync_pb2

__all__ = [
    "SHANGHAI",
    "LocalError",
    "Problems",
    "ReadResult",
    "Refused",
    "Translated",
    "check_industry",
    "clean_text",
    "fen_to_yuan",
    "format_iso_datetime",
    "format_local_datetime",
    "hours_to_tenths",
    "local_date",
    "local_midnight",
    "parse_iso_date",
    "parse_iso_datetime",
    "parse_local_datetime",
    "tenths_to_hours",
    "wan_yuan_to_fen",
    "yuan_to_fen",
]

T = TypeVar("T")
INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1


def _shanghai() -> tzinfo:
    try:
        return ZoneInfo("Asia/Shanghai")
    except ZoneInfoNotFoundError:  # no tz database on the host: China has had no DST since 1991
        return timezone(timedelta(hours=8), "Asia/Shanghai")


SHANGHAI = _shanghai()


# --- errors and results -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LocalError:
    """One refusal: `source` is the file name or package id, `location` the line ("line 12") or the
    record element ("Officer[3]"); location and field are empty when a whole source is refused."""

    source: str
    location: str
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.source} {self.location}".strip()
        return ": ".join(part for part in (where, self.field, self.reason) if part)


class Translated(NamedTuple):
    """A record that passed every local rule, ready to push, and where it came from."""

    entry: sync_pb2.PushEntry
    location: str


@dataclass(slots=True)
class ReadResult:
    """What one file or package gave: entries to push and refusals.

    `refused` means nothing in the source counts (a bad name, a package that is not well-formed,
    too large ...); `errors` then holds that one reason. Otherwise each bad record is refused alone.
    """

    source: str
    entries: list[Translated] = field(default_factory=list)
    errors: list[LocalError] = field(default_factory=list)
    refused: bool = False

    def refuse(self, reason: str, field: str = "") -> ReadResult:
        self.entries.clear()
        self.errors = [LocalError(self.source, "", field, reason)]
        self.refused = True
        return self


class Problems:
    """Field-level problems of one record, all collected so a platform fixes a record in one round."""

    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def add(self, field: str, reason: str) -> None:
        self.found.append((field, reason))

    def check(self, field: str, check: Callable[[str], T], value: str) -> T | None:
        """check(value), or None with the reason recorded; checks raise ValueError (IdentifierError too)."""
        try:
            return check(value)
        except ValueError as exc:
            self.add(field, str(exc))
            return None

    def raise_if_any(self) -> None:
        if self.found:
            raise Refused(self.found)


class Refused(Exception):
    """A record broke local rules; `problems` are (field, reason) pairs, the reader adds where."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{f}: {r}" for f, r in problems))
        self.problems = problems

    def errors(self, source: str, location: str) -> list[LocalError]:
        return [LocalError(source, location, f, r) for f, r in self.problems]


# --- text ---------------------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """Names compare equal however a platform composed them: NFC, outer white space trimmed."""
    return unicodedata.normalize("NFC", text).strip()


_INDUSTRY = re.compile(r"[A-T][0-9]{0,4}")


def check_industry(text: str) -> str:
    """GB/T 4754: a section letter A–T and up to 4 digits (C3130)."""
    code = normalise(text)
    if _INDUSTRY.fullmatch(code) is None:
        raise ValueError("must be a GB/T 4754 code: a letter A–T and up to 4 digits (C3130)")
    return code


# --- time ---------------------------------------------------------------------------------------

_ASCII = re.ASCII  # \d would also match Arabic-Indic and full-width digits
_LOCAL = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})", _ASCII)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", _ASCII)


def _stamp(moment: datetime) -> timestamp_pb2.Timestamp:
    """An aware datetime as a Timestamp (directly: FromDatetime walks a time tuple in Python)."""
    return timestamp_pb2.Timestamp(seconds=math.floor(moment.timestamp()), nanos=moment.microsecond * 1000)


def parse_local_datetime(text: str) -> timestamp_pb2.Timestamp:
    """`YYYY-MM-DD HH:MM:SS` in Asia/Shanghai (no offset allowed) as a UTC Timestamp."""
    match = _LOCAL.fullmatch(text.strip())
    if match is None:
        raise ValueError("must be YYYY-MM-DD HH:MM:SS, local time without an offset")
    try:
        year, month, day, hour, minute, second = (int(g) for g in match.groups())
        moment = datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI)
    except ValueError:
        raise ValueError("is not a real date and time") from None
    return _stamp(moment)


def format_local_datetime(stamp: timestamp_pb2.Timestamp) -> str:
    """The inverse of parse_local_datetime (whole seconds: the local format has no fractions)."""
    return stamp.ToDatetime(tzinfo=UTC).astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")


def parse_iso_datetime(text: str) -> timestamp_pb2.Timestamp:
    """ISO 8601 date and time WITH an offset (`Z` counts); a bare local time is refused, not guessed."""
    value = text.strip()
    if not value.isascii() or "T" not in value:
        raise ValueError("must be ISO 8601 date and time with an offset, e.g. 2025-03-04T10:00:00+08:00")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise ValueError("must carry an offset (e.g. +08:00)")
    return _stamp(moment)


def format_iso_datetime(stamp: timestamp_pb2.Timestamp) -> str:
    """ISO 8601 in China time, `+08:00`; microseconds only when there are any."""
    moment = stamp.ToDatetime(tzinfo=UTC).astimezone(SHANGHAI)
    return moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds")


def parse_iso_date(text: str) -> str:
    """A strict `YYYY-MM-DD` calendar date, returned as written (it is stored as text)."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError("must be a date YYYY-MM-DD")
    try:
        return date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        raise ValueError("is not a real calendar date") from None


def local_date(stamp: timestamp_pb2.Timestamp) -> date:
    """The calendar date in China at that moment (what both platforms call "the date")."""
    return stamp.ToDatetime(tzinfo=UTC).astimezone(SHANGHAI).date()


def local_midnight(day: date) -> timestamp_pb2.Timestamp:
    """The start of a China calendar day, e.g. for an effective date read from a province."""
    return _stamp(datetime(day.year, day.month, day.day, tzinfo=SHANGHAI))


# --- decimal text -> integers -------------------------------------------------------------------

_DECIMAL = re.compile(r"(\d+)(?:\.(\d+))?", _ASCII)


def _scaled(text: str, places: int, what: str) -> int:
    """A non-negative decimal text times 10**places, refusing digits that would need rounding."""
    match = _DECIMAL.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"must be a non-negative decimal number of {what}")
    whole, fraction = match.group(1), match.group(2) or ""
    if len(fraction) > places:
        raise ValueError(f"at most {places} decimal place{'s' if places > 1 else ''} of {what}")
    return int(whole + fraction.ljust(places, "0"))


def yuan_to_fen(text: str) -> int:
    """`"2000.00"`, `"2000"`, `"0.5"` yuan as fen."""
    return _scaled(text, 2, "yuan")


def wan_yuan_to_fen(text: str) -> int:
    """万元 (10,000 yuan) as fen: six decimals are exact, a seventh would be a fraction of a fen."""
    return _scaled(text, 6, "万元")


def fen_to_yuan(fen: int) -> str:
    """Fen as yuan with exactly two decimals, the way both platforms write money."""
    if fen < 0:
        raise ValueError("a fine is never negative")
    return f"{fen // 100}.{fen % 100:02d}"


def hours_to_tenths(text: str) -> int:
    """Training hours (`"40"`, `"36.5"`) as tenths; more decimals cannot be stored, so are refused."""
    return _scaled(text, 1, "hours")


def tenths_to_hours(tenths: int) -> str:
    """`365` -> `"36.5"`, `400` -> `"40"`."""
    if tenths < 0:
        raise ValueError("training hours are never negative")
    whole, tenth = divmod(tenths, 10)
    return f"{whole}.{tenth}" if tenth else str(whole)
