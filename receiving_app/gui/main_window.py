"""The station window: a list of pages on the left, the page on the right, the keyboard map beside
it and who is signed in at the bottom. Pages are added with one ``add_page`` call each."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Protocol, runtime_checkable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTableWidgetItem,
    QWidget,
)

from receiving_app.domain.scan import ScanValue
from receiving_app.gui.day_count_label import DayCountLabel
from receiving_app.gui.forms.ui_main_window import Ui_MainWindow
from receiving_app.gui.keyboard_map import KEYBOARD_MAP, Command, KeyBinding, binding_for, command_for_key, page_binding
from receiving_app.gui.keyboard_map_choice import KeyboardMapChoice
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.page_key_delegate import PAGE_KEY_ROLE, PageKeyDelegate
from receiving_app.gui.receiving_screen import ReceivingScreen
from receiving_app.gui.scale_feed import ScaleFeed
from receiving_app.gui.scan_wedge import ScanWedge
from receiving_app.gui.station_clock import show_times_in
from receiving_app.gui.style import BASE_POINT_SIZE, NEUTRAL, sized_font
from receiving_app.services.auth import SignedInUser
from receiving_app.services.station import Station

# Work that ends sooner (opening an RMA, a preview) needs no indicator: a flash of one is noise, and
# showing and hiding it lays out the status bar again twice per scan.
BUSY_INDICATOR_DELAY_MS = 300


@runtime_checkable
class TakesScans(Protocol):
    """A page that answers the scanner itself while it shows (Check-in), rather than sending scans to Receiving."""

    def take_scan(self, value: ScanValue) -> None: ...

    def take_rejected_scan(self, message: str) -> None: ...

    def handle_command(self, command: Command) -> bool: ...


class ClosedByHand(QObject):
    """Tells when a widget is closed by its own close button (the keyboard map's).

    Signals:
        closed(): the widget was asked to close.
    """

    closed = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.closed.emit()
        return False


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
        show_times_in(station.zone)  # every time on screen is on the station's clock
        self.setWindowTitle(f"Returns Receiving Station — {self._station_id}")
        self._unbuilt_pages: dict[int, Callable[[], QWidget]] = {}
        self._focus_on_page: dict[int, QWidget] = {}
        self._map_choice = KeyboardMapChoice(station.settings_store.path.parent)
        self.ui.navigationList.setItemDelegate(PageKeyDelegate(self.ui.navigationList))
        self.ui.navigationList.currentRowChanged.connect(self._page_chosen)
        self.receiving = ReceivingScreen(station, None, runner, scale_feed, self)
        self.add_page("Receiving", self.receiving)
        self._fill_keyboard_map()
        self._set_up_status_bar(station, runner)
        self._add_shortcut(binding_for(Command.NOTES), self.go_to_notes)
        self._add_shortcut(binding_for(Command.OPEN_CONTAINER), self.open_container)
        # The map's close button hides it: the clerk's choice as much as F1 is.
        ClosedByHand(self.ui.keyboardMapDock).closed.connect(self._keyboard_map_closed)
        self.receiving.line_recorded.connect(self._count_again)
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self._wedge = wedge
        if user is not None:
            self.begin_shift(user)

    def begin_shift(self, user: SignedInUser) -> None:
        """The clerk who signed in: named in the status bar and in everything they record, and the
        scanner's keys come to this window from now on. The keyboard map is as they last left it."""
        self.user = self.receiving.user = user
        # The station is named in the window's title; the day's count follows this label.
        self.signed_in_label.setText(f"{user.display_name} ({user.role})")
        self.signed_in_label.setToolTip(f"Signed in: {user.display_name} ({user.role})")
        shown = self._map_choice.shown_for(user.name)
        if shown is not None:
            self.ui.keyboardMapDock.setVisible(shown)
        self.day_count.refresh(user.name)
        self._wedge.scanned.connect(self._scanned)
        self._wedge.scan_rejected.connect(self._scan_rejected)
        self._wedge.watch(self, self.route_key)
        self.receiving.ui.scanEdit.setFocus()  # a new clerk can type an RMA number straight away

    def fit_to_screen(self, available: QSize | None = None) -> None:
        """Take the screen's free area (or ``available``), laid out and painted once unseen: Qt's first
        paint of a window is most of the wait when it is shown. Where the keyboard map beside the work
        would make the columns scroll sideways (screens narrower than about 1,750 px), it starts
        hidden unless the clerk chose otherwise; F1 shows it, and the status bar says so."""
        # The primary screen, not self.screen(): asking a window never shown for its screen left PySide6
        # to crash in the next dialog's constructor (QScreen::virtualSiblings, tests/gui/test_app.py).
        self.resize(available or QGuiApplication.primaryScreen().availableGeometry().size())
        chosen = self._map_choice.shown_for(self.user.name) if self.user is not None else None
        self.ui.keyboardMapDock.setVisible(chosen is not False)
        self.grab()
        columns = self.receiving.ui
        too_narrow = columns.columnsScroll.viewport().width() < columns.columnsArea.minimumSizeHint().width()
        if chosen is None and too_narrow:
            self.ui.keyboardMapDock.hide()
            self.grab()

    def add_page(self, title: str, page: QWidget, icon: QIcon | None = None) -> int:
        """Add a page to the navigation list and the stack, with its key if the keyboard map has one
        for this title; returns its index."""
        if not page.objectName():
            page.setObjectName(f"{title.lower().replace(' ', '_')}Page")
        index = self.ui.pageStack.addWidget(page)
        self.ui.navigationList.addItem(title)
        item = self.ui.navigationList.item(index)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title} page")
        binding = page_binding(title)
        if binding is not None:
            item.setData(PAGE_KEY_ROLE, binding.label)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title} page, {binding.label}")
            self._add_shortcut(binding, functools.partial(self.go_to_page, index))
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
        if stack.currentWidget() is self.receiving and self.user is not None:
            self._count_again()  # a decision voided on another page counts no more

    def show_page(self, page: QWidget) -> None:
        self.ui.navigationList.setCurrentRow(self.ui.pageStack.indexOf(page))

    def go_to_page(self, index: int) -> None:
        """A page's key: the page, with the focus back where the clerk left it there (at first on its
        first control, on Receiving the scan field), so the keyboard goes on working at once."""
        self.ui.navigationList.setCurrentRow(index)
        page = self.ui.pageStack.widget(index)
        left = self._focus_on_page.get(index)
        if left is not None and shiboken6.isValid(left) and left.isVisible() and left.isEnabled():
            left.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        first = self.receiving.ui.scanEdit if page is self.receiving else first_control(page)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def go_to_notes(self) -> None:
        """The Notes key: the current unit's notes, from any page, to type on after what is there."""
        self.show_page(self.receiving)
        notes = self.receiving.inspection_panel.ui.notesEdit
        if notes.isReadOnly():
            self.receiving.feedback(NEUTRAL, "Notes are written on an open unit: scan an RMA and pick its line.")
            return
        notes.setFocus(Qt.FocusReason.OtherFocusReason)
        notes.end(False)

    def open_container(self) -> None:
        """The container key: on Receiving, where its answer is said, whichever page was open."""
        self.show_page(self.receiving)
        self.receiving.containers.open_for_last_unit()

    def route_key(self, _receiver: QWidget, key: int, _text: str) -> bool:
        """The wedge's typed keys: window commands first, then the receiving screen's."""
        command = command_for_key(key)
        if command is Command.KEYBOARD_MAP:
            self._show_keyboard_map(not self.ui.keyboardMapDock.isVisible())
            return True
        if command is Command.SIGN_OUT:
            self.sign_out_requested.emit()
            return True
        page = self.ui.pageStack.currentWidget()
        if command is None:
            return False
        if isinstance(page, TakesScans):
            return page.handle_command(command)
        return page is self.receiving and self.receiving.handle_command(command)

    def _add_shortcut(self, binding: KeyBinding, act: Callable[[], None]) -> None:
        """A Ctrl key of the map, for the whole window: Qt gives it to the window before any text field
        sees it, and the scan wedge leaves keys with Ctrl alone."""
        shortcut = QShortcut(QKeySequence(binding.combination), self)
        shortcut.setObjectName(f"{binding.command.value}Shortcut")
        shortcut.activated.connect(act)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Where the focus is on each page, for its key to bring the clerk back there."""
        stack = self.ui.pageStack
        # Focus moves while a closed window's widgets are deleted, too.
        if new is None or not shiboken6.isValid(stack) or not stack.isAncestorOf(new):
            return
        for index in range(stack.count()):
            if stack.widget(index).isAncestorOf(new):
                self._focus_on_page[index] = new
                return

    def _show_keyboard_map(self, shown: bool) -> None:
        self.ui.keyboardMapDock.setVisible(shown)
        if self.user is not None:
            self._map_choice.remember(self.user.name, shown)

    def _keyboard_map_toggled(self, _shown: bool) -> None:
        """The hint goes where the map is shown, and the day's count takes its room."""
        dock, hint = self.ui.keyboardMapDock, self._keyboard_map_hint
        if shiboken6.isValid(dock) and shiboken6.isValid(hint):  # not while the window is deleted
            hint.setVisible(dock.isHidden())

    def _keyboard_map_closed(self) -> None:
        if self.user is not None:
            self._map_choice.remember(self.user.name, False)

    def _count_again(self) -> None:
        if self.user is not None:
            self.day_count.refresh(self.user.name)

    def _scanned(self, value: ScanValue) -> None:
        page = self.ui.pageStack.currentWidget()
        if isinstance(page, TakesScans):  # only the page showing takes a scan: the dock's stays at the dock
            page.take_scan(value)
            return
        self.show_page(self.receiving)  # on any other page a scan means receiving
        self.receiving.handle_scan(value)

    def _scan_rejected(self, message: str) -> None:
        page = self.ui.pageStack.currentWidget()
        if isinstance(page, TakesScans):
            page.take_rejected_scan(message)
            return
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
        # Type a little smaller than the work's, in rows no taller than a line: the whole map fits
        # beside the work on a 1080-line screen, with each description whole on its line.
        table.setFont(sized_font(self.font(), BASE_POINT_SIZE - 2, bold=False))
        rows = table.verticalHeader()
        rows.setMinimumSectionSize(1)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.ui.keyboardMapDock.setMinimumWidth(390)

    def _set_up_status_bar(self, station: Station, runner: OperationRunner) -> None:
        self.signed_in_label = signed_in = QLabel(self)
        signed_in.setObjectName("signedInLabel")
        signed_in.setAccessibleName("Signed-in user")
        self.day_count = DayCountLabel(station.day_counts, self._station_id, runner, self)
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
        # Where the map is hidden the way to it stays in sight; where it is shown its title names its key.
        self._keyboard_map_hint = keyboard_map_hint = QLabel("[F1] Keyboard map", self)
        keyboard_map_hint.setObjectName("keyboardMapHint")
        keyboard_map_hint.setAccessibleName("Key for the keyboard map")
        self.ui.keyboardMapDock.visibilityChanged.connect(self._keyboard_map_toggled)
        self.ui.statusBar.addWidget(signed_in)
        self.ui.statusBar.addWidget(self.day_count, 1)
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


def first_control(page: QWidget) -> QWidget | None:
    """The first control of ``page`` that Tab would reach, in the window's tab order."""
    widget = page.nextInFocusChain()
    while widget is not page:
        wanted = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if wanted and page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled():
            return widget
        widget = widget.nextInFocusChain()
    return None
