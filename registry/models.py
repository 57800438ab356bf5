"""Storage models of the zone registry (SQLAlchemy 2.x, typed).

Only live records sit in the record tables; `record_versions` remembers the last version and the
deletion of every record any origin ever sent, so a replayed or older write is recognised as a
duplicate or stale even after a delete. `change_log` is the zone's one ordered history: revision N
is the N-th committed change (see changelog.py for how the numbers stay gap-free).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on both stores (SQLite would hand back naive values)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class ZoneState(Base):
    """One row: the current zone revision and the compaction point of the change log."""

    __tablename__ = "zone_state"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(BigInteger, default=0)
    compacted_revision: Mapped[int] = mapped_column(BigInteger, default=0)


class DomainRow(Base):
    __tablename__ = "domains"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    chongqing_code: Mapped[str] = mapped_column(String(4), unique=True)
    sichuan_code: Mapped[str] = mapped_column(String(2), unique=True)
    name_zh: Mapped[str] = mapped_column(String(32))
    name_en: Mapped[str] = mapped_column(String(64))


class ItemRow(Base):
    """A devolved enforcement item (执法事项); zone-owned, changed only by migration or an admin."""

    __tablename__ = "items"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    domain: Mapped[str] = mapped_column(ForeignKey("domains.code"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    basis: Mapped[dict[str, Any]]
    penalty_basis: Mapped[dict[str, Any]]
    statutory: Mapped[dict[str, Any] | None]
    other_sanctions: Mapped[list[Any]]
    status: Mapped[str] = mapped_column(String(16))
    effective_from: Mapped[datetime]
    withdrawn_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(BigInteger)
    revision: Mapped[int] = mapped_column(BigInteger)


class ItemLocalCode(Base):
    """The crosswalk: each province's own code for a zone item, unique per province both ways."""

    __tablename__ = "item_local_codes"
    __table_args__ = (UniqueConstraint("origin", "item_code"),)
    origin: Mapped[str] = mapped_column(String(16), primary_key=True)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("items.code"), index=True)


class BaselineRow(Base):
    """One version of an item's unified discretion baseline, in force from `effective_from`."""

    __tablename__ = "baselines"
    __table_args__ = (UniqueConstraint("item_code", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("items.code"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(64))
    effective_from: Mapped[datetime]
    published_at: Mapped[datetime]
    revision: Mapped[int] = mapped_column(BigInteger)


class BaselineTierRow(Base):
    """An ordered tier of a baseline: circumstances that select it (data, not code) and its sanction."""

    __tablename__ = "baseline_tiers"
    baseline_id: Mapped[int] = mapped_column(ForeignKey("baselines.id", ondelete="CASCADE"), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(16))
    condition: Mapped[str] = mapped_column(Text)
    when: Mapped[dict[str, Any]]
    fine: Mapped[dict[str, Any] | None]
    other_sanctions: Mapped[list[Any]]


class OfficerRow(Base):
    """An officer of either province. The ID number is stored only encrypted, found by keyed hash."""

    __tablename__ = "officers"
    __table_args__ = (UniqueConstraint("origin", "local_id"),)
    zone_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    origin: Mapped[str] = mapped_column(String(16))
    local_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64), index=True)
    gender: Mapped[str] = mapped_column(String(8))
    id_number_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    id_number_hash: Mapped[str] = mapped_column(String(64), index=True)
    id_number_masked: Mapped[str] = mapped_column(String(18))
    agency_name: Mapped[str] = mapped_column(Text)
    agency_code: Mapped[str] = mapped_column(String(18))
    certificate_no: Mapped[str] = mapped_column(String(16))
    certificate_status: Mapped[str] = mapped_column(String(16), index=True)
    certificate_status_reason: Mapped[str] = mapped_column(String(64), default="")
    certificate_valid_until: Mapped[date] = mapped_column(Date)
    training_hours_tenths: Mapped[int] = mapped_column(Integer)
    training_year: Mapped[int] = mapped_column(Integer)
    dispatched: Mapped[bool] = mapped_column(Boolean, index=True)
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(BigInteger)
    revision: Mapped[int] = mapped_column(BigInteger)


class OfficerDomain(Base):
    __tablename__ = "officer_domains"
    officer_id: Mapped[str] = mapped_column(
        ForeignKey("officers.zone_id", ondelete="CASCADE"), primary_key=True
    )
    domain: Mapped[str] = mapped_column(ForeignKey("domains.code"), primary_key=True, index=True)


class SubjectRow(Base):
    """An enforcement subject (enterprise), keyed by its unified social credit code."""

    __tablename__ = "subjects"
    credit_code: Mapped[str] = mapped_column(String(18), primary_key=True)
    origin: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    region_code: Mapped[str] = mapped_column(String(6), index=True)
    address: Mapped[str] = mapped_column(Text)
    industry_code: Mapped[str] = mapped_column(String(8))
    credit_grade: Mapped[str] = mapped_column(String(1))
    legal_representative: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(BigInteger)
    revision: Mapped[int] = mapped_column(BigInteger)


class InspectionRow(Base):
    """An inspection, keyed by its local id (CQJC…/SCJC… prefixes keep the two sides apart)."""

    __tablename__ = "inspections"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    origin: Mapped[str] = mapped_column(String(16))
    inspection_code: Mapped[str] = mapped_column(String(64), index=True)
    item_code: Mapped[str] = mapped_column(ForeignKey("items.code"), index=True)
    officer_ids: Mapped[list[Any]]
    subject_credit_code: Mapped[str] = mapped_column(String(18), index=True)
    inspected_at: Mapped[datetime]
    result: Mapped[str] = mapped_column(String(24))
    version: Mapped[int] = mapped_column(BigInteger)
    revision: Mapped[int] = mapped_column(BigInteger)


class RecordVersion(Base):
    """Last version seen per (kind, origin, local id): the idempotency and staleness memory."""

    __tablename__ = "record_versions"
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    origin: Mapped[str] = mapped_column(String(16), primary_key=True)
    local_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean)
    revision: Mapped[int] = mapped_column(BigInteger)


class ChangeLogEntry(Base):
    """One committed change. Compaction removes old entries; current state stays in the tables."""

    __tablename__ = "change_log"
    revision: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(16))
    operation: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any] | None]
    committed_at: Mapped[datetime]


class QuarantineEntry(Base):
    """A rejected raw record, kept with the reasons until a corrected resubmission clears it."""

    __tablename__ = "quarantine"
    __table_args__ = (Index("ix_quarantine_record", "origin", "kind", "local_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    origin: Mapped[str] = mapped_column(String(16))
    caller: Mapped[str] = mapped_column(String(128))
    kind: Mapped[str] = mapped_column(String(16))
    local_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(BigInteger)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    violations: Mapped[list[Any]]
    received_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]


class AuditEntry(Base):
    """Append-only, hash-chained: each entry's hash covers its content and the previous hash."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(128))
    detail: Mapped[dict[str, Any]]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class PlatformStatus(Base):
    """When each platform last pushed, for `gaozhu sync status`."""

    __tablename__ = "platform_status"
    origin: Mapped[str] = mapped_column(String(16), primary_key=True)
    last_push_at: Mapped[datetime]
    last_push_revision: Mapped[int] = mapped_column(BigInteger)
