"""How values read on paper: moments, decimals and checked facts (amounts: ``domain.money_text``)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal


def date_time_text(moment: datetime, *, with_zone: bool = True, after: datetime | None = None) -> str:
    """ "2026-12-02 23:30 PST": a document names its zone once, where it first prints a time, and writes a
    later time without it (``with_zone=False``), or without it when it is in the zone of the time printed
    ``after`` (a container closed the day the clocks changed says so)."""
    text = f"{moment:%Y-%m-%d %H:%M}"
    same_zone = after is not None and after.tzname() == moment.tzname()
    zone = moment.tzname() if with_zone and not same_zone else None
    return f"{text} {zone}" if zone else text


def decimal_text(value: Decimal) -> str:
    """``98.8400`` as ``98.84`` and ``100.00`` as ``100``: no trailing zeros, never an exponent."""
    return format(value.normalize(), "f")


def yes_no(value: bool | None) -> str:
    """A checked fact as "yes" or "no"; one nobody checked says so, never a yes."""
    return "not checked" if value is None else ("yes" if value else "no")
