"""End to end with real processes: one gateway over mutual TLS and both province agents.

The registry ends up with both provinces' records from the shared samples and the demo exports;
each outbox holds the 125 items and their baselines in its own format and the other side's
dispatched officers; an agent killed halfway through a backlog and restarted ends where an
uninterrupted run ends."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from gaozhu.adapters import chongqing, sichuan
from gaozhu.adapters.agent_state import AgentState
from gaozhu.gateway.certs import init_zone_pki
from gaozhu.gateway.cli_demo import export_demo
from gaozhu.gateway.convert import push_entry
from gaozhu.registry.changelog import Origin
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.models import OfficerRow, SubjectRow
from tests.processes import GatewayProcess, agent_command, read_revisions
from tests.zone import make_store, subject_entries

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "platforms" / "samples"
ENV = os.environ | {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def _agent(
    province: str, source: Path, outbox: Path, gateway: GatewayProcess, pki: Path, *extra: str
) -> list[str]:
    return agent_command(province, source, outbox, gateway.address, "--tls-dir", str(pki), *extra)


def _run_agent(*args: object) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(_agent(*args), capture_output=True, text=True, timeout=180, env=ENV)  # type: ignore[arg-type]
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _chongqing_outbox(outbox: Path) -> list[dict]:
    return [
        json.loads(line) for f in sorted(outbox.glob("gaozhu-*.jsonl")) for line in f.read_text().splitlines()
    ]


def _sichuan_outbox(outbox: Path) -> list:
    return [el for f in sorted(outbox.glob("000000*.xml")) for el in sichuan.load_package(f)]


@pytest.fixture
def zone(tmp_path: Path) -> tuple:
    if not SAMPLES.is_dir():
        pytest.skip(f"shared samples not found at {SAMPLES}")
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)
    pki = tmp_path / "pki"
    init_zone_pki(pki)
    inputs = {p: tmp_path / p / "in" for p in ("chongqing", "sichuan")}
    export_demo(inputs["chongqing"], inputs["sichuan"])
    for province, target in inputs.items():
        for f in (SAMPLES / province).iterdir():
            shutil.copy2(f, target / f.name)
    gateway = GatewayProcess(store, tls_dir=pki)
    gateway.start()
    yield store, pki, inputs, gateway, tmp_path
    gateway.stop()


def test_both_agents_over_mtls_fill_the_registry_and_each_others_outbox(zone: tuple) -> None:
    store, pki, inputs, gateway, tmp = zone
    outbox = {p: tmp / p / "outbox" for p in inputs}
    _run_agent("chongqing", inputs["chongqing"], outbox["chongqing"], gateway, pki, "--once")
    sc = _run_agent("sichuan", inputs["sichuan"], outbox["sichuan"], gateway, pki, "--once")
    assert "5116232025030400017.xml: accepted 11" in sc.stderr
    _run_agent(
        "chongqing", inputs["chongqing"], outbox["chongqing"], gateway, pki, "--once"
    )  # Sichuan's officers

    engine = create_store_engine(store.url)
    with Session(engine) as s:
        officers = set(s.scalars(select(OfficerRow.local_id)))
        subjects = set(s.scalars(select(SubjectRow.credit_code)))
    engine.dispose()
    assert {"CQZF5001120000", "CQZF5001120005", "SC511623000001", "SC511623000002"} <= officers
    assert "SC511623000006" not in officers  # deleted in the Sichuan sample
    assert "915001127BJJB9YUHU" in subjects and "915001121KL1Y5JB55" not in subjects  # deleted in 0305
    assert len(subjects) >= 94

    lines = _chongqing_outbox(outbox["chongqing"])
    assert len({line["sj"]["zqbm"] for line in lines if line["lx"] == "ZFSX"}) == 125
    assert len({line["sj"]["zqbm"] for line in lines if line["lx"] == "CLJZ"}) == 125
    officers_for_cq = {line["sj"]["ryid"] for line in lines if line["lx"] == "ZFRY"}
    assert officers_for_cq and all(r.startswith("GZZF-SC-") for r in officers_for_cq)
    assert "GZZF-SC-511623000001" in officers_for_cq

    elements = _sichuan_outbox(outbox["sichuan"])
    tags = [el.tag.split("}")[1] for el in elements]
    assert tags.count("Matter") == 125 and tags.count("Baseline") == 125
    ids = {el.find("{urn:sczf:exchange:2}Id").text for el in elements if el.tag.endswith("Officer")}
    assert ids and all(i.startswith("GZZF-CQ-") for i in ids) and "GZZF-CQ-5001120000" in ids


def _backlog(directory: Path, files: int, per_file: int) -> None:
    entries = subject_entries(Origin.CHONGQING, files * per_file)
    for n in range(files):
        part = entries[n * per_file : (n + 1) * per_file]
        lines = [json.dumps(chongqing.entry_to_line(push_entry(e)), ensure_ascii=False) for e in part]
        (directory / f"zfjd-20250310-{n + 1:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _subjects(url: str) -> set[tuple[str, int]]:
    engine = create_store_engine(url)
    with Session(engine) as s:
        rows = {(c, v) for c, v in s.execute(select(SubjectRow.credit_code, SubjectRow.version))}
    engine.dispose()
    return rows


def test_an_agent_killed_halfway_through_a_backlog_ends_where_an_uninterrupted_run_ends(
    zone: tuple, tmp_path: Path
) -> None:
    store, pki, _, gateway, tmp = zone
    backlog = tmp / "backlog"
    backlog.mkdir()
    _backlog(backlog, files=12, per_file=150)
    outbox = tmp / "cq-outbox"
    state = outbox / ".gaozhu-agent.json"
    proc = subprocess.Popen(
        _agent("chongqing", backlog, outbox, gateway, pki, "--once", "--batch", "25"),
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if state.exists() and len(AgentState.load(state).done) >= 3 and AgentState.load(state).pushed > 0:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    interrupted = AgentState.load(state)
    assert 3 <= len(interrupted.done) < 12, "the agent was not stopped halfway"
    again = _run_agent("chongqing", backlog, outbox, gateway, pki, "--once", "--batch", "25")
    summaries = [line for line in again.stderr.splitlines() if ": accepted" in line]
    assert len(summaries) == 12 - len(interrupted.done), "a finished file was pushed again, or one skipped"
    duplicates = sum(int(line.split("duplicate ")[1].split(",")[0]) for line in summaries)
    assert duplicates <= 25, "more than the one unacknowledged batch was pushed twice"

    # The same backlog into a fresh zone, uninterrupted.
    other_dir = tmp_path / "uninterrupted"
    other_dir.mkdir()
    other = make_store(f"sqlite:///{other_dir / 'gaozhu.db'}", other_dir, demo=False)
    other_gateway = GatewayProcess(other, tls_dir=pki)
    other_gateway.start()
    try:
        _run_agent("chongqing", backlog, other_dir / "outbox", other_gateway, pki, "--once", "--batch", "25")
    finally:
        other_gateway.stop()
    assert _subjects(store.url) == _subjects(other.url)
    history = [key for _, kind, key in read_revisions(store.url) if kind == "subject"]
    assert len(history) == len(set(history)) == 12 * 150, "a record was applied twice or lost"
