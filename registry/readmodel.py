"""The zone's read model: every live record in memory, at one revision, fed by the change log.

Like the Kubernetes API server's watch cache: hot reads (GetOfficer, ListSubjects) never touch the
database, because one primary-key SELECT costs more than the gRPC call itself (engineering.md).
`load` takes a consistent snapshot of the tables at revision R; `apply` folds in change-log entries
after R, in revision order. Readers see whole revisions only: one lock guards the swap.
"""

from __future__ import annotations

import base64
import binascii
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sortedcontainers import SortedList
from sqlalchemy import Engine, select

from gaozhu.registry.changelog import (
    ChangeRecord,
    Operation,
    Origin,
    RecordKind,
    current_revision,
)
from gaozhu.registry.db import read_consistently
from gaozhu.registry.errors import FieldViolation, InvalidArgument, NotFound
from gaozhu.registry.models import OfficerDomain, OfficerRow, SubjectRow
from gaozhu.registry.records import (
    CertificateStatus,
    CreditGrade,
    Gender,
    OfficerView,
    StoredMeta,
    Subject,
    SubjectView,
    officer_from_payload,
    subject_from_payload,
)

V = TypeVar("V")
MAX_PAGE = 500
DEFAULT_PAGE = 50


class _SortedIndex(Generic[V]):
    """Records by key, with keys kept sorted for stable, resumable paging. A SortedList keeps an
    insert O(log n): a plain list with bisect.insort moves every later key on each new record."""

    def __init__(self) -> None:
        self.by_key: dict[str, V] = {}
        self.keys: SortedList = SortedList()

    def put(self, key: str, value: V) -> None:
        if key not in self.by_key:
            self.keys.add(key)
        self.by_key[key] = value

    def remove(self, key: str) -> None:
        if self.by_key.pop(key, None) is not None:
            self.keys.remove(key)

    def page(self, after: str, size: int, keep: Callable[[V], bool]) -> tuple[list[V], str]:
        """Up to `size` matching records with key > after, and the last key if more may follow."""
        out: list[V] = []
        last = ""
        for key in self.keys.irange(minimum=after, inclusive=(False, True)):
            if len(out) == size:
                return out, last  # more keys follow
            value = self.by_key[key]
            if keep(value):
                out.append(value)
                last = key
        return out, ""


@dataclass(frozen=True, slots=True)
class Page(Generic[V]):
    records: list[V]
    next_page_token: str


def encode_token(kind: str, last_key: str, filters: dict[str, Any]) -> str:
    if not last_key:
        return ""
    body = json.dumps({"k": kind, "a": last_key, "f": filters}, sort_keys=True, ensure_ascii=False)
    return base64.urlsafe_b64encode(body.encode("utf-8")).decode("ascii")


def decode_token(kind: str, token: str, filters: dict[str, Any]) -> str:
    """The key to resume after; the token must come from the same listing with the same filters."""
    if not token:
        return ""
    try:
        body = json.loads(base64.urlsafe_b64decode(token.encode("ascii")))
        ok = isinstance(body, dict) and body.get("k") == kind and body.get("f") == filters
        after = body.get("a") if ok else None
    except (ValueError, binascii.Error, UnicodeError):
        after = None
    if not isinstance(after, str) or not after:
        raise InvalidArgument(
            [
                FieldViolation(
                    "page_token", "not a token from this listing with these filters; start without one"
                )
            ]
        )
    return after


def page_size(requested: int) -> int:
    if requested < 0:
        raise InvalidArgument([FieldViolation("page_size", "must not be negative")])
    return min(requested or DEFAULT_PAGE, MAX_PAGE)


class ReadModel:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.revision = 0
        self.officers: _SortedIndex[OfficerView] = _SortedIndex()
        self.officers_by_local: dict[tuple[str, str], str] = {}
        self.subjects: _SortedIndex[SubjectView] = _SortedIndex()

    # --- loading and applying --------------------------------------------------------------------

    @classmethod
    def load(cls, engine: Engine) -> ReadModel:
        """A consistent snapshot of the tables (one read transaction) at the revision it reports."""
        model = cls()
        with read_consistently(engine) as s, s.begin():
            model.revision = current_revision(s)[0]
            domains: dict[str, list[str]] = {}
            for officer_id, domain in s.execute(
                select(OfficerDomain.officer_id, OfficerDomain.domain).order_by(OfficerDomain.domain)
            ):
                domains.setdefault(officer_id, []).append(domain)
            for row in s.scalars(select(OfficerRow)):
                model._put_officer(officer_view(row, tuple(domains.get(row.zone_id, ()))))
            for srow in s.scalars(select(SubjectRow)):
                model.subjects.put(srow.credit_code, subject_view(srow))
        return model

    def apply(self, entries: Iterable[ChangeRecord]) -> None:
        with self._lock:
            for e in entries:
                if e.revision <= self.revision:
                    continue
                if e.revision != self.revision + 1:
                    raise RuntimeError(f"read model at {self.revision} was handed revision {e.revision}")
                self._apply_one(e)
                self.revision = e.revision

    def _apply_one(self, e: ChangeRecord) -> None:
        kind, op = RecordKind(e.kind), Operation(e.operation)
        if kind is RecordKind.OFFICER:
            if op is Operation.DELETE:
                old = self.officers.by_key.get(e.key)
                if old is not None:
                    self.officers_by_local.pop((old.meta.origin.value, old.meta.local_id), None)
                self.officers.remove(e.key)
            elif e.payload is not None:
                self._put_officer(officer_from_payload(e.payload, e.revision))
        elif kind is RecordKind.SUBJECT:
            if op is Operation.DELETE:
                self.subjects.remove(e.key)
            elif e.payload is not None:
                self.subjects.put(e.key, subject_from_payload(e.payload, e.revision))

    def _put_officer(self, view: OfficerView) -> None:
        self.officers.put(view.zone_id, view)
        self.officers_by_local[(view.meta.origin.value, view.meta.local_id)] = view.zone_id

    # --- queries ----------------------------------------------------------------------------------

    def officer(self, zone_or_local_id: str) -> OfficerView:
        key = zone_or_local_id.strip().upper()
        with self._lock:
            view = self.officers.by_key.get(key)
            if view is None:
                for origin in (Origin.CHONGQING, Origin.SICHUAN):
                    zone_id = self.officers_by_local.get((origin.value, key))
                    if zone_id is not None:
                        view = self.officers.by_key.get(zone_id)
                        break
        if view is None:
            raise NotFound(f"no officer {key!r}")
        return view

    def list_officers(
        self,
        *,
        size: int,
        token: str,
        origin: Origin | None = None,
        domain: str | None = None,
        certificate_status: CertificateStatus | None = None,
        dispatched: bool | None = None,
        name_prefix: str = "",
    ) -> Page[OfficerView]:
        filters = {
            "origin": origin.value if origin else None,
            "domain": domain,
            "status": certificate_status.value if certificate_status else None,
            "dispatched": dispatched,
            "name": name_prefix,
        }
        after = decode_token("officers", token, filters)

        def keep(o: OfficerView) -> bool:
            return (
                (origin is None or o.meta.origin is origin)
                and (domain is None or domain in o.domains)
                and (certificate_status is None or o.certificate_status is certificate_status)
                and (dispatched is None or o.dispatched == dispatched)
                and o.name.startswith(name_prefix)
            )

        with self._lock:
            records, last = self.officers.page(after, page_size(size), keep)
        return Page(records, encode_token("officers", last, filters))

    def subject(self, credit_code: str) -> SubjectView:
        key = credit_code.strip().upper()
        with self._lock:
            view = self.subjects.by_key.get(key)
        if view is None:
            raise NotFound(f"no enterprise with credit code {key!r}")
        return view

    def list_subjects(
        self,
        *,
        size: int,
        token: str,
        region_code: str = "",
        credit_grade: CreditGrade | None = None,
        industry_code: str = "",
        name_contains: str = "",
    ) -> Page[SubjectView]:
        filters = {
            "region": region_code,
            "grade": credit_grade.value if credit_grade else None,
            "industry": industry_code,
            "name": name_contains,
        }
        after = decode_token("subjects", token, filters)

        def keep(v: SubjectView) -> bool:
            s = v.subject
            return (
                (not region_code or s.region_code == region_code)
                and (credit_grade is None or s.credit_grade is credit_grade)
                and s.industry_code.startswith(industry_code)
                and name_contains in s.name
            )

        with self._lock:
            records, last = self.subjects.page(after, page_size(size), keep)
        return Page(records, encode_token("subjects", last, filters))


def officer_view(row: OfficerRow, domains: tuple[str, ...]) -> OfficerView:
    return OfficerView(
        zone_id=row.zone_id,
        meta=StoredMeta(Origin(row.origin), row.local_id, row.version, row.revision),
        name=row.name,
        gender=Gender(row.gender),
        id_number_masked=row.id_number_masked,
        agency_name=row.agency_name,
        agency_code=row.agency_code,
        certificate_no=row.certificate_no,
        certificate_status=CertificateStatus(row.certificate_status),
        certificate_status_reason=row.certificate_status_reason,
        certificate_valid_until=row.certificate_valid_until,
        domains=domains,
        training_hours_tenths=row.training_hours_tenths,
        training_year=row.training_year,
        dispatched=row.dispatched,
        updated_at=row.updated_at,
    )


def subject_view(row: SubjectRow) -> SubjectView:
    return SubjectView(
        meta=StoredMeta(Origin(row.origin), row.credit_code, row.version, row.revision),
        subject=Subject(
            credit_code=row.credit_code,
            name=row.name,
            region_code=row.region_code,
            address=row.address,
            industry_code=row.industry_code,
            credit_grade=CreditGrade(row.credit_grade),
            legal_representative=row.legal_representative,
            updated_at=row.updated_at,
        ),
    )
