"""The two provinces behind one interface, so the agent is written once: where the platform's exports
are read from, and how the zone's records are written back in the province's own format."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Protocol
from xml.etree.ElementTree import Element

from gaozhu.adapters import chongqing, sichuan
from gaozhu.adapters.common import SHANGHAI, ReadResult
from gaozhu.v1 import common_pb2, items_pb2, personnel_pb2


@dataclass(frozen=True)
class ZoneBatch:
    """What the zone owns, for one outbox write: items, baselines (with the province's item code) and
    the other province's officers dispatched to the zone."""

    items: Sequence[items_pb2.Item]
    baselines: Sequence[tuple[items_pb2.Baseline, str]]
    officers: Sequence[personnel_pb2.Officer]
    revision: int  # the last zone revision this batch covers

    def __bool__(self) -> bool:
        return bool(self.items or self.baselines or self.officers)


class ProvinceFormat(Protocol):
    origin: Any  # common_pb2.Origin of the province
    other: Any  # the other province: its dispatched officers are written for us

    def inputs(self, source: Path) -> list[Path]: ...

    def read(self, path: Path) -> ReadResult: ...

    def write(self, outbox: Path, batch: ZoneBatch, serial: int) -> Path: ...


class ChongqingFormat:
    origin = common_pb2.ORIGIN_CHONGQING
    other = common_pb2.ORIGIN_SICHUAN

    def inputs(self, source: Path) -> list[Path]:
        return chongqing.list_complete_files(source)

    def read(self, path: Path) -> ReadResult:
        return chongqing.read_file(path)

    def write(self, outbox: Path, batch: ZoneBatch, serial: int) -> Path:
        lines = [chongqing.item_line(i) for i in batch.items]
        lines += [chongqing.baseline_line(b, code) for b, code in batch.baselines]
        lines += [chongqing.officer_line(o) for o in batch.officers]
        return chongqing.write_outbox_file(outbox, batch.revision, lines)


class SichuanFormat:
    origin = common_pb2.ORIGIN_SICHUAN
    other = common_pb2.ORIGIN_CHONGQING

    def inputs(self, source: Path) -> list[Path]:
        return sichuan.list_packages(source)

    def read(self, path: Path) -> ReadResult:
        return sichuan.read_package(path)

    def write(self, outbox: Path, batch: ZoneBatch, serial: int) -> Path:
        elements: list[Element] = [sichuan.matter_element(i) for i in batch.items]
        elements += [sichuan.baseline_element(b, code) for b, code in batch.baselines]
        elements += [sichuan.dispatched_officer_element(o) for o in batch.officers]
        return sichuan.write_package(outbox, _today(), serial, elements)


def _today() -> date:
    return datetime.now(SHANGHAI).date()


FORMATS: dict[str, ProvinceFormat] = {"chongqing": ChongqingFormat(), "sichuan": SichuanFormat()}
