"""One Sichuan record element (Officer, Enterprise, Inspection) -> one PushEntry, or why not.

Rules: shared/platforms/sichuan.md. Every element and attribute the spec lists is required, text is
trimmed, unknown elements and attributes are ignored. Problems are named by their path inside the
record (`Certificate@validTo`, `Fields/Field[2]`, `@ver`; positions count from 1, as XPath does).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from gaozhu.adapters.common import (
    INT32_MAX,
    INT64_MAX,
    Problems,
    Refused,
    check_industry,
    clean_text,
    hours_to_tenths,
    parse_iso_datetime,
)
from gaozhu.adapters.sichuan.schema import (
    CANCELLED,
    CERTIFICATE_STATE,
    CREDIT_RATING,
    GENDER,
    OUTCOME,
    ZONE_ASSIGNED,
    parse_cn_date,
    q,
)
from gaozhu.registry import identifiers as ids
from gaozhu.registry.domains import BY_NAME_ZH
from gaozhu.v1 import common_pb2, inspections_pb2, personnel_pb2, subjects_pb2, sync_pb2

__all__ = ["KINDS", "translate_element"]

T = TypeVar("T")
V = TypeVar("V")
Element = Any  # xml.etree Element; defusedxml builds the stdlib's

KINDS = {
    q("Officer"): common_pb2.RECORD_KIND_OFFICER,
    q("Enterprise"): common_pb2.RECORD_KIND_SUBJECT,
    q("Inspection"): common_pb2.RECORD_KIND_INSPECTION,
}
OPERATIONS = {"upsert": common_pb2.OPERATION_UPSERT, "delete": common_pb2.OPERATION_DELETE}
SICHUAN = common_pb2.ORIGIN_SICHUAN


def text_of(element: Element) -> str:
    if len(element) == 0:  # a leaf: its own text (the common case), without walking the subtree
        return clean_text(element.text or "")
    return clean_text("".join(element.itertext()))


def check_officer_ref(text: str) -> str:
    """An inspecting officer: a Sichuan officer Id, or a zone id (Chongqing officers in the zone)."""
    if ids.normalise(text).startswith("GZZF-"):
        return ids.check_zone_officer_id(text)
    return ids.check_sichuan_officer_id(text)


def _domain(name: str) -> str:
    if name not in BY_NAME_ZH:
        raise ValueError(f"unknown domain; known: {'、'.join(BY_NAME_ZH)}")
    return BY_NAME_ZH[name].zone


def _year(text: str) -> int:
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise ValueError("must be a four-digit year")
    return int(text)


class _Record:
    """Children and attributes of one record element; each problem goes to `problems`."""

    def __init__(self, element: Element, problems: Problems) -> None:
        self.element, self.problems = element, problems
        self._children: dict[str, Element] = {}
        for child in element:  # direct children by tag, the first of each (what find() would return)
            self._children.setdefault(child.tag, child)

    def child(self, path: str) -> Element | None:
        found = self._children.get(q(path))
        if found is None:
            self.problems.add(path, "required element missing")
        return found

    def text(self, path: str, max_len: int | None = None) -> str:
        found = self.child(path)
        text = "" if found is None else text_of(found)
        if found is not None and not text:
            self.problems.add(path, "must not be empty")
        if max_len is not None and len(text) > max_len:
            self.problems.add(path, f"at most {max_len} characters, got {len(text)}")
        return text

    def checked(self, path: str, check: Callable[[str], T]) -> T | None:
        found = self.child(path)
        return None if found is None else self.problems.check(path, check, text_of(found))

    def choice(self, path: str, allowed: Mapping[str, V]) -> V | None:
        found = self.child(path)
        return None if found is None else self.pick(path, text_of(found), allowed)

    def attr(self, element: Element | None, where: str, name: str, check: Callable[[str], T]) -> T | None:
        """Attribute `name` of `element` (None: the element is missing, already reported)."""
        if element is None:
            return None
        value = element.get(name)
        if value is None:
            self.problems.add(f"{where}@{name}", "required attribute missing")
            return None
        return self.problems.check(f"{where}@{name}", check, value.strip())

    def pick(self, where: str, value: str, allowed: Mapping[str, V]) -> V | None:
        if value not in allowed:
            self.problems.add(where, f"must be one of {', '.join(allowed)}")
            return None
        return allowed[value]

    def many(self, parent: str, child: str, check: Callable[[str], T]) -> list[T]:
        """Checked texts of parent/child elements, each once."""
        container = self.child(parent)
        out: list[T] = []
        for i, found in enumerate([] if container is None else container.findall(q(child)), start=1):
            where = f"{parent}/{child}[{i}]"
            value = self.problems.check(where, check, text_of(found))
            if value is not None and value in out:
                self.problems.add(where, "listed twice")
            elif value is not None:
                out.append(value)
        return out


def _version(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= INT64_MAX:
        raise ValueError("must be a positive integer")
    return int(text)


def _hours(text: str) -> int:
    tenths = hours_to_tenths(text)
    if tenths > INT32_MAX:
        raise ValueError("is too large")
    return tenths


def _officer(r: _Record, meta: common_pb2.RecordMeta, delete: bool) -> personnel_pb2.Officer:
    local_id = r.checked("Id", ids.check_sichuan_officer_id) or ""
    meta.local_id = local_id
    officer = personnel_pb2.Officer(meta=meta, local_id=local_id, home_origin=SICHUAN)
    if delete:
        return officer
    officer.name = r.text("Name", max_len=30)
    officer.gender = r.choice("Gender", GENDER) or common_pb2.GENDER_UNSPECIFIED
    officer.id_number = r.checked("IdCard", ids.check_id_number) or ""
    certificate = r.child("Certificate")
    officer.certificate_no = r.attr(certificate, "Certificate", "no", ids.check_sichuan_certificate_no) or ""
    state = r.attr(certificate, "Certificate", "state", str)
    if state is not None:
        status = r.pick("Certificate@state", state, CERTIFICATE_STATE)
        officer.certificate_status = status or common_pb2.CERTIFICATE_STATUS_UNSPECIFIED
        officer.certificate_status_reason = CANCELLED if state == CANCELLED else ""
    officer.certificate_valid_until = r.attr(certificate, "Certificate", "validTo", parse_cn_date) or ""
    officer.agency_name = r.text("Unit")
    officer.agency_code = r.attr(r.element.find(q("Unit")), "Unit", "code", ids.check_credit_code) or ""
    officer.domains.extend(r.many("Fields", "Field", _domain))
    officer.training_hours_tenths = r.checked("TrainingHours", _hours) or 0
    officer.training_year = r.attr(r.element.find(q("TrainingHours")), "TrainingHours", "year", _year) or 0
    officer.dispatched = bool(r.choice("ZoneAssigned", ZONE_ASSIGNED))
    updated_at = r.checked("UpdatedAt", parse_iso_datetime)
    if updated_at is not None:
        officer.meta.updated_at.CopyFrom(updated_at)  # the constructor copied meta
    return officer


def _subject(r: _Record, meta: common_pb2.RecordMeta, delete: bool) -> subjects_pb2.Subject:
    code = r.checked("CreditCode", ids.check_credit_code) or ""
    meta.local_id = code
    subject = subjects_pb2.Subject(meta=meta, credit_code=code)
    if delete:
        return subject
    subject.name = r.text("Name")
    subject.legal_representative = r.text("LegalRep")
    subject.address = r.text("Address")
    subject.region_code = r.checked("Region", ids.check_region_code) or ""
    subject.industry_code = r.checked("Industry", check_industry) or ""
    subject.credit_grade = r.choice("CreditRating", CREDIT_RATING) or common_pb2.CREDIT_GRADE_UNSPECIFIED
    return subject


def _inspection(r: _Record, meta: common_pb2.RecordMeta, delete: bool) -> inspections_pb2.Inspection:
    meta.local_id = r.checked("Id", ids.check_sichuan_inspection_id) or ""
    inspection = inspections_pb2.Inspection(meta=meta)
    if delete:
        return inspection
    inspection.inspection_code = r.text("Code", max_len=64)
    inspection.item_code = r.attr(r.child("Matter"), "Matter", "local", ids.check_sichuan_item_code) or ""
    officers = r.many("Inspectors", "Ref", check_officer_ref)
    inspectors = r.element.find(q("Inspectors"))
    if inspectors is not None and len(inspectors.findall(q("Ref"))) < 2:
        r.problems.add("Inspectors/Ref", "an inspection needs at least two officers")
    inspection.officer_ids.extend(officers)
    inspection.subject_credit_code = r.checked("Target", ids.check_credit_code) or ""
    inspected_at = r.checked("Time", parse_iso_datetime)
    if inspected_at is not None:
        inspection.inspected_at.CopyFrom(inspected_at)
    inspection.result = r.choice("Outcome", OUTCOME) or common_pb2.INSPECTION_RESULT_UNSPECIFIED
    return inspection


def translate_element(element: Element) -> sync_pb2.PushEntry:
    """The PushEntry for one record element; raises Refused with every (field, reason) otherwise."""
    kind = KINDS.get(element.tag)
    if kind is None:
        raise Refused([("", "not a record element: Officer, Enterprise or Inspection")])
    problems = Problems()
    r = _Record(element, problems)
    op = r.attr(element, "", "op", str)
    operation = None if op is None else r.pick("@op", op, OPERATIONS)
    version = r.attr(element, "", "ver", _version) or 0
    if operation is None:
        raise Refused(problems.found)
    meta = common_pb2.RecordMeta(origin=SICHUAN, version=version)
    delete = operation == common_pb2.OPERATION_DELETE
    if kind == common_pb2.RECORD_KIND_OFFICER:
        record = sync_pb2.Record(officer=_officer(r, meta, delete))
    elif kind == common_pb2.RECORD_KIND_SUBJECT:
        record = sync_pb2.Record(subject=_subject(r, meta, delete))
    else:
        record = sync_pb2.Record(inspection=_inspection(r, meta, delete))
    problems.raise_if_any()
    return sync_pb2.PushEntry(
        operation=operation, kind=kind, local_id=meta.local_id, version=version, record=record
    )
