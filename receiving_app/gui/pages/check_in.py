"""Check-in at the dock: each parcel's label scanned once as it comes off the truck, the parcel left closed.

While this page shows, the window gives it the scanner's scans (``take_scan``): one scan per parcel,
no key to press. Each answer is a large banner in words, symbol and colour and a sound: one beep for
a parcel checked in now, two for one to look at (checked in before, a label that names no RMA, so
the parcel goes on the unidentified shelf) or a scan that is no parcel's label. A label the scanner
cannot read is typed in the field F2 goes to, then Enter. Scans are checked in one after another,
on the worker, in the order they were made, so the banner always answers the latest scan last.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from receiving_app.domain.scan import ScanError, ScanValue, parse_scan
from receiving_app.gui.forms.ui_pages_check_in import Ui_CheckInPage
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.models import Column, RecordTableModel, prepare_table
from receiving_app.gui.scan_wedge import take_scans_in
from receiving_app.gui.sounds import ScanSounds
from receiving_app.gui.station_clock import now_on_the_clock, on_the_clock
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, WAIT, Tone, restyle, sized_font
from receiving_app.services.auth import SignedInUser
from receiving_app.services.check_in import CheckInOutcome
from receiving_app.services.station import Station

ANSWER_POINT_SIZE = 26
DETAIL_POINT_SIZE = 16
NO_RMA = "no RMA"
CHECK_IN_KEY = "check-in"


@dataclass(frozen=True, slots=True)
class ScannedParcel:
    """One parcel as this session's list shows it: the answer to its scan, and when it was scanned."""

    scanned_at: datetime
    outcome: CheckInOutcome

    @property
    def label(self) -> str:
        return self.outcome.tracking_display or self.outcome.label

    @property
    def answer(self) -> str:
        outcome = self.outcome
        if outcome.already_checked_in:
            return f"before, {_clock(outcome.arrived_at)} at {outcome.station}"
        return "checked in" if outcome.rma else "unidentified shelf"


class SessionParcelsModel(RecordTableModel):
    """This session's parcels, newest first."""

    # On a narrow screen the time steps aside first, then who checked it in; the label, carrier, RMA
    # and answer are what the dock reads.
    COLUMNS = (
        Column("Time", lambda parcel: f"{on_the_clock(parcel.scanned_at):%H:%M:%S}", hide_order=2),
        Column("Label", lambda parcel: parcel.label, stretch=True),
        Column("Carrier", lambda parcel: parcel.outcome.carrier_name or "—"),
        Column("RMA", lambda parcel: parcel.outcome.rma or NO_RMA),
        Column("By", lambda parcel: parcel.outcome.arrived_by, hide_order=1),
        Column("Checked in", lambda parcel: parcel.answer, tone=lambda parcel: _tone_of(parcel.outcome)),
    )


class CheckInPage(QWidget):
    """The dock's page: a banner for the last scan's answer, a typed label, this session's parcels.

    Signals:
        answered(object): the ``CheckInOutcome`` of a scan, once shown.
        problem_shown(str): a scan refused or a failure, as the clerk reads it.
    """

    answered = Signal(object)
    problem_shown = Signal(str)

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check_in = station.check_in
        self._rma_opening = station.rma_opening
        self._user = signed_in_user.name
        self._station_id = station.settings.station_id
        self._runner = OperationRunner(self)
        self._waiting: deque[ScanValue] = deque()
        self.sounds = ScanSounds(self)
        self.checked_in_here = 0
        """Parcels this session checked in (a label scanned again counts once)."""
        self.scanned_again = 0
        """Scans of a parcel checked in before, here or elsewhere, that recorded nothing."""
        self.today_at_dock = 0
        """Parcels checked in at the dock today at every station, as of the last answer."""
        self.ui = Ui_CheckInPage()
        self.ui.setupUi(self)
        self.ui.answerLabel.setFont(sized_font(self.font(), ANSWER_POINT_SIZE))
        self.ui.answerDetailLabel.setFont(sized_font(self.font(), DETAIL_POINT_SIZE, bold=False))
        self.ui.labelTitle.setText(f"[{key_label(Command.SCAN_FIELD)}] Label")
        take_scans_in(self.ui.labelEdit)  # a scan while the field has the focus is a scan, not typing
        self.parcels = SessionParcelsModel(self)
        self.ui.parcelsTable.setModel(self.parcels)
        prepare_table(self.ui.parcelsTable)
        self.ui.labelEdit.returnPressed.connect(self.check_in_typed)
        self.ui.checkInButton.clicked.connect(self.check_in_typed)
        self._show_answer(NEUTRAL, "Ready: scan each parcel's label", self.ui.answerDetailLabel.text())
        self._show_counts()

    # Input ---------------------------------------------------------------------------------------

    def take_scan(self, value: ScanValue) -> None:
        """A scan from the wedge while this page shows: that parcel is checked in, after any before it."""
        self._waiting.append(value)
        self._next()

    def take_rejected_scan(self, message: str) -> None:
        """A burst the wedge could not read as a barcode: no parcel is recorded, the refusal is, as at the bench."""
        self._refused(f"Scan not understood: {message}", "Scan the label again, or type it.")
        rma_opening, user, station = self._rma_opening, self._user, self._station_id
        self._runner.start(
            lambda: rma_opening.record_refused_scan(message, user=user, station=station),
            after_paint=True,
            on_failure=lambda problem: self.problem_shown.emit(f"The refused scan was not recorded: {problem}"),
        )

    def handle_command(self, command: Command) -> bool:
        """The window's keys on this page: F2 goes to the typed label; the bench's keys mean nothing here."""
        if command is Command.SCAN_FIELD:
            self.ui.labelEdit.setFocus()
            self.ui.labelEdit.selectAll()
            return True
        return False

    def check_in_typed(self) -> None:
        edit = self.ui.labelEdit
        text = edit.text().strip()
        if not text:
            return
        try:
            value = parse_scan(text)
        except ScanError as problem:
            self.take_rejected_scan(str(problem))
            return
        edit.clear()
        self.take_scan(value)

    # Work ----------------------------------------------------------------------------------------

    def _next(self) -> None:
        if not self._waiting or self._runner.is_running(CHECK_IN_KEY):
            return
        scan = self._waiting.popleft()
        check_in, user, station = self._check_in, self._user, self._station_id
        if self._waiting:  # the banner says the dock is ahead of the database, not that a scan was lost
            self._show_answer(WAIT, f"Checking in {scan.text}…", f"{len(self._waiting)} more scan(s) waiting.")
        self._runner.start(
            lambda: check_in.check_in(scan, user=user, station=station),
            key=CHECK_IN_KEY,
            on_success=self._answered,
            on_failure=lambda message: self._refused(f"Not checked in: {message}", f"Scanned: {scan.text}"),
        ).finished.connect(self._next)

    def _answered(self, outcome: CheckInOutcome) -> None:
        listed = any(parcel.outcome.label == outcome.label for parcel in self.parcels.records())
        self.today_at_dock = outcome.checked_in_today
        if outcome.already_checked_in:
            self.scanned_again += 1
        else:
            self.checked_in_here += 1
        if not listed:
            scanned = ScannedParcel(datetime.now(UTC), outcome)
            self.parcels.set_records((scanned, *self.parcels.records()))
        self._show_counts()
        tone, headline = _tone_of(outcome), _headline(outcome)
        named = f"{outcome.carrier_name} {outcome.tracking_display}" if outcome.tracking_display else outcome.label
        detail = f"{named}: this scan recorded nothing new." if outcome.already_checked_in else outcome.message
        self._show_answer(tone, headline, detail)
        if tone is GOOD:
            self.sounds.checked_in()
        else:
            self.sounds.look_again()
        self.answered.emit(outcome)

    def _refused(self, headline: str, detail: str) -> None:
        self._show_answer(BAD, headline, detail)
        self.sounds.look_again()
        self.problem_shown.emit(headline)

    # Showing -------------------------------------------------------------------------------------

    def _show_answer(self, tone: Tone, headline: str, detail: str) -> None:
        self.ui.answerLabel.setText(f"{tone.symbol} {headline}")
        self.ui.answerDetailLabel.setText(detail)
        self.ui.answerFrame.setAccessibleDescription(f"{headline}. {detail}")
        restyle(
            self.ui.answerFrame,
            f"QFrame#answerFrame {{ background-color: {tone.background}; border-radius: 8px; }}"
            f" QLabel {{ color: {tone.foreground}; background: transparent; }}",
        )

    def _show_counts(self) -> None:
        answers = [parcel.outcome for parcel in self.parcels.records()]
        without = sum(1 for outcome in answers if outcome.rma is None and not outcome.already_checked_in)
        today = f"Today at the dock: {self.today_at_dock} · " if answers else ""
        self.ui.countLabel.setText(
            f"{today}This session: {self.checked_in_here} · without an RMA: {without}"
            f" · scanned again: {self.scanned_again}"
        )


def _tone_of(outcome: CheckInOutcome) -> Tone:
    """Green for a parcel checked in now with its RMA; amber for one to look at again."""
    return GOOD if outcome.rma and not outcome.already_checked_in else MOVING


def _headline(outcome: CheckInOutcome) -> str:
    if outcome.already_checked_in:
        return f"Already checked in at {_clock(outcome.arrived_at)} by {outcome.arrived_by} at {outcome.station}"
    if outcome.rma is None:
        return "No RMA: put this parcel on the unidentified shelf"
    shown = outcome.rma if outcome.kind == "rma" else f"{outcome.rma} ({outcome.carrier_name} label)"
    return f"Checked in: {shown}"


def _clock(moment: datetime) -> str:
    """The time of day where the dock is; the date too when it was not today."""
    local = on_the_clock(moment)
    return f"{local:%H:%M}" if local.date() == now_on_the_clock().date() else f"{local:%Y-%m-%d %H:%M}"
