"""The agent's progress on disk, so a restart repeats nothing and skips nothing.

Written atomically (temporary file, fsync, rename, directory fsync): after a crash the file is either
the old state or the new one, never half of each. Up: which inputs are done, and how many entries of
the current one were pushed. Down: the zone revision the outbox has been written up to.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class AgentState:
    done: list[str] = field(default_factory=list)  # inputs fully pushed, by file name
    current: str = ""  # the input being pushed
    pushed: int = 0  # entries of `current` already pushed (acknowledged by the gateway)
    cursor: int = 0  # zone revision the outbox is written up to
    serial: int = 0  # last package serial used (Sichuan outbox)

    @classmethod
    def load(cls, path: Path) -> AgentState:
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(**{k: data[k] for k in asdict(cls()) if k in data})

    def save(self, path: Path) -> None:
        part = path.with_name(path.name + ".part")
        with part.open("w", encoding="utf-8") as out:
            json.dump(asdict(self), out, ensure_ascii=False, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(part, path)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
