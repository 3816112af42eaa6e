"""Column types that keep values exact on both SQLite and PostgreSQL.

SQLite has no decimal type (SQLAlchemy's Numeric goes through float there), so money is stored
as whole cents in an integer, weights as their exact decimal text, and times as UTC. A digest is
stored as its bytes, half the size of its hex digits, and read as the hex digits everything else uses.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    DateTime,
    Dialect,
    Integer,
    LargeBinary,
    SQLColumnExpression,
    String,
    TypeCoerce,
    func,
    type_coerce,
)
from sqlalchemy.types import TypeDecorator

from receiving_app.domain.money import Money

_CENTS_PER_UNIT = Decimal(100)
_FRACTION_SCALE = Decimal(10_000)


class MoneyCents(TypeDecorator[Money]):
    """Money as an integer number of cents: exact, and summable in SQL for reports."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Money | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int(value.amount * _CENTS_PER_UNIT)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Money | None:
        if value is None:
            return None
        return Money(Decimal(value) / _CENTS_PER_UNIT)


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal kept as its exact text (weights converted from ounces carry nine places)."""

    impl = String(48)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, Decimal):
            raise TypeError(f"ExactDecimal takes Decimal, not {type(value).__name__}")
        return format(value, "f")

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Fraction4(TypeDecorator[Decimal]):
    """A fraction reported to four places (fill level), stored as an integer of 1/10,000ths."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        scaled = value * _FRACTION_SCALE
        if scaled != scaled.to_integral_value():
            raise ValueError(f"fraction {value} has more than four places")
        return int(scaled)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else (Decimal(value) / _FRACTION_SCALE).quantize(Decimal("0.0001"))


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out, whatever the database keeps."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("times are stored in UTC and must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class HexDigest(TypeDecorator[str]):
    """A SHA-256 or HMAC-SHA-256 given and read as 64 hex digits, kept as its 32 bytes: an audit event
    holds three, a fifth of its row as text."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | None:
        return None if value is None else bytes.fromhex(value)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> str | None:
        return None if value is None else value.hex()


def summed_money(column: SQLColumnExpression[Money]) -> TypeCoerce[Money]:
    """SUM of a money column, 0 when there are no rows, read back as Money: exact on every dialect."""
    return type_coerce(func.coalesce(func.sum(column), 0), MoneyCents)
