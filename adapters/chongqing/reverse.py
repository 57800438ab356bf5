"""Common records -> Chongqing change lines: the inverse of inbound.translate_line.

Used for the zone's own output (officers of Sichuan dispatched to the zone) and by the property
tests: a line read and written again means the same, and a record written and read again is the
same record for everything the line can carry. Inserts and updates are both written `U`.
"""

from __future__ import annotations

from typing import Any

from gaozhu.adapters.chongqing.inbound import (
    CERTIFICATE_STATUS,
    CREDIT_GRADE,
    GENDER,
    KINDS,
    RESULT,
)
from gaozhu.adapters.common import format_local_datetime, tenths_to_hours
from gaozhu.registry.domains import BY_ZONE
from gaozhu.v1 import common_pb2, inspections_pb2, personnel_pb2, subjects_pb2, sync_pb2

__all__ = ["entry_to_line", "inspection_sj", "line", "officer_sj", "subject_sj"]

_LX = {kind: lx for lx, kind in KINDS.items()}
_GENDER = {v: k for k, v in GENDER.items()}
_STATUS = {v: k for k, v in CERTIFICATE_STATUS.items()}
_GRADE = {v: k for k, v in CREDIT_GRADE.items()}
_RESULT = {v: k for k, v in RESULT.items()}


def line(
    lx: str, delete: bool, version: int, meta: common_pb2.RecordMeta, sj: dict[str, Any]
) -> dict[str, Any]:
    """One line; `gxsj` is the record's change time, which a line cannot go without."""
    if not meta.HasField("updated_at"):
        raise ValueError(f"{lx} {meta.local_id}: meta.updated_at is needed for gxsj")
    return {
        "lx": lx,
        "czlx": "D" if delete else "U",
        "bbh": version,
        "gxsj": format_local_datetime(meta.updated_at),
        "sj": sj,
    }


def officer_sj(officer: personnel_pb2.Officer, *, ryid: str, sfzh: str) -> dict[str, Any]:
    """`ryid` and `sfzh` are the caller's choice: the local id and ID number for a Chongqing officer,
    the zone id and the masked number for an officer the zone sends to Chongqing."""
    return {
        "ryid": ryid,
        "xm": officer.name,
        "xb": _GENDER[officer.gender],
        "sfzh": sfzh,
        "zfzh": officer.certificate_no,
        "zjzt": _STATUS[officer.certificate_status],
        "zjyxq": officer.certificate_valid_until,
        "dwmc": officer.agency_name,
        "dwdm": officer.agency_code,
        "zfly": [BY_ZONE[d].chongqing for d in officer.domains],
        "pxxs": tenths_to_hours(officer.training_hours_tenths),
        "sfzq": "1" if officer.dispatched else "0",
    }


def subject_sj(subject: subjects_pb2.Subject) -> dict[str, Any]:
    return {
        "tyshxydm": subject.credit_code,
        "dwmc": subject.name,
        "fddbr": subject.legal_representative,
        "zcdz": subject.address,
        "xzqh": subject.region_code,
        "hydm": subject.industry_code,
        "xydj": _GRADE[subject.credit_grade],
    }


def inspection_sj(inspection: inspections_pb2.Inspection) -> dict[str, Any]:
    return {
        "jcid": inspection.meta.local_id,
        "jcm": inspection.inspection_code,
        "sxbm": inspection.item_code,
        "ryid": list(inspection.officer_ids),
        "tyshxydm": inspection.subject_credit_code,
        "jcsj": format_local_datetime(inspection.inspected_at),
        "jcjg": _RESULT[inspection.result],
    }


def entry_to_line(entry: sync_pb2.PushEntry) -> dict[str, Any]:
    """The Chongqing line for a Chongqing record's PushEntry (KeyError for a value the line has no code for)."""
    delete = entry.operation == common_pb2.OPERATION_DELETE
    lx = _LX[entry.kind]
    record = entry.record
    if entry.kind == common_pb2.RECORD_KIND_OFFICER:
        o = record.officer
        sj = {"ryid": o.local_id} if delete else officer_sj(o, ryid=o.local_id, sfzh=o.id_number)
        return line(lx, delete, entry.version, o.meta, sj)
    if entry.kind == common_pb2.RECORD_KIND_SUBJECT:
        s = record.subject
        sj = {"tyshxydm": s.credit_code} if delete else subject_sj(s)
        return line(lx, delete, entry.version, s.meta, sj)
    i = record.inspection
    sj = {"jcid": i.meta.local_id} if delete else inspection_sj(i)
    return line(lx, delete, entry.version, i.meta, sj)
