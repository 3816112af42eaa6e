"""Fixtures for the station window's tests: a real demo database per test, printers that file PDFs
into the test's folder, a clock the tests move by hand, and the window signed in as a receiver."""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QProgressBar,
    QWidget,
)

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.domain.facts import Condition, Flags
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.scan_wedge import ScanWedge
from receiving_app.gui.style import apply_station_style
from receiving_app.services.auth import SignedInUser
from receiving_app.services.settings import DOCUMENT_PRINTER_KEYS
from receiving_app.services.station import Station

DEMO_RMAS = 40
DEMO_SEED = 7
DATABASE_NAME = "station.sqlite3"
RECEIVER = SignedInUser("receiver", "Riley Receiver", "receiver")
INTERKEY_MS = 35


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def write_settings(folder: Path, **overrides) -> Path:
    printed = folder / "printed"
    settings = {
        "station_id": "bench-test",
        "printers": {document: {"backend": "folder", "folder": str(printed)} for document in DOCUMENT_PRINTER_KEYS},
        "scale": {"protocol": "simulated", "settle_readings": "1"},
        "scanner": {"prefix": "", "suffix": "", "max_interkey_ms": str(INTERKEY_MS)},
        **overrides,
    }
    path = folder / "settings.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """One filled demo database, copied for each test (filling it costs more than copying it)."""
    folder = tmp_path_factory.mktemp("demo")
    station = bootstrap(f"sqlite:///{folder / DATABASE_NAME}", settings_path=write_settings(folder))
    fill_demo_data(station, rmas=DEMO_RMAS, seed=DEMO_SEED)
    station.close()
    return folder / DATABASE_NAME


@pytest.fixture
def station(tmp_path, demo_database) -> Iterator[Station]:
    shutil.copy(demo_database, tmp_path / DATABASE_NAME)
    opened = bootstrap(f"sqlite:///{tmp_path / DATABASE_NAME}", settings_path=write_settings(tmp_path))
    yield opened
    opened.close()


@pytest.fixture
def printed_folder(tmp_path) -> Path:
    return tmp_path / "printed"


@pytest.fixture
def runner(qapp) -> Iterator[OperationRunner]:
    apply_station_style(qapp)
    operations = OperationRunner()
    yield operations
    operations.wait_for_done()
    QApplication.processEvents()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wedge(station, clock) -> Iterator[ScanWedge]:
    scan_wedge = ScanWedge(station.settings.scanner, clock=clock)
    yield scan_wedge
    scan_wedge.stop()


@pytest.fixture
def window(qtbot, station, runner, wedge) -> MainWindow:
    main = MainWindow(station, RECEIVER, runner, wedge)
    qtbot.add_widget(main)
    main.resize(1600, 1000)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def open_rmas(station: Station, *, lines: int | None = None, policy: str | None = None):
    """Open RMAs from the demo, chosen through the services as a clerk's paperwork would."""
    return [
        rma
        for rma in station.history.list_rmas("open")
        if (lines is None or len(rma.lines) == lines) and (policy is None or rma.policy == policy)
    ]


class Keyboard:
    """A clerk's hands: keys go to whatever has focus, as on the bench."""

    def __init__(self, qtbot, window: MainWindow, clock: FakeClock) -> None:
        self.qtbot = qtbot
        self.window = window
        self.clock = clock

    def focus(self):
        focused = QApplication.focusWidget()
        return focused if focused is not None else self.window.receiving.ui.linesTable

    def press(self, key) -> None:
        """One key, pressed the way a person does (then the wedge's pause passes)."""
        self.clock.advance(0.5)
        self.qtbot.keyClick(self.focus(), key)
        self.clock.advance(0.5)
        self.qtbot.wait(INTERKEY_MS + 25)

    def type(self, text: str) -> None:
        for character in text:
            self.clock.advance(0.15)
            self.qtbot.keyClick(self.focus(), character)
        self.clock.advance(0.5)
        self.qtbot.wait(INTERKEY_MS + 25)

    def scan(self, text: str) -> None:
        """A keyboard-wedge scanner: the whole code within milliseconds, then Enter."""
        self.clock.advance(0.5)
        for character in text:
            self.clock.advance(0.004)
            self.qtbot.keyClick(self.focus(), character)
        self.qtbot.keyClick(self.focus(), "\r")


@pytest.fixture
def keyboard(qtbot, window, clock) -> Keyboard:
    return Keyboard(qtbot, window, clock)


def wait_until_idle(qtbot, runner: OperationRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


# A clerk's routines, by keyboard alone ------------------------------------------------------------


def open_rma(qtbot, window: MainWindow, keyboard: Keyboard, runner: OperationRunner, rma) -> None:
    """Scan the RMA's label and wait until its first unit's preview has come back."""
    with qtbot.waitSignal(window.receiving.rma_shown):
        keyboard.scan(rma.number)
    wait_until_idle(qtbot, runner)


def weigh_by_hand(qtbot, keyboard: Keyboard, runner: OperationRunner, text: str) -> None:
    """M, the weight as typed, Enter."""
    keyboard.press(Qt.Key.Key_M)
    keyboard.type(text)
    keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)


def check_as_sold(qtbot, keyboard: Keyboard, runner: OperationRunner) -> None:
    """N: the unit is new and sealed, bought here, nothing wrong; every fact set on purpose."""
    keyboard.press(Qt.Key.Key_N)
    wait_until_idle(qtbot, runner)


def accept(qtbot, window: MainWindow, keyboard: Keyboard, runner: OperationRunner):
    """Enter on a unit whose facts are complete: its ``ReceiveResult``, once printed."""
    with qtbot.waitSignal(window.receiving.line_recorded, timeout=10_000) as recorded:
        keyboard.press(Qt.Key.Key_Return)
    wait_until_idle(qtbot, runner)
    return recorded.args[0]


def receive_as_sold(qtbot, window: MainWindow, keyboard: Keyboard, runner: OperationRunner, weight: str):
    """Weigh the current unit by hand, N, Enter: a sealed new cartridge decided and printed."""
    weigh_by_hand(qtbot, keyboard, runner, weight)
    check_as_sold(qtbot, keyboard, runner)
    return accept(qtbot, window, keyboard, runner)


def shown_dialog(qtbot, window: MainWindow, kind):
    """The dialog of this kind on screen now (not one closed earlier)."""

    def shown():
        return next((dialog for dialog in window.receiving.findChildren(kind) if dialog.isVisible()), None)

    qtbot.waitUntil(lambda: shown() is not None)
    return shown()


def fill_supervisor_note(keyboard: Keyboard, supervisor: str, password: str, note: str) -> None:
    """The supervisor's dialogs (release a hold, approve a decision): name, password, note, Enter."""
    keyboard.type(supervisor)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(password)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(note)
    keyboard.press(Qt.Key.Key_Return)


# Picking RMAs and reading what was recorded -------------------------------------------------------

WEIGHED = ("ink", "toner")
AS_SOLD = {**asdict(Condition.as_sold()), **asdict(Flags.as_sold())}
"""Every fact of a unit found new, sealed, bought here, nothing wrong, as a record's facts read."""


def single_units(station, *, lines: int):
    """An open RMA of ``lines`` lines of one weighed cartridge each, the customer wanting a refund."""
    return next(
        rma
        for rma in open_rmas(station, lines=lines)
        if all(
            line.quantity == 1 and line.category in WEIGHED and line.customer_choice == "refund" for line in rma.lines
        )
    )


def decided_units(station, number: str) -> list[tuple[int, int]]:
    return [(decision.line, decision.unit) for decision in station.history.show_rma(number).decisions]


def recorded_facts(inspection) -> dict:
    return {**inspection.condition, **inspection.flags}


def burst(qtbot, keyboard, key, count: int) -> None:
    """Keys pressed as a bouncing key or CR+LF does: within a few milliseconds, no pause between."""
    focus = keyboard.focus()
    for _ in range(count):
        keyboard.clock.advance(0.05)
        qtbot.keyClick(focus, key)


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QProgressBar)


def is_part_of_a_qt_widget(widget: QWidget) -> bool:
    """Qt's own inner parts (a table's headers, a combo box's popup list, a line edit's clear
    button) are described by Qt for screen readers and are not ours to name."""
    parent = widget.parent()
    return (
        widget.objectName().startswith("qt_")
        or type(widget).__name__ in ("QScrollBar", "QHeaderView")
        or isinstance(parent, QLineEdit)
    )


def unnamed_controls(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or widget.parent() is None:
            continue
        if is_part_of_a_qt_widget(widget) or widget.window() is not root.window():  # a combo's popup list
            continue
        if not widget.objectName() or not widget.accessibleName():
            problems.append(f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}")
    return problems


@pytest.fixture(autouse=True)
def finish_each_tests_qt_objects(qapp) -> Iterator[None]:
    """After each test, let Qt delete what the test closed and let Python collect what it dropped,
    while no worker thread is running. Left for later, that clean-up happens inside the next test,
    and a widget deleted there with an event still queued for it crashes the run (seen as a
    segfault in QFrame::event when the first-admin test followed the pages' tests)."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()
