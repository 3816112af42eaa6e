"""The times the window shows, on the station's clock (its time zone setting), not the computer's.

The window shows one station, so its zone is set once, when the window opens on the station, and read
by the table columns and labels that write times: those are declared once per class, before any
station exists, and cannot be handed the zone one by one.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

_shown_zone: tzinfo | None = None


def show_times_in(zone: tzinfo | None) -> None:
    """Every time the window shows from now on is in ``zone`` (None: this computer's)."""
    global _shown_zone
    _shown_zone = zone


def on_the_clock(moment: datetime) -> datetime:
    """A stored time as the station's clock shows it; a time without a zone is taken as already local."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(_shown_zone) if _shown_zone is not None else moment.astimezone()


def now_on_the_clock() -> datetime:
    """Now, on the station's clock."""
    return datetime.now(_shown_zone) if _shown_zone is not None else datetime.now().astimezone()


def shown_time(moment: datetime | None) -> str:
    """ "2026-12-02 23:30" on the station's clock; empty for no time."""
    return "" if moment is None else f"{on_the_clock(moment):%Y-%m-%d %H:%M}"
