"""The station window: a list of pages on the left, the page on the right, the keyboard map beside
it and who is signed in at the bottom. Pages are added with one ``add_page`` call each."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QProgressBar, QTableWidgetItem, QWidget

from receiving_app.domain.scan import ScanValue
from receiving_app.gui.forms.ui_main_window import Ui_MainWindow
from receiving_app.gui.keyboard_map import KEYBOARD_MAP, Command, command_for_key
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.receiving_screen import ReceivingScreen
from receiving_app.gui.scale_feed import ScaleFeed
from receiving_app.gui.scan_wedge import ScanWedge
from receiving_app.services.auth import SignedInUser
from receiving_app.services.station import Station

# Work that ends sooner (opening an RMA, a preview) needs no indicator: a flash of one is noise, and
# showing and hiding it lays out the status bar again twice per scan.
BUSY_INDICATOR_DELAY_MS = 300


class MainWindow(QMainWindow):
    """The station's one window.

    Signals:
        sign_out_requested(): the clerk pressed the sign-out key.
    """

    sign_out_requested = Signal()

    def __init__(
        self,
        station: Station,
        user: SignedInUser | None,
        runner: OperationRunner,
        wedge: ScanWedge,
        scale_feed: ScaleFeed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Without a ``user`` the window is built for the next clerk, who takes it with ``begin_shift``."""
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.user: SignedInUser | None = None
        self._station_id = station.settings.station_id
        self.setWindowTitle(f"Returns Receiving Station — {self._station_id}")
        self._unbuilt_pages: dict[int, Callable[[], QWidget]] = {}
        self.ui.navigationList.currentRowChanged.connect(self._page_chosen)
        self.receiving = ReceivingScreen(station, None, runner, scale_feed, self)
        self.add_page("Receiving", self.receiving)
        self._fill_keyboard_map()
        self._set_up_status_bar(runner)
        self._wedge = wedge
        if user is not None:
            self.begin_shift(user)

    def begin_shift(self, user: SignedInUser) -> None:
        """The clerk who signed in: named in the status bar and in everything they record, and the
        scanner's keys come to this window from now on."""
        self.user = self.receiving.user = user
        self.signed_in_label.setText(f"Signed in: {user.display_name} ({user.role}) · station {self._station_id}")
        self._wedge.scanned.connect(self._scanned)
        self._wedge.scan_rejected.connect(self._scan_rejected)
        self._wedge.watch(self, self.route_key)
        self.receiving.ui.scanEdit.setFocus()  # a new clerk can type an RMA number straight away

    def fit_to_screen(self, available: QSize | None = None) -> None:
        """Take the screen's free area (or ``available``), laid out and painted once unseen: Qt's first
        paint of a window is most of the wait when it is shown. Where the keyboard map beside the work
        would make the columns scroll sideways (screens narrower than about 1,750 px), it starts
        hidden; F1 shows it, and the status bar says so."""
        # The primary screen, not self.screen(): asking a window never shown for its screen left PySide6
        # to crash in the next dialog's constructor (QScreen::virtualSiblings, tests/gui/test_app.py).
        self.resize(available or QGuiApplication.primaryScreen().availableGeometry().size())
        self.ui.keyboardMapDock.show()
        self.grab()
        columns = self.receiving.ui
        if columns.columnsScroll.viewport().width() < columns.columnsArea.minimumSizeHint().width():
            self.ui.keyboardMapDock.hide()
            self.grab()

    def add_page(self, title: str, page: QWidget, icon: QIcon | None = None) -> int:
        """Add a page to the navigation list and the stack; returns its index."""
        if not page.objectName():
            page.setObjectName(f"{title.lower().replace(' ', '_')}Page")
        index = self.ui.pageStack.addWidget(page)
        self.ui.navigationList.addItem(title)
        item = self.ui.navigationList.item(index)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title} page")
        if icon is not None:
            item.setIcon(icon)
        if self.ui.navigationList.currentRow() < 0:
            self.ui.navigationList.setCurrentRow(index)
        return index

    def add_page_when_shown(self, title: str, build: Callable[[], QWidget]) -> int:
        """``add_page`` for a page built the first time it is shown: the back office then costs the
        station's start nothing (and a shift at the bench may never open it)."""
        index = self.add_page(title, QWidget(self))
        self._unbuilt_pages[index] = build
        return index

    def _page_chosen(self, index: int) -> None:
        build = self._unbuilt_pages.pop(index, None)
        stack = self.ui.pageStack
        if build is not None:
            placeholder = stack.widget(index)
            page = build()
            page.setObjectName(page.objectName() or placeholder.objectName())
            stack.insertWidget(index, page)
            stack.removeWidget(placeholder)
            placeholder.deleteLater()
        stack.setCurrentIndex(index)

    def show_page(self, page: QWidget) -> None:
        self.ui.navigationList.setCurrentRow(self.ui.pageStack.indexOf(page))

    def route_key(self, _receiver: QWidget, key: int, _text: str) -> bool:
        """The wedge's typed keys: window commands first, then the receiving screen's."""
        command = command_for_key(key)
        if command is Command.KEYBOARD_MAP:
            self.ui.keyboardMapDock.setVisible(not self.ui.keyboardMapDock.isVisible())
            return True
        if command is Command.SIGN_OUT:
            self.sign_out_requested.emit()
            return True
        if command is None or self.ui.pageStack.currentWidget() is not self.receiving:
            return False
        return self.receiving.handle_command(command)

    def _scanned(self, value: ScanValue) -> None:
        self.show_page(self.receiving)  # a scan always means receiving, whatever page was open
        self.receiving.handle_scan(value)

    def _scan_rejected(self, message: str) -> None:
        self.show_page(self.receiving)
        self.receiving.show_scan_problem(message)

    def _fill_keyboard_map(self) -> None:
        table = self.ui.keyboardMapTable
        table.setColumnCount(2)
        table.setRowCount(len(KEYBOARD_MAP))
        table.setHorizontalHeaderLabels(["Key", "What it does"])
        for row, binding in enumerate(KEYBOARD_MAP):
            key = QTableWidgetItem(binding.label)
            key.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 0, key)
            table.setItem(row, 1, QTableWidgetItem(binding.description))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        self.ui.keyboardMapDock.setMinimumWidth(390)

    def _set_up_status_bar(self, runner: OperationRunner) -> None:
        self.signed_in_label = signed_in = QLabel(self)
        signed_in.setObjectName("signedInLabel")
        signed_in.setAccessibleName("Signed-in user")
        self.busy_indicator = QProgressBar(self)
        self.busy_indicator.setObjectName("busyIndicator")
        self.busy_indicator.setAccessibleName("Working")
        self.busy_indicator.setRange(0, 0)  # an indeterminate bar: work is running, length unknown
        self.busy_indicator.setMaximumWidth(160)
        self.busy_indicator.setFormat("Working…")
        self.busy_indicator.setVisible(False)
        self._busy_delay = QTimer(self)
        self._busy_delay.setSingleShot(True)
        self._busy_delay.setInterval(BUSY_INDICATOR_DELAY_MS)
        self._busy_delay.timeout.connect(self.busy_indicator.show)
        keyboard_map_hint = QLabel(
            "[F1] Keyboard map", self
        )  # where the map starts hidden, the way to it stays in sight
        keyboard_map_hint.setObjectName("keyboardMapHint")
        keyboard_map_hint.setAccessibleName("Key for the keyboard map")
        self.ui.statusBar.addWidget(signed_in, 1)
        self.ui.statusBar.addPermanentWidget(self.busy_indicator)
        self.ui.statusBar.addPermanentWidget(keyboard_map_hint)
        # A bound method, not a lambda: the runner outlives this window, and Qt drops a connection
        # to a method when its window is deleted but would call a lambda on the dead widgets.
        runner.running_changed.connect(self._show_working)

    def _show_working(self, running: int) -> None:
        if running == 0:
            self._busy_delay.stop()
            self.busy_indicator.hide()
        elif not self.busy_indicator.isVisible() and not self._busy_delay.isActive():
            self._busy_delay.start()

    def closeEvent(self, event) -> None:
        if self.user is not None:  # a window nobody took never watched the scanner
            self._wedge.stop()
        super().closeEvent(event)
