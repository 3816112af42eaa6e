"""The bounds on what the station takes from outside: numbers judged as text before any arithmetic, text
held to its column, and typed weights, scans and catalog weights held to what a bench can weigh."""

from __future__ import annotations

import re
import time
from decimal import Decimal

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.domain.limits import (
    MAX_AMOUNT,
    MAX_GRAMS,
    OutOfBounds,
    decimal_within,
    money_within,
    shown,
    text_within,
    whole_number_within,
)
from receiving_app.domain.money import Money
from receiving_app.domain.scan import ScanError, parse_scan
from receiving_app.domain.weight import FillError, FillMeasurement, Unit, Weight, WeightError


def grams(value: object) -> Decimal:
    return decimal_within(value, maximum=MAX_GRAMS, places=9, unit=" g")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("1e999999999", "not a number"),
        ("1E+2", "not a number"),  # no exponent at all: its size would have to be computed to be judged
        ("NaN", "not a number"),
        ("Infinity", "not a number"),
        ("٥٤", "not a number"),  # Decimal() reads any script's digits; a file holds ASCII ones
        ("9" * 33, "too long to be a number"),
        (Decimal("NaN"), "not a finite number"),
        (Decimal("1e999999999"), "at most 100000 g"),
        (2**70, "far too large"),
        (0.5, "exact decimal"),
        ("-0.01", "cannot be negative"),
        ("100000.000000001", "at most 100000 g"),
        ("0.0000000001", "more than 9 decimal places"),
        ([1], "must be a decimal"),
    ],
)
def test_numbers_outside_the_bounds_are_refused_before_any_arithmetic(value, words) -> None:
    started = time.perf_counter()
    with pytest.raises(OutOfBounds, match=words):
        grams(value)
    assert time.perf_counter() - started < 0.1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("812.4", "812.4"),
        (" 100000 ", "100000"),
        (Decimal("815.000000000"), "815.000000000"),
        (Decimal("0E-999999999"), "0E-9"),  # the same zero, with a short text to store
        (Decimal("1E+2"), "100"),
        (590, "590"),
    ],
)
def test_numbers_within_the_bounds_keep_their_value_and_get_a_short_exponent(value, expected) -> None:
    assert str(grams(value)) == expected


def test_money_is_bounded_in_whole_cents() -> None:
    assert money_within("1000000.00") == Money.of(MAX_AMOUNT)
    assert money_within(Decimal("54.990")) == Money.of("54.99")
    for value, words in [("1000000.01", "at most 1000000.00"), ("12.505", "fractions of a cent"), ("-5", "negative")]:
        with pytest.raises(OutOfBounds, match=words):
            money_within(value)


@pytest.mark.parametrize("value", [0, 10_001, 2**63, "2" * 5000, "1.0", "+3", "３", True, Decimal(3)])
def test_whole_numbers_are_from_one_to_the_bound(value) -> None:
    with pytest.raises(OutOfBounds, match="whole number from 1 to 10000"):
        whole_number_within(value, maximum=10_000)


def test_whole_numbers_may_be_digits_as_text() -> None:
    assert whole_number_within(" 0042 ", maximum=10_000) == 42
    assert whole_number_within(10_000, maximum=10_000) == 10_000


@pytest.mark.parametrize(
    ("value", "lines", "words"),
    [
        ("TN-\x00660", True, "NUL character at position 4"),
        ("TN-660\n", False, "control character '\\n' at position 7"),
        ("a\u2028b", False, "control character"),
        ("a\ud800", True, "control character"),
        ("x" * 65, False, "longer than 64 characters"),
    ],
)
def test_text_without_nul_control_characters_or_excess_length(value, lines, words) -> None:
    with pytest.raises(OutOfBounds, match=re.escape(words)):
        text_within(value, length=64, lines=lines)


def test_free_text_keeps_its_line_breaks() -> None:
    assert text_within("12 Elm St\r\nSpringfield\tIL", length=64, lines=True) == "12 Elm St\r\nSpringfield\tIL"


def test_a_refusal_quotes_a_value_in_one_short_line() -> None:
    assert shown("line\nbreak") == "'line\\nbreak'"
    assert len(shown("x" * 10_000)) == 40
    assert shown(Decimal("1e999999999")) == "1E+999999999"
    assert shown(10**5000) == "a number too long to show"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1e999999999g", "not a weight"),
        ("9" * 60 + "g", "not a weight"),
        ("100001 g", "at most 100000 g"),
        ("221 lb", "at most 100000 g"),
        ("0.0000000001 kg", "more than 9 decimal places"),
    ],
)
def test_a_typed_weight_is_bounded(text, words) -> None:
    with pytest.raises(WeightError, match=words):
        Weight.parse(text)


def test_the_heaviest_typed_weight_is_taken_in_any_unit() -> None:
    assert Weight.parse("100 kg").in_grams == MAX_GRAMS
    assert Weight.parse("220 lb").unit is Unit.POUND


def test_a_catalog_weight_over_the_bound_cannot_define_a_fill_level() -> None:
    # A row written before imports were bounded fails as bad input, not in the arithmetic.
    with pytest.raises(FillError, match="full_g must be at most 100000 g"):
        FillMeasurement(Decimal("812.4"), Decimal("1e9999999"), Decimal("590"))


def test_a_scan_with_a_nul_anywhere_is_refused() -> None:
    for raw in ("RA0000401\x00", "\x00RA0000401"):
        with pytest.raises(ScanError, match="NUL"):
            parse_scan(raw)


def test_every_bound_is_bad_input() -> None:
    assert issubclass(OutOfBounds, InputError)
