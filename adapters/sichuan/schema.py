"""Names and vocabularies of Sichuan's exchange schema version 2 (shared/platforms/sichuan.md).

One table per vocabulary, read in both directions, so reading and writing cannot drift apart.
"""

from __future__ import annotations

import re
from datetime import date

from gaozhu.v1 import common_pb2

__all__ = [
    "CERTIFICATE_STATE",
    "CREDIT_RATING",
    "GENDER",
    "ITEM_KIND",
    "ITEM_STATE",
    "NS",
    "OUTCOME",
    "RECORD_TAGS",
    "ZONE_ASSIGNED",
    "format_cn_date",
    "parse_cn_date",
    "q",
]

NS = "urn:sczf:exchange:2"
RECORD_TAGS = ("Officer", "Enterprise", "Inspection")

GENDER = {"男": common_pb2.GENDER_MALE, "女": common_pb2.GENDER_FEMALE}
# 注销 (cancelled) has no status of its own: REVOKED, with the word kept as the status reason.
CERTIFICATE_STATE = {
    "正常": common_pb2.CERTIFICATE_STATUS_VALID,
    "暂扣": common_pb2.CERTIFICATE_STATUS_SUSPENDED,
    "吊销": common_pb2.CERTIFICATE_STATUS_REVOKED,
    "注销": common_pb2.CERTIFICATE_STATUS_REVOKED,
    "过期": common_pb2.CERTIFICATE_STATUS_EXPIRED,
}
CANCELLED = "注销"
CREDIT_RATING = {
    "A级": common_pb2.CREDIT_GRADE_A,
    "B级": common_pb2.CREDIT_GRADE_B,
    "C级": common_pb2.CREDIT_GRADE_C,
    "D级": common_pb2.CREDIT_GRADE_D,
}
OUTCOME = {
    "未发现问题": common_pb2.INSPECTION_RESULT_NO_PROBLEM,
    "责令整改": common_pb2.INSPECTION_RESULT_ORDERED_TO_CORRECT,
    "立案查处": common_pb2.INSPECTION_RESULT_CASE_OPENED,
}
ZONE_ASSIGNED = {"true": True, "false": False}
ITEM_KIND = {
    "行政处罚": common_pb2.ITEM_KIND_PENALTY,
    "行政检查": common_pb2.ITEM_KIND_INSPECTION,
    "行政强制": common_pb2.ITEM_KIND_COMPULSORY,
}
ITEM_STATE = {"有效": common_pb2.ITEM_STATUS_IN_FORCE, "废止": common_pb2.ITEM_STATUS_WITHDRAWN}


def q(tag: str) -> str:
    """The namespaced tag ElementTree reports for an element of the schema."""
    return f"{{{NS}}}{tag}"


_CN_DATE = re.compile(r"(\d{4})年(\d{2})月(\d{2})日", re.ASCII)


def parse_cn_date(text: str) -> str:
    """`2027年12月31日` -> `2027-12-31` (the common schema stores the ISO form)."""
    match = _CN_DATE.fullmatch(text.strip())
    if match is None:
        raise ValueError("must be a date YYYY年MM月DD日")
    try:
        return date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        raise ValueError("is not a real calendar date") from None


def format_cn_date(day: date | str) -> str:
    value = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{value.year:04d}年{value.month:02d}月{value.day:02d}日"
