"""Scans at the bench: a cartridge picks its line on the RMA on screen, anything else opens an RMA.

A scan that does neither is answered with what it looked like (the service reads the catalog and
the RMA numbers on file to say so). Opening another RMA while the one on screen still has lines to
receive says so in the feedback ("RA0100001 left with 2 lines open") and records it; opening that
RMA again later resumes at its first open unit. A scan that opens nothing (a carrier's number no RMA
carries, a label the station does not know) is kept for F12, which records that parcel as one without
an RMA; the license plate of such a return is answered with the return it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from receiving_app.domain.scan import ScanError, ScanValue, parse_scan, scanned_as
from receiving_app.gui.feedback_line import beep
from receiving_app.gui.forms.ui_receiving_screen import Ui_ReceivingScreen
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.operations import Operation
from receiving_app.gui.scan_wedge import take_scans_in
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, restyle, tone_style
from receiving_app.services.line_matching import OPEN_LINE, match_line
from receiving_app.services.rma_opening import ScanProblem, UnidentifiedReturnScanned
from receiving_app.services.views import DecisionView, RmaView

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen
    from receiving_app.services.rma_opening import RmaOpeningService

# An RMA that opens sooner than this shows without an "Opening…" line first: painting that line
# would take the interpreter from the lookup it announces (the beep has already answered the scan).
OPENING_NOTICE_DELAY_MS = 150
_DONE = ("decided", "not_received")
_STATUS_TONES = {"open": NEUTRAL, "partially_received": MOVING, "closed": GOOD}


class RmaOpening:
    """Turns scans into a picked line or an opened RMA for the screen."""

    def __init__(self, screen: ReceivingScreen) -> None:
        self._screen = screen
        self._scan_being_opened = ""
        self._looking_up: Operation | None = None
        self._notice = QTimer(screen)
        self._notice.setSingleShot(True)
        self._notice.setInterval(OPENING_NOTICE_DELAY_MS)
        self._notice.timeout.connect(lambda: screen.feedback(NEUTRAL, f"Opening {self._scan_being_opened}…"))
        take_scans_in(screen.ui.scanEdit)

    def handle_scan(self, value: ScanValue) -> None:
        """A scan from the wedge or the scan field: a line of this RMA, or another RMA to open."""
        screen = self._screen
        beep()
        rma = screen.rma
        if rma is not None:
            match = match_line(rma, value)
            if match.line is not None:
                screen.select_line(match.line.line)
                screen.feedback(GOOD, match.message)
                return
            if match.product and value.gtin is None:  # an SKU of this RMA whose line is done
                screen.feedback(BAD, match.message, alarm=True)
                return
        if value.gtin is not None:
            self._name_cartridge(value, rma)
            return
        self._open(value)

    def show_scan_problem(self, message: str) -> None:
        beep()
        self._screen.feedback(BAD, f"Scan not understood: {message}", alarm=True)
        self._record(
            lambda rma_opening, user, station: rma_opening.record_refused_scan(message, user=user, station=station),
            "The refused scan was not recorded",
        )

    def typed_scan(self) -> None:
        edit = self._screen.ui.scanEdit
        text = edit.text()
        edit.clear()
        if not text.strip():
            return
        try:
            value = parse_scan(text)
        except ScanError as problem:
            self.show_scan_problem(str(problem))
            return
        self._screen.ui.linesTable.setFocus()  # so that the next keys are commands again
        self._screen.handle_scan(value)  # the screen's: a container code typed here goes where a scanned one does

    def _name_cartridge(self, scan: ScanValue, rma: RmaView | None) -> None:
        """A cartridge's barcode that picks no line: say which product it is, from the catalog."""
        screen = self._screen
        rma_opening = screen.station.rma_opening
        screen.runner.start(
            lambda: rma_opening.answer_product_scan(scan, on_screen=rma),
            owner=screen,
            on_success=lambda message: screen.feedback(BAD, message, alarm=True),
            on_failure=lambda message: screen.feedback(
                BAD, f"{scanned_as(scan)} picks no line, and the catalog could not be read: {message}", alarm=True
            ),
        )

    def _open(self, scan: ScanValue) -> None:
        screen = self._screen
        rma_opening = screen.station.rma_opening
        user, station_id = screen.user.name, screen.station.settings.station_id
        on_screen = screen.rma.number if screen.rma else None

        self._scan_being_opened = scan.text
        self._notice.start()
        self._looking_up = screen.runner.start(
            lambda: rma_opening.look_up_scan(scan, user=user, station=station_id, on_screen=on_screen),
            owner=screen,
            key="open-rma",
            on_success=lambda opened: self._opened(opened, scan),
            on_failure=lambda message: self._refused(message, scan),
        )

    def _refused(self, message: str, scan: ScanValue) -> None:
        """An answer that opened nothing; a label that names nothing is kept for F12."""
        self._notice.stop()
        error = self._looking_up.error if self._looking_up is not None else None
        if isinstance(error, ScanProblem) and not isinstance(error, UnidentifiedReturnScanned):
            self._screen.unidentified.remember_unknown_label(scan.text)
            message = f"{message} Press {key_label(Command.UNIDENTIFIED)} to record it as a parcel without an RMA."
        self._screen.feedback(BAD, message, alarm=True)

    def _opened(self, opened: tuple[RmaView, tuple[DecisionView, ...]], scan: ScanValue) -> None:
        screen = self._screen
        rma, decisions = opened
        self._notice.stop()
        left = self._leaving(rma.number)
        screen.show_rma(rma, decisions)
        self._record(
            lambda rma_opening, user, station: rma_opening.record_opened(
                rma.number, user=user, station=station, scanned=scan
            ),
            f"{rma.number} is open, but opening it was not recorded",
        )
        open_lines = [line for line in rma.lines if line.status == OPEN_LINE]
        count = f"{len(rma.lines)} line{'s' if len(rma.lines) != 1 else ''}"
        # A scanned license plate is the unit to put away next: where it goes is the news, not the RMA.
        plate = screen.containers.plate_opened(decisions)
        if plate is not None:
            tone, said = plate
        elif open_lines:
            tone, said = GOOD, f"Opened {rma.number}: {count}, {len(open_lines)} to receive. Scan or pick a cartridge."
        else:
            tone, said = GOOD, f"{rma.number} is {rma.status.replace('_', ' ')}: nothing left to receive."
        screen.feedback(tone, f"{left}{said}", alarm=tone is BAD)
        if open_lines:
            screen.select_line(open_lines[0].line)  # at its first open unit: where the bench left it
        else:
            screen.select_line(rma.lines[0].line if rma.lines else None)
        screen.ui.linesTable.setFocus()

    def _leaving(self, number: str) -> str:
        """Record that the RMA on screen is left with lines open for another; the words that say so."""
        previous = self._screen.rma
        if previous is None or previous.number == number:
            return ""
        open_lines = [line.line for line in previous.lines if line.status not in _DONE]
        if not open_lines:
            return ""
        self._record(
            lambda rma_opening, user, station: rma_opening.record_left(
                previous.number, open_lines, user=user, station=station
            ),
            f"Leaving {previous.number} with lines open was not recorded",
        )
        return f"{previous.number} left with {len(open_lines)} line{'s' if len(open_lines) != 1 else ''} open. "

    def _record(self, record: Callable[[RmaOpeningService, str, str], None], problem: str) -> None:
        # Recorded once the lines are on screen: the clerk is waiting for the lines, not for the
        # audit trail's commit (a disk flush) or for another station's write lock.
        screen = self._screen
        rma_opening, user, station_id = screen.station.rma_opening, screen.user.name, screen.station.settings.station_id
        screen.runner.start(
            lambda: record(rma_opening, user, station_id),
            owner=screen,
            after_paint=True,
            on_failure=lambda message: screen.feedback(BAD, f"{problem}: {message}", alarm=True),
        )


def show_rma_header(ui: Ui_ReceivingScreen, rma: RmaView | None) -> None:
    """The RMA's number, status, customer (masked), order, seller and dates, or dashes without one."""
    if rma is None:
        for label in (
            ui.numberValue,
            ui.statusValue,
            ui.customerValue,
            ui.orderValue,
            ui.sellerValue,
            ui.datesValue,
        ):
            label.setText("—")
        restyle(ui.statusValue, "")
        return
    tone = _STATUS_TONES.get(rma.status, NEUTRAL)
    ui.numberValue.setText(rma.number)
    ui.statusValue.setText(f"{tone.symbol} {rma.status.replace('_', ' ')}")
    restyle(ui.statusValue, tone_style(tone))
    ui.customerValue.setText(f"{rma.customer_name} · account {rma.customer_account}")
    ui.orderValue.setText(f"{rma.order_number} · paid by {rma.payment_method.replace('_', ' ')}")
    ui.sellerValue.setText(f"{rma.seller} · {rma.authorization} policy {rma.policy} v{rma.policy_version}")
    dates = [
        f"purchased {rma.purchased}",
        f"shipped {rma.shipped or '—'}",
        f"delivered {rma.delivered or '—'}",
        f"return authorized {rma.reported}",
    ]
    ui.datesValue.setText(" · ".join(dates))
