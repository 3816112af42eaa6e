"""The Outbox page: what waits is listed with its last answer; a supervisor cancels a message with a reason
or sends a failed one again; a receiver reads the queue without the buttons to change it."""

from __future__ import annotations

from receiving_app.domain.scan import parse_scan
from receiving_app.gui.pages.outbox import OutboxPage
from tests.support.demo_users import USERS
from tests.support.warehouse import Rma, add_rmas


def shown(qtbot, station, role: str) -> OutboxPage:
    page = OutboxPage(station, USERS[role])
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    return page


def arrived(station, folder, number: str) -> None:
    add_rmas(station, folder, Rma(number))
    station.check_in.check_in(parse_scan(number), user="receiver", station="S1")


def test_a_supervisor_cancels_a_waiting_e_mail_with_a_reason(qtbot, station, tmp_path) -> None:
    arrived(station, tmp_path, "RA-8001")
    page = shown(qtbot, station, "supervisor")
    [entry] = page.messages.records()
    assert (entry.kind, entry.event_type, entry.rma, entry.status, entry.receiver) == (
        "email",
        "rma.arrived",
        "RA-8001",
        "pending",
        "customer",
    )
    assert page.ui.summaryLabel.text().startswith("Waiting: 1 · failed: 0")

    page.ui.messagesTable.selectRow(0)
    assert page.ui.cancelButton.isEnabled() and page.ui.retryButton.isEnabled()
    with qtbot.waitSignal(page.problem_shown) as refused:
        page.cancel_chosen()
    assert refused.args == ["Write why the message is cancelled first."]
    page.ui.reasonEdit.setText("the customer asked for no e-mail")
    with qtbot.waitSignal(page.acted, timeout=10_000) as acted, qtbot.waitSignal(page.loaded, timeout=10_000):
        page.cancel_chosen()

    assert acted.args[0].status == "cancelled"
    assert page.messages.records() == ()
    assert "will never be sent" in page.ui.messageLabel.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.ui.showAllCheck.setChecked(True)
    [cancelled] = page.messages.records()
    page.ui.messagesTable.selectRow(0)
    assert page.ui.detailLabel.text() == (
        f"#{cancelled.id} was cancelled by supervisor: the customer asked for no e-mail"
    )
    assert not page.ui.cancelButton.isEnabled()


def test_a_receiver_reads_the_queue_but_may_not_change_it(qtbot, station, tmp_path) -> None:
    arrived(station, tmp_path, "RA-8002")
    page = shown(qtbot, station, "receiver")

    assert len(page.messages.records()) == 1
    assert not page.ui.cancelButton.isVisible() and not page.ui.retryButton.isVisible()
    assert page.ui.summaryLabel.text().endswith("Only a supervisor may retry or cancel.")
