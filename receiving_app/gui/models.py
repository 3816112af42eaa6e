"""Qt models over the read-only records the services hand out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from receiving_app.domain.money_text import money_text
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, OUTCOME_TONES, WAIT, Tone
from receiving_app.services.views import DecisionView, RmaLineView

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the RmaLineView of a row
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the line's status code ("open", "decided", ...)
PRODUCT_ROLE = Qt.ItemDataRole.UserRole + 3  # the catalog's name for the line's cartridge

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invalid index Qt passes as the parent of a table's rows


def _words(code: str) -> str:
    return code.replace("_", " ")


def unit_states(line: RmaLineView) -> tuple[str, ...]:
    """Each unit's state ("open", "decided", "not_received"), unit 1 first, even for a view that lists none."""
    if line.units:
        return line.units
    return ("open" if line.status in ("open", "on_hold") else line.status,) * line.quantity


class RmaLinesModel(QAbstractTableModel):
    """The lines of one RMA, with how far each has come unit by unit and the outcomes decided."""

    # The price, reason and choice are in each row's tooltip and in the panels: the table keeps the
    # columns a clerk matches parcels by, wide enough to read at arm's length. The cartridge is its
    # SKU (the display) with its product's name under it (PRODUCT_ROLE). A line's quantity is in its
    # status ("1 of 2 decided") where it is more than one.
    COLUMNS = ("Line", "Cartridge", "Status")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: tuple[RmaLineView, ...] = ()
        self._outcomes: Mapping[tuple[int, int], str] = {}

    def set_lines(self, lines: Sequence[RmaLineView], decisions: Sequence[DecisionView] = ()) -> None:
        """The lines and their decisions (voided ones are left out: their units are open again)."""
        self.beginResetModel()
        self._lines = tuple(lines)
        self._outcomes = {
            (decision.line, decision.unit): decision.outcome for decision in decisions if not decision.voided
        }
        self.endResetModel()

    def line_at(self, row: int) -> RmaLineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_no: int) -> int | None:
        return next((row for row, line in enumerate(self._lines) if line.line == line_no), None)

    def outcomes(self, line: RmaLineView) -> list[str]:
        """The outcome of each decided unit of the line, unit 1 first."""
        return [
            self._outcomes.get((line.line, unit), "decided")
            for unit, state in enumerate(unit_states(line), 1)
            if state == "decided"
        ]

    def status_text(self, line: RmaLineView) -> str:
        """ "✔ refund" for a decided line of one; "• 1 of 2 decided" unit by unit for more (their
        outcomes are in the tooltip): short enough for the table on a 1366 px screen."""
        tone, outcomes = self._tone(line), self.outcomes(line)
        if line.status == "on_hold":
            return f"{tone.symbol} on hold" + (f": {line.hold_note}" if line.hold_note else "")
        if line.quantity == 1:
            if line.status == "decided":
                return f"{tone.symbol} {outcomes[0]}" if outcomes else f"{tone.symbol} decided"
            return f"{tone.symbol} {_words(line.status)}"
        if line.status == "not_received":
            return f"{tone.symbol} not received"
        missing = unit_states(line).count("not_received")
        progress = f"{len(outcomes)} of {line.quantity} decided"
        return f"{tone.symbol} {progress}" + (f", {missing} did not arrive" if missing else "")

    def _tone(self, line: RmaLineView) -> Tone:
        if line.status == "decided":
            outcomes = set(self.outcomes(line))
            return OUTCOME_TONES.get(outcomes.pop(), GOOD) if len(outcomes) == 1 else MOVING
        return {"on_hold": MOVING, "not_received": BAD, "open": NEUTRAL}.get(line.status, WAIT)

    # Qt overrides --------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                "#" if self.COLUMNS[section] == "Line" else self.COLUMNS[section]
            )  # narrow: the status needs the room
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.AccessibleTextRole:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        line = self.line_at(index.row()) if index.isValid() else None
        if line is None:
            return None
        if role == LINE_ROLE:
            return line
        if role == STATUS_ROLE:
            return line.status
        column = self.COLUMNS[index.column()]
        if column == "Cartridge" and role == PRODUCT_ROLE:
            return line.description
        if column == "Cartridge" and role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{line.sku}, {line.description}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return {"Line": str(line.line), "Cartridge": line.sku, "Status": self.status_text(line)}[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            outcomes = self.outcomes(line)
            return (
                f"{line.quantity} × {line.description}, {money_text(line.unit_price)} each; "
                f"{_words(line.reason)}, wants {line.customer_choice}; "
                f"UPC {line.upc or 'none'}; full {line.full_g} g, empty {line.empty_g} g"
                + (f"; decided: {', '.join(outcomes)}" if outcomes else "")
            )
        if column == "Status" and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(self._tone(line).background)
        if column == "Status" and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(self._tone(line).foreground)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "Line":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
