"""Webhooks to a real HTTP receiver on 127.0.0.1 that checks every signature and refuses each event's
first two tries: every event arrives once, in the order of its RMA's events, under one id; one
without a secret waits; a secret kept in the keyring signs."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from receiving_app.domain.scan import parse_scan
from receiving_app.services.delivery_settings import WEBHOOK_SECRET_VARIABLE, remember_secret
from receiving_app.services.outbox_sender import NO_SECRET
from tests.support.outbox import SECRET, Clock, WebhookLog, message_row, outbox, sender, station_with, webhook_receiver
from tests.support.receiving import receive
from tests.support.warehouse import Rma, add_rmas

EXPECTED = ["rma.arrived", "line.decided", "document.issued", "unit.sorted", "document.voided", "line.voided"]


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


@pytest.fixture(autouse=True)
def empty_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(before)


def a_returns_day(station, folder) -> None:
    """Arrival, a decision with its credit memo, and a supervisor's void of it: six events for webhooks."""
    add_rmas(station, folder, Rma("RA-6001"))
    station.check_in.check_in(parse_scan("RA-6001"), user="receiver", station="dock-1")
    receive(station, "RA-6001", 1)
    station.history.void_document("CM-000001", user="supervisor", station="bench-1", reason="keyed the wrong unit")


def webhooks(station) -> list[tuple[int, str, str, str, str]]:
    return [row for row in outbox(station) if row[1] == "webhook"]


def test_each_event_arrives_once_in_order_after_two_refusals(
    database_url, tmp_path, database_templates, monkeypatch
) -> None:
    monkeypatch.setenv(WEBHOOK_SECRET_VARIABLE, SECRET)
    log = WebhookLog(failures_per_event=2)
    with (
        webhook_receiver(log) as url,
        station_with(database_url, tmp_path, database_templates, webhook_urls=[url]) as station,
    ):
        a_returns_day(station, tmp_path)
        clock = Clock()
        outbox_sender = sender(station, clock, mail_folder=tmp_path / "mail")
        for _ in range(30):
            if all(status == "sent" for *_, status in webhooks(station)):
                break
            outbox_sender.send_pass()
            clock.advance(hours=7)  # past any back-off

        assert [event["type"] for event in log.accepted] == EXPECTED
        assert all(signed for _, _, signed in log.requests)
        ids = [event["id"] for event in log.accepted]
        assert len(set(ids)) == len(EXPECTED)
        assert all(log.tries_of(event_id) == 3 for event_id in ids)  # two refused, the third kept: one id throughout
        assert [event["sequence"] for event in log.accepted] == sorted(event["sequence"] for event in log.accepted)
        # No event was offered before the one ahead of it was accepted.
        offered = [event_id for event_id, _, _ in log.requests]
        assert offered == [event_id for event_id in ids for _ in range(3)]
        decided = log.accepted[1]
        assert decided["rma"] == "RA-6001" and decided["data"]["outcome"] == "refund"
        assert decided["data"]["refund_total"] == "54.99"
        # The audit event also holds the inspection, with the clerk's free-text notes: not sent.
        assert set(decided["data"]) >= {"line", "unit", "policy", "reasons"} and "inspection" not in decided["data"]
        # The decision's one audit event also says its document and its unit's sorting: a webhook each, with an
        # id of its own that names the part.
        issued, went = log.accepted[2], log.accepted[3]
        assert issued["data"] == {"line": 1, "unit": 1, "type": "credit_memo", "number": issued["data"]["number"]}
        assert issued["id"] == f"{decided['id']}.{issued['data']['number']}"
        assert went["id"] == f"{decided['id']}.{went['data']['lpn']}" and went["data"]["route"]
        assert {"documents", "sorted"}.isdisjoint(decided["data"])


def test_a_webhook_waits_while_the_station_holds_no_secret_for_it(database_url, tmp_path, database_templates) -> None:
    log = WebhookLog()
    with (
        webhook_receiver(log) as url,
        station_with(database_url, tmp_path, database_templates, webhook_urls=[url]) as station,
    ):
        add_rmas(station, tmp_path, Rma("RA-6002"))
        station.check_in.check_in(parse_scan("RA-6002"), user="receiver", station="dock-1")
        outbox_sender = sender(station, Clock(), mail_folder=tmp_path / "mail")

        outbox_sender.send_pass()
        [(message_id, *_, status)] = webhooks(station)
        assert (status, message_row(station, message_id).last_error, log.requests) == ("pending", NO_SECRET, [])

        remember_secret(url, SECRET, variable=WEBHOOK_SECRET_VARIABLE)
        clock = Clock()
        assert sender(station, clock, mail_folder=tmp_path / "mail").send_pass().delivered == 0  # looked at again later
        clock.advance(minutes=6)
        assert sender(station, clock, mail_folder=tmp_path / "mail").send_pass().delivered == 1
        assert [event["type"] for event in log.accepted] == ["rma.arrived"]


def test_every_receiver_gets_the_event_under_the_same_id(database_url, tmp_path, database_templates, monkeypatch):
    monkeypatch.setenv(WEBHOOK_SECRET_VARIABLE, SECRET)
    first, second = WebhookLog(), WebhookLog()
    with (
        webhook_receiver(first) as one,
        webhook_receiver(second) as other,
        station_with(database_url, tmp_path, database_templates, webhook_urls=[one, other]) as station,
    ):
        add_rmas(station, tmp_path, Rma("RA-6003"))
        station.check_in.check_in(parse_scan("RA-6003"), user="receiver", station="dock-1")

        sender(station, Clock(), mail_folder=tmp_path / "mail").send_pass()

        assert [event["id"] for event in first.accepted] == [event["id"] for event in second.accepted]
        assert len(first.accepted) == 1
