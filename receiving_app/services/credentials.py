"""Database passwords live in the OS keyring, never in the settings file.

A station may keep its shared database's URL in its settings. The URL is saved without its
password; the password goes to the keyring under the URL. Where the OS has no keyring (a bare
Linux server), the station refuses to store a password at all and says what to use instead.
"""

from __future__ import annotations

from receiving_app import APP_NAME
from receiving_app.domain.errors import InputError

NO_KEYRING = (
    "this computer has no password keyring, so the password cannot be stored safely; "
    "leave it out of the URL and use a ~/.pgpass file or the PGPASSWORD variable"
)


# SQLAlchemy's URL parser is imported in each function rather than here: the settings (which check
# their URL) are read to show the sign-in, and the database layer loads only while the clerk types.


def without_password(url: str) -> str:
    from sqlalchemy.engine import URL, make_url

    # URL.set(password=None) would mean "unchanged"; a URL built anew has no password at all.
    parsed = make_url(url)
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    return bare.render_as_string(hide_password=False)


def shown(url: str) -> str:
    """The URL as a screen may show it: any password replaced by ***."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def remember_database_url(url: str) -> str:
    """The URL to keep in settings; its password, if any, is put in the keyring first."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise InputError(f"not a database URL: {shown(url)!r}") from None
    if parsed.password is None:
        return url
    import keyring  # here, not at the top: most stations never need it, and it costs every start
    from keyring.errors import KeyringError

    safe = without_password(url)
    try:
        keyring.set_password(APP_NAME, safe, parsed.password)
    except KeyringError:
        raise InputError(NO_KEYRING) from None
    return safe


def with_remembered_password(url: str) -> str:
    """The settings' URL completed with its password from the keyring, when there is one."""
    import keyring
    from keyring.errors import KeyringError
    from sqlalchemy.engine import make_url

    try:
        password = keyring.get_password(APP_NAME, url)
    except KeyringError:
        password = None
    return make_url(url).set(password=password).render_as_string(hide_password=False) if password else url
