"""The two provinces' local baselines for one item, read from their own export formats, and the
favourable merge proposed from them (`gaozhu baseline merge`; pure: no store, no gateway).

- Chongqing: a JSON Lines file with `CLJZ` lines (adapters/chongqing/outbox.py): the line for the
  item, or the only one; of several versions of it, the highest (`bbh`).
- Sichuan: an XML file holding one `Baseline` element or a `DataPackage` with `Baseline` children, in
  namespace urn:sczf:exchange:2 (adapters/sichuan/outbox.py), parsed with defusedxml exactly as
  packages are (no DTD, no entities). Fines in `万元` are read exactly (never through a float).

Neither format carries a tier's circumstances as data (`when`), only as text. A tier would then
never be selected by the engine, so each tier takes the `when` of the tier of the same name in the
zone's shipped catalogue, and the proposal says so; a tier the catalogue lacks is flagged for a
human to write its `when`. Neither format keeps "X以下" apart from "0–X": a fixed range from 0 is read
as "up to X", as the catalogue writes it. The statutory range is the catalogue's.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from gaozhu.adapters.chongqing.outbox import baseline_from_line
from gaozhu.adapters.sichuan.outbox import baseline_from_element
from gaozhu.adapters.sichuan.package import PackageRefused, load_package
from gaozhu.adapters.sichuan.schema import NS, q
from gaozhu.gateway import convert
from gaozhu.gateway.tables import render_table
from gaozhu.registry.baseline_file import CHINA
from gaozhu.registry.catalogue import CatalogueItem, load_catalogue
from gaozhu.registry.errors import InvalidArgument
from gaozhu.registry.merge import MergeResult, merge_baselines
from gaozhu.registry.sanctions import TIER_NAME_ZH, Baseline, Fixed, Tier, TierName, describe
from gaozhu.v1 import items_pb2

__all__ = ["LocalBaseline", "Proposal", "SourceError", "propose", "read_chongqing", "read_sichuan"]


class SourceError(ValueError):
    """A local file that cannot give the baseline asked for; the message says which and why."""


@dataclass(frozen=True, slots=True)
class LocalBaseline:
    """One province's baseline for an item, as read: the zone code, the local code, the version."""

    zone_code: str
    local_code: str
    version: int
    baseline: Baseline


@dataclass(frozen=True, slots=True)
class Proposal:
    item: CatalogueItem
    chongqing: LocalBaseline
    sichuan: LocalBaseline
    result: MergeResult
    notes: tuple[str, ...]

    def comments(self) -> list[str]:
        """The header of the proposal file: sources, statute, notes, differences, violations."""
        cq, sc, r = self.chongqing, self.sichuan, self.result
        out = [
            f"Proposed unified baseline for {self.item.code} {self.item.name}",
            "favourable to the counterparty (有利相对人, domain notes §2.7); proposed by a tool, published by a person",
            f"Chongqing: {cq.local_code} v{cq.version} «{cq.baseline.label}» in force from "
            f"{_day(cq.baseline.effective_from)}",
            f"Sichuan:   {sc.local_code} v{sc.version} «{sc.baseline.label}» in force from "
            f"{_day(sc.baseline.effective_from)}",
            "statutory range: " + (describe(self.item.statutory) if self.item.statutory else "no fine"),
            "provenance: " + ", ".join(f"{name.value} {side}" for name, side in r.provenance),
            "",
            *self.notes,
            "",
            f"differences ({len(r.differences)}):",
            *(differences_table(r).splitlines() if r.differences else ["none"]),
            "",
            "NOT PUBLISHABLE as it stands; settle these first:" if r.violations else "violations: none",
            *(f"  {v.field}: {v.reason}" for v in r.violations),
        ]
        return out


def _day(moment: datetime) -> str:
    return moment.astimezone(CHINA).date().isoformat()


def differences_table(result: MergeResult) -> str:
    rows = [
        (d.tier.value, d.field, d.chongqing, d.sichuan, d.chosen, d.source, d.rule)
        for d in result.differences
    ]
    return render_table(("tier", "field", "Chongqing", "Sichuan", "chosen", "from", "rule"), rows)


# --- the catalogue ------------------------------------------------------------------------------


def catalogue_item(code: str, catalogue: list[CatalogueItem] | None = None) -> CatalogueItem:
    """The shipped catalogue's item named by its zone code or either local code."""
    wanted = code.strip().upper()
    for item in catalogue if catalogue is not None else load_catalogue():
        if wanted in (item.code, item.chongqing_code, item.sichuan_code):
            return item
    raise SourceError(f"no item {wanted!r} in the zone catalogue (zone code or either local code)")


# --- reading ------------------------------------------------------------------------------------


def _fixed_up_to(fine: Any) -> Any:
    return dataclasses.replace(fine, up_to=True) if isinstance(fine, Fixed) and fine.min_fen == 0 else fine


def _baseline(msg: items_pb2.Baseline, where: str) -> Baseline:
    try:
        tiers = tuple(convert.tier_from_proto(t, f"tiers[{i}]") for i, t in enumerate(msg.tiers))
    except InvalidArgument as exc:
        raise SourceError(f"{where}: {exc}") from None
    tiers = tuple(dataclasses.replace(t, fine=_fixed_up_to(t.fine)) for t in tiers)
    return Baseline(msg.label, convert.from_ts(msg.effective_from), tiers)


def _pick(found: list[LocalBaseline], item: CatalogueItem | None, what: str) -> LocalBaseline:
    """The item's baseline (named by zone or local code), or the only item's; its highest version."""
    if item is not None:
        local = (item.chongqing_code, item.sichuan_code)
        found = [b for b in found if b.zone_code == item.code or b.local_code in local]
    if not found:
        raise SourceError(f"{what}: no baseline" + (f" for {item.code}" if item else ""))
    codes = sorted({b.zone_code for b in found})
    if len(codes) > 1:
        raise SourceError(f"{what}: baselines of several items ({', '.join(codes)}): name one with --item")
    return max(found, key=lambda b: b.version)


def read_chongqing(path: Path, item: CatalogueItem | None = None) -> LocalBaseline:
    """The item's CLJZ baseline from a Chongqing JSON Lines file (module docstring)."""
    found: list[LocalBaseline] = []
    for n, text in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not text.strip():
            continue
        try:
            line = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SourceError(f"{path.name} line {n}: not JSON ({exc.msg})") from None
        if not isinstance(line, Mapping) or line.get("lx") != "CLJZ":
            continue
        try:
            msg, local = baseline_from_line(line)
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceError(f"{path.name} line {n}: not a CLJZ line the zone can read ({exc!r})") from None
        found.append(
            LocalBaseline(msg.item_code, local, msg.version, _baseline(msg, f"{path.name} line {n}"))
        )
    return _pick(found, item, path.name)


def _namespaced(element: Element) -> Element:
    """A bare `<Baseline>` (no namespace) as if it came in the exchange namespace."""
    for node in element.iter():
        if not node.tag.startswith("{"):
            node.tag = q(node.tag)
    return element


def read_sichuan(path: Path, item: CatalogueItem | None = None) -> LocalBaseline:
    """The item's Baseline element from a Sichuan XML file (module docstring)."""
    try:
        root = load_package(path)
    except PackageRefused as exc:
        raise SourceError(f"{path.name}: {exc}") from None
    if root.tag == "Baseline":
        root = _namespaced(root)
    if root.tag == q("Baseline"):
        elements = [root]
    elif root.tag == q("DataPackage"):
        elements = root.findall(q("Baseline"))
    else:
        raise SourceError(f"{path.name}: root must be Baseline or DataPackage in namespace {NS}")
    found: list[LocalBaseline] = []
    for n, element in enumerate(elements, start=1):
        where = f"{path.name} Baseline[{n}]"
        try:
            msg, local = baseline_from_element(element)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise SourceError(f"{where}: not a Baseline the zone can read ({exc})") from None
        found.append(LocalBaseline(msg.item_code, local, msg.version, _baseline(msg, where)))
    return _pick(found, item, path.name)


# --- the proposal -------------------------------------------------------------------------------


def _with_catalogue_when(b: Baseline, item: CatalogueItem, side: str, notes: list[str]) -> Baseline:
    zone = {t.name: t for t in item.baseline.tiers}
    tiers: list[Tier] = []
    for t in b.tiers:
        if t.when:
            tiers.append(t)
        elif t.name in zone:
            tiers.append(dataclasses.replace(t, when=dict(zone[t.name].when)))
        else:
            tiers.append(t)
            if t.name is not TierName.ORDINARY:
                notes.append(
                    f"review: {side}'s {t.name.value} tier ({TIER_NAME_ZH[t.name]}) has no counterpart in the "
                    "catalogue, so no structured circumstances (`when`): write them, or the engine never selects it"
                )
    return dataclasses.replace(b, tiers=tuple(tiers))


def propose(
    chongqing_file: Path,
    sichuan_file: Path,
    *,
    item_code: str | None = None,
    label: str | None = None,
    effective_from: datetime | None = None,
) -> Proposal:
    """Read both sides, align them to the catalogue item, and merge (registry.merge)."""
    catalogue = load_catalogue()
    wanted = catalogue_item(item_code, catalogue) if item_code else None
    cq = read_chongqing(chongqing_file, wanted)
    sc = read_sichuan(sichuan_file, wanted)
    if cq.zone_code != sc.zone_code:
        raise SourceError(
            f"the files are of different items: Chongqing {cq.zone_code}, Sichuan {sc.zone_code}; name one with --item"
        )
    item = wanted or catalogue_item(cq.zone_code, catalogue)
    notes = [
        "circumstances (`when`) come from the zone catalogue's tiers of the same name: the local formats "
        f"carry them as text only (catalogue baseline «{item.baseline.label}»)"
    ]
    cq_b = _with_catalogue_when(cq.baseline, item, "Chongqing", notes)
    sc_b = _with_catalogue_when(sc.baseline, item, "Sichuan", notes)
    result = merge_baselines(
        cq_b,
        sc_b,
        item.statutory,
        label=label or f"{cq.baseline.label}/{sc.baseline.label} 合并",
        effective_from=effective_from or max(cq.baseline.effective_from, sc.baseline.effective_from),
    )
    return Proposal(
        item,
        dataclasses.replace(cq, baseline=cq_b),
        dataclasses.replace(sc, baseline=sc_b),
        result,
        tuple(notes),
    )
