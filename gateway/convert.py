"""Registry views <-> gaozhu.v1 messages. Enum names line up by construction (`<ENUM>_<VALUE>`)."""

from __future__ import annotations

import functools
import math
from datetime import UTC, date, datetime, timedelta
from typing import Any

from google.protobuf import json_format, struct_pb2, timestamp_pb2

from gaozhu.registry import sanctions
from gaozhu.registry.changelog import ChangeRecord, Operation, Origin, RecordKind
from gaozhu.registry.errors import FieldViolation, InvalidArgument
from gaozhu.registry.items import BaselineRecord, ItemRecord, baseline_from_json, item_from_json
from gaozhu.registry.records import (
    CertificateStatus,
    CreditGrade,
    Gender,
    Inspection,
    InspectionResult,
    InspectionView,
    Officer,
    OfficerView,
    Subject,
    SubjectView,
    inspection_from_payload,
    officer_from_payload,
    subject_from_payload,
)
from gaozhu.registry.writes import WriteEntry
from gaozhu.v1 import common_pb2, inspections_pb2, items_pb2, personnel_pb2, subjects_pb2, sync_pb2

Range = common_pb2.FineRange


def ts(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    """A datetime as a Timestamp, set directly (FromDatetime walks a time tuple in Python: hot path)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime: times on the wire are UTC instants")
    return timestamp_pb2.Timestamp(seconds=math.floor(value.timestamp()), nanos=value.microsecond * 1000)


def from_ts(value: timestamp_pb2.Timestamp) -> datetime:
    return _EPOCH + timedelta(seconds=value.seconds, microseconds=value.nanos // 1000)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def enum_to_proto(enum_type: Any, prefix: str, value: Any) -> Any:
    return enum_type.Value(f"{prefix}_{str(value.value if hasattr(value, 'value') else value).upper()}")


@functools.cache
def _enum_map(enum_type: Any, prefix: str, target: Any) -> dict[int, Any]:
    by_name = {member.name: member for member in target}
    out: dict[int, Any] = {}
    for name, number in enum_type.items():
        member = by_name.get(name[len(prefix) + 1 :])
        if member is not None:
            out[int(number)] = member
    return out


def enum_from_proto(enum_type: Any, prefix: str, number: int, target: Any, field: str) -> Any:
    """The domain enum for a wire enum number; INVALID_ARGUMENT naming the field when unset or unknown."""
    member = _enum_map(enum_type, prefix, target).get(number)
    if member is None:
        allowed = ", ".join(m.name for m in target)
        raise InvalidArgument([FieldViolation(field, f"must be one of {allowed}")])
    return member


def origin_to_proto(origin: Origin) -> Any:
    return enum_to_proto(common_pb2.Origin, "ORIGIN", origin)


def origin_from_proto(number: int, field: str = "origin") -> Origin:
    return enum_from_proto(common_pb2.Origin, "ORIGIN", number, Origin, field)  # type: ignore[no-any-return]


def kind_to_proto(kind: RecordKind) -> Any:
    return enum_to_proto(common_pb2.RecordKind, "RECORD_KIND", kind)


def kind_from_proto(number: int, field: str = "kind") -> RecordKind:
    return enum_from_proto(common_pb2.RecordKind, "RECORD_KIND", number, RecordKind, field)  # type: ignore[no-any-return]


def operation_to_proto(op: Operation) -> Any:
    return enum_to_proto(common_pb2.Operation, "OPERATION", op)


def operation_from_proto(number: int, field: str = "operation") -> Operation:
    return enum_from_proto(common_pb2.Operation, "OPERATION", number, Operation, field)  # type: ignore[no-any-return]


def meta(
    origin: Origin, local_id: str, version: int, revision: int, updated_at: datetime | None = None
) -> common_pb2.RecordMeta:
    return common_pb2.RecordMeta(
        origin=origin_to_proto(origin),
        local_id=local_id,
        version=version,
        revision=revision,
        updated_at=ts(updated_at),
    )


# --- ranges and baselines ------------------------------------------------------------------------


def range_to_proto(r: sanctions.FineRange) -> common_pb2.FineRange:
    if isinstance(r, sanctions.Fixed):
        return Range(fixed=Range.Fixed(min_fen=r.min_fen, max_fen=r.max_fen, up_to=r.up_to))
    if isinstance(r, sanctions.PerUnit):
        unit: Any = Range.PerUnit.Unit.Value("UNIT_" + r.unit.name)
        return Range(per_unit=Range.PerUnit(unit=unit, min_fen=r.min_fen, max_fen=r.max_fen))
    prop = Range.Proportional(
        base=_any(Range.Proportional.Base.Value("BASE_" + r.base.name)), min_bp=r.min_bp, max_bp=r.max_bp
    )
    if r.base_floor_fen is not None:
        prop.base_floor_fen = r.base_floor_fen
    if r.below is not None:
        prop.below.CopyFrom(
            Range.Proportional.BelowThreshold(
                threshold_fen=r.below.threshold_fen, min_fen=r.below.min_fen, max_fen=r.below.max_fen
            )
        )
    return Range(proportional=prop)


def range_from_proto(msg: common_pb2.FineRange, field: str) -> sanctions.FineRange:
    which = msg.WhichOneof("range")
    if which == "fixed":
        return sanctions.Fixed(msg.fixed.min_fen, msg.fixed.max_fen, msg.fixed.up_to)
    if which == "per_unit":
        unit = enum_from_proto(
            Range.PerUnit.Unit, "UNIT", msg.per_unit.unit, sanctions.Unit, f"{field}.per_unit.unit"
        )
        return sanctions.PerUnit(unit, msg.per_unit.min_fen, msg.per_unit.max_fen)
    if which == "proportional":
        p = msg.proportional
        base = enum_from_proto(
            Range.Proportional.Base, "BASE", p.base, sanctions.Base, f"{field}.proportional.base"
        )
        below = (
            sanctions.BelowThreshold(p.below.threshold_fen, p.below.min_fen, p.below.max_fen)
            if p.HasField("below")
            else None
        )
        floor = p.base_floor_fen if p.HasField("base_floor_fen") else None
        return sanctions.Proportional(base, p.min_bp, p.max_bp, floor, below)
    raise InvalidArgument([FieldViolation(field, "a fine range needs one of fixed, proportional, per_unit")])


def tier_to_proto(t: sanctions.Tier) -> items_pb2.Tier:
    when = struct_pb2.Struct()
    when.update(dict(t.when))
    return items_pb2.Tier(
        name=enum_to_proto(common_pb2.TierName, "TIER_NAME", t.name),
        condition=t.condition,
        when=when,
        fine=range_to_proto(t.fine) if t.fine else None,
        other_sanctions=list(t.other_sanctions),
    )


def _any(value: object) -> Any:
    return value


def _whole(value: Any) -> Any:
    """A Struct carries every number as a double; whole amounts (fen) come back as ints."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def tier_from_proto(msg: items_pb2.Tier, field: str) -> sanctions.Tier:
    name = enum_from_proto(common_pb2.TierName, "TIER_NAME", msg.name, sanctions.TierName, f"{field}.name")
    when = (
        {k: _whole(v) for k, v in json_format.MessageToDict(msg.when).items()} if msg.HasField("when") else {}
    )
    fine = range_from_proto(msg.fine, f"{field}.fine") if msg.HasField("fine") else None
    return sanctions.Tier(name, msg.condition, when, fine, tuple(msg.other_sanctions))


def item_to_proto(r: ItemRecord) -> items_pb2.Item:
    return items_pb2.Item(
        meta=meta(Origin.ZONE, r.code, r.version, r.revision),
        code=r.code,
        name=r.name,
        domain=r.domain,
        kind=enum_to_proto(common_pb2.ItemKind, "ITEM_KIND", r.kind),
        basis=common_pb2.LegalRef(law=r.basis.law, version=r.basis.version, article=r.basis.article),
        penalty_basis=common_pb2.LegalRef(
            law=r.penalty_basis.law, version=r.penalty_basis.version, article=r.penalty_basis.article
        ),
        statutory=range_to_proto(r.statutory) if r.statutory else None,
        other_sanctions=list(r.other_sanctions),
        local_codes=[
            common_pb2.LocalCode(origin=origin_to_proto(Origin(o)), code=c)
            for o, c in sorted(r.local_codes.items())
        ],
        status=enum_to_proto(common_pb2.ItemStatus, "ITEM_STATUS", r.status),
        effective_from=ts(r.effective_from),
        withdrawn_at=ts(r.withdrawn_at),
    )


def baseline_to_proto(b: BaselineRecord) -> items_pb2.Baseline:
    return items_pb2.Baseline(
        meta=meta(Origin.ZONE, f"{b.item_code}@{b.version}", b.version, b.revision),
        item_code=b.item_code,
        version=b.version,
        label=b.label,
        effective_from=ts(b.effective_from),
        published_at=ts(b.published_at),
        tiers=[tier_to_proto(t) for t in b.tiers],
    )


# --- province records ----------------------------------------------------------------------------


def officer_to_proto(v: OfficerView) -> personnel_pb2.Officer:
    """The zone's answer: the ID number only ever masked."""
    return personnel_pb2.Officer(
        meta=meta(v.meta.origin, v.meta.local_id, v.meta.version, v.meta.revision, v.updated_at),
        zone_id=v.zone_id,
        local_id=v.meta.local_id,
        name=v.name,
        gender=enum_to_proto(common_pb2.Gender, "GENDER", v.gender),
        id_number_masked=v.id_number_masked,
        home_origin=origin_to_proto(v.meta.origin),
        agency_name=v.agency_name,
        agency_code=v.agency_code,
        certificate_no=v.certificate_no,
        certificate_status=enum_to_proto(
            common_pb2.CertificateStatus, "CERTIFICATE_STATUS", v.certificate_status
        ),
        certificate_status_reason=v.certificate_status_reason,
        certificate_valid_until=v.certificate_valid_until.isoformat(),
        domains=list(v.domains),
        training_hours_tenths=v.training_hours_tenths,
        training_year=v.training_year,
        dispatched=v.dispatched,
    )


def officer_from_proto(msg: personnel_pb2.Officer, field: str = "record.officer") -> Officer:
    try:
        valid_until = date.fromisoformat(msg.certificate_valid_until)
    except ValueError:
        raise InvalidArgument(
            [FieldViolation(f"{field}.certificate_valid_until", "must be a date YYYY-MM-DD")]
        ) from None
    return Officer(
        local_id=msg.local_id or msg.meta.local_id,
        name=msg.name,
        gender=enum_from_proto(common_pb2.Gender, "GENDER", msg.gender, Gender, f"{field}.gender"),
        id_number=msg.id_number,
        agency_name=msg.agency_name,
        agency_code=msg.agency_code,
        certificate_no=msg.certificate_no,
        certificate_status=enum_from_proto(
            common_pb2.CertificateStatus,
            "CERTIFICATE_STATUS",
            msg.certificate_status,
            CertificateStatus,
            f"{field}.certificate_status",
        ),
        certificate_status_reason=msg.certificate_status_reason,
        certificate_valid_until=valid_until,
        domains=tuple(msg.domains),
        training_hours_tenths=msg.training_hours_tenths,
        training_year=msg.training_year,
        dispatched=msg.dispatched,
        updated_at=from_ts(msg.meta.updated_at) if msg.meta.HasField("updated_at") else datetime.now(UTC),
    )


def subject_to_proto(v: SubjectView) -> subjects_pb2.Subject:
    s = v.subject
    return subjects_pb2.Subject(
        meta=meta(v.meta.origin, v.meta.local_id, v.meta.version, v.meta.revision, s.updated_at),
        credit_code=s.credit_code,
        name=s.name,
        region_code=s.region_code,
        address=s.address,
        industry_code=s.industry_code,
        credit_grade=enum_to_proto(common_pb2.CreditGrade, "CREDIT_GRADE", s.credit_grade),
        legal_representative=s.legal_representative,
    )


def subject_from_proto(msg: subjects_pb2.Subject, field: str = "record.subject") -> Subject:
    return Subject(
        credit_code=msg.credit_code,
        name=msg.name,
        region_code=msg.region_code,
        address=msg.address,
        industry_code=msg.industry_code,
        credit_grade=enum_from_proto(
            common_pb2.CreditGrade, "CREDIT_GRADE", msg.credit_grade, CreditGrade, f"{field}.credit_grade"
        ),
        legal_representative=msg.legal_representative,
        updated_at=from_ts(msg.meta.updated_at) if msg.meta.HasField("updated_at") else datetime.now(UTC),
    )


def inspection_to_proto(v: InspectionView) -> inspections_pb2.Inspection:
    i = v.inspection
    return inspections_pb2.Inspection(
        meta=meta(v.meta.origin, v.meta.local_id, v.meta.version, v.meta.revision),
        zone_id=i.local_id,
        inspection_code=i.inspection_code,
        item_code=i.item_code,
        officer_ids=list(i.officer_ids),
        subject_credit_code=i.subject_credit_code,
        inspected_at=ts(i.inspected_at),
        result=enum_to_proto(common_pb2.InspectionResult, "INSPECTION_RESULT", i.result),
    )


def inspection_from_proto(msg: inspections_pb2.Inspection, field: str = "record.inspection") -> Inspection:
    if not msg.HasField("inspected_at"):
        raise InvalidArgument([FieldViolation(f"{field}.inspected_at", "required")])
    return Inspection(
        local_id=msg.meta.local_id or msg.zone_id,
        inspection_code=msg.inspection_code,
        item_code=msg.item_code,
        officer_ids=tuple(msg.officer_ids),
        subject_credit_code=msg.subject_credit_code,
        inspected_at=from_ts(msg.inspected_at),
        result=enum_from_proto(
            common_pb2.InspectionResult, "INSPECTION_RESULT", msg.result, InspectionResult, f"{field}.result"
        ),
    )


# --- change events ---------------------------------------------------------------------------------


def record_from_payload(kind: RecordKind, payload: dict[str, Any], revision: int) -> sync_pb2.Record:
    """A change-log payload (the registry's JSON form of a record) as the wire Record."""
    if kind is RecordKind.OFFICER:
        return sync_pb2.Record(officer=officer_to_proto(officer_from_payload(payload, revision)))
    if kind is RecordKind.SUBJECT:
        return sync_pb2.Record(subject=subject_to_proto(subject_from_payload(payload, revision)))
    if kind is RecordKind.INSPECTION:
        return sync_pb2.Record(inspection=inspection_to_proto(inspection_from_payload(payload, revision)))
    if kind is RecordKind.ITEM:
        return sync_pb2.Record(item=item_to_proto(item_from_json(payload, revision)))
    return sync_pb2.Record(baseline=baseline_to_proto(baseline_from_json(payload, revision)))


def change_event(entry: ChangeRecord) -> sync_pb2.ChangeEvent:
    kind, op, origin = RecordKind(entry.kind), Operation(entry.operation), Origin(entry.origin)
    if entry.payload is not None:
        record = record_from_payload(kind, entry.payload, entry.revision)
    else:
        record = _deleted_record(kind, entry.key, origin, entry.revision)
    return sync_pb2.ChangeEvent(
        revision=entry.revision,
        kind=kind_to_proto(kind),
        operation=operation_to_proto(op),
        key=entry.key,
        origin=origin_to_proto(origin),
        record=record,
        committed_at=ts(entry.committed_at),
    )


def _deleted_record(kind: RecordKind, key: str, origin: Origin, revision: int) -> sync_pb2.Record:
    """For a delete only meta and the key fields are set."""
    m = meta(origin, key, 0, revision)
    if kind is RecordKind.OFFICER:
        return sync_pb2.Record(officer=personnel_pb2.Officer(meta=m, zone_id=key))
    if kind is RecordKind.SUBJECT:
        return sync_pb2.Record(subject=subjects_pb2.Subject(meta=m, credit_code=key))
    if kind is RecordKind.INSPECTION:
        return sync_pb2.Record(inspection=inspections_pb2.Inspection(meta=m, zone_id=key))
    if kind is RecordKind.ITEM:
        return sync_pb2.Record(item=items_pb2.Item(meta=m, code=key))
    item_code, _, version = key.partition("@")
    return sync_pb2.Record(
        baseline=items_pb2.Baseline(meta=m, item_code=item_code, version=int(version or 0))
    )


def push_entry(entry: WriteEntry) -> sync_pb2.PushEntry:
    """A registry record as a platform pushes it (the full ID number travels only on Push); used to
    export the demo zone in each province's format and by tests."""
    out = sync_pb2.PushEntry(
        operation=operation_to_proto(entry.operation),
        kind=kind_to_proto(entry.kind),
        local_id=entry.local_id,
        version=entry.version,
    )
    record = entry.record
    if isinstance(record, Officer):
        officer = out.record.officer
        officer.local_id = record.local_id
        officer.name = record.name
        officer.gender = enum_to_proto(common_pb2.Gender, "GENDER", record.gender)
        officer.id_number = record.id_number
        officer.agency_name = record.agency_name
        officer.agency_code = record.agency_code
        officer.certificate_no = record.certificate_no
        officer.certificate_status = enum_to_proto(
            common_pb2.CertificateStatus, "CERTIFICATE_STATUS", record.certificate_status
        )
        officer.certificate_status_reason = record.certificate_status_reason
        officer.certificate_valid_until = record.certificate_valid_until.isoformat()
        officer.domains.extend(record.domains)
        officer.training_hours_tenths = record.training_hours_tenths
        officer.training_year = record.training_year
        officer.dispatched = record.dispatched
        officer.meta.updated_at.FromDatetime(record.updated_at)
    elif isinstance(record, Subject):
        subject = out.record.subject
        subject.credit_code = record.credit_code
        subject.name = record.name
        subject.region_code = record.region_code
        subject.address = record.address
        subject.industry_code = record.industry_code
        subject.credit_grade = enum_to_proto(common_pb2.CreditGrade, "CREDIT_GRADE", record.credit_grade)
        subject.legal_representative = record.legal_representative
        subject.meta.updated_at.FromDatetime(record.updated_at)
    return out
