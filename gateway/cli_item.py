"""`gaozhu item new`: write a reviewed migration that adds one devolved item (migrations/new_item.py)."""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path
from typing import Any

from gaozhu.migrations.new_item import ItemRefused, new_item_revision
from gaozhu.registry.baseline_file import read_baseline_file
from gaozhu.registry.catalogue import CatalogueError, item_to_dict, parse_catalogue
from gaozhu.registry.domains import BY_ZONE
from gaozhu.registry.sanctions import baseline_to_dict


def register(verbs: Any) -> None:
    item = verbs.add_parser("item", help="the zone's item list: add a devolved item as a migration")
    actions = item.add_subparsers(dest="item_verb", required=True, metavar="ACTION")
    p = actions.add_parser(
        "new",
        help="validate an item and write its Alembic revision under migrations/versions/",
        description="Either --from FILE.toml (one [[item]] in the catalogue's format, tiers included) "
        "or the flags with --baseline FILE (the file `gaozhu baseline merge` writes).",
    )
    p.add_argument("--from", dest="from_file", type=Path, help="the item as TOML, catalogue format")
    p.add_argument("--code", help="zone code, GZ-<domain>-NNN")
    p.add_argument("--name", help="the conduct, as the penalty provision words it")
    p.add_argument("--domain", help=f"zone domain letters: {', '.join(BY_ZONE)}")
    p.add_argument("--kind", default="penalty", choices=["penalty", "inspection", "compulsory"])
    p.add_argument("--basis", help="provision breached: 'law,version,article' (违则)")
    p.add_argument("--penalty-basis", help="penalty provision: 'law,version,article' (罚则; default --basis)")
    p.add_argument("--statutory-min", type=int, help="statutory fine floor, yuan")
    p.add_argument("--statutory-max", type=int, help="statutory fine ceiling, yuan")
    p.add_argument("--chongqing-code", help="Chongqing item code, CQ-<domain code>-NNNN")
    p.add_argument("--sichuan-code", help="Sichuan item code, SC<domain number>NNNNN")
    p.add_argument("--other-sanction", action="append", default=[], help="repeatable")
    p.add_argument("--baseline", type=Path, help="baseline file (label, effective_from, [[tier]])")
    p.add_argument("--dry-run", action="store_true", help="print the revision instead of writing it")
    p.add_argument("--migrations", type=Path, help=argparse.SUPPRESS)  # a copy of migrations/ (tests)
    p.set_defaults(handler=_new)


def _legal_ref(text: str | None, flag: str) -> dict[str, str]:
    parts = [p.strip() for p in (text or "").split(",")]
    if len(parts) != 3 or not all(parts):
        raise ItemRefused(
            f"{flag}: give 'law,version,article', e.g. '中华人民共和国安全生产法,2021,第九十七条'"
        )
    return {"law": parts[0], "version": parts[1], "article": parts[2]}


def item_from_flags(args: argparse.Namespace) -> dict[str, Any]:
    missing = [
        f"--{n.replace('_', '-')}"
        for n in ("code", "name", "domain", "chongqing_code", "sichuan_code", "basis", "baseline")
        if not getattr(args, n)
    ]
    if args.statutory_max is None:
        missing.append("--statutory-max")
    if missing:
        raise ItemRefused(f"missing {', '.join(missing)} (or give the whole item with --from FILE.toml)")
    baseline_item, baseline = read_baseline_file(args.baseline)
    if baseline_item and baseline_item != args.code:
        raise ItemRefused(f"--baseline: the file is for {baseline_item}, not {args.code}")
    low = args.statutory_min or 0
    return {
        "code": args.code,
        "name": args.name,
        "domain": args.domain,
        "kind": args.kind,
        "basis": _legal_ref(args.basis, "--basis"),
        "penalty_basis": _legal_ref(args.penalty_basis or args.basis, "--penalty-basis"),
        "statutory": {
            "kind": "fixed",
            "min_fen": low * 100,
            "max_fen": args.statutory_max * 100,
            "up_to": low == 0,
        },
        "other_sanctions": list(args.other_sanction),
        "chongqing_code": args.chongqing_code,
        "sichuan_code": args.sichuan_code,
        "baseline": baseline_to_dict(baseline),
    }


def item_from_toml(path: Path) -> dict[str, Any]:
    try:
        items = parse_catalogue(path.read_text(encoding="utf-8"))
    except (CatalogueError, tomllib.TOMLDecodeError) as exc:
        raise ItemRefused(f"{path}: {exc}") from None
    if len(items) != 1:
        raise ItemRefused(f"{path}: holds {len(items)} items; one [[item]] per revision")
    return item_to_dict(items[0])


def _new(args: argparse.Namespace) -> int:
    try:
        data = item_from_toml(args.from_file) if args.from_file else item_from_flags(args)
        result = new_item_revision(data, script_location=args.migrations, write=not args.dry_run)
    except (ItemRefused, CatalogueError, OSError, ValueError) as exc:
        print(f"gaozhu item new: refused, nothing written: {exc}", file=sys.stderr)
        return 2
    if args.dry_run:
        print(result.source, end="")
    else:
        print(f"wrote {result.path} (revision {result.revision}, after {result.down_revision})")
        print("review it, commit it, then `gaozhu db upgrade` applies it; running gateways need no restart")
    return 0
