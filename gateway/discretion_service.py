"""DiscretionService: one ruler for both provinces (issue 6).

The same facts give the same decision whichever province asks and whichever code it names the item
by: the code is resolved to the zone's item, the engine (`registry.discretion.assess`, pure) runs on
the zone's baseline versions, and the decision names the zone code only, so the serialized answer
is byte-identical for the zone code and both local codes.

Assessments use the ANNOUNCED versions (revision > 0; registry/baselines.py): a version published for
a future date counts from the moment its change event goes out to both provinces, never earlier, so
the gateway and the provinces' outboxes always agree on which versions exist.

Speed: an item's record and versions are read from the store once per zone revision and kept (they
change only through the change log, so the revision the gateway has followed, `hub.head`, is exact
as a cache key); after that an assessment is the engine's pure computation on the event loop, with
no database round trip. Concurrent misses for the same code share one read.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any, TypeAlias

import structlog
from sqlalchemy.orm import Session

from gaozhu.gateway import convert
from gaozhu.gateway.discretion_convert import (
    assess_error,
    baseline_from_request,
    decision_to_proto,
    facts_from_proto,
    facts_violations,
    penalty_check_to_proto,
)
from gaozhu.gateway.identity import current_identity
from gaozhu.gateway.runtime import Runtime
from gaozhu.registry import items
from gaozhu.registry.baselines import PENDING, publish_baseline
from gaozhu.registry.db import reader
from gaozhu.registry.discretion import BaselineVersion, assess, check_penalty, version_from_record
from gaozhu.registry.errors import FieldViolation, InvalidArgument, NotFound, RegistryError
from gaozhu.registry.items import ItemRecord
from gaozhu.v1 import discretion_pb2, discretion_pb2_grpc

Context: TypeAlias = Any  # grpc.aio.ServicerContext; grpc ships no type information
log = structlog.get_logger("gaozhu.discretion")

MAX_BATCH = 1000
_CACHE_MAX = 4096  # distinct codes asked for (3 per item, plus unknown ones); cleared when exceeded
_ANSWERS_MAX = 2048  # answers kept (~6 kB each in memory, ~12 MB in all); the oldest goes first


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one requested code resolves to at one zone revision: the item and its announced
    versions, or why there is no such item."""

    revision: int
    item: ItemRecord | None
    versions: tuple[BaselineVersion, ...]
    missing: str = ""


class DiscretionServicer(discretion_pb2_grpc.DiscretionServiceServicer):
    """`schedule_announcement(when)` is called after a version is published for a future date, so the
    scheduler can run `announce_due_baselines` at that moment (gateway/jobs.py)."""

    def __init__(
        self, runtime: Runtime, *, schedule_announcement: Callable[[datetime], None] | None = None
    ) -> None:
        self.rt = runtime
        self.schedule_announcement = schedule_announcement
        self._cache: dict[str, _Entry] = {}
        self._loading: dict[tuple[str, int], asyncio.Future[_Entry]] = {}
        self._answers: OrderedDict[tuple[str, bytes], discretion_pb2.AssessResponse] = OrderedDict()
        self._answers_revision = -1

    # --- the item and its versions, cached per zone revision ----------------------------------------

    def _read(self, key: str, revision: int) -> _Entry:
        with Session(reader(self.rt.engine)) as s:
            try:
                item = items.get_item(s, key)
            except NotFound as exc:
                return _Entry(revision, None, (), str(exc))
            records = items.list_baselines(s, item.code)
        versions = tuple(version_from_record(r) for r in records if r.revision != PENDING)
        return _Entry(revision, item, versions)

    def _loaded(self, key: tuple[str, int], _: object) -> None:
        self._loading.pop(key, None)

    async def _entry(self, code: str) -> _Entry:
        """The entry of a code that names an item (NotFound otherwise), current for `hub.head`."""
        key = code.strip().upper()
        if not key:
            raise InvalidArgument(
                [FieldViolation("item_code", "is required: a zone code or either province's local code")]
            )
        revision = self.rt.hub.head
        entry = self._cache.get(key)
        if entry is None or entry.revision != revision:
            pending = self._loading.get((key, revision))
            if pending is None:
                pending = asyncio.ensure_future(self.rt.in_thread(partial(self._read, key, revision)))
                self._loading[(key, revision)] = pending
                pending.add_done_callback(partial(self._loaded, (key, revision)))
            entry = await asyncio.shield(pending)
            if len(self._cache) >= _CACHE_MAX:
                self._cache.clear()
            self._cache[key] = entry
        if entry.item is None:
            raise NotFound(entry.missing)
        return entry

    # --- methods ----------------------------------------------------------------------------------

    async def _answer(self, request: discretion_pb2.AssessRequest) -> discretion_pb2.AssessResponse:
        """The answer for one case. Answers are kept per (zone code, facts as sent) for the zone
        revision they were computed at: a decision is a pure function of the two, so a case asked
        again (the other province, a retry, a re-check while drafting) is answered as it was."""
        entry = await self._entry(request.item_code)
        item = entry.item
        assert item is not None
        if entry.revision > self._answers_revision:
            self._answers.clear()
            self._answers_revision = entry.revision
        key = (item.code, request.facts.SerializeToString(deterministic=True))
        keep = entry.revision == self._answers_revision  # an older entry's answer is not kept
        answer = self._answers.get(key) if keep else None
        if answer is not None:
            return answer
        facts = facts_from_proto(request.facts)
        try:
            decision = assess(item.code, item.statutory, entry.versions, facts)
        except InvalidArgument as exc:
            raise facts_violations(exc) from None
        answer = discretion_pb2.AssessResponse(decision=decision_to_proto(decision))
        if keep:
            if len(self._answers) >= _ANSWERS_MAX:
                self._answers.popitem(last=False)  # the oldest first (O(1), unlike a dict's front)
            self._answers[key] = answer
        return answer

    async def Assess(self, request: discretion_pb2.AssessRequest, context: Context) -> Any:
        return await self._answer(request)

    async def BatchAssess(self, request: discretion_pb2.BatchAssessRequest, context: Context) -> Any:
        if len(request.requests) > MAX_BATCH:
            raise InvalidArgument(
                [FieldViolation("requests", f"at most {MAX_BATCH} cases, got {len(request.requests)}")]
            )
        results = []
        for case in request.requests:
            try:
                answer = await self._answer(case)
                results.append(discretion_pb2.AssessResult(decision=answer.decision))
            except RegistryError as exc:
                results.append(discretion_pb2.AssessResult(error=assess_error(exc)))
            except Exception as exc:  # one case's bug must not fail the others; class only in the log
                log.error("assess_case_failed", error=exc.__class__.__name__)
                failed = discretion_pb2.AssessError(code="INTERNAL", message="internal error")
                results.append(discretion_pb2.AssessResult(error=failed))
        return discretion_pb2.BatchAssessResponse(results=results)

    async def CheckPenalty(self, request: discretion_pb2.CheckPenaltyRequest, context: Context) -> Any:
        facts = facts_from_proto(request.facts)
        entry = await self._entry(request.item_code)
        assert entry.item is not None
        item = entry.item
        try:
            checked = check_penalty(
                item.code, item.statutory, entry.versions, facts, request.imposed_fine_fen
            )
        except InvalidArgument as exc:
            raise facts_violations(exc) from None
        return penalty_check_to_proto(checked)

    async def PublishBaseline(self, request: discretion_pb2.PublishBaselineRequest, context: Context) -> Any:
        if not request.item_code.strip():
            raise InvalidArgument([FieldViolation("item_code", "is required")])
        baseline = baseline_from_request(request)
        identity = current_identity.get()
        actor = str(identity) if identity is not None else "anonymous"
        record = await self.rt.in_thread(
            partial(
                publish_baseline,
                self.rt.engine,
                request.item_code,
                baseline,
                clock=self.rt.clock,
                actor=actor,
                on_commit=self.rt.notify_commit,
            )
        )
        self._cache.clear()  # read-your-writes, even before the follower has moved hub.head
        self._answers.clear()
        if record.revision == PENDING and self.schedule_announcement is not None:
            self.schedule_announcement(record.effective_from)
        log.info(
            "baseline_published",
            item=record.item_code,
            version=record.version,
            effective_from=record.effective_from.isoformat(),
            revision=record.revision,
        )
        return discretion_pb2.PublishBaselineResponse(baseline=convert.baseline_to_proto(record))
