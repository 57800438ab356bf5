"""`gaozhu db` (migrations), `gaozhu catalogue` (the zone's item list) and `gaozhu audit verify`, on the store."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sqlalchemy.orm import Session

from gaozhu import migrations
from gaozhu.gateway.tables import local_time, render_table
from gaozhu.registry import audit, items
from gaozhu.registry.db import create_store_engine, database_url, reader
from gaozhu.registry.domains import BY_ZONE
from gaozhu.registry.errors import NotFound
from gaozhu.registry.sanctions import describe


def register(verbs: Any) -> None:
    db = verbs.add_parser("db", help="migrate the store (SQLite file or PostgreSQL URL)")
    db_verbs = db.add_subparsers(dest="db_verb", required=True, metavar="ACTION")
    up = db_verbs.add_parser("upgrade", help="apply migrations up to REV (default: head)")
    up.add_argument("revision", nargs="?", default="head")
    up.set_defaults(handler=_db_upgrade)
    down = db_verbs.add_parser("downgrade", help="revert migrations down to REV (e.g. base, 0001, -1)")
    down.add_argument("revision")
    down.set_defaults(handler=_db_downgrade)
    cur = db_verbs.add_parser("current", help="print the store's revision and the head")
    cur.set_defaults(handler=_db_current)
    for p in (up, down, cur):
        _add_db_option(p)

    cat = verbs.add_parser("catalogue", help="the zone's devolved enforcement items")
    cat_verbs = cat.add_subparsers(dest="catalogue_verb", required=True, metavar="ACTION")
    ls = cat_verbs.add_parser("list", help="list items, optionally of one domain")
    ls.add_argument("--domain", choices=sorted(BY_ZONE), help="two-letter zone domain code")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ls.set_defaults(handler=_catalogue_list)
    show = cat_verbs.add_parser("show", help="one item with its baseline in force")
    show.add_argument("code", help="zone code (GZ-YJ-001) or either province's local code")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.set_defaults(handler=_catalogue_show)
    for p in (ls, show):
        _add_db_option(p)

    audit_p = verbs.add_parser("audit", help="the hash-chained audit trail")
    audit_verbs = audit_p.add_subparsers(dest="audit_verb", required=True, metavar="ACTION")
    check = audit_verbs.add_parser("verify", help="walk the chain; exit 1 at the first broken entry")
    _add_db_option(check)
    check.set_defaults(handler=_audit_verify)


def _add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database URL (default: $GAOZHU_DB, else sqlite:///./gaozhu.db)")


def _db_upgrade(args: argparse.Namespace) -> int:
    migrations.upgrade(args.db, args.revision)
    print(f"store at {migrations.is_at_head(args.db)[1]} ({_safe_url(args.db)})")
    return 0


def _db_downgrade(args: argparse.Namespace) -> int:
    migrations.downgrade(args.db, args.revision)
    print(f"store at {migrations.is_at_head(args.db)[1] or 'base'} ({_safe_url(args.db)})")
    return 0


def _db_current(args: argparse.Namespace) -> int:
    at_head, current, head = migrations.is_at_head(args.db)
    print(f"current: {current or 'base'}\nhead:    {head}\n{'up to date' if at_head else 'behind head'}")
    return 0


def _safe_url(url: str | None) -> str:
    from sqlalchemy.engine import make_url

    return make_url(database_url(url)).render_as_string(hide_password=True)


def _catalogue_list(args: argparse.Namespace) -> int:
    engine = create_store_engine(args.db)
    try:
        with Session(reader(engine)) as session:
            records = items.list_items(session, domain=args.domain)
    finally:
        engine.dispose()
    if args.json:
        json.dump([items.item_json(r) for r in records], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    rows = [
        (
            r.code,
            r.local_codes.get("CHONGQING", ""),
            r.local_codes.get("SICHUAN", ""),
            BY_ZONE[r.domain].name_zh,
            r.status,
            r.name,
        )
        for r in records
    ]
    print(render_table(("code", "chongqing", "sichuan", "domain", "status", "name"), rows))
    domains = len({r.domain for r in records})
    print(f"\n{len(records)} items in {domains} domains")
    return 0


def _catalogue_show(args: argparse.Namespace) -> int:
    engine = create_store_engine(args.db)
    try:
        with Session(reader(engine)) as session:
            try:
                record = items.get_item(session, args.code)
                baseline = items.baseline_at(session, record.code)
            except NotFound as exc:
                print(f"gaozhu: {exc}", file=sys.stderr)
                return 1
    finally:
        engine.dispose()
    if args.json:
        out = items.item_json(record) | {"baseline": items.baseline_json(baseline)}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{record.code}  {record.name}")
    print(f"domain      {BY_ZONE[record.domain].name_zh} ({record.domain}), {record.kind}, {record.status}")
    print(
        f"local codes Chongqing {record.local_codes.get('CHONGQING')}, Sichuan {record.local_codes.get('SICHUAN')}"
    )
    print(f"basis       {record.basis.law}（{record.basis.version}）{record.basis.article}")
    pb = record.penalty_basis
    print(f"penalty     {pb.law}（{pb.version}）{pb.article}")
    print(f"statutory   {describe(record.statutory) if record.statutory else '—'}")
    if record.other_sanctions:
        print(f"also        {'、'.join(record.other_sanctions)}")
    print(
        f"\nbaseline v{baseline.version} {baseline.label}, in force from {local_time(baseline.effective_from)}"
    )
    rows = [
        (t.name.value, describe(t.fine) if t.fine else "不予罚款", "、".join(t.other_sanctions), t.condition)
        for t in baseline.tiers
    ]
    print(render_table(("tier", "fine", "other", "when"), rows))
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    engine = create_store_engine(args.db)
    try:
        with Session(reader(engine)) as session:
            checked, broken = audit.verify(session)
    finally:
        engine.dispose()
    if broken is not None:
        print(
            f"audit trail BROKEN at entry {broken} (after {checked - 1} good entries): an entry was "
            "changed or removed",
            file=sys.stderr,
        )
        return 1
    print(f"audit trail intact: {checked} entries")
    return 0
