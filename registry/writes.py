"""The one write path for province records: per-record results, ownership, quarantine, audit.

Every entry gets its own result (ACCEPTED with its revision, DUPLICATE, STALE, REJECTED with
field-level reasons). Field checks and encryption run before the transaction; inside it, under the
zone's revision lock, come the version checks against `record_versions`, the references (items,
officers) and the writes. A batch commits whole or not at all, so no record is ever half-applied;
a bad record is rejected on its own and kept in quarantine with its reasons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine
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
    QuarantineEntry,
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
from gaozhu.registry.write_store import (
    InspectionResolver,
    PendingWrite,
    clear_quarantine,
    store,
    stored_versions,
    subject_owners,
    touch_platform,
)

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

    def _prepare(self, origin: Origin, index: int, entry: WriteEntry) -> PendingWrite:
        p = PendingWrite(index, entry, _key(entry.kind, entry.local_id), list(entry.violations))
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
    def _check_same_key(p: PendingWrite, record_key: str) -> None:
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
        pending: list[PendingWrite],
        results: dict[int, WriteResult],
    ) -> None:
        s = tx.session
        now = tx.committed_at
        known = stored_versions(s, origin, pending)
        owners = subject_owners(s, [p.key for p in pending if p.entry.kind is RecordKind.SUBJECT])
        resolver = InspectionResolver(s, origin, pending)
        final: dict[tuple[RecordKind, str], PendingWrite] = {}  # the last accepted change per record
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
            store(s, origin, list(final.values()))
            clear_quarantine(s, origin, list(final), now)
            touch_platform(s, origin, now, tx.revision)

    def _reject(self, s: Session, origin: Origin, caller: str, p: PendingWrite, now: Any) -> WriteResult:
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
