"""What the zone writes for both provinces alike: tier names, legal bases and fine rules in words.

Both outbox formats carry a fixed yuan range natively, but neither has a place for a fine that is a
proportion of a base (1%–5% of investment, 1–5x illegal gains) or an amount per square metre. Those
are written with the yuan fields left empty, so no platform reads a ratio as yuan, plus the rule in
words (`describe_fine`) and as flat text pairs (`fine_rule`), which each province module places
where its format ignores unknown content. Base and unit names are Chinese, as the platforms' are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from gaozhu.adapters.common import fen_to_yuan, yuan_to_fen
from gaozhu.v1 import common_pb2, items_pb2

__all__ = [
    "BASE_FROM_ZH",
    "BASE_ZH",
    "TIER_FROM_ZH",
    "TIER_ZH",
    "UNIT_FROM_ZH",
    "UNIT_ZH",
    "basis_text",
    "describe_fine",
    "fine_from_rule",
    "fine_rule",
    "local_code",
    "parse_basis_text",
]

Range = common_pb2.FineRange

TIER_ZH: dict[common_pb2.TierName, str] = {
    common_pb2.TIER_NAME_NO_PENALTY: "不予处罚",
    common_pb2.TIER_NAME_MITIGATED: "减轻处罚",
    common_pb2.TIER_NAME_LIGHTER: "从轻处罚",
    common_pb2.TIER_NAME_ORDINARY: "一般处罚",
    common_pb2.TIER_NAME_HEAVIER: "从重处罚",
}
TIER_FROM_ZH = {v: k for k, v in TIER_ZH.items()}

BASE_ZH: dict[common_pb2.FineRange.Proportional.Base, str] = {
    Range.Proportional.BASE_PROJECT_COST: "工程造价",
    Range.Proportional.BASE_INVESTMENT: "总投资额",
    Range.Proportional.BASE_CONTRACT_PRICE: "合同价款",
    Range.Proportional.BASE_ILLEGAL_GAINS: "违法所得",
    Range.Proportional.BASE_GOODS_VALUE: "货值金额",
    Range.Proportional.BASE_DISPOSAL_COST: "处置费用",
}
BASE_FROM_ZH = {v: k for k, v in BASE_ZH.items()}

UNIT_ZH: dict[common_pb2.FineRange.PerUnit.Unit, str] = {
    Range.PerUnit.UNIT_SQUARE_METRE: "平方米",
    Range.PerUnit.UNIT_CUBIC_METRE: "立方米",
}
UNIT_FROM_ZH = {v: k for k, v in UNIT_ZH.items()}


def local_code(item: items_pb2.Item, origin: common_pb2.Origin) -> str:
    """The province's code for a zone item; ValueError if the crosswalk has none (nothing to write)."""
    for code in item.local_codes:
        if code.origin == origin:
            return code.code
    raise ValueError(f"item {item.code} has no {common_pb2.Origin.Name(origin)} local code")


# --- legal basis --------------------------------------------------------------------------------

_PENALTY = "；罚则："
_REF = re.compile(r"《(?P<law>[^《》]+)》(?:（(?P<version>[^（）]*)）)?(?P<article>.*)", re.DOTALL)


def _ref_text(ref: common_pb2.LegalRef) -> str:
    version = f"（{ref.version}）" if ref.version else ""
    return f"《{ref.law}》{version}{ref.article}"


def basis_text(basis: common_pb2.LegalRef, penalty: common_pb2.LegalRef | None = None) -> str:
    """`《安全生产法》（2021）第九十七条第三项`, then `；罚则：…` when the penalty provision differs."""
    text = _ref_text(basis) if basis.law else ""
    if penalty is not None and penalty.law and penalty != basis:
        text += _PENALTY + _ref_text(penalty)
    return text


def _parse_ref(text: str) -> common_pb2.LegalRef:
    match = _REF.fullmatch(text)
    if match is None:  # free text from elsewhere: keep it whole rather than lose it
        return common_pb2.LegalRef(law=text)
    return common_pb2.LegalRef(
        law=match["law"], version=match["version"] or "", article=match["article"] or ""
    )


def parse_basis_text(text: str) -> tuple[common_pb2.LegalRef, common_pb2.LegalRef | None]:
    """The inverse of basis_text: (provision breached, penalty provision or None)."""
    head, _, tail = text.strip().partition(_PENALTY)
    basis = _parse_ref(head) if head else common_pb2.LegalRef()
    return basis, (_parse_ref(tail) if tail else None)


# --- fines in words -----------------------------------------------------------------------------


def _factor(bp: int) -> str:
    """Basis points as the statutes write them: whole multiples as 倍, the rest as a percentage."""
    if bp % 10_000 == 0:
        return f"{bp // 10_000}倍"
    return f"{(Decimal(bp) / 100).normalize():f}%"


def describe_fine(fine: common_pb2.FineRange) -> str:
    """A fine range in the words a baseline table uses, amounts in yuan; empty when there is none."""
    form = fine.WhichOneof("range")
    if form == "fixed":
        f = fine.fixed
        if f.up_to or f.min_fen == 0:
            return f"{fen_to_yuan(f.max_fen)}元以下"
        return f"{fen_to_yuan(f.min_fen)}元以上{fen_to_yuan(f.max_fen)}元以下"
    if form == "proportional":
        p = fine.proportional
        base = BASE_ZH.get(p.base, "基数")
        text = f"{base}的{_factor(p.min_bp)}以上{_factor(p.max_bp)}以下"
        if p.HasField("base_floor_fen"):
            floor = fen_to_yuan(p.base_floor_fen)
            text += f"（{base}不足{floor}元的，按{floor}元计算）"
        if p.HasField("below"):
            b = p.below
            text += (
                f"；{base}不足{fen_to_yuan(b.threshold_fen)}元的，"
                f"{fen_to_yuan(b.min_fen)}元以上{fen_to_yuan(b.max_fen)}元以下"
            )
        return text
    if form == "per_unit":
        u = fine.per_unit
        return f"每{UNIT_ZH.get(u.unit, '单位')}{fen_to_yuan(u.min_fen)}元以上{fen_to_yuan(u.max_fen)}元以下"
    return ""


# --- fines as data ------------------------------------------------------------------------------

PROPORTIONAL = "比例"
PER_UNIT = "单价"


def fine_rule(fine: common_pb2.FineRange) -> dict[str, str]:
    """A proportional or per-unit fine as flat text pairs (JSON keys or XML attributes alike).

    Amounts are yuan with two decimals, factors basis points (1% = 100, 1x = 10000). Empty for a
    fixed range or none: those have the formats' own fields.
    """
    form = fine.WhichOneof("range")
    if form == "proportional":
        p = fine.proportional
        rule = {"form": PROPORTIONAL, "base": BASE_ZH[p.base], "minBp": str(p.min_bp), "maxBp": str(p.max_bp)}
        if p.HasField("base_floor_fen"):
            rule["baseFloor"] = fen_to_yuan(p.base_floor_fen)
        if p.HasField("below"):
            rule["belowThreshold"] = fen_to_yuan(p.below.threshold_fen)
            rule["belowMin"] = fen_to_yuan(p.below.min_fen)
            rule["belowMax"] = fen_to_yuan(p.below.max_fen)
        return rule
    if form == "per_unit":
        u = fine.per_unit
        return {
            "form": PER_UNIT,
            "per": UNIT_ZH[u.unit],
            "min": fen_to_yuan(u.min_fen),
            "max": fen_to_yuan(u.max_fen),
            "unit": "元",
        }
    return {}


def _bp(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise ValueError("basis points must be a whole number")
    return int(text)


def fine_from_rule(rule: Mapping[str, str]) -> common_pb2.FineRange:
    """The inverse of fine_rule; KeyError or ValueError when a pair is missing or malformed."""
    if rule["form"] == PROPORTIONAL:
        p = Range.Proportional(
            base=BASE_FROM_ZH[rule["base"]], min_bp=_bp(rule["minBp"]), max_bp=_bp(rule["maxBp"])
        )
        if "baseFloor" in rule:
            p.base_floor_fen = yuan_to_fen(rule["baseFloor"])
        if "belowThreshold" in rule:
            p.below.threshold_fen = yuan_to_fen(rule["belowThreshold"])
            p.below.min_fen = yuan_to_fen(rule["belowMin"])
            p.below.max_fen = yuan_to_fen(rule["belowMax"])
        return Range(proportional=p)
    if rule["form"] == PER_UNIT:
        return Range(
            per_unit=Range.PerUnit(
                unit=UNIT_FROM_ZH[rule["per"]],
                min_fen=yuan_to_fen(rule["min"]),
                max_fen=yuan_to_fen(rule["max"]),
            )
        )
    raise ValueError(f"unknown fine form {rule['form']!r}")
