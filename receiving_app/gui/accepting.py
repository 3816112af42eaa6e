"""Enter: decide the current unit on the facts set, print its documents, go on to the next unit.

Enter decides only on a complete answer for the facts on screen: while anything the decision
rests on is unchecked it says what, and decides nothing. A decision a supervisor must approve (a
weight that contradicts a ticked seal, a finding that lowers what the seller keeps, a unit whose
decision was voided) opens the supervisor's dialog first, and is recorded with their approval.
Once recorded, the feedback line names the unit's license plate and where it goes.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from receiving_app.domain.engine import MissingFact
from receiving_app.domain.judgement import Judgement
from receiving_app.domain.money_text import money_text
from receiving_app.gui.decision_panel import still_to_check
from receiving_app.gui.dialogs import ApprovalDialog
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.operations import readable_message
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, OUTCOME_TONES
from receiving_app.services.commands import Approval, Override, ReceiveLine
from receiving_app.services.errors import SupervisorNeeded
from receiving_app.services.print_outcomes import PrintOutcome
from receiving_app.services.views import ReceiveResult, RmaDetail

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen
    from receiving_app.services.printing import PrinterFor
    from receiving_app.services.station import Station


# An Enter this soon after a unit was recorded, on a next unit nobody has touched, is a bouncing key
# or a scanner's CR+LF: it decides nothing anyway, and it must not hide what was just recorded.
BOUNCE_S = 1.0


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


def receive_key(rma_number: str, line_no: int) -> str:
    """The runner's key for work on one line: one thing at a time per line."""
    return f"receive:{rma_number}:{line_no}"


class Acceptor:
    """Decides and prints the current unit for the screen."""

    def __init__(self, screen: ReceivingScreen) -> None:
        self._screen = screen
        self._recorded_at = float("-inf")

    def accept(self, override: Override | None = None) -> None:
        screen = self._screen
        if not screen.workable("accept"):
            return
        where = screen.where()
        if screen.runner.is_running(receive_key(screen.rma.number, screen.current_line.line)):
            screen.feedback(MOVING, f"{where} is already being recorded…")
            return
        if override is not None:  # a supervisor's own decision: the facts are theirs to weigh
            self._receive(screen.command(override))
            return
        live = screen.live
        if not live.touched:
            if time.monotonic() - self._recorded_at < BOUNCE_S:
                return
            screen.feedback(
                BAD,
                f"Nothing is checked on {_lowered(where)} yet: {key_label(Command.AS_SOLD)} if new and sealed, "
                f"{key_label(Command.OPENED_AS_SOLD)} if opened, or set each fact.",
                alarm=True,
            )
            return
        verdict = live.verdict()
        if verdict is None:
            live.accept_when_judged()
            screen.feedback(NEUTRAL, f"Working out the decision for {_lowered(where)}…")
            return
        if isinstance(verdict, MissingFact):
            screen.feedback(BAD, f"{where} is not decided. {still_to_check(verdict)}", alarm=True)
            return
        if not isinstance(verdict, Judgement):
            screen.feedback(BAD, f"{where} is not decided: {verdict}", alarm=True)
            return
        command = screen.command()
        why = (*verdict.needs_supervisor, *screen.display.voided_before(screen.current_line, screen.current_unit))
        if why:
            decision = verdict.decision
            self._ask_supervisor(
                command,
                f"{where}: {decision.outcome.value.upper()} {money_text(decision.refund_total)}",
                why,
            )
            return
        self._receive(command)

    def _ask_supervisor(self, command: ReceiveLine, decision: str, why: tuple[str, ...]) -> None:
        screen = self._screen
        screen.feedback(MOVING, f"{decision} needs a supervisor: their name, password and a note.")
        ApprovalDialog(decision, why, screen).open_for(
            screen.runner,
            screen.station.auth,
            screen.station.settings.station_id,
            lambda signed_in, note: self._receive(replace(command, approval=Approval(signed_in.name, note))),
        )

    def _receive(self, command: ReceiveLine) -> None:
        """Record the unit and print its papers and its license plate."""
        screen = self._screen
        station, printer_settings = screen.station, screen.station.printer_settings

        def receive_and_print() -> (
            tuple[ReceiveResult, tuple[PrintOutcome, ...], RmaDetail] | SupervisorNeeded | MissingFact
        ):
            try:
                result = station.receiving.receive(command)
            except SupervisorNeeded as needed:
                return needed  # asked for in the window, then received again with the approval
            except MissingFact as missing:
                return missing  # a supervisor's override the routes cannot sort yet: said with its key
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
            plate = result.decision.license_plate
            if plate and not result.already_decided:
                outcomes.append(_plate_printed(station, plate, printer_settings, command))
            return result, tuple(outcomes), station.history.show_rma(command.rma_number)

        screen.feedback(NEUTRAL, f"Recording {_lowered(screen.where())}…")
        screen.runner.start(
            receive_and_print,
            owner=screen,
            key=receive_key(command.rma_number, command.line_no),
            on_success=lambda outcome: self._recorded(command, outcome),
            on_failure=lambda message: screen.feedback(BAD, message, alarm=True),
        )

    def _recorded(self, command: ReceiveLine, outcome) -> None:
        screen = self._screen
        if isinstance(outcome, SupervisorNeeded):
            if command.approval is None and command.override is None and screen.is_current(command):
                self._ask_supervisor(command, screen.where(), outcome.why)
            else:
                screen.feedback(BAD, str(outcome), alarm=True)
            return
        if isinstance(outcome, MissingFact):
            where = screen.where() if screen.is_current(command) else f"Line {command.line_no} unit {command.unit}"
            screen.feedback(BAD, f"{where} is not decided. {still_to_check(outcome)}", alarm=True)
            return
        result, prints, detail = outcome
        screen.last_print_outcomes = prints
        line = next((candidate for candidate in detail.rma.lines if candidate.line == result.line), None)
        screen.show_detail(detail)
        decision = result.decision
        # Short: the unit, its outcome and where it goes are read whole on a 1366 px screen.
        where = (
            f"Line {result.line}" if line is None or line.quantity == 1 else f"Line {result.line} unit {result.unit}"
        )
        summary = f"{where}: {decision.outcome.upper()} {money_text(decision.refund_total)}"
        # A unit decided before the routes existed has neither (received again after a power cut).
        plate = f" {decision.license_plate} → {decision.route_label}." if decision.license_plate else ""
        failed = [print_outcome for print_outcome in prints if not print_outcome.printed]
        closed = screen.advance_after(result.line, result.unit)
        if result.already_decided:
            tone, text = MOVING, f"{summary} — it had already been decided; nothing new was written.{closed}"
        elif failed:
            problems = "; ".join(f"{failure.number}: {failure.problem}" for failure in failed)
            tone = BAD
            text = f"{summary} is recorded, but did not print ({problems}). Reprint it from History.{plate}{closed}"
        else:
            # Where the cartridge goes before which papers came out: the plate and the route are what the
            # clerk acts on next, and they stay whole on a 1366 px screen; the document numbers, printed on
            # the papers themselves, may run past the line's end there (the tooltip and F9 have them).
            delivered = _delivered(prints)
            tone = OUTCOME_TONES.get(decision.outcome, GOOD)
            text = f"{summary}.{plate}{closed} {delivered[:1].upper()}{delivered[1:]}."
        screen.feedback(tone, text, alarm=bool(failed), keep=True)
        self._recorded_at = time.monotonic()
        screen.line_recorded.emit(result)


def _plate_printed(station: Station, plate: str, printer_settings: PrinterFor, command: ReceiveLine) -> PrintOutcome:
    """The unit's license plate label, printed with its papers: the clerk sticks it on before sorting."""
    try:
        label = station.printing.print_license_plate(
            plate, printer_settings, user=command.user, station=command.station
        )
    except Exception as error:  # the plate is recorded; it can be printed again from the shell or History
        return PrintOutcome(plate, "", False, False, readable_message(error))
    done_words = "saved to folder" if label.saved_to_folder else "printed"
    return PrintOutcome(plate, label.place, label.printed, False, label.problem, done_words=done_words)


def _delivered(prints: tuple[PrintOutcome, ...]) -> str:
    """ "printed CM-000012, RF-000004", or "saved to folder CM-000012" where no paper came out.

    Numbers only (their prefix names the kind, the paper its title), to keep the message short."""
    numbers_by_words: dict[str, list[str]] = {}
    for outcome in prints:
        numbers_by_words.setdefault(outcome.done_words, []).append(outcome.number)
    said = "; ".join(f"{words} {', '.join(numbers)}" for words, numbers in numbers_by_words.items())
    return said or "no documents to print"
