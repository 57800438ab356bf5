"""The one write path for province records: per-record results, ownership, quarantine, audit.

Every entry gets its own result (ACCEPTED with its revision, DUPLICATE, STALE, REJECTED with
field-level reasons). Field checks and encryption run before the transaction; inside it, under the
zone's revision lock, come the version checks against `record_versions`, the references (items,
officers) and the writes. A batch commits whole or not at all, so no record is ever half-applied;
a bad record is rejected on its own and kept in quarantine with its reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, delete, select, tuple_, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from gaozhu.registry import audit
from gaozhu.registry.changelog import (
    Change,
    ChangeRecord,
    Operation,
    Origin,
    RecordKind,
    ZoneTransaction,
    zone_transaction,
)
from gaozhu.registry.clock import Clock, SystemClock
from gaozhu.registry.errors import FieldViolation
from gaozhu.registry.identifiers import check_credit_code, check_id_number, normalise, zone_officer_id
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
from gaozhu.registry.records import (
    CertificateStatus,
    CreditGrade,
    Gender,
    Inspection,
    InspectionResult,
    InspectionView,
    Officer,
    OfficerView,
    StoredMeta,
    Subject,
    SubjectView,
    clean_text,
    inspection_payload,
    is_permission_violation,
    officer_id_check,
    officer_payload,
    subject_payload,
    validate_inspection,
    validate_officer,
    validate_subject,
)
from gaozhu.registry.vault import Vault

MAX_BATCH = 1000
PROVINCE_KINDS = (RecordKind.OFFICER, RecordKind.SUBJECT, RecordKind.INSPECTION)


class WriteStatus(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    STALE = "stale"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class WriteEntry:
    kind: RecordKind
    operation: Operation
    local_id: str
    version: int
    record: Officer | Subject | Inspection | None = None
    # The entry as received (without plain ID numbers), kept if rejected; a callable is only
    # called then, so accepted records never pay for serialisation.
    raw: bytes | Callable[[], bytes] = b""
    violations: tuple[FieldViolation, ...] = ()  # found while decoding the entry, before any check


@dataclass(frozen=True, slots=True)
class WriteResult:
    status: WriteStatus
    revision: int = 0
    violations: tuple[FieldViolation, ...] = ()
    message: str = ""


@dataclass(slots=True)
class _Pending:
    index: int
    entry: WriteEntry
    key: str  # the record's local id as stored (credit code for subjects)
    violations: list[FieldViolation] = field(default_factory=list)
    row: dict[str, Any] | None = None
    domains: tuple[str, ...] = ()
    revision: int = 0


def _key(kind: RecordKind, local_id: str) -> str:
    """The record's key as stored: normalised (NFKC, trimmed, upper case); its format is checked later."""
    return normalise(local_id)


class RegistryWriter:
    def __init__(
        self,
        engine: Engine,
        vault: Vault,
        clock: Clock | None = None,
        on_commit: Callable[[list[ChangeRecord]], None] | None = None,
    ) -> None:
        self.engine = engine
        self.vault = vault
        self.clock = clock or SystemClock()
        self.on_commit = on_commit

    def apply(self, origin: Origin, caller: str, entries: Sequence[WriteEntry]) -> list[WriteResult]:
        """Apply a batch from one platform; results in entry order."""
        if len(entries) > MAX_BATCH:
            raise ValueError(f"a batch holds at most {MAX_BATCH} entries, got {len(entries)}")
        pending = [self._prepare(origin, i, e) for i, e in enumerate(entries)]
        results: dict[int, WriteResult] = {}
        with zone_transaction(self.engine, self.clock, self.on_commit) as tx:
            self._apply_in_transaction(tx, origin, caller, pending, results)
        return [results[i] for i in range(len(entries))]

    # --- before the transaction: pure checks, encryption ------------------------------------------

    def _prepare(self, origin: Origin, index: int, entry: WriteEntry) -> _Pending:
        p = _Pending(index, entry, _key(entry.kind, entry.local_id), list(entry.violations))
        if p.violations:
            return p
        if entry.kind not in PROVINCE_KINDS:
            p.violations.append(
                FieldViolation(
                    "kind",
                    f"PERMISSION_DENIED: {entry.kind.value} records are zone-owned; "
                    "they change only by migration or an administrator's publish",
                )
            )
            return p
        if origin is Origin.ZONE:
            p.violations.append(FieldViolation("origin", "PERMISSION_DENIED: only a platform pushes records"))
            return p
        if entry.version <= 0:
            p.violations.append(FieldViolation("version", "must be a positive integer"))
        if not p.key:
            p.violations.append(FieldViolation("local_id", "must not be empty"))
        if entry.operation is Operation.DELETE:
            return p
        record = entry.record
        if entry.kind is RecordKind.OFFICER and isinstance(record, Officer):
            p.violations += validate_officer(origin, record)
            self._check_same_key(p, record.local_id)
            if not p.violations:
                p.row, p.domains = self._officer_row(origin, entry, record), record.domains
        elif entry.kind is RecordKind.SUBJECT and isinstance(record, Subject):
            p.violations += validate_subject(origin, record)
            self._check_same_key(p, record.credit_code)
            if not p.violations:
                p.row = _subject_row(origin, entry, record, p.key)
        elif entry.kind is RecordKind.INSPECTION and isinstance(record, Inspection):
            p.violations += validate_inspection(origin, record)
            self._check_same_key(p, record.local_id)
        else:
            p.violations.append(
                FieldViolation("record", f"an upsert of a {entry.kind.value} needs its record")
            )
        return p

    @staticmethod
    def _check_same_key(p: _Pending, record_key: str) -> None:
        if _key(p.entry.kind, record_key) != p.key:
            p.violations.append(FieldViolation("local_id", f"{p.key!r} differs from the record's own id"))

    def _officer_row(self, origin: Origin, entry: WriteEntry, o: Officer) -> dict[str, Any]:
        local_id = officer_id_check(origin)(o.local_id)
        zone_id = zone_officer_id(origin.value, local_id)
        id_number = check_id_number(o.id_number)
        return {
            "zone_id": zone_id,
            "origin": origin.value,
            "local_id": local_id,
            "name": clean_text(o.name),
            "gender": o.gender.value,
            "id_number_cipher": self.vault.encrypt(id_number, zone_id),
            "id_number_hash": self.vault.lookup_hash(id_number),
            "id_number_masked": self.vault.mask(id_number),
            "agency_name": clean_text(o.agency_name),
            "agency_code": check_credit_code(o.agency_code),
            "certificate_no": o.certificate_no.strip(),
            "certificate_status": o.certificate_status.value,
            "certificate_status_reason": o.certificate_status_reason,
            "certificate_valid_until": o.certificate_valid_until,
            "training_hours_tenths": o.training_hours_tenths,
            "training_year": o.training_year,
            "dispatched": o.dispatched,
            "updated_at": o.updated_at,
            "version": entry.version,
        }

    # --- inside the transaction ------------------------------------------------------------------

    def _apply_in_transaction(
        self,
        tx: ZoneTransaction,
        origin: Origin,
        caller: str,
        pending: list[_Pending],
        results: dict[int, WriteResult],
    ) -> None:
        s = tx.session
        now = tx.committed_at
        known = _stored_versions(s, origin, pending)
        owners = _subject_owners(s, [p.key for p in pending if p.entry.kind is RecordKind.SUBJECT])
        resolver = _InspectionResolver(s, origin, pending)
        final: dict[tuple[RecordKind, str], _Pending] = {}  # the last accepted change per record
        for p in pending:
            e = p.entry
            if e.kind is RecordKind.SUBJECT and owners.get(p.key, origin.value) != origin.value:
                p.violations.append(
                    FieldViolation(
                        "credit_code", f"PERMISSION_DENIED: enterprise {p.key} belongs to {owners[p.key]}"
                    )
                )
            if p.violations:
                results[p.index] = self._reject(s, origin, caller, p, now)
                continue
            stored = known.get((e.kind.value, p.key))
            if stored is not None and e.version == stored[0]:
                results[p.index] = WriteResult(WriteStatus.DUPLICATE, stored[1], message="already applied")
                continue
            if stored is not None and e.version < stored[0]:
                results[p.index] = WriteResult(
                    WriteStatus.STALE, stored[1], message=f"stored version is {stored[0]}; nothing regresses"
                )
                continue
            if e.kind is RecordKind.INSPECTION and e.operation is Operation.UPSERT:
                assert isinstance(e.record, Inspection)
                p.row, p.violations = resolver.row(e, e.record)
                if p.violations:
                    results[p.index] = self._reject(s, origin, caller, p, now)
                    continue
            zone_key = zone_officer_id(origin.value, p.key) if e.kind is RecordKind.OFFICER else p.key
            if e.operation is Operation.DELETE:
                revision = tx.stamp(Change(e.kind, Operation.DELETE, zone_key, origin, None))
            else:
                assert p.row is not None
                payload = _payload(origin, e.kind, p.row, p.domains)
                revision = tx.stamp(Change(e.kind, Operation.UPSERT, zone_key, origin, payload))
                p.row["revision"] = revision
            p.revision = revision
            final[(e.kind, p.key)] = p
            known[(e.kind.value, p.key)] = (e.version, revision)
            results[p.index] = WriteResult(WriteStatus.ACCEPTED, revision)
        if final:
            _store(s, origin, list(final.values()))
            _clear_quarantine(s, origin, list(final), now)
            _touch_platform(s, origin, now, tx.revision)

    def _reject(self, s: Session, origin: Origin, caller: str, p: _Pending, now: Any) -> WriteResult:
        raw = p.entry.raw() if callable(p.entry.raw) else p.entry.raw
        s.add(
            QuarantineEntry(
                origin=origin.value,
                caller=caller,
                kind=p.entry.kind.value,
                local_id=p.key,
                version=p.entry.version,
                raw=raw,
                violations=[{"field": v.field, "reason": v.reason} for v in p.violations],
                received_at=now,
                resolved_at=None,
            )
        )
        if any(is_permission_violation(v) for v in p.violations):
            audit.append(
                s,
                now,
                caller,
                "write.denied",
                f"{p.entry.kind.value}/{p.key}",
                {"origin": origin.value, "reasons": [v.reason for v in p.violations]},
            )
        message = "; ".join(str(v) for v in p.violations)
        return WriteResult(WriteStatus.REJECTED, violations=tuple(p.violations), message=message)


# --- row builders and statements ------------------------------------------------------------------


def _subject_row(origin: Origin, entry: WriteEntry, s: Subject, key: str) -> dict[str, Any]:
    return {
        "credit_code": key,
        "origin": origin.value,
        "name": clean_text(s.name),
        "region_code": s.region_code.strip(),
        "address": clean_text(s.address),
        "industry_code": s.industry_code.strip(),
        "credit_grade": s.credit_grade.value,
        "legal_representative": clean_text(s.legal_representative),
        "updated_at": s.updated_at,
        "version": entry.version,
    }


class _InspectionResolver:
    """Item codes and officer ids may be local: resolved through the crosswalk and zone ids, with one
    query per batch for the items and one for the officers, not one per record."""

    def __init__(self, s: Session, origin: Origin, pending: list[_Pending]) -> None:
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


def _store(s: Session, origin: Origin, changes: list[_Pending]) -> None:
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


def _stored_versions(
    s: Session, origin: Origin, pending: list[_Pending]
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


def _subject_owners(s: Session, codes: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for chunk in _chunks(sorted(set(codes))):
        for code, origin in s.execute(
            select(SubjectRow.credit_code, SubjectRow.origin).where(SubjectRow.credit_code.in_(chunk))
        ):
            out[code] = origin
    return out


def _clear_quarantine(s: Session, origin: Origin, accepted: list[tuple[RecordKind, str]], now: Any) -> None:
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


def _touch_platform(s: Session, origin: Origin, now: Any, revision: int) -> None:
    stmt = _insert(s, PlatformStatus).values(
        origin=origin.value, last_push_at=now, last_push_revision=revision
    )
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=["origin"], set_={"last_push_at": now, "last_push_revision": revision}
        )
    )


def _payload(
    origin: Origin, kind: RecordKind, row: dict[str, Any], domains: tuple[str, ...]
) -> dict[str, Any]:
    meta = StoredMeta(origin, row.get("local_id") or row.get("credit_code") or row["id"], row["version"], 0)
    if kind is RecordKind.OFFICER:
        view = OfficerView(
            zone_id=row["zone_id"],
            meta=meta,
            name=row["name"],
            gender=Gender(row["gender"]),
            id_number_masked=row["id_number_masked"],
            agency_name=row["agency_name"],
            agency_code=row["agency_code"],
            certificate_no=row["certificate_no"],
            certificate_status=CertificateStatus(row["certificate_status"]),
            certificate_status_reason=row["certificate_status_reason"],
            certificate_valid_until=row["certificate_valid_until"],
            domains=domains,
            training_hours_tenths=row["training_hours_tenths"],
            training_year=row["training_year"],
            dispatched=row["dispatched"],
            updated_at=row["updated_at"],
        )
        return officer_payload(view)
    if kind is RecordKind.SUBJECT:
        subject = Subject(
            credit_code=row["credit_code"],
            name=row["name"],
            region_code=row["region_code"],
            address=row["address"],
            industry_code=row["industry_code"],
            credit_grade=CreditGrade(row["credit_grade"]),
            legal_representative=row["legal_representative"],
            updated_at=row["updated_at"],
        )
        return subject_payload(SubjectView(meta, subject))
    inspection = Inspection(
        local_id=row["id"],
        inspection_code=row["inspection_code"],
        item_code=row["item_code"],
        officer_ids=tuple(row["officer_ids"]),
        subject_credit_code=row["subject_credit_code"],
        inspected_at=row["inspected_at"],
        result=InspectionResult(row["result"]),
    )
    return inspection_payload(InspectionView(meta, inspection))
