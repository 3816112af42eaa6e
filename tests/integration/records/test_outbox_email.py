"""E-mail to the customer through a real SMTP server on 127.0.0.1: the arrival, each decision with its
document attached, a denial's reclaim date; a server that is down; a sender stopped before or after
it delivered; a customer without an address; nothing for work that rolled back; and the arrival of a parcel
that came without an RMA, told once it is matched."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select, update

from receiving_app.devices.mail import MailNotDelivered
from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.facts import CustomerChoice, ReturnReason
from receiving_app.domain.scan import parse_scan
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.order_tables import CustomerRow
from receiving_app.persistence.outbox_writing import NO_ADDRESS
from receiving_app.services.delivery_settings import Delivery, delivery_from_settings
from tests.support.desk_orders import RECORDED_AT as PARCEL_ARRIVED
from tests.support.desk_orders import FoundItem, Order, OrderLine, add_orders, add_unidentified_return
from tests.support.outbox import Clock, attempts, message_row, outbox, sender, smtp_sink, station_with
from tests.support.pdf import decode_code128, rasterize_page
from tests.support.receiving import OPENED, cut_power_before_the_pdfs_were_stored, grams, receive
from tests.support.warehouse import Line, Rma, add_rmas

UPS_PARCEL = "1Z999AA10123456784"


@pytest.fixture
def sink():
    with smtp_sink() as server:
        yield server


@pytest.fixture
def station(database_url, tmp_path, database_templates, sink):
    with station_with(database_url, tmp_path, database_templates, smtp_url=sink.url) as built:
        yield built


def arrive_and_receive(station, folder, number: str = "RA-5001", **receiving) -> None:
    add_rmas(station, folder, Rma(number))
    station.check_in.check_in(parse_scan(number), user="receiver", station="dock-1")
    receive(station, number, 1, **receiving)


def by_subject(received: list[EmailMessage]) -> dict[str, EmailMessage]:
    return {str(message["Subject"]): message for message in received}


def test_the_customer_gets_the_arrival_and_the_decision_with_its_document(station, sink, tmp_path) -> None:
    arrive_and_receive(station, tmp_path)

    result = sender(station, Clock()).send_pass()

    assert (result.delivered, result.waiting, result.failed) == (2, 0, 0)
    mails = by_subject(sink.received)
    assert set(mails) == {"Return RA-5001: your return has arrived", "Return RA-5001: credit of $54.99"}
    arrival, decision = mails["Return RA-5001: your return has arrived"], mails["Return RA-5001: credit of $54.99"]
    assert arrival["To"] == decision["To"] == "Dana Whitfield <dana@example.com>"
    assert "Your return RA-5001 (order SO-RA-5001) arrived on" in arrival.get_body(("plain",)).get_content()
    assert list(arrival.iter_attachments()) == []
    [attachment] = decision.iter_attachments()
    assert attachment.get_filename() == "CM-000001.pdf"
    assert attachment.get_content_type() == "application/pdf"
    stored = station.history.document("CM-000001", reprint=False).pdf
    assert attachment.get_content() == stored
    assert "CM-000001" in decode_code128(rasterize_page(attachment.get_content()))
    body = decision.get_body(("plain",)).get_content()
    assert "a credit of $54.99 is issued" in body and "Refunded to: Card ending 4242." in body
    # Each e-mail carries the Message-ID fixed when its event committed.
    keys = {message_row(station, message_id).email_message_id for message_id, *_ in outbox(station)}
    assert {arrival["Message-ID"], decision["Message-ID"]} == keys


def test_a_denial_says_until_when_the_customer_can_ask_for_the_cartridge_back(station, sink, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA-5002", lines=(Line(reason="not_needed"),)))
    line = station.history.show_rma("RA-5002").rma.lines[0]
    result = receive(station, "RA-5002", 1, condition=OPENED, weight=grams((line.full_g + line.empty_g) / 2))
    assert (result.decision.outcome, result.decision.route) == ("denied", "hold_for_customer")
    [hold] = station.holds.ending_soon(date(2026, 3, 16), 365)

    sender(station, Clock()).send_pass()

    [denial] = sink.received
    assert denial["Subject"] == "Return RA-5002: not accepted"
    last_day = hold.held_until - timedelta(days=1)  # held "until" a day: it moves on that day
    body = " ".join(denial.get_body(("plain",)).get_content().split())
    assert f"held for you until {last_day:%B} {last_day.day}, {last_day.year} (license plate {hold.lpn})" in body
    [attachment] = denial.iter_attachments()
    assert attachment.get_filename() == "DN-000001.pdf"
    assert attachment.get_content() == station.history.document("DN-000001", reprint=False).pdf


def test_with_the_server_down_messages_wait_and_go_once_it_is_back(station, sink, tmp_path) -> None:
    sink.stop()
    arrive_and_receive(station, tmp_path)
    clock = Clock()
    outbox_sender = sender(station, clock)

    down = outbox_sender.send_pass()

    assert (down.delivered, down.waiting) == (0, 2)
    first = outbox(station)[0][0]
    [(outcome, detail)] = attempts(station, first)
    assert outcome == "failed" and "does not answer" in detail
    assert message_row(station, first).next_attempt_at == clock.now + timedelta(seconds=30)

    sink.start()
    assert outbox_sender.send_pass().delivered == 0  # the back-off has not run out yet
    clock.advance(seconds=31)
    back = outbox_sender.send_pass()
    clock.advance(hours=7)
    again = outbox_sender.send_pass()

    assert (back.delivered, back.waiting, again.delivered) == (2, 0, 0)
    assert len(sink.received) == 2
    assert [outcome for outcome, _ in attempts(station, first)] == ["failed", "delivered"]


class StopsTheSender(Exception):
    """Stands for the process dying: nothing in the sender catches it."""


def stopping(station, *, after_delivering: bool):
    """The station's delivery, but the first e-mail stops the sender before (or just after) it is handed over."""
    real = delivery_from_settings(station.settings, station.printed_folder)
    stopped = []

    class Mailer:
        where = real.mailer.where

        def deliver(self, message: EmailMessage) -> str:
            if not stopped:
                stopped.append(message["Message-ID"])
                if after_delivering:
                    real.mailer.deliver(message)
                raise StopsTheSender
            return real.mailer.deliver(message)

    return lambda: replace(real, mailer=Mailer())


def test_a_sender_stopped_after_the_commit_before_delivering_delivers_once(station, sink, tmp_path) -> None:
    arrive_and_receive(station, tmp_path)
    clock = Clock()
    with pytest.raises(StopsTheSender):
        sender(station, clock, delivery=stopping(station, after_delivering=False)).send_pass()
    first = outbox(station)[0]
    assert first[4] == "sending"  # its claim stays behind, with the Message-ID it will be sent under

    restarted = sender(station, clock)
    assert restarted.send_pass().delivered == 1  # the claim is recent: the other sender may be at work
    clock.advance(minutes=6)
    assert restarted.send_pass().delivered == 1

    assert sorted(message["Message-ID"] for message in sink.received) == sorted(
        message_row(station, message_id).email_message_id for message_id, *_ in outbox(station)
    )
    assert [outcome for outcome, _ in attempts(station, first[0])] == ["interrupted", "delivered"]


def test_a_sender_stopped_after_delivering_sends_again_under_the_same_message_id(station, sink, tmp_path) -> None:
    arrive_and_receive(station, tmp_path)
    clock = Clock()
    with pytest.raises(StopsTheSender):
        sender(station, clock, delivery=stopping(station, after_delivering=True)).send_pass()

    clock.advance(minutes=6)
    sender(station, clock).send_pass()

    ids = [message["Message-ID"] for message in sink.received]
    assert len(ids) == 3 and len(set(ids)) == 2  # the arrival twice, under one Message-ID: one e-mail to a reader
    assert {status for *_, status in outbox(station)} == {"sent"}


def set_email(station, address: str) -> None:
    with station.units.write() as uow:
        uow.session.execute(update(CustomerRow).values(email=address))
        uow.commit()


def test_a_customer_without_an_email_address_is_skipped_with_a_note(station, sink, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA-5003"))
    set_email(station, "")
    station.check_in.check_in(parse_scan("RA-5003"), user="receiver", station="dock-1")
    clock = Clock()

    result = sender(station, clock).send_pass()

    [(message_id, kind, event_type, rma, status)] = outbox(station)
    assert (kind, event_type, rma, status) == ("email", "rma.arrived", "RA-5003", "skipped")
    assert message_row(station, message_id).last_error == NO_ADDRESS
    assert (result.delivered, sink.received, attempts(station, message_id)) == (0, [], [])
    # The address is read when the e-mail is sent: once there is one, a supervisor's retry sends it there.
    set_email(station, "dana.whitfield@example.net")
    station.outbox.retry(message_id, user="supervisor", station="bench-1")
    assert sender(station, clock).send_pass().delivered == 1
    [arrival] = sink.received
    assert arrival["To"] == "Dana Whitfield <dana.whitfield@example.net>"


def test_a_message_is_written_with_its_event_or_not_at_all(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA-5004"))
    arrival = AuditEvent("parcel_checked_in", "receiver", "dock-1", "RA-5004", {"checked_in_at": "dock"})
    with station.units.write() as uow:
        uow.record(arrival)  # and the work fails before its commit
    assert outbox(station) == []

    with station.units.write() as uow:
        uow.record(arrival)
        uow.commit()
    assert [row[1:] for row in outbox(station)] == [("email", "rma.arrived", "RA-5004", "pending")]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
def test_the_mail_server_login_takes_its_password_from_the_environment(
    database_url, tmp_path, database_templates, monkeypatch
) -> None:
    monkeypatch.setenv("RECEIVING_APP_SMTP_PASSWORD", "s3cret-mail")
    with (
        smtp_sink(with_login=True) as server,
        station_with(database_url, tmp_path, database_templates, smtp_url=server.url) as station,
    ):
        add_rmas(station, tmp_path, Rma("RA-5005"))
        station.check_in.check_in(parse_scan("RA-5005"), user="receiver", station="dock-1")

        assert sender(station, Clock()).send_pass().delivered == 1

        assert server.keeper.logins == [("returns@example.com", "s3cret-mail")]
        [arrival] = server.received
        assert arrival["From"] == "Image-Pro Returns <returns@example.com>"


def test_a_recipient_the_server_refuses_for_good_is_given_up_at_once(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA-5006"))
    station.check_in.check_in(parse_scan("RA-5006"), user="receiver", station="dock-1")
    real = delivery_from_settings(station.settings, station.printed_folder)

    class Refusing:
        where = real.mailer.where

        def deliver(self, message: EmailMessage) -> str:
            raise MailNotDelivered("the mail server refused the recipient (550)", permanent=True)

    result = sender(
        station, Clock(), delivery=lambda: Delivery(Refusing(), "x@example.com", real.post, real.webhook_secret)
    ).send_pass()

    assert (result.delivered, result.waiting, result.failed) == (0, 0, 1)
    [(message_id, *_, status)] = outbox(station)
    assert status == "failed" and "550" in (message_row(station, message_id).last_error or "")


def test_a_parcel_first_opened_at_the_bench_is_its_arrival_and_only_once(station, sink, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA-5007"))
    for _ in range(2):  # opened, left, opened again
        station.rma_opening.record_opened("RA-5007", user="receiver", station="bench-1")

    sender(station, Clock()).send_pass()

    assert [row[1:] for row in outbox(station)] == [("email", "rma.arrived", "RA-5007", "sent")]
    assert [message["Subject"] for message in sink.received] == ["Return RA-5007: your return has arrived"]


def test_a_decision_s_e_mail_waits_for_its_pdf_and_draws_one_a_power_cut_lost(
    station, sink, tmp_path, monkeypatch
) -> None:
    arrive_and_receive(station, tmp_path)
    cut_power_before_the_pdfs_were_stored(station, ["CM-000001"])
    clock = Clock()
    outbox_sender = sender(station, clock)

    assert outbox_sender.send_pass().delivered == 1  # the arrival; the decision waits for its PDF
    decided = next(row for row in outbox(station) if row[2] == "line.decided")
    assert (decided[4], message_row(station, decided[0]).last_error) == ("pending", "Waiting for the PDF of CM-000001.")
    clock.advance(minutes=2)
    assert outbox_sender.send_pass().delivered == 1

    [attachment] = by_subject(sink.received)["Return RA-5001: credit of $54.99"].iter_attachments()
    assert attachment.get_content() == station.history.document("CM-000001", reprint=False).pdf


def test_a_parcel_that_came_without_an_rma_tells_its_customer_once_it_is_matched(station, sink, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000611"))  # the seller's numbering, which the match continues
    add_orders(station, Order("SO-9001", lines=(OrderLine("TN-660"),), account="C95001"))
    with station.units.write() as uow:
        uow.session.execute(
            update(CustomerRow).where(CustomerRow.account_number == "C95001").values(email="dana@example.com")
        )
        uow.commit()
    number, _plate = add_unidentified_return(
        station, FoundItem("TN-660", "812.4"), tracking_number=UPS_PARCEL, parcel_label=UPS_PARCEL
    )
    assert [row[2] for row in outbox(station)] == []  # no RMA yet, so no one to tell

    created = station.unidentified_matching.match(
        number, "SO-9001", ReturnReason.NOT_NEEDED, CustomerChoice.REFUND, user="receiver", station="office-1"
    )

    assert [row[1:] for row in outbox(station)] == [("email", "rma.arrived", created.number, "pending")]
    assert sender(station, Clock()).send_pass().delivered == 1
    [arrival] = sink.received
    assert arrival["Subject"] == f"Return {created.number}: your return has arrived"
    arrived_on = PARCEL_ARRIVED.astimezone().date()  # the station's calendar: this computer's zone here
    body = arrival.get_body(("plain",)).get_content()
    # The day the parcel came, not the day of the match.
    assert f"arrived on {arrived_on:%B} {arrived_on.day}, {arrived_on.year}" in body


def test_a_document_changed_outside_the_station_is_not_e_mailed(station, sink, tmp_path) -> None:
    arrive_and_receive(station, tmp_path, "RA-5006")
    documents = DocumentRow.__table__
    with station.units.engine.begin() as connection:  # a forger's change, past the station's own code
        stored = connection.execute(select(documents.c.pdf).where(documents.c.number == "CM-000001")).scalar_one()
        connection.execute(
            update(documents).where(documents.c.number == "CM-000001").values(pdf=bytes(stored) + b"% changed")
        )

    sender(station, Clock()).send_pass()

    decided = [row for row in outbox(station) if row[2] != "rma.arrived"]
    [(message_id, _kind, _event, _rma, status)] = decided
    assert status == "skipped"
    assert message_row(station, message_id).last_error.startswith(
        "The stored PDF of CM-000001 is not the file that was issued"
    )
    assert list(by_subject(sink.received)) == ["Return RA-5006: your return has arrived"]
