"""An RMA's parcel label sent, in the background, to the printer the station sets for labels: from the
receiving screen's key and from History's RMA detail, told to the clerk in the same words in both."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.style import BAD, GOOD, MOVING, WAIT
from receiving_app.services.print_outcomes import LabelOutcome
from receiving_app.services.station import Station

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen


def start_label_print(
    runner: OperationRunner,
    station: Station,
    user: str,
    rma_number: str,
    *,
    owner: QObject,
    on_done: Callable[[LabelOutcome], None],
    on_failure: Callable[[str], None],
) -> bool:
    """Send the label; false (and nothing sent) while the same RMA's label is still on its way."""
    printing, printer_for, station_id = station.printing, station.printer_settings, station.settings.station_id
    started = runner.start(
        lambda: printing.print_rma_label(rma_number, printer_for, user=user, station=station_id),
        owner=owner,
        key=f"label:{rma_number}",
        on_success=on_done,
        on_failure=on_failure,
    )
    return started is not None


def print_open_rma_label(screen: ReceivingScreen) -> None:
    """The receiving screen's key: the label of the RMA on screen, whichever of its lines is picked."""
    rma = screen.rma
    if rma is None or screen.user is None:
        screen.feedback(
            BAD, f"Scan an RMA first; then {key_label(Command.PRINT_LABEL)} prints its parcel label.", alarm=True
        )
        return

    def said(outcome: LabelOutcome) -> None:
        screen.feedback(GOOD if outcome.printed else BAD, outcome.sentence, alarm=not outcome.printed, keep=True)

    started = start_label_print(
        screen.runner,
        screen.station,
        screen.user.name,
        rma.number,
        owner=screen,
        on_done=said,
        on_failure=lambda message: screen.feedback(BAD, message, alarm=True),
    )
    if started:
        screen.feedback(WAIT, f"Sending the label for {rma.number}…")
    else:
        screen.feedback(MOVING, f"The label for {rma.number} is already on its way…")
