from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal

import pytest

from receiving_app.domain.money import Money, MoneyError
from receiving_app.domain.weight import FillError, FillMeasurement, Unit, Weight, WeightError
from receiving_app.domain.windows import add_calendar_years, within_days, within_years


@pytest.mark.parametrize(
    ("amount", "rate", "fee"),
    [
        ("54.99", "15", "8.25"),
        ("10.30", "15", "1.55"),
        ("16.55", "30", "4.97"),
        ("0.01", "15", "0.00"),
        ("0.05", "30", "0.02"),
    ],
)
def test_a_percentage_rounds_half_up_to_cents(amount, rate, fee) -> None:
    assert str(Money.of(amount).percent(Decimal(rate))) == fee


def test_money_refuses_floats_and_fractions_of_cents() -> None:
    with pytest.raises(MoneyError, match="exact decimal"):
        Money.of(54.99)
    with pytest.raises(MoneyError, match="fractions of a cent"):
        Money.of("54.999")
    with pytest.raises(MoneyError, match="not a number"):
        Money.of("fifty")
    assert str(Money.of("54.990")) == "54.99"
    assert str(Money.of(5)) == "5.00"


def test_money_arithmetic_stays_exact_and_floors_at_zero() -> None:
    total = Money.of("0.10") + Money.of("0.20")
    assert total == Money.of("0.30")
    assert (Money.of("1.00") - Money.of("2.50")).floored_at_zero() == Money.zero()
    assert Money.of("19.99") * 3 == Money.of("59.97")


def test_float_operations_are_trapped_in_the_suite() -> None:
    with pytest.raises(decimal.FloatOperation):
        Decimal("1.00") + Decimal(float("0.1"))


@pytest.mark.parametrize(
    ("text", "grams"),
    [("812.4g", "812.4"), ("0.8124 kg", "812.4000"), ("1 lb", "453.59237"), ("16oz", "453.592370"), ("812.4", "812.4")],
)
def test_weights_convert_to_grams_exactly(text, grams) -> None:
    assert Weight.parse(text).in_grams == Decimal(grams)


@pytest.mark.parametrize("text", ["-5g", "12 stone", "g", "", "1.2.3g", "NaN g"])
def test_bad_weights_are_refused_with_a_message(text) -> None:
    with pytest.raises(WeightError):
        Weight.parse(text)


def test_an_ounce_reading_and_a_gram_reading_of_one_cartridge_agree() -> None:
    assert Weight(Decimal("28.349523125"), Unit.GRAM).in_grams == Weight(Decimal("1"), Unit.OUNCE).in_grams


def test_fill_is_judged_exact_and_reported_clamped_to_four_places() -> None:
    nearly_full = FillMeasurement(Decimal("812.4"), Decimal("815"), Decimal("590"))
    assert nearly_full.reported_fraction == Decimal("0.9884")
    below_empty = FillMeasurement(Decimal("580"), Decimal("815"), Decimal("590"))
    assert below_empty.exact_fraction < 0 and below_empty.reported_fraction == Decimal("0.0000")
    with pytest.raises(FillError, match="full_g must be greater"):
        FillMeasurement(Decimal("600"), Decimal("590"), Decimal("590"))


@pytest.mark.parametrize(
    ("start", "years", "end"),
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2026, 3, 2), 2, date(2028, 3, 2)),
    ],
)
def test_calendar_years_fall_back_to_28_february(start, years, end) -> None:
    assert add_calendar_years(start, years) == end


def test_windows_count_the_last_day() -> None:
    assert within_days(date(2026, 3, 2), date(2026, 4, 1), 30)
    assert not within_days(date(2026, 3, 2), date(2026, 4, 2), 30)
    assert within_years(date(2026, 3, 2), date(2027, 3, 2), 1)
    assert not within_years(date(2026, 3, 2), date(2027, 3, 3), 1)
