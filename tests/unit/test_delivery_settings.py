"""Where the outbox delivers: the SMTP address as settings or environment give it (never with a password),
a folder of .eml files without one, webhook URLs and signing secrets, and the back-off between tries."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import pytest

from receiving_app.devices.mail import MailFolder, SmtpServer
from receiving_app.domain.errors import InputError
from receiving_app.services.delivery_settings import (
    SMTP_PASSWORD_VARIABLE,
    SMTP_URL_VARIABLE,
    delivery_from_settings,
    smtp_address,
)
from receiving_app.services.outbox_sender import backoff
from receiving_app.services.settings import SettingsStore, StationSettings
from receiving_app.services.webhooks import webhook_headers


@pytest.fixture(autouse=True)
def no_mail_variables(monkeypatch):
    for variable in (SMTP_URL_VARIABLE, SMTP_PASSWORD_VARIABLE):
        monkeypatch.delenv(variable, raising=False)


def test_an_smtp_address_gives_host_port_user_and_tls() -> None:
    submission = smtp_address("smtp://returns%40example.com@mail.example.com")
    assert (submission.host, submission.port, submission.username, submission.implicit_tls) == (
        "mail.example.com",
        587,
        "returns@example.com",
        False,
    )
    tls = smtp_address("smtps://mail.example.com")
    assert (tls.port, tls.username, tls.implicit_tls) == (465, None, True)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("smtp://user:hunter2@mail.example.com", "must not carry a password"),
        ("http://mail.example.com", "must look like smtp://"),
        ("smtp://mail.example.com:port", "must look like smtp://"),
        ("smtp://", "must look like smtp://"),
    ],
)
def test_an_smtp_address_that_cannot_be_used_is_refused_without_its_password(url, says) -> None:
    with pytest.raises(InputError, match=says) as refused:
        smtp_address(url)
    assert "hunter2" not in str(refused.value)


def test_without_a_mail_server_e_mails_go_to_the_folder(tmp_path) -> None:
    delivery = delivery_from_settings(StationSettings(station_id="bench-1"), tmp_path / "outbox")
    assert delivery.mailer == MailFolder(tmp_path / "outbox")
    assert delivery.sender_address == "returns@localhost"


def test_the_environment_names_the_server_and_its_password(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(SMTP_URL_VARIABLE, "smtp://returns%40example.com@mail.example.com:2525")
    monkeypatch.setenv(SMTP_PASSWORD_VARIABLE, "s3cret-mail")
    settings = StationSettings(station_id="bench-1", smtp_url="smtp://other.example.com")

    delivery = delivery_from_settings(settings, tmp_path)

    assert delivery.mailer == SmtpServer("mail.example.com", 2525, "returns@example.com", "s3cret-mail")
    assert delivery.sender_address == "returns@example.com"
    named = delivery_from_settings(settings.with_changes(mail_from="rma@example.com"), tmp_path)
    assert named.sender_address == "rma@example.com"


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"smtp_url": "smtp://user:pw@mail.example.com"}, "must not carry a password"),
        ({"mail_from": "returns at example"}, "mail_from must be an e-mail address"),
        ({"webhook_urls": ["ftp://hooks.example.com/x"]}, "is not an http:// or https:// address"),
        ({"webhook_urls": "https://hooks.example.com/x"}, "must be a list"),
        ({"webhook_urls": ["https://user:pw@hooks.example.com/x"]}, "must not carry a user or password"),
    ],
)
def test_the_settings_file_refuses_delivery_values_it_cannot_use(tmp_path, changes, says) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(changes))
    store = SettingsStore(path)
    assert store.load() == StationSettings(station_id=store.load().station_id)  # the defaults, and why
    assert says in (store.problem or "")


def test_saved_delivery_settings_come_back_as_saved(tmp_path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = StationSettings(
        station_id="bench-1",
        smtp_url="smtp://returns%40example.com@mail.example.com:587",
        mail_from="returns@example.com",
        webhook_urls=["https://books.example.com/hooks/returns"],
    )
    store.save(settings)
    assert store.load() == settings


def test_the_back_off_doubles_from_thirty_seconds_up_to_six_hours() -> None:
    assert [backoff(attempt) for attempt in (1, 2, 3, 4)] == [
        timedelta(seconds=seconds) for seconds in (30, 60, 120, 240)
    ]
    assert backoff(30) == timedelta(hours=6)


def test_a_webhook_is_signed_over_its_timestamp_and_body() -> None:
    body = b'{"id":"evt_1","type":"rma.arrived"}'
    headers = webhook_headers(
        event_id="evt_1", event_type="rma.arrived", body=body, secret=b"key", timestamp=1700000000
    )
    by_hand = hmac.new(b"key", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert headers["Receiving-Signature"] == f"t=1700000000,v1={by_hand}"
    assert (headers["Receiving-Event-Id"], headers["Receiving-Event-Type"]) == ("evt_1", "rma.arrived")
