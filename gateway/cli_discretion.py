"""`gaozhu assess` and `gaozhu baseline merge|publish`: the discretion engine from the command line.

`assess` and `baseline publish` call a running gateway (DiscretionService). `baseline merge` needs no
gateway: it reads the two provinces' export files and the shipped catalogue and writes a proposal
file (registry/baseline_file.py) for a person to review and publish.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import grpc
from google.protobuf import json_format

from gaozhu.gateway import convert
from gaozhu.gateway.baseline_sources import SourceError, catalogue_item, differences_table, propose
from gaozhu.gateway.client import add_target_options, target_from_args
from gaozhu.gateway.discretion_convert import facts_to_proto
from gaozhu.gateway.errors import field_violations
from gaozhu.gateway.tables import local_time
from gaozhu.registry.baseline_file import read_baseline_file, write_baseline_file
from gaozhu.registry.discretion import facts_from_dict
from gaozhu.registry.errors import InvalidArgument
from gaozhu.registry.sanctions import TIER_NAME_ZH, TierName, yuan
from gaozhu.v1 import common_pb2, discretion_pb2, discretion_pb2_grpc

__all__ = ["register"]


def register(verbs: Any) -> None:
    p = verbs.add_parser("assess", help="assess a case against an item's unified baseline")
    p.add_argument("item", help="zone code (GZ-YJ-001) or either province's local code")
    p.add_argument(
        "--facts",
        required=True,
        help="the facts as JSON text or a JSON file (- for stdin): occurred_at, decided_at (default now), "
        "harm (none|minor|serious), first_violation, corrected, ...; optional subject_region_code",
    )
    add_target_options(p, "staff/demo")
    p.add_argument("--json", action="store_true", help="print the AssessResponse as JSON")
    p.set_defaults(handler=_assess)

    baseline = verbs.add_parser("baseline", help="merge the provinces' baselines; publish a version")
    actions = baseline.add_subparsers(dest="baseline_verb", required=True, metavar="ACTION")
    m = actions.add_parser("merge", help="propose the unified baseline from both provinces' (no gateway)")
    m.add_argument("--chongqing", type=Path, required=True, help="Chongqing JSON Lines file with CLJZ lines")
    m.add_argument("--sichuan", type=Path, required=True, help="Sichuan XML: a Baseline or a package")
    m.add_argument("--item", help="zone or local code (needed when a file holds several items)")
    m.add_argument("--label", help="label of the proposed version (default: both sides' labels)")
    m.add_argument("--effective-from", help="ISO 8601 with offset (default: the later side's date)")
    m.add_argument("--out", type=Path, help="proposal file (default: <zone code>.baseline.toml)")
    m.set_defaults(handler=_merge)

    pub = actions.add_parser("publish", help="publish a baseline file as the item's next version (admin)")
    pub.add_argument("file", type=Path, help="a baseline file (as `baseline merge` writes)")
    pub.add_argument("--item", help="the item (default: the file's `item`); must name the same item")
    add_target_options(pub, "admin/demo")
    pub.add_argument("--json", action="store_true")
    pub.set_defaults(handler=_publish)


# --- helpers ------------------------------------------------------------------------------------


def _violations(exc: InvalidArgument, prefix: str = "") -> int:
    print(f"gaozhu: {prefix}invalid:", file=sys.stderr)
    for v in exc.violations:
        print(f"  {v.field}: {v.reason}", file=sys.stderr)
    return 2


def _call(args: argparse.Namespace, fn: Callable[[Any, Any], Any]) -> Any:
    target = target_from_args(args)
    with target.channel() as channel:
        try:
            return fn(discretion_pb2_grpc.DiscretionServiceStub(channel), target.metadata)
        except grpc.RpcError as exc:
            print(f"gaozhu: {exc.code().name}: {exc.details()}", file=sys.stderr)
            for field, reason in field_violations(exc):
                print(f"  {field}: {reason}", file=sys.stderr)
            raise SystemExit(2) from None


def _read_facts(text: str) -> dict[str, Any]:
    if text.strip().startswith("{"):
        source = text
    elif text == "-":
        source = sys.stdin.read()
    else:
        source = Path(text).read_text(encoding="utf-8")
    try:
        data = json.loads(source)
    except json.JSONDecodeError as exc:
        raise SystemExit(f"gaozhu: --facts is not JSON: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise SystemExit("gaozhu: --facts must be a JSON object")
    return data


def _tier(number: int) -> str:
    if number == common_pb2.TIER_NAME_UNSPECIFIED:
        return "none (excluded by law before any tier)"
    name = TierName(common_pb2.TierName.Name(number)[len("TIER_NAME_") :].lower())
    return f"{TIER_NAME_ZH[name]} ({name.value})"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def print_decision(d: discretion_pb2.Decision) -> None:
    """A decision as an officer reads it: tier, range in yuan, procedure, every reason considered."""
    print(f"{d.item_code}  baseline v{d.baseline_version} «{d.baseline_label}»")
    fine = "no penalty (不予处罚)" if d.no_penalty else f"{yuan(d.min_fen)} – {yuan(d.max_fen)} 元"
    if not d.no_penalty and d.min_fen == d.max_fen == 0:
        fine = "no fine"
    rows = [
        ("tier", _tier(d.tier)),
        ("fine", fine),
        ("other sanctions", "、".join(d.other_sanctions) or "—"),
        ("procedure", d.procedure + (" (on the spot, Art. 51)" if d.procedure == "simple" else "")),
        ("hearing right", _yes(d.needs_hearing) + " (Art. 63)"),
        ("legal review", _yes(d.needs_legal_review) + " (Art. 58)"),
    ]
    if d.precedence_note:
        rows.append(("precedence", d.precedence_note))
    for label, value in rows:
        print(f"  {label:<16}{value}")
    print("  reasons (✓ held, ✗ did not):")
    for r in d.reasons:
        print(f"    {'✓' if r.matched else '✗'} {r.code}: {r.text}")


# --- verbs --------------------------------------------------------------------------------------


def _assess(args: argparse.Namespace) -> int:
    data = _read_facts(args.facts)
    region = data.pop("subject_region_code", "")
    data.setdefault("decided_at", datetime.now(UTC).isoformat())
    try:
        facts = facts_to_proto(facts_from_dict(data), str(region))
    except InvalidArgument as exc:
        return _violations(exc, "--facts ")
    request = discretion_pb2.AssessRequest(item_code=args.item, facts=facts)
    response = _call(args, lambda stub, md: stub.Assess(request, metadata=md, timeout=30))
    if args.json:
        out = json_format.MessageToDict(response, preserving_proto_field_name=True)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print_decision(response.decision)
    return 0


def _merge(args: argparse.Namespace) -> int:
    try:
        effective = datetime.fromisoformat(args.effective_from) if args.effective_from else None
    except ValueError:
        raise SystemExit(f"gaozhu: --effective-from {args.effective_from!r} is not ISO 8601") from None
    if effective is not None and effective.tzinfo is None:
        raise SystemExit("gaozhu: --effective-from needs a UTC offset, e.g. 2026-03-01T00:00:00+08:00")
    try:
        proposal = propose(
            args.chongqing, args.sichuan, item_code=args.item, label=args.label, effective_from=effective
        )
    except (SourceError, OSError) as exc:
        raise SystemExit(f"gaozhu: {exc}") from None
    result = proposal.result
    out = args.out or Path(f"{proposal.item.code}.baseline.toml")
    write_baseline_file(out, proposal.item.code, result.baseline, proposal.comments())
    print(f"{proposal.item.code} {proposal.item.name}")
    for note in proposal.notes:
        print(f"  {note}")
    print()
    print(differences_table(result) if result.differences else "the two sides agree: no differences")
    print()
    if result.violations:
        print("NOT PUBLISHABLE as it stands; settle these first:")
        for v in result.violations:
            print(f"  {v.field}: {v.reason}")
    print(f"proposal written to {out}")
    return 0 if result.publishable else 3


def _publish(args: argparse.Namespace) -> int:
    try:
        code, baseline = read_baseline_file(args.file)
    except InvalidArgument as exc:
        return _violations(exc, f"{args.file}: ")
    except OSError as exc:
        raise SystemExit(f"gaozhu: {exc}") from None
    if args.item and args.item.strip().upper() != code:
        try:
            same = catalogue_item(args.item).code == catalogue_item(code).code
        except SourceError:
            same = False
        if not same:
            raise SystemExit(f"gaozhu: --item {args.item} and the file's item {code} are not the same item")
    request = discretion_pb2.PublishBaselineRequest(
        item_code=args.item or code,
        label=baseline.label,
        effective_from=convert.ts(baseline.effective_from),
        tiers=[convert.tier_to_proto(t) for t in baseline.tiers],
    )
    response = _call(args, lambda stub, md: stub.PublishBaseline(request, metadata=md, timeout=30))
    b = response.baseline
    if args.json:
        out = json_format.MessageToDict(response, preserving_proto_field_name=True)
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    start = local_time(b.effective_from.ToDatetime(tzinfo=UTC))
    print(f"published {b.item_code} v{b.version} «{b.label}», in force from {start}")
    if b.meta.revision:
        print(f"in force already: announced to both provinces at revision {b.meta.revision}")
    else:
        print("scheduled: announced to both provinces (and used by Assess) when it takes effect")
    return 0
