"""Reading the zone catalogue from the store: items, the crosswalk, and baselines in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from gaozhu.registry.catalogue import ItemKind, LegalRef
from gaozhu.registry.errors import NotFound
from gaozhu.registry.models import BaselineRow, BaselineTierRow, ItemLocalCode, ItemRow
from gaozhu.registry.sanctions import (
    FineRange,
    Tier,
    TierName,
    range_from_dict,
    range_to_dict,
    tier_from_dict,
    tier_to_dict,
)


@dataclass(frozen=True, slots=True)
class ItemRecord:
    code: str
    name: str
    domain: str
    kind: ItemKind
    basis: LegalRef
    penalty_basis: LegalRef
    statutory: FineRange | None
    other_sanctions: tuple[str, ...]
    status: str
    local_codes: dict[str, str]
    effective_from: datetime
    withdrawn_at: datetime | None
    version: int
    revision: int


@dataclass(frozen=True, slots=True)
class BaselineRecord:
    item_code: str
    version: int
    label: str
    effective_from: datetime
    published_at: datetime
    revision: int
    tiers: tuple[Tier, ...]


def _legal_ref(data: dict[str, Any]) -> LegalRef:
    return LegalRef(law=data["law"], version=data["version"], article=data["article"])


def _item_record(row: ItemRow, local_codes: dict[str, str]) -> ItemRecord:
    return ItemRecord(
        code=row.code,
        name=row.name,
        domain=row.domain,
        kind=ItemKind(row.kind),
        basis=_legal_ref(row.basis),
        penalty_basis=_legal_ref(row.penalty_basis),
        statutory=range_from_dict(row.statutory) if row.statutory else None,
        other_sanctions=tuple(row.other_sanctions),
        status=row.status,
        local_codes=local_codes,
        effective_from=row.effective_from,
        withdrawn_at=row.withdrawn_at,
        version=row.version,
        revision=row.revision,
    )


def _local_codes(session: Session, codes: list[str] | None = None) -> dict[str, dict[str, str]]:
    stmt = select(ItemLocalCode)
    if codes is not None:
        stmt = stmt.where(ItemLocalCode.item_code.in_(codes))
    out: dict[str, dict[str, str]] = {}
    for row in session.scalars(stmt):
        out.setdefault(row.item_code, {})[row.origin] = row.code
    return out


def list_items(
    session: Session,
    *,
    domain: str | None = None,
    kind: str | None = None,
    status: str | None = None,
) -> list[ItemRecord]:
    """Items in zone-code order, filtered by domain, kind and status when given."""
    stmt = select(ItemRow).order_by(ItemRow.code)
    if domain:
        stmt = stmt.where(ItemRow.domain == domain)
    if kind:
        stmt = stmt.where(ItemRow.kind == kind)
    if status:
        stmt = stmt.where(ItemRow.status == status)
    rows = list(session.scalars(stmt))
    codes = _local_codes(session)
    return [_item_record(r, codes.get(r.code, {})) for r in rows]


def resolve_item_code(session: Session, code: str) -> str:
    """The zone code for a zone code or either province's local code (the crosswalk)."""
    code = code.strip().upper()
    if session.get(ItemRow, code) is not None:
        return code
    zone = session.scalars(select(ItemLocalCode.item_code).where(ItemLocalCode.code == code)).first()
    if zone is None:
        raise NotFound(f"no item with zone or local code {code!r}")
    return zone


def get_item(session: Session, code: str) -> ItemRecord:
    zone_code = resolve_item_code(session, code)
    row = session.get(ItemRow, zone_code)
    assert row is not None
    return _item_record(row, _local_codes(session, [zone_code]).get(zone_code, {}))


def baseline_record(session: Session, row: BaselineRow) -> BaselineRecord:
    tier_rows = session.scalars(
        select(BaselineTierRow).where(BaselineTierRow.baseline_id == row.id).order_by(BaselineTierRow.ordinal)
    )
    tiers = tuple(
        Tier(
            name=TierName(t.name),
            condition=t.condition,
            when=dict(t.when),
            fine=range_from_dict(t.fine) if t.fine else None,
            other_sanctions=tuple(t.other_sanctions),
        )
        for t in tier_rows
    )
    return BaselineRecord(
        item_code=row.item_code,
        version=row.version,
        label=row.label,
        effective_from=row.effective_from,
        published_at=row.published_at,
        revision=row.revision,
        tiers=tiers,
    )


def baseline_at(session: Session, item_code: str, at: datetime | None = None) -> BaselineRecord:
    """The baseline version in force at `at` (default: now): the latest that took effect by then."""
    zone_code = resolve_item_code(session, item_code)
    moment = at or datetime.now(UTC)
    row = session.scalars(
        select(BaselineRow)
        .where(
            BaselineRow.item_code == zone_code, BaselineRow.effective_from <= moment, BaselineRow.revision > 0
        )
        .order_by(BaselineRow.effective_from.desc(), BaselineRow.version.desc())
        .limit(1)
    ).first()
    if row is None:
        raise NotFound(f"item {zone_code} has no baseline in force at {moment.isoformat()}")
    return baseline_record(session, row)


def list_baselines(session: Session, item_code: str) -> list[BaselineRecord]:
    zone_code = resolve_item_code(session, item_code)
    rows = session.scalars(
        select(BaselineRow).where(BaselineRow.item_code == zone_code).order_by(BaselineRow.version)
    )
    return [baseline_record(session, r) for r in rows]


def item_json(record: ItemRecord) -> dict[str, Any]:
    return {
        "code": record.code,
        "name": record.name,
        "domain": record.domain,
        "kind": record.kind.value,
        "basis": vars_of(record.basis),
        "penalty_basis": vars_of(record.penalty_basis),
        "statutory": range_to_dict(record.statutory) if record.statutory else None,
        "other_sanctions": list(record.other_sanctions),
        "status": record.status,
        "local_codes": record.local_codes,
        "effective_from": record.effective_from.isoformat(),
        "withdrawn_at": record.withdrawn_at.isoformat() if record.withdrawn_at else None,
        "version": record.version,
        "revision": record.revision,
    }


def baseline_json(record: BaselineRecord) -> dict[str, Any]:
    return {
        "item_code": record.item_code,
        "version": record.version,
        "label": record.label,
        "effective_from": record.effective_from.isoformat(),
        "published_at": record.published_at.isoformat(),
        "revision": record.revision,
        "tiers": [tier_to_dict(t) for t in record.tiers],
    }


def item_from_json(d: dict[str, Any], revision: int) -> ItemRecord:
    """An item from its change-log payload (the `item_json` shape)."""
    return ItemRecord(
        code=d["code"],
        name=d["name"],
        domain=d["domain"],
        kind=ItemKind(d["kind"]),
        basis=_legal_ref(d["basis"]),
        penalty_basis=_legal_ref(d["penalty_basis"]),
        statutory=range_from_dict(d["statutory"]) if d.get("statutory") else None,
        other_sanctions=tuple(d["other_sanctions"]),
        status=d["status"],
        local_codes=dict(d["local_codes"]),
        effective_from=datetime.fromisoformat(d["effective_from"]),
        withdrawn_at=datetime.fromisoformat(d["withdrawn_at"]) if d.get("withdrawn_at") else None,
        version=int(d["version"]),
        revision=revision,
    )


def baseline_from_json(d: dict[str, Any], revision: int) -> BaselineRecord:
    """A baseline version from its change-log payload (the `baseline_json` shape)."""
    return BaselineRecord(
        item_code=d["item_code"],
        version=int(d["version"]),
        label=d["label"],
        effective_from=datetime.fromisoformat(d["effective_from"]),
        published_at=datetime.fromisoformat(d["published_at"]),
        revision=revision,
        tiers=tuple(tier_from_dict(t) for t in d["tiers"]),
    )


def vars_of(ref: LegalRef) -> dict[str, str]:
    return {"law": ref.law, "version": ref.version, "article": ref.article}
