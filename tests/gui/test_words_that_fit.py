"""Words that fit, on a 1366 px screen: a long message can always be read whole (its tooltip, and F9
opens it in a dialog); a fill level reads the same on every screen and paper; the headline names a
restocking fee; the idle lock says why the sign-in came back; History's timeline says which unit
each row is about."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QMessageBox

from receiving_app.devices.scales import ScaleReading, ScaleStatus
from receiving_app.domain.decision import Amounts
from receiving_app.domain.engine import decide
from receiving_app.domain.facts import Category, Item, PaymentMethod, ReturnDates, ReturnFacts, ReturnReason
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.judgement import Judgement
from receiving_app.domain.money import Money
from receiving_app.domain.weight import FillMeasurement
from receiving_app.gui.decision_panel import DecisionPanel, headline
from receiving_app.gui.feedback_line import POINT_SIZES
from receiving_app.gui.idle_lock import lock_notice
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.pages.rma_detail import EventModel, LineModel, rows_of
from receiving_app.gui.style import BAD, GOOD, sized_font
from receiving_app.gui.weight_panel import WeightPanel
from receiving_app.services.report_tables import report_tables
from tests.support.demo_rmas import WEIGHED, open_rmas
from tests.support.demo_users import RECEIVER
from tests.support.gui_session import running_session, sign_in_by_keys
from tests.support.pdf import reading_text
from tests.support.receiving import OPENED, grams, receive
from tests.support.scenarios import shipped_policies

LAPTOP = QSize(1366, 768)
F9_HINT = "… [F9]"


@pytest.fixture
def window(qtbot, station, runner, wedge) -> MainWindow:
    """The window fitted to a 1366 by 768 screen, as most benches have."""
    main = MainWindow(station, RECEIVER, runner, wedge)
    qtbot.add_widget(main)
    main.fit_to_screen(LAPTOP)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def test_a_message_longer_than_the_line_is_whole_in_its_tooltip_and_in_the_f9_dialog(qtbot, window, keyboard) -> None:
    label = window.receiving.ui.feedbackLabel
    said = (
        "No RMA, RA or RGA numbered RMA-999999 is on file: check the number on the parcel's label, scan the "
        "packing slip's barcode instead, or ask the office whether the RMA was imported today."
    )
    whole = f"{BAD.symbol} {said}"

    window.receiving.feedback(BAD, said)

    assert label.text().endswith(F9_HINT) and whole.startswith(label.text().removesuffix(F9_HINT))
    assert label.fontMetrics().horizontalAdvance(label.text()) < label.contentsRect().width()
    assert label.toolTip() == whole
    keyboard.press(Qt.Key.Key_F9)
    dialog = window.findChild(QMessageBox, "lastMessageDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.text() == whole and dialog.textFormat() == Qt.TextFormat.PlainText
    keyboard.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "lastMessageDialog") is None)
    keys = window.ui.keyboardMapTable
    assert ("F9", "Read the last message whole") in [
        (keys.item(row, 0).text(), keys.item(row, 1).text()) for row in range(keys.rowCount())
    ]


def test_a_message_a_little_too_long_is_set_smaller_not_cut_and_the_line_keeps_its_height(window) -> None:
    label = window.receiving.ui.feedbackLabel
    height, room = label.height(), label.contentsRect().width()
    largest, smallest = (QFontMetrics(sized_font(label.font(), size)) for size in (POINT_SIZES[0], POINT_SIZES[-1]))
    said = "Line 2: REFUND $46.74"
    while largest.horizontalAdvance(f"{GOOD.symbol} {said} x") <= room:  # just too long for the largest type
        said += " ok"
    assert smallest.horizontalAdvance(f"{GOOD.symbol} {said} x") <= room

    window.receiving.feedback(GOOD, said)

    assert label.text() == label.toolTip() == f"{GOOD.symbol} {said}"
    assert label.font().pointSize() < POINT_SIZES[0]
    window.receiving.feedback(GOOD, "Line 1: REFUND $46.74.")
    assert label.font().pointSize() == POINT_SIZES[0]
    assert label.height() == height  # before the first message, with the smaller type and the larger


def test_a_fill_reads_the_same_on_the_screens_the_report_and_the_paper(qtbot, station) -> None:
    rma, line = next(
        (rma, line)
        for rma in open_rmas(station, policy="image-pro-services")  # the policy that weighs cartridges
        for line in rma.lines
        if line.category in WEIGHED and line.customer_choice == "refund" and line.reason == "not_needed"
    )
    weight = (line.empty_g + (line.full_g - line.empty_g) * Decimal("0.0388")).quantize(Decimal("0.1"))
    receive(station, rma.number, line.line, weight=grams(weight), condition=OPENED)
    detail = station.history.show_rma(rma.number)
    decision = next(decision for decision in detail.decisions if decision.line == line.line)
    shown = fill_text(decision.fill_fraction)
    assert decision.outcome == "denied" and re.fullmatch(r"\d\.\d%", shown)

    panel = DecisionPanel()
    qtbot.add_widget(panel)
    panel.show_recorded(decision)
    gauge = WeightPanel()
    qtbot.add_widget(gauge)
    gauge.source = "simulated"
    gauge.set_line(line)
    gauge.show_reading(ScaleReading(weight, weight, "g", ScaleStatus.STABLE, b"raw"))
    lines = LineModel()
    lines.set_records(rows_of(detail))
    decided_row = next(row for row, record in enumerate(lines.records()) if record.decision == decision)
    titles = [lines.headerData(column, Qt.Orientation.Horizontal) for column in range(lines.columnCount())]
    report = report_tables(station.reports.daily(station.reports.today()))
    denied_fill = next(table for table in report if table.title == "Fill level of denied cartridges")
    notice = reading_text(station.history.document(decision.documents[0].number, reprint=False).pdf)

    assert panel.ui.fillValue.text() == f"{shown} left"
    assert f"{shown} of its {line.category} left" in panel.ui.reasonsLabel.text()
    assert gauge.ui.fillGauge.text() == f"{shown} left"
    assert lines.index(decided_row, titles.index("Fill")).data() == shown
    assert denied_fill.rows[0][-3:] == (shown, shown, shown)  # lowest, median and highest of the one denial
    assert f"Fill level {shown} of a full cartridge" in notice
    timeline = EventModel()
    timeline.set_records(detail.events)
    shown_events = [timeline.index(row, 1).data() for row in range(timeline.rowCount())]
    decided_event = f"Decision made — line {line.line} unit 1 · {weight} g typed by hand · denied · "
    assert any(event.startswith(decided_event) for event in shown_events), shown_events


def toner(reason: ReturnReason, price: str = "54.99") -> ReturnFacts:
    return ReturnFacts(
        reason=reason,
        item=Item("TN-660", Category.TONER, Money.of(price), 1),
        dates=ReturnDates(date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 3), date(2026, 3, 6), date(2026, 3, 16)),
        payment_method=PaymentMethod.CARD,
        fill=FillMeasurement(Decimal("812.4"), Decimal("815.0"), Decimal("590.0")),
    )


def test_the_headline_names_a_restocking_fee(qtbot) -> None:
    policy = shipped_policies()["image-pro-services"]  # 15% on a return that is not the seller's fault
    panel = DecisionPanel()
    qtbot.add_widget(panel)

    label = panel.ui.outcomeLabel

    panel.show_judgement(Judgement(decide(policy, toner(ReturnReason.NOT_NEEDED)), "refund", (), None))
    with_fee = (label.accessibleDescription(), label.text())
    panel.show_judgement(Judgement(decide(policy, toner(ReturnReason.DEFECTIVE)), "refund", (), None))

    assert with_fee[0] == "✔ REFUND less 15% fee"  # what a screen reader says
    assert with_fee[1].startswith("✔ REFUND<br><span") and with_fee[1].endswith(">less 15% fee</span>")  # smaller
    assert (label.accessibleDescription(), label.text()) == ("✔ REFUND", "✔ REFUND")


@pytest.mark.parametrize(
    ("merchandise", "fee", "shown"),
    [
        ("54.99", "8.25", "REFUND less 15% fee"),
        ("54.99", "6.87", "REFUND less 12.5% fee"),
        ("1000.00", "123.40", "REFUND less $123.40 fee"),  # 12.34%: neither 12% nor 12.3% gives the fee
    ],
)
def test_the_fee_is_named_by_the_rate_that_gives_it_exactly_or_else_by_its_amount(merchandise, fee, shown) -> None:
    amounts = Amounts(Money.of(merchandise), Money.of(fee), Money.zero(), Money.zero())
    assert headline("refund", amounts) == shown
    assert headline("denied", amounts) == "DENIED"


def test_the_idle_lock_says_why_the_sign_in_is_back(qtbot, station) -> None:
    with running_session(qtbot, station, idle_ms=300) as session:
        dialog = session.sign_in
        sign_in_by_keys(qtbot, session, "receiver", "1111")

        qtbot.waitUntil(lambda: dialog.isVisible() and not session.window.isVisible(), timeout=5_000)

        minutes = station.settings.idle_lock_minutes
        assert dialog.ui.messageLabel.text() == lock_notice(minutes)
        assert dialog.ui.messageLabel.text() == f"Locked after {minutes} minutes without use — sign in again."
        assert lock_notice(1) == "Locked after 1 minute without use — sign in again."
