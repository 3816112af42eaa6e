"""What a barcode scan means at the returns bench: a product (GTIN), a GS1 label, or free text.

Sources:
- ISO/IEC 15424 (AIM) symbology identifiers: ``]`` + code character + modifier, sent before
  the data when the scanner is set to (e.g. ``]C1`` GS1-128, ``]E0`` EAN/UPC, ``]d2`` GS1
  DataMatrix, ``]Q3`` GS1 QR, ``]e0`` GS1 DataBar).
- GS1 General Specifications, section 3 (application identifiers: 01 GTIN, 10 batch,
  17 expiry, 21 serial, ...), section 7.8 (element strings, FNC1 sent as ASCII 29 "GS",
  the table of AIs with predefined length), 7.9 (check digit), 7.12 (century of a YYMMDD date).

A scanner is a keyboard that can garble: a half-read code, a wrong keyboard layout, two codes
run together. Everything that does not look like something a barcode carries is refused with
a message the clerk can act on, rather than being looked up as an RMA number that never matches.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from enum import Enum

from receiving_app.domain.errors import InputError

GROUP_SEPARATOR = "\x1d"
# GS1-128 holds 48 characters and a GS1 DataMatrix label rarely more than 150; far beyond that
# two scans ran together or the scanner is dumping garbage.
MAX_SCAN_LENGTH = 250


class ScanError(InputError):
    """A scan the station cannot use as it was read."""


class ScanKind(str, Enum):
    GTIN = "gtin"  # a retail product code: UPC-A, EAN-13, EAN-8 or GTIN-14
    GS1 = "gs1"  # a GS1 element string: GTIN with batch, serial, expiry...
    TEXT = "text"  # anything else: an RMA number, a SKU, a document number


@dataclass(frozen=True, slots=True)
class ScanValue:
    """One usable scan.

    ``text`` is the scan without its symbology identifier and surrounding whitespace; for GS1
    codes it is the human-readable form, ``(01)09501101530003(10)AB-12``. ``gtin`` is always
    the 14-digit form, so that a UPC-A and the EAN-13 of the same product compare equal.
    ``elements`` keeps every application identifier of a GS1 code, in the order scanned.
    """

    kind: ScanKind
    text: str
    gtin: str | None = None
    batch: str | None = None
    serial: str | None = None
    expiry: date | None = None
    symbology: str | None = None
    elements: tuple[tuple[str, str], ...] = ()


# --- check digits ----------------------------------------------------------------------------


def gs1_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for the digits before it (weights 3, 1, 3... from the right)."""
    total = sum(int(digit) * (3 if position % 2 == 0 else 1) for position, digit in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def has_valid_check_digit(digits: str) -> bool:
    if len(digits) < 2 or not (digits.isdigit() and digits.isascii()):
        return False
    return gs1_check_digit(digits[:-1]) == int(digits[-1])


# --- application identifiers -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Identifier:
    fixed_length: int | None  # None: variable length, ended by GS or the end of the code
    max_length: int
    numeric: bool
    title: str


def _fixed(length: int, title: str) -> _Identifier:
    return _Identifier(length, length, True, title)


def _variable(max_length: int, title: str, *, numeric: bool = False) -> _Identifier:
    return _Identifier(None, max_length, numeric, title)


_DATE_AIS = {
    "11": "production date",
    "12": "due date",
    "13": "packaging date",
    "15": "best before date",
    "16": "sell by date",
    "17": "expiry date",
}

_IDENTIFIERS: dict[str, _Identifier] = {
    "00": _fixed(18, "SSCC"),
    "01": _fixed(14, "GTIN"),
    "02": _fixed(14, "GTIN of contained items"),
    "10": _variable(20, "batch"),
    **{ai: _fixed(6, title) for ai, title in _DATE_AIS.items()},
    "20": _fixed(2, "variant"),
    "21": _variable(20, "serial number"),
    "22": _variable(20, "consumer product variant"),
    "240": _variable(30, "additional product identification"),
    "241": _variable(30, "customer part number"),
    "250": _variable(30, "secondary serial number"),
    "251": _variable(30, "reference to source entity"),
    "30": _variable(8, "variable count", numeric=True),
    "37": _variable(8, "count of trade items", numeric=True),
    "400": _variable(30, "customer purchase order number"),
    "401": _variable(30, "consignment number"),
    "402": _fixed(17, "shipment identification"),
    "403": _variable(30, "routing code"),
    **{f"41{n}": _fixed(13, "global location number") for n in range(8)},
    "420": _variable(20, "ship-to postal code"),
    "421": _variable(12, "ship-to postal code with country"),
    "422": _fixed(3, "country of origin"),
    "7003": _fixed(10, "expiration date and time"),
    "8005": _fixed(6, "price per unit of measure"),
    "8020": _variable(25, "payment slip reference"),
    "90": _variable(30, "mutually agreed information"),
    **{str(n): _variable(90, "company internal information") for n in range(91, 100)},
}
# 31nn to 36nn: trade measures (net weight, length, area...), four-digit AIs with six digits.
_MEASURE_AI = re.compile(r"3[1-6]\d\d")
_MEASURE = _fixed(6, "trade measure")

# GS1 AI encodable character set 82 (General Specifications, figure 7.11-1).
_CSET_82 = re.compile(r"[0-9A-Za-z!\"%&'()*+,\-./:;<=>?_]*")
_GS1_SYMBOLOGIES = {"]C1", "]e0", "]d2", "]Q3", "]J1"}
_HUMAN_READABLE = re.compile(r"(?:\(\d{2,4}\)[^()]+)+")
_HUMAN_READABLE_PART = re.compile(r"\((\d{2,4})\)([^()]+)")
_AIM_IDENTIFIER = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_GTIN_LENGTHS = (8, 12, 13, 14)


def _identifier_at(text: str, position: int) -> tuple[str, _Identifier]:
    for length in (2, 3, 4):
        candidate = text[position : position + length]
        if candidate in _IDENTIFIERS:
            return candidate, _IDENTIFIERS[candidate]
        if length == 4 and _MEASURE_AI.fullmatch(candidate):
            return candidate, _MEASURE
    raise ScanError(f"GS1 barcode: unknown application identifier at {text[position : position + 6]!r}")


def _century_year(two_digits: int, today: date) -> int:
    """GS1 7.12: a two-digit year is at most 49 years behind or 50 ahead of this year."""
    this_year = today.year % 100
    century = today.year - this_year
    difference = two_digits - this_year
    if 51 <= difference <= 99:
        century -= 100
    elif -99 <= difference <= -50:
        century += 100
    return century + two_digits


def _gs1_date(ai: str, data: str, today: date) -> date:
    year, month, day = _century_year(int(data[:2]), today), int(data[2:4]), int(data[4:6])
    if not 1 <= month <= 12:
        raise ScanError(f"GS1 barcode: ({ai}) {data} is not a date (month {month:02d})")
    last_day = calendar.monthrange(year, month)[1]
    if day == 0:
        return date(year, month, last_day)  # day "00" means the last day of that month (GS1 AI 17)
    if day > last_day:
        raise ScanError(f"GS1 barcode: ({ai}) {data} is not a date (day {day:02d})")
    return date(year, month, day)


def _check_element(ai: str, identifier: _Identifier, data: str) -> None:
    title = f"GS1 barcode: ({ai}) {identifier.title}"
    if not data:
        raise ScanError(f"{title} is empty")
    if identifier.fixed_length is not None and len(data) != identifier.fixed_length:
        raise ScanError(f"{title} must have {identifier.fixed_length} digits, not {len(data)}")
    if len(data) > identifier.max_length:
        raise ScanError(f"{title} is longer than {identifier.max_length} characters")
    if identifier.numeric and not (data.isdigit() and data.isascii()):
        raise ScanError(f"{title} must be digits only: {data!r}")
    if not _CSET_82.fullmatch(data):
        raise ScanError(f"{title} holds characters GS1 does not allow: {data!r}")
    if ai in ("00", "01", "02") and not has_valid_check_digit(data):
        raise ScanError(f"{title} {data} has a wrong check digit: scan again")


def _element_string_parts(text: str) -> list[tuple[str, str]]:
    """Split an element string (FNC1 as GS) into (AI, data) pairs, using the AI lengths."""
    parts: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position] == GROUP_SEPARATOR:
            position += 1
            continue
        ai, identifier = _identifier_at(text, position)
        start = position + len(ai)
        if identifier.fixed_length is not None:
            end = start + identifier.fixed_length
        else:
            separator = text.find(GROUP_SEPARATOR, start)
            end = len(text) if separator < 0 else separator
        parts.append((ai, text[start:end]))
        position = end
    return parts


def _human_readable_parts(text: str) -> list[tuple[str, str]]:
    # Typed by hand more often than scanned: spaces around the data are the typist's, not GS1's.
    parts = [(ai, data.strip()) for ai, data in _HUMAN_READABLE_PART.findall(text)]
    for ai, _ in parts:
        if ai not in _IDENTIFIERS and not _MEASURE_AI.fullmatch(ai):
            raise ScanError(f"GS1 barcode: unknown application identifier ({ai})")
    return parts


def _gs1_value(parts: list[tuple[str, str]], symbology: str | None, today: date) -> ScanValue:
    seen: dict[str, str] = {}
    dates: dict[str, date] = {}
    for ai, data in parts:
        identifier = _IDENTIFIERS.get(ai, _MEASURE)
        _check_element(ai, identifier, data)
        if ai in seen:
            raise ScanError(f"GS1 barcode: ({ai}) appears twice; scan one label at a time")
        seen[ai] = data
        if ai in _DATE_AIS:
            dates[ai] = _gs1_date(ai, data, today)
    return ScanValue(
        kind=ScanKind.GS1,
        text="".join(f"({ai}){data}" for ai, data in parts),
        gtin=seen.get("01"),
        batch=seen.get("10"),
        serial=seen.get("21"),
        expiry=dates.get("17"),
        symbology=symbology,
        elements=tuple(parts),
    )


# --- cleaning and classifying ----------------------------------------------------------------


def _is_edge_noise(character: str) -> bool:
    return character.isspace() or ord(character) < 0x20 or ord(character) == 0x7F


def _trimmed(text: str) -> str:
    start, end = 0, len(text)
    while start < end and _is_edge_noise(text[start]):
        start += 1
    while end > start and _is_edge_noise(text[end - 1]):
        end -= 1
    return text[start:end]


def _refuse_garbled(text: str) -> None:
    if not text:
        raise ScanError("empty scan: nothing was read; scan again")
    if len(text) > MAX_SCAN_LENGTH:
        raise ScanError(f"scan too long to be one barcode ({len(text)} characters); scan one code at a time")
    for position, character in enumerate(text, start=1):
        if not (" " <= character <= "~" or character == GROUP_SEPARATOR):
            raise ScanError(
                f"garbled scan: character {position} ({character!r}) is not something a barcode holds; "
                "scan again (check the scanner's keyboard layout if it keeps happening)"
            )


def _product_code(digits: str, symbology: str | None) -> ScanValue:
    return ScanValue(kind=ScanKind.GTIN, text=digits, gtin=digits.zfill(14), symbology=symbology)


def _retail_scan(text: str, symbology: str) -> ScanValue:
    """A scan the scanner says is EAN/UPC: it must be a product code with a correct check digit."""
    digits = text[:13] if symbology == "]E3" and len(text) in (15, 18) else text  # EAN-13 + add-on
    if len(digits) not in _GTIN_LENGTHS or not has_valid_check_digit(digits):
        raise ScanError(f"product barcode {text!r} did not read correctly (check digit): scan again")
    return _product_code(digits, symbology)


def _is_routing_label_without_separator(text: str) -> bool:
    return text.startswith("420") and text.isdigit() and text.isascii() and GROUP_SEPARATOR not in text


def parse_scan(raw: str, *, today: date | None = None) -> ScanValue:
    """Clean one scan and say what it is; ``today`` fixes the century of GS1 dates (tests)."""
    if not isinstance(raw, str):
        raise ScanError(f"a scan is text, not {type(raw).__name__}")
    if len(raw) > 4 * MAX_SCAN_LENGTH:
        raise ScanError(f"scan too long to be one barcode ({len(raw)} characters); scan one code at a time")
    if "\x00" in raw:  # not even as noise at the ends: no barcode holds one, and PostgreSQL could not look it up
        raise ScanError("garbled scan: it holds a NUL character; scan again")
    reference_day = today or date.today()
    text = _trimmed(raw)
    symbology = None
    if _AIM_IDENTIFIER.match(text):
        symbology, text = text[:3], _trimmed(text[3:])
    _refuse_garbled(text)

    if symbology in _GS1_SYMBOLOGIES or GROUP_SEPARATOR in text:
        try:
            return _gs1_value(_element_string_parts(text), symbology, reference_day)
        except ScanError:
            if not _is_routing_label_without_separator(text):
                raise
            # A USPS label read by a scanner that drops the FNC1 after the ZIP Code: the routing
            # element runs into the tracking number. domain.tracking reads the digits whole.
            return ScanValue(kind=ScanKind.TEXT, text=text, symbology=symbology)
    if _HUMAN_READABLE.fullmatch(text):
        return _gs1_value(_human_readable_parts(text), symbology, reference_day)
    if symbology is not None and symbology.startswith("]E"):
        return _retail_scan(text, symbology)
    if text.isdigit() and len(text) in _GTIN_LENGTHS and has_valid_check_digit(text):
        return _product_code(text, symbology)
    if text.isdigit() and len(text) >= 16 and text.startswith("01") and has_valid_check_digit(text[2:16]):
        # A GS1-128 label from a scanner that does not send "]C1": read it as GS1 if it is one.
        try:
            return _gs1_value(_element_string_parts(text), symbology, reference_day)
        except ScanError:
            pass  # a long number that only starts like a GTIN: an SKU or RMA number after all
    return ScanValue(kind=ScanKind.TEXT, text=text, symbology=symbology)


# --- saying what a scan looked like ----------------------------------------------------------

_GTIN_NAMES = {8: "EAN-8", 12: "UPC", 13: "EAN", 14: "GTIN"}


def scanned_as(value: ScanValue) -> str:
    """A scan as the clerk reads it back: "UPC 036000291452" with every digit printed under the bars
    (a UPC's leading zero is part of it), "GS1 label with GTIN …", or the text as scanned."""
    if value.kind is ScanKind.GS1:
        return f"GS1 label with GTIN {value.gtin}" if value.gtin else f"GS1 label {value.text}"
    if value.kind is ScanKind.GTIN:
        return f"{_GTIN_NAMES.get(len(value.text), 'product code')} {value.text}"
    return value.text


def number_prefix(number: str) -> str:
    """What an RMA number holds before its serial digits: "RMA-" of RMA-100004, "4IJ-" of 4IJ-000001."""
    return number.rstrip("0123456789")


def looks_like_rma_number(text: str, prefixes: Collection[str]) -> bool:
    """Shaped like the RMA numbers on file: one of their prefixes, then digits."""
    prefix = number_prefix(text.upper())
    return prefix != text.upper() and prefix in prefixes


def looks_like_misread_product_code(text: str) -> bool:
    """The digits of a UPC, EAN or GTIN whose check digit is wrong: a half-read product barcode."""
    return text.isdigit() and text.isascii() and len(text) in _GTIN_LENGTHS and not has_valid_check_digit(text)


def prefixes_in_words(prefixes: Collection[str]) -> str:
    """ "4IJ-, RA, RGA- or RMA-": the prefixes named in a sentence, in alphabetical order."""
    named = sorted(prefixes)
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"
