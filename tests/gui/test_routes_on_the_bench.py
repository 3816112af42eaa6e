"""Where each cartridge goes, on the bench: the decision panel names the route and what to do with
the cartridge before Enter; the one fact only the routes ask for (whether an original empty was ever
refilled) has its own key, V, which the panel names when the routes need it; and once recorded, the
feedback line names the unit's license plate and where it goes. By keyboard alone, checked through
the services and the database afterwards."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSize, Qt

from receiving_app.bootstrap import load_shipped_routing
from receiving_app.gui.dialogs import OverrideDialog
from receiving_app.gui.keyboard_map import Command
from receiving_app.gui.main_window import MainWindow
from tests.support.demo_rmas import WEIGHED, open_rmas
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import accept, check_as_sold, open_rma, shown_dialog, wait_until_idle, weigh_by_hand
from tests.support.gui_session import on_screen
from tests.support.screen_geometry import DESKTOP, LAPTOP, on_window, shown_part

ASKS_FOR_VIRGIN = "Still to check, to know where it goes: virgin empty (never refilled) [V]."
LICENSE_PLATE = re.compile(r"LP\d{8}")


def unwanted_cartridge(station, *, quantity: int = 1):
    """An open RMA of one line: an original (OEM) cartridge the customer did not want, for a refund
    under a policy that takes opened ones back too (so an empty one is refunded, not denied or sent
    to its vendor, and its route turns on whether it was ever refilled)."""
    originals = {item.sku for item in station.catalog.list_items() if item.make == "oem"}
    return next(
        rma
        for rma in open_rmas(station, lines=1, policy="4inkjets")
        if (line := rma.lines[0]).quantity == quantity
        and line.category in WEIGHED
        and line.sku in originals
        and line.reason in ("ordered_wrong", "not_needed")
    )


@pytest.fixture
def window(request, qtbot, station, runner, wedge) -> MainWindow:
    """The window as the conftest makes it, or fitted to a bench screen where a test names one."""
    size = getattr(request, "param", None)
    main = MainWindow(station, RECEIVER, runner, wedge)
    return on_screen(qtbot, main, screen=size) if size is not None else on_screen(qtbot, main, size=QSize(1600, 1000))


def route(name: str):
    return load_shipped_routing().routes[name]


def inspection_rows(station, number: str):
    with station.units.read() as uow:
        rows = uow.records.inspections_for_rma(uow.records.rma(number).id)
        return [(row.unit_no, row.virgin) for row in rows]


def test_a_sealed_full_cartridge_shows_where_it_goes_before_enter_and_its_plate_after(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = unwanted_cartridge(station)
    open_rma(qtbot, window, keyboard, runner, rma)
    panel = window.receiving.decision_panel
    # Nothing is decided, so nothing is sorted yet.
    assert panel.routeLabel.accessibleDescription() == "Goes to: —" and not panel.instructionLabel.isVisible()

    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")
    check_as_sold(qtbot, keyboard, runner)
    assert panel.outcome == "refund"
    assert panel.routeLabel.accessibleDescription() == "Goes to: Back to stock, new"
    assert panel.instructionLabel.isVisible()
    assert panel.instructionLabel.text() == route("restock_new").instruction

    result = accept(qtbot, window, keyboard, runner)
    plate = result.decision.license_plate
    assert LICENSE_PLATE.fullmatch(plate) and result.decision.route == "restock_new"
    assert f"{plate} → Back to stock, new." in window.receiving.feedback_text
    # The RMA closed on its only unit, which the screen now shows as recorded, plate and all.
    assert panel.outcome == "refund" and panel.instructionLabel.text() == f"License plate {plate}."


def test_an_original_empty_asks_for_v_and_is_decided_once_v_is_pressed(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = unwanted_cartridge(station)
    open_rma(qtbot, window, keyboard, runner, rma)
    screen = window.receiving
    panel, virgin = screen.decision_panel, screen.inspection_panel.check(Command.VIRGIN)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].empty_g} g")
    keyboard.press(Qt.Key.Key_O)  # opened, otherwise as sold
    wait_until_idle(qtbot, runner)
    assert virgin.value is None  # O answers the inspection, never whether it was refilled
    assert panel.outcome == "waiting" and panel.routeLabel.accessibleDescription() == "Goes to: —"
    assert panel.ui.reasonsLabel.text() == ASKS_FOR_VIRGIN
    unchecked = screen.inspection_panel.ui.uncheckedLabel
    assert unchecked.text() == "… Not checked: virgin empty (never refilled)."  # asked of this unit only

    keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)
    assert screen.feedback_text == f"✖ Line 1 is not decided. {ASKS_FOR_VIRGIN}"
    assert station.history.show_rma(rma.number).decisions == ()

    keyboard.press(Qt.Key.Key_V)
    wait_until_idle(qtbot, runner)
    assert virgin.value is True and virgin.text() == "[V]  Virgin empty: yes"
    assert unchecked.text() == "✔ Every fact checked."
    assert panel.routeLabel.accessibleDescription() == "Goes to: Virgin empty"
    assert panel.instructionLabel.text() == route("empties_virgin").instruction

    result = accept(qtbot, window, keyboard, runner)
    assert result.decision.route == "empties_virgin"
    assert inspection_rows(station, rma.number) == [(1, True)]
    assert f"{result.decision.license_plate} → Virgin empty." in screen.feedback_text


def test_v_is_asked_afresh_of_every_unit_and_n_and_o_leave_it_alone(qtbot, window, keyboard, station, runner) -> None:
    rma = next(rma for rma in open_rmas(station, lines=1) if rma.lines[0].quantity >= 2)
    open_rma(qtbot, window, keyboard, runner, rma)
    inspection = window.receiving.inspection_panel
    virgin = inspection.check(Command.VIRGIN)
    assert virgin.value is None and virgin.text() == "[V]  Virgin empty: —"

    keyboard.press(Qt.Key.Key_V)
    keyboard.press(Qt.Key.Key_N)
    assert virgin.value is True
    # The routes ask for it only of original empties: it is never one of the facts left to check.
    assert inspection.ui.uncheckedLabel.text() == "✔ Every fact checked."
    keyboard.press(Qt.Key.Key_V)
    keyboard.press(Qt.Key.Key_O)
    assert virgin.value is False

    keyboard.press(Qt.Key.Key_Right)  # the line's second unit
    wait_until_idle(qtbot, runner)
    assert window.receiving.current_unit == 2
    assert virgin.value is None and inspection.virgin() is None
    assert window.receiving.command().virgin is None


def test_an_override_of_an_original_empty_nobody_answered_v_for_names_v_and_records_nothing(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = unwanted_cartridge(station)
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].empty_g} g")
    keyboard.press(Qt.Key.Key_F6)
    shown_dialog(qtbot, window, OverrideDialog)
    keyboard.type("supervisor")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("supervisor-demo")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.press(Qt.Key.Key_Down)  # a replacement: sorted as an empty all the same
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("loyal customer")
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "is not decided" in window.receiving.feedback_text, timeout=10_000)
    wait_until_idle(qtbot, runner)
    assert window.receiving.feedback_text == f"✖ Line 1 is not decided. {ASKS_FOR_VIRGIN}"
    assert station.history.show_rma(rma.number).decisions == ()


@pytest.mark.parametrize("window", [LAPTOP, DESKTOP], ids=["1366x768", "1920x1080"], indirect=True)
def test_where_it_goes_and_what_to_do_are_read_whole_without_scrolling_on_both_bench_screens(
    qtbot, window, keyboard, station, runner
) -> None:
    rma = unwanted_cartridge(station)
    open_rma(qtbot, window, keyboard, runner, rma)
    weigh_by_hand(qtbot, keyboard, runner, f"{rma.lines[0].full_g} g")
    check_as_sold(qtbot, keyboard, runner)
    panel = window.receiving.decision_panel
    assert panel.routeLabel.accessibleDescription() == "Goes to: Back to stock, new"
    scroll = window.receiving.ui.columnsScroll
    assert scroll.verticalScrollBar().maximum() == 0
    for label in (panel.routeLabel, panel.instructionLabel):
        assert label.isVisible()
        assert shown_part(label, window) == on_window(label, window), label.objectName()
        assert label.heightForWidth(label.width()) <= label.height(), f"{label.objectName()} is cut short"
    reasons = panel.ui.reasonsScroll.verticalScrollBar()
    assert reasons.value() == 0  # the instruction heads the reasons, in sight without scrolling them
