"""Reading and writing the policy drafts and the published versions (see policy_admin_tables.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from receiving_app.persistence.catalog_tables import PolicyVersionRow
from receiving_app.persistence.policy_admin_tables import PolicyDraftRow, PolicyPublicationRow


class PolicyAdminRecords:
    session: Session

    def policy_draft(self, name: str) -> PolicyDraftRow | None:
        return self.session.execute(select(PolicyDraftRow).where(PolicyDraftRow.name == name)).scalar_one_or_none()

    def policy_drafts(self) -> Sequence[PolicyDraftRow]:
        return self.session.execute(select(PolicyDraftRow).order_by(PolicyDraftRow.name)).scalars().all()

    def save_policy_draft(
        self, name: str, policy_id: str, source_text: str, based_on_version: str, *, by: str, at: datetime
    ) -> PolicyDraftRow:
        """The draft under ``name``, made or replaced (a draft saved again is no longer published)."""
        row = self.policy_draft(name)
        if row is None:
            row = PolicyDraftRow(name=name)
            self.session.add(row)
        row.policy_id, row.source_text, row.based_on_version = policy_id, source_text, based_on_version
        row.sha256 = hashlib.sha256(source_text.encode("utf-8")).hexdigest()
        row.saved_at, row.saved_by, row.published_version = at, by, None
        return row

    def delete_policy_draft(self, row: PolicyDraftRow) -> None:
        self.session.delete(row)

    def policy_publications(self) -> Sequence[tuple[PolicyPublicationRow, str]]:
        """Every publication with its version's text, in the order they were published."""
        rows = self.session.execute(
            select(PolicyPublicationRow, PolicyVersionRow.source_text)
            .join(
                PolicyVersionRow,
                (PolicyVersionRow.policy_id == PolicyPublicationRow.policy_id)
                & (PolicyVersionRow.version == PolicyPublicationRow.version),
            )
            .order_by(PolicyPublicationRow.id)
        ).all()
        return [(publication, text) for publication, text in rows]

    def policy_publications_stamp(self) -> tuple[int, int]:
        """How many publications there are and the newest one's id: what changes when one is added."""
        count, newest = self.session.execute(
            select(func.count(PolicyPublicationRow.id), func.max(PolicyPublicationRow.id))
        ).one()
        return int(count), int(newest or 0)

    def record_policy_publication(
        self,
        policy_id: str,
        version: str,
        effective_on: date,
        replaces_version: str,
        *,
        draft_name: str,
        by: str,
        at: datetime,
    ) -> PolicyPublicationRow:
        row = PolicyPublicationRow(
            policy_id=policy_id,
            version=version,
            effective_on=effective_on,
            replaces_version=replaces_version,
            published_at=at,
            published_by=by,
            draft_name=draft_name,
        )
        self.session.add(row)
        return row
