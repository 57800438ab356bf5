"""What the zone writes for each province, exactly: items, baselines, fines and dispatched officers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from gaozhu.adapters.chongqing import baseline_line, item_line, officer_line, outbox_name, write_outbox_file
from gaozhu.adapters.common import local_midnight, parse_local_datetime
from gaozhu.adapters.sichuan import (
    baseline_element,
    dispatched_officer_element,
    load_package,
    matter_element,
    parse_fine,
    read_package,
    write_package,
    zone_package_id,
)
from gaozhu.adapters.sichuan.reverse import certificate_state
from gaozhu.adapters.sichuan.schema import q
from gaozhu.v1 import common_pb2, items_pb2, personnel_pb2

FineRange = common_pb2.FineRange
CQ, SC = common_pb2.ORIGIN_CHONGQING, common_pb2.ORIGIN_SICHUAN

ITEM = items_pb2.Item(
    meta=common_pb2.RecordMeta(origin=common_pb2.ORIGIN_ZONE, local_id="GZ-YJ-001", version=2),
    code="GZ-YJ-001",
    name="未按规定对从业人员进行安全生产教育和培训",
    domain="YJ",
    kind=common_pb2.ITEM_KIND_PENALTY,
    basis=common_pb2.LegalRef(law="安全生产法", version="2021", article="第二十八条"),
    penalty_basis=common_pb2.LegalRef(law="安全生产法", version="2021", article="第九十七条第三项"),
    status=common_pb2.ITEM_STATUS_IN_FORCE,
    local_codes=[
        common_pb2.LocalCode(origin=CQ, code="CQ-YJGL-0001"),
        common_pb2.LocalCode(origin=SC, code="SC0100001"),
    ],
    effective_from=local_midnight(date(2025, 1, 1)),
)
GAINS = FineRange(
    proportional=FineRange.Proportional(
        base=FineRange.Proportional.BASE_ILLEGAL_GAINS,
        min_bp=10_000,
        max_bp=50_000,
        below=FineRange.Proportional.BelowThreshold(
            threshold_fen=1_000_000, min_fen=300_000, max_fen=1_000_000
        ),
    )
)
PER_M2 = FineRange(
    per_unit=FineRange.PerUnit(unit=FineRange.PerUnit.UNIT_SQUARE_METRE, min_fen=10_000, max_fen=100_000)
)
BASELINE = items_pb2.Baseline(
    item_code="GZ-YJ-001",
    version=2,
    label="2025版",
    effective_from=local_midnight(date(2025, 7, 1)),
    tiers=[
        items_pb2.Tier(name=common_pb2.TIER_NAME_NO_PENALTY, condition="首次违法且及时改正，未造成危害后果"),
        items_pb2.Tier(
            name=common_pb2.TIER_NAME_LIGHTER,
            condition="涉及人员3人以下",
            fine=FineRange(fixed=FineRange.Fixed(min_fen=0, max_fen=2_000_000, up_to=True)),
            other_sanctions=["责令限期改正"],
        ),
        items_pb2.Tier(name=common_pb2.TIER_NAME_ORDINARY, condition="违法所得较大", fine=GAINS),
        items_pb2.Tier(name=common_pb2.TIER_NAME_HEAVIER, condition="占地面积较大", fine=PER_M2),
    ],
)


def officer(origin: int) -> personnel_pb2.Officer:
    local, zone_id = (
        ("SC511623000002", "GZZF-SC-511623000002")
        if origin == SC
        else ("CQZF5001120000", "GZZF-CQ-5001120000")
    )
    return personnel_pb2.Officer(
        meta=common_pb2.RecordMeta(
            origin=origin, local_id=local, version=4, updated_at=parse_local_datetime("2025-03-04 10:01:00")
        ),
        zone_id=zone_id,
        local_id=local,
        name="张伟",
        gender=common_pb2.GENDER_FEMALE,
        id_number_masked="5116**********669X",
        home_origin=origin,
        agency_name="邻水县应急管理局",
        agency_code="11511623MB76543211",
        certificate_no="5116232024000201",
        certificate_status=common_pb2.CERTIFICATE_STATUS_REVOKED,
        certificate_status_reason="注销",
        certificate_valid_until="2027-12-31",
        domains=["ST", "GH"],
        training_hours_tenths=365,
        training_year=2025,
        dispatched=True,
    )


# --- Chongqing ----------------------------------------------------------------------------------


def test_item_becomes_a_zfsx_line() -> None:
    line = item_line(ITEM)
    assert line == {
        "lx": "ZFSX",
        "czlx": "U",
        "bbh": 2,
        "gxsj": "2025-01-01 00:00:00",  # no change time on the item: its effective time
        "sj": {
            "sxbm": "CQ-YJGL-0001",
            "zqbm": "GZ-YJ-001",
            "sxmc": "未按规定对从业人员进行安全生产教育和培训",
            "ly": "YJGL",
            "sxlx": "CF",
            "flyj": "《安全生产法》（2021）第二十八条；罚则：《安全生产法》（2021）第九十七条第三项",
            "zt": "1",
        },
    }


def test_item_without_a_chongqing_code_is_not_written() -> None:
    item = items_pb2.Item()
    item.CopyFrom(ITEM)
    del item.local_codes[0]
    with pytest.raises(ValueError, match="no ORIGIN_CHONGQING local code"):
        item_line(item)


def test_baseline_becomes_a_cljz_line_with_yuan_and_fine_rules() -> None:
    line = baseline_line(BASELINE, "CQ-YJGL-0001")
    assert (line["lx"], line["bbh"]) == ("CLJZ", 2)
    sj = line["sj"]
    assert (sj["sxbm"], sj["zqbm"], sj["bbh"], sj["sxrq"]) == (
        "CQ-YJGL-0001",
        "GZ-YJ-001",
        "2025版",
        "2025-07-01",
    )
    assert [t["jcmc"] for t in sj["jc"]] == ["不予处罚", "从轻处罚", "一般处罚", "从重处罚"]
    no_penalty, lighter, gains, per_m2 = sj["jc"]
    assert no_penalty == {
        "jcmc": "不予处罚",
        "tj": "首次违法且及时改正，未造成危害后果",
        "fkxx": None,
        "fksx": None,
        "qtcf": [],
    }
    assert (lighter["fkxx"], lighter["fksx"], lighter["qtcf"]) == ("0.00", "20000.00", ["责令限期改正"])
    assert (gains["fkxx"], gains["fksx"]) == (None, None)  # never a ratio where Chongqing reads yuan
    assert gains["fksm"] == "违法所得的1倍以上5倍以下；违法所得不足10000.00元的，3000.00元以上10000.00元以下"
    assert gains["fkgz"] == {
        "form": "比例",
        "base": "违法所得",
        "minBp": "10000",
        "maxBp": "50000",
        "belowThreshold": "10000.00",
        "belowMin": "3000.00",
        "belowMax": "10000.00",
    }
    assert (per_m2["fkxx"], per_m2["fksx"], per_m2["fksm"]) == (
        None,
        None,
        "每平方米100.00元以上1000.00元以下",
    )
    assert per_m2["fkgz"] == {
        "form": "单价",
        "per": "平方米",
        "min": "100.00",
        "max": "1000.00",
        "unit": "元",
    }


def test_sichuan_officer_goes_to_chongqing_by_zone_id_with_the_id_number_masked() -> None:
    line = officer_line(officer(SC))
    assert (line["lx"], line["czlx"], line["bbh"], line["gxsj"]) == ("ZFRY", "U", 4, "2025-03-04 10:01:00")
    sj = line["sj"]
    assert sj["ryid"] == "GZZF-SC-511623000002"
    assert sj["sfzh"] == "5116**********669X"
    assert (sj["zjzt"], sj["zfly"], sj["pxxs"], sj["sfzq"]) == ("03", ["STHJ", "GHZY"], "36.5", "1")
    assert officer_line(officer(SC), delete=True)["sj"] == {"ryid": "GZZF-SC-511623000002"}
    with pytest.raises(ValueError, match="other province"):
        officer_line(officer(CQ))


def test_outbox_file_appears_complete_under_its_revision(tmp_path: Path) -> None:
    path = write_outbox_file(tmp_path, 42, [item_line(ITEM), baseline_line(BASELINE, "CQ-YJGL-0001")])
    assert path.name == "gaozhu-000000000042.jsonl"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    text = path.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff")
    assert [json.loads(line)["lx"] for line in text.splitlines()] == ["ZFSX", "CLJZ"]
    assert '"sxmc": "未按规定' in text  # readable UTF-8, not \\u escapes
    assert outbox_name(9) < outbox_name(10)  # name order is revision order
    with pytest.raises(ValueError):
        outbox_name(10**12)


# --- Sichuan ------------------------------------------------------------------------------------


def test_parse_fine_reads_yuan_and_wan_yuan_without_floats() -> None:
    assert parse_fine("2000.00", "20000.00", "元") == (200_000, 2_000_000)
    assert parse_fine("0.3", "1.5", "万元") == (300_000, 1_500_000)
    assert parse_fine("0.01", "0.1", "万元") == (10_000, 100_000)
    for bad in (("1", "2", "美元"), ("3", "2", "元"), ("1.001", "2", "元"), ("-1", "2", "万元")):
        with pytest.raises(ValueError):
            parse_fine(*bad)


def test_zone_package_is_named_by_sender_date_and_serial(tmp_path: Path) -> None:
    assert zone_package_id(date(2025, 3, 4), 7) == "0000002025030400007"
    with pytest.raises(ValueError):
        zone_package_id(date(2025, 3, 4), 100_000)
    path = write_package(tmp_path, date(2025, 3, 4), 7, [matter_element(ITEM)])
    assert path.name == "0000002025030400007.xml"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert path.read_bytes().startswith(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<DataPackage xmlns="urn:sczf:exchange:2"'
    )
    root = load_package(path)
    assert (root.get("packageId"), root.get("sender")) == ("0000002025030400007", "000000")
    assert datetime.fromisoformat(root.get("exportedAt")).tzinfo is not None
    assert read_package(path).errors == []  # a Sichuan reader skips what it does not import


def test_item_becomes_a_matter(tmp_path: Path) -> None:
    root = load_package(write_package(tmp_path, date(2025, 3, 4), 1, [matter_element(ITEM)]))
    matter = root.find(q("Matter"))
    texts = {child.tag.removeprefix(q("")): child.text for child in matter}
    assert texts == {
        "ZoneCode": "GZ-YJ-001",
        "LocalCode": "SC0100001",
        "Name": "未按规定对从业人员进行安全生产教育和培训",
        "Field": "应急管理",
        "Kind": "行政处罚",
        "Basis": "《安全生产法》（2021）第二十八条；罚则：《安全生产法》（2021）第九十七条第三项",
        "State": "有效",
    }


def test_baseline_becomes_ordered_tiers_with_yuan_fines_and_fine_rules(tmp_path: Path) -> None:
    root = load_package(
        write_package(tmp_path, date(2025, 3, 4), 1, [baseline_element(BASELINE, "SC0100001")])
    )
    baseline = root.find(q("Baseline"))
    assert {k: baseline.get(k) for k in ("matter", "zone", "label", "effectiveFrom")} == {
        "matter": "SC0100001",
        "zone": "GZ-YJ-001",
        "label": "2025版",
        "effectiveFrom": "2025年07月01日",
    }
    tiers = baseline.findall(q("Tier"))
    assert [t.get("name") for t in tiers] == ["不予处罚", "从轻处罚", "一般处罚", "从重处罚"]
    assert tiers[0].find(q("Fine")) is None
    assert tiers[1].find(q("Fine")).attrib == {"min": "0.00", "max": "20000.00", "unit": "元"}
    assert [s.text for s in tiers[1].findall(q("Sanction"))] == ["责令限期改正"]
    assert tiers[2].find(q("Fine")) is None  # a ratio is never written where yuan are read
    rule = tiers[2].find(q("FineRule"))
    assert (rule.get("form"), rule.get("base"), rule.get("minBp"), rule.get("maxBp")) == (
        "比例",
        "违法所得",
        "10000",
        "50000",
    )
    assert rule.text.startswith("违法所得的1倍以上5倍以下")
    per_m2 = tiers[3].find(q("FineRule"))
    assert per_m2.attrib == {"form": "单价", "per": "平方米", "min": "100.00", "max": "1000.00", "unit": "元"}


def test_chongqing_officer_goes_to_sichuan_by_zone_id_with_the_id_number_masked(tmp_path: Path) -> None:
    cq = officer(CQ)
    cq.certificate_no = "50011224000100"
    cq.certificate_status_reason = ""
    element = dispatched_officer_element(cq)
    assert element.find("Id").text == "GZZF-CQ-5001120000"
    assert element.find("IdCard").text == "5116**********669X"
    assert element.find("Certificate").attrib == {
        "no": "50011224000100",
        "state": "吊销",
        "validTo": "2027年12月31日",
    }
    assert [f.text for f in element.find("Fields")] == ["生态环境", "规划和自然资源"]
    assert element.find("TrainingHours").attrib == {"year": "2025"}
    assert element.find("UpdatedAt").text == "2025-03-04T10:01:00+08:00"
    assert [c.tag for c in dispatched_officer_element(cq, delete=True)] == ["Id"]
    with pytest.raises(ValueError, match="other province"):
        dispatched_officer_element(officer(SC))


def test_cancelled_is_written_back_as_cancelled() -> None:
    assert certificate_state(officer(SC)) == "注销"
    revoked = officer(SC)
    revoked.certificate_status_reason = ""
    assert certificate_state(revoked) == "吊销"


def test_utc_stamps_become_china_dates() -> None:
    late = items_pb2.Baseline()
    late.CopyFrom(BASELINE)
    late.effective_from.FromDatetime(datetime(2025, 6, 30, 16, 0, tzinfo=UTC))  # 2025-07-01 00:00 in China
    assert baseline_line(late, "CQ-YJGL-0001")["sj"]["sxrq"] == "2025-07-01"
