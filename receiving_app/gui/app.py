"""Starting the Qt application: sign in, then the station window, with the scale and the scanner
wired to it. Everything here receives the ``Station`` that bootstrap built; nothing is global."""

from __future__ import annotations

import functools
import importlib
import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from receiving_app import APP_NAME, __version__
from receiving_app.gui.idle_lock import IdleWatch
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.scale_feed import ScaleFeed
from receiving_app.gui.scan_wedge import ScanWedge
from receiving_app.gui.sign_in import SignInDialog
from receiving_app.gui.style import apply_station_style
from receiving_app.services.auth import SignedInUser
from receiving_app.services.station import Station

if TYPE_CHECKING:
    from receiving_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)

# The station window and the back-office pages are a good part of the start; they are not needed
# to show the sign-in, so they load once it is on screen, while the clerk types their PIN.
WINDOW_MODULES = ("receiving_app.gui.main_window", "receiving_app.gui.pages")

# The cold-start benchmark (benchmarks/README.md) starts the station with a user name here and the
# password in RECEIVING_APP_PASSWORD, and reads on stdout when a clerk could sign in and scan.
READY_PROBE_VARIABLE = "RECEIVING_APP_READY_PROBE"
PASSWORD_VARIABLE = "RECEIVING_APP_PASSWORD"


class StationSession(QObject):
    """Who is signed in and the window they work in; signing out brings the sign-in back."""

    def __init__(self, station: Station, parent: QObject | None = None, *, idle_ms: int | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.runner = OperationRunner(self)
        self.scale_feed = ScaleFeed(station.settings.scale, parent=self)
        self.wedge = ScanWedge(station.settings.scanner, parent=self)
        self.sign_in = SignInDialog(station.auth, station.settings.station_id, self.runner)
        self.sign_in.signed_in.connect(self._signed_in)
        self.sign_in.rejected.connect(self._sign_in_closed)
        self.idle_watch = IdleWatch(idle_ms or station.settings.idle_lock_minutes * 60_000, parent=self)
        self.idle_watch.idle.connect(self._lock)
        self.window: MainWindow | None = None
        self.user: SignedInUser | None = None

    def start(self) -> None:
        """A new installation first creates its admin; every other start goes straight to sign-in."""
        self.runner.start(self.station.users.needs_first_admin, key="first-run", on_success=self._first_run_checked, on_failure=lambda _: self.sign_in.show())

    def _first_run_checked(self, needs_first_admin: int) -> None:
        if not needs_first_admin:
            self.sign_in.show()
            QTimer.singleShot(0, _load_window_modules)
            return
        from receiving_app.gui.first_admin import FirstAdminDialog  # once per installation

        self.first_admin = FirstAdminDialog(self.station.users, self.station.settings.station_id, self.runner)
        self.first_admin.created.connect(self._first_admin_created)
        self.first_admin.rejected.connect(QApplication.quit)
        self.first_admin.show()

    def _first_admin_created(self, name: str) -> None:
        self.sign_in.form.nameEdit.setText(name)
        self.sign_in.show()
        self.sign_in.form.secretEdit.setFocus()

    def shut_down(self) -> None:
        self.idle_watch.stop()
        self.scale_feed.stop()
        self.runner.wait_for_done()

    def _signed_in(self, user: SignedInUser) -> None:
        if self.window is not None and self.user is not None and self.user.name == user.name:
            self.window.show()  # the same clerk back from a lock: their unfinished line is still there
        else:
            self._close_window()
            self._open_window(user)
        self.user = user
        self.idle_watch.start()

    def _lock(self) -> None:
        if self.window is None or self.user is None:
            return
        self.idle_watch.stop()
        minutes = self.station.settings.idle_lock_minutes
        user, station_id = self.user.name, self.station.settings.station_id
        # The lock happens whether or not the database can record it just now.
        self.runner.start(
            lambda: self.station.auth.record_lock(user, station=station_id, idle_minutes=minutes),
            key="record-lock",
            on_failure=lambda message: log.warning("the station locked but the lock was not recorded: %s", message),
        )
        self.sign_in.reset()
        self.sign_in.show()
        self.window.hide()

    def _open_window(self, user: SignedInUser) -> None:
        self.window = station_window(self.station, user, self.runner, self.wedge, self.scale_feed)
        self.window.sign_out_requested.connect(self._sign_out)
        self.scale_feed.start()  # no-op when it already runs (a second sign-in)
        self.window.show()

    def _sign_out(self) -> None:
        self.idle_watch.stop()
        self.sign_in.reset()
        self.sign_in.show()  # shown before the window closes, so the application keeps running
        self._close_window()
        self.user = None

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def _sign_in_closed(self) -> None:
        if self.window is None:
            QApplication.quit()


def station_window(station: Station, user: SignedInUser, runner: OperationRunner, wedge: ScanWedge, scale_feed: ScaleFeed) -> MainWindow:
    """The window a sign-in opens: the receiving screen, and the back office built when first shown."""
    from receiving_app.gui.main_window import MainWindow
    from receiving_app.gui.pages import PAGES

    window = MainWindow(station, user, runner, wedge, scale_feed)
    for title, page_class in PAGES:  # the back office, in the order of the navigation list
        window.add_page_when_shown(title, functools.partial(page_class, station, user))
    return window


def _load_window_modules() -> None:
    for name in WINDOW_MODULES:
        importlib.import_module(name)


class ReadyProbe(QObject):
    """Prints ``sign-in`` once the sign-in dialog is on screen (the database open), signs the user
    in through it as a clerk would, prints ``ready`` once the scan field has the focus, and quits."""

    def __init__(self, session: StationSession, user: str, secret: str) -> None:
        super().__init__(session)
        self._session, self._user, self._secret = session, user, secret
        session.sign_in.installEventFilter(self)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._session.sign_in and event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._sign_in)  # once the dialog is shown, not while it is being shown
        return False

    def _sign_in(self) -> None:
        dialog = self._session.sign_in
        self._report("sign-in", dialog)
        dialog.form.nameEdit.setText(self._user)
        dialog.form.secretEdit.setText(self._secret)
        dialog.sign_in()

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        window = self._session.window
        if window is not None and now is window.receiving.form.scanEdit:
            self._report("ready", window)
            QApplication.quit()

    @staticmethod
    def _report(moment: str, shown: QWidget) -> None:
        shown.repaint()  # painted, as a bare window is when it reports
        print(moment, flush=True)


def run(station: Station) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_station_style(app)
    session = StationSession(station)
    if os.environ.get(READY_PROBE_VARIABLE):
        ReadyProbe(session, os.environ[READY_PROBE_VARIABLE], os.environ.get(PASSWORD_VARIABLE, ""))
    session.start()
    try:
        return app.exec()
    finally:
        session.shut_down()
