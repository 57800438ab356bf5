"""Common records -> Sichuan record elements: the inverse of elements.translate_element.

Elements are built with plain tag names; the package they go into declares the schema's namespace
as its default, so a reader sees them in `urn:sczf:exchange:2`. Used for the zone's own output
(Chongqing officers dispatched to the zone) and by the round-trip property tests.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement

from gaozhu.adapters.common import format_iso_datetime, tenths_to_hours
from gaozhu.adapters.sichuan.schema import (
    CANCELLED,
    CERTIFICATE_STATE,
    CREDIT_RATING,
    GENDER,
    OUTCOME,
    format_cn_date,
)
from gaozhu.registry.domains import BY_ZONE
from gaozhu.v1 import common_pb2, inspections_pb2, personnel_pb2, subjects_pb2, sync_pb2

__all__ = ["entry_to_element", "inspection_element", "officer_element", "record_element", "subject_element"]

_GENDER = {v: k for k, v in GENDER.items()}
_STATE = {v: k for k, v in CERTIFICATE_STATE.items() if k != CANCELLED}
_RATING = {v: k for k, v in CREDIT_RATING.items()}
_OUTCOME = {v: k for k, v in OUTCOME.items()}
_TAG = {
    common_pb2.RECORD_KIND_OFFICER: "Officer",
    common_pb2.RECORD_KIND_SUBJECT: "Enterprise",
    common_pb2.RECORD_KIND_INSPECTION: "Inspection",
}


def record_element(tag: str, delete: bool, version: int) -> Element:
    return Element(tag, {"op": "delete" if delete else "upsert", "ver": str(version)})


def _text(parent: Element, tag: str, text: str, **attributes: str) -> Element:
    child = SubElement(parent, tag, attributes)
    child.text = text
    return child


def certificate_state(officer: personnel_pb2.Officer) -> str:
    if officer.certificate_status == common_pb2.CERTIFICATE_STATUS_REVOKED:
        return CANCELLED if officer.certificate_status_reason == CANCELLED else "吊销"
    return _STATE[officer.certificate_status]


def officer_element(
    officer: personnel_pb2.Officer, out: Element, *, officer_id: str, id_card: str
) -> Element:
    """Fills `out` with an officer's children; the caller picks the Id and what IdCard shows."""
    _text(out, "Id", officer_id)
    _text(out, "Name", officer.name)
    _text(out, "Gender", _GENDER[officer.gender])
    _text(out, "IdCard", id_card)
    SubElement(
        out,
        "Certificate",
        {
            "no": officer.certificate_no,
            "state": certificate_state(officer),
            "validTo": format_cn_date(officer.certificate_valid_until),
        },
    )
    _text(out, "Unit", officer.agency_name, code=officer.agency_code)
    fields = SubElement(out, "Fields")
    for zone_domain in officer.domains:
        _text(fields, "Field", BY_ZONE[zone_domain].name_zh)
    _text(
        out, "TrainingHours", tenths_to_hours(officer.training_hours_tenths), year=str(officer.training_year)
    )
    _text(out, "ZoneAssigned", "true" if officer.dispatched else "false")
    _text(out, "UpdatedAt", format_iso_datetime(officer.meta.updated_at))
    return out


def subject_element(subject: subjects_pb2.Subject, out: Element) -> Element:
    _text(out, "CreditCode", subject.credit_code)
    _text(out, "Name", subject.name)
    _text(out, "LegalRep", subject.legal_representative)
    _text(out, "Address", subject.address)
    _text(out, "Region", subject.region_code)
    _text(out, "Industry", subject.industry_code)
    _text(out, "CreditRating", _RATING[subject.credit_grade])
    return out


def inspection_element(inspection: inspections_pb2.Inspection, out: Element) -> Element:
    _text(out, "Id", inspection.meta.local_id)
    _text(out, "Code", inspection.inspection_code)
    SubElement(out, "Matter", {"local": inspection.item_code})
    inspectors = SubElement(out, "Inspectors")
    for officer_id in inspection.officer_ids:
        _text(inspectors, "Ref", officer_id)
    _text(out, "Target", inspection.subject_credit_code)
    _text(out, "Time", format_iso_datetime(inspection.inspected_at))
    _text(out, "Outcome", _OUTCOME[inspection.result])
    return out


def entry_to_element(entry: sync_pb2.PushEntry) -> Element:
    """The Sichuan record element for a Sichuan record's PushEntry."""
    delete = entry.operation == common_pb2.OPERATION_DELETE
    out = record_element(_TAG[entry.kind], delete, entry.version)
    record = entry.record
    if entry.kind == common_pb2.RECORD_KIND_OFFICER:
        o = record.officer
        if delete:
            _text(out, "Id", o.local_id)
            return out
        return officer_element(o, out, officer_id=o.local_id, id_card=o.id_number)
    if entry.kind == common_pb2.RECORD_KIND_SUBJECT:
        if delete:
            _text(out, "CreditCode", record.subject.credit_code)
            return out
        return subject_element(record.subject, out)
    if delete:
        _text(out, "Id", record.inspection.meta.local_id)
        return out
    return inspection_element(record.inspection, out)
