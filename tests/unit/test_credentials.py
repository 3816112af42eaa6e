"""Database passwords go to the keyring, never into the settings file."""

from __future__ import annotations

import json

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError

from receiving_app.domain.errors import InputError
from receiving_app.services.credentials import remember_database_url, shown, with_remembered_password
from receiving_app.services.settings import SettingsStore, StationSettings

URL = "postgresql+psycopg://receiving:s3cret-pw@db.warehouse.lan/returns"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


class NoKeyring(MemoryKeyring):
    def set_password(self, service, username, password):
        raise PasswordSetError("no backend")


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_the_settings_file_keeps_the_url_and_the_keyring_keeps_the_password(memory_keyring, tmp_path) -> None:
    store = SettingsStore(tmp_path / "settings.json")

    store.save(StationSettings(station_id="bench-1", database_url=remember_database_url(URL)))

    saved = (tmp_path / "settings.json").read_text()
    assert "s3cret-pw" not in saved
    assert json.loads(saved)["database_url"] == "postgresql+psycopg://receiving@db.warehouse.lan/returns"
    assert with_remembered_password(store.load().database_url) == URL


def test_without_a_keyring_a_password_is_refused_not_written(tmp_path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        with pytest.raises(InputError, match="pgpass"):
            remember_database_url(URL)
    finally:
        keyring.set_keyring(previous)


def test_a_password_cannot_be_saved_in_settings_directly(tmp_path) -> None:
    with pytest.raises(InputError, match="must not carry a password"):
        SettingsStore(tmp_path / "settings.json").save(StationSettings(database_url=URL))
    assert not (tmp_path / "settings.json").exists()


def test_a_url_is_shown_with_its_password_masked() -> None:
    assert "s3cret-pw" not in shown(URL) and "***" in shown(URL)
