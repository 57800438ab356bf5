"""`gaozhu adapter run`: a province's agent (adapters/agent.py) against a gateway."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from pathlib import Path
from typing import Any

import grpc

from gaozhu.adapters.agent import Agent, run_once
from gaozhu.adapters.formats import FORMATS
from gaozhu.adapters.sync_client import SyncClient, insecure_channel, secure_channel
from gaozhu.gateway.certs import channel_credentials
from gaozhu.gateway.client import Target, add_target_options, target_from_args
from gaozhu.gateway.server import run
from gaozhu.v1 import sync_pb2

POLL_S = 2.0  # how often a running agent looks for new complete exports


def register(verbs: Any) -> None:
    adapter = verbs.add_parser("adapter", help="a province's agent: exports up, zone records down")
    actions = adapter.add_subparsers(dest="adapter_verb", required=True, metavar="ACTION")
    p = actions.add_parser(
        "run", help="push the platform's exports, write the zone's records into the outbox"
    )
    p.add_argument("--province", required=True, choices=sorted(FORMATS))
    p.add_argument("--source", required=True, type=Path, help="where the platform drops its exports")
    p.add_argument("--outbox", required=True, type=Path, help="where the zone's records are written for it")
    p.add_argument("--state", type=Path, help="progress file (default OUTBOX/.gaozhu-agent.json)")
    p.add_argument("--batch", type=int, default=500, help="records per push (at most 1000)")
    p.add_argument("--once", action="store_true", help="push the backlog, catch the outbox up, then exit")
    add_target_options(p, "")
    p.set_defaults(handler=_run)


def open_client(target: Target) -> tuple[grpc.aio.Channel, SyncClient]:
    if target.tls_dir is None:
        channel = insecure_channel(target.address)
    else:
        creds = channel_credentials(target.tls_dir, target.identity.role.value, target.identity.name)
        channel = secure_channel(target.address, creds)
    return channel, SyncClient(channel, target.metadata)


async def agent_main(args: argparse.Namespace) -> int:
    target = target_from_args(args)
    args.outbox.mkdir(parents=True, exist_ok=True)
    channel, client = open_client(target)
    agent = Agent(
        FORMATS[args.province],
        client,
        source=args.source,
        outbox=args.outbox,
        state_file=args.state or args.outbox / ".gaozhu-agent.json",
        batch=min(max(args.batch, 1), 1000),
    )

    async def current_revision() -> int:
        status = await client.stub.GetSyncStatus(
            sync_pb2.GetSyncStatusRequest(), metadata=client.metadata, timeout=60, wait_for_ready=True
        )
        return int(status.current_revision)

    async with channel:
        if args.once:
            revision = await run_once(agent, current_revision)
            print(f"outbox written up to zone revision {revision}", file=sys.stderr)
            return 1 if any(s.counts["rejected"] or s.counts["refused"] for s in agent.summaries) else 0
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)

        async def up() -> None:
            while not stop.is_set():
                await agent.push_backlog()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), POLL_S)

        await asyncio.gather(up(), agent.write_zone(stop=stop))
        return 0


def _run(args: argparse.Namespace) -> int:
    if not args.identity:
        args.identity = f"platform/{args.province}"
    if not args.source.is_dir():
        print(f"gaozhu adapter: --source {args.source} is not a directory", file=sys.stderr)
        return 2
    return run(agent_main(args))
