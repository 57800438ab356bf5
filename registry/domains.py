"""The eight enforcement domains devolved to the zone, and each province's name for them.

One table so that every translation (zone letters, Chongqing code, Sichuan number, Chinese name)
reads the same source. Codes come from shared/platforms/chongqing.md and sichuan.md.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Domain:
    zone: str  # two letters in zone item codes: GZ-<zone>-NNN
    chongqing: str  # Chongqing domain code (YJGL ...)
    sichuan: str  # Sichuan two-digit domain number (01 ...)
    name_zh: str
    name_en: str


DOMAINS: tuple[Domain, ...] = (
    Domain("YJ", "YJGL", "01", "应急管理", "emergency management"),
    Domain("ST", "STHJ", "02", "生态环境", "ecology and environment"),
    Domain("GH", "GHZY", "03", "规划和自然资源", "planning and natural resources"),
    Domain("ZJ", "ZFCX", "04", "住房和城乡建设", "housing and urban-rural construction"),
    Domain("JT", "JTYS", "05", "交通运输", "transport"),
    Domain("SL", "SLGL", "06", "水利", "water resources"),
    Domain("NY", "NYNC", "07", "农业农村", "agriculture and rural affairs"),
    Domain("SJ", "SCJG", "08", "市场监管", "market regulation"),
)

BY_ZONE = {d.zone: d for d in DOMAINS}
BY_CHONGQING = {d.chongqing: d for d in DOMAINS}
BY_SICHUAN = {d.sichuan: d for d in DOMAINS}
BY_NAME_ZH = {d.name_zh: d for d in DOMAINS}


def domain(zone_code: str) -> Domain:
    """The domain for its zone letters; KeyError names the unknown code."""
    try:
        return BY_ZONE[zone_code]
    except KeyError:
        raise KeyError(f"unknown domain {zone_code!r}; known: {', '.join(BY_ZONE)}") from None
