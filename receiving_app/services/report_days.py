"""The days and times of reports: a bench's calendar day, a shift's hours, and a day as typed.

A day is the station's local calendar day (midnight to midnight where the bench is), as in the
history search; a shift is any from/to range of at most a year. ``zone`` is the bench's time zone;
None is this machine's.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from receiving_app.domain.errors import InputError
from receiving_app.services.report_model import moment_words

MAX_PERIOD = timedelta(days=366)


def midnight(day: date, zone: tzinfo | None) -> datetime:
    """The moment ``day`` begins where the bench is."""
    if zone is None:
        return datetime.combine(day, time.min).astimezone()
    return datetime.combine(day, time.min, tzinfo=zone)


def day_period(day: date, zone: tzinfo | None) -> tuple[datetime, datetime]:
    """Midnight to midnight (23 or 25 hours on the days the clocks change)."""
    return midnight(day, zone), midnight(day + timedelta(days=1), zone)


def shift_period(start: datetime, end: datetime, zone: tzinfo | None) -> tuple[datetime, datetime]:
    """From ``start`` up to (not including) ``end``; times without a zone are the bench's."""
    start, end = aware(start, zone), aware(end, zone)
    if end <= start:
        raise InputError(f"A shift ends after it starts; {moment_words(end)} is not after {moment_words(start)}.")
    if end - start > MAX_PERIOD:
        raise InputError("A report covers at most a year.")
    return start, end


def aware(moment: datetime, zone: tzinfo | None) -> datetime:
    if moment.tzinfo is not None:
        return moment
    return moment.astimezone() if zone is None else moment.replace(tzinfo=zone)


def local(moment: datetime, zone: tzinfo | None) -> datetime:
    """A stored (UTC) moment on the bench's clock."""
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def parse_report_day(text: str | None, today: date) -> date:
    """YYYY-MM-DD, 'today' or 'yesterday'; nothing means today."""
    if text is None or not text.strip() or text.strip().lower() == "today":
        return today
    if text.strip().lower() == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"--date: {text!r} is not a date; use YYYY-MM-DD, today or yesterday") from None
