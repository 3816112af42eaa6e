"""Who a command acts as: the named user signed in with a PIN or password from the environment or the
terminal, exactly as at the window, and refused unless their role allows what the command does."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from receiving_app.domain.errors import InputError
from receiving_app.services.errors import NotAllowed

if TYPE_CHECKING:
    from receiving_app.services.auth import SignedInUser
    from receiving_app.services.station import Station

PASSWORD_VARIABLE = "RECEIVING_APP_PASSWORD"
APPROVER_PASSWORD_VARIABLE = "RECEIVING_APP_APPROVER_PASSWORD"

# Who may do it, said in a refusal: the role needed and every role above it (a receiver is never refused).
_ROLES_FROM = {"supervisor": "a supervisor or an admin", "admin": "an admin"}


def read_secret(prompt: str, variable: str = PASSWORD_VARIABLE) -> str:
    """A PIN or password from ``variable``, or asked for when a person is at the terminal."""
    import getpass
    import os

    if os.environ.get(variable):
        return os.environ[variable]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise InputError(f"this command needs a password: set {variable} or run it at a terminal")


def sign_in(
    station: Station, user: str, *, least_role: str, doing: str, secret: str | None = None, at: str | None = None
) -> SignedInUser:
    """``user`` signed in (unknown, inactive, locked and wrong secret are one refusal, and each failure
    counts towards a lock-out), then refused unless their role is ``least_role`` or above.

    ``secret`` defaults to RECEIVING_APP_PASSWORD or the terminal; ``at`` is the station recorded
    with the sign-in (default this station's id)."""
    from receiving_app.services.users import ROLES  # the database layer loads after the window's sign-in shows

    given = secret if secret is not None else read_secret(f"PIN or password for {user}: ")
    signed_in = station.auth.sign_in(user, given, station=at or station.settings.station_id)
    if ROLES.index(signed_in.role) < ROLES.index(least_role):
        raise NotAllowed(f"{signed_in.name} is a {signed_in.role}; only {_ROLES_FROM[least_role]} may {doing}.")
    return signed_in
