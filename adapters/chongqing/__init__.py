"""Chongqing adapter: the platform's JSON Lines change feed <-> the common schema.

Reading: `list_complete_files` then `read_file` (each line a PushEntry or refusals naming file,
line and field). Writing for Chongqing: `item_line`, `baseline_line`, `officer_line`, then
`write_outbox_file`. `entry_to_line` is the inverse of reading, for round-trip checks.
"""

from gaozhu.adapters.chongqing.files import FileResult, list_complete_files, read_file
from gaozhu.adapters.chongqing.inbound import translate_line
from gaozhu.adapters.chongqing.outbox import (
    baseline_from_line,
    baseline_line,
    item_from_line,
    item_line,
    officer_line,
    outbox_name,
    write_outbox_file,
)
from gaozhu.adapters.chongqing.reverse import entry_to_line

__all__ = [
    "FileResult",
    "baseline_from_line",
    "baseline_line",
    "entry_to_line",
    "item_from_line",
    "item_line",
    "list_complete_files",
    "officer_line",
    "outbox_name",
    "read_file",
    "translate_line",
    "write_outbox_file",
]
