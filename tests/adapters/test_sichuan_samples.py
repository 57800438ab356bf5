"""Golden tests: every shared Sichuan sample package reads to exactly the records it holds."""

from __future__ import annotations

from pathlib import Path

from gaozhu.adapters.sichuan import list_packages, read_package
from gaozhu.v1 import common_pb2


def test_packages_are_listed_in_package_id_order(samples: Path) -> None:
    names = [p.name for p in list_packages(samples / "sichuan")]
    assert names == ["5116232025030400017.xml", "5116232025030500001.xml"]


def test_gb18030_package_gives_six_officers_and_five_enterprises(samples: Path) -> None:
    path = samples / "sichuan" / "5116232025030400017.xml"
    assert b'encoding="GB18030"' in path.read_bytes()[:60]
    result = read_package(path)
    assert result.source == "5116232025030400017"
    assert result.errors == []
    assert [t.location for t in result.entries] == [f"Officer[{n}]" for n in range(1, 7)] + [
        f"Enterprise[{n}]" for n in range(1, 6)
    ]

    first = result.entries[0].entry
    assert (first.kind, first.operation, first.local_id, first.version) == (
        common_pb2.RECORD_KIND_OFFICER,
        common_pb2.OPERATION_UPSERT,
        "SC511623000001",
        1,
    )
    officer = first.record.officer
    assert officer.meta.origin == common_pb2.ORIGIN_SICHUAN
    assert officer.name == "李红梅"  # decoded from GB18030 and trimmed
    assert officer.gender == common_pb2.GENDER_MALE
    assert officer.id_number == "511623197812089013"
    assert officer.certificate_no == "5116232023000200"
    assert officer.certificate_status == common_pb2.CERTIFICATE_STATUS_VALID
    assert officer.certificate_valid_until == "2027-12-31"
    assert (officer.agency_name, officer.agency_code) == ("邻水县应急管理局", "11511623MB76543211")
    assert list(officer.domains) == ["YJ", "ST"]
    assert (officer.training_hours_tenths, officer.training_year) == (400, 2025)
    assert officer.dispatched
    assert officer.meta.updated_at.ToJsonString() == "2025-03-04T02:00:00Z"

    assert result.entries[1].entry.record.officer.id_number == "51162319790528669X"

    enterprise = result.entries[6].entry.record.subject
    assert result.entries[6].entry.local_id == "915116239F3MJRXNHW"
    assert enterprise.name == "四川邻水高竹电子有限公司"
    assert enterprise.legal_representative == "罗婷"
    assert enterprise.address == "四川省广安市邻水县高竹新区1号"
    assert (enterprise.region_code, enterprise.industry_code) == ("511623", "C2614")
    assert enterprise.credit_grade == common_pb2.CREDIT_GRADE_A
    assert result.entries[10].entry.record.subject.credit_grade == common_pb2.CREDIT_GRADE_D


def test_gb18030_and_utf8_packages_decode_the_same_name(samples: Path) -> None:
    gb = read_package(samples / "sichuan" / "5116232025030400017.xml")
    utf8 = read_package(samples / "sichuan" / "5116232025030500001.xml")
    gb_name = gb.entries[1].entry.record.officer.name
    utf8_name = utf8.entries[1].entry.record.officer.name
    assert gb_name == utf8_name == "张伟"


def test_utf8_package_gives_an_inspection_a_suspension_and_a_delete(samples: Path) -> None:
    result = read_package(samples / "sichuan" / "5116232025030500001.xml")
    assert result.errors == []
    assert [t.location for t in result.entries] == ["Inspection[1]", "Officer[1]", "Officer[2]"]

    inspection = result.entries[0].entry.record.inspection
    assert inspection.meta.local_id == "SCJC202503050001"
    assert inspection.inspection_code == "GZJC-20250305-0002"
    assert inspection.item_code == "SC0100001"
    assert list(inspection.officer_ids) == ["SC511623000001", "SC511623000003"]
    assert inspection.subject_credit_code == "915116239F3MJRXNHW"
    assert inspection.inspected_at.ToJsonString() == "2025-03-05T07:00:00Z"
    assert inspection.result == common_pb2.INSPECTION_RESULT_NO_PROBLEM

    suspended = result.entries[1].entry
    assert suspended.version == 2
    assert suspended.record.officer.certificate_status == common_pb2.CERTIFICATE_STATUS_SUSPENDED

    delete = result.entries[2].entry
    assert (delete.kind, delete.operation, delete.local_id, delete.version) == (
        common_pb2.RECORD_KIND_OFFICER,
        common_pb2.OPERATION_DELETE,
        "SC511623000006",
        2,
    )
    assert delete.record.officer.name == ""
