"""Signing in at the station: PIN for receivers, password for supervisors and admins.

Ten failed attempts lock a user out for thirty minutes. Every sign-in, failure and lockout is an
audit event. The user's row is locked while an attempt is checked, so attempts made at once, from
any number of stations, are counted one after another. An unknown name, a wrong secret and a
locked name get the same answer after the same work (an unknown name is checked against a hash
too), so a stranger cannot probe for names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING

from argon2.exceptions import InvalidHashError, VerificationError

from receiving_app.domain.audit import AuditEvent
from receiving_app.services.errors import NotAllowed
from receiving_app.services.passwords import HASHER

if TYPE_CHECKING:  # the sign-in dialog is on screen before the database layer has loaded
    from receiving_app.persistence.unit_of_work import UnitOfWorkFactory

MAX_FAILED_ATTEMPTS = 10
LOCKOUT = timedelta(minutes=30)
REFUSED = "That name and PIN or password do not match, or too many tries have locked the name for a while."


@dataclass(frozen=True)
class SignedInUser:
    name: str
    display_name: str
    role: str

    @property
    def is_supervisor(self) -> bool:
        return self.role in ("supervisor", "admin")


class SignInRefused(NotAllowed):
    pass


def _secret_matches(secret_hash: str, secret: str) -> bool:
    try:
        return HASHER.verify(secret_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


@cache
def _unknown_name_hash() -> str:
    """Checked against an unknown name so that it costs what a known name costs (made on first need,
    not at import: the sign-in's start must stay light)."""
    return HASHER.hash("no such user")


class AuthService:
    def __init__(self, units: UnitOfWorkFactory) -> None:
        self._units = units

    @staticmethod
    def warm_up() -> None:
        """Hash and check a throwaway secret, which writes nothing. A thread's first two Argon2 runs
        also map the 12 MiB they work in (about 6 ms more each); run on the worker while the station
        opens, that is done before the clerk presses Enter, and the pool gives their sign-in the same
        idle worker."""
        throwaway = "warm-up"
        HASHER.verify(HASHER.hash(throwaway), throwaway)

    def sign_in(self, name: str, secret: str, *, station: str) -> SignedInUser:
        with self._units.write() as uow:
            user = uow.records.user_for_update(name.strip())
            now = uow.clock()
            if user is None or not user.active:
                _secret_matches(_unknown_name_hash(), secret)  # the same work as for a known name
                uow.record(
                    AuditEvent(
                        "sign_in_failed", name.strip() or "?", station, None, {"why": "unknown or inactive user"}
                    )
                )
                uow.commit()
                raise SignInRefused(REFUSED)
            matches = _secret_matches(user.secret_hash, secret)
            if user.locked_until is not None and user.locked_until > now:
                uow.record(AuditEvent("sign_in_refused_locked", user.name, station, None, {"until": user.locked_until}))
                uow.commit()
                raise SignInRefused(REFUSED)
            if not matches:
                user.failed_attempts += 1
                uow.record(AuditEvent("sign_in_failed", user.name, station, None, {"attempt": user.failed_attempts}))
                if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                    user.locked_until, user.failed_attempts = now + LOCKOUT, 0
                    uow.record(AuditEvent("user_locked_out", user.name, station, None, {"until": user.locked_until}))
                uow.commit()
                raise SignInRefused(REFUSED)
            user.failed_attempts, user.locked_until = 0, None
            details: dict[str, str | bool] = {"role": user.role}
            if HASHER.check_needs_rehash(user.secret_hash):
                user.secret_hash = HASHER.hash(secret)  # made under older parameters: remade under today's
                details["hash_upgraded"] = True
            uow.record(AuditEvent("signed_in", user.name, station, None, details))
            uow.commit()
            return SignedInUser(user.name, user.display_name, user.role)

    def record_lock(self, user: str, *, station: str, idle_minutes: int) -> None:
        with self._units.write() as uow:
            uow.record(AuditEvent("station_locked", user, station, None, {"idle_minutes": idle_minutes}))
            uow.commit()

    def verify_supervisor(self, name: str, password: str, *, station: str) -> SignedInUser:
        """A supervisor confirming an override or a hold's release at someone else's station: the same checks,
        then the role."""
        user = self.sign_in(name, password, station=station)
        if not user.is_supervisor:
            raise SignInRefused(f"{user.name} is a {user.role}; this needs a supervisor.")
        return user
