"""The statements a write batch runs, a few per batch rather than per record: version look-ups,
ownership of enterprises, reference resolution for inspections, upserts and deletes of the final
state, the version memory, quarantine clearing and the platform's last push."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from gaozhu.registry.changelog import Operation, Origin, RecordKind
from gaozhu.registry.errors import FieldViolation
from gaozhu.registry.identifiers import check_credit_code
from gaozhu.registry.models import (
    InspectionRow,
    ItemLocalCode,
    ItemRow,
    OfficerDomain,
    OfficerRow,
    PlatformStatus,
    QuarantineEntry,
    RecordVersion,
    SubjectRow,
)
from gaozhu.registry.records import Inspection

if TYPE_CHECKING:
    from gaozhu.registry.writes import WriteEntry


@dataclass(slots=True)
class PendingWrite:
    """One entry on its way through a batch: its checks so far, and the row it will store."""

    index: int
    entry: WriteEntry
    key: str  # the record's local id as stored (credit code for subjects)
    violations: list[FieldViolation] = field(default_factory=list)
    row: dict[str, Any] | None = None
    domains: tuple[str, ...] = ()
    revision: int = 0


class InspectionResolver:
    """Item codes and officer ids may be local: resolved through the crosswalk and zone ids, with one
    query per batch for the items and one for the officers, not one per record."""

    def __init__(self, s: Session, origin: Origin, pending: list[PendingWrite]) -> None:
        self.origin = origin
        refs = {
            r.strip().upper()
            for p in pending
            if isinstance(p.entry.record, Inspection) and p.entry.operation is Operation.UPSERT
            for r in p.entry.record.officer_ids
        }
        self.items: dict[str, tuple[str, str]] = {}
        self.officers: dict[str, str] = {}
        if not refs and not any(p.entry.kind is RecordKind.INSPECTION for p in pending):
            return
        status: dict[str, str] = dict(s.execute(select(ItemRow.code, ItemRow.status)).all())
        self.items = {code: (code, st) for code, st in status.items()}
        for code, zone in s.execute(
            select(ItemLocalCode.code, ItemLocalCode.item_code).where(ItemLocalCode.origin == origin.value)
        ):
            self.items.setdefault(code, (zone, status[zone]))
        for chunk in _chunks(sorted(refs)):
            for zone_id, row_origin, local_id in s.execute(
                select(OfficerRow.zone_id, OfficerRow.origin, OfficerRow.local_id).where(
                    OfficerRow.zone_id.in_(chunk)
                    | ((OfficerRow.origin == origin.value) & OfficerRow.local_id.in_(chunk))
                )
            ):
                self.officers[zone_id] = zone_id
                if row_origin == origin.value:
                    self.officers[local_id] = zone_id

    def row(self, entry: WriteEntry, i: Inspection) -> tuple[dict[str, Any] | None, list[FieldViolation]]:
        violations: list[FieldViolation] = []
        item = self.items.get(i.item_code.strip().upper())
        if item is None:
            violations.append(
                FieldViolation("item_code", f"no zone item or {self.origin.value} local code {i.item_code!r}")
            )
        elif item[1] != "in_force":
            violations.append(FieldViolation("item_code", f"item {item[0]} is withdrawn"))
        officers: list[str] = []
        for n, ref in enumerate(dict.fromkeys(r.strip().upper() for r in i.officer_ids)):
            zone_id = self.officers.get(ref)
            if zone_id is None:
                violations.append(FieldViolation(f"officer_ids[{n}]", f"no officer {ref!r} in the registry"))
            else:
                officers.append(zone_id)
        if violations or item is None:
            return None, violations
        return {
            "id": entry.local_id.strip().upper(),
            "origin": self.origin.value,
            "inspection_code": i.inspection_code.strip(),
            "item_code": item[0],
            "officer_ids": officers,
            "subject_credit_code": check_credit_code(i.subject_credit_code),
            "inspected_at": i.inspected_at,
            "result": i.result.value,
            "version": entry.version,
        }, []


_TABLES: dict[RecordKind, Any] = {
    RecordKind.OFFICER: OfficerRow,
    RecordKind.SUBJECT: SubjectRow,
    RecordKind.INSPECTION: InspectionRow,
}
_KEY_COLUMN: dict[RecordKind, Any] = {
    RecordKind.OFFICER: OfficerRow.local_id,
    RecordKind.SUBJECT: SubjectRow.credit_code,
    RecordKind.INSPECTION: InspectionRow.id,
}


def _chunks(values: list[Any], size: int = 500) -> list[list[Any]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def _insert(s: Session, model: Any) -> Any:
    """A dialect INSERT (for ON CONFLICT) on the model's table: Core, not the slower ORM bulk path."""
    table = model.metadata.tables[model.__tablename__]
    return (pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert)(table)


def _upsert_many(s: Session, model: Any, rows: list[dict[str, Any]], key: list[str]) -> None:
    stmt = _insert(s, model)
    stmt = stmt.on_conflict_do_update(
        index_elements=key, set_={k: stmt.excluded[k] for k in rows[0] if k not in key}
    )
    s.execute(stmt, rows)


def store(s: Session, origin: Origin, changes: list[PendingWrite]) -> None:
    """Write the final state of every record the batch changed: a few statements per batch."""
    for kind, model in _TABLES.items():
        mine = [p for p in changes if p.entry.kind is kind]
        gone = [p.key for p in mine if p.entry.operation is Operation.DELETE]
        rows = [p.row for p in mine if p.entry.operation is Operation.UPSERT and p.row is not None]
        for chunk in _chunks(gone):
            s.execute(delete(model).where(model.origin == origin.value, _KEY_COLUMN[kind].in_(chunk)))
        if rows:
            pk = [c.name for c in model.__table__.primary_key.columns]
            _upsert_many(s, model, rows, pk)
        if kind is RecordKind.OFFICER and rows:
            ids = [r["zone_id"] for r in rows]
            for chunk in _chunks(ids):
                s.execute(delete(OfficerDomain).where(OfficerDomain.officer_id.in_(chunk)))
            links = [
                {"officer_id": p.row["zone_id"], "domain": d}
                for p in mine
                if p.row is not None and p.entry.operation is Operation.UPSERT
                for d in p.domains
            ]
            if links:
                s.execute(_insert(s, OfficerDomain), links)
    _upsert_many(
        s,
        RecordVersion,
        [
            {
                "kind": p.entry.kind.value,
                "origin": origin.value,
                "local_id": p.key,
                "version": p.entry.version,
                "deleted": p.entry.operation is Operation.DELETE,
                "revision": p.revision,
            }
            for p in changes
        ],
        ["kind", "origin", "local_id"],
    )


def stored_versions(
    s: Session, origin: Origin, pending: list[PendingWrite]
) -> dict[tuple[str, str], tuple[int, int]]:
    out: dict[tuple[str, str], tuple[int, int]] = {}
    versions = RecordVersion.metadata.tables["record_versions"].c
    for kind in {p.entry.kind for p in pending if not p.violations}:
        keys = sorted({p.key for p in pending if p.entry.kind is kind and not p.violations})
        for chunk in _chunks(keys):
            rows = s.execute(
                select(versions.local_id, versions.version, versions.revision).where(
                    versions.origin == origin.value, versions.kind == kind.value, versions.local_id.in_(chunk)
                )
            )
            for local_id, version, revision in rows:
                out[(kind.value, local_id)] = (int(version), int(revision))
    return out


def subject_owners(s: Session, codes: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(codes))):
        for code, origin in s.execute(
            select(SubjectRow.credit_code, SubjectRow.origin).where(SubjectRow.credit_code.in_(chunk))
        ):
            out[code] = origin
    return out


def clear_quarantine(s: Session, origin: Origin, accepted: list[tuple[RecordKind, str]], now: Any) -> None:
    """A corrected resubmission clears the record's open quarantine entries."""
    open_entry = s.execute(
        select(QuarantineEntry.id)
        .where(QuarantineEntry.origin == origin.value, QuarantineEntry.resolved_at.is_(None))
        .limit(1)
    ).first()
    if open_entry is None:
        return
    for chunk in _chunks([(kind.value, key) for kind, key in accepted]):
        s.execute(
            update(QuarantineEntry)
            .where(
                QuarantineEntry.origin == origin.value,
                QuarantineEntry.resolved_at.is_(None),
                tuple_(QuarantineEntry.kind, QuarantineEntry.local_id).in_(chunk),
            )
            .values(resolved_at=now)
        )


def touch_platform(s: Session, origin: Origin, now: Any, revision: int) -> None:
    stmt = _insert(s, PlatformStatus).values(
        origin=origin.value, last_push_at=now, last_push_revision=revision
    )
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=["origin"], set_={"last_push_at": now, "last_push_revision": revision}
        )
    )
