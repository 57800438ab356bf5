"""RegistryService: staff and platforms look up officers, enterprises, items and baselines.

Officers and enterprises come from the in-memory read model (no database round trip per call);
items and baselines from the store, in a worker thread so the event loop never blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeAlias, TypeVar

from sqlalchemy.orm import Session

from gaozhu.gateway import convert
from gaozhu.gateway.runtime import Runtime
from gaozhu.registry import items
from gaozhu.registry.db import reader
from gaozhu.registry.readmodel import decode_token, encode_token, page_size
from gaozhu.registry.records import CertificateStatus, CreditGrade
from gaozhu.v1 import common_pb2, registry_pb2, registry_pb2_grpc

T = TypeVar("T")
Context: TypeAlias = Any  # grpc.aio.ServicerContext; grpc ships no type information


class RegistryServicer(registry_pb2_grpc.RegistryServiceServicer):
    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime
        # zone id -> (revision, answer): the hottest call skips conversion while the record is unchanged.
        self._officer_answers: dict[str, tuple[int, registry_pb2.GetOfficerResponse]] = {}

    async def _read(self, fn: Callable[[Session], T]) -> T:
        def run() -> T:
            with Session(reader(self.rt.engine)) as session:
                return fn(session)

        return await self.rt.in_thread(run)

    async def GetOfficer(self, request: registry_pb2.GetOfficerRequest, context: Context) -> Any:
        key = request.zone_id or request.local_id
        return registry_pb2.GetOfficerResponse(
            officer=convert.officer_to_proto(self.rt.readmodel.officer(key))
        )

    async def ListOfficers(self, request: registry_pb2.ListOfficersRequest, context: Context) -> Any:
        page = self.rt.readmodel.list_officers(
            size=request.page_size,
            token=request.page_token,
            origin=convert.origin_from_proto(request.origin) if request.HasField("origin") else None,
            domain=request.domain if request.HasField("domain") else None,
            certificate_status=convert.enum_from_proto(
                common_pb2.CertificateStatus,
                "CERTIFICATE_STATUS",
                request.certificate_status,
                CertificateStatus,
                "certificate_status",
            )
            if request.HasField("certificate_status")
            else None,
            dispatched=request.dispatched if request.HasField("dispatched") else None,
            name_prefix=request.name_prefix,
        )
        return registry_pb2.ListOfficersResponse(
            officers=[convert.officer_to_proto(o) for o in page.records], next_page_token=page.next_page_token
        )

    async def GetSubject(self, request: registry_pb2.GetSubjectRequest, context: Context) -> Any:
        view = self.rt.readmodel.subject(request.credit_code)
        return registry_pb2.GetSubjectResponse(subject=convert.subject_to_proto(view))

    async def ListSubjects(self, request: registry_pb2.ListSubjectsRequest, context: Context) -> Any:
        page = self.rt.readmodel.list_subjects(
            size=request.page_size,
            token=request.page_token,
            region_code=request.region_code,
            credit_grade=convert.enum_from_proto(
                common_pb2.CreditGrade, "CREDIT_GRADE", request.credit_grade, CreditGrade, "credit_grade"
            )
            if request.HasField("credit_grade")
            else None,
            industry_code=request.industry_code,
            name_contains=request.name_contains,
        )
        return registry_pb2.ListSubjectsResponse(
            subjects=[convert.subject_to_proto(s) for s in page.records], next_page_token=page.next_page_token
        )

    async def GetItem(self, request: registry_pb2.GetItemRequest, context: Context) -> Any:
        record = await self._read(lambda s: items.get_item(s, request.code))
        return registry_pb2.GetItemResponse(item=convert.item_to_proto(record))

    async def ListItems(self, request: registry_pb2.ListItemsRequest, context: Context) -> Any:
        kind = (
            common_pb2.ItemKind.Name(request.kind)[len("ITEM_KIND_") :].lower()
            if request.HasField("kind")
            else None
        )
        status = (
            common_pb2.ItemStatus.Name(request.status)[len("ITEM_STATUS_") :].lower()
            if request.HasField("status")
            else None
        )
        filters = {"domain": request.domain, "kind": kind, "status": status}
        after = decode_token("items", request.page_token, filters)
        size = page_size(request.page_size)
        records = await self._read(
            lambda s: items.list_items(s, domain=request.domain or None, kind=kind, status=status)
        )
        remaining = [r for r in records if r.code > after]
        page = remaining[:size]
        last = page[-1].code if len(remaining) > size else ""
        return registry_pb2.ListItemsResponse(
            items=[convert.item_to_proto(r) for r in page],
            next_page_token=encode_token("items", last, filters),
        )

    async def GetBaseline(self, request: registry_pb2.GetBaselineRequest, context: Context) -> Any:
        at = convert.from_ts(request.at) if request.HasField("at") else self.rt.clock.now()
        record = await self._read(lambda s: items.baseline_at(s, request.item_code, at))
        return registry_pb2.GetBaselineResponse(baseline=convert.baseline_to_proto(record))

    async def ListBaselines(self, request: registry_pb2.ListBaselinesRequest, context: Context) -> Any:
        records = await self._read(lambda s: items.list_baselines(s, request.item_code))
        return registry_pb2.ListBaselinesResponse(baselines=[convert.baseline_to_proto(b) for b in records])
