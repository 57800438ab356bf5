"""Chongqing export files: which ones are complete, and each read line by line.

A file is judged line by line, never whole: a truncated last line or one bad record is refused with
its line number while every other line still counts. Numbers are parsed as Decimal, so `"pxxs":
36.5` never becomes a float; NaN and Infinity are not JSON and are refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from gaozhu.adapters.chongqing.inbound import translate_line
from gaozhu.adapters.common import LocalError, ReadResult, Refused, Translated

__all__ = ["MAX_LINE_BYTES", "FileResult", "list_complete_files", "read_file"]

FileResult = ReadResult
MAX_LINE_BYTES = 1 << 20  # a record is a few hundred bytes; a longer line is refused, not buffered
_NAME = re.compile(r"zfjd-(\d{4})(\d{2})(\d{2})-\d{3}\.jsonl", re.ASCII)
_BOM = b"\xef\xbb\xbf"


def _complete_name(name: str) -> bool:
    match = _NAME.fullmatch(name)
    if match is None:
        return False
    try:
        date(*(int(g) for g in match.groups()))
    except ValueError:
        return False
    return True


def list_complete_files(directory: Path | str) -> list[Path]:
    """Complete export files in name order (= date, serial); `*.jsonl.part` and others left alone."""
    return sorted(
        (p for p in Path(directory).iterdir() if _complete_name(p.name) and p.is_file()),
        key=lambda p: p.name,
    )


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes without the newline), or None for a line over MAX_LINE_BYTES."""
    number = 0
    while chunk := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(chunk) > MAX_LINE_BYTES and not chunk.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        if number == 1 and chunk.startswith(_BOM):
            chunk = chunk[len(_BOM) :]
        yield number, chunk.rstrip(b"\r\n")


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


# One decoder for every line: json.loads with options would build a new one per call.
_DECODER = json.JSONDecoder(parse_float=Decimal, parse_constant=_no_constant)


def _parse(raw: bytes) -> object:
    """The line's JSON value; ValueError with a reason for the line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not valid UTF-8 at byte {exc.start + 1}") from None
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    except ValueError as exc:
        raise ValueError(f"not valid JSON: {exc}") from None


def read_file(path: Path | str) -> FileResult:
    """Every line of one complete file: translated entries, and refusals naming line and field."""
    path = Path(path)
    result = FileResult(path.name)
    if not _complete_name(path.name):
        return result.refuse("not a complete export file: the name must be zfjd-YYYYMMDD-NNN.jsonl")
    with path.open("rb") as stream:
        for number, raw in _lines(stream):
            location = f"line {number}"
            if raw is None:
                result.errors.append(
                    LocalError(path.name, location, "", f"longer than {MAX_LINE_BYTES} bytes")
                )
                continue
            if not raw.strip():
                continue
            try:
                entry = translate_line(_parse(raw))
            except Refused as exc:
                result.errors.extend(exc.errors(path.name, location))
            except ValueError as exc:
                result.errors.append(LocalError(path.name, location, "", str(exc)))
            else:
                result.entries.append(Translated(entry, location))
    return result
