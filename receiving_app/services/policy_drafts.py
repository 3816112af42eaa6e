"""Drafts of a seller's policy: a copy an admin changes (windows, fees, thresholds, exclusions,
sentences) or a draft file, checked key by key exactly as the installed files are, and kept under
a name until it is published. A draft never decides anything: it is replayed over decided units
(``policy_replay``) and published as a version of its own (``policy_publishing``).

A draft is named where it is asked for by its name, or by a file: a reference ending in ``.toml``
or holding a folder separator is a file, anything else the name of a stored draft.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import FileKeyError, InputError
from receiving_app.domain.policy import Policy, PolicyError
from receiving_app.domain.policy_toml import (
    KeyPathError,
    changed_data,
    heading_comments,
    policy_data,
    policy_from_text,
    policy_toml,
)
from receiving_app.persistence.policy_admin_tables import DRAFT_NAME_LENGTH, PolicyDraftRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.errors import NotFound
from receiving_app.services.policy_book import PolicyBook
from receiving_app.services.rma_lines import require_user

ADMIN_ROLES = frozenset({"admin"})
MAX_DRAFT_CHARACTERS = 65_536
"""The shipped policy files are under 3 KB each; a draft may be twenty times as long."""


class DraftInvalid(InputError, FileKeyError):
    """A draft the loader would refuse, or one for a seller the station does not know: ``key`` names
    the key at fault, as a policy file's refusal does, so that an edit form can point at it."""


@dataclass(frozen=True, slots=True)
class DraftView:
    name: str
    """The stored draft's name, or the name of the file it was read from."""
    policy_id: str
    seller: str
    version: str
    """The ``version`` its text gives; publishing gives it a version of its own."""
    text: str
    data: Mapping[str, Any]
    """Its tables as read, for an edit form; change them with ``PolicyDraftService.revise``."""
    sha256: str
    based_on_version: str
    """The seller's version in effect when the draft was saved: the one it changes."""
    stored: bool
    saved_at: datetime | None = None
    saved_by: str | None = None
    published_version: str | None = None

    def as_json(self, *, with_text: bool = False) -> dict[str, object]:
        shown: dict[str, object] = {
            "name": self.name,
            "policy": self.policy_id,
            "seller": self.seller,
            "version": self.version,
            "based_on_version": self.based_on_version,
            "sha256": self.sha256,
            "stored": self.stored,
            "saved_at": self.saved_at.isoformat() if self.saved_at else None,
            "saved_by": self.saved_by,
            "published_version": self.published_version,
        }
        if with_text:
            shown["text"] = self.text
        return shown


class PolicyDraftService:
    def __init__(self, units: UnitOfWorkFactory, policies: PolicyBook) -> None:
        self._units = units
        self._policies = policies

    def checked(self, text: str, source: str) -> Policy:
        """The draft's policy, checked as the loader checks a file; DraftInvalid naming the key."""
        if len(text) > MAX_DRAFT_CHARACTERS:
            raise DraftInvalid(source, "(file)", f"is longer than {MAX_DRAFT_CHARACTERS} characters")
        try:
            policy = policy_from_text(text, source)
        except PolicyError as error:
            raise DraftInvalid(source, error.key, error.problem) from None
        if policy.id not in self._policies:
            known = ", ".join(sorted(self._policies))
            raise DraftInvalid(source, "id", f"{policy.id!r} is no seller of this station (known: {known})")
        return policy

    def read(self, reference: str) -> DraftView:
        """A stored draft by its name, or a draft file (see the module's note), checked."""
        if _names_a_file(reference):
            path = Path(reference)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{path.name} is not UTF-8 text") from None
            except OSError as error:
                raise InputError(f"cannot read {reference}: {error.strerror or error}") from None
            policy = self.checked(text, path.name)
            in_effect = self._policies.refresh().in_effect(policy.id, self._policies.today())
            return _view(path.name, policy, text, in_effect.version if in_effect else "", stored=False)
        with self._units.read() as uow:
            return self._view_of(_stored(uow, reference))

    def drafts(self) -> tuple[DraftView, ...]:
        with self._units.read() as uow:
            return tuple(self._view_of(row) for row in uow.records.policy_drafts())

    def start(self, name: str, policy_id: str, *, user: str, station: str) -> DraftView:
        """A new draft under ``name``: a copy of the seller's version in effect today."""
        current = self._policies.refresh().in_effect(policy_id, self._policies.today())
        if current is None:
            raise NotFound(f"The policy {policy_id!r} is not installed at this station.")
        return self.save(name, current.source_text, user=user, station=station)

    def save(self, name: str, text: str, *, user: str, station: str) -> DraftView:
        """The text saved as the draft ``name`` (made, or replaced with what was saved before), checked first."""
        name = _draft_name(name)
        policy = self.checked(text, name)
        with self._units.write() as uow:
            require_user(uow, user, ADMIN_ROLES, "edit policy drafts")
            before = uow.records.policy_draft(name)
            if before is not None and before.policy_id != policy.id:
                problem = f"the draft {name} is for {before.policy_id}; save this one under a new name"
                raise DraftInvalid(name, "id", problem)
            in_effect = self._policies.in_effect(uow, policy.id, self._policies.today())
            row = uow.records.save_policy_draft(name, policy.id, text, in_effect.version, by=user, at=uow.clock())
            uow.record(
                AuditEvent(
                    "policy_draft_saved",
                    user,
                    station,
                    None,
                    {"draft": name, "policy": policy.id, "sha256": row.sha256, "based_on": in_effect.version},
                )
            )
            uow.commit()
            return self._view_of(row)

    def revise(self, name: str, changes: Mapping[str, Any], *, user: str, station: str) -> DraftView:
        """The stored draft with each key path set to its value (None removes it), checked and saved.

        ``{"fill_rule.minimum_fraction": "0.15", "reasons.not_needed.restocking_fee.percent": "20"}``.
        The draft keeps the comment lines its text opens with; the rest is written afresh from its data.
        """
        draft = self.read(_draft_name(name))
        try:
            data = changed_data(draft.data, changes)
        except KeyPathError as error:
            raise DraftInvalid(draft.name, error.path, error.problem) from None
        return self.save(draft.name, policy_toml(data, heading_comments(draft.text)), user=user, station=station)

    def discard(self, name: str, *, user: str, station: str) -> None:
        with self._units.write() as uow:
            require_user(uow, user, ADMIN_ROLES, "edit policy drafts")
            row = _stored(uow, name)
            discarded = {"draft": row.name, "policy": row.policy_id}
            uow.record(AuditEvent("policy_draft_discarded", user, station, None, discarded))
            uow.records.delete_policy_draft(row)
            uow.commit()

    def _view_of(self, row: PolicyDraftRow) -> DraftView:
        policy = self.checked(row.source_text, row.name)
        return _view(
            row.name,
            policy,
            row.source_text,
            row.based_on_version,
            stored=True,
            saved_at=row.saved_at,
            saved_by=row.saved_by,
            published_version=row.published_version,
        )


def _view(name: str, policy: Policy, text: str, based_on: str, *, stored: bool, **saved: Any) -> DraftView:
    return DraftView(
        name=name,
        policy_id=policy.id,
        seller=policy.seller,
        version=policy.version,
        text=text,
        data=policy_data(text, name),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        based_on_version=based_on,
        stored=stored,
        **saved,
    )


def _stored(uow: UnitOfWork, name: str) -> PolicyDraftRow:
    row = uow.records.policy_draft(name.strip())
    if row is None:
        raise NotFound(f"No policy draft is named {name!r} (`receiving-app policy draft list` shows them).")
    return row


def _names_a_file(reference: str) -> bool:
    return reference.lower().endswith(".toml") or "/" in reference or "\\" in reference


def _draft_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > DRAFT_NAME_LENGTH or not name.isprintable():
        raise InputError(f"draft name: give 1 to {DRAFT_NAME_LENGTH} printable characters")
    if _names_a_file(name):
        raise InputError(f"draft name: {name!r} reads as a file; a name has no .toml ending and no / or \\")
    return name
