"""Parcels without an RMA at the bench, by keyboard and scanner alone: a carrier's number that no RMA
carries is kept for F12; F12 records the parcel, its label, sender and notes, and each item scanned
with its weight from the scale (or typed) and its photos; Enter records it and shows its number,
license plate and place; Escape cancels only what is not recorded. A tracking number that an RMA
carries opens that RMA, and an unidentified return's plate is answered with the return it is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from receiving_app.domain.tracking import Carrier
from receiving_app.gui import unidentified_items
from receiving_app.gui.main_window import MainWindow
from tests.support.demo_users import RECEIVER
from tests.support.gui_accessibility import unnamed_controls
from tests.support.gui_keyboard import Keyboard, open_rma, wait_until_idle
from tests.support.gui_parcels import DrivenScaleFeed, not_arrived, not_arrived_by
from tests.support.parcels import UPS_OTHER, parcel_records, parcels

TONER_UPC = "082002977276"  # the demo catalog's TN-660: 590 g empty, 815 g full
INK_SKU = "CN-PG245XL"  # 28.7 g empty, 39.0 g full
SENDER = "J. Doe, 12 Elm Street"


@pytest.fixture
def scale() -> DrivenScaleFeed:
    return DrivenScaleFeed()


@pytest.fixture
def window(qtbot, station, runner, wedge, scale) -> MainWindow:
    main = MainWindow(station, RECEIVER, runner, wedge, scale)
    qtbot.add_widget(main)
    main.resize(1600, 1000)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    yield main
    wait_until_idle(qtbot, runner)


@pytest.fixture
def photo(tmp_path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#884422"))
    path = tmp_path / "crushed-corner.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def photo_files(monkeypatch, photo):
    """F7 on a station without a camera: the file chooser, which picks the test's photo."""
    monkeypatch.setattr(unidentified_items, "station_has_camera", lambda: False)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_args: ([str(photo)], "")))


def focused():
    return QApplication.focusWidget()


def test_a_parcel_without_an_rma_is_recorded_with_two_items_by_keyboard_and_scanner_alone(
    qtbot, window, keyboard: Keyboard, runner, station, scale, photo_files
) -> None:
    screen = window.receiving
    keyboard.scan(UPS_OTHER)  # a carrier's number no RMA carries
    qtbot.waitUntil(lambda: "Press F12" in screen.feedback_text)
    assert screen.feedback_text.endswith("Press F12 to record it as a parcel without an RMA.")
    assert screen.unidentified.last_unknown_label == UPS_OTHER

    keyboard.press(Qt.Key.Key_F12)
    panel = screen.unidentified.panel
    assert panel.isVisible() and not screen.ui.columnsScroll.isVisible()
    assert panel.ui.labelEdit.text() == UPS_OTHER and focused() is panel.ui.labelEdit
    assert unnamed_controls(window) == []
    wait_until_idle(qtbot, runner)  # the catalog, to name the items
    keyboard.press(Qt.Key.Key_Return)
    assert focused() is panel.ui.senderEdit
    keyboard.type(SENDER)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.type("Box crushed on one corner")
    keyboard.press(Qt.Key.Key_Return)
    assert focused() is panel.ui.itemsTable

    keyboard.scan(TONER_UPC)
    assert screen.feedback_text == "✔ Item 1: TN-660. Weigh it (W)."
    scale.set_on_pan("702.4")
    keyboard.press(Qt.Key.Key_W)
    assert panel.weight.captured.grams == Decimal("702.4")
    keyboard.scan(INK_SKU)
    scale.still("702.4")  # the toner still on the pan, untouched: its weight is taken
    keyboard.press(Qt.Key.Key_W)
    assert panel.weight.captured is None
    assert "captured for item 1" in panel.weight.ui.problemLabel.text()
    keyboard.press(Qt.Key.Key_M)
    keyboard.type("35.1 g")
    keyboard.press(Qt.Key.Key_Return)
    assert focused() is panel.ui.itemsTable
    keyboard.press(Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.unidentified.items[-1].photos != ())
    rows = [[panel.items.index(row, column).data() for column in (0, 2, 3, 4, 5)] for row in range(2)]
    assert rows == [
        ["1", "TN-660 Brother TN-660 high-yield black toner", "702.4 g", "0", "not yet"],
        ["2", "CN-PG245XL Canon PG-245XL black ink (remanufactured)", "35.1 g", "1", "not yet"],
    ]
    before = parcel_records(station)

    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "recorded, 2 items" in screen.feedback_text, timeout=10_000)

    number = panel.ui.numberValue.text().split(" ")[0]
    recorded = station.unidentified.show(number, mask_sender=False)
    assert (recorded.tracking_number, recorded.carrier, recorded.sender) == (UPS_OTHER, "UPS", SENDER)
    assert recorded.notes == "Box crushed on one corner" and recorded.found_with_rma is None
    assert [(item.sku, item.grams, item.weight_source, item.photos) for item in recorded.items] == [
        ("TN-660", Decimal("702.4"), "simulated", 0),
        (INK_SKU, Decimal("35.1"), "manual", 1),
    ]
    assert panel.ui.plateValue.text() == recorded.lpn
    assert panel.ui.placeValue.text() == f"Put it on: {recorded.place}"
    qtbot.waitUntil(lambda: f"plate {recorded.lpn}" in screen.feedback_text, timeout=10_000)
    assert screen.feedback_text.startswith(f"✔ {number} recorded, 2 items: plate {recorded.lpn} ")
    assert screen.feedback_text.endswith(f"; it goes to {recorded.place}.")
    after = parcel_records(station)
    assert after["unidentified_returns"] == before["unidentified_returns"] + 1
    assert after["unidentified_items"] == before["unidentified_items"] + 2
    assert (UPS_OTHER, "tracking", "ups", None, "bench") in parcels(station)
    assert all(item.recorded for item in panel.items.records())

    keyboard.press(Qt.Key.Key_Return)  # back to the bench
    assert not panel.isVisible() and screen.ui.columnsScroll.isVisible()
    assert screen.unidentified.last_unknown_label == ""


def test_items_not_on_the_rma_on_screen_are_found_with_it_and_escape_cancels_before_recording(
    qtbot, window, keyboard, runner, station
) -> None:
    rma = not_arrived(station)[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    screen = window.receiving
    before = parcel_records(station)

    keyboard.press(Qt.Key.Key_F12)
    panel = screen.unidentified.panel
    assert panel.ui.parcelGroup.title() == f"Items not on {rma.number}"
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.scan(TONER_UPC)
    keyboard.press(Qt.Key.Key_N)  # the bench's inspection keys wait while the panel is open
    assert screen.feedback_text.startswith("• Finish the parcel without an RMA first")
    keyboard.press(Qt.Key.Key_Escape)

    assert not panel.isVisible() and screen.ui.columnsScroll.isVisible()
    assert screen.feedback_text == "• Parcel without an RMA cancelled: nothing was recorded."
    assert focused() is screen.ui.linesTable
    assert parcel_records(station) == before

    keyboard.press(Qt.Key.Key_F12)  # again, and this time recorded: found with the RMA on screen
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.press(Qt.Key.Key_Return)
    keyboard.scan(TONER_UPC)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "recorded, 1 item" in screen.feedback_text, timeout=10_000)
    keyboard.press(Qt.Key.Key_Escape)  # once finished, Escape too goes back to the bench
    assert not panel.isVisible()
    found = station.unidentified.list_open()[0]
    assert found.found_with_rma == rma.number and [item.sku for item in found.items] == ["TN-660"]


def test_escape_cannot_cancel_once_the_return_is_recorded(
    qtbot, window, keyboard, runner, station, monkeypatch, tmp_path
) -> None:
    unreadable = tmp_path / "blurred.png"
    unreadable.write_bytes(b"not a picture at all")
    monkeypatch.setattr(unidentified_items, "station_has_camera", lambda: False)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_args: ([str(unreadable)], "")))
    screen = window.receiving
    keyboard.press(Qt.Key.Key_F12)
    keyboard.type("HANDWRITTEN 7")
    for _field in range(3):
        keyboard.press(Qt.Key.Key_Return)
    keyboard.scan("NOT-A-CATALOG-CODE")
    assert screen.unidentified.items[0].product is None
    keyboard.press(Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: screen.unidentified.items[0].photos != ())
    keyboard.press(Qt.Key.Key_Return)  # the return is recorded; its item is refused for its photo
    qtbot.waitUntil(lambda: "Enter tries again" in screen.feedback_text, timeout=10_000)
    assert "blurred.png cannot be read as a picture" in screen.feedback_text

    keyboard.press(Qt.Key.Key_Escape)

    panel = screen.unidentified.panel
    assert panel.isVisible()
    number = panel.ui.numberValue.text().split(" ")[0]
    assert screen.feedback_text == f"≈ {number} is recorded already: Enter records the rest."
    assert station.unidentified.show(number).items == ()
    assert not screen.unidentified.items[0].recorded


def test_a_tracking_number_scanned_at_the_bench_opens_its_rma_and_the_parcel_arrives_there(
    qtbot, window, keyboard, runner, station
) -> None:
    rma, tracking = not_arrived_by(station, Carrier.FEDEX)
    with qtbot.waitSignal(window.receiving.rma_shown) as shown:
        keyboard.scan(tracking.number)
    wait_until_idle(qtbot, runner)

    assert shown.args[0].number == rma.number
    assert window.receiving.feedback_text.startswith(f"✔ Opened {rma.number}")
    assert (tracking.number, "tracking", "fedex", rma.number, "bench") in parcels(station)


def test_an_unidentified_returns_plate_scanned_at_the_bench_says_what_it_is(qtbot, window, keyboard, station) -> None:
    waiting = station.unidentified.list_open()[-1]
    keyboard.scan(waiting.lpn)
    screen = window.receiving
    qtbot.waitUntil(lambda: waiting.number in screen.feedback_text)

    assert screen.feedback_text == (
        f"✖ {waiting.lpn} is unidentified return {waiting.number} (open): it waits to be matched by the back office."
    )
    assert screen.unidentified.last_unknown_label == ""  # a known plate is not a label for F12
