"""Starting the Qt application: the sign-in on screen at once, the station opened behind it while
the clerk types, then the station window with the scale and the scanner wired to it, and the rest of
the station warmed behind that window. Everything here receives the settings and the ``Station``
that bootstrap built; nothing is global."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from receiving_app import APP_NAME, __version__
from receiving_app.domain.errors import InputError
from receiving_app.gui.idle_lock import IdleWatch, lock_notice
from receiving_app.gui.operations import Operation, OperationRunner
from receiving_app.gui.sign_in import SignInDialog
from receiving_app.gui.style import apply_station_style
from receiving_app.services.settings import StationSettings

if TYPE_CHECKING:
    from receiving_app.gui.main_window import MainWindow
    from receiving_app.gui.outbox_sending import OutboxSending
    from receiving_app.gui.scale_feed import ScaleFeed
    from receiving_app.gui.scan_wedge import ScanWedge
    from receiving_app.services.auth import SignedInUser
    from receiving_app.services.station import Station

log = logging.getLogger(__name__)

OPENING_AT_THE_LATEST_MS = 250
"""The station opens once the sign-in has been painted, or after this long if it is not painted."""
WARM_AFTER_SHOWN_MS = 300
"""How long after the first window is shown the rest of the station is built behind it: started at
once, its imports took the interpreter from the window's first paints with the scan field's focus
(the clerk's wait from Enter 68 → 100 ms), and no clerk scans within a third of a second."""
NIGHTLY_BACKUP_CHECK_MS = 60_000


class AfterNextPaint(QObject):
    """Calls ``then`` once, on the turn of the event loop after ``widget``'s next paint: the moment
    it is on screen. (The runner's ``after_paint`` cannot wait for a window just shown: its first
    paint comes with the window system's expose event, which is not yet in Qt's queue.)"""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # once the paint is done, not before it
            self.deleteLater()
        return False


class StationSession(QObject):
    """Who is signed in and the window they work in; signing out brings the sign-in back.

    The sign-in is on screen before the station is open: ``open_station`` (the database, its
    migrations) runs on a worker thread while the clerk types, and a sign-in sent before it is done
    waits for it. ``warm_station`` (every other service, the documents' layouts) runs on a worker
    once the first window is on screen (``WARM_AFTER_SHOWN_MS``): on a slow computer a quick clerk's
    Enter would otherwise wait for imports that no scan needs yet.
    """

    def __init__(
        self,
        settings: StationSettings,
        open_station: Callable[[], Station],
        parent: QObject | None = None,
        *,
        idle_ms: int | None = None,
        warm_station: Callable[[Station], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._open_station = open_station
        self._warm_station = warm_station
        self._opening: Operation | None = None
        self.station: Station | None = None
        self.opening_error: BaseException | None = None
        """Why the station could not open, for the command to report once the sign-in is closed."""
        self.runner = OperationRunner(self)
        self.scale_feed: ScaleFeed | None = None  # the scale and the scanner serve the window: made with it
        self.wedge: ScanWedge | None = None
        self.sign_in = SignInDialog(None, settings.station_id, self.runner)
        self.sign_in.signed_in.connect(self._signed_in)
        self.sign_in.rejected.connect(self._sign_in_closed)
        self.idle_watch = IdleWatch(idle_ms or settings.idle_lock_minutes * 60_000, parent=self)
        self.idle_watch.idle.connect(self._lock)
        self.window: MainWindow | None = None
        self._next_window: MainWindow | None = None
        self.outbox_sending: OutboxSending | None = None  # made once the station is open
        self.user: SignedInUser | None = None

    def start(self) -> None:
        """The sign-in first; the station starts opening once the dialog has been painted: the
        opening's imports would take the interpreter from that first paint, which goes through
        Python for every widget of the dialog, and the clerk would see it later."""
        AfterNextPaint(self.sign_in, self._start_opening)
        self.sign_in.show()
        # A window that is never painted (minimised at start, say) must not keep the station closed.
        QTimer.singleShot(OPENING_AT_THE_LATEST_MS, self._start_opening)

    def _start_opening(self) -> None:
        if self._opening is not None:
            return  # the paint or the timer started it first
        self._opening = self.runner.start(
            self._open, key="open-station", on_success=self._opened, on_failure=self._not_opened
        )

    def _open(self) -> tuple[Station, bool]:
        """On the worker: the station, and whether this is a new installation without users."""
        station = self._open_station()
        try:
            station.auth.warm_up()
            return station, station.users.needs_first_admin()
        except BaseException:
            station.close()
            raise

    def _opened(self, opened: tuple[Station, bool]) -> None:
        self.station, needs_first_admin = opened
        QTimer.singleShot(0, self._prepare_next_window)
        self._start_nightly_backups()
        from receiving_app.gui.outbox_sending import OutboxSending  # with the station, not with the sign-in

        self.outbox_sending = OutboxSending(self.station, self)
        if not needs_first_admin:
            self.sign_in.station_opened(self.station.auth)
            return
        from receiving_app.gui.first_admin import FirstAdminDialog  # once per installation

        self.first_admin = FirstAdminDialog(self.station.users, self.settings.station_id, self.runner)
        self.first_admin.created.connect(self._first_admin_created)
        self.first_admin.rejected.connect(QApplication.quit)
        self.sign_in.hide()
        self.first_admin.show()

    def _start_nightly_backups(self) -> None:
        """Once a minute, on a worker: the nightly backup, when the settings name its folder and it is due."""
        from receiving_app.services.nightly_backups import nightly_backups

        nightly = nightly_backups(self.station.database_url, self.station.settings)
        if nightly is None:
            return
        self._nightly_timer = QTimer(self)
        self._nightly_timer.timeout.connect(
            lambda: self.runner.start(
                lambda: nightly.run_if_due(datetime.now()),
                key="nightly-backup",
                on_failure=lambda message: log.warning("the nightly backup failed: %s", message),
            )
        )
        self._nightly_timer.start(NIGHTLY_BACKUP_CHECK_MS)

    def _not_opened(self, message: str) -> None:
        error = self.opening_error = self._opening.error  # the runner has logged it with its traceback
        if isinstance(error, InputError):
            why = message
        else:  # the runner's sentence says what failed and what to do, never the database's own text
            why = f"{message[:1].lower()}{message[1:]} Close this window and start the station again once it is fixed."
        self.sign_in.station_failed(f"The station could not open its database: {why}")

    def _first_admin_created(self, name: str) -> None:
        self.sign_in.station_opened(self.station.auth)
        self.sign_in.ui.nameEdit.setText(name)
        self.sign_in.show()
        self.sign_in.ui.secretEdit.setFocus()

    def _prepare_next_window(self) -> None:
        """Build the window the next clerk will work in while they type, fitted and painted unseen."""
        if self.station is None or self._next_window is not None:
            return
        self._next_window = self._new_window()
        self._next_window.fit_to_screen()
        _make_qt_classes_now()

    def _new_window(self) -> MainWindow:
        if self.wedge is None or self.scale_feed is None:
            from receiving_app.gui.scale_feed import ScaleFeed
            from receiving_app.gui.scan_wedge import ScanWedge

            self.wedge = ScanWedge(self.settings.scanner, parent=self)
            self.scale_feed = ScaleFeed(self.settings.scale, parent=self)
        return station_window(self.station, None, self.runner, self.wedge, self.scale_feed)

    def shut_down(self) -> None:
        self.idle_watch.stop()
        if self.outbox_sending is not None:
            self.outbox_sending.stop()
        if self.scale_feed is not None:
            self.scale_feed.stop()
        self.runner.wait_for_done()

    def _signed_in(self, user: SignedInUser) -> None:
        if self.window is not None and self.user is not None and self.user.name == user.name:
            self.window.show()  # the same clerk back from a lock: their unfinished line is still there
        else:
            self._close_window()
            self._open_window(user)
        # The clerk's next key is for the window, page keys included, as the sign-in closes; a
        # screen with no window manager to hand it the keyboard would leave those keys with nobody.
        self.window.activateWindow()
        self.user = user
        self.idle_watch.start()

    def _lock(self) -> None:
        if self.window is None or self.user is None or self.station is None:
            return
        self.idle_watch.stop()
        minutes = self.settings.idle_lock_minutes
        user, station_id, auth = self.user.name, self.settings.station_id, self.station.auth
        # The lock happens whether or not the database can record it just now.
        self.runner.start(
            lambda: auth.record_lock(user, station=station_id, idle_minutes=minutes),
            key="record-lock",
            on_failure=lambda message: log.warning("the station locked but the lock was not recorded: %s", message),
        )
        self.sign_in.reset(lock_notice(minutes))
        self.sign_in.show()
        self.window.hide()

    def _open_window(self, user: SignedInUser) -> None:
        window, self._next_window = self._next_window, None
        if window is None:
            window = self._new_window()
            window.fit_to_screen()
        window.begin_shift(user)
        self.window = window
        self.window.sign_out_requested.connect(self._sign_out)
        self.scale_feed.start()  # no-op when it already runs (a second sign-in)
        self.window.showMaximized()
        if self._warm_station is not None:
            QTimer.singleShot(WARM_AFTER_SHOWN_MS, self._warm_once)

    def _warm_once(self) -> None:
        """The rest of the station on a worker, once, after the first window is on screen."""
        warm, self._warm_station = self._warm_station, None
        if warm is None:
            return
        station = self.station
        self.runner.start(
            lambda: warm(station),
            key="warm-station",
            on_failure=lambda message: log.warning("the station's services could not be built ahead: %s", message),
        )

    def _sign_out(self) -> None:
        self.idle_watch.stop()
        self.sign_in.reset()
        self.sign_in.show()  # shown before the window closes, so the application keeps running
        self._close_window()
        self.user = None
        QTimer.singleShot(0, self._prepare_next_window)

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def _sign_in_closed(self) -> None:
        if self.window is None:
            QApplication.quit()


def _make_qt_classes_now() -> None:
    """PySide makes its Python classes when first needed, and the first time Python is handed an
    object of a class Qt keeps to itself, it makes every class it has held back (16 ms). The
    scanner's key filter is handed every object that gets an event, Qt's own windows among them,
    from the moment a clerk signs in; handing Python the application's children makes the classes
    while the clerk types instead."""
    QApplication.instance().children()


def station_window(
    station: Station, user: SignedInUser | None, runner: OperationRunner, wedge: ScanWedge, scale_feed: ScaleFeed
) -> MainWindow:
    """The window a sign-in opens: the receiving screen, and the back office built when first shown
    (for ``user``, or for whoever signs in next when None)."""
    from receiving_app.gui.main_window import MainWindow
    from receiving_app.gui.pages import PAGES, PageEntry

    window = MainWindow(station, user, runner, wedge, scale_feed)

    def page_for_who_signed_in(entry: PageEntry) -> QWidget:
        return entry.page_class()(station, window.user)  # built when first shown, so after a sign-in

    for entry in PAGES:  # the back office, in the order of the navigation list
        window.add_page_when_shown(entry.title, functools.partial(page_for_who_signed_in, entry))
    return window


def run(
    settings: StationSettings, open_station: Callable[[], Station], warm_station: Callable[[Station], object]
) -> int:
    """The application until its last window closes; a station that could not open is raised
    afterwards, for the command to report as it reports every failure."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_station_style(app)
    session = StationSession(settings, open_station, warm_station=warm_station)
    session.start()
    try:
        code = app.exec()
    finally:
        session.shut_down()
        if session.station is not None:
            session.station.close()
    if session.opening_error is not None:
        raise session.opening_error
    return code
