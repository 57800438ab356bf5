"""What the zone writes for Chongqing: items (ZFSX), baselines (CLJZ) and Sichuan officers (ZFRY).

Money is yuan with two decimals (`"2000.00"`); a tier with no fine has `fkxx` and `fksx` null.
A proportional or per-unit fine has no place in `fkxx`/`fksx` (they are yuan), so those stay null
too and the tier carries two extra keys, which Chongqing ignores until it reads them (unknown keys
are ignored): `fksm`, the rule in words (`违法所得的1倍以上5倍以下`), and `fkgz`, the rule as data
(`{"form": "比例", "base": "违法所得", "minBp": "10000", "maxBp": "50000"}`, see zone.fine_rule).

Files are named `gaozhu-<revision>.jsonl` with the revision zero-padded to 12 digits, so that
Chongqing's name order is revision order; they appear only complete (`.part`, fsync, rename).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from google.protobuf import timestamp_pb2

from gaozhu.adapters import zone
from gaozhu.adapters.chongqing.reverse import line, officer_sj
from gaozhu.adapters.common import fen_to_yuan, local_date, local_midnight, parse_local_datetime, yuan_to_fen
from gaozhu.adapters.zone import (
    TIER_FROM_ZH,
    TIER_ZH,
    basis_text,
    describe_fine,
    fine_from_rule,
    fine_rule,
    parse_basis_text,
)
from gaozhu.registry.domains import BY_CHONGQING, BY_ZONE
from gaozhu.registry.identifiers import mask_id_number
from gaozhu.v1 import common_pb2, items_pb2, personnel_pb2

__all__ = [
    "baseline_from_line",
    "baseline_line",
    "item_from_line",
    "item_line",
    "officer_line",
    "outbox_name",
    "write_outbox_file",
]

KIND = {
    common_pb2.ITEM_KIND_PENALTY: "CF",
    common_pb2.ITEM_KIND_INSPECTION: "JC",
    common_pb2.ITEM_KIND_COMPULSORY: "QZ",
}
STATUS = {common_pb2.ITEM_STATUS_IN_FORCE: "1", common_pb2.ITEM_STATUS_WITHDRAWN: "0"}
_KIND_BACK = {v: k for k, v in KIND.items()}
_STATUS_BACK = {v: k for k, v in STATUS.items()}
_REVISION_DIGITS = 12


def _changed(meta: common_pb2.RecordMeta, *fallbacks: timestamp_pb2.Timestamp) -> common_pb2.RecordMeta:
    """meta with updated_at set: zone records often carry only their effective time."""
    out = common_pb2.RecordMeta()
    out.CopyFrom(meta)
    if not out.HasField("updated_at"):
        moment = next((f for f in fallbacks if f.seconds or f.nanos), None)
        if moment is None:
            out.updated_at.FromDatetime(datetime.now(UTC))
        else:
            out.updated_at.CopyFrom(moment)
    return out


def item_line(item: items_pb2.Item) -> dict[str, Any]:
    """A zone item as a ZFSX line (ValueError if the item has no Chongqing code)."""
    sj = {
        "sxbm": zone.local_code(item, common_pb2.ORIGIN_CHONGQING),
        "zqbm": item.code,
        "sxmc": item.name,
        "ly": BY_ZONE[item.domain].chongqing,
        "sxlx": KIND[item.kind],
        "flyj": basis_text(item.basis, item.penalty_basis if item.HasField("penalty_basis") else None),
        "zt": STATUS[item.status],
    }
    return line("ZFSX", False, item.meta.version or 1, _changed(item.meta, item.effective_from), sj)


def _tier(tier: items_pb2.Tier) -> dict[str, Any]:
    out: dict[str, Any] = {"jcmc": TIER_ZH[tier.name], "tj": tier.condition, "fkxx": None, "fksx": None}
    if tier.fine.WhichOneof("range") == "fixed":
        out["fkxx"] = fen_to_yuan(tier.fine.fixed.min_fen)
        out["fksx"] = fen_to_yuan(tier.fine.fixed.max_fen)
    out["qtcf"] = list(tier.other_sanctions)
    if rule := fine_rule(tier.fine):
        out["fksm"] = describe_fine(tier.fine)
        out["fkgz"] = rule
    return out


def baseline_line(baseline: items_pb2.Baseline, local_code: str) -> dict[str, Any]:
    """A baseline version as a CLJZ line; `local_code` is its item's Chongqing code.

    The outer `bbh` is the version number, `sj.bbh` the published label (`2025版`).
    """
    sj = {
        "sxbm": local_code,
        "zqbm": baseline.item_code,
        "bbh": baseline.label,
        "sxrq": local_date(baseline.effective_from).isoformat(),
        "jc": [_tier(t) for t in baseline.tiers],
    }
    meta = _changed(baseline.meta, baseline.published_at, baseline.effective_from)
    return line("CLJZ", False, baseline.version or baseline.meta.version, meta, sj)


def officer_line(officer: personnel_pb2.Officer, *, delete: bool = False) -> dict[str, Any]:
    """A Sichuan officer dispatched to the zone as a ZFRY line keyed by zone id, ID number masked."""
    if officer.meta.origin != common_pb2.ORIGIN_SICHUAN:
        raise ValueError("only officers of the other province are written for Chongqing")
    if not officer.zone_id:
        raise ValueError("the officer has no zone id yet")
    masked = officer.id_number_masked or mask_id_number(officer.id_number)
    sj = {"ryid": officer.zone_id} if delete else officer_sj(officer, ryid=officer.zone_id, sfzh=masked)
    return line("ZFRY", delete, officer.meta.version, officer.meta, sj)


def outbox_name(revision: int) -> str:
    if not 0 <= revision < 10**_REVISION_DIGITS:
        raise ValueError(f"revision must be 0–{10**_REVISION_DIGITS - 1}")
    return f"gaozhu-{revision:0{_REVISION_DIGITS}d}.jsonl"


def write_outbox_file(directory: Path | str, revision: int, lines: Iterable[Mapping[str, Any]]) -> Path:
    """Writes the lines as `gaozhu-<revision>.jsonl`: `.part` first, fsync, then an atomic rename."""
    directory = Path(directory)
    final = directory / outbox_name(revision)
    part = final.with_name(final.name + ".part")
    with part.open("w", encoding="utf-8", newline="\n") as out:
        for record in lines:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, final)
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)  # the rename itself survives a crash
    finally:
        os.close(fd)
    return final


# --- reading the zone's own lines back (tests, and a check that Chongqing sees what we meant) ----


def item_from_line(zfsx: Mapping[str, Any]) -> items_pb2.Item:
    """The item a ZFSX line describes, as far as the line carries it."""
    sj = zfsx["sj"]
    basis, penalty = parse_basis_text(sj["flyj"])
    item = items_pb2.Item(
        meta=common_pb2.RecordMeta(
            origin=common_pb2.ORIGIN_ZONE,
            local_id=sj["zqbm"],
            version=zfsx["bbh"],
            updated_at=parse_local_datetime(zfsx["gxsj"]),
        ),
        code=sj["zqbm"],
        name=sj["sxmc"],
        domain=BY_CHONGQING[sj["ly"]].zone,
        kind=_KIND_BACK[sj["sxlx"]],
        basis=basis,
        status=_STATUS_BACK[sj["zt"]],
        local_codes=[common_pb2.LocalCode(origin=common_pb2.ORIGIN_CHONGQING, code=sj["sxbm"])],
    )
    if penalty is not None:
        item.penalty_basis.CopyFrom(penalty)
    return item


def _tier_back(tier: Mapping[str, Any]) -> items_pb2.Tier:
    out = items_pb2.Tier(name=TIER_FROM_ZH[tier["jcmc"]], condition=tier["tj"], other_sanctions=tier["qtcf"])
    if tier["fkxx"] is not None:
        out.fine.fixed.min_fen = yuan_to_fen(tier["fkxx"])
        out.fine.fixed.max_fen = yuan_to_fen(tier["fksx"])
    elif "fkgz" in tier:
        out.fine.CopyFrom(fine_from_rule(tier["fkgz"]))
    return out


def baseline_from_line(cljz: Mapping[str, Any]) -> tuple[items_pb2.Baseline, str]:
    """(the baseline a CLJZ line describes, its item's Chongqing code)."""
    sj = cljz["sj"]
    baseline = items_pb2.Baseline(
        item_code=sj["zqbm"],
        version=cljz["bbh"],
        label=sj["bbh"],
        effective_from=local_midnight(date.fromisoformat(sj["sxrq"])),
        tiers=[_tier_back(t) for t in sj["jc"]],
    )
    return baseline, sj["sxbm"]
