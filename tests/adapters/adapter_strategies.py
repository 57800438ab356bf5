"""Hypothesis strategies for valid records of both provinces and for zone items and baselines.

Identifiers carry correct check characters (computed with the registry's own functions); text is
already trimmed and NFC, so a valid record is also the normal form the adapters produce.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from google.protobuf import timestamp_pb2
from hypothesis import strategies as st

from gaozhu.adapters.common import SHANGHAI, local_midnight
from gaozhu.registry.domains import DOMAINS
from gaozhu.registry.identifiers import credit_code_check_char, id_number_check_char
from gaozhu.v1 import common_pb2, inspections_pb2, items_pb2, personnel_pb2, subjects_pb2, sync_pb2

CQ, SC = common_pb2.ORIGIN_CHONGQING, common_pb2.ORIGIN_SICHUAN
CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
REGIONS = ["500112", "511623", "110101", "510104", "500103"]
# CJK, the middle dot of minority names, and characters beyond the BMP.
NAME_CHARS = st.sampled_from(
    "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤·𠮷𡈼𪚥"
)


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=n, max_size=n)


def text(min_size: int = 1, max_size: int = 30) -> st.SearchStrategy[str]:
    return st.text(NAME_CHARS, min_size=min_size, max_size=max_size)


def moments(start: int = 2000, end: int = 2030) -> st.SearchStrategy[timestamp_pb2.Timestamp]:
    def stamp(moment: datetime) -> timestamp_pb2.Timestamp:
        out = timestamp_pb2.Timestamp()
        out.FromDatetime(moment.replace(tzinfo=UTC))
        return out

    return (
        st.datetimes(datetime(start, 1, 1), datetime(end, 12, 31))
        .map(lambda d: d.replace(microsecond=0))
        .map(stamp)
    )


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    born = draw(st.dates(date(1950, 1, 1), date(2005, 12, 31)))
    first17 = draw(st.sampled_from(REGIONS)) + born.strftime("%Y%m%d") + draw(digits(3))
    return first17 + id_number_check_char(first17)


@st.composite
def credit_codes(draw: st.DrawFn) -> str:
    first17 = draw(st.sampled_from(["91", "11", "92", "Y1"])) + draw(st.sampled_from(REGIONS))
    first17 += draw(st.text(CREDIT_CHARSET, min_size=9, max_size=9))
    return first17 + credit_code_check_char(first17)


def zone_domains() -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from([d.zone for d in DOMAINS]), unique=True, max_size=8)


def meta(origin: common_pb2.Origin, *, with_time: bool = True) -> st.SearchStrategy[common_pb2.RecordMeta]:
    times = moments() if with_time else st.none()
    return st.builds(
        lambda version, at: common_pb2.RecordMeta(origin=origin, version=version, updated_at=at),
        st.integers(1, 2**63 - 1),
        times,
    )


@st.composite
def officers(draw: st.DrawFn, origin: common_pb2.Origin) -> personnel_pb2.Officer:
    m = draw(meta(origin))
    if origin == CQ:
        local_id = "CQZF" + draw(digits(10))
        certificate = draw(st.sampled_from(REGIONS)) + draw(digits(8))
        year = m.updated_at.ToDatetime(tzinfo=SHANGHAI).year  # Chongqing's pxxs year is gxsj's
    else:
        local_id = "SC" + draw(st.sampled_from(REGIONS)) + draw(digits(6))
        certificate = draw(st.sampled_from(REGIONS)) + str(draw(st.integers(1949, 2024))) + draw(digits(6))
        year = draw(st.integers(2000, 2030))
    m.local_id = local_id
    status = draw(st.sampled_from([1, 2, 3, 4]))
    reason = "注销" if origin == SC and status == 3 and draw(st.booleans()) else ""
    return personnel_pb2.Officer(
        meta=m,
        local_id=local_id,
        name=draw(text()),
        gender=draw(st.sampled_from([common_pb2.GENDER_MALE, common_pb2.GENDER_FEMALE])),
        id_number=draw(id_numbers()),
        home_origin=origin,
        agency_name=draw(text(max_size=60)),
        agency_code=draw(credit_codes()),
        certificate_no=certificate,
        certificate_status=status,
        certificate_status_reason=reason,
        certificate_valid_until=draw(st.dates(date(2000, 1, 1), date(2040, 12, 31))).isoformat(),
        domains=draw(zone_domains()),
        training_hours_tenths=draw(st.integers(0, 20000)),
        training_year=year,
        dispatched=draw(st.booleans()),
    )


@st.composite
def subjects(draw: st.DrawFn, origin: common_pb2.Origin) -> subjects_pb2.Subject:
    m = draw(meta(origin, with_time=origin == CQ))  # Sichuan's Enterprise has no change time
    code = draw(credit_codes())
    m.local_id = code
    section = draw(st.sampled_from("ABCDEFGHIJKLMNOPQRST"))
    return subjects_pb2.Subject(
        meta=m,
        credit_code=code,
        name=draw(text(max_size=60)),
        region_code=draw(st.sampled_from(REGIONS)),
        address=draw(text(max_size=80)),
        industry_code=section + draw(st.text("0123456789", max_size=4)),
        credit_grade=draw(st.sampled_from([1, 2, 3, 4])),
        legal_representative=draw(text()),
    )


@st.composite
def inspections(draw: st.DrawFn, origin: common_pb2.Origin) -> inspections_pb2.Inspection:
    m = draw(meta(origin, with_time=origin == CQ))  # Sichuan's Inspection has no change time
    if origin == CQ:
        m.local_id = "CQJC" + draw(digits(12))
        domain = draw(st.sampled_from(DOMAINS))
        item = f"CQ-{domain.chongqing}-{draw(digits(4))}"
        own = st.builds(lambda d: "CQZF" + d, digits(10))
        other = st.builds(lambda d: "GZZF-SC-511623" + d, digits(6))
    else:
        m.local_id = "SCJC" + draw(digits(12))
        item = "SC" + draw(st.sampled_from(DOMAINS)).sichuan + draw(digits(5))
        own = st.builds(lambda d: "SC511623" + d, digits(6))
        other = st.builds(lambda d: "GZZF-CQ-" + d, digits(10))
    return inspections_pb2.Inspection(
        meta=m,
        inspection_code="GZJC-" + draw(digits(8)) + "-" + draw(digits(4)),
        item_code=item,
        officer_ids=draw(st.lists(st.one_of(own, other), min_size=2, max_size=5, unique=True)),
        subject_credit_code=draw(credit_codes()),
        inspected_at=draw(moments()),
        result=draw(st.sampled_from([1, 2, 3])),
    )


def _key_only(kind: int, record: sync_pb2.Record) -> sync_pb2.Record:
    """What a delete carries: the meta and the key, nothing else."""
    if kind == common_pb2.RECORD_KIND_OFFICER:
        o = record.officer
        return sync_pb2.Record(
            officer=personnel_pb2.Officer(meta=o.meta, local_id=o.local_id, home_origin=o.home_origin)
        )
    if kind == common_pb2.RECORD_KIND_SUBJECT:
        s = record.subject
        return sync_pb2.Record(subject=subjects_pb2.Subject(meta=s.meta, credit_code=s.credit_code))
    return sync_pb2.Record(inspection=inspections_pb2.Inspection(meta=record.inspection.meta))


@st.composite
def entries(draw: st.DrawFn, origin: common_pb2.Origin) -> sync_pb2.PushEntry:
    """A PushEntry exactly as the province's adapter would produce it for a valid record."""
    kind = draw(
        st.sampled_from(
            [
                common_pb2.RECORD_KIND_OFFICER,
                common_pb2.RECORD_KIND_SUBJECT,
                common_pb2.RECORD_KIND_INSPECTION,
            ]
        )
    )
    if kind == common_pb2.RECORD_KIND_OFFICER:
        record = sync_pb2.Record(officer=draw(officers(origin)))
        m = record.officer.meta
    elif kind == common_pb2.RECORD_KIND_SUBJECT:
        record = sync_pb2.Record(subject=draw(subjects(origin)))
        m = record.subject.meta
    else:
        record = sync_pb2.Record(inspection=draw(inspections(origin)))
        m = record.inspection.meta
    operation = draw(st.sampled_from([common_pb2.OPERATION_UPSERT, common_pb2.OPERATION_DELETE]))
    if operation == common_pb2.OPERATION_DELETE:
        if origin == SC and kind == common_pb2.RECORD_KIND_OFFICER:
            m.ClearField("updated_at")  # a Sichuan delete carries only the Id, no UpdatedAt
        record = _key_only(kind, record)
    return sync_pb2.PushEntry(
        operation=operation, kind=kind, local_id=m.local_id, version=m.version, record=record
    )


# --- zone items and baselines -------------------------------------------------------------------

FineRange = common_pb2.FineRange
fen = st.integers(0, 10**11)


@st.composite
def fines(draw: st.DrawFn) -> FineRange | None:
    form = draw(st.sampled_from(["none", "fixed", "proportional", "per_unit"]))
    low, high = sorted((draw(fen), draw(fen)))
    if form == "fixed":
        return FineRange(fixed=FineRange.Fixed(min_fen=low, max_fen=high))
    if form == "per_unit":
        return FineRange(
            per_unit=FineRange.PerUnit(unit=draw(st.sampled_from([1, 2])), min_fen=low, max_fen=high)
        )
    if form == "proportional":
        low_bp, high_bp = sorted((draw(st.integers(1, 10**6)), draw(st.integers(1, 10**6))))
        p = FineRange.Proportional(base=draw(st.integers(1, 6)), min_bp=low_bp, max_bp=high_bp)
        if draw(st.booleans()):
            p.base_floor_fen = draw(fen)
        if draw(st.booleans()):
            p.below.CopyFrom(
                FineRange.Proportional.BelowThreshold(threshold_fen=draw(fen), min_fen=low, max_fen=high)
            )
        return FineRange(proportional=p)
    return None


@st.composite
def tiers(draw: st.DrawFn, name: int) -> items_pb2.Tier:
    tier = items_pb2.Tier(
        name=name,
        condition=draw(text(max_size=80)),
        other_sanctions=draw(st.lists(text(max_size=10), max_size=3)),
    )
    fine = draw(fines())
    if fine is not None:
        tier.fine.CopyFrom(fine)
    return tier


@st.composite
def baselines(draw: st.DrawFn) -> items_pb2.Baseline:
    names = sorted(draw(st.lists(st.integers(1, 5), min_size=1, max_size=5, unique=True)))
    day = draw(st.dates(date(2000, 1, 1), date(2040, 12, 31)))
    domain = draw(st.sampled_from(DOMAINS))
    return items_pb2.Baseline(
        item_code=f"GZ-{domain.zone}-{draw(digits(3))}",
        version=draw(st.integers(1, 1000)),
        label=f"{day.year}版",
        effective_from=local_midnight(day),
        tiers=[draw(tiers(n)) for n in names],
    )


def legal_refs() -> st.SearchStrategy[common_pb2.LegalRef]:
    return st.builds(
        lambda law, version, article: common_pb2.LegalRef(law=law + "法", version=version, article=article),
        text(max_size=12),
        st.sampled_from(["", "2021", "2018年修正"]),
        st.sampled_from(["", "第九十七条第三项", "第六十四条"]),
    )


@st.composite
def items(draw: st.DrawFn) -> items_pb2.Item:
    domain = draw(st.sampled_from(DOMAINS))
    number = draw(digits(3))
    item = items_pb2.Item(
        meta=common_pb2.RecordMeta(origin=common_pb2.ORIGIN_ZONE, version=draw(st.integers(1, 10**6))),
        code=f"GZ-{domain.zone}-{number}",
        name=draw(text(max_size=60)),
        domain=domain.zone,
        kind=draw(st.sampled_from([1, 2, 3])),
        basis=draw(legal_refs()),
        status=draw(st.sampled_from([1, 2])),
        local_codes=[
            common_pb2.LocalCode(origin=CQ, code=f"CQ-{domain.chongqing}-0{number}"),
            common_pb2.LocalCode(origin=SC, code=f"SC{domain.sichuan}00{number}"),
        ],
        effective_from=local_midnight(draw(st.dates(date(2000, 1, 1), date(2040, 1, 1)))),
    )
    if draw(st.booleans()):
        item.penalty_basis.CopyFrom(draw(legal_refs()))
    return item
