"""The RMA's parcel label printed from the window: F5 on the receiving screen, and History's RMA detail.

The station's printers file PDFs into the test's folder (tests/support/gui_station.py), so what came out
is read back as a person or the dock's scanner would: its barcode decoded from a 203 dpi raster."""

from __future__ import annotations

from PySide6.QtCore import Qt

from receiving_app.gui.keyboard_map import Command, binding_for
from receiving_app.gui.pages.history import HistoryPage
from receiving_app.gui.style import BAD, GOOD
from tests.support.demo_rmas import open_rmas
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import open_rma, wait_until_idle
from tests.support.pdf import decode_code128, rasterize_page

WAIT_MS = 15_000


def label_prints(station, number: str) -> list[tuple[str, str, str]]:
    return [
        (event.type, event.user, event.station)
        for event in station.history.show_rma(number).events
        if event.type.startswith("label_print")
    ]


def test_f5_prints_the_open_rmas_label_and_says_where_it_went(
    qtbot, window, keyboard, station, runner, printed_folder
) -> None:
    rma = open_rmas(station, lines=2)[0]
    open_rma(qtbot, window, keyboard, runner, rma)
    screen = window.receiving

    with qtbot.waitSignal(
        screen.feedback_shown, check_params_cb=lambda text: text.startswith("Label"), timeout=WAIT_MS
    ):
        keyboard.press(Qt.Key.Key_F5)
    wait_until_idle(qtbot, runner)

    assert screen.feedback_text == f"{GOOD.symbol} Label for {rma.number} saved to folder {printed_folder}."
    assert decode_code128(rasterize_page((printed_folder / f"{rma.number}.pdf").read_bytes(), dpi=203)) == [rma.number]
    assert label_prints(station, rma.number) == [("label_printed", "receiver", "bench-test")]
    assert screen.rma.number == rma.number and screen.current_line is not None  # the clerk's place is kept


def test_f5_with_no_rma_open_says_to_scan_one_and_prints_nothing(
    qtbot, window, keyboard, runner, printed_folder
) -> None:
    keyboard.press(Qt.Key.Key_F5)

    assert window.receiving.feedback_text == f"{BAD.symbol} Scan an RMA first; then F5 prints its parcel label."
    assert not runner.busy
    assert not printed_folder.exists() or not any(printed_folder.iterdir())


def test_the_label_key_is_in_the_keyboard_map_and_clashes_with_no_other(window) -> None:
    binding = binding_for(Command.PRINT_LABEL)
    table = window.ui.keyboardMapTable
    rows = [(table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())]
    assert (binding.label, binding.description) in rows
    assert [label for label, _ in rows].count(binding.label) == 1


def test_historys_print_label_button_prints_the_label_and_puts_it_on_the_timeline(
    qtbot, station, printed_folder
) -> None:
    number = station.history.list_rmas()[0].number
    page = HistoryPage(station, RECEIVER)
    qtbot.add_widget(page)
    with qtbot.waitSignal(page.search_finished, timeout=WAIT_MS):
        page.show()
    detail = page.detail
    assert not detail.ui.printLabelButton.isEnabled()  # nothing to print before an RMA is shown
    with qtbot.waitSignal(page.rma_opened, timeout=WAIT_MS):
        page.open_rma(number)

    with qtbot.waitSignal(detail.label_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(detail.ui.printLabelButton, Qt.MouseButton.LeftButton)

    said = f"Label for {number} saved to folder {printed_folder}."
    assert finished.args == [True, said]
    assert detail.ui.messageLabel.text() == f"{GOOD.symbol} {said}"
    assert decode_code128(rasterize_page((printed_folder / f"{number}.pdf").read_bytes(), dpi=203)) == [number]
    assert ("label_printed", "receiver") in [(event.type, event.user) for event in detail.events.records()]
