"""A parcel without an RMA at the bench (F12), or items found in a parcel that its RMA does not list.

F12 opens the panel in place of the receiving columns, its label pre-filled with the last scan that
opened nothing; a carrier's barcode scanned while it is open fills the label. Enter goes from the
label to the sender and the notes, then to the items: each product barcode or SKU scanned is an
item, W takes the latest item's stable weight from the scale (the bench's own weight panel, with its
rules), M a weight typed, F7 a photo, as at the bench (``gui/unidentified_items.py``). Enter then
records it all, on the worker: the unidentified return first (with the RMA on screen as the one its
items were found with), then its items one by one, so that a refusal stops at the item refused and
Enter again goes on from there. The panel then shows the return's number, its license plate and
where it waits. Escape cancels only while nothing is recorded; once finished, Enter or Escape goes
back to the bench.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from receiving_app.domain.scan import ScanValue
from receiving_app.domain.tracking import tracking_number_in
from receiving_app.gui.feedback_line import beep
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, WAIT, Tone
from receiving_app.gui.unidentified_items import ParcelItems
from receiving_app.gui.unidentified_panel import FoundItem, UnidentifiedPanel
from receiving_app.services.print_outcomes import LabelOutcome
from receiving_app.services.unidentified_views import UnidentifiedView

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen
    from receiving_app.gui.scale_feed import ScaleFeed

RECORDING_KEY = "unidentified-return"
# The bench's keys that keep their meaning while the panel is open: F2 (the scan field, where an
# item's code can be typed), F9 (the last message) and the arrows (along the items listed).
_BENCH_KEYS = {Command.SCAN_FIELD, Command.LAST_MESSAGE, Command.PREVIOUS_LINE, Command.NEXT_LINE}


class UnidentifiedAtTheBench:
    """The F12 panel's keys, scans and service calls, for the receiving screen."""

    def __init__(self, screen: ReceivingScreen, scale_feed: ScaleFeed | None) -> None:
        self._screen = screen
        self._scale_feed = scale_feed
        self._panel: UnidentifiedPanel | None = None
        self._items: ParcelItems | None = None
        self._escape: QShortcut | None = None
        self.last_unknown_label = ""
        """The text of the last scan that opened nothing: the label F12 starts from."""
        self._found_with: str | None = None
        self._recorded: UnidentifiedView | None = None
        self._finished = False
        self._panel_fed = False

    @property
    def is_open(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    @property
    def panel(self) -> UnidentifiedPanel | None:
        return self._panel

    @property
    def items(self) -> tuple[FoundItem, ...]:
        return self._items.items if self._items is not None else ()

    # Keys and scans ------------------------------------------------------------------------------

    def handle_command(self, command: Command) -> bool:
        """True when the key is this panel's (F12 always is); the bench's other keys wait while it is open."""
        if not self.is_open:
            if command is Command.UNIDENTIFIED:
                self.open()
                return True
            return False
        if command in _BENCH_KEYS:
            return False
        panel, items = self._panel, self._items
        assert panel is not None and items is not None
        if self._finished:
            if command is Command.UNIDENTIFIED:
                self.open()  # the next parcel without an RMA
            elif command is Command.ACCEPT:
                self.cancel()
            else:
                self._say(NEUTRAL, f"{self._recorded.number} is recorded: {self._ways_out()}.")
            return True
        keys: dict[Command, Callable[[], None]] = {
            Command.CAPTURE_WEIGHT: items.capture_weight,
            Command.MANUAL_WEIGHT: panel.weight.start_typing,
            Command.CLEAR_WEIGHT: panel.weight.clear_capture,
            Command.PHOTO: items.add_photo,
            Command.ACCEPT: self.record,
            Command.UNIDENTIFIED: panel.ui.labelEdit.setFocus,
        }
        if command not in keys:
            self._say(NEUTRAL, f"Finish the parcel without an RMA first: {self._ways_out()}.")
        elif self._screen.runner.is_running(RECORDING_KEY):
            self._say(WAIT, "Still recording…")
        else:
            keys[command]()
        return True

    def handle_scan(self, value: ScanValue) -> bool:
        """True when the panel took the scan: a carrier's barcode for its label, anything else as an item."""
        if not self.is_open:
            return False
        panel, items = self._panel, self._items
        assert panel is not None and items is not None
        if self._finished:  # the next parcel: the bench takes it
            self._close()
            return False
        beep()
        tracking = tracking_number_in(value)
        if self._recorded is not None and tracking is not None:
            self._say(BAD, f"{self._recorded.number} is recorded with its label: scan its items.", alarm=True)
            return True
        # A code scanned into the label field is the label, unless it names a product.
        typed_there = panel.ui.labelEdit.hasFocus() and value.gtin is None and items.product_of(value) is None
        if tracking is not None or typed_there:
            panel.ui.labelEdit.setText(value.text)
            panel.ui.senderEdit.setFocus()
            self._say(GOOD, f"Label {value.text}. Type the sender as written, then scan each item.")
            return True
        items.add(value)
        return True

    def remember_unknown_label(self, text: str) -> None:
        self.last_unknown_label = text

    # Opening and closing -------------------------------------------------------------------------

    def open(self) -> None:
        screen = self._screen
        panel = self._panel or self._build_panel()
        self._found_with = screen.rma.number if screen.rma is not None else None
        self._recorded, self._finished = None, False
        panel.start(self.last_unknown_label, self._found_with)
        assert self._items is not None
        self._items.reset()
        self._feed_panel(True)
        assert self._escape is not None
        self._escape.setEnabled(True)
        screen.ui.columnsScroll.hide()
        panel.show()
        panel.ui.labelEdit.setFocus()
        found = f"the items not on {self._found_with}" if self._found_with else "a parcel without an RMA"
        self._say(NEUTRAL, f"Recording {found}: scan its label, then each item. Esc cancels.")

    def _build_panel(self) -> UnidentifiedPanel:
        """Made at the first F12: a shift that never meets a parcel without an RMA never pays for it."""
        screen = self._screen
        panel = self._panel = UnidentifiedPanel(screen)
        panel.hide()
        layout = screen.ui.screenLayout
        layout.insertWidget(layout.indexOf(screen.ui.columnsScroll) + 1, panel)
        self._items = ParcelItems(screen, panel, self._scale_feed)
        panel.ui.labelEdit.returnPressed.connect(panel.ui.senderEdit.setFocus)
        panel.ui.senderEdit.returnPressed.connect(panel.ui.notesEdit.setFocus)
        panel.ui.notesEdit.returnPressed.connect(self._to_items)
        # Anywhere on the receiving screen (the scan field too), and only while the panel is open.
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), screen)
        self._escape.setObjectName("cancelUnidentifiedShortcut")
        self._escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._escape.activated.connect(self.cancel)
        if self._scale_feed is not None:
            panel.weight.source = self._scale_feed.protocol
            self._scale_feed.problem.connect(panel.weight.show_scale_problem)
        return panel

    def cancel(self) -> None:
        """Escape: closes the panel while nothing is recorded, or once it is finished."""
        if not self.is_open:
            return
        if self._recorded is not None and not self._finished:
            self._say(MOVING, f"{self._recorded.number} is recorded already: {self._ways_out()}.", alarm=True)
            return
        said = (
            f"{self._recorded.number} is recorded; back to the bench."
            if self._recorded is not None
            else "Parcel without an RMA cancelled: nothing was recorded."
        )
        self._close()
        self._say(NEUTRAL, said)

    def _close(self) -> None:
        screen = self._screen
        assert self._panel is not None
        self._panel.hide()
        self._feed_panel(False)
        assert self._escape is not None
        self._escape.setEnabled(False)
        screen.ui.columnsScroll.show()
        if self._finished:
            self.last_unknown_label = ""
        (screen.ui.linesTable if screen.rma is not None else screen.ui.scanEdit).setFocus()

    def _feed_panel(self, fed: bool) -> None:
        """The scale's readings go to the weight panel in view only: the bench's, hidden behind this
        panel, must not take an item's weight for the unit it shows."""
        feed, panel = self._scale_feed, self._panel
        if feed is None or panel is None or fed == self._panel_fed:
            return
        bench, item = self._screen.weight_panel.show_reading, panel.weight.show_reading
        feed.reading.disconnect(bench if fed else item)
        feed.reading.connect(item if fed else bench)
        self._panel_fed = fed

    def _to_items(self) -> None:
        assert self._panel is not None
        self._panel.ui.itemsTable.setFocus()
        self._say(NEUTRAL, "Scan each item in the parcel; weigh each as it is scanned.")

    # Recording -----------------------------------------------------------------------------------

    def record(self) -> None:
        """Enter: record what is not yet recorded, one step after another on the worker."""
        self._say(WAIT, "Recording…")
        self._next_step()

    def _next_step(self) -> None:
        screen, panel, items = self._screen, self._panel, self._items
        assert panel is not None and items is not None
        service, user, station = screen.station.unidentified, screen.user.name, screen.station.settings.station_id
        work: Callable[[], UnidentifiedView]
        if self._recorded is None:
            ui, found_with = panel.ui, self._found_with
            label, sender, notes = ui.labelEdit.text().strip(), ui.senderEdit.text(), ui.notesEdit.text()

            def work() -> UnidentifiedView:
                return service.record(
                    tracking_or_label=label or None,
                    sender=sender,
                    notes=notes,
                    found_with_rma=found_with,
                    place=None,
                    user=user,
                    station=station,
                )

            def done(view: UnidentifiedView) -> None:
                panel.lock_fields()  # the label, sender and notes are on file now
                self._step_done(view)

        else:
            item = next((found for found in items.items if not found.recorded), None)
            if item is None:
                self._show_finished()
                return
            number = self._recorded.number

            def work() -> UnidentifiedView:
                return service.add_item(
                    number, scanned=item.scan, weight=item.weight, photos=item.photos, user=user, station=station
                )

            def done(view: UnidentifiedView) -> None:
                items.mark_recorded(item)
                self._step_done(view)

        screen.runner.start(
            work,
            owner=screen,
            key=RECORDING_KEY,
            on_success=done,
            on_failure=lambda message: self._say(BAD, f"{message} Enter tries again.", alarm=True, keep=True),
        )

    def _step_done(self, view: UnidentifiedView) -> None:
        assert self._panel is not None
        self._recorded = view
        self._panel.show_recorded(view)
        self._next_step()

    def _show_finished(self) -> None:
        view = self._recorded
        assert self._panel is not None and view is not None
        self._finished = True
        self._panel.show_recorded(view, finished=True)
        self._panel.ui.itemsTable.setFocus()
        count = f"{len(view.items)} item{'' if len(view.items) == 1 else 's'}"
        screen = self._screen
        station, user = screen.station, screen.user.name

        def print_plate() -> LabelOutcome:
            return station.printing.print_license_plate(
                view.lpn, station.printer_settings, user=user, station=station.settings.station_id
            )

        def printed(label: LabelOutcome) -> None:
            done = "saved to folder" if label.saved_to_folder else "printed"
            if label.problem:
                self._say(
                    BAD, f"{view.number} recorded, {count}; plate {view.lpn} not printed: {label.problem}", keep=True
                )
            else:
                self._say(
                    GOOD,
                    f"{view.number} recorded, {count}: plate {view.lpn} {done}; it goes to {view.place}.",
                    keep=True,
                )

        screen.runner.start(
            print_plate,
            owner=screen,
            key=RECORDING_KEY,
            on_success=printed,
            # Recorded all the same: the plate prints again with `print LPN` or from the RMA desk.
            on_failure=lambda message: self._say(
                BAD, f"{view.number} recorded; plate {view.lpn} not printed: {message}", keep=True
            ),
        )

    # Words ---------------------------------------------------------------------------------------

    def _ways_out(self) -> str:
        enter = key_label(Command.ACCEPT)
        if self._finished:
            return f"{enter} or Esc goes back to the bench"
        if self._recorded is not None:
            return f"{enter} records the rest"
        return f"{enter} records it, Esc cancels"

    def _say(self, tone: Tone, text: str, *, alarm: bool = False, keep: bool = False) -> None:
        self._screen.feedback(tone, text, alarm=alarm, keep=keep)
