"""Identifier formats the zone accepts from both provinces, and the zone's own.

Every check normalises first (outside systems send full-width digits and lower-case letters), returns
the normalised value so callers store one spelling, and raises IdentifierError with a reason a person
can act on. Reasons never repeat a resident ID number: callers may log them.
Formats: shared/domain.md §3 and shared/platforms/chongqing.md, sichuan.md.
"""

from __future__ import annotations

import operator
import unicodedata
from datetime import date, datetime, timedelta, timezone

from gaozhu.registry.domains import BY_CHONGQING, BY_SICHUAN, BY_ZONE

__all__ = [
    "LINSHUI",
    "YUBEI",
    "ZONE_REGIONS",
    "IdentifierError",
    "check_chongqing_certificate_no",
    "check_chongqing_inspection_id",
    "check_chongqing_item_code",
    "check_chongqing_officer_id",
    "check_credit_code",
    "check_id_number",
    "check_region_code",
    "check_sichuan_certificate_no",
    "check_sichuan_inspection_id",
    "check_sichuan_item_code",
    "check_sichuan_officer_id",
    "check_zone_item_code",
    "check_zone_officer_id",
    "credit_code_check_char",
    "id_number_check_char",
    "local_officer_id",
    "mask_id_number",
    "normalise",
    "zone_officer_id",
]

YUBEI = "500112"  # Chongqing side of the zone
LINSHUI = "511623"  # Sichuan side of the zone
ZONE_REGIONS = frozenset({YUBEI, LINSHUI})

_DIGITS = "0123456789"
# China has kept UTC+8 without daylight saving since 1991; a fixed offset needs no tz database.
_CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


class IdentifierError(ValueError):
    """An identifier that breaks its format; the message says which rule and how."""


def normalise(text: str) -> str:
    """One spelling for what people type: NFKC folds full-width digits, upper() folds a lower-case x."""
    return unicodedata.normalize("NFKC", text).strip().upper()


def _today() -> date:
    return datetime.now(_CHINA).date()


def _require_length(value: str, length: int) -> None:
    if len(value) != length:
        raise IdentifierError(f"must be {length} characters, got {len(value)}")


def _require_digits(value: str, what: str, offset: int = 0) -> None:
    # str.isdigit() would let Arabic-Indic and other non-ASCII digits through NFKC unchanged.
    for i, char in enumerate(value):
        if char not in _DIGITS:
            raise IdentifierError(f"{what}: character {char!r} at position {offset + i + 1} is not a digit")


def _require_prefix(value: str, prefix: str) -> None:
    if not value.startswith(prefix):
        raise IdentifierError(f"must start with {prefix!r}, got {value[: len(prefix)]!r}")


def _prefixed_digits(value: str, prefix: str, count: int) -> str:
    """PREFIX + count digits, the shape of most local keys."""
    code = normalise(value)
    _require_prefix(code, prefix)
    _require_length(code, len(prefix) + count)
    _require_digits(code[len(prefix) :], f"after {prefix!r}", offset=len(prefix))
    return code


# --- GB 32100 unified social credit code -------------------------------------------------------

_CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_VALUE = {char: value for value, char in enumerate(_CREDIT_CHARSET)}
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
_CREDIT_EXCLUDED = "IOSVZ"
_CREDIT_VALID = frozenset(_CREDIT_CHARSET)


def _require_credit_charset(value: str) -> None:
    if _CREDIT_VALID.issuperset(value):  # the common case, checked in one C call
        return
    for i, char in enumerate(value):
        if char in _CREDIT_VALUE:
            continue
        if char in _CREDIT_EXCLUDED:
            raise IdentifierError(
                f"character {char!r} is not allowed (GB 32100 excludes I, O, S, V, Z), position {i + 1}"
            )
        raise IdentifierError(
            f"character {char!r} is not allowed (GB 32100 uses digits and capital letters), position {i + 1}"
        )


def credit_code_check_char(first17: str) -> str:
    """The 18th character for the first 17; raises on a bad length or charset rather than guess."""
    first17 = normalise(first17)
    _require_length(first17, 17)
    _require_credit_charset(first17)
    return _credit_check_char(first17)


def _credit_check_char(first17: str) -> str:
    total = sum(map(operator.mul, map(_CREDIT_VALUE.__getitem__, first17), _CREDIT_WEIGHTS))
    return _CREDIT_CHARSET[(31 - total % 31) % 31]


def check_credit_code(code: str) -> str:
    """The normalised code if its check character holds.

    The inner GB 11714 organisation-code check is deliberately not applied: early pilot codes
    (Xiamen 91350211M0000XUF46) and most of the sample codes fail it, yet they are real.
    """
    value = normalise(code)
    _require_length(value, 18)
    _require_credit_charset(value)
    expected = _credit_check_char(value[:17])
    if value[17] != expected:
        raise IdentifierError(f"check character should be {expected!r}, got {value[17]!r}")
    return value


# --- GB 11643 resident ID number ---------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_EARLIEST_BIRTH = date(1900, 1, 1)


def id_number_check_char(first17: str) -> str:
    """The 18th character for the first 17 (digits after normalising); raises on anything else."""
    first17 = normalise(first17)
    _require_length(first17, 17)
    _require_digits(first17, "first 17 characters")
    total = sum(int(char) * weight for char, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def _birth_date(digits: str, today: date) -> None:
    # The reason names the rule, not the date: ID fragments stay out of logs.
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise IdentifierError("birth date (characters 7–14) is not a real calendar date") from None
    if born < _EARLIEST_BIRTH:
        raise IdentifierError("birth date (characters 7–14) is before 1900")
    if born > today:
        raise IdentifierError("birth date (characters 7–14) is in the future")


def check_id_number(value: str, *, today: date | None = None) -> str:
    """The normalised 18-character ID if its date and check character hold.

    The address code is where the person was first registered (Chongqing people registered before
    1997 carry Sichuan-era 51 codes), so it is never tied to a province. `today` defaults to the
    date in China.
    """
    number = normalise(value)
    _require_length(number, 18)
    _require_digits(number[:17], "first 17 characters")
    if number[17] not in _DIGITS and number[17] != "X":
        raise IdentifierError(f"check character must be a digit or 'X', got {number[17]!r}")
    _birth_date(number[6:14], today or _today())
    expected = id_number_check_char(number[:17])
    if number[17] != expected:
        raise IdentifierError(f"check character should be {expected!r}, got {number[17]!r}")
    return number


def mask_id_number(value: str) -> str:
    """What answers show of an ID: first 6 and last 4 kept; too short to hide anything, all stars."""
    number = normalise(value)
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


# --- GB/T 2260 division codes ------------------------------------------------------------------

# Province-level prefixes; 71 Taiwan, 81 Hong Kong, 82 Macao.
_PROVINCES = frozenset(
    f"{p:02d}"
    for p in (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
    )
)


def check_region_code(code: str) -> str:
    """A province, prefecture or county code with a real province prefix.

    Prefecture and county parts are not looked up: the Ministry of Civil Affairs changes them over
    time, so a full table would reject codes that were right on the record's date.
    """
    value = normalise(code)
    _require_length(value, 6)
    _require_digits(value, "region code")
    if value[:2] not in _PROVINCES:
        raise IdentifierError(f"{value[:2]!r} is not a GB/T 2260 province prefix")
    return value


def _check_embedded_region(region: str) -> None:
    try:
        check_region_code(region)
    except IdentifierError as exc:
        raise IdentifierError(f"region part {region!r}: {exc}") from None


# --- Chongqing local formats -------------------------------------------------------------------


def check_chongqing_officer_id(value: str) -> str:
    """Chongqing `ryid`: CQZF + 10 digits."""
    return _prefixed_digits(value, "CQZF", 10)


def check_chongqing_certificate_no(value: str) -> str:
    """Chongqing `zfzh`: region 6 + year of issue 2 + serial 6, all digits."""
    number = normalise(value)
    _require_length(number, 14)
    _require_digits(number, "certificate number")
    _check_embedded_region(number[:6])
    return number


def check_chongqing_inspection_id(value: str) -> str:
    """Chongqing `jcid`: CQJC + 12 digits."""
    return _prefixed_digits(value, "CQJC", 12)


def check_chongqing_item_code(value: str) -> str:
    """Chongqing `sxbm`: CQ-<domain code>-NNNN, the domain one the zone knows."""
    code = normalise(value)
    parts = code.split("-")
    if len(parts) != 3 or parts[0] != "CQ":
        raise IdentifierError(f"must look like 'CQ-YJGL-0001', got {code!r}")
    if parts[1] not in BY_CHONGQING:
        raise IdentifierError(f"unknown Chongqing domain {parts[1]!r}; known: {', '.join(BY_CHONGQING)}")
    if len(parts[2]) != 4:
        raise IdentifierError(f"item number must be 4 digits, got {parts[2]!r}")
    _require_digits(parts[2], "item number", offset=len(parts[0]) + len(parts[1]) + 2)
    return code


# --- Sichuan local formats ---------------------------------------------------------------------


def check_sichuan_officer_id(value: str) -> str:
    """Sichuan officer `Id`: SC + region 6 + 6 digits."""
    code = _prefixed_digits(value, "SC", 12)
    _check_embedded_region(code[2:8])
    return code


def check_sichuan_certificate_no(value: str, *, today: date | None = None) -> str:
    """Sichuan certificate `no`: region 6 + year of issue 4 (1949 to this year) + serial 6."""
    number = normalise(value)
    _require_length(number, 16)
    _require_digits(number, "certificate number")
    _check_embedded_region(number[:6])
    year = int(number[6:10])
    this_year = (today or _today()).year
    if not 1949 <= year <= this_year:
        raise IdentifierError(f"year of issue {year} is outside 1949–{this_year}")
    return number


def check_sichuan_inspection_id(value: str) -> str:
    """Sichuan inspection `Id`: SCJC + 12 digits."""
    return _prefixed_digits(value, "SCJC", 12)


def check_sichuan_item_code(value: str) -> str:
    """Sichuan `Matter/@local`: SC + domain number 2 + 5 digits (SC0100001)."""
    code = _prefixed_digits(value, "SC", 7)
    if code[2:4] not in BY_SICHUAN:
        raise IdentifierError(f"unknown Sichuan domain {code[2:4]!r}; known: {', '.join(BY_SICHUAN)}")
    return code


# --- Zone formats ------------------------------------------------------------------------------


def check_zone_item_code(value: str) -> str:
    """Zone item code: GZ-<zone domain letters>-NNN."""
    code = normalise(value)
    parts = code.split("-")
    if len(parts) != 3 or parts[0] != "GZ":
        raise IdentifierError(f"must look like 'GZ-YJ-001', got {code!r}")
    if parts[1] not in BY_ZONE:
        raise IdentifierError(f"unknown zone domain {parts[1]!r}; known: {', '.join(BY_ZONE)}")
    if len(parts[2]) != 3:
        raise IdentifierError(f"item number must be 3 digits, got {parts[2]!r}")
    _require_digits(parts[2], "item number", offset=len(parts[0]) + len(parts[1]) + 2)
    return code


# Zone officer ids keep the local id's digits so either province can read its own officers back.
# origin -> (zone prefix, local prefix, digits after the prefix, local check)
_ZONE_OFFICER = {
    "CHONGQING": ("GZZF-CQ-", "CQZF", 10, check_chongqing_officer_id),
    "SICHUAN": ("GZZF-SC-", "SC", 12, check_sichuan_officer_id),
}


def zone_officer_id(origin: str, local_id: str) -> str:
    """The zone id for a province's officer: GZZF-CQ-<10 digits> or GZZF-SC-<12 digits>."""
    key = normalise(origin)
    if key not in _ZONE_OFFICER:
        raise IdentifierError(f"origin must be 'CHONGQING' or 'SICHUAN', got {origin!r}")
    zone_prefix, local_prefix, _, check = _ZONE_OFFICER[key]
    return zone_prefix + check(local_id)[len(local_prefix) :]


def local_officer_id(zone_id: str) -> tuple[str, str]:
    """(origin, local id) behind a zone officer id; the inverse of zone_officer_id."""
    code = normalise(zone_id)
    for origin, (zone_prefix, local_prefix, count, check) in _ZONE_OFFICER.items():
        if code.startswith(zone_prefix):
            _require_length(code, len(zone_prefix) + count)
            _require_digits(code[len(zone_prefix) :], f"after {zone_prefix!r}", offset=len(zone_prefix))
            return origin, check(local_prefix + code[len(zone_prefix) :])
    raise IdentifierError(f"must start with 'GZZF-CQ-' or 'GZZF-SC-', got {code[:8]!r}")


def check_zone_officer_id(value: str) -> str:
    """The normalised zone officer id if the local id inside it is valid."""
    origin, local_id = local_officer_id(value)
    return zone_officer_id(origin, local_id)
