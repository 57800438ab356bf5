"""The baseline file: one proposed or published baseline version as reviewable TOML.

`gaozhu baseline merge` writes it, a person reviews and edits it, `gaozhu baseline publish` and
`gaozhu item new --baseline` read it. Its tier tables have exactly the keys of the catalogue's
`[[item.tier]]` (migrations/catalogue/items.toml), so a tier can be copied between the two:

    # comments: the merge's differences and choices
    item = "GZ-YJ-001"                      # zone code (or a local code)
    label = "2026版"
    effective_from = 2026-03-01T00:00:00+08:00

    [[tier]]
    name = "lighter"
    condition = "未造成危害后果或者危害后果轻微，并在责令改正期限内改正"
    when = { harm = ["none", "minor"], corrected = true }
    fine = { kind = "fixed", min_fen = 0, max_fen = 2_000_000, up_to = true }  # 0.00–20,000.00 元
    other_sanctions = ["责令限期改正"]

Python reads TOML (tomllib) but does not write it; the writer here handles exactly the values a
baseline holds (text, integers, booleans, lists, inline tables, an offset date-time), so no
dependency is added. Money is written with `_` digit separators, as the catalogue does.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from gaozhu.registry.errors import FieldViolation, InvalidArgument
from gaozhu.registry.sanctions import (
    Baseline,
    SanctionError,
    baseline_from_dict,
    describe,
    tier_to_dict,
)

__all__ = ["baseline_file_text", "parse_baseline_file", "read_baseline_file", "write_baseline_file"]

CHINA = timezone(timedelta(hours=8), "CST")
_KEYS = frozenset({"item", "label", "effective_from", "tier"})
_TIER_KEYS = ("name", "condition", "when", "fine", "other_sanctions")


# --- writing ------------------------------------------------------------------------------------


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a date-time in a baseline file needs a UTC offset")
        return value.astimezone(CHINA).isoformat()
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, Sequence):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def _key(key: str) -> str:
    bare = key.replace("_", "").replace("-", "").isascii() and key.replace("_", "").replace("-", "").isalnum()
    return key if bare else _string(key)


def _comment(text: str) -> str:
    lines = text.splitlines() or [""]
    return "\n".join(f"# {line}".rstrip() for line in lines)


def baseline_file_text(item_code: str, baseline: Baseline, comments: Sequence[str] = ()) -> str:
    """The file's text; `comments` go at the top, one `#` line each (multi-line text is split)."""
    out = [_comment(c) for c in comments]
    if out:
        out.append("")
    out += [
        f"item = {_string(item_code)}",
        f"label = {_string(baseline.label)}",
        f"effective_from = {_value(baseline.effective_from)}",
    ]
    for tier in baseline.tiers:
        d = tier_to_dict(tier)
        out += ["", "[[tier]]"]
        for key in _TIER_KEYS:
            value = d[key]
            if value is None:
                continue  # absent fine: no fine in this tier
            if key == "fine" and value.get("up_to") is False:
                del value["up_to"]  # the default; the catalogue leaves it out too
            line = f"{key} = {_value(value)}"
            if key == "fine" and tier.fine is not None:
                line += f"  # {describe(tier.fine)}"
            out.append(line)
    return "\n".join(out) + "\n"


def write_baseline_file(
    path: Path | str, item_code: str, baseline: Baseline, comments: Sequence[str] = ()
) -> Path:
    """Write the file (UTF-8); the text reads back equal with `read_baseline_file`."""
    target = Path(path)
    target.write_text(baseline_file_text(item_code, baseline, comments), encoding="utf-8")
    return target


# --- reading ------------------------------------------------------------------------------------


def parse_baseline_file(text: str) -> tuple[str, Baseline]:
    """(item code, baseline) from the file's text. Shape and types are checked here (InvalidArgument
    naming the key, e.g. `tier[1].fine.max_fen`); whether the tiers fit the item's statutory range is
    `validate_baseline`'s business, checked by whoever publishes."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidArgument([FieldViolation("file", f"not valid TOML: {exc}")]) from None
    problems = [
        FieldViolation(key, f"unknown key; a baseline file has {', '.join(sorted(_KEYS))}")
        for key in doc
        if key not in _KEYS
    ]
    item = doc.get("item")
    if not isinstance(item, str) or not item.strip():
        problems.append(FieldViolation("item", "is required: the item's zone code (or a local code)"))
    tiers = doc.get("tier")
    if not isinstance(tiers, list):
        problems.append(FieldViolation("tier", "the tiers are [[tier]] tables, lightest first"))
    if problems:
        raise InvalidArgument(problems)
    assert isinstance(item, str)
    raw = {"label": doc.get("label"), "effective_from": doc.get("effective_from"), "tiers": tiers}
    if "effective_from" not in doc:
        raw.pop("effective_from")
    try:
        baseline = baseline_from_dict(raw)
    except SanctionError as exc:
        field = exc.field.replace("tiers[", "tier[", 1) if exc.field.startswith("tiers[") else exc.field
        raise InvalidArgument([FieldViolation(field, exc.reason)]) from None
    return item.strip().upper(), baseline


def read_baseline_file(path: Path | str) -> tuple[str, Baseline]:
    """(item code, baseline) from a baseline file (see `parse_baseline_file`)."""
    return parse_baseline_file(Path(path).read_text(encoding="utf-8"))
