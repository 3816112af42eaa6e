"""The dock's Check-in page by scanner alone: Ctrl+7, then one scan per parcel off the cart. Each label
is recorded once, whatever it is (an RMA label, a UPS, FedEx or USPS barcode, a label that names
nothing); the banner and the beeps answer each scan; a second scan of a label says who checked it in
and records nothing; a label typed by hand checks in the same way."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from receiving_app.domain.tracking import Carrier
from receiving_app.gui.app import station_window
from receiving_app.gui.keyboard_map import Command, binding_for
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.pages.check_in import CheckInPage
from receiving_app.services.report_days import midnight
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import Keyboard, wait_until_idle
from tests.support.gui_parcels import not_arrived, not_arrived_by
from tests.support.gui_session import on_screen
from tests.support.parcels import UPS_OTHER, events_of, parcels

UNKNOWN_LABEL = "SHIP TO DOCK 4"
FEDEX_BARCODE_START = "1071804952390002087800"  # a FedEx Express label's 34 digits end in its 12-digit number
USPS_ROUTING = "42022153"  # GS1's routing element and the ship-to ZIP Code, before a USPS number


class HeardSounds:
    """The page's speaker, listened to: one beep or two per answer."""

    def __init__(self) -> None:
        self.heard: list[str] = []

    def checked_in(self) -> None:
        self.heard.append("beep")

    def look_again(self) -> None:
        self.heard.append("beep beep")


@pytest.fixture
def window(qtbot, station, runner, wedge) -> MainWindow:
    yield on_screen(qtbot, station_window(station, RECEIVER, runner, wedge, None), size=QSize(1600, 1000))
    wait_until_idle(qtbot, runner)


def open_check_in(qtbot, window: MainWindow, keyboard: Keyboard) -> CheckInPage:
    """Ctrl+7, as the dock clerk presses it, with the page's speaker listened to."""
    binding = binding_for(Command.CHECK_IN_PAGE)
    keyboard.clock.advance(0.5)
    qtbot.keyClick(keyboard.focus(), binding.key, binding.modifiers)
    keyboard.clock.advance(0.5)
    page = window.ui.pageStack.currentWidget()
    assert isinstance(page, CheckInPage)
    assert page.isAncestorOf(QApplication.focusWidget())
    page.sounds = HeardSounds()
    return page


def scan_parcel(qtbot, page: CheckInPage, keyboard: Keyboard, label: str):
    """One parcel's label scanned by the wedge: the outcome the page showed."""
    with qtbot.waitSignal(page.answered, timeout=10_000) as answered:
        keyboard.scan(label)
    return answered.args[0]


def test_a_mixed_cart_is_checked_in_once_each_by_scanner_alone(qtbot, window, keyboard, station) -> None:
    by_ups, ups = not_arrived_by(station, Carrier.UPS)
    by_fedex, fedex = not_arrived_by(station, Carrier.FEDEX)
    by_usps, usps = not_arrived_by(station, Carrier.USPS)
    by_rma = next(rma for rma in not_arrived(station) if rma not in (by_ups, by_fedex, by_usps))
    before = parcels(station)
    page = open_check_in(qtbot, window, keyboard)

    first = scan_parcel(qtbot, page, keyboard, by_rma.number)
    assert page.ui.answerLabel.text() == f"✔ Checked in: {by_rma.number}"
    lines = len(by_rma.lines)
    assert page.ui.answerDetailLabel.text() == f"{by_rma.number} arrived: {lines} line{'s' if lines != 1 else ''}."
    assert first.rma == by_rma.number and not first.already_checked_in
    scan_parcel(qtbot, page, keyboard, ups.number)
    assert page.ui.answerLabel.text() == f"✔ Checked in: {by_ups.number} (UPS label)"
    scan_parcel(qtbot, page, keyboard, FEDEX_BARCODE_START + fedex.number)
    assert page.ui.answerLabel.text() == f"✔ Checked in: {by_fedex.number} (FedEx label)"
    scan_parcel(qtbot, page, keyboard, USPS_ROUTING + usps.number)
    assert page.ui.answerLabel.text() == f"✔ Checked in: {by_usps.number} (USPS label)"
    unknown = scan_parcel(qtbot, page, keyboard, UNKNOWN_LABEL)
    assert page.ui.answerLabel.text() == "≈ No RMA: put this parcel on the unidentified shelf"
    assert "unidentified shelf" in page.ui.answerDetailLabel.text() and unknown.rma is None
    stranger = scan_parcel(qtbot, page, keyboard, UPS_OTHER)
    assert page.ui.answerLabel.text() == "≈ No RMA: put this parcel on the unidentified shelf"
    assert stranger.carrier_name == "UPS" and stranger.rma is None

    assert page.sounds.heard == ["beep"] * 4 + ["beep beep"] * 2
    assert parcels(station) == [
        *before,
        (by_rma.number, "rma", None, by_rma.number, "dock"),
        (ups.number, "tracking", "ups", by_ups.number, "dock"),
        (fedex.number, "tracking", "fedex", by_fedex.number, "dock"),
        (usps.number, "tracking", "usps", by_usps.number, "dock"),
        (UNKNOWN_LABEL, "unknown", None, None, "dock"),
        (UPS_OTHER, "tracking", "ups", None, "dock"),
    ]
    table = page.ui.parcelsTable.model()
    listed = [[table.index(row, column).data() for column in range(1, 5)] for row in range(table.rowCount())]
    assert listed == [
        [stranger.tracking_display, "UPS", "no RMA", "receiver"],
        [UNKNOWN_LABEL, "—", "no RMA", "receiver"],
        [usps.display, "USPS", by_usps.number, "receiver"],
        [fedex.display, "FedEx", by_fedex.number, "receiver"],
        [ups.display, "UPS", by_ups.number, "receiver"],
        [by_rma.number, "—", by_rma.number, "receiver"],
    ]
    with station.units.read() as uow:
        today = uow.records.parcels_checked_in_since(midnight(date.today(), None))
    assert today >= 6
    assert page.ui.countLabel.text() == (
        f"Today at the dock: {today} · This session: 6 · without an RMA: 2 · scanned again: 0"
    )


def test_a_second_scan_says_already_checked_in_and_records_nothing(qtbot, window, keyboard, station) -> None:
    rma = not_arrived(station)[0]
    page = open_check_in(qtbot, window, keyboard)
    first = scan_parcel(qtbot, page, keyboard, rma.number)
    recorded = parcels(station)

    again = scan_parcel(qtbot, page, keyboard, rma.number)

    at = f"{first.arrived_at.astimezone():%H:%M}"
    assert again.already_checked_in
    assert page.ui.answerLabel.text() == f"≈ Already checked in at {at} by receiver at bench-test"
    assert page.ui.answerDetailLabel.text() == f"{rma.number}: this scan recorded nothing new."
    assert parcels(station) == recorded  # nothing new recorded
    assert page.sounds.heard == ["beep", "beep beep"]
    assert page.parcels.rowCount() == 1  # the parcel is listed once
    assert page.ui.countLabel.text().endswith("This session: 1 · without an RMA: 0 · scanned again: 1")


def test_a_label_typed_by_hand_checks_in_with_f2_and_enter(qtbot, window, keyboard, station) -> None:
    rma, ups = not_arrived_by(station, Carrier.UPS)
    before = parcels(station)
    page = open_check_in(qtbot, window, keyboard)

    keyboard.press(Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.ui.labelEdit
    keyboard.type(ups.display.lower())  # as printed under the barcode, spaces and all, typed slowly
    with qtbot.waitSignal(page.answered, timeout=10_000) as answered:
        keyboard.press(Qt.Key.Key_Return)

    assert answered.args[0].rma == rma.number
    assert page.ui.labelEdit.text() == ""
    assert parcels(station) == [*before, (ups.number, "tracking", "ups", rma.number, "dock")]


def test_a_garbled_scan_or_a_product_barcode_is_refused_in_red_with_two_beeps(qtbot, window, keyboard, station) -> None:
    before, refusals = parcels(station), len(events_of(station, "scan_rejected"))
    page = open_check_in(qtbot, window, keyboard)

    with qtbot.waitSignal(page.problem_shown) as shown:
        keyboard.scan("]E0082002977270")  # a product barcode with a wrong check digit
    assert shown.args[0].startswith("Scan not understood:")
    assert page.ui.answerLabel.text().startswith("✖ Scan not understood:")
    qtbot.waitUntil(lambda: len(events_of(station, "scan_rejected")) == refusals + 1)  # as the bench records it
    with qtbot.waitSignal(page.problem_shown, timeout=10_000) as shown:
        keyboard.scan("082002977276")  # a cartridge's UPC: not a parcel's label
    assert "product's barcode" in shown.args[0]
    assert page.ui.answerLabel.text().startswith("✖ Not checked in:")
    assert page.sounds.heard == ["beep beep", "beep beep"]
    assert parcels(station) == before
    assert window.ui.pageStack.currentWidget() is page  # a scan at the dock never takes the clerk to Receiving
