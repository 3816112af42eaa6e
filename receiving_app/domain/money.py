"""Money as exact decimal amounts with one rounding rule.

Every amount a customer sees is computed here, so every amount is rounded the same way:
half-up to whole cents. Floats are refused at the door because 0.1 + 0.2 is not 0.3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from receiving_app.domain.errors import InputError

CENT = Decimal("0.01")
ROUNDING = ROUND_HALF_UP


class MoneyError(InputError):
    """An amount that cannot be money: a float, text that is not a number, or fractions of a cent."""


def round_to_cents(value: Decimal) -> Decimal:
    """The one rounding rule: half-up to cents."""
    return value.quantize(CENT, rounding=ROUNDING)


def parse_decimal(value: object, *, what: str = "value") -> Decimal:
    """A finite Decimal from a string, int or Decimal; floats are refused."""
    if isinstance(value, (bool, float)):
        raise MoneyError(f'{what} must be an exact decimal such as "54.99", not {value!r}')
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise MoneyError(f"{what} is not a number: {value!r}") from None
    else:
        raise MoneyError(f'{what} must be an exact decimal such as "54.99", not {type(value).__name__}')
    if not number.is_finite():
        raise MoneyError(f"{what} is not a finite number: {value!r}")
    return number


STATION_CURRENCY = "USD"
"""The currency of every seller this station serves; an amount says its currency all the same."""

_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount in whole cents of one currency. Construct with ``Money.of``.

    Amounts of different currencies never add, subtract or compare: a refund in dollars less a
    fee in euros is a bug, not a number. How an amount is written for people is not the value's
    business; ``receiving_app.domain.money_text`` is the one formatter.
    """

    amount: Decimal
    currency: str = STATION_CURRENCY

    def __post_init__(self) -> None:
        # Rounded once and the station's own code taken without the pattern: a replay of a hundred
        # thousand decisions makes close to a million amounts.
        amount, currency = self.amount, self.currency
        cents = round_to_cents(amount) if isinstance(amount, Decimal) else None
        if cents is None or amount != cents:
            raise MoneyError(f"Money holds whole cents only, got {amount!r}")
        if currency != STATION_CURRENCY and (not isinstance(currency, str) or not _CURRENCY_CODE.match(currency)):
            raise MoneyError(f"A currency is a three-letter ISO 4217 code such as USD, not {currency!r}")
        # Normalise the exponent so that equal amounts print identically ("5.00", never "5").
        object.__setattr__(self, "amount", cents)

    @classmethod
    def of(cls, value: object, *, what: str = "amount", currency: str = STATION_CURRENCY) -> Money:
        """Money from a decimal string, int or Decimal that is already whole cents."""
        number = parse_decimal(value, what=what)
        if number != round_to_cents(number):
            raise MoneyError(f"{what} has fractions of a cent: {value!r}")
        return cls(number, currency)

    @classmethod
    def rounded(cls, value: Decimal, currency: str = STATION_CURRENCY) -> Money:
        """Money from an exact computed value, rounded by the one rule."""
        return cls(round_to_cents(value), currency)

    @classmethod
    def zero(cls, currency: str = STATION_CURRENCY) -> Money:
        # One zero of each currency, made (and its code checked) the first time: amounts are values.
        known = _ZEROS.get(currency) if isinstance(currency, str) else None
        if known is None:
            known = _ZEROS[currency] = cls(Decimal("0.00"), currency)
        return known

    def same_currency_amount(self, other: Money) -> Decimal:
        """``other``'s amount for arithmetic beside this one; refused unless it is money in this currency."""
        if not isinstance(other, Money):
            raise MoneyError(f"Money combines with money only, not {type(other).__name__}")
        if other.currency != self.currency:
            raise MoneyError(f"{self.currency} and {other.currency} amounts cannot be combined or compared")
        return other.amount

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + self.same_currency_amount(other), self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - self.same_currency_amount(other), self.currency)

    def __lt__(self, other: Money) -> bool:
        return self.amount < self.same_currency_amount(other)

    def __le__(self, other: Money) -> bool:
        return self.amount <= self.same_currency_amount(other)

    def __gt__(self, other: Money) -> bool:
        return self.amount > self.same_currency_amount(other)

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self.same_currency_amount(other)

    def __mul__(self, quantity: int) -> Money:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise MoneyError("Money is multiplied by whole quantities only; use percent() for rates")
        if quantity == 1:
            return self  # a unit's price is its merchandise: the same value, not made again
        return Money(self.amount * quantity, self.currency)

    def percent(self, rate: Decimal) -> Money:
        """``rate`` percent of this amount, rounded by the one rule (15% of 54.99 is 8.25)."""
        return Money.rounded(self.amount * rate / Decimal(100), self.currency)

    def floored_at_zero(self) -> Money:
        return self if self.amount >= 0 else Money.zero(self.currency)

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:
        """The plain figure ("54.99"), as files and exports exchange it; people read ``money_text``."""
        return f"{self.amount:.2f}"


_ZEROS: dict[str, Money] = {}
