"""Real gateway processes for fault tests: start, kill -9, restart on the same port, stop.

Also a TCP proxy that can drop every open connection, to cut watchers off mid-stream."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.zone import Store


class GatewayProcess:
    def __init__(
        self, store: Store, *, port: int = 0, extra: tuple[str, ...] = (), tls_dir: Path | None = None
    ) -> None:
        self.store = store
        self.tls_dir = tls_dir
        self.port = port
        self.extra = extra
        self.proc: subprocess.Popen[str] | None = None
        self.log: list[str] = []

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> None:
        mode = ["--tls-dir", str(self.tls_dir)] if self.tls_dir else ["--insecure"]
        cmd = [
            sys.executable,
            "-m",
            "gaozhu.gateway.cli",
            "serve",
            "--db",
            self.store.url,
            *mode,
            "--listen",
            f"127.0.0.1:{self.port}",
            "--data-key-file",
            str(self.store.key_file),
            "--grace",
            "1",
            *self.extra,
        ]
        self.proc = subprocess.Popen(
            cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=os.environ.copy()
        )
        assert self.proc.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                raise RuntimeError(f"gateway exited: {self.log[-5:]}")
            self.log.append(line)
            if json.loads(line).get("event") == "serving":
                self.port = int(json.loads(line)["port"])
                threading.Thread(target=self._drain, args=(self.proc,), daemon=True).start()
                return
        raise RuntimeError("gateway did not start in time")

    def _drain(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            self.log.append(line)

    def kill9(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def agent_command(province: str, source: Path, outbox: Path, address: str, *mode: str) -> list[str]:
    """`gaozhu adapter run` as a platform runs it; `mode` is `--insecure` or `--tls-dir DIR` (+ flags)."""
    return [
        sys.executable,
        "-m",
        "gaozhu.gateway.cli",
        "adapter",
        "run",
        "--province",
        province,
        "--source",
        str(source),
        "--outbox",
        str(outbox),
        "--gateway",
        address,
        *mode,
    ]


class DroppingProxy:
    """Forwards TCP to a target port; `drop_all` closes every connection it carries."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = 0
        self.drops = 0
        self._writers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            with contextlib.suppress(Exception):
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}

    def drop_all(self) -> None:
        self.drops += 1
        for w in list(self._writers):
            w.transport.abort()

    async def stop(self) -> None:
        self.drop_all()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()


def read_revisions(store_url: str) -> list[tuple[int, str, str]]:
    """(revision, kind, key) of every change-log entry, in order."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from gaozhu.registry.db import create_store_engine
    from gaozhu.registry.models import ChangeLogEntry

    engine = create_store_engine(store_url)
    try:
        with Session(engine) as s:
            rows = s.execute(
                select(ChangeLogEntry.revision, ChangeLogEntry.kind, ChangeLogEntry.key).order_by(
                    ChangeLogEntry.revision
                )
            ).all()
            return [(int(r), k, key) for r, k, key in rows]
    finally:
        engine.dispose()


def writer_script(store_url: str, key_file: Path, origin: str, start: int, count: int) -> list[str]:
    """A separate process writing `count` enterprises straight into the store, in batches of 50."""
    code = f"""
from gaozhu.registry.changelog import Origin
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.vault import Vault, load_master_key
from gaozhu.registry.writes import RegistryWriter, WriteStatus
from pathlib import Path
from tests.zone import subject_entries
engine = create_store_engine({store_url!r})
writer = RegistryWriter(engine, Vault(load_master_key(Path({str(key_file)!r}))))
entries = subject_entries(Origin.{origin}, {count}, start={start})
for i in range(0, len(entries), 50):
    results = writer.apply(Origin.{origin}, "test/writer", entries[i:i + 50])
    assert all(r.status is WriteStatus.ACCEPTED for r in results), [r.message for r in results]
"""
    return [sys.executable, "-c", code]
