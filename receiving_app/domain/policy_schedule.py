"""Which version of a seller's policy decides on a given day.

The installed file's version decides until a version published at the station takes effect; from
its effective date on, a published version decides (the latest effective date not after the day,
and of two taking effect on the same day the one published last). Every version stays known, so
that an old decision can be explained and a customer told what the rules will be.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from receiving_app.domain.policy import Policy


@dataclass(frozen=True, slots=True)
class PublishedVersion:
    policy: Policy
    effective_on: date
    sequence: int
    """The order of publication, for two versions taking effect on the same day."""


@dataclass(frozen=True, slots=True)
class PolicySchedule:
    installed: Mapping[str, Policy]
    """The installed files' versions, by policy id: what decides before any publication."""
    published: tuple[PublishedVersion, ...] = ()

    def in_effect(self, policy_id: str, on: date) -> Policy | None:
        """The version deciding a unit received on ``on``; None for a seller the station does not know."""
        latest: PublishedVersion | None = None
        for version in self.published:
            if version.policy.id != policy_id or version.effective_on > on:
                continue
            if latest is None or (version.effective_on, version.sequence) > (latest.effective_on, latest.sequence):
                latest = version
        return latest.policy if latest is not None else self.installed.get(policy_id)

    def version(self, policy_id: str, version: str) -> Policy | None:
        """One version by its name, installed or published; None when neither is it."""
        installed = self.installed.get(policy_id)
        if installed is not None and installed.version == version:
            return installed
        return next(
            (item.policy for item in self.published if item.policy.id == policy_id and item.policy.version == version),
            None,
        )

    def published_for(self, policy_id: str) -> tuple[PublishedVersion, ...]:
        """The seller's published versions, in the order they take effect."""
        return tuple(
            sorted(
                (item for item in self.published if item.policy.id == policy_id),
                key=lambda item: (item.effective_on, item.sequence),
            )
        )
