"""The keyboard map stays as each clerk left it: hidden by F1 (or its close button), it is still hidden
at their next sign-in, in a new window; shown again, it is shown next time; another clerk at the
same station keeps a choice of their own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel

from receiving_app.gui.main_window import MainWindow
from tests.support.gui_session import running_session, sign_in_by_keys

WIDE = QSize(2200, 1200)  # a screen where the map starts shown to a clerk who never chose


@pytest.fixture
def session(qtbot, station, monkeypatch):
    fit = MainWindow.fit_to_screen
    monkeypatch.setattr(MainWindow, "fit_to_screen", lambda window, available=None: fit(window, available or WIDE))
    with running_session(qtbot, station) as started:
        yield started


def sign_in(qtbot, session, name: str, secret: str) -> MainWindow:
    sign_in_by_keys(qtbot, session, name, secret)
    qtbot.waitExposed(session.window)
    return session.window


def key(qtbot, window: MainWindow, pressed: Qt.Key) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, pressed)


def sign_out(qtbot, session) -> None:
    key(qtbot, session.window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: session.window is None and session.sign_in.isVisible())


def map_shown(window: MainWindow) -> bool:
    shown = window.ui.keyboardMapDock.isVisible()
    hint = window.findChild(QLabel, "keyboardMapHint")
    assert hint.isVisible() is not shown, "the status bar names F1 where the map is hidden, and only there"
    return shown


def test_each_clerk_finds_the_keyboard_map_as_they_left_it(qtbot, session) -> None:
    first = sign_in(qtbot, session, "receiver", "1111")
    assert map_shown(first)
    key(qtbot, first, Qt.Key.Key_F1)
    assert not map_shown(first)
    sign_out(qtbot, session)

    other = sign_in(qtbot, session, "supervisor", "supervisor-demo")
    assert map_shown(other)  # the receiver's choice is theirs alone
    other.ui.keyboardMapDock.close()  # its close button, with the mouse
    sign_out(qtbot, session)

    again = sign_in(qtbot, session, "receiver", "1111")
    assert again is not first and not map_shown(again)
    key(qtbot, again, Qt.Key.Key_F1)
    assert map_shown(again)
    sign_out(qtbot, session)

    other_again = sign_in(qtbot, session, "supervisor", "supervisor-demo")
    assert not map_shown(other_again)
    sign_out(qtbot, session)

    assert map_shown(sign_in(qtbot, session, "receiver", "1111"))
