"""The servers a benchmark measures, each in its own process: the gateway (as `gaozhu serve --insecure`
runs it) and the bare grpc.aio echo server it is compared with. Both print where they listen."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start_gateway(store_url: str, key_file: Path) -> tuple[subprocess.Popen[str], int]:
    cmd = [
        sys.executable,
        "-m",
        "gaozhu.gateway.cli",
        "serve",
        "--db",
        store_url,
        "--insecure",
        "--listen",
        "127.0.0.1:0",
        "--data-key-file",
        str(key_file),
        "--grace",
        "1",
    ]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        event = json.loads(line)
        if event.get("event") == "serving":
            # Keep reading the log in the background so the pipe never fills up.
            subprocess.Popen(["cat"], stdin=proc.stderr, stdout=subprocess.DEVNULL)
            return proc, int(event["port"])
    proc.kill()
    raise RuntimeError("gateway did not start")


def start_echo() -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "echo_server.py")], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    return proc, int(proc.stdout.readline())
