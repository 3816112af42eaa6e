"""Where the outbox delivers, from the station's settings and environment: the SMTP server (or a folder
of ``.eml`` files when there is none), the From address, and each webhook URL's signing secret.

``RECEIVING_APP_SMTP_URL`` (``smtp://user@host:port``, or ``smtps://`` for TLS from the first byte)
takes the place of the settings' ``smtp_url``. Passwords and secrets never sit in the settings file:
the SMTP password comes from ``RECEIVING_APP_SMTP_PASSWORD`` or the OS keyring, and a webhook's
secret from ``RECEIVING_APP_WEBHOOK_SECRET`` or the keyring, each kept under its URL (the keyring
as services/credentials.py uses it for database passwords).

Only ``urllib.parse`` is imported at the top: the settings check their values with this module
before the sign-in is on screen.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol
from urllib.parse import unquote, urlsplit

from receiving_app import APP_NAME
from receiving_app.domain.errors import InputError

if TYPE_CHECKING:
    from email.message import EmailMessage

    from receiving_app.devices.http_post import PostAnswer
    from receiving_app.services.settings import StationSettings

SMTP_URL_VARIABLE = "RECEIVING_APP_SMTP_URL"
SMTP_PASSWORD_VARIABLE = "RECEIVING_APP_SMTP_PASSWORD"
WEBHOOK_SECRET_VARIABLE = "RECEIVING_APP_WEBHOOK_SECRET"
SMTP_PORTS = {"smtp": 587, "smtps": 465}
MAX_URL_LENGTH = 500  # the width of the outbox's receiver column
NO_KEYRING = "this computer has no password keyring, so the secret cannot be stored safely; use {variable} instead"


class Mailer(Protocol):
    @property
    def where(self) -> str: ...

    def deliver(self, message: EmailMessage) -> str: ...


Poster = Callable[[str, bytes, Mapping[str, str]], "PostAnswer"]


@dataclass(frozen=True)
class Delivery:
    """How this station's sender delivers: e-mail through ``mailer`` from ``sender_address``, webhooks
    through ``post``, signed with ``webhook_secret(url)`` (None: no secret, so the webhook waits)."""

    mailer: Mailer
    sender_address: str
    post: Poster
    webhook_secret: Callable[[str], bytes | None]


@dataclass(frozen=True, slots=True)
class SmtpAddress:
    implicit_tls: bool
    host: str
    port: int
    username: str | None


def smtp_address(url: str) -> SmtpAddress:
    """``smtp://user@host:port`` read, or InputError saying what is wrong with it (never its password)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise InputError("the SMTP address must look like smtp://user@host:587") from None
    if parts.scheme not in SMTP_PORTS or not parts.hostname:
        raise InputError("the SMTP address must look like smtp://user@host:587 (or smtps://… for TLS from the start)")
    if parts.password is not None:
        raise InputError(
            f"the SMTP address must not carry a password: set {SMTP_PASSWORD_VARIABLE} or save it on the Settings page"
        )
    username = unquote(parts.username) if parts.username else None
    return SmtpAddress(parts.scheme == "smtps", parts.hostname, port or SMTP_PORTS[parts.scheme], username)


def check_delivery_settings(smtp_url: object, mail_from: object, webhook_urls: object) -> None:
    """The settings' delivery values, refused with InputError naming the first one that cannot be used."""
    if not isinstance(smtp_url, str):
        raise InputError("smtp_url must be text: smtp://user@host:port, or empty to write e-mails to a folder")
    if smtp_url:
        smtp_address(smtp_url)
    if not isinstance(mail_from, str) or (mail_from and not _looks_like_an_address(mail_from)):
        raise InputError("mail_from must be an e-mail address such as returns@example.com, or empty")
    if not isinstance(webhook_urls, list) or not all(isinstance(url, str) for url in webhook_urls):
        raise InputError("webhook_urls must be a list of http:// or https:// addresses")
    for url in webhook_urls:
        check_webhook_url(url)


def check_webhook_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > MAX_URL_LENGTH:
        raise InputError(f"webhook_urls: {url[:80]!r} is not an http:// or https:// address of at most 500 characters")
    if parts.password is not None or parts.username is not None:
        raise InputError("webhook_urls: an address must not carry a user or password; each is signed with its secret")


def _looks_like_an_address(text: str) -> bool:
    local, at, domain = text.rpartition("@")
    return bool(at and local and "." in domain and not any(character.isspace() for character in text))


def delivery_from_settings(settings: StationSettings, mail_folder: Path) -> Delivery:
    """The station's delivery as its settings and environment say now; InputError for an unusable SMTP address."""
    from receiving_app.devices.http_post import post
    from receiving_app.devices.mail import MailFolder, SmtpServer

    url = os.environ.get(SMTP_URL_VARIABLE) or settings.smtp_url
    if not url:
        return Delivery(MailFolder(mail_folder), settings.mail_from or "returns@localhost", post, webhook_secret)
    address = smtp_address(url)
    server = SmtpServer(
        address.host,
        address.port,
        address.username,
        smtp_password(url) if address.username else None,
        implicit_tls=address.implicit_tls,
    )
    username = address.username or ""
    sender = settings.mail_from or (username if "@" in username else f"returns@{address.host}")
    return Delivery(server, sender, post, webhook_secret)


def smtp_password(url: str) -> str | None:
    return os.environ.get(SMTP_PASSWORD_VARIABLE) or _kept_secret(url.strip())


def webhook_secret(url: str) -> bytes | None:
    secret = os.environ.get(WEBHOOK_SECRET_VARIABLE) or _kept_secret(url)
    return secret.encode("utf-8") if secret else None


def remember_secret(url: str, secret: str, *, variable: str) -> None:
    """Keeps a password or signing secret in the keyring under ``url``; InputError where there is none."""
    import keyring  # here, not at the top: most stations never need it, and it costs every start
    from keyring.errors import KeyringError

    try:
        keyring.set_password(APP_NAME, url.strip(), secret)
    except KeyringError:
        raise InputError(NO_KEYRING.format(variable=variable)) from None


def _kept_secret(url: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(APP_NAME, url)
    except KeyringError:
        return None
