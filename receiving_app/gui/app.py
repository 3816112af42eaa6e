"""Starting the Qt application: sign in, then the station window, with the scale and the scanner
wired to it. Everything here receives the ``Station`` that bootstrap built; nothing is global."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from receiving_app import APP_NAME, __version__
from receiving_app.gui.first_admin import FirstAdminDialog
from receiving_app.gui.idle_lock import IdleWatch
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages import PAGES
from receiving_app.gui.scale_feed import ScaleFeed
from receiving_app.gui.scan_wedge import ScanWedge
from receiving_app.gui.sign_in import SignInDialog
from receiving_app.gui.style import apply_station_style
from receiving_app.services.auth import SignedInUser
from receiving_app.services.station import Station


log = logging.getLogger(__name__)


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
            return
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
        self.window = MainWindow(self.station, user, self.runner, self.wedge, self.scale_feed)
        for title, page_class in PAGES:  # the back office, in the order of the navigation list
            self.window.add_page(title, page_class(self.station, user))
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


def run(station: Station) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_station_style(app)
    session = StationSession(station)
    session.start()
    try:
        return app.exec()
    finally:
        session.shut_down()
