"""Server bootstrap: checks, services, health, reflection, graceful shutdown.

`--insecure` (plaintext, identity from a header) is refused on anything but a loopback address.
The store must be at the migrations' head before the gateway serves from it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import signal
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import grpc
import structlog
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from gaozhu import migrations
from gaozhu.gateway.certs import server_credentials
from gaozhu.gateway.discretion_service import DiscretionServicer
from gaozhu.gateway.guard import CallGuard, guard_services
from gaozhu.gateway.jobs import DEFAULT_RETENTION, arm_announcement, start_scheduler
from gaozhu.gateway.registry_service import RegistryServicer
from gaozhu.gateway.runtime import Runtime
from gaozhu.gateway.sync_service import SyncServicer
from gaozhu.registry.clock import Clock, SystemClock
from gaozhu.registry.db import create_store_engine, database_url
from gaozhu.registry.errors import FailedPrecondition
from gaozhu.registry.vault import Vault, load_master_key
from gaozhu.v1 import (
    credentials_pb2_grpc,
    discretion_pb2,
    discretion_pb2_grpc,
    registry_pb2,
    registry_pb2_grpc,
    supervision_pb2_grpc,
    sync_pb2,
    sync_pb2_grpc,
)

log = structlog.get_logger("gaozhu.server")
T = TypeVar("T")

SERVICE_NAMES = (
    registry_pb2.DESCRIPTOR.services_by_name["RegistryService"].full_name,
    sync_pb2.DESCRIPTOR.services_by_name["SyncService"].full_name,
    discretion_pb2.DESCRIPTOR.services_by_name["DiscretionService"].full_name,
)


@dataclass(frozen=True, slots=True)
class ServeConfig:
    db_url: str | None = None
    listen: str = "127.0.0.1:50051"
    tls_dir: Path | None = None
    insecure: bool = False
    data_key_file: Path | None = None
    grace_s: float = 5.0
    health_interval_s: float = 2.0
    progress_s: float = 5.0  # a watcher with nothing to receive gets a progress mark this often
    watch_buffer: int = 4096  # events kept for watchers; a reader further behind is cut off
    retention: timedelta = DEFAULT_RETENTION  # change-log entries older than this are compacted
    compaction_every: timedelta = timedelta(hours=1)


def is_loopback(listen: str) -> bool:
    host = listen.rsplit(":", 1)[0].strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_config(config: ServeConfig) -> None:
    if config.insecure and config.tls_dir is not None:
        raise ValueError("choose one of --insecure and --tls-dir")
    if config.insecure and not is_loopback(config.listen):
        raise ValueError(
            f"--insecure is allowed only on a loopback address, not {config.listen}: use --tls-dir"
        )
    if not config.insecure and config.tls_dir is None:
        raise ValueError(
            "TLS needs --tls-dir DIR (create one with `gaozhu certs init DIR`), or --insecure on loopback"
        )


class Gateway:
    def __init__(self, config: ServeConfig, clock: Clock | None = None) -> None:
        check_config(config)
        self.config = config
        at_head, current, head = migrations.is_at_head(config.db_url)
        if not at_head:
            raise FailedPrecondition(
                f"the store is at {current or 'base'}, the migrations' head is {head}: run `gaozhu db upgrade`"
            )
        self.engine = create_store_engine(config.db_url)
        self.runtime = Runtime(
            self.engine, Vault(load_master_key(config.data_key_file)), clock or SystemClock()
        )
        self.health = health.aio.HealthServicer()
        self.server = grpc.aio.server(
            options=[("grpc.so_reuseport", 0)],
        )
        self.port = 0
        self._health_task: asyncio.Task[None] | None = None
        self._scheduler: AsyncIOScheduler | None = None

    async def start(self) -> int:
        guard_services(
            self.server,
            CallGuard(insecure=self.config.insecure),
            [
                (registry_pb2_grpc.add_RegistryServiceServicer_to_server, RegistryServicer(self.runtime)),
                (
                    sync_pb2_grpc.add_SyncServiceServicer_to_server,
                    SyncServicer(self.runtime, progress_s=self.config.progress_s),
                ),
                # Not built yet: registered with the generated bases so that roles are still enforced
                # first and callers get UNIMPLEMENTED, not an unknown service (README: "What works today").
                (
                    discretion_pb2_grpc.add_DiscretionServiceServicer_to_server,
                    DiscretionServicer(self.runtime, schedule_announcement=self._arm_announcement),
                ),
                (
                    credentials_pb2_grpc.add_CredentialServiceServicer_to_server,
                    credentials_pb2_grpc.CredentialServiceServicer(),
                ),
                (
                    supervision_pb2_grpc.add_SupervisionServiceServicer_to_server,
                    supervision_pb2_grpc.SupervisionServiceServicer(),
                ),
            ],
        )
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        reflection.enable_server_reflection(
            (*SERVICE_NAMES, health.SERVICE_NAME, reflection.SERVICE_NAME), self.server
        )
        try:
            if self.config.insecure:
                self.port = self.server.add_insecure_port(self.config.listen)
            else:
                assert self.config.tls_dir is not None
                self.port = self.server.add_secure_port(
                    self.config.listen, server_credentials(self.config.tls_dir)
                )
        except RuntimeError:
            self.engine.dispose()
            raise OSError(
                f"cannot listen on {self.config.listen}: the address is in use or not local"
            ) from None
        await self.runtime.start()
        await self.server.start()
        await self._set_health(health_pb2.HealthCheckResponse.SERVING)
        self._health_task = asyncio.create_task(self._watch_store(), name="gaozhu-health")
        self._scheduler = start_scheduler(
            self.engine,
            self.runtime.clock,
            retention=self.config.retention,
            every=self.config.compaction_every,
        )
        log.info(
            "serving",
            listen=self.config.listen,
            port=self.port,
            tls=not self.config.insecure,
            revision=self.runtime.readmodel.revision,
            store=database_url(self.config.db_url).split("://", 1)[0],
        )
        return self.port

    def _arm_announcement(self, when: datetime) -> None:
        """A baseline version was published for `when`: (re)arm the scheduler's date job."""
        if self._scheduler is not None:
            arm_announcement(self._scheduler, self.engine, self.runtime.clock, self.runtime.notify_commit)

    async def _set_health(self, status: int) -> None:
        for name in ("", *SERVICE_NAMES):
            await self.health.set(name, status)

    async def _watch_store(self) -> None:
        serving = True
        while True:
            await asyncio.sleep(self.config.health_interval_s)
            try:
                await self.runtime.in_thread(self.runtime.check_store)
                ok = True
            except Exception:
                ok = False
            if ok != serving:
                serving = ok
                log.warning("store_health", serving=ok)
                await self._set_health(
                    health_pb2.HealthCheckResponse.SERVING
                    if ok
                    else health_pb2.HealthCheckResponse.NOT_SERVING
                )

    async def stop(self, grace: float | None = None) -> None:
        """No new calls; open calls and streams get `grace` seconds to finish."""
        await self.health.enter_graceful_shutdown()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        if self._health_task is not None:
            self._health_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._health_task
        await self.server.stop(self.config.grace_s if grace is None else grace)
        await self.runtime.stop()
        self.engine.dispose()
        log.info("stopped")


def run(main: Coroutine[Any, Any, T]) -> T:
    """Run on uvloop when installed (grpc.aio runs on it, ~15% faster per call), else asyncio's loop."""
    factory: Callable[[], asyncio.AbstractEventLoop] | None
    try:
        import uvloop

        factory = uvloop.new_event_loop
    except ImportError:
        factory = None
    with asyncio.Runner(loop_factory=factory) as runner:
        return runner.run(main)


async def serve_until_signal(config: ServeConfig) -> None:
    gateway = Gateway(config)
    await gateway.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("shutting_down", grace_s=config.grace_s)
    await gateway.stop()
