"""The station's time zone: the one every printed and shown time is in, and whose midnight ends a report's day.

Times are stored in UTC. A station names its zone in its settings (``time_zone``, an IANA name such as
``America/Los_Angeles``), the ``RECEIVING_APP_TIME_ZONE`` environment variable overrides that for one
run, and with neither the station is where its computer's clock says it is.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from receiving_app.domain.errors import InputError

ZONE_VARIABLE = "RECEIVING_APP_TIME_ZONE"


def zone_problem(name: str) -> str | None:
    """Why ``name`` is not a time zone, in a sentence; None for an IANA zone name (or empty: the computer's)."""
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return (
            f"{name!r} is not a time zone this computer knows; use an IANA name such as America/Los_Angeles "
            "or Europe/Berlin, or leave it empty for this computer's own"
        )
    return None


def named_zone(name: str) -> ZoneInfo | None:
    """The zone of an IANA name; None for an empty name (this computer's). InputError for an unknown one."""
    name = name.strip()
    problem = zone_problem(name)
    if problem is not None:
        raise InputError(f"time_zone: {problem}")
    return ZoneInfo(name) if name else None


def station_zone(setting: str, environ: Mapping[str, str] | None = None) -> ZoneInfo | None:
    """The station's zone: ``RECEIVING_APP_TIME_ZONE`` when set, else the setting; None is this computer's."""
    variable = (os.environ if environ is None else environ).get(ZONE_VARIABLE, "").strip()
    if variable:
        problem = zone_problem(variable)
        if problem is not None:
            raise InputError(f"{ZONE_VARIABLE}: {problem}")
        return ZoneInfo(variable)
    return named_zone(setting)


def on_station_clock(moment: datetime, zone: tzinfo | None) -> datetime:
    """A stored (UTC) moment as the station's clock shows it, with its zone's abbreviation."""
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def zone_words(zone: tzinfo | None) -> str:
    """The zone as the Settings page names it: its IANA name, or the computer's with its abbreviation now."""
    if zone is not None:
        return str(zone)
    return f"this computer's ({datetime.now().astimezone().tzname()})"
