"""The secret a command acts with: a PIN or password from the environment or the terminal."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from receiving_app.domain.errors import InputError

if TYPE_CHECKING:
    from receiving_app.services.auth import SignedInUser
    from receiving_app.services.station import Station

PASSWORD_VARIABLE = "RECEIVING_APP_PASSWORD"


def read_secret(prompt: str) -> str:
    """A PIN or password from RECEIVING_APP_PASSWORD, or asked for when a person is at the terminal."""
    import getpass
    import os

    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise InputError(f"this command needs a password: set {PASSWORD_VARIABLE} or run it at a terminal")


def sign_in(station: Station, user: str) -> SignedInUser:
    """Commands beyond receiving act as a signed-in user, checked like a sign-in at the window."""
    return station.auth.sign_in(user, read_secret(f"PIN or password for {user}: "), station=station.settings.station_id)
