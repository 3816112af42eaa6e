"""Shows the current unit in the weight, inspection and decision panels: live, to be inspected, when
it is open; otherwise what was recorded for it, read-only, and only its own record.

The records (inspections with their facts and weights) come from ``history.show_rma``, fetched on
the runner the first time a decided or missing unit of the RMA is shown and kept until the RMA
changes. Until they arrive the panels say so and show no facts at all, never another unit's.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from receiving_app.gui.inspection_panel import unit_name
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.models import unit_states
from receiving_app.gui.station_clock import shown_time
from receiving_app.gui.style import BAD
from receiving_app.services.views import DecisionView, InspectionView, RmaDetail, RmaLineView

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen


def standing_decision(decisions: tuple[DecisionView, ...], line: int, unit: int) -> DecisionView | None:
    """The unit's decision that stands (not voided), if any."""
    return next(
        (decision for decision in decisions if (decision.line, decision.unit) == (line, unit) and not decision.voided),
        None,
    )


def voided_decisions(decisions: tuple[DecisionView, ...], line: int, unit: int) -> list[DecisionView]:
    return [decision for decision in decisions if (decision.line, decision.unit) == (line, unit) and decision.voided]


def recorded_inspection(
    detail: RmaDetail, line: int, unit: int, decision: DecisionView | None
) -> InspectionView | None:
    """The inspection behind the unit's standing decision (written in the same moment), or the unit's
    last record of not arriving; None if there is neither."""
    own = [inspection for inspection in detail.inspections if (inspection.line, inspection.unit) == (line, unit)]
    if decision is not None:
        arrived = [inspection for inspection in own if inspection.arrived]
        same_moment = [inspection for inspection in arrived if inspection.inspected_at == decision.decided_at]
        return (same_moment or arrived or [None])[-1]
    missing = [inspection for inspection in own if not inspection.arrived]
    return missing[-1] if missing else None


def _when(moment: datetime) -> str:
    return shown_time(moment)


def record_words(inspection: InspectionView | None, decision: DecisionView | None) -> str:
    """Who recorded the unit and what it weighed, above its read-only facts."""
    if inspection is None:
        return "Recorded before: the facts of this record are not on file."
    by = f"by {inspection.user} on {inspection.station}, {_when(inspection.inspected_at)}"
    if not inspection.arrived:
        note = f" Note: {inspection.notes}" if inspection.notes else ""
        return f"Did not arrive — recorded {by}.{note}"
    weight = (
        "not weighed"
        if inspection.weight_grams is None
        else f"weighed {inspection.weight_grams} g ({inspection.weight_source})"
    )
    approved = f" Approved by {decision.approved_by}." if decision is not None and decision.approved_by else ""
    return f"Recorded facts, read only — {by}; {weight}.{approved}"


class UnitDisplay:
    """The three panels for the unit on screen."""

    def __init__(self, screen: ReceivingScreen) -> None:
        self._screen = screen
        self._detail: RmaDetail | None = None

    def remember(self, detail: RmaDetail | None) -> None:
        """The RMA's records as they stand now (None: not fetched since the RMA last changed)."""
        self._detail = detail

    def voided_before(self, line: RmaLineView, unit: int) -> list[str]:
        """Why deciding an open unit again needs a supervisor: its earlier decision was voided."""
        return [
            f"{unit_name(line, unit)} was decided before ({decision.outcome}) "
            f"and {decision.voided_by} voided that decision"
            f"{f': {decision.void_reason}' if decision.void_reason else ''}; deciding it again needs a supervisor."
            for decision in voided_decisions(self._screen.decisions, line.line, unit)[-1:]
        ]

    def show(self, line: RmaLineView | None, unit: int | None) -> None:
        screen = self._screen
        ui = screen.ui
        if line is None or unit is None:
            ui.weightPanel.set_line(None)
            ui.inspectionPanel.show_nothing("No unit")
            ui.decisionPanel.show_message("Scan an RMA" if screen.rma is None else "No line picked")
            return
        where, state = unit_name(line, unit), unit_states(line)[unit - 1]
        if line.status == "on_hold":
            ui.weightPanel.set_line(None)
            ui.inspectionPanel.show_nothing(f"{where} · {line.sku}: on hold")
            ui.decisionPanel.show_waiting(
                f"Line {line.line} is on hold: {line.hold_note}. "
                f"A supervisor releases it ({key_label(Command.RELEASE_HOLD)}).",
                where,
            )
        elif state == "open":
            ui.weightPanel.set_line(
                line, unit=unit if line.quantity > 1 else None
            )  # "line 2" says it all for a line of one
            ui.inspectionPanel.start_unit(line, unit)
            ui.decisionPanel.show_waiting(f"Working out what {where.lower()} still needs…", where)
        else:
            ui.weightPanel.set_line(None)
            self._show_record(line, unit, where)

    def _show_record(self, line: RmaLineView, unit: int, where: str) -> None:
        screen = self._screen
        panels = screen.ui
        decision = standing_decision(screen.decisions, line.line, unit)
        if decision is not None:
            panels.decisionPanel.show_recorded(decision, line, where)
        else:
            panels.decisionPanel.show_absent(f"{where} was not in the parcel: nothing was decided for it.", where)
        reason, choice = (decision.reason, decision.customer_choice) if decision is not None else (None, None)
        if self._detail is None:
            panels.inspectionPanel.show_record(line, unit, None, "Fetching the recorded facts…", reason, choice)
            self._fetch()
            return
        inspection = recorded_inspection(self._detail, line.line, unit, decision)
        panels.inspectionPanel.show_record(line, unit, inspection, record_words(inspection, decision), reason, choice)

    def _fetch(self) -> None:
        screen = self._screen
        number, history = screen.rma.number, screen.station.history

        def fetched(detail: RmaDetail) -> None:
            if screen.rma is None or screen.rma.number != number or self._detail is not None:
                return  # another RMA is on screen by now, or its records came another way
            self._detail = detail
            if not screen.unit_is_open():
                screen.refresh_unit()

        screen.runner.start(
            lambda: history.show_rma(number),
            owner=screen,
            key=f"records:{number}",
            on_success=fetched,
            on_failure=lambda message: screen.feedback(
                BAD, f"The records of {number} could not be read: {message}", alarm=True
            ),
        )
