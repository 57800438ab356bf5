"""What the zone writes for Sichuan: packages of Matter, Baseline and Chongqing Officer elements.

Packages come from sender `000000` (the zone), packageId `000000YYYYMMDDNNNNN`, and appear only
complete: written as `<packageId>.xml.part` (not a package name, so no reader picks it up), fsynced,
then renamed. The zone writes money in yuan (`unit="元"`), two decimals; `parse_fine` also reads
`万元`, as Sichuan may send it.

A tier's `Fine` is a yuan range. A proportional or per-unit fine is not one, so such a tier has no
`Fine` (no reader takes a ratio for yuan) but a `FineRule` element, which schema version 2 readers
ignore as unknown: its attributes are the rule as data (zone.fine_rule: `form="比例" base="违法所得"
minBp="10000" maxBp="50000"`, or `form="单价" per="平方米" min="100.00" max="1000.00" unit="元"`)
and its text the rule in words. Other sanctions go in `Sanction` children of the tier, likewise extra.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from google.protobuf import timestamp_pb2

from gaozhu.adapters import zone
from gaozhu.adapters.common import (
    fen_to_yuan,
    format_iso_datetime,
    local_date,
    local_midnight,
    wan_yuan_to_fen,
    yuan_to_fen,
)
from gaozhu.adapters.sichuan.elements import text_of
from gaozhu.adapters.sichuan.reverse import officer_element, record_element
from gaozhu.adapters.sichuan.schema import ITEM_KIND, ITEM_STATE, NS, format_cn_date, parse_cn_date, q
from gaozhu.registry.domains import BY_NAME_ZH, BY_ZONE
from gaozhu.registry.identifiers import mask_id_number
from gaozhu.v1 import common_pb2, items_pb2, personnel_pb2

__all__ = [
    "ZONE_SENDER",
    "baseline_element",
    "baseline_from_element",
    "dispatched_officer_element",
    "matter_element",
    "matter_from_element",
    "package_bytes",
    "parse_fine",
    "write_package",
    "zone_package_id",
]

ZONE_SENDER = "000000"
_KIND = {v: k for k, v in ITEM_KIND.items()}
_STATE = {v: k for k, v in ITEM_STATE.items()}


def parse_fine(minimum: str, maximum: str, unit: str) -> tuple[int, int]:
    """A Fine's (min, max) in fen, from `元` or `万元` text; never through a float."""
    if unit.strip() == "元":
        low, high = yuan_to_fen(minimum), yuan_to_fen(maximum)
    elif unit.strip() == "万元":
        low, high = wan_yuan_to_fen(minimum), wan_yuan_to_fen(maximum)
    else:
        raise ValueError("unit must be 元 or 万元")
    if low > high:
        raise ValueError("min is above max")
    return low, high


def _text(parent: Element, tag: str, text: str) -> None:
    SubElement(parent, tag).text = text


def matter_element(item: items_pb2.Item) -> Element:
    """A zone item as a Matter (ValueError if the item has no Sichuan code)."""
    out = record_element("Matter", False, item.meta.version or 1)
    _text(out, "ZoneCode", item.code)
    _text(out, "LocalCode", zone.local_code(item, common_pb2.ORIGIN_SICHUAN))
    _text(out, "Name", item.name)
    _text(out, "Field", BY_ZONE[item.domain].name_zh)
    _text(out, "Kind", _KIND[item.kind])
    _text(
        out,
        "Basis",
        zone.basis_text(item.basis, item.penalty_basis if item.HasField("penalty_basis") else None),
    )
    _text(out, "State", _STATE[item.status])
    return out


def _tier(parent: Element, tier: items_pb2.Tier) -> None:
    out = SubElement(parent, "Tier", {"name": zone.TIER_ZH[tier.name]})
    _text(out, "Condition", tier.condition)
    if tier.fine.WhichOneof("range") == "fixed":
        fixed = tier.fine.fixed
        SubElement(
            out, "Fine", {"min": fen_to_yuan(fixed.min_fen), "max": fen_to_yuan(fixed.max_fen), "unit": "元"}
        )
    elif rule := zone.fine_rule(tier.fine):
        SubElement(out, "FineRule", rule).text = zone.describe_fine(tier.fine)
    for sanction in tier.other_sanctions:
        _text(out, "Sanction", sanction)


def baseline_element(baseline: items_pb2.Baseline, local_code: str) -> Element:
    """A baseline version as a Baseline; `local_code` is its item's Sichuan code."""
    out = record_element("Baseline", False, baseline.version or baseline.meta.version)
    out.set("matter", local_code)
    out.set("zone", baseline.item_code)
    out.set("label", baseline.label)
    out.set("effectiveFrom", format_cn_date(local_date(baseline.effective_from)))
    for tier in baseline.tiers:
        _tier(out, tier)
    return out


def dispatched_officer_element(officer: personnel_pb2.Officer, *, delete: bool = False) -> Element:
    """A Chongqing officer dispatched to the zone, keyed by zone id, the ID number masked."""
    if officer.meta.origin != common_pb2.ORIGIN_CHONGQING:
        raise ValueError("only officers of the other province are written for Sichuan")
    if not officer.zone_id:
        raise ValueError("the officer has no zone id yet")
    out = record_element("Officer", delete, officer.meta.version)
    if delete:
        _text(out, "Id", officer.zone_id)
        return out
    masked = officer.id_number_masked or mask_id_number(officer.id_number)
    return officer_element(officer, out, officer_id=officer.zone_id, id_card=masked)


def zone_package_id(day: date, serial: int) -> str:
    if not 1 <= serial <= 99_999:
        raise ValueError("serial must be 1–99999")
    return f"{ZONE_SENDER}{day:%Y%m%d}{serial:05d}"


def package_bytes(
    package_id: str,
    elements: Iterable[Element],
    *,
    encoding: str = "UTF-8",
    exported_at: datetime | None = None,
) -> bytes:
    """A whole package document, declared and encoded as `encoding` (UTF-8 or GB18030)."""
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime((exported_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0))
    root = Element(
        "DataPackage",
        {
            "xmlns": NS,
            "packageId": package_id,
            "sender": package_id[:6],
            "exportedAt": format_iso_datetime(stamp),
        },
    )
    root.extend(elements)
    body = tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="{encoding}"?>\n{body}\n'.encode(encoding)


def write_package(
    outbox_dir: Path | str, day: date, serial: int, elements: Iterable[Element], *, encoding: str = "UTF-8"
) -> Path:
    """Writes `<packageId>.xml` for the zone: temporary name, fsync, rename, directory fsync."""
    directory = Path(outbox_dir)
    package_id = zone_package_id(day, serial)
    final = directory / f"{package_id}.xml"
    part = final.with_name(final.name + ".part")
    with part.open("wb") as out:
        out.write(package_bytes(package_id, elements, encoding=encoding))
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, final)
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return final


# --- reading the zone's elements back (tests; a check that Sichuan sees what we meant) -----------


def _child_text(element: Any, tag: str) -> str:
    found = element.find(q(tag))
    if found is None:
        raise ValueError(f"{tag} missing")
    return text_of(found)


def matter_from_element(element: Any) -> items_pb2.Item:
    """The item a Matter element (as parsed from a package) describes, as far as it carries it."""
    basis, penalty = zone.parse_basis_text(_child_text(element, "Basis"))
    item = items_pb2.Item(
        meta=common_pb2.RecordMeta(origin=common_pb2.ORIGIN_ZONE, version=int(element.get("ver"))),
        code=_child_text(element, "ZoneCode"),
        name=_child_text(element, "Name"),
        domain=BY_NAME_ZH[_child_text(element, "Field")].zone,
        kind=ITEM_KIND[_child_text(element, "Kind")],
        basis=basis,
        status=ITEM_STATE[_child_text(element, "State")],
        local_codes=[
            common_pb2.LocalCode(origin=common_pb2.ORIGIN_SICHUAN, code=_child_text(element, "LocalCode"))
        ],
    )
    item.meta.local_id = item.code
    if penalty is not None:
        item.penalty_basis.CopyFrom(penalty)
    return item


def _tier_back(element: Any) -> items_pb2.Tier:
    tier = items_pb2.Tier(
        name=zone.TIER_FROM_ZH[element.get("name")],
        condition=_child_text(element, "Condition"),
        other_sanctions=[text_of(s) for s in element.findall(q("Sanction"))],
    )
    fine, rule = element.find(q("Fine")), element.find(q("FineRule"))
    if fine is not None:
        low, high = parse_fine(fine.get("min", ""), fine.get("max", ""), fine.get("unit", ""))
        tier.fine.fixed.min_fen, tier.fine.fixed.max_fen = low, high
    elif rule is not None:
        tier.fine.CopyFrom(zone.fine_from_rule(dict(rule.attrib)))
    return tier


def baseline_from_element(element: Any) -> tuple[items_pb2.Baseline, str]:
    """(the baseline a Baseline element describes, its item's Sichuan code)."""
    baseline = items_pb2.Baseline(
        item_code=element.get("zone"),
        version=int(element.get("ver")),
        label=element.get("label"),
        effective_from=local_midnight(date.fromisoformat(parse_cn_date(element.get("effectiveFrom")))),
        tiers=[_tier_back(t) for t in element.findall(q("Tier"))],
    )
    return baseline, element.get("matter")
