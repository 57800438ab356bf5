"""`gaozhu sync status` and `gaozhu quarantine list`: what the zone's history and review queue look like."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC
from typing import Any

import grpc
from google.protobuf import json_format

from gaozhu.gateway.client import add_target_options, target_from_args, wire_enum
from gaozhu.gateway.tables import local_time, render_table
from gaozhu.registry.changelog import Origin
from gaozhu.v1 import common_pb2, sync_pb2, sync_pb2_grpc


def register(verbs: Any) -> None:
    sync = verbs.add_parser("sync", help="the zone's revision counters and platforms' pushes")
    sync_verbs = sync.add_subparsers(dest="sync_verb", required=True, metavar="ACTION")
    status = sync_verbs.add_parser(
        "status", help="current and compaction revisions, each platform's last push"
    )
    add_target_options(status, "staff/demo")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    quarantine = verbs.add_parser("quarantine", help="rejected pushes waiting for a corrected resubmission")
    q_verbs = quarantine.add_subparsers(dest="quarantine_verb", required=True, metavar="ACTION")
    ls = q_verbs.add_parser("list", help="open entries, newest first (admin)")
    ls.add_argument("--origin", choices=["sichuan", "chongqing"])
    add_target_options(ls, "admin/demo")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_quarantine)


def _fail(exc: grpc.RpcError) -> int:
    print(f"gaozhu: {exc.code().name}: {exc.details()}", file=sys.stderr)
    return 2


def _status(args: argparse.Namespace) -> int:
    target = target_from_args(args)
    with target.channel() as channel:
        try:
            status = sync_pb2_grpc.SyncServiceStub(channel).GetSyncStatus(
                sync_pb2.GetSyncStatusRequest(), metadata=target.metadata, timeout=30
            )
        except grpc.RpcError as exc:
            return _fail(exc)
    if args.json:
        print(json.dumps(json_format.MessageToDict(status, preserving_proto_field_name=True), indent=2))
        return 0
    print(f"current revision    {status.current_revision}")
    print(f"compacted revision  {status.compacted_revision}")
    rows = [
        (
            common_pb2.Origin.Name(p.origin)[len("ORIGIN_") :].lower(),
            local_time(p.last_push_at.ToDatetime(tzinfo=UTC)),
            p.last_push_revision,
        )
        for p in status.platforms
    ]
    print()
    print(
        render_table(("platform", "last push", "at revision"), rows) if rows else "no platform has pushed yet"
    )
    return 0


def _quarantine(args: argparse.Namespace) -> int:
    target = target_from_args(args)
    entries: list[Any] = []
    with target.channel() as channel:
        stub = sync_pb2_grpc.SyncServiceStub(channel)
        token = ""
        while True:
            request = sync_pb2.ListQuarantineRequest(page_size=200, page_token=token)
            if args.origin:
                request.origin = wire_enum(
                    common_pb2.Origin.Value(f"ORIGIN_{Origin(args.origin.upper()).value}")
                )
            try:
                page = stub.ListQuarantine(request, metadata=target.metadata, timeout=30)
            except grpc.RpcError as exc:
                return _fail(exc)
            entries.extend(page.entries)
            token = page.next_page_token
            if not token:
                break
    if args.json:
        out = [json_format.MessageToDict(e, preserving_proto_field_name=True) for e in entries]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    rows = [
        (
            e.id,
            common_pb2.Origin.Name(e.origin)[len("ORIGIN_") :].lower(),
            common_pb2.RecordKind.Name(e.kind)[len("RECORD_KIND_") :].lower(),
            e.local_id,
            e.version,
            "; ".join(f"{v.field}: {v.reason}" for v in e.violations),
        )
        for e in entries
    ]
    print(render_table(("id", "origin", "kind", "local id", "version", "why"), rows))
    print(f"\n{len(entries)} open entries")
    return 0
