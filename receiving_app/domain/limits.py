"""The largest values the station takes from outside (files, scenarios, options), and the checks that hold them.

Each bound is far beyond any real return and far below what would cost the station seconds, gigabytes or a
database error. A number is checked as text, or by its exponent, before any arithmetic is done with it:
"1e999999999" is eleven characters, but written out in full, as a weight is stored, it is a billion digits.
A refusal here says what is wrong but not where; the caller names the field (and the row).
"""

from __future__ import annotations

import re
from decimal import Decimal

from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money

MAX_AMOUNT = Decimal("1000000.00")  # any one amount of money
MAX_GRAMS = Decimal(100_000)  # any one weight: nothing the bench handles weighs 100 kg
WEIGHT_PLACES = 9  # grams converted exactly from ounces carry nine decimals
MAX_QUANTITY = 10_000  # units on one line of an order or RMA
MAX_LINE_NUMBER = 10_000  # a line of an RMA, and a unit of a line, are numbered 1 to this
MAX_NUMBER_CHARACTERS = 32  # a number written as text, sign and point included
MAX_FREE_TEXT = 32_767  # free text in a column without a width (notes, addresses): what a window text box holds

# The widths of the catalog's SKU and the seller's policy id: the tables use these, and so does
# `evaluate`, which stores nothing but takes the same values.
SKU_LENGTH = 64
POLICY_ID_LENGTH = 64

MAX_CSV_CELL = 4_096  # characters in one cell of an import file
MAX_CSV_ROW = 16_384  # characters in one row
MAX_CSV_COLUMNS = 64
MAX_IMPORT_BYTES = 16 * 1024 * 1024
MAX_IMPORT_ROWS = 100_000

MAX_JSON_CHARACTERS = 65_536  # an `evaluate` scenario is about 700
MAX_JSON_DEPTH = 32  # a scenario nests two deep

_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")  # ASCII digits: Decimal() takes any script's
_LONGEST_INT_BITS = 64
_SHOWN_WIDTH = 40
# Control characters and line separators break a one-line message or a printed page, PostgreSQL refuses
# NUL in any text, and lone surrogates cannot even be written out as UTF-8.
_NOT_IN_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NOT_IN_FREE_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


class OutOfBounds(InputError):
    """A value the station does not take; the message reads after the field's name ("full_g is ...")."""


def shown(value: object) -> str:
    """A value quoted for a one-line message, cut short: a refusal never echoes a megabyte or a line break."""
    try:
        text = str(value) if isinstance(value, Decimal) else repr(value)
    except ValueError:  # an int too long for Python to print
        return "a number too long to show"
    return text if len(text) <= _SHOWN_WIDTH else text[: _SHOWN_WIDTH - 1] + "…"


def decimal_within(value: object, *, maximum: Decimal, places: int, unit: str = "") -> Decimal:
    """``value`` (text, an int or a Decimal) as a Decimal from 0 to ``maximum`` (in ``unit``, as the refusal
    says it) with at most ``places`` decimals."""
    number = _decimal(value)
    _require_range(number, value, maximum, unit)
    if number != number.quantize(Decimal(1).scaleb(-places)):
        raise OutOfBounds(f"has more than {places} decimal places: {shown(value)}")
    return _plain_exponent(number, places)


def money_within(value: object) -> Money:
    """``value`` (text, an int or a Decimal) as money from 0.00 to MAX_AMOUNT, in whole cents."""
    number = _decimal(value)
    _require_range(number, value, MAX_AMOUNT, "")
    if number != number.quantize(Decimal("0.01")):
        raise OutOfBounds(f"has fractions of a cent: {shown(value)}")
    return Money(number)


def whole_number_within(value: object, *, maximum: int, what: str = "a whole number") -> int:
    """``value`` (an int, or digits as text) from 1 to ``maximum``."""
    problem = OutOfBounds(f"must be {what} from 1 to {maximum}, not {shown(value)}")
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > MAX_NUMBER_CHARACTERS:
            raise problem
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= maximum:
        raise problem
    return value


def text_within(value: str, *, length: int, lines: bool = False) -> str:
    """``value`` if it has at most ``length`` characters and no control character (line breaks and tabs
    only where ``lines`` allows them)."""
    unwanted = (_NOT_IN_FREE_TEXT if lines else _NOT_IN_ONE_LINE).search(value)
    if unwanted is not None:
        character = unwanted.group()
        what = "a NUL character" if character == "\x00" else f"the control character {character!r}"
        raise OutOfBounds(f"holds {what} at position {unwanted.start() + 1}")
    if len(value) > length:
        raise OutOfBounds(f"is longer than {length} characters ({len(value)})")
    return value


def _decimal(value: object) -> Decimal:
    if isinstance(value, (bool, float)):
        raise OutOfBounds(f'must be an exact decimal such as "54.99", not {shown(value)}')
    if isinstance(value, int):
        if value.bit_length() > _LONGEST_INT_BITS:
            raise OutOfBounds(f"is far too large: {shown(value)}")
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise OutOfBounds(f"is not a finite number: {shown(value)}")
        return value
    if not isinstance(value, str):
        raise OutOfBounds(f'must be a decimal such as "54.99", not {type(value).__name__}')
    text = value.strip()
    if len(text) > MAX_NUMBER_CHARACTERS:
        raise OutOfBounds(f"is too long to be a number ({len(text)} characters)")
    # Checked before Decimal(): no exponent ("1e999999999"), no NaN, no Infinity.
    if not _PLAIN_NUMBER.fullmatch(text):
        raise OutOfBounds(f"is not a number such as 12.5: {shown(value)}")
    return Decimal(text)


def _require_range(number: Decimal, value: object, maximum: Decimal, unit: str) -> None:
    # Comparing looks at exponents first: cheap even for 1e999999999, unlike any arithmetic.
    if number < 0:
        raise OutOfBounds(f"cannot be negative ({shown(value)})")
    if number > maximum:
        raise OutOfBounds(f"must be at most {maximum}{unit}, not {shown(value)}")


def _plain_exponent(number: Decimal, places: int) -> Decimal:
    """The same value with an exponent from -places to 0, so that its text is short: 0E-999999999 is 0."""
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # a finite number's exponent
    if exponent > 0:
        return number.quantize(Decimal(1))
    if exponent < -places:
        return number.quantize(Decimal(1).scaleb(-places))
    return number
