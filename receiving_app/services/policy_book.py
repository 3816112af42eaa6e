"""The station's policies: the installed files' versions and the versions published at the station.

As a ``Mapping`` from seller id to policy it gives each seller's version in effect today, asked
afresh at every look-up (a station running past midnight into an effective date moves with it),
which is what every screen, paper and service that shows or quotes a seller's rules wants.
Deciding a unit asks ``policy_in_effect`` for the version of the day the unit was received, and
reads again what was published when another station has published since.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date

from receiving_app.domain.policy import Policy
from receiving_app.domain.policy_schedule import PolicySchedule, PublishedVersion
from receiving_app.domain.policy_toml import policy_from_text
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.errors import NotFound
from receiving_app.services.rma_lines import installed_policy


class PolicyBook(Mapping[str, Policy]):
    def __init__(self, installed: Mapping[str, Policy], units: UnitOfWorkFactory, today: Callable[[], date]) -> None:
        self._units = units
        self._today = today
        self._schedule = PolicySchedule(installed)
        self._stamp = (0, 0)

    @property
    def schedule(self) -> PolicySchedule:
        """Every version known when the publications were last read."""
        return self._schedule

    def refresh(self, uow: UnitOfWork | None = None) -> PolicySchedule:
        """The schedule with what is published now (read in ``uow``, or in a unit of work of its own)."""
        if uow is None:
            with self._units.read() as reading:
                return self.refresh(reading)
        stamp = uow.records.policy_publications_stamp()
        if stamp != self._stamp:
            published = tuple(
                PublishedVersion(
                    policy_from_text(text, f"{row.policy_id} version {row.version}"), row.effective_on, row.id
                )
                for row, text in uow.records.policy_publications()
            )
            # One assignment: a worker thread reading the schedule sees the old one or the new one whole.
            self._schedule = PolicySchedule(self._schedule.installed, published)
            self._stamp = stamp
        return self._schedule

    def in_effect(self, uow: UnitOfWork, policy_id: str, on: date) -> Policy:
        """The version deciding the seller's units received on ``on``."""
        policy = self.refresh(uow).in_effect(policy_id, on)
        if policy is None:
            raise NotFound(f"The policy {policy_id!r} is not installed at this station.")
        return policy

    def today(self) -> date:
        return self._today()

    def __getitem__(self, policy_id: str) -> Policy:
        policy = self._schedule.in_effect(policy_id, self._today())
        if policy is None:
            raise KeyError(policy_id)
        return policy

    def __iter__(self) -> Iterator[str]:
        return iter(self._schedule.installed)

    def __len__(self) -> int:
        return len(self._schedule.installed)


def policy_in_effect(policies: Mapping[str, Policy], uow: UnitOfWork, policy_id: str, on: date) -> Policy:
    """The seller's version deciding a unit received on ``on``: by its date where the station keeps
    published versions, else the one installed."""
    if isinstance(policies, PolicyBook):
        return policies.in_effect(uow, policy_id, on)
    return installed_policy(policies, policy_id)


def policy_of_decision(policies: Mapping[str, Policy], uow: UnitOfWork, policy_id: str, version: str) -> Policy | None:
    """The very version a decision was made under, for the papers that quote its rules: installed,
    published, or recorded when an older file decided; None if the station holds no text of it."""
    if isinstance(policies, PolicyBook):
        known = policies.refresh(uow).version(policy_id, version)
        if known is not None:
            return known
    else:
        installed = policies.get(policy_id)
        if installed is not None and installed.version == version:
            return installed
    recorded = uow.records.policy_version(policy_id, version)
    return policy_from_text(recorded.source_text, f"{policy_id} version {version}") if recorded else None
