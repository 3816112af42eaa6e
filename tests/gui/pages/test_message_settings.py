"""The Settings page's messages group: an admin names the SMTP server, the From address and the webhook
URLs, which the settings file keeps, while the password and the signing secret go to the keyring only;
an address that cannot be used is refused in words."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from receiving_app import APP_NAME
from receiving_app.gui.pages.settings import SettingsPage
from tests.support.demo_users import USERS

WAIT_MS = 15_000
SMTP = "smtp://returns%40example.com@mail.example.com:587"
HOOK = "https://books.example.com/hooks/returns"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]  # keyring declares it a class property

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture
def kept():
    before, memory = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory.secrets
    keyring.set_keyring(before)


@pytest.fixture
def page(qtbot, station):
    shown = SettingsPage(station, USERS["admin"])
    qtbot.add_widget(shown)
    with qtbot.waitSignal(shown.settings_loaded, timeout=WAIT_MS):
        shown.show()
    return shown


def test_the_addresses_go_to_the_settings_file_and_the_secrets_to_the_keyring(qtbot, page, station, kept) -> None:
    group = page.messages
    for edit, text in ((group.smtp_edit, SMTP), (group.password_edit, "s3cret-mail"), (group.secret_edit, "whsec_1")):
        edit.setText(text)
        edit.textEdited.emit(text)
    group.webhooks_edit.setPlainText(f"{HOOK}\n\n")
    assert page.ui.saveButton.isEnabled()

    with qtbot.waitSignal(page.settings_saved, timeout=WAIT_MS):
        page.ui.saveButton.click()

    saved = station.settings_store.load()
    assert (saved.smtp_url, saved.webhook_urls) == (SMTP, [HOOK])
    written = station.settings_store.path.read_text()
    assert "s3cret-mail" not in written and "whsec_1" not in written
    assert kept == {(APP_NAME, SMTP): "s3cret-mail", (APP_NAME, HOOK): "whsec_1"}


def test_an_smtp_address_with_its_password_is_refused_in_words(qtbot, page, station, kept) -> None:
    page.messages.smtp_edit.setText("smtp://returns:hunter2@mail.example.com")

    with qtbot.waitSignal(page.problem_shown) as problem:
        page.save()

    assert problem.args[0].startswith("the SMTP address must not carry a password")
    assert "hunter2" not in problem.args[0]
    assert station.settings_store.load().smtp_url == ""
    assert kept == {}


def test_others_read_the_addresses_but_may_not_change_them(qtbot, station) -> None:
    page = SettingsPage(station, USERS["supervisor"])
    qtbot.add_widget(page)
    with qtbot.waitSignal(page.settings_loaded, timeout=WAIT_MS):
        page.show()
    assert page.messages.smtp_edit.isReadOnly() and page.messages.webhooks_edit.isReadOnly()
