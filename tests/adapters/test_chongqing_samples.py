"""Golden tests: every shared Chongqing sample file reads to exactly the records it holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from gaozhu.adapters.chongqing import list_complete_files, read_file
from gaozhu.v1 import common_pb2


def test_only_complete_files_are_listed_in_name_order(samples: Path) -> None:
    names = [p.name for p in list_complete_files(samples / "chongqing")]
    assert names == ["zfjd-20250304-001.jsonl", "zfjd-20250305-001.jsonl"]  # the .part file is left alone


def test_first_file_gives_six_officers_and_five_subjects(samples: Path) -> None:
    path = samples / "chongqing" / "zfjd-20250304-001.jsonl"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the sample starts with a BOM
    result = read_file(path)
    assert result.errors == []
    assert not result.refused
    kinds = [t.entry.kind for t in result.entries]
    assert kinds == [common_pb2.RECORD_KIND_OFFICER] * 6 + [common_pb2.RECORD_KIND_SUBJECT] * 5
    assert [t.location for t in result.entries] == [f"line {n}" for n in range(1, 12)]
    assert all(t.entry.operation == common_pb2.OPERATION_UPSERT for t in result.entries)

    first = result.entries[0].entry
    assert (first.local_id, first.version) == ("CQZF5001120000", 1)
    officer = first.record.officer
    assert officer.meta.origin == common_pb2.ORIGIN_CHONGQING
    assert officer.meta.local_id == "CQZF5001120000"
    assert officer.meta.updated_at.ToDatetime(tzinfo=UTC) == datetime(2025, 3, 4, 1, 10, tzinfo=UTC)
    assert officer.meta.updated_at.ToJsonString() == "2025-03-04T01:10:00Z"
    assert officer.name == "陈国华"
    assert officer.gender == common_pb2.GENDER_MALE
    assert officer.certificate_no == "50011224000100"
    assert officer.certificate_status == common_pb2.CERTIFICATE_STATUS_VALID
    assert officer.certificate_valid_until == "2027-12-31"
    assert officer.agency_code == "11500112MB1234567U"
    assert list(officer.domains) == ["YJ", "ZJ"]
    assert (officer.training_hours_tenths, officer.training_year) == (400, 2025)
    assert officer.dispatched

    full_width = result.entries[2].entry.record.officer
    assert full_width.id_number == "500112197712265375"  # NFKC folded the full-width digits

    suspended = result.entries[3].entry.record.officer
    assert suspended.certificate_status == common_pb2.CERTIFICATE_STATUS_SUSPENDED
    assert suspended.gender == common_pb2.GENDER_FEMALE

    assert result.entries[4].entry.record.officer.training_hours_tenths == 365  # "36.5"

    subject = result.entries[6].entry.record.subject
    assert result.entries[6].entry.local_id == "915001127BJJB9YUHU"
    assert subject.credit_code == "915001127BJJB9YUHU"
    assert subject.name == "重庆高竹新材料有限公司"
    assert (subject.region_code, subject.industry_code) == ("500112", "C3130")
    assert subject.credit_grade == common_pb2.CREDIT_GRADE_A
    assert subject.legal_representative == "王建军"
    grades = [t.entry.record.subject.credit_grade for t in result.entries[6:]]
    assert grades == [
        common_pb2.CREDIT_GRADE_A,
        common_pb2.CREDIT_GRADE_B,
        common_pb2.CREDIT_GRADE_C,
        common_pb2.CREDIT_GRADE_D,
        common_pb2.CREDIT_GRADE_A,
    ]


def test_second_file_gives_an_inspection_an_update_and_a_delete(samples: Path) -> None:
    result = read_file(samples / "chongqing" / "zfjd-20250305-001.jsonl")
    assert result.errors == []
    assert [t.location for t in result.entries] == ["line 1", "line 2", "line 4"]  # line 3 is blank

    inspection_entry = result.entries[0].entry
    assert inspection_entry.kind == common_pb2.RECORD_KIND_INSPECTION
    assert inspection_entry.local_id == "CQJC202503050001"
    inspection = inspection_entry.record.inspection
    assert inspection.meta.local_id == "CQJC202503050001"
    assert inspection.inspection_code == "GZJC-20250305-0001"
    assert inspection.item_code == "CQ-YJGL-0001"  # the gateway resolves it through the crosswalk
    assert list(inspection.officer_ids) == ["CQZF5001120000", "CQZF5001120004"]
    assert inspection.subject_credit_code == "915001127BJJB9YUHU"
    assert inspection.inspected_at.ToJsonString() == "2025-03-05T06:30:00Z"
    assert inspection.result == common_pb2.INSPECTION_RESULT_ORDERED_TO_CORRECT

    update = result.entries[1].entry
    assert (update.kind, update.operation, update.version) == (
        common_pb2.RECORD_KIND_OFFICER,
        common_pb2.OPERATION_UPSERT,
        2,
    )
    assert update.record.officer.training_hours_tenths == 480

    delete = result.entries[2].entry
    assert (delete.kind, delete.operation, delete.version) == (
        common_pb2.RECORD_KIND_SUBJECT,
        common_pb2.OPERATION_DELETE,
        2,
    )
    assert delete.local_id == "915001121KL1Y5JB55"
    assert delete.record.subject.credit_code == "915001121KL1Y5JB55"
    assert delete.record.subject.name == ""  # a delete carries only the key


def test_the_part_file_is_never_read_as_complete(samples: Path) -> None:
    result = read_file(samples / "chongqing" / "zfjd-20250306-001.jsonl.part")
    assert result.refused
    assert result.entries == []
    assert "zfjd-YYYYMMDD-NNN.jsonl" in str(result.errors[0])
