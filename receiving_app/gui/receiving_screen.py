"""The receiving screen: scan an RMA, work its lines unit by unit (weigh, inspect, decide, print).

Every service call runs through the ``OperationRunner``; the screen only reacts to what comes
back. It keeps what is on screen (the RMA, the line and unit being worked on) and hands the work
to helpers with one job each: ``UnitDisplay`` shows the current unit (live facts, or the record of
a decided one), ``LiveDecision`` asks for the decision the facts would make, ``Acceptor`` decides
and prints, ``LineActions`` holds, skips, releases, overrides and adds photos, and
``UnidentifiedAtTheBench`` records a parcel without an RMA, or items not on the RMA (F12).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from receiving_app.domain.scan import ScanValue
from receiving_app.gui.accepting import Acceptor
from receiving_app.gui.bench_layout import BenchLayout
from receiving_app.gui.container_scans import ContainerScans
from receiving_app.gui.decision_panel import DecisionPanel
from receiving_app.gui.feedback_line import FeedbackLine
from receiving_app.gui.forms.ui_receiving_screen import Ui_ReceivingScreen
from receiving_app.gui.inspection_panel import INSPECTION_COMMANDS, InspectionPanel, unit_name
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.label_printing import print_open_rma_label
from receiving_app.gui.line_actions import LineActions
from receiving_app.gui.lines_table import CartridgeColumnFit
from receiving_app.gui.live_decision import LiveDecision
from receiving_app.gui.models import RmaLinesModel, unit_states
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.rma_opening import RmaOpening, show_rma_header
from receiving_app.gui.scale_feed import ScaleFeed
from receiving_app.gui.style import BAD, NEUTRAL, Tone
from receiving_app.gui.unidentified_bench import UnidentifiedAtTheBench
from receiving_app.gui.unit_display import UnitDisplay
from receiving_app.gui.weight_panel import WeightPanel
from receiving_app.services.auth import SignedInUser
from receiving_app.services.commands import Override, ReceiveLine
from receiving_app.services.line_matching import OPEN_LINE
from receiving_app.services.station import Station
from receiving_app.services.views import DecisionView, RmaDetail, RmaLineView, RmaView


class ReceivingScreen(QWidget):
    """The bench's main page.

    Signals:
        rma_shown(object): the ``RmaView`` now on screen (after opening or refreshing it).
        line_changed(object): the ``RmaLineView`` being worked on, or None (also when the unit changes).
        preview_shown(object): the previewed ``Judgement``, or None when none could be made.
        line_recorded(object): the ``ReceiveResult`` of an accepted unit, after printing.
        feedback_shown(str): the text of the feedback line, whenever it changes.
    """

    rma_shown = Signal(object)
    line_changed = Signal(object)
    preview_shown = Signal(object)
    line_recorded = Signal(object)
    feedback_shown = Signal(str)

    def __init__(
        self,
        station: Station,
        user: SignedInUser | None,
        runner: OperationRunner,
        scale_feed: ScaleFeed | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReceivingScreen()
        self.ui.setupUi(self)
        self.station = station
        self.user = user
        """Who is receiving: None only while the window waits, built, for the next clerk to sign in."""
        self.runner = runner
        self._rma: RmaView | None = None
        self.decisions: tuple[DecisionView, ...] = ()
        """Every decision on the RMA's lines, voided ones too."""
        self._line: RmaLineView | None = None
        self._unit: int | None = None
        self._wanted_unit: int | None = None
        self.last_print_outcomes = ()
        self._feedback = FeedbackLine(self.ui.feedbackLabel)
        self.opening = RmaOpening(self)
        self.containers = ContainerScans(self)
        self.live = LiveDecision(self)
        self.display = UnitDisplay(self)
        self.acceptor = Acceptor(self)
        self.actions = LineActions(self)
        self._set_up_widgets()
        if scale_feed is not None:
            self.ui.weightPanel.source = scale_feed.protocol
            scale_feed.reading.connect(self.ui.weightPanel.show_reading)
            scale_feed.problem.connect(self.ui.weightPanel.show_scale_problem)
        self._scale_feed = scale_feed
        self.unidentified = UnidentifiedAtTheBench(self, scale_feed)
        show_rma_header(self.ui, None)

    def _set_up_widgets(self) -> None:
        ui = self.ui
        self.lines = RmaLinesModel(self)
        ui.linesTable.setModel(self.lines)
        CartridgeColumnFit(ui.linesTable)
        self.bench_layout = BenchLayout(self)
        ui.linesTable.verticalHeader().setVisible(False)
        ui.linesTable.selectionModel().currentRowChanged.connect(self._current_row_changed)
        # The key alone: the field's own words say what goes in it, and the feedback beside it needs
        # the room to say a whole accepted unit ("Line 2 unit 1: REFUND … printed …") on a 1366 px screen.
        ui.scanLabel.setText(f"[{key_label(Command.SCAN_FIELD)}]")
        ui.scanLabel.setToolTip("Scan or type")
        ui.scanEdit.returnPressed.connect(self.opening.typed_scan)
        ui.inspectionPanel.facts_changed.connect(self.live.facts_changed)
        ui.inspectionPanel.checked_by_hand.connect(self.live.checked_by_hand)
        ui.inspectionPanel.ui.notesEdit.returnPressed.connect(ui.linesTable.setFocus)
        ui.weightPanel.weight_changed.connect(self.live.facts_changed)
        ui.weightPanel.ui.manualEdit.returnPressed.connect(self._typed_weight_done)
        buttons = {
            ui.acceptButton: Command.ACCEPT,
            ui.holdButton: Command.HOLD,
            ui.notReceivedButton: Command.NOT_RECEIVED,
            ui.overrideButton: Command.OVERRIDE,
            ui.photoButton: Command.PHOTO,
        }
        for button, command in buttons.items():
            button.setText(f"{button.text()}  [{key_label(command)}]")
            button.clicked.connect(lambda _checked=False, command=command: self.handle_command(command))
        ui.scanEdit.setFocus()

    # What the screen shows --------------------------------------------------------------------------

    @property
    def rma(self) -> RmaView | None:
        return self._rma

    @property
    def current_line(self) -> RmaLineView | None:
        return self._line

    @property
    def current_unit(self) -> int | None:
        """The unit of the current line being worked on or shown, from 1 to its quantity."""
        return self._unit

    @property
    def weight_panel(self) -> WeightPanel:
        return self.ui.weightPanel

    @property
    def inspection_panel(self) -> InspectionPanel:
        return self.ui.inspectionPanel

    @property
    def decision_panel(self) -> DecisionPanel:
        return self.ui.decisionPanel

    @property
    def feedback_text(self) -> str:
        """The feedback line's whole words, whether or not they fit the screen."""
        return self._feedback.words

    def where(self) -> str:
        """The current unit in words: "Line 2", or "Unit 1 of 2 on line 2"."""
        return unit_name(self._line, self._unit) if self._line is not None and self._unit is not None else "No line"

    def unit_is_open(self) -> bool:
        """A unit is on screen that can be inspected and decided now."""
        line, unit = self._line, self._unit
        return (
            self._rma is not None
            and line is not None
            and unit is not None
            and line.status == OPEN_LINE
            and unit_states(line)[unit - 1] == "open"
        )

    def is_current(self, command: ReceiveLine) -> bool:
        return (
            self._rma is not None
            and self._line is not None
            and ((command.rma_number, command.line_no, command.unit) == (self._rma.number, self._line.line, self._unit))
        )

    # Scans ---------------------------------------------------------------------------------------

    def handle_scan(self, value: ScanValue) -> None:
        """A scan from the wedge or the scan field: an F12 parcel's, a container, a line, or an RMA to open."""
        if not self.unidentified.handle_scan(value) and not self.containers.handle_scan(value):
            self.opening.handle_scan(value)

    def show_scan_problem(self, message: str) -> None:
        self.opening.show_scan_problem(message)

    # Lines and units -----------------------------------------------------------------------------

    def select_line(self, line_no: int | None, unit: int | None = None) -> None:
        """Make a line current, at ``unit`` or else at its first open unit."""
        row = self.lines.row_of(line_no) if line_no is not None else None
        table = self.ui.linesTable
        if row is None:
            table.selectionModel().clearSelection()
            self._line_became_current(None)
            return
        self._wanted_unit = unit
        if table.currentIndex().row() == row:
            self._line_became_current(self.lines.line_at(row))
        table.selectionModel().setCurrentIndex(
            self.lines.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._line_became_current(self.lines.line_at(current.row()) if current.isValid() else None)

    def _line_became_current(self, line: RmaLineView | None) -> None:
        unit, self._wanted_unit = self._wanted_unit, None
        if line is not None and not (unit and 1 <= unit <= line.quantity):
            unit = line.open_units[0] if line.open_units else 1
        self._show_unit(line, unit if line is not None else None)

    def _show_unit(self, line: RmaLineView | None, unit: int | None) -> None:
        self._line, self._unit = line, unit
        self.live.unit_changed()
        with self.live.quiet():  # each panel announces its reset; the unit needs one preview, asked for below
            self.display.show(line, unit)
        workable, ui = self.unit_is_open(), self.ui
        for button in (ui.acceptButton, ui.notReceivedButton, ui.overrideButton, ui.photoButton):
            button.setEnabled(workable)
        self.ui.holdButton.setEnabled(line is not None and line.status == OPEN_LINE)
        if workable:
            if self._scale_feed is not None:
                self._scale_feed.place_demo_item(line)
            self.live.request()
        self.line_changed.emit(line)

    def refresh_unit(self) -> None:
        """Show the current unit again (its record has arrived)."""
        self._show_unit(self._line, self._unit)

    def _step_line(self, step: int) -> None:
        if self._rma is None or not self._rma.lines:
            return
        row = self.ui.linesTable.currentIndex().row()
        row = max(0, min(len(self._rma.lines) - 1, (row if row >= 0 else 0) + step))
        self.select_line(self._rma.lines[row].line)

    def _step_unit(self, step: int) -> None:
        line, unit = self._line, self._unit
        if line is None or unit is None:
            self.feedback(BAD, "Scan an RMA and pick a line (↑/↓) first.", alarm=True)
            return
        if not 1 <= unit + step <= line.quantity:
            self.feedback(
                NEUTRAL,
                f"Line {line.line} has {line.quantity} unit{'s' if line.quantity != 1 else ''}: this is unit {unit}.",
            )
            return
        self._show_unit(line, unit + step)

    def advance_after(self, line_no: int, unit: int | None = None) -> str:
        """Go on from a unit just dealt with: the line's next open unit, else the next open line
        (after this one, or before it); say so if the RMA closed."""
        assert self._rma is not None
        line = next((candidate for candidate in self._rma.lines if candidate.line == line_no), None)
        if line is not None and line.status == OPEN_LINE and line.open_units:
            later = [number for number in line.open_units if unit is None or number > unit] or list(line.open_units)
            self.select_line(line_no, later[0])
        else:
            open_lines = [candidate.line for candidate in self._rma.lines if candidate.status == OPEN_LINE]
            following = [number for number in open_lines if number > line_no] or open_lines
            if following:
                self.select_line(following[0])
            else:
                self.select_line(line_no, unit)
        # Short enough to be read whole on a 1366 px screen; the header names the RMA.
        return " RMA closed." if self._rma.status == "closed" else ""

    def command(self, override: Override | None = None) -> ReceiveLine:
        """The current unit as the clerk found it, to preview or receive."""
        assert self._rma is not None and self._line is not None and self._unit is not None
        inspection, weight = self.ui.inspectionPanel, self.ui.weightPanel
        return ReceiveLine(
            rma_number=self._rma.number,
            line_no=self._line.line,
            user=self.user.name,
            station=self.station.settings.station_id,
            unit=self._unit,
            reason=inspection.reason(),
            customer_choice=inspection.customer_choice(),
            condition=inspection.condition(),
            flags=inspection.flags(),
            virgin=inspection.virgin(),
            weight=weight.captured,
            readings_seen=weight.readings_seen,
            notes=inspection.notes(),
            photos=inspection.photos,
            override=override,
        )

    def workable(self, doing: str) -> bool:
        """True when the current unit is open; else say why there is nothing to ``doing``."""
        if self._rma is None:
            self.feedback(BAD, f"Scan an RMA first, then pick the line to {doing}.", alarm=True)
            return False
        if self._line is None or self._unit is None:
            self.feedback(BAD, f"Pick the line to {doing} (↑/↓ or scan the cartridge).", alarm=True)
            return False
        if self._line.status != OPEN_LINE:
            self.feedback(
                BAD, f"Line {self._line.line} is {self._line.status.replace('_', ' ')}: nothing to {doing}.", alarm=True
            )
            return False
        state = unit_states(self._line)[self._unit - 1]
        if state != "open":
            self.feedback(
                BAD,
                f"{self.where()} is {state.replace('_', ' ')}: nothing to {doing}. "
                f"{key_label(Command.PREVIOUS_UNIT)}/{key_label(Command.NEXT_UNIT)} go to its other units.",
                alarm=True,
            )
            return False
        return True

    # Keys ----------------------------------------------------------------------------------------

    def handle_command(self, command: Command) -> bool:
        """Carry out one key's command; false if the screen has no use for it."""
        if self.unidentified.handle_command(command):  # F12, and the keys of its panel while it is open
            return True
        ui, actions = self.ui, self.actions
        commands = {
            Command.SCAN_FIELD: lambda: (ui.scanEdit.setFocus(), ui.scanEdit.selectAll()),
            Command.ACCEPT: self.acceptor.accept,
            Command.PREVIOUS_LINE: lambda: self._step_line(-1),
            Command.NEXT_LINE: lambda: self._step_line(1),
            Command.PREVIOUS_UNIT: lambda: self._step_unit(-1),
            Command.NEXT_UNIT: lambda: self._step_unit(1),
            Command.CAPTURE_WEIGHT: self._capture_weight,
            Command.MANUAL_WEIGHT: ui.weightPanel.start_typing,
            Command.CLEAR_WEIGHT: ui.weightPanel.clear_capture,
            Command.HOLD: actions.hold_line,
            Command.NOT_RECEIVED: actions.mark_not_received,
            Command.PRINT_LABEL: lambda: print_open_rma_label(self),
            Command.OVERRIDE: actions.override_line,
            Command.PHOTO: actions.add_photo,
            Command.RELEASE_HOLD: actions.release_line,
            Command.LAST_MESSAGE: self._feedback.show_whole,
        }
        if command in commands:
            commands[command]()
            return True
        if command in INSPECTION_COMMANDS:
            if self.unit_is_open():
                return ui.inspectionPanel.handle_command(command)
            if self._line is not None and self._unit is not None:
                self.feedback(NEUTRAL, f"{self.where()} is not open: its facts are shown as recorded and stay so.")
            return True
        return False

    def attach_photo_files(self, paths: Sequence[Path]) -> None:
        """Damage photos from files, for the current unit (read in the background)."""
        self.actions.attach_photo_files(paths)

    def _capture_weight(self) -> None:
        self.ui.weightPanel.capture_now()
        if self.ui.weightPanel.captured is not None:
            self.live.checked_by_hand()

    def _typed_weight_done(self) -> None:
        if self.ui.weightPanel.captured is not None:
            self.live.checked_by_hand()
            self.ui.linesTable.setFocus()

    # Showing -------------------------------------------------------------------------------------

    def show_rma(self, rma: RmaView, decisions: Sequence[DecisionView], detail: RmaDetail | None = None) -> None:
        """An RMA as it stands now (the lines table is rebuilt: select a line afterwards)."""
        self._rma = rma
        self.decisions = tuple(decisions)
        self.display.remember(detail)
        self.lines.set_lines(rma.lines, decisions)
        show_rma_header(self.ui, rma)
        self.rma_shown.emit(rma)

    def show_detail(self, detail: RmaDetail) -> None:
        self.show_rma(detail.rma, detail.decisions, detail)

    def feedback(self, tone: Tone, text: str, *, alarm: bool = False, keep: bool = False) -> None:
        """The feedback line: a flash of colour, a symbol and words (and a second beep if wrong)."""
        self._feedback.say(tone, text, alarm=alarm, keep=keep)
        self.feedback_shown.emit(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.bench_layout.fit()
        self._feedback.fit()
