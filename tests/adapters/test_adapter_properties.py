"""Round trips for generated valid records of both provinces and of the zone's own output.

proto -> local -> proto is the identity for everything a local format carries; local -> proto ->
local keeps the meaning (a line written the way a platform might, with full-width digits, a
lower-case x or padded names, reads to the same record as its normal form).
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from adapter_strategies import CQ, SC, baselines, entries, items
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gaozhu.adapters.chongqing import (
    baseline_from_line,
    baseline_line,
    entry_to_line,
    item_from_line,
    item_line,
    read_file,
    translate_line,
    write_outbox_file,
)
from gaozhu.adapters.sichuan import (
    baseline_element,
    baseline_from_element,
    entry_to_element,
    load_package,
    matter_element,
    matter_from_element,
    package_bytes,
    read_package,
    write_package,
)
from gaozhu.adapters.sichuan.schema import q
from gaozhu.v1 import common_pb2, items_pb2, sync_pb2

EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９ｘ")


def through_json(line: dict[str, Any]) -> Any:
    return json.loads(json.dumps(line, ensure_ascii=False), parse_float=Decimal)


def read_back_sichuan(entry: sync_pb2.PushEntry, encoding: str, element: Any = None) -> sync_pb2.PushEntry:
    """Writes the entry's element into a package file and reads the package."""
    data = package_bytes(
        "5116232025030400001",
        [element if element is not None else entry_to_element(entry)],
        encoding=encoding,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "5116232025030400001.xml"
        path.write_bytes(data)
        result = read_package(path)
    assert result.errors == [], [str(e) for e in result.errors]
    return result.entries[0].entry


# --- Chongqing ----------------------------------------------------------------------------------


@EXAMPLES
@given(entries(CQ))
def test_chongqing_record_to_line_and_back_is_the_identity(entry: sync_pb2.PushEntry) -> None:
    assert translate_line(through_json(entry_to_line(entry))) == entry


@EXAMPLES
@given(entries(CQ), st.data())
def test_chongqing_line_to_record_and_back_keeps_its_meaning(
    entry: sync_pb2.PushEntry, data: st.DataObject
) -> None:
    canonical = through_json(entry_to_line(entry))
    variant = through_json(entry_to_line(entry))
    sj = variant["sj"]
    if entry.operation == common_pb2.OPERATION_UPSERT:
        variant["czlx"] = data.draw(st.sampled_from(["I", "U"]))
    if entry.kind == common_pb2.RECORD_KIND_OFFICER and "xm" in sj:
        sj["xm"] = f" {sj['xm']}\u3000"
        sj["sfzh"] = sj["sfzh"].translate(FULL_WIDTH) if data.draw(st.booleans()) else sj["sfzh"].lower()
        sj["pxxs"] = data.draw(st.sampled_from([sj["pxxs"], Decimal(sj["pxxs"])]))
        sj["ryid"] = sj["ryid"].lower()
    if entry.kind == common_pb2.RECORD_KIND_SUBJECT and "dwmc" in sj:
        sj["tyshxydm"] = sj["tyshxydm"].lower()
        sj["hydm"] = sj["hydm"].lower()
    sj["extra"] = "ignored"
    assert translate_line(variant) == translate_line(canonical) == entry
    assert through_json(entry_to_line(translate_line(variant))) == canonical


@settings(max_examples=20, deadline=None)
@given(st.lists(entries(CQ), min_size=1, max_size=5))
def test_chongqing_lines_survive_a_file(batch: list[sync_pb2.PushEntry]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "zfjd-20250307-001.jsonl"
        path.write_text("".join(json.dumps(entry_to_line(e), ensure_ascii=False) + "\n\n" for e in batch))
        result = read_file(path)
    assert result.errors == []
    assert [t.entry for t in result.entries] == batch


@EXAMPLES
@given(items())
def test_zone_item_survives_a_zfsx_line(item: items_pb2.Item) -> None:
    back = item_from_line(through_json(item_line(item)))
    assert (back.code, back.name, back.domain, back.kind, back.status) == (
        item.code,
        item.name,
        item.domain,
        item.kind,
        item.status,
    )
    assert list(back.local_codes) == [c for c in item.local_codes if c.origin == CQ]
    assert back.basis == item.basis
    if item.HasField("penalty_basis") and item.penalty_basis != item.basis:
        assert back.penalty_basis == item.penalty_basis


@EXAMPLES
@given(baselines())
def test_zone_baseline_survives_a_cljz_line(baseline: items_pb2.Baseline) -> None:
    line = through_json(baseline_line(baseline, "CQ-YJGL-0001"))
    for tier in line["sj"]["jc"]:
        for key in ("fkxx", "fksx"):
            assert tier[key] is None or (isinstance(tier[key], str) and tier[key][-3] == ".")
    back, code = baseline_from_line(line)
    assert code == "CQ-YJGL-0001"
    assert back == baseline  # codes, label, date, tier order, conditions and every fen amount


@settings(max_examples=10, deadline=None)
@given(st.lists(baselines(), min_size=1, max_size=3), st.integers(0, 10**12 - 1))
def test_outbox_file_holds_the_lines_in_order(batch: list[items_pb2.Baseline], revision: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_outbox_file(tmp, revision, [baseline_line(b, "CQ-YJGL-0001") for b in batch])
        assert path.name == f"gaozhu-{revision:012d}.jsonl"
        assert sorted(p.name for p in Path(tmp).iterdir()) == [path.name]  # no .part left behind
        lines = [json.loads(text) for text in path.read_text(encoding="utf-8").splitlines()]
    assert [baseline_from_line(line)[0] for line in lines] == batch


# --- Sichuan ------------------------------------------------------------------------------------


@EXAMPLES
@given(entries(SC), st.sampled_from(["UTF-8", "GB18030"]))
def test_sichuan_record_to_element_and_back_is_the_identity(entry: sync_pb2.PushEntry, encoding: str) -> None:
    assert read_back_sichuan(entry, encoding) == entry


@EXAMPLES
@given(entries(SC), st.data())
def test_sichuan_element_to_record_and_back_keeps_its_meaning(
    entry: sync_pb2.PushEntry, data: st.DataObject
) -> None:
    element = entry_to_element(entry)
    id_card = element.find("IdCard")
    if id_card is not None:
        id_card.text = (
            id_card.text.translate(FULL_WIDTH) if data.draw(st.booleans()) else id_card.text.lower()
        )
        element.find("Name").text = f"\n   {element.find('Name').text} "
        element.set("comment", "ignored")
    for child in element:
        if child.text and child.tag not in ("Name",):
            child.text = f"  {child.text}\n"
    back = read_back_sichuan(entry, data.draw(st.sampled_from(["UTF-8", "GB18030"])), element)
    assert back == entry


@EXAMPLES
@given(items())
def test_zone_item_survives_a_matter_element(item: items_pb2.Item) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = load_package(write_package(tmp, date(2025, 3, 4), 1, [matter_element(item)]))
    back = matter_from_element(root.find(q("Matter")))
    assert (back.code, back.name, back.domain, back.kind, back.status) == (
        item.code,
        item.name,
        item.domain,
        item.kind,
        item.status,
    )
    assert list(back.local_codes) == [c for c in item.local_codes if c.origin == SC]
    assert back.basis == item.basis


@EXAMPLES
@given(baselines(), st.sampled_from(["UTF-8", "GB18030"]))
def test_zone_baseline_survives_a_baseline_element(baseline: items_pb2.Baseline, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_package(
            tmp, date(2025, 3, 4), 99_999, [baseline_element(baseline, "SC0100001")], encoding=encoding
        )
        assert path.name == "0000002025030499999.xml"
        assert sorted(p.name for p in Path(tmp).iterdir()) == [path.name]
        root = load_package(path)
    assert root.get("sender") == "000000"
    back, code = baseline_from_element(root.find(q("Baseline")))
    assert code == "SC0100001"
    assert back == baseline
