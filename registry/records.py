"""The zone's own record types for what provinces push (officers, subjects, inspections), and the
field rules every one of them must pass before it is stored, whichever adapter sent it.

Validation collects every bad field at once (a platform fixes a record in one round trip), naming
the field by the common schema's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from gaozhu.registry import identifiers as ids
from gaozhu.registry.changelog import Origin
from gaozhu.registry.domains import BY_ZONE
from gaozhu.registry.errors import FieldViolation


class CertificateStatus(StrEnum):
    VALID = "valid"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    EXPIRED = "expired"


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


class CreditGrade(StrEnum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class InspectionResult(StrEnum):
    NO_PROBLEM = "no_problem"
    ORDERED_TO_CORRECT = "ordered_to_correct"
    CASE_OPENED = "case_opened"


@dataclass(frozen=True, slots=True)
class Officer:
    """An officer as a platform sends it; `id_number` is plain here and nowhere after storage."""

    local_id: str
    name: str
    gender: Gender
    id_number: str
    agency_name: str
    agency_code: str
    certificate_no: str
    certificate_status: CertificateStatus
    certificate_valid_until: date
    domains: tuple[str, ...]
    training_hours_tenths: int
    training_year: int
    dispatched: bool
    updated_at: datetime
    certificate_status_reason: str = ""


@dataclass(frozen=True, slots=True)
class Subject:
    credit_code: str
    name: str
    region_code: str
    address: str
    industry_code: str
    credit_grade: CreditGrade
    legal_representative: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Inspection:
    local_id: str
    inspection_code: str
    item_code: str  # zone code or the origin's local code
    officer_ids: tuple[str, ...]  # zone ids or the origin's local ids
    subject_credit_code: str
    inspected_at: datetime
    result: InspectionResult


@dataclass(frozen=True, slots=True)
class StoredMeta:
    origin: Origin
    local_id: str
    version: int
    revision: int


@dataclass(frozen=True, slots=True)
class OfficerView:
    """An officer as the zone answers: masked ID number, zone id, authorised domains."""

    zone_id: str
    meta: StoredMeta
    name: str
    gender: Gender
    id_number_masked: str
    agency_name: str
    agency_code: str
    certificate_no: str
    certificate_status: CertificateStatus
    certificate_status_reason: str
    certificate_valid_until: date
    domains: tuple[str, ...]
    training_hours_tenths: int
    training_year: int
    dispatched: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class SubjectView:
    meta: StoredMeta
    subject: Subject


@dataclass(frozen=True, slots=True)
class InspectionView:
    meta: StoredMeta
    inspection: Inspection  # item_code and officer_ids resolved to zone codes and ids


# --- validation --------------------------------------------------------------------------------

_INDUSTRY = re.compile(r"[A-T]\d{0,4}")
_SIDE_PREFIX = {Origin.CHONGQING: "50", Origin.SICHUAN: "51"}


@dataclass
class _Checker:
    violations: list[FieldViolation] = field(default_factory=list)

    def run(self, name: str, check: Callable[[str], str], value: str) -> str:
        try:
            return check(value)
        except ids.IdentifierError as exc:
            self.violations.append(FieldViolation(name, str(exc)))
            return value

    def require(self, ok: bool, name: str, reason: str) -> None:
        if not ok:
            self.violations.append(FieldViolation(name, reason))


def clean_text(value: str) -> str:
    return unicodedata.normalize("NFC", value).strip()


def _text(c: _Checker, name: str, value: str, *, max_len: int, required: bool = True) -> None:
    text = clean_text(value)
    if required and not text:
        c.require(False, name, "must not be empty")
    c.require(len(text) <= max_len, name, f"at most {max_len} characters, got {len(text)}")


def officer_id_check(origin: Origin) -> Callable[[str], str]:
    return ids.check_chongqing_officer_id if origin is Origin.CHONGQING else ids.check_sichuan_officer_id


def validate_officer(origin: Origin, officer: Officer) -> list[FieldViolation]:
    c = _Checker()
    c.run("local_id", officer_id_check(origin), officer.local_id)
    _text(c, "name", officer.name, max_len=30)
    c.run("id_number", ids.check_id_number, officer.id_number)
    _text(c, "agency_name", officer.agency_name, max_len=100)
    c.run("agency_code", ids.check_credit_code, officer.agency_code)
    cert_check = (
        ids.check_chongqing_certificate_no if origin is Origin.CHONGQING else ids.check_sichuan_certificate_no
    )
    c.run("certificate_no", cert_check, officer.certificate_no)
    for i, d in enumerate(officer.domains):
        c.require(d in BY_ZONE, f"domains[{i}]", f"unknown domain {d!r}; known: {', '.join(BY_ZONE)}")
    c.require(len(set(officer.domains)) == len(officer.domains), "domains", "a domain is listed twice")
    c.require(0 <= officer.training_hours_tenths <= 20000, "training_hours_tenths", "must be 0–2000 hours")
    c.require(1949 <= officer.training_year <= 2100, "training_year", "not a plausible year")
    c.require(officer.updated_at.tzinfo is not None, "updated_at", "must carry a time zone")
    return c.violations


def validate_subject(origin: Origin, subject: Subject) -> list[FieldViolation]:
    c = _Checker()
    c.run("credit_code", ids.check_credit_code, subject.credit_code)
    _text(c, "name", subject.name, max_len=200)
    region = c.run("region_code", ids.check_region_code, subject.region_code)
    _text(c, "address", subject.address, max_len=300)
    c.require(
        bool(_INDUSTRY.fullmatch(subject.industry_code)),
        "industry_code",
        "must be a GB/T 4754 code: a letter A–T and up to 4 digits (C3670)",
    )
    _text(c, "legal_representative", subject.legal_representative, max_len=64)
    c.require(subject.updated_at.tzinfo is not None, "updated_at", "must carry a time zone")
    side = _SIDE_PREFIX.get(origin)
    if side and len(region) == 6 and not region.startswith(side):
        c.require(
            False,
            "region_code",
            f"PERMISSION_DENIED: {origin.value} may only write enterprises "
            f"registered on its side (region {side}xxxx), got {region}",
        )
    return c.violations


def validate_inspection(origin: Origin, inspection: Inspection) -> list[FieldViolation]:
    c = _Checker()
    id_check = (
        ids.check_chongqing_inspection_id if origin is Origin.CHONGQING else ids.check_sichuan_inspection_id
    )
    c.run("local_id", id_check, inspection.local_id)
    _text(c, "inspection_code", inspection.inspection_code, max_len=64)
    c.require(bool(inspection.item_code.strip()), "item_code", "must not be empty")
    distinct = {o.strip().upper() for o in inspection.officer_ids}
    c.require(
        len(distinct) >= 2,
        "officer_ids",
        "an inspection needs at least two officers (Administrative Penalty Law Art. 42)",
    )
    c.run("subject_credit_code", ids.check_credit_code, inspection.subject_credit_code)
    c.require(inspection.inspected_at.tzinfo is not None, "inspected_at", "must carry a time zone")
    return c.violations


def is_permission_violation(v: FieldViolation) -> bool:
    return v.reason.startswith("PERMISSION_DENIED")


# --- payloads (the change log's JSON form; what watchers and the read cache rebuild from) -------


def officer_payload(view: OfficerView) -> dict[str, Any]:
    return {
        "zone_id": view.zone_id,
        "origin": view.meta.origin.value,
        "local_id": view.meta.local_id,
        "version": view.meta.version,
        "name": view.name,
        "gender": view.gender.value,
        "id_number_masked": view.id_number_masked,
        "agency_name": view.agency_name,
        "agency_code": view.agency_code,
        "certificate_no": view.certificate_no,
        "certificate_status": view.certificate_status.value,
        "certificate_status_reason": view.certificate_status_reason,
        "certificate_valid_until": view.certificate_valid_until.isoformat(),
        "domains": list(view.domains),
        "training_hours_tenths": view.training_hours_tenths,
        "training_year": view.training_year,
        "dispatched": view.dispatched,
        "updated_at": view.updated_at.isoformat(),
    }


def officer_from_payload(p: dict[str, Any], revision: int) -> OfficerView:
    return OfficerView(
        zone_id=p["zone_id"],
        meta=StoredMeta(Origin(p["origin"]), p["local_id"], int(p["version"]), revision),
        name=p["name"],
        gender=Gender(p["gender"]),
        id_number_masked=p["id_number_masked"],
        agency_name=p["agency_name"],
        agency_code=p["agency_code"],
        certificate_no=p["certificate_no"],
        certificate_status=CertificateStatus(p["certificate_status"]),
        certificate_status_reason=p["certificate_status_reason"],
        certificate_valid_until=date.fromisoformat(p["certificate_valid_until"]),
        domains=tuple(p["domains"]),
        training_hours_tenths=int(p["training_hours_tenths"]),
        training_year=int(p["training_year"]),
        dispatched=bool(p["dispatched"]),
        updated_at=datetime.fromisoformat(p["updated_at"]),
    )


def subject_payload(view: SubjectView) -> dict[str, Any]:
    s = view.subject
    return {
        "origin": view.meta.origin.value,
        "version": view.meta.version,
        "credit_code": s.credit_code,
        "name": s.name,
        "region_code": s.region_code,
        "address": s.address,
        "industry_code": s.industry_code,
        "credit_grade": s.credit_grade.value,
        "legal_representative": s.legal_representative,
        "updated_at": s.updated_at.isoformat(),
    }


def subject_from_payload(p: dict[str, Any], revision: int) -> SubjectView:
    return SubjectView(
        meta=StoredMeta(Origin(p["origin"]), p["credit_code"], int(p["version"]), revision),
        subject=Subject(
            credit_code=p["credit_code"],
            name=p["name"],
            region_code=p["region_code"],
            address=p["address"],
            industry_code=p["industry_code"],
            credit_grade=CreditGrade(p["credit_grade"]),
            legal_representative=p["legal_representative"],
            updated_at=datetime.fromisoformat(p["updated_at"]),
        ),
    )


def inspection_payload(view: InspectionView) -> dict[str, Any]:
    i = view.inspection
    return {
        "origin": view.meta.origin.value,
        "version": view.meta.version,
        "local_id": i.local_id,
        "inspection_code": i.inspection_code,
        "item_code": i.item_code,
        "officer_ids": list(i.officer_ids),
        "subject_credit_code": i.subject_credit_code,
        "inspected_at": i.inspected_at.isoformat(),
        "result": i.result.value,
    }


def inspection_from_payload(p: dict[str, Any], revision: int) -> InspectionView:
    return InspectionView(
        meta=StoredMeta(Origin(p["origin"]), p["local_id"], int(p["version"]), revision),
        inspection=Inspection(
            local_id=p["local_id"],
            inspection_code=p["inspection_code"],
            item_code=p["item_code"],
            officer_ids=tuple(p["officer_ids"]),
            subject_credit_code=p["subject_credit_code"],
            inspected_at=datetime.fromisoformat(p["inspected_at"]),
            result=InspectionResult(p["result"]),
        ),
    )
