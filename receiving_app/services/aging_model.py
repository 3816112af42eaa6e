"""What the aging view says: frozen lists of what waits longer than it should, for the window, the daily
report and `receiving-app aging --json`.

Four lists, each with its exact count and its oldest rows: RMAs authorized longer ago than their seller
allows for the parcel to arrive, RMAs whose parcel has waited for the bench longer than the station's
hours, lines on hold, and returns without an RMA left open longer than the station's days. Exactly at a
limit is not late: an RMA authorized 30 days ago under a 30-day limit is still in time. Nothing here
reads the database (``aging.py`` fills these values) or names a customer: a return without an RMA is
listed by its number, license plate and shelf, never by the sender typed from its label.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from receiving_app.domain.policy import DEFAULT_ARRIVAL_DAYS

DEFAULT_INSPECTION_HOURS = 48
DEFAULT_UNIDENTIFIED_DAYS = 7

TITLES = {
    "not_arrived": "Authorized, not arrived",
    "not_inspected": "Arrived, not inspected",
    "on_hold": "On hold",
    "unidentified": "Returns without an RMA",
}
ACTIONS = {
    "not_arrived": "Ask the customer whether the parcel was sent, and for its tracking number.",
    "not_inspected": "Receive it at the bench.",
    "on_hold": "Settle what it waits for; a supervisor releases the hold.",
    "unidentified": "Match it to an order, or reject it with a reason.",
}
HOURS_SHOWN_UNTIL = timedelta(days=3)
"""An age under three days is said in hours (a bench's limit is in hours), a longer one in days."""


def age_words(age: timedelta | None) -> str:
    """'50 hours', '1 day', '31 days'; an unknown age is an empty string."""
    if age is None:
        return ""
    if age < HOURS_SHOWN_UNTIL:
        hours = int(age.total_seconds() // 3600)
        return f"{hours} hour" + ("" if hours == 1 else "s")
    return f"{age.days} day" + ("" if age.days == 1 else "s")


def since_words(since: date | None) -> str:
    """A day as YYYY-MM-DD, a moment to the minute on the clock it carries; unknown is empty."""
    if since is None:
        return ""
    if isinstance(since, datetime):
        return f"{since:%Y-%m-%d %H:%M}"
    return since.isoformat()


@dataclass(frozen=True, slots=True)
class AgingLimits:
    """The limits past which something is late: each seller's days for a parcel to arrive (its policy's
    ``arrival_days``), and the station's hours for the bench and days for the back office."""

    arrival_days: Mapping[str, int] = field(default_factory=dict)  # by seller (policy id)
    inspection_hours: int = DEFAULT_INSPECTION_HOURS
    unidentified_days: int = DEFAULT_UNIDENTIFIED_DAYS

    def words(self, key: str) -> str:
        """When something of one list is late, as a reader reads it."""
        if key == "not_arrived":
            days = sorted(set(self.arrival_days.values())) or [DEFAULT_ARRIVAL_DAYS]
            if len(days) == 1:
                return f"over {days[0]} days after authorization"
            return f"over {days[0]} to {days[-1]} days after authorization, by seller"
        if key == "not_inspected":
            return f"over {self.inspection_hours} hours after check-in"
        if key == "unidentified":
            return f"open over {self.unidentified_days} days"
        return "every line on hold"

    def as_json(self) -> dict[str, Any]:
        return {
            "arrival_days": dict(sorted(self.arrival_days.items())),
            "default_arrival_days": DEFAULT_ARRIVAL_DAYS,
            "inspection_hours": self.inspection_hours,
            "unidentified_days": self.unidentified_days,
        }


@dataclass(frozen=True, slots=True)
class AgingRow:
    """One thing that waits: an RMA, a held line or a return without an RMA."""

    number: str  # the RMA number, or the unidentified return's UR number
    seller: str  # the seller's name; empty for a return without an RMA found on its own
    policy: str | None  # the seller's policy id
    since: date | None  # authorized on (a day); arrived, held or recorded at (a moment); None: not known
    age: timedelta | None
    action: str
    line: int | None = None  # a held line's number
    sku: str = ""
    note: str = ""  # a hold's note, cleaned of customer details
    lpn: str = ""  # a return without an RMA: its license plate and the shelf it waits on
    place: str = ""

    @property
    def age_words(self) -> str:
        return age_words(self.age)

    @property
    def since_words(self) -> str:
        return since_words(self.since)

    def where_words(self, key: str) -> str:
        """A held line's number and note, or the shelf and license plate of a return without an RMA."""
        if key == "on_hold":
            return f"Line {self.line}: {self.note}" if self.note else f"Line {self.line}"
        if key == "unidentified":
            return f"{self.place} ({self.lpn})"
        return ""

    def as_json(self, key: str) -> dict[str, Any]:
        row: dict[str, Any] = {
            "number": self.number,
            "seller": self.seller,
            "policy": self.policy,
            "since": self.since.isoformat() if self.since is not None else None,
            "age": self.age_words,
            "age_days": self.age.days if self.age is not None else None,
            "action": self.action,
        }
        if key == "on_hold":
            row.update(line=self.line, sku=self.sku, note=self.note)
        if key == "unidentified":
            row.update(lpn=self.lpn, place=self.place)
        return row


@dataclass(frozen=True, slots=True)
class AgingList:
    key: str  # not_arrived, not_inspected, on_hold or unidentified
    count: int  # all of them, however many are listed
    rows: tuple[AgingRow, ...]  # the oldest first, at most as many as were asked for

    @property
    def title(self) -> str:
        return TITLES[self.key]

    @property
    def action(self) -> str:
        return ACTIONS[self.key]

    @property
    def unlisted(self) -> int:
        return self.count - len(self.rows)


@dataclass(frozen=True, slots=True)
class AgingView:
    """What waits longer than it should at ``as_of``, under ``limits``."""

    as_of: datetime  # on the station's clock
    limits: AgingLimits
    not_arrived: AgingList
    not_inspected: AgingList
    on_hold: AgingList
    unidentified: AgingList

    @property
    def lists(self) -> tuple[AgingList, ...]:
        return (self.not_arrived, self.not_inspected, self.on_hold, self.unidentified)

    @property
    def total(self) -> int:
        return sum(listed.count for listed in self.lists)

    def as_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "limits": self.limits.as_json(),
            "counts": {listed.key: listed.count for listed in self.lists},
            **{listed.key: [row.as_json(listed.key) for row in listed.rows] for listed in self.lists},
        }
