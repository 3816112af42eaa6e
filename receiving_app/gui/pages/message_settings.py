"""The Settings page's group for the outbox (docs/messages.md): the SMTP server and its password, the From
address, the webhook URLs and their signing secret.

The password and the secret are never shown and never written to the settings file: typed here, they
go to the OS keyring when the admin saves (left empty, the kept ones stay). The group is built in code
and added below the station's own settings, so the page's form stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from receiving_app.services.delivery_settings import (
    SMTP_PASSWORD_VARIABLE,
    WEBHOOK_SECRET_VARIABLE,
    check_delivery_settings,
    remember_secret,
)
from receiving_app.services.settings import StationSettings

NOTE = (
    "Without an SMTP server, e-mails to customers are saved as .eml files in the station's data folder. "
    "RECEIVING_APP_SMTP_URL, RECEIVING_APP_SMTP_PASSWORD and RECEIVING_APP_WEBHOOK_SECRET take the place of "
    "these. Passwords and secrets go to this computer's keyring, never to the settings file."
)


class MessageSettingsGroup(QGroupBox):
    """Signals:
    changed(): the admin edited a value.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Messages to customers and webhooks", parent)
        self.setObjectName("messagesGroup")
        self.setAccessibleName("Messages to customers and webhooks")
        form = QFormLayout(self)
        self.smtp_edit = self._line("smtpEdit", "SMTP server address", "smtp://user@mail.example.com:587")
        self.password_edit = self._line("smtpPasswordEdit", "SMTP password", "typed to change it; kept in the keyring")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.from_edit = self._line("mailFromEdit", "From address of e-mails", "returns@example.com")
        self.webhooks_edit = QPlainTextEdit(self)
        self.webhooks_edit.setObjectName("webhookUrlsEdit")
        self.webhooks_edit.setAccessibleName("Webhook addresses, one per line")
        self.webhooks_edit.setPlaceholderText("https://books.example.com/hooks/returns (one per line)")
        self.webhooks_edit.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.webhooks_edit.setTabChangesFocus(True)
        self.webhooks_edit.textChanged.connect(self.changed)
        self.secret_edit = self._line(
            "webhookSecretEdit", "Webhook signing secret", "typed to change it; kept in the keyring"
        )
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        for title, field in (
            ("SMTP &server", self.smtp_edit),
            ("SMTP pass&word", self.password_edit),
            ("&From address", self.from_edit),
            ("Web&hook URLs", self.webhooks_edit),
            ("Webhook s&ecret", self.secret_edit),
        ):
            label = QLabel(title, self)
            label.setBuddy(field)
            form.addRow(label, field)
        note = QLabel(NOTE, self)
        note.setObjectName("messagesNote")
        note.setWordWrap(True)
        form.addRow(note)

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self.changed)
        return edit

    def show_settings(self, settings: StationSettings) -> None:
        blocked = self.webhooks_edit.blockSignals(True)  # filling the boxes is not the admin's change
        self.smtp_edit.setText(settings.smtp_url)
        self.from_edit.setText(settings.mail_from)
        self.webhooks_edit.setPlainText("\n".join(settings.webhook_urls))
        self.webhooks_edit.blockSignals(blocked)
        self.password_edit.clear()
        self.secret_edit.clear()

    def set_editable(self, editable: bool) -> None:
        for field in (self.smtp_edit, self.password_edit, self.from_edit, self.secret_edit):
            field.setReadOnly(not editable)
        self.webhooks_edit.setReadOnly(not editable)

    def changes(self) -> dict[str, Any]:
        """The values as shown, for ``StationSettings.with_changes``; InputError names the one that cannot be used."""
        urls = [line.strip() for line in self.webhooks_edit.toPlainText().splitlines() if line.strip()]
        values = {"smtp_url": self.smtp_edit.text().strip(), "mail_from": self.from_edit.text().strip()}
        check_delivery_settings(values["smtp_url"], values["mail_from"], urls)
        return {**values, "webhook_urls": urls}

    def secrets_keeper(self, settings: StationSettings) -> Callable[[], None]:
        """What puts a typed password and secret in the keyring under their addresses: read here, on the UI
        thread, and run with the save, on the worker."""
        password, secret = self.password_edit.text(), self.secret_edit.text()

        def keep() -> None:
            if password and settings.smtp_url:
                remember_secret(settings.smtp_url, password, variable=SMTP_PASSWORD_VARIABLE)
            for url in settings.webhook_urls if secret else ():
                remember_secret(url, secret, variable=WEBHOOK_SECRET_VARIABLE)

        return keep
