"""The registry's write path: per-record results, versions that never regress, ownership, quarantine."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from gaozhu.registry import audit
from gaozhu.registry.changelog import Operation, Origin, RecordKind, current_revision
from gaozhu.registry.db import create_store_engine
from gaozhu.registry.models import OfficerRow, QuarantineEntry
from gaozhu.registry.records import Officer, Subject
from gaozhu.registry.vault import Vault, load_master_key
from gaozhu.registry.writes import RegistryWriter, WriteEntry, WriteStatus
from tests.zone import make_store


def _writer(url: str, tmp_path: Path) -> tuple[RegistryWriter, list[WriteEntry], list[WriteEntry]]:
    store = make_store(url, tmp_path, demo=False)
    engine = create_store_engine(url)
    writer = RegistryWriter(engine, Vault(load_master_key(store.key_file)))
    return writer, store.demo.chongqing, store.demo.sichuan


def test_same_version_twice_is_a_duplicate_and_older_is_stale(store_url: str, tmp_path: Path) -> None:
    writer, cq, _ = _writer(store_url, tmp_path)
    officer = cq[0]
    first = writer.apply(Origin.CHONGQING, "platform/chongqing", [officer])[0]
    assert first.status is WriteStatus.ACCEPTED and first.revision == 251
    again = writer.apply(Origin.CHONGQING, "platform/chongqing", [officer])[0]
    assert again.status is WriteStatus.DUPLICATE
    newer = dataclasses.replace(officer, version=3)
    assert writer.apply(Origin.CHONGQING, "p", [newer])[0].status is WriteStatus.ACCEPTED
    older = dataclasses.replace(officer, version=2)
    stale = writer.apply(Origin.CHONGQING, "p", [older])[0]
    assert stale.status is WriteStatus.STALE
    with Session(writer.engine) as s:
        assert s.scalars(select(OfficerRow.version)).one() == 3
        assert current_revision(s)[0] == 252
    writer.engine.dispose()


def test_a_bad_record_is_rejected_alone_and_quarantined_without_its_id_number(
    store_url: str, tmp_path: Path
) -> None:
    writer, cq, _ = _writer(store_url, tmp_path)
    good, bad_src = cq[0], cq[1]
    assert isinstance(bad_src.record, Officer)
    bad = dataclasses.replace(
        bad_src, record=dataclasses.replace(bad_src.record, id_number="500112197509266699"), raw=b"raw-entry"
    )
    results = writer.apply(Origin.CHONGQING, "platform/chongqing", [good, bad])
    assert [r.status for r in results] == [WriteStatus.ACCEPTED, WriteStatus.REJECTED]
    assert results[1].violations[0].field == "id_number"
    assert "500112197509266699" not in results[1].message
    with Session(writer.engine) as s:
        entry = s.scalars(select(QuarantineEntry)).one()
        assert entry.local_id == bad_src.local_id and entry.raw == b"raw-entry" and entry.resolved_at is None
    fixed = writer.apply(Origin.CHONGQING, "platform/chongqing", [bad_src])[0]
    assert fixed.status is WriteStatus.ACCEPTED
    with Session(writer.engine) as s:
        assert s.scalars(select(QuarantineEntry.resolved_at)).one() is not None
    writer.engine.dispose()


def test_a_platform_cannot_write_the_other_sides_enterprise_and_the_attempt_is_audited(
    store_url: str, tmp_path: Path
) -> None:
    writer, _, sc = _writer(store_url, tmp_path)
    sichuan_firm = next(e for e in sc if e.kind is RecordKind.SUBJECT)
    result = writer.apply(Origin.CHONGQING, "platform/chongqing", [sichuan_firm])[0]
    assert result.status is WriteStatus.REJECTED
    assert "PERMISSION_DENIED" in result.message
    with Session(writer.engine) as s:
        assert audit.verify(s) == (1, None)
    writer.engine.dispose()


def test_zone_owned_kinds_cannot_be_pushed(store_url: str, tmp_path: Path) -> None:
    writer, _, _ = _writer(store_url, tmp_path)
    entry = WriteEntry(RecordKind.ITEM, Operation.UPSERT, "GZ-YJ-001", 9)
    result = writer.apply(Origin.SICHUAN, "platform/sichuan", [entry])[0]
    assert result.status is WriteStatus.REJECTED and "zone-owned" in result.message
    writer.engine.dispose()


def test_delete_then_replay_of_the_old_upsert_is_stale(store_url: str, tmp_path: Path) -> None:
    writer, cq, _ = _writer(store_url, tmp_path)
    firm = next(e for e in cq if e.kind is RecordKind.SUBJECT)
    assert isinstance(firm.record, Subject)
    writer.apply(Origin.CHONGQING, "p", [firm])
    gone = WriteEntry(RecordKind.SUBJECT, Operation.DELETE, firm.local_id, 2)
    assert writer.apply(Origin.CHONGQING, "p", [gone])[0].status is WriteStatus.ACCEPTED
    assert writer.apply(Origin.CHONGQING, "p", [firm])[0].status is WriteStatus.STALE
    writer.engine.dispose()


def test_inspection_needs_two_known_officers_and_resolves_local_codes(store_url: str, tmp_path: Path) -> None:
    from gaozhu.registry.records import Inspection, InspectionResult

    writer, cq, _ = _writer(store_url, tmp_path)
    writer.apply(Origin.CHONGQING, "p", cq)
    officers = [e.local_id for e in cq if e.kind is RecordKind.OFFICER][:2]
    firm = next(e.local_id for e in cq if e.kind is RecordKind.SUBJECT)
    inspection = Inspection(
        local_id="CQJC202503050001",
        inspection_code="GZJC-20250305-0001",
        item_code="CQ-YJGL-0001",
        officer_ids=tuple(officers),
        subject_credit_code=firm,
        inspected_at=datetime(2025, 3, 5, 6, 30, tzinfo=UTC),
        result=InspectionResult.ORDERED_TO_CORRECT,
    )
    ok = WriteEntry(RecordKind.INSPECTION, Operation.UPSERT, inspection.local_id, 1, inspection)
    alone = dataclasses.replace(
        ok,
        local_id="CQJC202503050002",
        record=dataclasses.replace(inspection, local_id="CQJC202503050002", officer_ids=(officers[0],)),
    )
    ghost = dataclasses.replace(
        ok,
        local_id="CQJC202503050003",
        record=dataclasses.replace(
            inspection, local_id="CQJC202503050003", officer_ids=(officers[0], "CQZF9999999999")
        ),
    )
    results = writer.apply(Origin.CHONGQING, "p", [ok, alone, ghost])
    assert [r.status for r in results] == [WriteStatus.ACCEPTED, WriteStatus.REJECTED, WriteStatus.REJECTED]
    assert results[1].violations[0].field == "officer_ids"
    assert results[2].violations[0].field == "officer_ids[1]"
    writer.engine.dispose()
