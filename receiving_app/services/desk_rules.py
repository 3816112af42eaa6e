"""Which version of a seller's policy the RMA desk answers under, and how the desk says so.

An RMA is authorized under the version in force today, always. A check may ask under another one,
so that customer service can tell a customer what the rules will be once a published version takes
effect: a version by its name (``2027-01-04``), or a day (``YYYY-MM-DD``) for the version in effect
on it. A name wins over a day: published versions are named for their effective dates anyway, and
the installed file's name is a date that says nothing of when it decides.

Under a version that takes effect later, the return windows are counted to the day it takes effect
(or to the day asked about), not to today: the honest answer to "what if I send it after the
change" is the one counted to a day after the change. Under the rules of today or of the past they
are counted to today, as an RMA created now counts them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from receiving_app.domain.policy import Policy
from receiving_app.domain.policy_schedule import PolicySchedule
from receiving_app.services.desk_views import DeskVerdict
from receiving_app.services.errors import NotFound


class UnknownPolicyVersion(NotFound):
    """The version asked for is none of the seller's and not a day; the message lists the versions."""


@dataclass(frozen=True, slots=True)
class RulesVersion:
    """One version of a seller's policy as the desk offers it."""

    version: str
    effective_on: date | None
    """None for the installed file's version, which decides until a published one takes effect."""
    in_force_today: bool

    def words(self) -> str:
        """The version as a list names it: when it decides from, and whether it is today's."""
        since = f"from {self.effective_on.isoformat()}" if self.effective_on else "installed"
        today = ", in force today" if self.in_force_today else ""
        return f"{self.version} ({since}{today})"

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "effective": self.effective_on.isoformat() if self.effective_on else None,
            "in_force_today": self.in_force_today,
        }


@dataclass(frozen=True, slots=True)
class RulesUsed:
    """The version a check answered under, the day its windows were counted to, and today's version."""

    version: str
    effective_on: date | None
    in_force_version: str
    """The version deciding today: the one an RMA created now is authorized under."""
    counted_to: date
    today: date

    @property
    def in_force_today(self) -> bool:
        return self.version == self.in_force_version

    @property
    def as_created_now(self) -> bool:
        """Whether the answer is the one an RMA created now gets: today's version, counted to today."""
        return self.in_force_today and self.counted_to == self.today

    def sentence(self) -> str:
        """The desk's words for it, saying what an RMA created now would differ by."""
        counted = f"windows counted to {self.counted_to.isoformat()}"
        if self.as_created_now:
            return f"Under version {self.version}, in force today."
        if self.in_force_today:
            return f"Under version {self.version}, in force today, {counted}. An RMA created now counts them to today."
        since = f"deciding from {self.effective_on.isoformat()}" if self.effective_on else "the installed file's"
        return (
            f"Under version {self.version} ({since}), {counted}. "
            f"An RMA created now is authorized under version {self.in_force_version}, in force today."
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "effective": self.effective_on.isoformat() if self.effective_on else None,
            "in_force_today": self.in_force_today,
            "in_force_version": self.in_force_version,
            "counted_to": self.counted_to.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class VersionedVerdict(DeskVerdict):
    """The policy's verdict and the version it was asked under."""

    rules: RulesUsed

    def as_json(self) -> dict[str, Any]:
        # Named, not super(): a slotted dataclass is a new class, which the bare super() cannot find.
        return {**DeskVerdict.as_json(self), "rules": self.rules.as_json()}


@dataclass(frozen=True, slots=True)
class ChosenRules:
    policy: Policy
    used: RulesUsed


def seller_versions(schedule: PolicySchedule, seller: str, today: date) -> tuple[RulesVersion, ...]:
    """The seller's versions, newest first: published ones by effective date, the installed file's last."""
    installed = _installed(schedule, seller)
    current = schedule.in_effect(seller, today)
    published = [
        RulesVersion(item.policy.version, item.effective_on, item.policy is current)
        for item in schedule.published_for(seller)
    ]
    return (*reversed(published), RulesVersion(installed.version, None, installed is current))


def rules_chosen(schedule: PolicySchedule, seller: str, choice: str | date | None, today: date) -> ChosenRules:
    """The version ``choice`` names (a version's name, a day, or None for today's) and the day its
    windows are counted to; ``UnknownPolicyVersion`` listing the seller's versions when it names none."""
    _installed(schedule, seller)
    in_force = _in_effect(schedule, seller, today)
    if choice is None or (isinstance(choice, str) and not choice.strip()):
        used = RulesUsed(in_force.version, _effective_on(schedule, in_force), in_force.version, today, today)
        return ChosenRules(in_force, used)
    if isinstance(choice, str):
        named = schedule.version(seller, choice.strip())
        if named is not None:
            effective = _effective_on(schedule, named)
            later = max(today, effective) if effective is not None else today
            return ChosenRules(named, RulesUsed(named.version, effective, in_force.version, later, today))
        day = _day(choice.strip())
        if day is None:
            listed = ", ".join(version.words() for version in seller_versions(schedule, seller, today))
            raise UnknownPolicyVersion(
                f"The policy {seller!r} has no version {choice.strip()!r}; its versions are {listed}. "
                "Give one of them, or a day (YYYY-MM-DD) for the rules in effect on it."
            )
    else:
        day = choice
    policy = _in_effect(schedule, seller, day)
    used = RulesUsed(policy.version, _effective_on(schedule, policy), in_force.version, max(today, day), today)
    return ChosenRules(policy, used)


def _installed(schedule: PolicySchedule, seller: str) -> Policy:
    installed = schedule.installed.get(seller)
    if installed is None:
        raise NotFound(f"The policy {seller!r} is not installed at this station.")
    return installed


def _in_effect(schedule: PolicySchedule, seller: str, day: date) -> Policy:
    policy = schedule.in_effect(seller, day)
    if policy is None:  # the seller is installed (checked first), so a version always decides
        raise NotFound(f"The policy {seller!r} is not installed at this station.")
    return policy


def _effective_on(schedule: PolicySchedule, policy: Policy) -> date | None:
    return next((item.effective_on for item in schedule.published_for(policy.id) if item.policy is policy), None)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
