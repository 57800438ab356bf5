"""Identifier formats: the shared samples pass, each rule rejects with its own reason, typos never pass."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gaozhu.registry.domains import BY_CHONGQING, BY_SICHUAN, BY_ZONE
from gaozhu.registry.identifiers import (
    LINSHUI,
    YUBEI,
    ZONE_REGIONS,
    IdentifierError,
    check_chongqing_certificate_no,
    check_chongqing_inspection_id,
    check_chongqing_item_code,
    check_chongqing_officer_id,
    check_credit_code,
    check_id_number,
    check_region_code,
    check_sichuan_certificate_no,
    check_sichuan_inspection_id,
    check_sichuan_item_code,
    check_sichuan_officer_id,
    check_zone_item_code,
    check_zone_officer_id,
    credit_code_check_char,
    id_number_check_char,
    local_officer_id,
    mask_id_number,
    normalise,
    zone_officer_id,
)

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
DIGITS = "0123456789"
PROVINCE_PREFIXES = (
    [f"{p}" for p in range(11, 16)]
    + [f"{p}" for p in range(21, 24)]
    + [f"{p}" for p in range(31, 38)]
    + [f"{p}" for p in range(41, 47)]
    + [f"{p}" for p in range(50, 55)]
    + [f"{p}" for p in range(61, 66)]
    + ["71", "81", "82"]
)
TODAY = date(2025, 6, 1)

SAMPLE_CREDIT_CODES = [
    "11500112MB1234567U",
    "915001127BJJB9YUHU",
    "91500112T6A5GY7PTR",
    "11511623MB76543211",
    "915116239F3MJRXNHW",
]
SAMPLE_ID_NUMBERS = [
    "500112197509266698",
    "51162319790528669X",
    "500112197610284698",
    "511623197812089013",
]


def reason(text: str) -> str:
    return re.escape(text)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# --- normalise ---------------------------------------------------------------------------------


def test_normalise_folds_full_width_digits_case_and_surrounding_space() -> None:
    assert normalise("  ５００１１２１９７７１２２６５３７５\u3000") == "500112197712265375"
    assert normalise("51162319790528669x") == "51162319790528669X"
    assert normalise("ｃｑｚｆ５００１１２００００") == "CQZF5001120000"


# --- GB 32100 credit codes ---------------------------------------------------------------------


@pytest.mark.parametrize("code", SAMPLE_CREDIT_CODES)
def test_sample_credit_codes_are_accepted(code: str) -> None:
    assert check_credit_code(code) == code


def test_credit_code_with_failing_inner_org_check_is_accepted() -> None:
    # GB 11714 on MB123456 gives check 2, the code carries 7: real agency codes look like this.
    assert check_credit_code("11500112MB1234567U") == "11500112MB1234567U"
    assert check_credit_code("915001127BJJB9YUHU") == "915001127BJJB9YUHU"


def test_early_pilot_credit_code_that_fails_the_gb32100_check_is_rejected() -> None:
    """Xiamen's pilot code 91350211M0000XUF46 is real, but its GB 32100 check character is wrong.

    domain.md cites it as failing the inner GB 11714 check; it passes that and fails the outer one
    (so do bluesky335/IDCheck and ztz2's validators). Accepting it would need an explicit allow-list.
    """
    with pytest.raises(IdentifierError, match=reason("check character should be 'R', got '6'")):
        check_credit_code("91350211M0000XUF46")


def test_credit_code_is_normalised_before_checking() -> None:
    assert check_credit_code(" 11500112mb1234567u ") == "11500112MB1234567U"
    assert check_credit_code(full_width("915001127bjjb9yuhu")) == "915001127BJJB9YUHU"


def test_credit_code_with_wrong_check_character_names_the_right_one() -> None:
    with pytest.raises(IdentifierError, match=reason("check character should be 'U', got 'X'")):
        check_credit_code("11500112MB1234567X")


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_credit_code_with_excluded_letter_is_rejected(letter: str) -> None:
    with pytest.raises(
        IdentifierError, match=reason(f"character {letter!r} is not allowed (GB 32100 excludes")
    ):
        check_credit_code("11500112M" + letter + "1234567U")


def test_credit_code_with_punctuation_is_rejected() -> None:
    with pytest.raises(IdentifierError, match=reason("character '-' is not allowed")):
        check_credit_code("11500112-B1234567U")


@pytest.mark.parametrize(
    ("code", "length"), [("11500112MB1234567", 17), ("11500112MB1234567UU", 19), ("", 0)]
)
def test_credit_code_of_wrong_length_is_rejected(code: str, length: int) -> None:
    with pytest.raises(IdentifierError, match=reason(f"must be 18 characters, got {length}")):
        check_credit_code(code)


def test_credit_code_check_char_computes_the_18th_character() -> None:
    assert credit_code_check_char("11500112MB1234567") == "U"
    assert credit_code_check_char("91350211M0000XUF4") == "R"
    with pytest.raises(IdentifierError, match=reason("must be 17 characters, got 16")):
        credit_code_check_char("11500112MB123456")
    with pytest.raises(IdentifierError, match=reason("excludes I, O, S, V, Z")):
        credit_code_check_char("11500112MO1234567")


credit_bodies = st.text(alphabet=CREDIT_CHARSET, min_size=17, max_size=17)


@given(credit_bodies)
def test_generated_credit_code_passes(body: str) -> None:
    code = body + credit_code_check_char(body)
    assert check_credit_code(code) == code


@given(credit_bodies, st.data())
def test_any_single_character_change_breaks_a_credit_code(body: str, data: st.DataObject) -> None:
    code = body + credit_code_check_char(body)
    position = data.draw(st.integers(0, 17), label="position")
    other = data.draw(st.sampled_from([c for c in CREDIT_CHARSET if c != code[position]]), label="other")
    with pytest.raises(IdentifierError):
        check_credit_code(code[:position] + other + code[position + 1 :])


# --- GB 11643 resident ID numbers --------------------------------------------------------------


@pytest.mark.parametrize("number", SAMPLE_ID_NUMBERS)
def test_sample_id_numbers_are_accepted(number: str) -> None:
    assert check_id_number(number) == number


def test_id_number_with_lower_case_x_or_full_width_digits_is_normalised() -> None:
    assert check_id_number("51162319790528669x") == "51162319790528669X"
    assert check_id_number("５００１１２１９７７１２２６５３７５") == "500112197712265375"
    assert check_id_number("５１１６２３１９７９０５２８６６９ｘ") == "51162319790528669X"


def test_id_number_address_code_is_not_tied_to_a_province() -> None:
    # A Chongqing officer first registered before 1997 carries a Sichuan-era 51 code.
    body = "510212" + "19660101" + "123"
    assert check_id_number(body + id_number_check_char(body)) == body + id_number_check_char(body)


def test_id_number_with_wrong_check_character_names_the_right_one() -> None:
    with pytest.raises(IdentifierError, match=reason("check character should be '8', got '7'")):
        check_id_number("500112197509266697")


@pytest.mark.parametrize(("number", "length"), [("50011219750926669", 17), ("5001121975092666980", 19)])
def test_id_number_of_wrong_length_is_rejected(number: str, length: int) -> None:
    with pytest.raises(IdentifierError, match=reason(f"must be 18 characters, got {length}")):
        check_id_number(number)


def test_id_number_with_letter_before_the_check_character_is_rejected() -> None:
    with pytest.raises(IdentifierError, match=reason("character 'X' at position 5 is not a digit")):
        check_id_number("5001X2197509266698")


def test_id_number_with_non_ascii_digits_is_rejected() -> None:
    # Arabic-Indic digits survive NFKC and pass str.isdigit(); they are not ID digits.
    with pytest.raises(IdentifierError, match="not a digit"):
        check_id_number("\u0665" + "00112197509266698")


def test_id_number_with_letter_check_character_other_than_x_is_rejected() -> None:
    with pytest.raises(IdentifierError, match=reason("check character must be a digit or 'X', got 'Y'")):
        check_id_number("50011219750926669Y")


@pytest.mark.parametrize("birth", ["19750230", "19751301", "19750001", "19750100", "20230229"])
def test_id_number_with_impossible_birth_date_is_rejected(birth: str) -> None:
    body = "500112" + birth + "669"
    with pytest.raises(IdentifierError, match="not a real calendar date"):
        check_id_number(body + id_number_check_char(body))


def test_id_number_born_on_a_leap_day_is_accepted() -> None:
    body = "500112" + "20000229" + "669"
    assert check_id_number(body + id_number_check_char(body), today=TODAY)


def test_id_number_born_in_the_future_is_rejected() -> None:
    body = "500112" + "20250602" + "669"
    with pytest.raises(IdentifierError, match="in the future"):
        check_id_number(body + id_number_check_char(body), today=TODAY)
    assert check_id_number(body + id_number_check_char(body), today=date(2025, 6, 2))
    far = "500112" + "29990101" + "669"
    with pytest.raises(IdentifierError, match="in the future"):
        check_id_number(far + id_number_check_char(far))


def test_id_number_born_before_1900_is_rejected() -> None:
    body = "500112" + "18991231" + "669"
    with pytest.raises(IdentifierError, match="before 1900"):
        check_id_number(body + id_number_check_char(body))


def test_id_number_rejection_never_repeats_the_number() -> None:
    for bad in ["500112197509266697", "500112197502306698", "50011219750926669"]:
        with pytest.raises(IdentifierError) as caught:
            check_id_number(bad)
        assert "19750926" not in str(caught.value)
        assert "19750230" not in str(caught.value)
        assert "500112" not in str(caught.value)


def test_id_number_check_char_computes_the_18th_character() -> None:
    assert id_number_check_char("50011219750926669") == "8"
    assert id_number_check_char("51162319790528669") == "X"
    assert id_number_check_char("５００１１２１９７７１２２６５３７") == "5"
    with pytest.raises(IdentifierError, match=reason("must be 17 characters, got 18")):
        id_number_check_char("500112197509266698")
    with pytest.raises(IdentifierError, match="not a digit"):
        id_number_check_char("5001121975092666X")


address_codes = st.tuples(
    st.sampled_from(PROVINCE_PREFIXES), st.text(alphabet=DIGITS, min_size=4, max_size=4)
).map("".join)
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
sequences = st.text(alphabet=DIGITS, min_size=3, max_size=3)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    body = draw(address_codes) + draw(birth_dates).strftime("%Y%m%d") + draw(sequences)
    return body + id_number_check_char(body)


@given(id_numbers())
def test_generated_id_number_passes(number: str) -> None:
    assert check_id_number(number, today=TODAY) == number


@given(id_numbers())
def test_generated_id_number_in_full_width_with_lower_case_x_passes(number: str) -> None:
    assert check_id_number(full_width(number.lower()), today=TODAY) == number


@given(id_numbers(), st.data())
def test_any_single_character_change_breaks_an_id_number(number: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(0, 17), label="position")
    allowed = DIGITS + "X" if position == 17 else DIGITS
    other = data.draw(st.sampled_from([c for c in allowed if c != number[position]]), label="other")
    with pytest.raises(IdentifierError):
        check_id_number(number[:position] + other + number[position + 1 :], today=TODAY)


def test_mask_id_number_keeps_first_six_and_last_four() -> None:
    assert mask_id_number("500112197509266698") == "500112********6698"
    assert mask_id_number("51162319790528669x") == "511623********669X"
    assert mask_id_number("５００１１２１９７７１２２６５３７５") == "500112********5375"


def test_mask_id_number_hides_a_legacy_fifteen_digit_number_too() -> None:
    assert mask_id_number("500112750926669") == "500112*****6669"


def test_mask_id_number_hides_everything_when_too_short_to_keep_ends() -> None:
    assert mask_id_number("5001121975") == "**********"
    assert mask_id_number("") == ""


@given(id_numbers())
def test_masked_id_number_never_shows_the_birth_date(number: str) -> None:
    masked = mask_id_number(number)
    assert len(masked) == 18
    assert masked[6:14] == "*" * 8
    assert masked[:6] == number[:6]
    assert masked[-4:] == number[-4:]


# --- GB/T 2260 region codes --------------------------------------------------------------------


@pytest.mark.parametrize("code", ["500000", "510000", "511600", "511623", "500112", "110101", "820000"])
def test_province_prefecture_and_county_codes_are_accepted(code: str) -> None:
    assert check_region_code(code) == code


def test_region_code_in_full_width_digits_is_normalised() -> None:
    assert check_region_code("５００１１２") == "500112"


@pytest.mark.parametrize("code", ["000000", "990000", "160000", "720000", "200112"])
def test_region_code_with_unknown_province_is_rejected(code: str) -> None:
    with pytest.raises(IdentifierError, match="is not a GB/T 2260 province prefix"):
        check_region_code(code)


@pytest.mark.parametrize(("code", "length"), [("50011", 5), ("5001120", 7), ("", 0)])
def test_region_code_of_wrong_length_is_rejected(code: str, length: int) -> None:
    with pytest.raises(IdentifierError, match=reason(f"must be 6 characters, got {length}")):
        check_region_code(code)


@pytest.mark.parametrize("code", ["50011A", "5001-2", "\u0665\u0660\u0660\u0661\u0661\u0662"])
def test_region_code_with_non_digits_is_rejected(code: str) -> None:
    with pytest.raises(IdentifierError, match="is not a digit"):
        check_region_code(code)


def test_zone_regions_are_yubei_and_linshui() -> None:
    assert (YUBEI, LINSHUI) == ("500112", "511623")
    assert frozenset({"500112", "511623"}) == ZONE_REGIONS
    assert all(check_region_code(code) == code for code in ZONE_REGIONS)


# --- Chongqing formats -------------------------------------------------------------------------


def test_chongqing_officer_id_is_cqzf_and_ten_digits() -> None:
    assert check_chongqing_officer_id("CQZF5001120000") == "CQZF5001120000"
    assert check_chongqing_officer_id(" cqzf5001120000 ") == "CQZF5001120000"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("CQZF500112000", "must be 14 characters, got 13"),
        ("CQZF50011200000", "must be 14 characters, got 15"),
        ("SCZF5001120000", "must start with 'CQZF', got 'SCZF'"),
        ("CQZF50011200A0", "character 'A' at position 13 is not a digit"),
    ],
)
def test_malformed_chongqing_officer_id_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_chongqing_officer_id(value)


def test_chongqing_certificate_number_is_region_year_and_serial() -> None:
    assert check_chongqing_certificate_no("50011224000100") == "50011224000100"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("5001122400010", "must be 14 characters, got 13"),
        ("5001122400010A", "is not a digit"),
        ("00011224000100", "region part '000112'"),
        ("99011224000100", "not a GB/T 2260 province prefix"),
    ],
)
def test_malformed_chongqing_certificate_number_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_chongqing_certificate_no(value)


def test_chongqing_inspection_id_is_cqjc_and_twelve_digits() -> None:
    assert check_chongqing_inspection_id("CQJC202503040001") == "CQJC202503040001"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("CQJC20250304001", "must be 16 characters, got 15"),
        ("CQZF202503040001", "must start with 'CQJC'"),
        ("CQJC2025030400O1", "character 'O' at position 15 is not a digit"),
    ],
)
def test_malformed_chongqing_inspection_id_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_chongqing_inspection_id(value)


@pytest.mark.parametrize("domain", sorted(BY_CHONGQING))
def test_chongqing_item_code_accepts_every_domain(domain: str) -> None:
    assert check_chongqing_item_code(f"CQ-{domain}-0001") == f"CQ-{domain}-0001"


def test_chongqing_item_code_is_normalised() -> None:
    assert check_chongqing_item_code("cq-yjgl-0001") == "CQ-YJGL-0001"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("CQ-ABCD-0001", "unknown Chongqing domain 'ABCD'"),
        ("CQ-YJGL-001", "item number must be 4 digits, got '001'"),
        ("CQ-YJGL-00A1", "character 'A' at position 11 is not a digit"),
        ("SC-YJGL-0001", "must look like 'CQ-YJGL-0001'"),
        ("CQYJGL0001", "must look like 'CQ-YJGL-0001'"),
        ("CQ-YJGL-0001-2", "must look like 'CQ-YJGL-0001'"),
    ],
)
def test_malformed_chongqing_item_code_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_chongqing_item_code(value)


# --- Sichuan formats ---------------------------------------------------------------------------


def test_sichuan_officer_id_is_sc_region_and_six_digits() -> None:
    assert check_sichuan_officer_id("SC511623000001") == "SC511623000001"
    assert check_sichuan_officer_id("ｓｃ５１１６２３０００００１") == "SC511623000001"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("SC51162300001", "must be 14 characters, got 13"),
        ("CQ511623000001", "must start with 'SC'"),
        ("SC000000000001", "region part '000000'"),
        ("SC51162300000X", "character 'X' at position 14 is not a digit"),
    ],
)
def test_malformed_sichuan_officer_id_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_sichuan_officer_id(value)


def test_sichuan_certificate_number_is_region_year_and_serial() -> None:
    assert check_sichuan_certificate_no("5116232023000200") == "5116232023000200"
    assert check_sichuan_certificate_no("5116231949000001") == "5116231949000001"
    assert check_sichuan_certificate_no("5116232025000001", today=TODAY) == "5116232025000001"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("511623202300020", "must be 16 characters, got 15"),
        ("51162320230002A0", "is not a digit"),
        ("9916232023000200", "region part '991623'"),
        ("5116231948000200", "year of issue 1948 is outside 1949–2025"),
        ("5116232026000200", "year of issue 2026 is outside 1949–2025"),
    ],
)
def test_malformed_sichuan_certificate_number_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_sichuan_certificate_no(value, today=TODAY)


def test_sichuan_inspection_id_is_scjc_and_twelve_digits() -> None:
    assert check_sichuan_inspection_id("SCJC202503040001") == "SCJC202503040001"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("SCJC2025030400011", "must be 16 characters, got 17"),
        ("CQJC202503040001", "must start with 'SCJC'"),
        ("SCJC20250304000I", "character 'I' at position 16 is not a digit"),
    ],
)
def test_malformed_sichuan_inspection_id_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_sichuan_inspection_id(value)


@pytest.mark.parametrize("number", sorted(BY_SICHUAN))
def test_sichuan_item_code_accepts_every_domain(number: str) -> None:
    assert check_sichuan_item_code(f"SC{number}00001") == f"SC{number}00001"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("SC0900001", "unknown Sichuan domain '09'"),
        ("SC0000001", "unknown Sichuan domain '00'"),
        ("SC010001", "must be 9 characters, got 8"),
        ("CQ0100001", "must start with 'SC'"),
        ("SC01-0001", "character '-' at position 5 is not a digit"),
    ],
)
def test_malformed_sichuan_item_code_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_sichuan_item_code(value)


# --- Zone formats ------------------------------------------------------------------------------


@pytest.mark.parametrize("letters", sorted(BY_ZONE))
def test_zone_item_code_accepts_every_domain(letters: str) -> None:
    assert check_zone_item_code(f"GZ-{letters}-001") == f"GZ-{letters}-001"


def test_zone_item_code_is_normalised() -> None:
    assert check_zone_item_code(" gz-yj-001 ") == "GZ-YJ-001"


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("GZ-XX-001", "unknown zone domain 'XX'"),
        ("GZ-YJGL-001", "unknown zone domain 'YJGL'"),
        ("GZ-YJ-0001", "item number must be 3 digits, got '0001'"),
        ("GZ-YJ-0A1", "character 'A' at position 8 is not a digit"),
        ("CQ-YJ-001", "must look like 'GZ-YJ-001'"),
        ("GZYJ001", "must look like 'GZ-YJ-001'"),
    ],
)
def test_malformed_zone_item_code_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        check_zone_item_code(value)


def test_zone_officer_id_keeps_the_local_digits() -> None:
    assert zone_officer_id("CHONGQING", "CQZF5001120000") == "GZZF-CQ-5001120000"
    assert zone_officer_id("SICHUAN", "SC511623000001") == "GZZF-SC-511623000001"
    assert zone_officer_id("sichuan", "sc511623000001") == "GZZF-SC-511623000001"


def test_zone_officer_id_checks_the_local_id_against_its_origin() -> None:
    with pytest.raises(IdentifierError, match=reason("must start with 'CQZF'")):
        zone_officer_id("CHONGQING", "SC511623000001")
    with pytest.raises(IdentifierError, match=reason("must start with 'SC'")):
        zone_officer_id("SICHUAN", "CQZF5001120000")


def test_zone_officer_id_for_unknown_origin_is_rejected() -> None:
    with pytest.raises(IdentifierError, match=reason("origin must be 'CHONGQING' or 'SICHUAN', got 'ZONE'")):
        zone_officer_id("ZONE", "CQZF5001120000")


def test_local_officer_id_gives_back_origin_and_local_id() -> None:
    assert local_officer_id("GZZF-CQ-5001120000") == ("CHONGQING", "CQZF5001120000")
    assert local_officer_id("gzzf-sc-511623000001") == ("SICHUAN", "SC511623000001")


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("GZZF-CQ-500112000", "must be 18 characters, got 17"),
        ("GZZF-SC-5116230000011", "must be 20 characters, got 21"),
        ("GZZF-SC-000000000001", "region part '000000'"),
        ("GZZF-CQ-50011200X0", "character 'X' at position 17 is not a digit"),
        ("GZZF-ZN-5001120000", "must start with 'GZZF-CQ-' or 'GZZF-SC-', got 'GZZF-ZN-'"),
        ("CQZF5001120000", "must start with 'GZZF-CQ-' or 'GZZF-SC-'"),
    ],
)
def test_malformed_zone_officer_id_is_rejected(value: str, why: str) -> None:
    with pytest.raises(IdentifierError, match=reason(why)):
        local_officer_id(value)
    with pytest.raises(IdentifierError, match=reason(why)):
        check_zone_officer_id(value)


def test_check_zone_officer_id_returns_the_normalised_id() -> None:
    assert check_zone_officer_id(" gzzf-cq-5001120000 ") == "GZZF-CQ-5001120000"
    assert check_zone_officer_id("GZZF-SC-511623000001") == "GZZF-SC-511623000001"


chongqing_officer_ids = st.text(alphabet=DIGITS, min_size=10, max_size=10).map(lambda d: "CQZF" + d)
sichuan_officer_ids = st.tuples(address_codes, st.text(alphabet=DIGITS, min_size=6, max_size=6)).map(
    lambda parts: "SC" + "".join(parts)
)


@given(
    st.one_of(
        chongqing_officer_ids.map(lambda local: ("CHONGQING", local)),
        sichuan_officer_ids.map(lambda local: ("SICHUAN", local)),
    )
)
def test_zone_officer_id_round_trips_to_the_local_id(origin_and_local: tuple[str, str]) -> None:
    origin, local = origin_and_local
    zone_id = zone_officer_id(origin, local)
    assert check_zone_officer_id(zone_id) == zone_id
    assert local_officer_id(zone_id) == (origin, local)
