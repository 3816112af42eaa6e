"""The station started as a clerk meets it, the sign-in dialog first, and signing in by keys; a window
shown on a screen of a given size."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSize, Qt

from receiving_app.gui.app import StationSession
from receiving_app.gui.main_window import MainWindow
from receiving_app.services.station import Station


@contextmanager
def running_session(qtbot, station: Station, **options) -> Iterator[StationSession]:
    """A session on ``station`` whose sign-in dialog is showing; closed, window and all, afterwards."""
    started = StationSession(station.settings, lambda: station, **options)
    qtbot.add_widget(started.sign_in)
    started.start()
    try:
        qtbot.waitUntil(started.sign_in.isVisible, timeout=5_000)
        yield started
    finally:
        if started.window is not None:
            started.window.close()
        started.shut_down()


def sign_in_by_keys(qtbot, session: StationSession, name: str, secret: str) -> None:
    """Name, secret and Enter typed into the sign-in dialog; returns once it has signed someone in."""
    dialog = session.sign_in
    qtbot.keyClicks(dialog.ui.nameEdit, name)
    qtbot.keyClicks(dialog.ui.secretEdit, secret)
    with qtbot.waitSignal(dialog.signed_in, timeout=10_000):
        qtbot.keyClick(dialog.ui.secretEdit, Qt.Key.Key_Return)


def on_screen(qtbot, window: MainWindow, *, screen: QSize | None = None, size: QSize | None = None) -> MainWindow:
    """The window shown and active, fitted to a ``screen`` of that size as the station fits it, or
    resized to ``size``."""
    qtbot.add_widget(window)
    if screen is not None:
        window.fit_to_screen(screen)
    if size is not None:
        window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window
