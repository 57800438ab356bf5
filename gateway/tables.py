"""Plain-text tables whose columns line up with Chinese (double-width) text, for the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from wcwidth import wcswidth

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local_time(moment: datetime) -> str:
    """A zone time as people in the zone read it (Asia/Shanghai)."""
    return f"{moment.astimezone(SHANGHAI):%Y-%m-%d %H:%M} (Asia/Shanghai)"


def display_width(text: str) -> int:
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Left-aligned columns separated by two spaces; widths measured in terminal cells."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells)
    return "\n".join(lines)
