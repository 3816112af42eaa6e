"""Handing an e-mail over: to an SMTP server (STARTTLS, then a login), or, where the station has no
mail server, to a folder as an ``.eml`` file that any mail program opens.

Either raises ``MailNotDelivered`` saying why; ``permanent`` is set only where the server refused
this very message (a recipient it does not know, a message it will never take), so trying again
could not help. A server that is down, a refused login or a missing STARTTLS are not permanent: the
message waits until the station or the server is put right.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from ipaddress import ip_address
from pathlib import Path

SMTP_TIMEOUT_SECONDS = 30
_UNSAFE_IN_A_FILE_NAME = re.compile(r"[^A-Za-z0-9._@-]")


class MailNotDelivered(Exception):
    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def is_loopback(host: str) -> bool:
    """A relay on this very computer, the one place mail may travel unencrypted."""
    if host.lower() == "localhost":
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class SmtpServer:
    """An SMTP server: STARTTLS whenever it offers it (always required but on this computer), or TLS
    from the first byte (``implicit_tls``, smtps on port 465); a login when a user is named."""

    host: str
    port: int
    username: str | None = None
    password: str | None = None
    implicit_tls: bool = False
    timeout: float = SMTP_TIMEOUT_SECONDS

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    def deliver(self, message: EmailMessage) -> str:
        try:
            with self._connected() as server:
                self._secure(server)
                self._log_in(server)
                server.send_message(message)
        except smtplib.SMTPRecipientsRefused as refused:
            codes = [code for code, _ in refused.recipients.values()]
            raise MailNotDelivered(
                f"the mail server at {self.where} refused the recipient ({', '.join(map(str, codes))})",
                permanent=all(code >= 500 for code in codes),
            ) from None
        except smtplib.SMTPDataError as refused:
            raise MailNotDelivered(
                f"the mail server at {self.where} refused the message ({refused.smtp_code})",
                permanent=refused.smtp_code >= 500,
            ) from None
        except smtplib.SMTPAuthenticationError as refused:
            raise MailNotDelivered(
                f"the mail server at {self.where} refused the login of {self.username} ({refused.smtp_code}): "
                "check the user and its password"
            ) from None
        except smtplib.SMTPResponseException as refused:
            raise MailNotDelivered(f"the mail server at {self.where} answered {refused.smtp_code}") from None
        except (smtplib.SMTPException, ssl.SSLError) as error:
            raise MailNotDelivered(f"the mail server at {self.where} failed: {error}") from None
        except OSError as error:
            raise MailNotDelivered(
                f"the mail server at {self.where} does not answer ({error.strerror or error}): "
                "the message waits and is sent again"
            ) from None
        return f"accepted by the mail server at {self.where}"

    def _connected(self) -> smtplib.SMTP:
        if self.implicit_tls:
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=ssl.create_default_context())
        return smtplib.SMTP(self.host, self.port, timeout=self.timeout)

    def _secure(self, server: smtplib.SMTP) -> None:
        if self.implicit_tls:
            return
        server.ehlo()
        if server.has_extn("starttls"):
            server.starttls(context=ssl.create_default_context())
            server.ehlo()
        elif not is_loopback(self.host):
            # A customer's name and documents never cross a network in the clear.
            raise MailNotDelivered(
                f"the mail server at {self.where} does not offer STARTTLS, and the station sends mail "
                "unencrypted only to a relay on this computer: use a server that offers it, or smtps://"
            )

    def _log_in(self, server: smtplib.SMTP) -> None:
        if not self.username:
            return
        if not self.password:
            raise MailNotDelivered(
                f"no password for the mail user {self.username}: set RECEIVING_APP_SMTP_PASSWORD "
                "or save it on the Settings page"
            )
        server.login(self.username, self.password)


@dataclass(frozen=True)
class MailFolder:
    """E-mails written as files, one per Message-ID: a second delivery of the same message writes the
    same file again, so the folder never holds it twice."""

    folder: Path

    @property
    def where(self) -> str:
        return str(self.folder)

    def deliver(self, message: EmailMessage) -> str:
        identity = _UNSAFE_IN_A_FILE_NAME.sub("_", str(message["Message-ID"]).strip("<> "))
        path = self.folder / f"{identity}.eml"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(message.as_bytes())
            temporary.replace(path)
        except OSError as error:
            raise MailNotDelivered(f"cannot write the e-mail to {self.folder}: {error.strerror or error}") from None
        return f"written to {path}"
