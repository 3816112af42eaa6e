"""The station window driven by keyboard alone, as a clerk drives it: a keyboard whose keys go to
whatever has focus, waiting for the window's background work, and the routines a clerk repeats."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.operations import OperationRunner
from tests.support.gui_station import INTERKEY_MS, FakeClock


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


def wait_until_idle(qtbot, runner: OperationRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


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


def burst(qtbot, keyboard, key, count: int) -> None:
    """Keys pressed as a bouncing key or CR+LF does: within a few milliseconds, no pause between."""
    focus = keyboard.focus()
    for _ in range(count):
        keyboard.clock.advance(0.05)
        qtbot.keyClick(focus, key)
