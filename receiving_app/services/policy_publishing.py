"""Publishing a draft: it becomes a version of the seller's policy that decides every unit received
from its effective date on, while the versions before it stay for history and replay.

The version is named for its effective date as the files name theirs (``2027-01-04``), made
unique with a number (``2027-01-04.2``) when the day already names one. Its text is the draft's
with that version, kept where every policy text is kept, so decisions point at it like any other.
Only an admin publishes; the audit event ``policy_published`` says in words what the new version
changes from the one it replaces on that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.policy import Policy
from receiving_app.domain.policy_difference import policy_differences
from receiving_app.domain.policy_toml import policy_data, policy_from_text, with_version
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.errors import NotFound
from receiving_app.services.policy_book import PolicyBook
from receiving_app.services.policy_drafts import ADMIN_ROLES, DraftView, PolicyDraftService
from receiving_app.services.rma_lines import require_user

_MOST_VERSIONS_A_DAY = 99


@dataclass(frozen=True, slots=True)
class PublishedView:
    policy_id: str
    version: str
    effective_on: date
    replaces_version: str
    """The version that would otherwise have decided from the effective date."""
    differences: tuple[str, ...]
    draft: str
    published_at: datetime
    published_by: str

    def as_json(self) -> dict[str, object]:
        return {
            "policy": self.policy_id,
            "version": self.version,
            "effective": self.effective_on.isoformat(),
            "replaces": self.replaces_version,
            "differences": list(self.differences),
            "draft": self.draft,
            "published_at": self.published_at.isoformat(),
            "published_by": self.published_by,
        }


@dataclass(frozen=True, slots=True)
class VersionView:
    """One version of a seller's policy and when it decides: the installed file's from the start, a
    published one from its effective date."""

    policy_id: str
    version: str
    effective_on: date | None
    """None for the installed file's version, which decides until a published one takes effect."""
    in_effect_today: bool

    def as_json(self) -> dict[str, object]:
        return {
            "policy": self.policy_id,
            "version": self.version,
            "effective": self.effective_on.isoformat() if self.effective_on else None,
            "in_effect": self.in_effect_today,
        }


class PolicyPublishingService:
    def __init__(self, units: UnitOfWorkFactory, policies: PolicyBook, drafts: PolicyDraftService) -> None:
        self._units = units
        self._policies = policies
        self._drafts = drafts

    def differences(self, draft: DraftView, effective_on: date) -> tuple[str, tuple[str, ...]]:
        """The version the draft would replace from ``effective_on`` and what it changes, in words."""
        policy = self._drafts.checked(draft.text, draft.name)
        replaced = self._policies.refresh().in_effect(policy.id, effective_on)
        if replaced is None:  # checked() knows only the station's sellers
            raise NotFound(f"The policy {policy.id!r} is not installed at this station.")
        return replaced.version, _differences(replaced, draft)

    def publish(self, draft: DraftView, effective_on: date, *, user: str, station: str) -> PublishedView:
        """The draft published as a new version deciding from ``effective_on`` (today or later)."""
        policy = self._drafts.checked(draft.text, draft.name)
        today = self._policies.today()
        if effective_on < today:
            raise InputError(
                f"--effective: {effective_on} is in the past; a version decides from today ({today}) or later"
            )
        try:
            published = self._publish(draft, policy, effective_on, user=user, station=station)
        except IntegrityError:
            # Another station published a version of the same name a moment ago: take the next name.
            published = self._publish(draft, policy, effective_on, user=user, station=station)
        self._policies.refresh()
        return published

    def versions(self, policy_id: str | None = None) -> tuple[VersionView, ...]:
        """Every seller's versions (or one seller's), each with the day it decides from."""
        schedule = self._policies.refresh()
        today = self._policies.today()
        views = []
        for seller in sorted(schedule.installed):
            if policy_id is not None and seller != policy_id:
                continue
            current = schedule.in_effect(seller, today)
            installed = schedule.installed[seller]
            views.append(VersionView(seller, installed.version, None, current is installed))
            views.extend(
                VersionView(seller, item.policy.version, item.effective_on, current is item.policy)
                for item in schedule.published_for(seller)
            )
        if policy_id is not None and not views:
            raise NotFound(f"The policy {policy_id!r} is not installed at this station.")
        return tuple(views)

    def recorded_version(self, policy_id: str, version: str) -> Policy:
        """One version of a seller's policy by its name: installed, published, or one decided under before."""
        known = self._policies.refresh().version(policy_id, version)
        if known is not None:
            return known
        with self._units.read() as uow:
            recorded = uow.records.policy_version(policy_id, version)
        if recorded is None:
            raise NotFound(f"No version {version!r} of the policy {policy_id!r} is recorded at this station.")
        return policy_from_text(recorded.source_text, f"{policy_id} version {version}")

    def _publish(
        self, draft: DraftView, policy: Policy, effective_on: date, *, user: str, station: str
    ) -> PublishedView:
        with self._units.write() as uow:
            require_user(uow, user, ADMIN_ROLES, "publish a policy")
            replaced = self._policies.in_effect(uow, policy.id, effective_on)
            differences = _differences(replaced, draft)
            if not differences:
                raise InputError(
                    f"{draft.name} says what version {replaced.version} of {policy.id} says: nothing to publish"
                )
            version = _free_version(uow, policy.id, effective_on)
            text = with_version(draft.text, version)
            uow.records.record_policy_version(policy.id, version, text, uow.clock())
            uow.records.flush()  # the publication refers to the version's row
            row = uow.records.record_policy_publication(
                policy.id, version, effective_on, replaced.version, draft_name=draft.name, by=user, at=uow.clock()
            )
            if draft.stored:
                stored = uow.records.policy_draft(draft.name)
                if stored is not None and stored.sha256 == draft.sha256:
                    stored.published_version = version
            uow.record(
                AuditEvent(
                    "policy_published",
                    user,
                    station,
                    None,
                    {
                        "policy": policy.id,
                        "version": version,
                        "effective": effective_on.isoformat(),
                        "replaces": replaced.version,
                        "draft": draft.name,
                        "sha256": draft.sha256,
                        "differences": list(differences),
                    },
                )
            )
            uow.commit()
            return PublishedView(
                policy.id, version, effective_on, replaced.version, differences, draft.name, row.published_at, user
            )


def _differences(replaced: Policy, draft: DraftView) -> tuple[str, ...]:
    return policy_differences(policy_data(replaced.source_text, replaced.source), draft.data)


def _free_version(uow: UnitOfWork, policy_id: str, effective_on: date) -> str:
    base = effective_on.isoformat()
    for number in range(1, _MOST_VERSIONS_A_DAY + 1):
        version = base if number == 1 else f"{base}.{number}"
        if uow.records.policy_version(policy_id, version) is None:
            return version
    raise InputError(f"{policy_id} already has {_MOST_VERSIONS_A_DAY} versions named for {base}; choose another day")
