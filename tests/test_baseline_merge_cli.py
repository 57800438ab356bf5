"""`gaozhu baseline merge` on real pairs of differing local baselines, written in each province's
own export format by the adapters' outbox writers, then edited as each province would differ;
and the proposal published and applied through a real gateway (`baseline publish`, `assess`)."""

from __future__ import annotations

import argparse
import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, tostring

import grpc
import pytest

from gaozhu.adapters.chongqing.outbox import baseline_line, item_line
from gaozhu.adapters.common import fen_to_yuan
from gaozhu.adapters.sichuan.outbox import baseline_element, package_bytes
from gaozhu.gateway import cli_discretion, convert
from gaozhu.registry.baseline_file import read_baseline_file
from gaozhu.registry.catalogue import CatalogueItem, load_catalogue
from gaozhu.registry.items import BaselineRecord, ItemRecord
from gaozhu.registry.sanctions import Fixed, TierName, validate_baseline
from gaozhu.v1 import items_pb2, registry_pb2, registry_pb2_grpc
from tests.zone import make_store, running_gateway

YUAN = 100
PUBLISHED = datetime(2025, 6, 1, tzinfo=UTC)


@cache
def catalogue() -> dict[str, CatalogueItem]:
    return {item.code: item for item in load_catalogue()}


def as_proto(code: str, label: str, version: int = 3) -> items_pb2.Baseline:
    """The catalogue's baseline of `code` as the zone would send it to a province."""
    b = catalogue()[code].baseline
    return convert.baseline_to_proto(
        BaselineRecord(code, version, label, b.effective_from, PUBLISHED, 1, b.tiers)
    )


TIER_ZH = {"no_penalty": "不予处罚", "lighter": "从轻处罚", "ordinary": "一般处罚", "heavier": "从重处罚"}


def chongqing_line(
    code: str, fines: dict[str, tuple[int, int]], drop: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A CLJZ line for `code` with the given tiers' fines (yuan) changed and tiers dropped."""
    item = catalogue()[code]
    line = baseline_line(as_proto(code, "渝2024版"), item.chongqing_code)
    tiers = []
    for tier in line["sj"]["jc"]:
        name = next(k for k, v in TIER_ZH.items() if v == tier["jcmc"])
        if name in drop:
            continue
        if name in fines:
            tier["fkxx"], tier["fksx"] = (fen_to_yuan(y * YUAN) for y in fines[name])
        tiers.append(tier)
    line["sj"]["jc"] = tiers
    return line


def sichuan_element(code: str, fines: dict[str, tuple[str, str, str]], drop: tuple[str, ...] = ()) -> Element:
    """A Sichuan Baseline element with the given tiers' Fine (min, max, unit) set and tiers dropped."""
    item = catalogue()[code]
    element = baseline_element(as_proto(code, "川2023版", 2), item.sichuan_code)
    for tier in list(element.findall("Tier")):
        name = next(k for k, v in TIER_ZH.items() if v == tier.get("name"))
        if name in drop:
            element.remove(tier)
        elif name in fines:
            low, high, unit = fines[name]
            fine = tier.find("Fine")
            assert fine is not None
            fine.attrib.update({"min": low, "max": high, "unit": unit})
    return element


def write_jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def write_package(path: Path, elements: list[Element]) -> Path:
    path.write_bytes(package_bytes("5116232026060100001", elements, encoding="GB18030"))
    return path


def gaozhu(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="gaozhu")
    cli_discretion.register(parser.add_subparsers(dest="verb", required=True))
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    return handler(args)


# --- the pairs ----------------------------------------------------------------------------------

ART_97_3_CQ = {"lighter": (0, 30_000), "ordinary": (30_000, 70_000), "heavier": (70_000, 120_000)}
ART_97_3_SC = {
    "lighter": ("0", "2", "万元"),  # 0–20,000 yuan, in the unit Sichuan may use
    "ordinary": ("20000.00", "60000.00", "元"),
    "heavier": ("6", "11", "万元"),  # both ceilings above the statutory 100,000 yuan
}


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """GZ-YJ-001 (安全生产法 Art. 97(3), up to 100,000 yuan): Chongqing has no first-violation tier,
    Sichuan has one; cut points differ; Sichuan states two tiers in 万元; both heavier ceilings are
    above the statute. Each file also holds another item and other lines."""
    cq = write_jsonl(
        tmp_path / "cq-outbox.jsonl",
        [
            item_line(convert.item_to_proto(_item_record("GZ-YJ-001"))),
            chongqing_line("GZ-YJ-001", ART_97_3_CQ, drop=("no_penalty",)),
            chongqing_line("GZ-SJ-001", {}),
        ],
    )
    sc = write_package(
        tmp_path / "sc-package.xml",
        [sichuan_element("GZ-SJ-001", {}), sichuan_element("GZ-YJ-001", ART_97_3_SC)],
    )
    return cq, sc


def _item_record(code: str) -> ItemRecord:
    item = catalogue()[code]
    return ItemRecord(
        item.code,
        item.name,
        item.domain,
        item.kind,
        item.basis,
        item.penalty_basis,
        item.statutory,
        item.other_sanctions,
        "in_force",
        {"CHONGQING": item.chongqing_code, "SICHUAN": item.sichuan_code},
        item.baseline.effective_from,
        None,
        1,
        1,
    )


def test_merge_of_a_real_pair_with_wan_yuan_and_a_ceiling_above_the_statute(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cq, sc = pair
    out = tmp_path / "proposal.toml"
    code = gaozhu(
        "baseline", "merge", "--chongqing", str(cq), "--sichuan", str(sc), "--item", "SC0100001",
        "--label", "2026版", "--effective-from", "2026-03-01T00:00:00+08:00", "--out", str(out),
    )  # fmt: skip
    printed = capsys.readouterr().out
    assert code == 0, printed
    item_code, proposal = read_baseline_file(out)
    assert item_code == "GZ-YJ-001" and proposal.label == "2026版"
    assert proposal.effective_from == datetime(2026, 2, 28, 16, 0, tzinfo=UTC)
    assert validate_baseline(proposal, catalogue()["GZ-YJ-001"].statutory) == []
    assert [(t.name, t.fine) for t in proposal.tiers] == [
        (TierName.NO_PENALTY, None),  # lenience: the union, kept from Sichuan
        (TierName.LIGHTER, Fixed(0, 20_000 * YUAN, up_to=True)),
        (TierName.ORDINARY, Fixed(20_000 * YUAN, 60_000 * YUAN)),
        (TierName.HEAVIER, Fixed(60_000 * YUAN, 100_000 * YUAN)),  # 110,000 clamped to the statute
    ]
    # the circumstances the local formats lack come from the catalogue's tiers of the same name
    zone = {t.name: t.when for t in catalogue()["GZ-YJ-001"].baseline.tiers}
    assert all(dict(t.when) == dict(zone[t.name]) for t in proposal.tiers)
    text = out.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any(
        "heavier" in h
        and "fine.max_fen" in h
        and "120,000.00 元" in h
        and "110,000.00 元" in h
        and "100,000.00 元" in h
        and "statute" in h
        for h in header
    ), header
    assert any(
        "lighter" in h and "fine.max_fen" in h and "30,000.00 元" in h and "20,000.00 元" in h and "SC" in h
        for h in header
    )
    assert any("no_penalty" in h and "kept from SC" in h for h in header)
    assert any("CQ-YJGL-0001 v3 «渝2024版»" in h for h in header) and any(
        "SC0100001 v2 «川2023版»" in h for h in header
    )
    assert "violations: none" in text
    for words in ("clamped to the statutory range", "favourable", "GZ-YJ-001"):
        assert words in printed


def test_only_one_side_aggravates_the_heavier_tier_is_dropped_for_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cq = write_jsonl(tmp_path / "cq.jsonl", [chongqing_line("GZ-SJ-001", {"ordinary": (37_000, 60_000)})])
    bare = tmp_path / "sc-baseline.xml"  # a bare Baseline element, as an export of one record
    bare.write_bytes(tostring(sichuan_element("GZ-SJ-001", {}, drop=("heavier",)), encoding="utf-8"))
    out = tmp_path / "sj.toml"
    assert gaozhu("baseline", "merge", "--chongqing", str(cq), "--sichuan", str(bare), "--out", str(out)) == 0
    printed = capsys.readouterr().out
    code, proposal = read_baseline_file(out)
    assert code == "GZ-SJ-001"
    assert [t.name for t in proposal.tiers] == [TierName.NO_PENALTY, TierName.LIGHTER, TierName.ORDINARY]
    assert proposal.tiers[2].fine == Fixed(37_000 * YUAN, 60_000 * YUAN)
    assert "27号 forbids laxity" in printed and "27号 forbids laxity" in out.read_text(encoding="utf-8")
    assert validate_baseline(proposal, catalogue()["GZ-SJ-001"].statutory) == []
    # default label and date: both sides' labels, the later side's effective date
    assert proposal.label == "渝2024版/川2023版 合并"


def test_an_unpublishable_merge_is_written_marked_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cq = write_jsonl(tmp_path / "cq.jsonl", [chongqing_line("GZ-SL-001", {})])
    sc = write_package(tmp_path / "sc.xml", [sichuan_element("GZ-SL-001", {}, drop=("heavier",))])
    out = tmp_path / "sl.toml"
    assert gaozhu("baseline", "merge", "--chongqing", str(cq), "--sichuan", str(sc), "--out", str(out)) == 3
    printed = capsys.readouterr().out
    assert "NOT PUBLISHABLE" in printed and "at least 3 tiers" in printed
    assert "NOT PUBLISHABLE" in out.read_text(encoding="utf-8")
    _, proposal = read_baseline_file(out)
    assert len(proposal.tiers) == 2


def test_files_that_cannot_give_one_item_are_refused_by_name(pair: tuple[Path, Path], tmp_path: Path) -> None:
    cq, sc = pair
    with pytest.raises(SystemExit, match="several items"):
        gaozhu("baseline", "merge", "--chongqing", str(cq), "--sichuan", str(sc))
    with pytest.raises(SystemExit, match="no baseline for GZ-ST-001"):
        gaozhu("baseline", "merge", "--chongqing", str(cq), "--sichuan", str(sc), "--item", "GZ-ST-001")
    other = write_jsonl(tmp_path / "other.jsonl", [chongqing_line("GZ-SJ-001", {})])
    one = write_package(tmp_path / "one.xml", [sichuan_element("GZ-YJ-001", {})])
    with pytest.raises(SystemExit, match="different items"):
        gaozhu("baseline", "merge", "--chongqing", str(other), "--sichuan", str(one))
    evil = tmp_path / "evil.xml"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Baseline/>', encoding="utf-8")
    with pytest.raises(SystemExit, match="DTD"):
        gaozhu("baseline", "merge", "--chongqing", str(other), "--sichuan", str(evil))


async def test_the_proposal_is_published_and_assessed_through_the_gateway(
    pair: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cq, sc = pair
    out = tmp_path / "proposal.toml"
    start = (datetime.now(UTC) - timedelta(days=1)).replace(microsecond=0).isoformat()
    merge = ("baseline", "merge", "--chongqing", str(cq), "--sichuan", str(sc), "--item", "GZ-YJ-001")
    assert gaozhu(*merge, "--effective-from", start, "--out", str(out)) == 0
    store = make_store(f"sqlite:///{tmp_path / 'gaozhu.db'}", tmp_path, demo=False)
    async with running_gateway(store) as (_, address):
        target = ("--insecure", "--gateway", address)
        with pytest.raises(SystemExit):  # staff may not publish
            await asyncio.to_thread(gaozhu, "baseline", "publish", str(out), *target, "--as", "staff/demo")
        assert (
            await asyncio.to_thread(
                gaozhu, "baseline", "publish", str(out), "--item", "CQ-YJGL-0001", *target
            )
            == 0
        )
        assert "announced to both provinces at revision 251" in capsys.readouterr().out
        async with grpc.aio.insecure_channel(address) as ch:
            stub = registry_pb2_grpc.RegistryServiceStub(ch)
            md = (("x-gaozhu-identity", "staff/demo"),)
            listed = await stub.ListBaselines(
                registry_pb2.ListBaselinesRequest(item_code="SC0100001"), metadata=md
            )
        assert [b.version for b in listed.baselines] == [1, 2]
        now = datetime.now(UTC).isoformat()
        facts = json.dumps({"occurred_at": now, "decided_at": now, "harm": "none"})
        assert await asyncio.to_thread(gaozhu, "assess", "SC0100001", "--facts", facts, *target) == 0
        shown = capsys.readouterr().out
        assert "GZ-YJ-001  baseline v2" in shown and "一般处罚 (ordinary)" in shown
        assert "20,000.00 – 60,000.00 元" in shown and "✓ tier.selected" in shown
        facts_file = tmp_path / "facts.json"
        facts_file.write_text(
            json.dumps({"occurred_at": now, "harm": "minor", "first_violation": True, "corrected": True})
        )
        assert (
            await asyncio.to_thread(
                gaozhu, "assess", "GZ-YJ-001", "--facts", str(facts_file), *target, "--json"
            )
            == 0
        )
        answer = json.loads(capsys.readouterr().out)
        assert (
            answer["decision"]["no_penalty"] is True and answer["decision"]["tier"] == "TIER_NAME_NO_PENALTY"
        )
        assert gaozhu("assess", "GZ-YJ-001", "--facts", '{"harm": "none"}', *target) == 2
        assert "occurred_at" in capsys.readouterr().err
