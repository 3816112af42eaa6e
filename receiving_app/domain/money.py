"""Money as exact decimal amounts with one rounding rule.

Every amount a customer sees is computed here, so every amount is rounded the same way:
half-up to whole cents. Floats are refused at the door because 0.1 + 0.2 is not 0.3.
"""

from __future__ import annotations

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
    if isinstance(value, bool) or isinstance(value, float):
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


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An exact amount in whole cents. Construct with ``Money.of``."""

    amount: Decimal

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal) or self.amount != round_to_cents(self.amount):
            raise MoneyError(f"Money holds whole cents only, got {self.amount!r}")
        # Normalise the exponent so that equal amounts print identically ("5.00", never "5").
        object.__setattr__(self, "amount", round_to_cents(self.amount))

    @classmethod
    def of(cls, value: object, *, what: str = "amount") -> Money:
        """Money from a decimal string, int or Decimal that is already whole cents."""
        number = parse_decimal(value, what=what)
        if number != round_to_cents(number):
            raise MoneyError(f"{what} has fractions of a cent: {value!r}")
        return cls(number)

    @classmethod
    def rounded(cls, value: Decimal) -> Money:
        """Money from an exact computed value, rounded by the one rule."""
        return cls(round_to_cents(value))

    @classmethod
    def zero(cls) -> Money:
        return cls(Decimal("0.00"))

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + other.amount)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - other.amount)

    def __mul__(self, quantity: int) -> Money:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise MoneyError("Money is multiplied by whole quantities only; use percent() for rates")
        return Money(self.amount * quantity)

    def percent(self, rate: Decimal) -> Money:
        """``rate`` percent of this amount, rounded by the one rule (15% of 54.99 is 8.25)."""
        return Money.rounded(self.amount * rate / Decimal(100))

    def floored_at_zero(self) -> Money:
        return self if self.amount >= 0 else Money.zero()

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    def __str__(self) -> str:
        return f"{self.amount:.2f}"
