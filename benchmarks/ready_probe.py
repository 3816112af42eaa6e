"""The cold-start figure's quick clerk: the station as `receiving-app` starts it, with a probe that
says on stdout when a clerk could sign in and when they could scan.

    RECEIVING_APP_READY_PROBE=receiver RECEIVING_APP_PASSWORD=1111 python -m benchmarks.ready_probe gui --db URL

The station itself knows nothing of the probe. For this process only, ``StationSession.start`` is
wrapped so that the probe joins each session just before it starts, in time to see the sign-in's
first paint; everything else, from the command line to the window, is the station's own code.
Without RECEIVING_APP_READY_PROBE the station runs unprobed.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from receiving_app.cli import main as station_main
from receiving_app.gui.app import AfterNextPaint, StationSession

READY_PROBE_VARIABLE = "RECEIVING_APP_READY_PROBE"
"""The user the probe signs in as; its password is in PASSWORD_VARIABLE (kept off the command line)."""
PASSWORD_VARIABLE = "RECEIVING_APP_PASSWORD"
PROBE_TYPING_MS = 1_000
"""How long the probe takes to type a name and a PIN: quicker than any clerk (the 14 keys of
"receiver", Enter, "1111", Enter take 2.3 s at 70 words a minute)."""


class ReadyProbe(QObject):
    """Plays a quick clerk: prints ``sign-in`` once the sign-in dialog has been painted, types the
    name and secret ``PROBE_TYPING_MS`` later, prints ``submitted`` as it presses Enter, prints
    ``ready`` once the scan field has the focus and the window has been painted, and quits. Each
    moment is taken after Qt's paint, as a bare window's is after its ``processEvents()``: a window
    shown but not yet painted is not on the clerk's screen.

    A clerk's keys arrive when they are typed, whatever the window is doing; the probe's timer fires
    only when the UI thread is free. So ``submitted`` says how many seconds after its due moment
    the probe could press Enter (``submitted 0.241``): a window busy at that moment makes the clerk
    wait from the moment Enter was due, not from the moment the probe got to press it."""

    def __init__(self, session: StationSession, user: str, secret: str) -> None:
        super().__init__(session)
        self._session, self._user, self._secret = session, user, secret
        self._enter_due = 0.0
        AfterNextPaint(session.sign_in, self._sign_in_shown)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _sign_in_shown(self) -> None:
        print("sign-in", flush=True)
        self._enter_due = time.perf_counter() + PROBE_TYPING_MS / 1000
        QTimer.singleShot(PROBE_TYPING_MS, self._type_and_submit)

    def _type_and_submit(self) -> None:
        dialog = self._session.sign_in
        dialog.ui.nameEdit.setText(self._user)
        dialog.ui.secretEdit.setText(self._secret)
        print(f"submitted {max(0.0, time.perf_counter() - self._enter_due):.6f}", flush=True)
        dialog.sign_in()

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        window = self._session.window
        if window is not None and now is window.receiving.ui.scanEdit:
            QApplication.instance().focusChanged.disconnect(self._focus_changed)
            AfterNextPaint(window, self._ready)

    @staticmethod
    def _ready() -> None:
        print("ready", flush=True)
        QApplication.quit()


@contextmanager
def probing(user: str, secret: str) -> Iterator[None]:
    """Every ``StationSession`` started inside is played by a ``ReadyProbe`` signing in as ``user``."""
    unprobed_start = StationSession.start

    def start_probed(session: StationSession) -> None:
        ReadyProbe(session, user, secret)
        unprobed_start(session)

    StationSession.start = start_probed  # type: ignore[method-assign]
    try:
        yield
    finally:
        StationSession.start = unprobed_start  # type: ignore[method-assign]


def main(argv: list[str] | None = None) -> int:
    """`receiving-app ARGV`, played by the quick clerk that READY_PROBE_VARIABLE names, if it names one."""
    user = os.environ.get(READY_PROBE_VARIABLE)
    if not user:
        return station_main(argv)
    with probing(user, os.environ.get(PASSWORD_VARIABLE, "")):
        return station_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
