"""Shared adapter helpers: money and hours never pass through a float, local time is China time."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from gaozhu.adapters.common import (
    LocalError,
    fen_to_yuan,
    format_iso_datetime,
    format_local_datetime,
    hours_to_tenths,
    local_date,
    local_midnight,
    parse_iso_date,
    parse_iso_datetime,
    parse_local_datetime,
    tenths_to_hours,
    wan_yuan_to_fen,
    yuan_to_fen,
)
from gaozhu.adapters.zone import basis_text, describe_fine, parse_basis_text
from gaozhu.v1 import common_pb2


def test_error_names_source_line_field_and_reason() -> None:
    error = LocalError(
        "zfjd-20250304-001.jsonl", "line 12", "sj.sfzh", "check character should be '8', got '9'"
    )
    assert str(error) == "zfjd-20250304-001.jsonl line 12: sj.sfzh: check character should be '8', got '9'"
    assert str(LocalError("5116232025030400017", "", "", "larger than 64 MiB")) == (
        "5116232025030400017: larger than 64 MiB"
    )


@pytest.mark.parametrize(
    ("text", "fen"),
    [("2000.00", 200000), ("2000", 200000), ("0.5", 50), ("0.05", 5), (" 36.5 ", 3650), ("0", 0)],
)
def test_yuan_text_becomes_exact_fen(text: str, fen: int) -> None:
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize("text", ["0.001", "-1", "1e3", "1,000", "", "２０００", "NaN", "1."])
def test_yuan_text_that_is_not_plain_money_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        yuan_to_fen(text)


def test_wan_yuan_becomes_exact_fen() -> None:
    assert wan_yuan_to_fen("2") == 2_000_000
    assert wan_yuan_to_fen("0.3") == 300_000
    assert wan_yuan_to_fen("1.234567") == 1_234_567
    with pytest.raises(ValueError, match="6 decimal"):
        wan_yuan_to_fen("0.0000001")  # a tenth of a fen


def test_fen_are_written_with_exactly_two_decimals() -> None:
    assert [fen_to_yuan(f) for f in (0, 5, 50, 200000, 123456789)] == [
        "0.00",
        "0.05",
        "0.50",
        "2000.00",
        "1234567.89",
    ]
    with pytest.raises(ValueError):
        fen_to_yuan(-1)


def test_training_hours_keep_one_decimal_and_refuse_more() -> None:
    assert hours_to_tenths("36.5") == 365
    assert hours_to_tenths("40") == 400
    assert tenths_to_hours(365) == "36.5"
    assert tenths_to_hours(400) == "40"
    with pytest.raises(ValueError, match="1 decimal place"):
        hours_to_tenths("36.55")


def test_chongqing_local_time_is_china_time() -> None:
    stamp = parse_local_datetime("2025-03-04 09:10:00")
    assert stamp.ToDatetime(tzinfo=UTC) == datetime(2025, 3, 4, 1, 10, tzinfo=UTC)
    assert format_local_datetime(stamp) == "2025-03-04 09:10:00"
    assert local_date(parse_local_datetime("2025-03-05 00:30:00")) == date(2025, 3, 5)  # UTC is still the 4th


@pytest.mark.parametrize(
    "text",
    [
        "2025-03-04T09:10:00",
        "2025-03-04 09:10:00+08:00",
        "2025-3-4 9:10:00",
        "2025-02-30 09:10:00",
        "２０２５-03-04 09:10:00",
    ],
)
def test_local_time_in_any_other_shape_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_local_datetime(text)


def test_iso_time_needs_an_offset() -> None:
    stamp = parse_iso_datetime("2025-03-04T10:00:00+08:00")
    assert stamp == parse_iso_datetime("2025-03-04T02:00:00Z")
    assert format_iso_datetime(stamp) == "2025-03-04T10:00:00+08:00"
    with pytest.raises(ValueError, match="offset"):
        parse_iso_datetime("2025-03-04T10:00:00")
    with pytest.raises(ValueError):
        parse_iso_datetime("2025-03-04")


def test_dates_are_strict_and_real() -> None:
    assert parse_iso_date("2027-12-31") == "2027-12-31"
    for bad in ("20271231", "2027-2-1", "2027-02-30"):
        with pytest.raises(ValueError):
            parse_iso_date(bad)
    assert local_date(local_midnight(date(2025, 1, 1))) == date(2025, 1, 1)


def test_fines_in_words() -> None:
    fixed = common_pb2.FineRange(fixed=common_pb2.FineRange.Fixed(min_fen=3_000_000, max_fen=6_000_000))
    assert describe_fine(fixed) == "30000.00元以上60000.00元以下"
    gains = common_pb2.FineRange.Proportional(
        base=common_pb2.FineRange.Proportional.BASE_ILLEGAL_GAINS,
        min_bp=10_000,
        max_bp=50_000,
        below=common_pb2.FineRange.Proportional.BelowThreshold(
            threshold_fen=1_000_000, min_fen=300_000, max_fen=1_000_000
        ),
    )
    assert describe_fine(common_pb2.FineRange(proportional=gains)) == (
        "违法所得的1倍以上5倍以下；违法所得不足10000.00元的，3000.00元以上10000.00元以下"
    )
    investment = common_pb2.FineRange.Proportional(
        base=common_pb2.FineRange.Proportional.BASE_INVESTMENT, min_bp=50, max_bp=500
    )
    assert describe_fine(common_pb2.FineRange(proportional=investment)) == "总投资额的0.5%以上5%以下"


def test_legal_basis_text_reads_back() -> None:
    basis = common_pb2.LegalRef(law="安全生产法", version="2021", article="第二十八条")
    penalty = common_pb2.LegalRef(law="安全生产法", version="2021", article="第九十七条第三项")
    text = basis_text(basis, penalty)
    assert text == "《安全生产法》（2021）第二十八条；罚则：《安全生产法》（2021）第九十七条第三项"
    assert parse_basis_text(text) == (basis, penalty)
    assert parse_basis_text(basis_text(basis)) == (basis, None)
