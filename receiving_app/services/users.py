"""Station users: receivers sign in with a PIN, supervisors and admins with a password (Argon2id).

A real installation starts with no users; the first one created must be an admin, and after that
only an admin may add users. The demo creates its three users directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.persistence.user_tables import UserRow
from receiving_app.services.auth import SignedInUser
from receiving_app.services.errors import NotAllowed
from receiving_app.services.passwords import hash_secret

ROLES = ("receiver", "supervisor", "admin")


@dataclass(frozen=True)
class UserView:
    name: str
    display_name: str
    role: str
    active: bool
    locked: bool


class UserService:
    def __init__(self, units: UnitOfWorkFactory) -> None:
        self._units = units

    def needs_first_admin(self) -> bool:
        with self._units.read() as uow:
            return uow.session.execute(select(func.count()).select_from(UserRow)).scalar_one() == 0

    def create_first_admin(self, name: str, display_name: str, password: str, *, station: str) -> None:
        with self._units.write() as uow:
            if uow.session.execute(select(func.count()).select_from(UserRow)).scalar_one() > 0:
                raise NotAllowed("This station already has users; an admin adds new ones.")
            self._add(uow, name, display_name, "admin", password, by=name, station=station)
            uow.commit()

    def add_user(self, by: SignedInUser, name: str, display_name: str, role: str, secret: str, *, station: str) -> None:
        if by.role != "admin":
            raise NotAllowed(f"{by.name} is a {by.role}; only an admin adds users.")
        with self._units.write() as uow:
            self._add(uow, name, display_name, role, secret, by=by.name, station=station)
            uow.commit()

    def list_users(self) -> list[UserView]:
        with self._units.read() as uow:
            now = uow.clock()
            rows = uow.session.execute(select(UserRow).order_by(UserRow.name)).scalars()
            return [
                UserView(
                    row.name, row.display_name, row.role, row.active, bool(row.locked_until and row.locked_until > now)
                )
                for row in rows
            ]

    @staticmethod
    def _add(uow: UnitOfWork, name: str, display_name: str, role: str, secret: str, *, by: str, station: str) -> None:
        name = name.strip()
        if not name or not name.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise InputError("a user name is letters, digits, '.', '-' or '_'")
        if role not in ROLES:
            raise InputError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        if role == "receiver" and not (secret.isdigit() and 4 <= len(secret) <= 8):
            raise InputError("a receiver's PIN is 4 to 8 digits")
        if role != "receiver" and len(secret) < 8:
            raise InputError(f"a {role}'s password needs at least 8 characters")
        if uow.records.user(name) is not None:
            raise InputError(f"there is already a user named {name!r}")
        uow.records.add(
            UserRow(
                name=name,
                display_name=display_name.strip() or name,
                role=role,
                secret_hash=hash_secret(secret),
                failed_attempts=0,
                active=True,
            )
        )
        uow.record(AuditEvent("user_added", by, station, None, {"user": name, "role": role}))
