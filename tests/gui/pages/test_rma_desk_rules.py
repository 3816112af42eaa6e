"""The New RMA tab's "Rules as of" chooser: the order's seller's versions newest first, today's marked
and chosen; choosing, by keyboard, a version published to take effect next week asks the policy again
and the line's verdict changes, while Enter still creates the RMA under today's version.

Image-Pro's version of next week takes back a not-needed return for 10 days from the shipment in place
of 30; the order was shipped 13 days ago."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from receiving_app.gui.pages.rma_desk import RmaDeskPage
from tests.support.demo_users import USERS
from tests.support.desk_orders import Order, OrderLine, add_orders
from tests.support.desk_versions import INSTALLED, SHORTER_WINDOW, publish_windows

WAIT_MS = 15_000
ORDER = "SO-DESK-RULES"


@pytest.fixture
def tab(qtbot, station):
    """The New RMA tab with the order's line 1 asked back as not needed, checked under today's rules."""
    shipped = date.today() - timedelta(days=13)
    add_orders(station, Order(ORDER, lines=(OrderLine("TN-660", 1),), purchased=shipped, shipped=shipped))
    page = RmaDeskPage(station, USERS["receiver"])
    qtbot.add_widget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    new_rma = page.new_rma
    with qtbot.waitSignal(new_rma.rules.versions_shown, timeout=WAIT_MS):
        new_rma.show_order(ORDER)
    new_rma.lines.spins[1].setValue(1)
    with qtbot.waitSignal(new_rma.checked, timeout=WAIT_MS):
        new_rma.ui.reasonCombo.setCurrentIndex(new_rma.ui.reasonCombo.findData("not_needed"))
    yield new_rma
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


@pytest.fixture
def next_week(station) -> str:
    """The version published to take effect in seven days."""
    return publish_windows(station, SHORTER_WINDOW, date.today() + timedelta(days=7)).version


def test_choosing_next_weeks_version_by_keyboard_changes_the_verdict_shown(qtbot, station, next_week, tab) -> None:
    combo = tab.rules.combo
    assert [combo.itemText(row) for row in range(combo.count())] == [next_week, f"today ({INSTALLED})"]
    assert combo.itemData(0, Qt.ItemDataRole.ToolTipRole) == f"{next_week} (from {next_week})"
    assert combo.currentIndex() == 1 and tab.rules.chosen() is None
    assert tab.lines.verdict_text(1).endswith("Line 1: authorized")
    assert "Enter creates the RMA" in tab.ui.checkLabel.text()

    tab.lines.spins[1].setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is combo
    with qtbot.waitSignal(tab.checked, timeout=WAIT_MS) as checked:
        qtbot.keyClick(combo, Qt.Key.Key_Up)  # newest first: next week's is above today's

    verdict = checked.args[0]
    assert not verdict.authorized and verdict.rules.version == next_week
    assert "outside the return window" in tab.lines.verdict_text(1)
    said = tab.ui.checkLabel.text()
    assert "The policy refuses a line" in said
    assert f"An RMA created now is authorized under version {INSTALLED}, in force today." in said

    with qtbot.waitSignal(tab.created, timeout=WAIT_MS) as created:
        tab.authorize()  # under today's rules, which authorize it: no supervisor is asked

    assert created.args[0].supervisor is None and created.args[0].verdict.rules.version == INSTALLED


def test_a_seller_with_one_version_offers_nothing_to_choose(tab) -> None:
    combo = tab.rules.combo
    assert [combo.itemText(row) for row in range(combo.count())] == [f"today ({INSTALLED})"]
    assert not combo.isEnabled() and combo.objectName() and combo.accessibleName()
