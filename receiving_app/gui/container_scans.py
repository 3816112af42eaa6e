"""Putting sorted units away at the bench by scanner: the unit's license plate, then its container.

The bench remembers the last plate it sorted: the unit just decided with Enter, or a plate scanned
(which also opens the unit's RMA), so a unit decided earlier can be put away later. Scanning a
container's code ("CT-000004") then puts that unit in it, on the worker; a container that fills
closes itself and its manifest prints at once. A refusal (another route's container, a full or
closed one, an unknown code) is said in the service's words, with the container the unit's route
has open, or the key that opens one when it has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.domain.scan import ScanValue
from receiving_app.gui.feedback_line import beep
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.operations import readable_message
from receiving_app.gui.style import BAD, GOOD, MOVING, Tone
from receiving_app.services.containers import ContainerView, Placement
from receiving_app.services.errors import LineNotOpen
from receiving_app.services.print_outcomes import LabelOutcome
from receiving_app.services.views import DecisionView, ReceiveResult

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen
    from receiving_app.services.station import Station

PLATE = re.compile(r"LP\d{8}")
CONTAINER = re.compile(r"CT-\d{6}")
PLACING_KEY = "container-scan"
NO_PLATE = "Scan a unit's license plate first, or decide a unit: then scan its container."
NO_UNIT = "Decide a unit or scan its license plate first: a container is opened for that unit's route."


@dataclass(frozen=True, slots=True)
class SortedUnit:
    """The plate the bench last sorted, and the route its container must serve."""

    lpn: str
    route: str
    route_label: str


@dataclass(frozen=True, slots=True)
class _Placed:
    placement: Placement
    manifest: LabelOutcome | None
    """Printed once the unit filled the container; None while it can take more."""


@dataclass(frozen=True, slots=True)
class _Opened:
    container: ContainerView
    already: bool
    """A container of the route was open before the key: named, so the clerk scans that one."""


class ContainerScans:
    """Container codes scanned at the bench, and the key that opens a container for the last unit."""

    def __init__(self, screen: ReceivingScreen) -> None:
        self._screen = screen
        self.last: SortedUnit | None = None
        self._plate_being_opened: str | None = None
        screen.line_recorded.connect(self._recorded)

    def handle_scan(self, value: ScanValue) -> bool:
        """True when the scan was a container's code and is dealt with here."""
        text = value.text.strip().upper()
        # A plate opens its RMA as any scan does; it becomes the remembered one once that RMA is shown.
        self._plate_being_opened = text if PLATE.fullmatch(text) else None
        if not CONTAINER.fullmatch(text):
            return False
        beep()
        self._place(text)
        return True

    def plate_opened(self, decisions: tuple[DecisionView, ...]) -> tuple[Tone, str] | None:
        """What to say instead of the usual words when the RMA just opened was opened by a plate."""
        lpn, self._plate_being_opened = self._plate_being_opened, None
        decision = next((found for found in decisions if found.license_plate == lpn), None) if lpn else None
        if lpn is None or decision is None or decision.route is None:
            return None
        where = f"{lpn} (line {decision.line} unit {decision.unit})"
        if decision.voided:
            return BAD, f"{where} was voided: decide the unit again before it is put away."
        self.last = SortedUnit(lpn, decision.route, decision.route_label or decision.route)
        if decision.container:
            return GOOD, f"{where} is in {decision.container} already."
        return GOOD, f"{where} goes to {self.last.route_label}: scan its container."

    def open_for_last_unit(self) -> None:
        """The key: a container for the route of the last plate, or the one already open for it."""
        screen, last = self._screen, self.last
        if last is None:
            screen.feedback(BAD, NO_UNIT, alarm=True)
            return
        containers, user, station_id = screen.station.containers, screen.user.name, screen.station.settings.station_id

        def open_or_find() -> _Opened:
            try:
                return _Opened(containers.open_container(last.route, user=user, station=station_id), False)
            except LineNotOpen:
                open_now = _open_container_of(containers.list_containers("open"), last.route)
                if open_now is None:  # closed elsewhere in between: the refusal is all there is to say
                    raise
                return _Opened(open_now, True)

        started = screen.runner.start(
            open_or_find,
            owner=screen,
            key=PLACING_KEY,
            on_success=lambda opened: self._opened(opened, last),
            on_failure=lambda message: screen.feedback(BAD, message, alarm=True),
        )
        if started is None:
            screen.feedback(MOVING, f"The last container scan is still being recorded: press {_key()} again.")

    # Placing ----------------------------------------------------------------------------------

    def _place(self, code: str) -> None:
        screen, last = self._screen, self.last
        if last is None:
            screen.feedback(BAD, NO_PLATE, alarm=True)
            return
        station, user, station_id = screen.station, screen.user.name, screen.station.settings.station_id

        def place_and_print() -> _Placed | str:
            try:
                placed = station.containers.place(last.lpn, code, user=user, station=station_id)
            except (InputError, RuleRefusal) as refusal:
                return f"{refusal}{_where_instead(station, last, code)}"
            if not placed.closed:
                return _Placed(placed, None)
            code_closed, printer_for = placed.container.code, station.printer_settings
            try:
                manifest = station.printing.print_manifest(code_closed, printer_for, user=user, station=station_id)
            except Exception as error:  # the unit is in and the container closed: that must still be said
                manifest = LabelOutcome(code_closed, False, "", problem=readable_message(error), kind="manifest")
            return _Placed(placed, manifest)

        started = screen.runner.start(
            place_and_print,
            owner=screen,
            key=PLACING_KEY,
            on_success=self._placed,
            on_failure=lambda message: screen.feedback(BAD, message, alarm=True),
        )
        if started is None:
            screen.feedback(MOVING, f"The last container scan is still being recorded: scan {code} again.")

    def _placed(self, outcome: _Placed | str) -> None:
        screen = self._screen
        if isinstance(outcome, str):
            screen.feedback(BAD, outcome, alarm=True)
            return
        placement = outcome.placement
        container = placement.container
        contents = contents_words(container)
        if not placement.closed:
            screen.feedback(GOOD, f"{placement.lpn} is in {container.code} ({contents}).", keep=True)
            return
        # The manifest first: it is what the clerk fetches and sticks on next, and the line may be cut short
        # on a 1366 px screen; the unit that filled the container can be read whole with F9.
        manifest = outcome.manifest
        assert manifest is not None  # printed whenever the container closed
        said = manifest.sentence[:1].lower() + manifest.sentence[1:]
        last = f"{placement.lpn} went in last ({contents})."
        if manifest.printed:
            screen.feedback(GOOD, f"{container.code} is full and closed; {said} {last}", keep=True)
            return
        said += "" if said.endswith((".", "!", "?")) else "."  # a printer's own words may end bare
        again = f"receiving-app print {container.code} prints it again."
        screen.feedback(BAD, f"{container.code} is full and closed, but {said} {again} {last}", alarm=True, keep=True)

    def _opened(self, opened: _Opened, unit: SortedUnit) -> None:
        container = opened.container
        if opened.already:
            said = f"{container.code} is open for {unit.route_label} already ({contents_words(container)})"
        else:
            said = f"{container.code} opened for {unit.route_label} ({container.kind_label})"
        self._screen.feedback(GOOD, f"{said}: scan it to put {unit.lpn} in.", keep=True)

    def _recorded(self, result: ReceiveResult) -> None:
        decision = result.decision
        if decision.license_plate and decision.route:
            self.last = SortedUnit(decision.license_plate, decision.route, decision.route_label or decision.route)


def _key() -> str:
    return key_label(Command.OPEN_CONTAINER)


def _open_container_of(views: tuple[ContainerView, ...], route: str) -> ContainerView | None:
    return next((view for view in views if view.route == route), None)


def _where_instead(station: Station, unit: SortedUnit, scanned: str) -> str:
    """After a refusal: the container the unit's route has open, or the key that opens one."""
    open_now = _open_container_of(station.containers.list_containers("open"), unit.route)
    if open_now is None:
        return f" No container is open for {unit.route_label}: {_key()} opens one."
    if open_now.code != scanned:
        return f" {unit.lpn} goes into {open_now.code}."
    return ""


def contents_words(container: ContainerView) -> str:
    """ "Stock tote: 12 units, 8.412 kg of 25 kg": what the container holds against its limits."""
    shown = container.as_json()
    units = f"{container.units} unit{'s' if container.units != 1 else ''}"
    if container.max_units is not None and container.max_grams is None:
        units += f" of {container.max_units}"
    weight = f"{shown['weight_kg']} kg" + (f" of {shown['max_kg']} kg" if shown["max_kg"] else "")
    return f"{container.kind_label}: {units}, {weight}"
