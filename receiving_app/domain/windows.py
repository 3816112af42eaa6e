"""Date windows, both inclusive: the last day of a window still counts."""

from __future__ import annotations

from datetime import date


def add_calendar_years(start: date, years: int) -> date:
    """The same day ``years`` later; 29 February falls back to 28 February in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def days_between(start: date, end: date) -> int:
    return (end - start).days


def within_days(start: date, reported: date, limit: int) -> bool:
    return days_between(start, reported) <= limit


def within_years(start: date, reported: date, limit: int) -> bool:
    return reported <= add_calendar_years(start, limit)
