"""A consistent view of the registry at one revision, for Snapshot (then Watch from its revision).

Everything is read in ONE read transaction: SQLite (WAL) gives a stable snapshot for the
transaction's life; on PostgreSQL the transaction runs at REPEATABLE READ. The revision read in the
same transaction is the R the view is "as of": Snapshot(R) then Watch(since=R) loses and repeats
nothing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import Engine, select

from gaozhu.registry.changelog import Origin, RecordKind, current_revision
from gaozhu.registry.db import read_consistently
from gaozhu.registry.items import BaselineRecord, ItemRecord, baseline_record, list_items
from gaozhu.registry.models import BaselineRow, InspectionRow, OfficerDomain, OfficerRow, SubjectRow
from gaozhu.registry.readmodel import officer_view, subject_view
from gaozhu.registry.records import (
    Inspection,
    InspectionResult,
    InspectionView,
    OfficerView,
    StoredMeta,
    SubjectView,
)


@dataclass
class RegistryView:
    revision: int
    items: list[ItemRecord] = field(default_factory=list)
    baselines: list[BaselineRecord] = field(default_factory=list)
    officers: list[OfficerView] = field(default_factory=list)
    subjects: list[SubjectView] = field(default_factory=list)
    inspections: list[InspectionView] = field(default_factory=list)


def take_snapshot(engine: Engine, kinds: Collection[RecordKind]) -> RegistryView:
    with read_consistently(engine) as s, s.begin():
        view = RegistryView(current_revision(s)[0])
        if RecordKind.ITEM in kinds:
            view.items = list_items(s)
        if RecordKind.BASELINE in kinds:
            view.baselines = [
                baseline_record(s, row)
                for row in s.scalars(
                    select(BaselineRow)
                    .where(
                        BaselineRow.revision > 0
                    )  # announced only: a published future version is not yet the zone's
                    .order_by(BaselineRow.item_code, BaselineRow.version)
                )
            ]
        if RecordKind.OFFICER in kinds:
            domains: dict[str, list[str]] = {}
            for officer_id, domain in s.execute(
                select(OfficerDomain.officer_id, OfficerDomain.domain).order_by(OfficerDomain.domain)
            ):
                domains.setdefault(officer_id, []).append(domain)
            view.officers = [
                officer_view(r, tuple(domains.get(r.zone_id, ())))
                for r in s.scalars(select(OfficerRow).order_by(OfficerRow.zone_id))
            ]
        if RecordKind.SUBJECT in kinds:
            view.subjects = [
                subject_view(r) for r in s.scalars(select(SubjectRow).order_by(SubjectRow.credit_code))
            ]
        if RecordKind.INSPECTION in kinds:
            view.inspections = [
                _inspection_view(r) for r in s.scalars(select(InspectionRow).order_by(InspectionRow.id))
            ]
        return view


def _inspection_view(row: InspectionRow) -> InspectionView:
    return InspectionView(
        meta=StoredMeta(Origin(row.origin), row.id, row.version, row.revision),
        inspection=Inspection(
            local_id=row.id,
            inspection_code=row.inspection_code,
            item_code=row.item_code,
            officer_ids=tuple(row.officer_ids),
            subject_credit_code=row.subject_credit_code,
            inspected_at=row.inspected_at,
            result=InspectionResult(row.result),
        ),
    )
