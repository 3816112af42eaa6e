"""How values read on paper: moments, decimals and checked facts (amounts: ``domain.money_text``)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal


def date_time_text(moment: datetime) -> str:
    text = f"{moment:%Y-%m-%d %H:%M}"
    zone = moment.tzname()
    return f"{text} {zone}" if zone else text


def decimal_text(value: Decimal) -> str:
    """``98.8400`` as ``98.84`` and ``100.00`` as ``100``: no trailing zeros, never an exponent."""
    return format(value.normalize(), "f")


def yes_no(value: bool | None) -> str:
    """A checked fact as "yes" or "no"; one nobody checked says so, never a yes."""
    return "not checked" if value is None else ("yes" if value else "no")
