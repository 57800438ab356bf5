"""The zone catalogue file: the devolved enforcement items, their legal basis, statutory fine range,
local codes in both provinces and the unified baseline, read from reviewable TOML and checked whole.

The shipped file is `migrations/catalogue/items.toml`; its header explains every key. Loading stops
at the first bad row with a `CatalogueError` that names the row (1-based position in the file), the
item code and the reason, so a reviewer can go straight to it.
"""

from __future__ import annotations

import importlib.resources
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from gaozhu.registry.domains import BY_ZONE
from gaozhu.registry.sanctions import (
    Baseline,
    FineRange,
    SanctionError,
    baseline_from_dict,
    baseline_to_dict,
    range_from_dict,
    range_to_dict,
    range_violations,
    validate_baseline,
)

__all__ = [
    "CatalogueError",
    "CatalogueItem",
    "ItemKind",
    "LegalRef",
    "item_from_dict",
    "item_to_dict",
    "load_catalogue",
    "parse_catalogue",
]


@dataclass(frozen=True, slots=True)
class LegalRef:
    """A provision: the law's full name, the year of the version cited, the article (and paragraph, item)."""

    law: str  # 中华人民共和国安全生产法
    version: str  # 2021
    article: str  # 第九十七条第三项


class ItemKind(StrEnum):
    PENALTY = "penalty"  # 行政处罚
    INSPECTION = "inspection"  # 行政检查
    COMPULSORY = "compulsory"  # 行政强制


@dataclass(frozen=True, slots=True)
class CatalogueItem:
    code: str  # zone code GZ-<domain>-NNN
    name: str
    domain: str  # zone letters (registry/domains.py)
    kind: ItemKind
    basis: LegalRef  # 违则: the provision breached
    penalty_basis: LegalRef  # 罚则: the provision that sets the sanction
    statutory: FineRange | None
    other_sanctions: tuple[str, ...]
    chongqing_code: str  # CQ-<Chongqing domain code>-NNNN
    sichuan_code: str  # SC<Sichuan domain number>NNNNN
    baseline: Baseline


class CatalogueError(ValueError):
    """A catalogue row that cannot be accepted: the message names the row, the code and the reason."""

    def __init__(self, row: int, code: str, reason: str) -> None:
        super().__init__(f"row {row} ({code or 'no code'}): {reason}")
        self.row = row
        self.code = code
        self.reason = reason


class _RowError(ValueError):
    """A reason found inside one row; turned into a CatalogueError once the row is known."""


_ZONE_CODE = re.compile(r"GZ-([A-Z]{2})-(\d{3})")
_CHONGQING_CODE = re.compile(r"CQ-([A-Z]{4})-(\d{4})")
_SICHUAN_CODE = re.compile(r"SC(\d{2})(\d{5})")
_ARTICLE = re.compile(r"第[零〇一二三四五六七八九十百千]+条")
_VERSION = re.compile(r"\d{4}")

_ITEM_KEYS = frozenset(
    {
        "code",
        "name",
        "domain",
        "kind",
        "basis",
        "penalty_basis",
        "statutory",
        "other_sanctions",
        "chongqing_code",
        "sichuan_code",
        "baseline",
    }
)
_LEGAL_KEYS = frozenset({"law", "version", "article"})


# --- one item -----------------------------------------------------------------------------------


def _text(d: Mapping[str, Any], key: str) -> str:
    value = d.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _RowError(f"{key}: is required text")
    return value.strip()


def _legal_ref(d: Mapping[str, Any], key: str) -> LegalRef:
    raw = d.get(key)
    if not isinstance(raw, Mapping):
        raise _RowError(f"{key}: the legal basis is missing (needs law, version, article)")
    for k in raw:
        if k not in _LEGAL_KEYS:
            raise _RowError(f"{key}.{k}: unknown key; allowed: law, version, article")
    parts = {}
    for k in ("law", "version", "article"):
        value = raw.get(k)
        if not isinstance(value, str) or not value.strip():
            raise _RowError(f"{key}.{k}: the legal basis is empty")
        parts[k] = value.strip()
    if not _VERSION.fullmatch(parts["version"]):
        raise _RowError(f"{key}.version: the year of the version cited, e.g. 2021; got {parts['version']!r}")
    if not _ARTICLE.match(parts["article"]):
        raise _RowError(
            f"{key}.article: must start with the article, e.g. 第九十七条; got {parts['article']!r}"
        )
    return LegalRef(parts["law"], parts["version"], parts["article"])


def _check_codes(code: str, domain: str, chongqing: str, sichuan: str) -> None:
    d = BY_ZONE.get(domain)
    if d is None:
        raise _RowError(f"domain: unknown domain {domain!r}; known: {', '.join(BY_ZONE)}")
    m = _ZONE_CODE.fullmatch(code)
    if m is None:
        raise _RowError(f"code: {code!r} is not GZ-<domain letters>-NNN")
    if m.group(1) != domain:
        raise _RowError(f"code: {code!r} has domain letters {m.group(1)}, but the item's domain is {domain}")
    m = _CHONGQING_CODE.fullmatch(chongqing)
    if m is None or m.group(1) != d.chongqing:
        raise _RowError(f"chongqing_code: {chongqing!r} is not CQ-{d.chongqing}-NNNN (domain {domain})")
    m = _SICHUAN_CODE.fullmatch(sichuan)
    if m is None or m.group(1) != d.sichuan:
        raise _RowError(f"sichuan_code: {sichuan!r} is not SC{d.sichuan}NNNNN (domain {domain})")


def _sanctions_list(d: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = d.get(key) or []
    if not isinstance(value, list | tuple) or not all(isinstance(s, str) and s.strip() for s in value):
        raise _RowError(f"{key}: must be a list of non-empty text")
    return tuple(value)


def _item(d: Mapping[str, Any]) -> CatalogueItem:
    """One item from its dict form, every rule checked; raises _RowError with the reason."""
    for key in d:
        if key not in _ITEM_KEYS:
            raise _RowError(f"{key}: unknown key; allowed: {', '.join(sorted(_ITEM_KEYS))}")
    code = _text(d, "code")
    domain = _text(d, "domain")
    chongqing = _text(d, "chongqing_code")
    sichuan = _text(d, "sichuan_code")
    _check_codes(code, domain, chongqing, sichuan)
    name = _text(d, "name")
    try:
        kind = ItemKind(str(d.get("kind")))
    except ValueError:
        raise _RowError(f"kind: unknown kind {d.get('kind')!r}; known: {', '.join(ItemKind)}") from None
    basis = _legal_ref(d, "basis")
    penalty_basis = _legal_ref(d, "penalty_basis")
    statutory = None
    if d.get("statutory") is not None:
        try:
            statutory = range_from_dict(d["statutory"])
        except SanctionError as e:
            raise _RowError(str(e.under("statutory"))) from None
        problems = range_violations(statutory, "statutory")
        if problems:
            raise _RowError(str(problems[0]))
    raw_baseline = d.get("baseline")
    if not isinstance(raw_baseline, Mapping):
        raise _RowError("baseline: every item needs its unified baseline")
    try:
        baseline = baseline_from_dict(raw_baseline)
    except SanctionError as e:
        raise _RowError(str(e.under("baseline"))) from None
    violations = validate_baseline(baseline, statutory)
    if violations:
        first = violations[0]
        raise _RowError(f"baseline.{first.field}: {first.reason}")
    return CatalogueItem(
        code=code,
        name=name,
        domain=domain,
        kind=kind,
        basis=basis,
        penalty_basis=penalty_basis,
        statutory=statutory,
        other_sanctions=_sanctions_list(d, "other_sanctions"),
        chongqing_code=chongqing,
        sichuan_code=sichuan,
        baseline=baseline,
    )


def item_from_dict(d: Mapping[str, Any]) -> CatalogueItem:
    """Read an item from the JSON-able form `item_to_dict` writes; raises CatalogueError (row 0)."""
    try:
        return _item(d)
    except _RowError as e:
        code = d.get("code") if isinstance(d, Mapping) else None
        raise CatalogueError(0, code if isinstance(code, str) else "", str(e)) from None


def item_to_dict(item: CatalogueItem) -> dict[str, Any]:
    """The JSON-able dict form (as stored in the change log); `item_from_dict` reads it back equal."""
    return {
        "code": item.code,
        "name": item.name,
        "domain": item.domain,
        "kind": item.kind.value,
        "basis": _ref_dict(item.basis),
        "penalty_basis": _ref_dict(item.penalty_basis),
        "statutory": range_to_dict(item.statutory) if item.statutory is not None else None,
        "other_sanctions": list(item.other_sanctions),
        "chongqing_code": item.chongqing_code,
        "sichuan_code": item.sichuan_code,
        "baseline": baseline_to_dict(item.baseline),
    }


def _ref_dict(ref: LegalRef) -> dict[str, str]:
    return {"law": ref.law, "version": ref.version, "article": ref.article}


# --- the file -----------------------------------------------------------------------------------

_ROW_KEYS = (_ITEM_KEYS - {"baseline"}) | {"tier", "baseline"}
_FILE_KEYS = frozenset({"baseline", "item"})


def _row_to_item_dict(row: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """A TOML row (tiers under `tier`, baseline label and date from the file's [baseline] unless the
    row has its own) in the dict form `_item` reads."""
    for key in row:
        if key not in _ROW_KEYS:
            raise _RowError(f"{key}: unknown key; allowed: {', '.join(sorted(_ROW_KEYS))}")
    own = row.get("baseline") or {}
    if not isinstance(own, Mapping):
        raise _RowError("baseline: must be a table with label and/or effective_from")
    for key in own:
        if key not in ("label", "effective_from"):
            raise _RowError(
                f"baseline.{key}: unknown key; an item's [item.baseline] sets label, effective_from"
            )
    tiers = row.get("tier")
    if not isinstance(tiers, list):
        raise _RowError("tier: every item needs its baseline tiers ([[item.tier]])")
    out = {k: v for k, v in row.items() if k not in ("tier", "baseline")}
    out["baseline"] = {
        "label": own.get("label", defaults.get("label")),
        "effective_from": own.get("effective_from", defaults.get("effective_from")),
        "tiers": tiers,
    }
    return out


def parse_catalogue(text: str) -> list[CatalogueItem]:
    """Items from catalogue TOML text, every row checked; raises CatalogueError on the first bad row
    (or row 0 for a file-level problem)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CatalogueError(0, "", f"not valid TOML: {e}") from None
    for key in doc:
        if key not in _FILE_KEYS:
            raise CatalogueError(0, "", f"unknown top-level key {key!r}; allowed: [baseline], [[item]]")
    defaults = doc.get("baseline", {})
    if not isinstance(defaults, Mapping):
        raise CatalogueError(0, "", "[baseline] must be a table with label and effective_from")
    rows = doc.get("item", [])
    if not isinstance(rows, list):
        raise CatalogueError(0, "", "items are [[item]] tables")
    out: list[CatalogueItem] = []
    seen: dict[str, dict[str, int]] = {"code": {}, "chongqing_code": {}, "sichuan_code": {}}
    for n, row in enumerate(rows, start=1):
        code = row.get("code") if isinstance(row, Mapping) else None
        code = code if isinstance(code, str) else ""
        try:
            if not isinstance(row, Mapping):
                raise _RowError("an [[item]] must be a table")
            item = _item(_row_to_item_dict(row, defaults))
            for key, value in (
                ("code", item.code),
                ("chongqing_code", item.chongqing_code),
                ("sichuan_code", item.sichuan_code),
            ):
                if value in seen[key]:
                    raise _RowError(f"{key}: duplicate {value} (already on row {seen[key][value]})")
            for key, value in (
                ("code", item.code),
                ("chongqing_code", item.chongqing_code),
                ("sichuan_code", item.sichuan_code),
            ):
                seen[key][value] = n
        except _RowError as e:
            raise CatalogueError(n, code, str(e)) from None
        out.append(item)
    return out


def default_path() -> Path:
    """The shipped catalogue: migrations/catalogue/items.toml inside the installed package."""
    return Path(str(importlib.resources.files("gaozhu.migrations") / "catalogue" / "items.toml"))


def load_catalogue(path: Path | None = None) -> list[CatalogueItem]:
    """Read and check a catalogue file (the shipped one by default)."""
    source = Path(path) if path is not None else default_path()
    return parse_catalogue(source.read_text(encoding="utf-8"))
