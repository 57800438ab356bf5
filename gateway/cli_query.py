"""`gaozhu query`: staff look-ups against a running gateway, as aligned tables or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import grpc
from google.protobuf import json_format
from google.protobuf.message import Message

from gaozhu.gateway.client import add_target_options, target_from_args, wire_enum
from gaozhu.gateway.errors import field_violations
from gaozhu.gateway.tables import local_time, render_table
from gaozhu.v1 import common_pb2, registry_pb2, registry_pb2_grpc


def register(verbs: Any) -> None:
    query = verbs.add_parser("query", help="look up officers, enterprises, items and baselines")
    what = query.add_subparsers(dest="what", required=True, metavar="WHAT")

    p = what.add_parser("officers", help="list officers")
    p.add_argument("--origin", choices=["sichuan", "chongqing"])
    p.add_argument("--domain", help="two-letter zone domain (YJ, ST, ...)")
    p.add_argument("--status", choices=["valid", "suspended", "revoked", "expired"])
    p.add_argument("--dispatched", action=argparse.BooleanOptionalAction, default=None)
    p.add_argument("--name-prefix", default="")
    p.set_defaults(handler=_officers)

    p = what.add_parser("officer", help="one officer by zone id or local id")
    p.add_argument("id")
    p.set_defaults(handler=_officer)

    p = what.add_parser("subjects", help="list enterprises")
    p.add_argument("--region", default="", help="500112 (Yubei) or 511623 (Linshui)")
    p.add_argument("--grade", choices=["A", "B", "C", "D"])
    p.add_argument("--industry", default="", help="GB/T 4754 code prefix")
    p.add_argument("--name-contains", default="")
    p.set_defaults(handler=_subjects)

    p = what.add_parser("subject", help="one enterprise by unified social credit code")
    p.add_argument("code")
    p.set_defaults(handler=_subject)

    p = what.add_parser("items", help="list items")
    p.add_argument("--domain", default="")
    p.set_defaults(handler=_items)

    p = what.add_parser("item", help="one item by zone or local code")
    p.add_argument("code")
    p.set_defaults(handler=_item)

    p = what.add_parser("baseline", help="the baseline of an item in force now (or --at)")
    p.add_argument("code")
    p.add_argument("--at", help="ISO 8601 time, e.g. 2025-06-01T00:00:00+08:00")
    p.set_defaults(handler=_baseline)

    for sub in what.choices.values():
        add_target_options(sub, "staff/demo")
        sub.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _call(args: argparse.Namespace, fn: Callable[[registry_pb2_grpc.RegistryServiceStub, Any], Any]) -> Any:
    target = target_from_args(args)
    with target.channel() as channel:
        stub = registry_pb2_grpc.RegistryServiceStub(channel)
        try:
            return fn(stub, target.metadata)
        except grpc.RpcError as exc:
            code = exc.code().name
            print(f"gaozhu: {code}: {exc.details()}", file=sys.stderr)
            for field, reason in field_violations(exc):
                print(f"  {field}: {reason}", file=sys.stderr)
            raise SystemExit(2) from None


def _list(
    args: argparse.Namespace,
    method: str,
    request: Callable[[], Any],
    field: str,
    table: Callable[[list[Any]], str],
    noun: str,
) -> int:
    """Every page of a List method (`request()` builds the filtered request), as a table or JSON."""

    def run(stub: Any, md: Any) -> list[Any]:
        out: list[Any] = []
        req = request()
        req.page_size = 200
        while True:
            response = getattr(stub, method)(req, metadata=md, timeout=30)
            out.extend(getattr(response, field))
            if not response.next_page_token:
                return out
            req.page_token = response.next_page_token

    found = _call(args, run)
    if args.json:
        _dump(found) if found else print("[]")
    else:
        print(table(found))
        print(f"\n{len(found)} {noun}")
    return 0


def _dump(messages: list[Message]) -> None:
    out = [json_format.MessageToDict(m, preserving_proto_field_name=True) for m in messages]
    json.dump(out if len(out) != 1 else out[0], sys.stdout, ensure_ascii=False, indent=2)
    print()


def _enum(enum_type: Any, number: int, prefix: str) -> str:
    return str(enum_type.Name(number))[len(prefix) + 1 :].lower()


def _officer_rows(officers: list[Any]) -> str:
    rows = [
        (
            o.zone_id,
            o.name,
            _enum(common_pb2.Origin, o.home_origin, "ORIGIN"),
            o.id_number_masked,
            o.certificate_no,
            _enum(common_pb2.CertificateStatus, o.certificate_status, "CERTIFICATE_STATUS"),
            o.certificate_valid_until,
            ",".join(o.domains),
            "yes" if o.dispatched else "no",
        )
        for o in officers
    ]
    return render_table(
        ("zone id", "name", "origin", "id number", "certificate", "status", "valid until", "domains", "zone"),
        rows,
    )


def _officers(args: argparse.Namespace) -> int:
    def request() -> Any:
        req = registry_pb2.ListOfficersRequest(name_prefix=args.name_prefix)
        if args.origin:
            req.origin = wire_enum(common_pb2.Origin.Value(f"ORIGIN_{args.origin.upper()}"))
        if args.domain:
            req.domain = args.domain.upper()
        if args.status:
            req.certificate_status = wire_enum(
                common_pb2.CertificateStatus.Value(f"CERTIFICATE_STATUS_{args.status.upper()}")
            )
        if args.dispatched is not None:
            req.dispatched = args.dispatched
        return req

    return _list(args, "ListOfficers", request, "officers", _officer_rows, "officers")


def _officer(args: argparse.Namespace) -> int:
    key = args.id.strip().upper()
    req = (
        registry_pb2.GetOfficerRequest(zone_id=key)
        if key.startswith("GZZF")
        else (registry_pb2.GetOfficerRequest(local_id=key))
    )
    officer = _call(args, lambda stub, md: stub.GetOfficer(req, metadata=md, timeout=30).officer)
    if args.json:
        _dump([officer])
    else:
        print(_officer_rows([officer]))
        print(
            f"agency: {officer.agency_name} ({officer.agency_code}); training {officer.training_hours_tenths / 10:g} h "
            f"in {officer.training_year}"
        )
    return 0


def _subject_rows(subjects: list[Any]) -> str:
    rows = [
        (
            s.credit_code,
            s.name,
            s.region_code,
            s.industry_code,
            _enum(common_pb2.CreditGrade, s.credit_grade, "CREDIT_GRADE").upper(),
            s.legal_representative,
        )
        for s in subjects
    ]
    return render_table(("credit code", "name", "region", "industry", "grade", "legal rep."), rows)


def _subjects(args: argparse.Namespace) -> int:
    def request() -> Any:
        req = registry_pb2.ListSubjectsRequest(
            region_code=args.region, industry_code=args.industry, name_contains=args.name_contains
        )
        if args.grade:
            req.credit_grade = wire_enum(common_pb2.CreditGrade.Value(f"CREDIT_GRADE_{args.grade}"))
        return req

    return _list(args, "ListSubjects", request, "subjects", _subject_rows, "enterprises")


def _subject(args: argparse.Namespace) -> int:
    req = registry_pb2.GetSubjectRequest(credit_code=args.code)
    subject = _call(args, lambda stub, md: stub.GetSubject(req, metadata=md, timeout=30).subject)
    if args.json:
        _dump([subject])
    else:
        print(_subject_rows([subject]))
        print(f"address: {subject.address}")
    return 0


def _item_rows(items: list[Any]) -> str:
    rows = []
    for i in items:
        local = {_enum(common_pb2.Origin, c.origin, "ORIGIN"): c.code for c in i.local_codes}
        rows.append(
            (
                i.code,
                local.get("chongqing", ""),
                local.get("sichuan", ""),
                i.domain,
                _enum(common_pb2.ItemStatus, i.status, "ITEM_STATUS"),
                i.name,
            )
        )
    return render_table(("code", "chongqing", "sichuan", "domain", "status", "name"), rows)


def _items(args: argparse.Namespace) -> int:
    def request() -> Any:
        return registry_pb2.ListItemsRequest(domain=args.domain.upper())

    return _list(args, "ListItems", request, "items", _item_rows, "items")


def _item(args: argparse.Namespace) -> int:
    item = _call(
        args,
        lambda stub, md: (
            stub.GetItem(registry_pb2.GetItemRequest(code=args.code), metadata=md, timeout=30).item
        ),
    )
    if args.json:
        _dump([item])
    else:
        print(_item_rows([item]))
        print(
            f"basis: {item.basis.law}（{item.basis.version}）{item.basis.article}; "
            f"penalty: {item.penalty_basis.law}（{item.penalty_basis.version}）{item.penalty_basis.article}"
        )
    return 0


def _fine(tier: Any) -> str:
    if not tier.HasField("fine"):
        return "—"
    which = tier.fine.WhichOneof("range")
    r = getattr(tier.fine, which)
    if which == "proportional":
        return f"{r.min_bp / 100:g}%–{r.max_bp / 100:g}% of {_enum(type(r).Base, r.base, 'BASE')}"
    unit = "/m²" if which == "per_unit" else ""
    return f"{r.min_fen / 100:,.2f}–{r.max_fen / 100:,.2f} 元{unit}"


def _baseline(args: argparse.Namespace) -> int:
    req = registry_pb2.GetBaselineRequest(item_code=args.code)
    if args.at:
        req.at.FromDatetime(datetime.fromisoformat(args.at))
    baseline = _call(args, lambda stub, md: stub.GetBaseline(req, metadata=md, timeout=30).baseline)
    if args.json:
        _dump([baseline])
        return 0
    print(
        f"{baseline.item_code} baseline v{baseline.version} {baseline.label}, "
        f"in force from {local_time(baseline.effective_from.ToDatetime(tzinfo=UTC))}"
    )
    rows = [
        (_enum(common_pb2.TierName, t.name, "TIER_NAME"), _fine(t), "、".join(t.other_sanctions), t.condition)
        for t in baseline.tiers
    ]
    print(render_table(("tier", "fine", "other", "when"), rows))
    return 0
