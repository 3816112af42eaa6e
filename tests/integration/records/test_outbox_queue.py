"""The outbox as a supervisor works it: what waits and what failed, retried or cancelled with a reason,
each an audit event; a cancelled webhook no longer holds back the next one about its RMA."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from receiving_app.devices.mail import MailNotDelivered
from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.domain.scan import parse_scan
from receiving_app.services.delivery_settings import WEBHOOK_SECRET_VARIABLE, Delivery, delivery_from_settings
from receiving_app.services.errors import NotAllowed
from tests.support.outbox import SECRET, Clock, WebhookLog, outbox, sender, station_with, webhook_receiver
from tests.support.parcels import events_of
from tests.support.receiving import receive
from tests.support.warehouse import Rma, add_rmas


@pytest.fixture
def station(database_url, tmp_path, database_templates):
    with station_with(database_url, tmp_path, database_templates) as built:
        yield built


def refusing(station, folder):
    """Delivery whose mail server refuses every recipient for good."""
    real = delivery_from_settings(station.settings, folder)

    class Refusing:
        where = "a server that refuses"

        def deliver(self, message: EmailMessage) -> str:
            raise MailNotDelivered("the mail server refused the recipient (550)", permanent=True)

    return lambda: Delivery(Refusing(), real.sender_address, real.post, real.webhook_secret)


def test_a_supervisor_retries_a_failed_message_and_the_next_pass_sends_it(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA-7001"))
    station.check_in.check_in(parse_scan("RA-7001"), user="receiver", station="dock-1")
    clock = Clock()
    sender(station, clock, delivery=refusing(station, tmp_path)).send_pass()
    [failed] = station.outbox.messages()
    assert (failed.status, failed.attempts, failed.receiver) == ("failed", 1, "customer")

    with pytest.raises(NotAllowed):
        station.outbox.retry(failed.id, user="receiver", station="bench-1")
    retried = station.outbox.retry(failed.id, user="supervisor", station="bench-1")
    assert (retried.status, retried.attempts) == ("pending", 0)
    assert sender(station, clock, mail_folder=tmp_path / "mail").send_pass().delivered == 1

    assert [status for *_, status in outbox(station)] == ["sent"]
    assert len(list((tmp_path / "mail").glob("*.eml"))) == 1
    [(rma, said)] = events_of(station, "outbox_message_retried")
    assert (rma, said["message"], said["event_type"]) == ("RA-7001", failed.id, "rma.arrived")
    with pytest.raises(RuleRefusal, match="is sent"):
        station.outbox.retry(failed.id, user="supervisor", station="bench-1")


def test_a_cancelled_message_is_never_sent_and_says_who_cancelled_it_and_why(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA-7002"))
    station.check_in.check_in(parse_scan("RA-7002"), user="receiver", station="dock-1")
    [waiting] = station.outbox.messages()

    with pytest.raises(InputError, match="say why"):
        station.outbox.cancel(waiting.id, reason="  ", user="supervisor", station="bench-1")
    cancelled = station.outbox.cancel(
        waiting.id, reason="customer asked for no e-mail", user="supervisor", station="bench-1"
    )
    assert sender(station, Clock(), mail_folder=tmp_path / "mail").send_pass().delivered == 0

    assert (cancelled.status, cancelled.cancelled_by, cancelled.cancel_reason) == (
        "cancelled",
        "supervisor",
        "customer asked for no e-mail",
    )
    assert station.outbox.messages() == ()
    assert [entry.id for entry in station.outbox.messages(("cancelled",))] == [waiting.id]
    assert not (tmp_path / "mail").exists()
    [(_, said)] = events_of(station, "outbox_message_cancelled")
    assert said["reason"] == "customer asked for no e-mail"
    with pytest.raises(InputError, match="delivered"):
        station.outbox.messages(("delivered",))


def test_cancelling_a_webhook_that_keeps_failing_lets_the_next_about_its_rma_go(
    database_url, tmp_path, database_templates, monkeypatch
) -> None:
    monkeypatch.setenv(WEBHOOK_SECRET_VARIABLE, SECRET)
    log = WebhookLog(failures_per_event=1)
    with (
        webhook_receiver(log) as url,
        station_with(database_url, tmp_path, database_templates, webhook_urls=[url]) as station,
    ):
        add_rmas(station, tmp_path, Rma("RA-7003"))
        station.check_in.check_in(parse_scan("RA-7003"), user="receiver", station="dock-1")
        receive(station, "RA-7003", 1)
        clock = Clock()
        outbox_sender = sender(station, clock, mail_folder=tmp_path / "mail")
        outbox_sender.send_pass()  # the arrival is refused once; everything after it waits

        arrival = next(
            entry
            for entry in station.outbox.messages()
            if entry.event_type == "rma.arrived" and entry.kind == "webhook"
        )
        assert arrival.receiver == url.split("?")[0]  # the receiver's token stays off the screen
        later = [entry for entry in station.outbox.messages() if entry.kind == "webhook" and entry.id != arrival.id]
        assert {entry.last_error for entry in later} == {
            f"Waits for the rma.arrived webhook about RA-7003 (#{arrival.id})."
        }
        station.outbox.cancel(arrival.id, reason="the receiver has it already", user="supervisor", station="bench-1")
        for _ in range(5):
            outbox_sender.send_pass()
            clock.advance(hours=7)

        assert [event["type"] for event in log.accepted] == ["line.decided", "document.issued", "unit.sorted"]
