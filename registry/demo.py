"""A deterministic demo of the zone at launch: 24 dispatched officers from both provinces (plus a few
not dispatched) and 94 park enterprises on both sides, credit graded A–D (~40/35/20/5%).

Figures follow domain.md (24 officers, 94 park enterprises); names, numbers and firms are made up
but pass every identifier check. Same seed, same zone: tests and `make run` see identical data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from gaozhu.registry.changelog import Operation, Origin, RecordKind
from gaozhu.registry.identifiers import LINSHUI, YUBEI, credit_code_check_char, id_number_check_char
from gaozhu.registry.records import CertificateStatus, CreditGrade, Gender, Officer, Subject
from gaozhu.registry.writes import WriteEntry

SEED = 20241231
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
_GIVEN = [
    "建国",
    "晓燕",
    "志强",
    "丽",
    "敏",
    "伟",
    "芳",
    "军",
    "静",
    "磊",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
]
_SPECIAL_NAMES = ["阿依古丽·买买提", "𠮷祥"]  # a middle dot, and a character beyond the BMP
_INDUSTRIES = ["C3670", "C3841", "C3130", "C2614", "C1469", "C3360", "C3311", "C3484", "C2927", "C3989"]
_FIRM_WORDS = ["汽配", "新材料", "电池", "机械", "化工", "食品", "电子", "模具", "塑胶", "精密"]
_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CQ_AGENCY = ("重庆市渝北区综合行政执法局", "11500112MB1234567U")
_SC_AGENCY = ("邻水县综合行政执法局", "11511623MB76543211")


@dataclass(frozen=True, slots=True)
class DemoZone:
    chongqing: list[WriteEntry]
    sichuan: list[WriteEntry]


def _id_number(rng: random.Random, prefix: str, x_check: bool = False) -> str:
    while True:
        born = date(1970, 1, 1) + timedelta(days=rng.randrange(0, 365 * 30))
        body = f"{prefix}{born:%Y%m%d}{rng.randrange(0, 1000):03d}"
        check = id_number_check_char(body)
        if not x_check or check == "X":
            return body + check


def _credit_code(rng: random.Random, region: str) -> str:
    body = "91" + region + "".join(rng.choice(_CREDIT_CHARSET) for _ in range(9))
    return body + credit_code_check_char(body)


def _officers(rng: random.Random, origin: Origin, today: date, count: int, first: int) -> list[WriteEntry]:
    out: list[WriteEntry] = []
    domains = ["YJ", "ST", "GH", "ZJ", "JT", "SL", "NY", "SJ"]
    for n in range(count):
        serial = first + n
        if origin is Origin.CHONGQING:
            local_id, region = f"CQZF500112{serial:04d}", YUBEI
            cert_no = f"{YUBEI}24{serial:06d}"
            agency = _CQ_AGENCY
            # One Chongqing officer first registered in Sichuan before 1997: a 51xxxx ID number.
            id_prefix = "511602" if n == 3 else region
        else:
            local_id, region = f"SC{LINSHUI}{serial:06d}", LINSHUI
            cert_no = f"{LINSHUI}2024{serial:06d}"
            agency = _SC_AGENCY
            id_prefix = region
        name = (
            _SPECIAL_NAMES[n]
            if n < len(_SPECIAL_NAMES) and origin is Origin.SICHUAN
            else (rng.choice(_SURNAMES) + rng.choice(_GIVEN))
        )
        status, valid_until, reason = CertificateStatus.VALID, date(today.year + 2, 12, 31), ""
        if n == 4:
            status = CertificateStatus.SUSPENDED
        elif n == 5:
            valid_until = today + timedelta(days=1)  # expiring tomorrow
        elif n == 13:
            status, reason = CertificateStatus.REVOKED, "注销" if origin is Origin.SICHUAN else ""
        elif n == 14:
            status, valid_until = CertificateStatus.EXPIRED, today - timedelta(days=30)
        officer = Officer(
            local_id=local_id,
            name=name,
            gender=Gender.MALE if n % 2 == 0 else Gender.FEMALE,
            id_number=_id_number(rng, id_prefix, x_check=(n == 1)),
            agency_name=agency[0],
            agency_code=agency[1],
            certificate_no=cert_no,
            certificate_status=status,
            certificate_status_reason=reason,
            certificate_valid_until=valid_until,
            domains=tuple(sorted({domains[n % 8], domains[(n + 3) % 8]})),
            training_hours_tenths=rng.choice([240, 320, 365, 400, 480]),  # either side of a 32-hour threshold
            training_year=today.year,
            dispatched=n < 12,
            updated_at=datetime(2025, 3, 1, tzinfo=UTC),
        )
        out.append(WriteEntry(RecordKind.OFFICER, Operation.UPSERT, local_id, 1, officer))
    return out


def _grade(rng: random.Random) -> CreditGrade:
    roll = rng.random()
    if roll < 0.40:
        return CreditGrade.A
    if roll < 0.75:
        return CreditGrade.B
    if roll < 0.95:
        return CreditGrade.C
    return CreditGrade.D


def _subjects(rng: random.Random, origin: Origin, count: int) -> list[WriteEntry]:
    region = YUBEI if origin is Origin.CHONGQING else LINSHUI
    place = "重庆市渝北区茨竹镇" if origin is Origin.CHONGQING else "四川省广安市邻水县高滩镇"
    out: list[WriteEntry] = []
    for n in range(count):
        code = _credit_code(rng, region)
        word = _FIRM_WORDS[n % len(_FIRM_WORDS)]
        subject = Subject(
            credit_code=code,
            name=f"{'重庆' if origin is Origin.CHONGQING else '四川'}高竹{word}第{n + 1}有限公司",
            region_code=region,
            address=f"{place}高竹新区产业园{n + 1}号",
            industry_code=_INDUSTRIES[n % len(_INDUSTRIES)],
            credit_grade=_grade(rng),
            legal_representative=rng.choice(_SURNAMES) + rng.choice(_GIVEN),
            updated_at=datetime(2025, 3, 1, tzinfo=UTC),
        )
        out.append(WriteEntry(RecordKind.SUBJECT, Operation.UPSERT, code, 1, subject))
    return out


def demo_zone(today: date, seed: int = SEED) -> DemoZone:
    """12 + 12 dispatched officers (and 3 + 3 not dispatched) and 50 + 44 enterprises."""
    rng = random.Random(seed)
    return DemoZone(
        chongqing=_officers(rng, Origin.CHONGQING, today, 15, 100) + _subjects(rng, Origin.CHONGQING, 50),
        sichuan=_officers(rng, Origin.SICHUAN, today, 15, 100) + _subjects(rng, Origin.SICHUAN, 44),
    )
