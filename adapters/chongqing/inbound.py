"""One Chongqing change line (a parsed JSON object) -> one PushEntry, or every reason it is refused.

Rules: shared/platforms/chongqing.md. Every key the spec lists is required, unknown keys are ignored,
values are judged one by one and all problems come back together, named by their key path
(`sj.zfzh`, `sj.zfly[1]`; arrays count from 0 as JSON tools do). Enumerated codes must be JSON
strings as the platform writes them (`"01"`, not `1`); `bbh` must be a JSON integer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from google.protobuf import timestamp_pb2

from gaozhu.adapters.common import (
    INT32_MAX,
    INT64_MAX,
    Problems,
    Refused,
    check_industry,
    clean_text,
    hours_to_tenths,
    local_date,
    parse_iso_date,
    parse_local_datetime,
)
from gaozhu.registry import identifiers as ids
from gaozhu.registry.domains import BY_CHONGQING
from gaozhu.v1 import common_pb2, inspections_pb2, personnel_pb2, subjects_pb2, sync_pb2

__all__ = ["translate_line"]

T = TypeVar("T")
V = TypeVar("V")

KINDS = {
    "ZFRY": common_pb2.RECORD_KIND_OFFICER,
    "ZFDX": common_pb2.RECORD_KIND_SUBJECT,
    "JCJL": common_pb2.RECORD_KIND_INSPECTION,
}
ZONE_KINDS = ("ZFSX", "CLJZ")  # the zone writes these; a platform never sends them
OPERATIONS = {
    "I": common_pb2.OPERATION_UPSERT,
    "U": common_pb2.OPERATION_UPSERT,
    "D": common_pb2.OPERATION_DELETE,
}
GENDER = {"1": common_pb2.GENDER_MALE, "2": common_pb2.GENDER_FEMALE}
CERTIFICATE_STATUS = {
    "01": common_pb2.CERTIFICATE_STATUS_VALID,
    "02": common_pb2.CERTIFICATE_STATUS_SUSPENDED,
    "03": common_pb2.CERTIFICATE_STATUS_REVOKED,
    "04": common_pb2.CERTIFICATE_STATUS_EXPIRED,
}
CREDIT_GRADE = {
    "A": common_pb2.CREDIT_GRADE_A,
    "B": common_pb2.CREDIT_GRADE_B,
    "C": common_pb2.CREDIT_GRADE_C,
    "D": common_pb2.CREDIT_GRADE_D,
}
RESULT = {
    "1": common_pb2.INSPECTION_RESULT_NO_PROBLEM,
    "2": common_pb2.INSPECTION_RESULT_ORDERED_TO_CORRECT,
    "3": common_pb2.INSPECTION_RESULT_CASE_OPENED,
}
DISPATCHED = {"1": True, "0": False}
CHONGQING = common_pb2.ORIGIN_CHONGQING


def check_officer_ref(text: str) -> str:
    """An inspecting officer: a Chongqing ryid, or the zone id the zone gave a Sichuan officer."""
    if ids.normalise(text).startswith("GZZF-"):
        return ids.check_zone_officer_id(text)
    return ids.check_chongqing_officer_id(text)


_MISSING = object()


class _Obj:
    """The keys of one JSON object under a path prefix; each problem goes to `problems`."""

    def __init__(self, obj: Mapping[str, Any], prefix: str, problems: Problems) -> None:
        self.obj, self.prefix, self.problems = obj, prefix, problems

    def name(self, key: str) -> str:
        return self.prefix + key

    def value(self, key: str) -> Any:
        value = self.obj.get(key, _MISSING)
        if value is _MISSING:
            self.problems.add(self.name(key), "required key missing")
            return None
        if value is None:
            self.problems.add(self.name(key), "must not be null")
        return value

    def string(self, key: str) -> str | None:
        value = self.obj.get(key)
        if type(value) is str:  # the common case, without the checks below
            return value
        value = self.value(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.problems.add(self.name(key), f"must be a JSON string, got {_json_type(value)}")
            return None
        return value

    def checked(self, key: str, check: Callable[[str], T]) -> T | None:
        value = self.string(key)
        return None if value is None else self.problems.check(self.name(key), check, value)

    def choice(self, key: str, allowed: Mapping[str, V]) -> V | None:
        value = self.string(key)
        if value is not None and value not in allowed:
            self.problems.add(self.name(key), f"must be one of {', '.join(allowed)}")
            return None
        return None if value is None else allowed[value]

    def text(self, key: str, max_len: int | None = None) -> str:
        value = self.string(key)
        text = "" if value is None else clean_text(value)
        if value is not None and not text:
            self.problems.add(self.name(key), "must not be empty")
        if max_len is not None and len(text) > max_len:
            self.problems.add(self.name(key), f"at most {max_len} characters, got {len(text)}")
        return text

    def strings(self, key: str, check: Callable[[str], T]) -> list[T]:
        value = self.value(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.add(self.name(key), f"must be a JSON array, got {_json_type(value)}")
            return []
        out: list[T] = []
        for i, element in enumerate(value):
            where = f"{self.name(key)}[{i}]"
            if not isinstance(element, str):
                self.problems.add(where, f"must be a JSON string, got {_json_type(element)}")
                continue
            checked = self.problems.check(where, check, element)
            if checked is not None and checked in out:
                self.problems.add(where, "listed twice")
            elif checked is not None:
                out.append(checked)
        return out


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | Decimal):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, dict) else "null"


def _version(line: _Obj) -> int:
    value = line.value("bbh")
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        line.problems.add("bbh", f"must be a JSON integer, got {_json_type(value)}")
    elif not 1 <= value <= INT64_MAX:
        line.problems.add("bbh", "must be a positive integer")
    else:
        return value
    return 0


def _hours(sj: _Obj) -> int:
    value = sj.value("pxxs")
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        sj.problems.add(sj.name("pxxs"), f"must be a number or a numeric string, got {_json_type(value)}")
        return 0
    tenths = sj.problems.check(sj.name("pxxs"), hours_to_tenths, str(value))
    if tenths is not None and tenths > INT32_MAX:
        sj.problems.add(sj.name("pxxs"), "is too large")
        return 0
    return tenths or 0


def _domain(code: str) -> str:
    if code not in BY_CHONGQING:
        raise ValueError(f"unknown Chongqing domain code; known: {', '.join(BY_CHONGQING)}")
    return BY_CHONGQING[code].zone


# The record builders fill the message inside the PushEntry in place (`meta` is that message's own
# meta): building a message and then handing it to a constructor would copy it again, and
# translation is the adapter's hot path.


def _officer(sj: _Obj, meta: common_pb2.RecordMeta, delete: bool, officer: personnel_pb2.Officer) -> None:
    ryid = sj.checked("ryid", ids.check_chongqing_officer_id) or ""
    meta.local_id = ryid
    officer.local_id = ryid
    officer.home_origin = CHONGQING
    if delete:
        return
    officer.name = sj.text("xm", max_len=30)
    officer.gender = sj.choice("xb", GENDER) or common_pb2.GENDER_UNSPECIFIED
    officer.id_number = sj.checked("sfzh", ids.check_id_number) or ""
    officer.certificate_no = sj.checked("zfzh", ids.check_chongqing_certificate_no) or ""
    officer.certificate_status = (
        sj.choice("zjzt", CERTIFICATE_STATUS) or common_pb2.CERTIFICATE_STATUS_UNSPECIFIED
    )
    officer.certificate_valid_until = sj.checked("zjyxq", parse_iso_date) or ""
    officer.agency_name = sj.text("dwmc")
    officer.agency_code = sj.checked("dwdm", ids.check_credit_code) or ""
    officer.domains.extend(sj.strings("zfly", _domain))
    officer.training_hours_tenths = _hours(sj)
    if meta.HasField("updated_at"):  # the spec's pxxs counts "this year": the year of the change
        officer.training_year = local_date(meta.updated_at).year
    officer.dispatched = bool(sj.choice("sfzq", DISPATCHED))


def _subject(sj: _Obj, meta: common_pb2.RecordMeta, delete: bool, subject: subjects_pb2.Subject) -> None:
    code = sj.checked("tyshxydm", ids.check_credit_code) or ""
    meta.local_id = code
    subject.credit_code = code
    if delete:
        return
    subject.name = sj.text("dwmc")
    subject.legal_representative = sj.text("fddbr")
    subject.address = sj.text("zcdz")
    subject.region_code = sj.checked("xzqh", ids.check_region_code) or ""
    subject.industry_code = sj.checked("hydm", check_industry) or ""
    subject.credit_grade = sj.choice("xydj", CREDIT_GRADE) or common_pb2.CREDIT_GRADE_UNSPECIFIED


def _inspection(
    sj: _Obj, meta: common_pb2.RecordMeta, delete: bool, inspection: inspections_pb2.Inspection
) -> None:
    meta.local_id = sj.checked("jcid", ids.check_chongqing_inspection_id) or ""
    if delete:
        return
    inspection.inspection_code = sj.text("jcm", max_len=64)
    inspection.item_code = sj.checked("sxbm", ids.check_chongqing_item_code) or ""
    officers = sj.strings("ryid", check_officer_ref)
    if "ryid" in sj.obj and isinstance(sj.obj["ryid"], list) and len(sj.obj["ryid"]) < 2:
        sj.problems.add(sj.name("ryid"), "an inspection needs at least two officers")
    inspection.officer_ids.extend(officers)
    inspection.subject_credit_code = sj.checked("tyshxydm", ids.check_credit_code) or ""
    inspected_at = sj.checked("jcsj", parse_local_datetime)
    if inspected_at is not None:
        inspection.inspected_at.CopyFrom(inspected_at)
    inspection.result = sj.choice("jcjg", RESULT) or common_pb2.INSPECTION_RESULT_UNSPECIFIED


_RECORD_FIELD = {
    common_pb2.RECORD_KIND_OFFICER: "officer",
    common_pb2.RECORD_KIND_SUBJECT: "subject",
    common_pb2.RECORD_KIND_INSPECTION: "inspection",
}


def _record(
    kind: common_pb2.RecordKind, sj: _Obj, meta: common_pb2.RecordMeta, delete: bool, record: sync_pb2.Record
) -> None:
    if kind == common_pb2.RECORD_KIND_OFFICER:
        _officer(sj, meta, delete, record.officer)
    elif kind == common_pb2.RECORD_KIND_SUBJECT:
        _subject(sj, meta, delete, record.subject)
    else:
        _inspection(sj, meta, delete, record.inspection)


def translate_line(obj: object) -> sync_pb2.PushEntry:
    """The PushEntry for one parsed line; raises Refused with every (field, reason) otherwise."""
    if not isinstance(obj, dict):
        raise Refused([("", f"a line must be a JSON object, got {_json_type(obj)}")])
    problems = Problems()
    line = _Obj(obj, "", problems)
    lx = line.string("lx")
    kind = None
    if lx in ZONE_KINDS:
        problems.add("lx", f"{lx} is written by the zone, never read from a platform")
    elif lx is not None:
        kind = line.choice("lx", KINDS)
    operation = line.choice("czlx", OPERATIONS)
    version = _version(line)
    changed: timestamp_pb2.Timestamp | None = line.checked("gxsj", parse_local_datetime)
    body = line.value("sj")
    if body is not None and not isinstance(body, dict):
        problems.add("sj", f"must be a JSON object, got {_json_type(body)}")
    if kind is None or operation is None or not isinstance(body, dict):
        raise Refused(problems.found)  # each missing part above recorded why
    delete = operation == common_pb2.OPERATION_DELETE
    entry = sync_pb2.PushEntry(operation=operation, kind=kind, version=version)
    meta = getattr(entry.record, _RECORD_FIELD[kind]).meta  # written in place (see the builders)
    meta.origin = CHONGQING
    meta.version = version
    if changed is not None:
        meta.updated_at.CopyFrom(changed)
    _record(kind, _Obj(body, "sj.", problems), meta, delete, entry.record)
    problems.raise_if_any()
    entry.local_id = meta.local_id
    return entry
