"""The receiving screen: scan an RMA, pick the cartridge's line, weigh, inspect, decide, print.

Every service call runs through the ``OperationRunner``; the screen only reacts to what comes
back. The live decision is a preview (nothing written) that is asked for again whenever a fact
changes, one at a time, so a burst of key presses costs one preview rather than one each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QWidget

from receiving_app.domain.decision import Decision
from receiving_app.domain.engine import MissingFact
from receiving_app.domain.scan import ScanError, ScanValue, parse_scan
from receiving_app.gui.decision_panel import DecisionPanel
from receiving_app.gui.dialogs import NoteDialog, OverrideDialog, ReleaseHoldDialog
from receiving_app.gui.forms.ui_receiving_screen import Ui_ReceivingScreen
from receiving_app.gui.inspection_panel import InspectionPanel
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.models import RmaLinesModel
from receiving_app.gui.operations import OperationRunner, readable_message
from receiving_app.gui.photos import PHOTO_FILE_FILTER, CameraDialog, read_photo_files, station_has_camera
from receiving_app.gui.scale_feed import ScaleFeed
from receiving_app.gui.scan_wedge import describe_scan
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, OUTCOME_TONES, Tone, restyle, sized_font, tone_style
from receiving_app.gui.weight_panel import WeightPanel
from receiving_app.services.auth import SignedInUser
from receiving_app.services.commands import Override, ReceiveLine
from receiving_app.services.line_matching import OPEN_LINE, match_line
from receiving_app.services.printing import PrintOutcome
from receiving_app.services.station import Station
from receiving_app.services.views import DecisionView, ReceiveResult, RmaLineView, RmaView

FLASH_MS = 900
# An RMA that opens sooner than this shows without an "Opening…" line first: painting that line
# would take the interpreter from the lookup it announces (the beep has already answered the scan).
OPENING_NOTICE_DELAY_MS = 150
_STATUS_TONES = {"open": NEUTRAL, "partially_received": MOVING, "closed": GOOD}


class ReceivingScreen(QWidget):
    """The bench's main page.

    Signals:
        rma_shown(object): the ``RmaView`` now on screen (after opening or refreshing it).
        line_changed(object): the ``RmaLineView`` being worked on, or None.
        preview_shown(object): the previewed ``Decision``, or None when none could be made.
        line_recorded(object): the ``ReceiveResult`` of an accepted line, after printing.
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
        self.form = Ui_ReceivingScreen()
        self.form.setupUi(self)
        self._station = station
        self.user = user
        """Who is receiving: None only while the window waits, built, for the next clerk to sign in."""
        self._runner = runner
        self._rma: RmaView | None = None
        self._decisions: dict[int, DecisionView] = {}
        self._line: RmaLineView | None = None
        self._preview_running = False
        self._preview_wanted = False
        self._setting_up_line = False
        self.last_print_outcomes: tuple[PrintOutcome, ...] = ()
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(self._calm_feedback)
        self._feedback_tone = NEUTRAL
        self._feedback_words = self.form.feedbackLabel.text()
        self._scan_being_opened = ""
        self._opening_notice = QTimer(self)
        self._opening_notice.setSingleShot(True)
        self._opening_notice.setInterval(OPENING_NOTICE_DELAY_MS)
        self._opening_notice.timeout.connect(lambda: self._feedback(NEUTRAL, f"Opening {self._scan_being_opened}…"))
        self._set_up_widgets()
        if scale_feed is not None:
            self.form.weightPanel.source = scale_feed.protocol
            scale_feed.reading.connect(self.form.weightPanel.show_reading)
            scale_feed.problem.connect(self.form.weightPanel.show_scale_problem)
        self._scale_feed = scale_feed
        self._show_header(None)

    def _set_up_widgets(self) -> None:
        form = self.form
        self.lines = RmaLinesModel(self)
        form.linesTable.setModel(self.lines)
        header = form.linesTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RmaLinesModel.COLUMNS.index("Status"), QHeaderView.ResizeMode.Stretch)
        form.linesTable.verticalHeader().setVisible(False)
        form.linesTable.selectionModel().currentRowChanged.connect(self._current_row_changed)
        form.numberValue.setFont(sized_font(self.font(), 22))
        form.feedbackLabel.setFont(sized_font(self.font(), 16))
        form.scanLabel.setText(f"[{key_label(Command.SCAN_FIELD)}]  Scan or type")
        form.scanEdit.returnPressed.connect(self._typed_scan)
        form.inspectionPanel.facts_changed.connect(self._request_preview)
        form.inspectionPanel.form.notesEdit.returnPressed.connect(form.linesTable.setFocus)
        form.weightPanel.weight_changed.connect(self._request_preview)
        form.weightPanel.form.manualEdit.returnPressed.connect(self._typed_weight_done)
        buttons = {
            form.acceptButton: Command.ACCEPT,
            form.holdButton: Command.HOLD,
            form.notReceivedButton: Command.NOT_RECEIVED,
            form.overrideButton: Command.OVERRIDE,
            form.photoButton: Command.PHOTO,
        }
        for button, command in buttons.items():
            button.setText(f"{button.text()}  [{key_label(command)}]")
            button.clicked.connect(lambda _checked=False, command=command: self.handle_command(command))
        form.acceptButton.setFont(sized_font(self.font(), 18))
        form.acceptButton.setMinimumHeight(56)
        form.scanEdit.setFocus()

    # What the screen shows --------------------------------------------------------------------------

    @property
    def rma(self) -> RmaView | None:
        return self._rma

    @property
    def current_line(self) -> RmaLineView | None:
        return self._line

    @property
    def weight_panel(self) -> WeightPanel:
        return self.form.weightPanel

    @property
    def inspection_panel(self) -> InspectionPanel:
        return self.form.inspectionPanel

    @property
    def decision_panel(self) -> DecisionPanel:
        return self.form.decisionPanel

    @property
    def feedback_text(self) -> str:
        """The feedback line's whole words, whether or not they fit the screen."""
        return self._feedback_words

    # Scans ---------------------------------------------------------------------------------------

    def handle_scan(self, value: ScanValue) -> None:
        """A scan from the wedge or the scan field: a line of this RMA, or another RMA to open."""
        self._beep()
        if self._rma is not None:
            match = match_line(self._rma, value)
            if match.line is not None:
                self.select_line(match.line.line)
                self._feedback(GOOD, match.message)
                return
            if match.product:
                self._feedback(BAD, match.message, alarm=True)
                return
        if value.gtin is not None:
            self._feedback(BAD, f"{describe_scan(value)} is a cartridge: scan the RMA label first.", alarm=True)
            return
        self._open_rma(value.text)

    def show_scan_problem(self, message: str) -> None:
        self._beep()
        self._feedback(BAD, f"Scan not understood: {message}", alarm=True)

    def _typed_scan(self) -> None:
        text = self.form.scanEdit.text()
        self.form.scanEdit.clear()
        if not text.strip():
            return
        try:
            value = parse_scan(text)
        except ScanError as problem:
            self.show_scan_problem(str(problem))
            return
        self.form.linesTable.setFocus()  # so that the next keys are commands again
        self.handle_scan(value)

    def _open_rma(self, text: str) -> None:
        receiving = self._station.receiving
        user, station_id = self.user.name, self._station.settings.station_id
        open_before = self._rma.number if self._rma else None

        def refused(message: str) -> None:
            self._opening_notice.stop()
            if open_before:
                message = f"{text} is not an SKU on {open_before}, and {message[0].lower()}{message[1:]}"
            self._feedback(BAD, message, alarm=True)

        self._scan_being_opened = text
        self._opening_notice.start()
        self._runner.start(lambda: receiving.look_up_scan(text, user=user, station=station_id), owner=self, key="open-rma",
                           on_success=self._opened, on_failure=refused)

    def _opened(self, opened: tuple[RmaView, tuple[DecisionView, ...]]) -> None:
        rma, decisions = opened
        self._opening_notice.stop()
        self._show_rma(rma, decisions)
        self._record_opened(rma.number)
        open_lines = [line for line in rma.lines if line.status == OPEN_LINE]
        count = f"{len(rma.lines)} line{'s' if len(rma.lines) != 1 else ''}"
        if open_lines:
            self._feedback(GOOD, f"Opened {rma.number}: {count}, {len(open_lines)} to receive. Scan or pick a cartridge.")
            self.select_line(open_lines[0].line)
        else:
            self._feedback(GOOD, f"{rma.number} is {rma.status.replace('_', ' ')}: nothing left to receive.")
            self.select_line(rma.lines[0].line if rma.lines else None)
        self.form.linesTable.setFocus()

    def _record_opened(self, number: str) -> None:
        # Recorded once the lines are on screen: the clerk is waiting for the lines, not for the
        # audit trail's commit (a disk flush) or for another station's write lock.
        receiving, user, station_id = self._station.receiving, self.user.name, self._station.settings.station_id
        self._runner.start(
            lambda: receiving.record_opened(number, user=user, station=station_id),
            owner=self,
            after_paint=True,
            on_failure=lambda message: self._feedback(BAD, f"{number} is open, but opening it was not recorded: {message}", alarm=True),
        )

    # Lines ---------------------------------------------------------------------------------------

    def select_line(self, line_no: int | None) -> None:
        row = self.lines.row_of(line_no) if line_no is not None else None
        table = self.form.linesTable
        if row is None:
            table.selectionModel().clearSelection()
            self._line_became_current(None)
            return
        index = self.lines.index(row, 0)
        if table.currentIndex().row() == row:
            self._line_became_current(self.lines.line_at(row))
        table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._line_became_current(self.lines.line_at(current.row()) if current.isValid() else None)

    def _line_became_current(self, line: RmaLineView | None) -> None:
        self._line = line
        workable = line is not None and line.status == OPEN_LINE
        self._setting_up_line = True  # each panel announces its reset; the line needs one preview, asked for below
        try:
            self.form.weightPanel.set_line(line if workable else None)
            self.form.inspectionPanel.set_line(line if workable else None)
        finally:
            self._setting_up_line = False
        for button in (self.form.acceptButton, self.form.holdButton, self.form.notReceivedButton,
                       self.form.overrideButton, self.form.photoButton):
            button.setEnabled(workable)
        if line is None:
            self.form.decisionPanel.show_message("Scan an RMA" if self._rma is None else "No line picked")
        elif line.status == "decided" and line.line in self._decisions:
            self.form.decisionPanel.show_recorded(self._decisions[line.line])
        elif line.status == "on_hold":
            self.form.decisionPanel.show_waiting(
                f"Line {line.line} is on hold: {line.hold_note}. A supervisor releases it ({key_label(Command.RELEASE_HOLD)})."
            )
        elif not workable:
            self.form.decisionPanel.show_message(f"Line {line.line}: {line.status.replace('_', ' ')}")
        else:
            if self._scale_feed is not None:
                self._scale_feed.place_demo_item(line)
            self._request_preview()
        self.line_changed.emit(line)

    def _step_line(self, step: int) -> None:
        if self._rma is None or not self._rma.lines:
            return
        row = self.form.linesTable.currentIndex().row()
        row = max(0, min(len(self._rma.lines) - 1, (row if row >= 0 else 0) + step))
        self.select_line(self._rma.lines[row].line)

    def _advance_after(self, line_no: int) -> str:
        """Go to the next open line after this one (or before it); say so if the RMA closed."""
        assert self._rma is not None
        open_lines = [line.line for line in self._rma.lines if line.status == OPEN_LINE]
        following = [number for number in open_lines if number > line_no] or open_lines
        self.select_line(following[0] if following else line_no)
        if self._rma.status == "closed":
            return " RMA closed."  # short enough to be read whole on a 1366 px screen; the header names it
        return ""

    # The live decision -----------------------------------------------------------------------------

    def _command(self, override: Override | None = None) -> ReceiveLine:
        assert self._rma is not None and self._line is not None
        inspection, weight = self.form.inspectionPanel, self.form.weightPanel
        return ReceiveLine(
            rma_number=self._rma.number,
            line_no=self._line.line,
            user=self.user.name,
            station=self._station.settings.station_id,
            reason=inspection.reason(),
            customer_choice=inspection.customer_choice(),
            condition=inspection.condition(),
            flags=inspection.flags(),
            weight=weight.captured,
            readings_seen=weight.readings_seen,
            notes=inspection.notes(),
            photos=inspection.photos,
            override=override,
        )

    def _request_preview(self) -> None:
        if self._setting_up_line or self._line is None or self._line.status != OPEN_LINE or self._rma is None:
            return
        if self._preview_running:
            self._preview_wanted = True  # asked again when the running preview comes back
            return
        command = self._command()
        receiving = self._station.receiving

        def preview() -> Decision | MissingFact:
            try:
                return receiving.preview(command)
            except MissingFact as missing:
                return missing

        self._preview_running = True
        self._preview_wanted = False
        # After the paint: the new line shows first, and its decision (usually "weigh it") a frame later.
        self._runner.start(preview, owner=self, after_paint=True, on_success=lambda result: self._previewed(command, result),
                           on_failure=self._preview_failed)

    def _previewed(self, command: ReceiveLine, result: Decision | MissingFact) -> None:
        self._preview_running = False
        if self._preview_wanted or not self._is_current(command):
            self._request_preview()
            return
        if isinstance(result, MissingFact):
            self.form.decisionPanel.show_waiting(str(result))
            self.preview_shown.emit(None)
        else:
            self.form.decisionPanel.show_decision(result)
            self.preview_shown.emit(result)

    def _preview_failed(self, message: str) -> None:
        self._preview_running = False
        if self._preview_wanted:
            self._request_preview()
            return
        self.form.decisionPanel.show_problem(message)
        self.preview_shown.emit(None)

    def _is_current(self, command: ReceiveLine) -> bool:
        return self._line is not None and self._rma is not None and (command.rma_number, command.line_no) == (self._rma.number, self._line.line)

    # Accepting, holding, skipping ------------------------------------------------------------------

    def accept_line(self, override: Override | None = None) -> None:
        if not self._workable("accept"):
            return
        command = self._command(override)
        key = f"receive:{command.rma_number}:{command.line_no}"
        if self._runner.is_running(key):
            self._feedback(MOVING, f"Line {command.line_no} is already being recorded…")
            return
        station, printer_settings = self._station, self._station.printer_settings

        def receive_and_print() -> tuple[ReceiveResult, tuple[PrintOutcome, ...], object]:
            result = station.receiving.receive(command)
            outcomes = []
            for document in () if result.already_decided else result.decision.documents:
                try:
                    outcomes.append(
                        station.printing.print_document(
                            document.number, printer_settings(document.type), user=command.user, station=command.station
                        )
                    )
                except Exception as error:  # the document is stored; a failed print must not hide that
                    outcomes.append(PrintOutcome(document.number, "", False, False, readable_message(error)))
            return result, tuple(outcomes), station.history.show_rma(command.rma_number)

        self._feedback(NEUTRAL, f"Recording line {command.line_no}…")
        self._runner.start(receive_and_print, owner=self, key=key, on_success=self._recorded, on_failure=lambda message: self._feedback(BAD, message, alarm=True))

    def _recorded(self, outcome: tuple[ReceiveResult, tuple[PrintOutcome, ...], object]) -> None:
        result, prints, detail = outcome
        self.last_print_outcomes = prints
        self._show_rma(detail.rma, detail.decisions)
        decision = result.decision
        summary = f"Line {result.line}: {decision.outcome.upper()} ${decision.refund_total}"
        failed = [print_outcome for print_outcome in prints if not print_outcome.printed]
        if result.already_decided:
            tone, text = MOVING, f"{summary} — it had already been decided; nothing new was written."
        elif failed:
            problems = "; ".join(f"{failure.number}: {failure.problem}" for failure in failed)
            tone, text = BAD, f"{summary} is recorded, but did not print ({problems}). Reprint it from History."
        else:
            # Numbers only (their prefix names the kind, the paper its title): the whole message fits a 1366 px screen.
            documents = ", ".join(document.number for document in decision.documents)
            tone, text = OUTCOME_TONES.get(decision.outcome, GOOD), f"{summary} — printed {documents or 'no documents'}."
        text += self._advance_after(result.line)
        self._feedback(tone, text, alarm=bool(failed), keep=True)
        self.line_recorded.emit(result)

    def hold_line(self) -> None:
        if not self._workable("hold"):
            return
        line_no = self._line.line
        dialog = NoteDialog("Hold line", f"Why does line {line_no} ({self._line.sku}) wait?", required=True, parent=self)
        dialog.note_given.connect(lambda note: self._change_line("hold", line_no, note))
        dialog.open()

    def mark_not_received(self) -> None:
        if not self._workable("mark as not received"):
            return
        line_no = self._line.line
        dialog = NoteDialog(
            "Did not arrive", f"Line {line_no} ({self._line.sku}) was not in the parcel. A note (optional):", required=False, parent=self
        )
        dialog.note_given.connect(lambda note: self._change_line("not_received", line_no, note))
        dialog.open()

    def _change_line(self, change: str, line_no: int, note: str, *, by: str | None = None) -> None:
        """Hold a line, record it as not received, or release its hold (``by`` the supervisor who did)."""
        assert self._rma is not None
        number, user, station_id = self._rma.number, by or self.user.name, self._station.settings.station_id
        receiving, history = self._station.receiving, self._station.history
        act = {"hold": receiving.hold, "not_received": receiving.mark_not_received, "release": receiving.release_hold}[change]

        def change_it():
            act(number, line_no, user=user, station=station_id, note=note)
            return history.show_rma(number)

        def changed(detail) -> None:
            self._show_rma(detail.rma, detail.decisions)
            if change == "release":
                self.select_line(line_no)
                self._feedback(GOOD, f"Line {line_no} is released by {user}: weigh and inspect it.", keep=True)
                return
            done = "is on hold" if change == "hold" else "is recorded as not received"
            closing = self._advance_after(line_no)
            self._feedback(MOVING, f"Line {line_no} {done}.{closing}", keep=True)

        self._runner.start(change_it, owner=self, key=f"receive:{number}:{line_no}", on_success=changed,
                           on_failure=lambda message: self._feedback(BAD, message, alarm=True))

    def override_line(self) -> None:
        if not self._workable("override"):
            return
        dialog = OverrideDialog(self)
        dialog.override_requested.connect(
            lambda supervisor, password, outcome, reason: self._verify_supervisor(
                dialog, supervisor, password, lambda signed_in: self.accept_line(Override(signed_in.name, outcome, reason))
            )
        )
        dialog.open()

    def release_line(self) -> None:
        line = self._line
        if self._rma is None or line is None:
            self._feedback(BAD, "Scan an RMA and pick its line on hold (↑/↓ or scan the cartridge) to release it.", alarm=True)
            return
        if line.status != "on_hold":
            self._feedback(BAD, f"Line {line.line} is {line.status.replace('_', ' ')}, not on hold: nothing to release.", alarm=True)
            return
        dialog = ReleaseHoldDialog(
            f"Line {line.line} ({line.sku}) is on hold: {line.hold_note}. A supervisor releases it for receiving.", self
        )
        dialog.release_requested.connect(
            lambda supervisor, password, note: self._verify_supervisor(
                dialog, supervisor, password, lambda signed_in: self._change_line("release", line.line, note, by=signed_in.name)
            )
        )
        dialog.open()

    def _verify_supervisor(
        self, dialog: OverrideDialog | ReleaseHoldDialog, supervisor: str, password: str, then: Callable[[SignedInUser], None]
    ) -> None:
        auth, station_id = self._station.auth, self._station.settings.station_id

        def verified(signed_in: SignedInUser) -> None:
            dialog.accept()
            then(signed_in)

        self._runner.start(
            lambda: auth.verify_supervisor(supervisor, password, station=station_id),
            owner=dialog,
            key="verify-supervisor",
            on_success=verified,
            on_failure=dialog.show_problem,
        )

    def add_photo(self) -> None:
        if not self._workable("add a photo to"):
            return
        if station_has_camera():
            camera = CameraDialog(self)
            camera.photo_taken.connect(lambda photo: self.form.inspectionPanel.add_photos([photo]))
            camera.open()
            return
        names, _ = QFileDialog.getOpenFileNames(self, "Damage photos", "", PHOTO_FILE_FILTER)
        if names:
            self.attach_photo_files([Path(name) for name in names])

    def attach_photo_files(self, paths: Sequence[Path]) -> None:
        """Read photo files in the background and add them to the line's inspection."""
        self._runner.start(
            lambda: read_photo_files(paths),
            owner=self,
            on_success=self._photos_read,
            on_failure=lambda message: self._feedback(BAD, message, alarm=True),
        )

    def _photos_read(self, photos) -> None:
        self.form.inspectionPanel.add_photos(photos)
        self._feedback(GOOD, f"{len(photos)} photo(s) added to line {self._line.line if self._line else ''}.")

    def _workable(self, doing: str) -> bool:
        if self._rma is None:
            self._feedback(BAD, f"Scan an RMA first, then pick the line to {doing}.", alarm=True)
            return False
        if self._line is None:
            self._feedback(BAD, f"Pick the line to {doing} (↑/↓ or scan the cartridge).", alarm=True)
            return False
        if self._line.status != OPEN_LINE:
            self._feedback(BAD, f"Line {self._line.line} is {self._line.status.replace('_', ' ')}: nothing to {doing}.", alarm=True)
            return False
        return True

    # Keys ----------------------------------------------------------------------------------------

    def handle_command(self, command: Command) -> bool:
        """Carry out one key's command; false if the screen has no use for it."""
        form = self.form
        actions = {
            Command.SCAN_FIELD: lambda: (form.scanEdit.setFocus(), form.scanEdit.selectAll()),
            Command.ACCEPT: self.accept_line,
            Command.PREVIOUS_LINE: lambda: self._step_line(-1),
            Command.NEXT_LINE: lambda: self._step_line(1),
            Command.CAPTURE_WEIGHT: form.weightPanel.capture_now,
            Command.MANUAL_WEIGHT: form.weightPanel.start_typing,
            Command.CLEAR_WEIGHT: form.weightPanel.clear_capture,
            Command.HOLD: self.hold_line,
            Command.NOT_RECEIVED: self.mark_not_received,
            Command.OVERRIDE: self.override_line,
            Command.PHOTO: self.add_photo,
            Command.RELEASE_HOLD: self.release_line,
        }
        if command in actions:
            actions[command]()
            return True
        if form.inspectionPanel.isEnabled():
            return form.inspectionPanel.handle_command(command)
        return False

    def _typed_weight_done(self) -> None:
        if self.form.weightPanel.captured is not None:
            self.form.linesTable.setFocus()

    # Showing -------------------------------------------------------------------------------------

    def _show_rma(self, rma: RmaView, decisions: Sequence[DecisionView]) -> None:
        self._rma = rma
        self._decisions = {decision.line: decision for decision in decisions}
        self.lines.set_lines(rma.lines, decisions)
        self._show_header(rma)
        self.rma_shown.emit(rma)

    def _show_header(self, rma: RmaView | None) -> None:
        form = self.form
        if rma is None:
            for label in (form.numberValue, form.statusValue, form.customerValue, form.orderValue, form.sellerValue, form.datesValue):
                label.setText("—")
            restyle(form.statusValue, "")
            return
        tone = _STATUS_TONES.get(rma.status, NEUTRAL)
        form.numberValue.setText(rma.number)
        form.statusValue.setText(f"{tone.symbol} {rma.status.replace('_', ' ')}")
        restyle(form.statusValue, tone_style(tone))
        form.customerValue.setText(f"{rma.customer_name} · account {rma.customer_account}")
        form.orderValue.setText(f"{rma.order_number} · paid by {rma.payment_method.replace('_', ' ')}")
        form.sellerValue.setText(f"{rma.seller} · {rma.authorization} policy {rma.policy} v{rma.policy_version}")
        dates = [f"purchased {rma.purchased}", f"shipped {rma.shipped or '—'}", f"delivered {rma.delivered or '—'}", f"return authorised {rma.reported}"]
        form.datesValue.setText(" · ".join(dates))

    def _feedback(self, tone: Tone, text: str, *, alarm: bool = False, keep: bool = False) -> None:
        """The feedback line: a flash of colour, a symbol and words (and a second beep if wrong)."""
        if alarm:
            QTimer.singleShot(180, self._beep)
        self._feedback_tone = tone
        label = self.form.feedbackLabel
        self._feedback_words = f"{tone.symbol} {text}"
        restyle(label, tone_style(tone) + " border: 3px solid #000000;")
        self._fit_feedback_words()
        self._flash.start(FLASH_MS * (3 if keep else 1))
        self.feedback_shown.emit(text)

    def _fit_feedback_words(self) -> None:
        # On a narrow screen a long message ends in "…" rather than in the middle of a word; the
        # whole of it is in the tooltip, and read out to screen readers.
        label, words = self.form.feedbackLabel, self._feedback_words
        metrics = label.fontMetrics()
        room = label.contentsRect().width() - metrics.horizontalAdvance("x")  # a framed label indents by half an x
        label.setText(metrics.elidedText(words, Qt.TextElideMode.ElideRight, room))
        label.setToolTip(words)
        label.setAccessibleDescription(words)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_feedback_words()

    def _calm_feedback(self) -> None:
        # After the flash the words stay, in a quieter frame, until the next event.
        tone = self._feedback_tone
        restyle(self.form.feedbackLabel, f"color: #202124; border: 3px solid {tone.background}; border-radius: 6px; padding: 6px;")

    @staticmethod
    def _beep() -> None:
        QApplication.beep()
