"""Reading the users who sign in, and locking one while a sign-in counts its failures."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from receiving_app.persistence.user_tables import UserRow


class UserRecords:
    session: Session

    def user(self, name: str) -> UserRow | None:
        return self.session.get(UserRow, name)

    def user_for_update(self, name: str) -> UserRow | None:
        """The user, locked until commit: parallel sign-ins of one name count their failures one after another."""
        return self.session.execute(select(UserRow).where(UserRow.name == name).with_for_update()).scalar_one_or_none()
