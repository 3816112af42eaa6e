"""The demo's open RMAs received as a clerk would receive them, every fact checked, so that a replay of a
policy draft has decisions to go over (scripts/screenshots.py)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from receiving_app.domain.facts import Condition, Flags
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.commands import Approval, ReceiveLine
from receiving_app.services.errors import SupervisorNeeded
from receiving_app.services.station import Station

# Each weighed unit left at one of these fractions in turn: 12 % and 20 % pass a 10 % fill threshold
# and not a 25 % one.
HISTORY_FILLS = (Decimal("0.05"), Decimal("0.12"), Decimal("0.2"), Decimal("0.5"), Decimal("0.95"), Decimal(1))
OPENED = Condition(unopened=False, sealed=False, original_packaging=True, box_damage=False, labels_intact=True)
WEIGHED = ("ink", "toner")


def receive_history(station: Station, units: int) -> int:
    """Up to ``units`` units of the open RMAs received as a clerk would, every fact checked, so that a
    replay has decisions to go over: ink and toner weighed at each of HISTORY_FILLS in turn, a full one
    sealed and the others opened. How many were received."""
    received = 0
    for rma in station.history.list_rmas("open"):
        for line in rma.lines:
            if line.status == "on_hold":  # a held line is received once released, not here
                continue
            for unit in line.open_units:
                if received == units:
                    return received
                fill = HISTORY_FILLS[received % len(HISTORY_FILLS)]
                grams = (line.empty_g + (line.full_g - line.empty_g) * fill).quantize(Decimal("0.1"))
                command = ReceiveLine(
                    rma.number,
                    line.line,
                    "receiver",
                    station.settings.station_id,
                    unit=unit,
                    condition=Condition.as_sold() if fill == 1 else OPENED,
                    flags=Flags.as_sold(),
                    virgin=False,
                    weight=WeightCapture(grams, "g", grams, True, "manual") if line.category in WEIGHED else None,
                )
                try:
                    station.receiving.receive(command)
                except SupervisorNeeded:  # a full cartridge outside its catalog's sealed band
                    station.receiving.receive(replace(command, approval=Approval("supervisor", "Weighed twice")))
                received += 1
    return received
