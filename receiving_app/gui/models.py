"""Qt models over the read-only records the services hand out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, OUTCOME_TONES, WAIT, Tone
from receiving_app.services.views import DecisionView, RmaLineView

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # the RmaLineView of a row
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the line's status code ("open", "decided", ...)

_Index = QModelIndex | QPersistentModelIndex


def _words(code: str) -> str:
    return code.replace("_", " ")


class RmaLinesModel(QAbstractTableModel):
    """The lines of one RMA, with the outcome of those already decided."""

    # The description, price, reason and choice are in each row's tooltip and in the panels: the
    # table keeps the columns a clerk matches parcels by, wide enough to read at arm's length.
    COLUMNS = ("Line", "SKU", "Qty", "Status")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: tuple[RmaLineView, ...] = ()
        self._outcomes: Mapping[int, str] = {}

    def set_lines(self, lines: Sequence[RmaLineView], decisions: Sequence[DecisionView] = ()) -> None:
        self.beginResetModel()
        self._lines = tuple(lines)
        self._outcomes = {decision.line: decision.outcome for decision in decisions}
        self.endResetModel()

    def line_at(self, row: int) -> RmaLineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_no: int) -> int | None:
        return next((row for row, line in enumerate(self._lines) if line.line == line_no), None)

    def status_text(self, line: RmaLineView) -> str:
        tone = self._tone(line)
        if line.status == "decided":
            outcome = self._outcomes.get(line.line)
            return f"{tone.symbol} decided: {outcome}" if outcome else f"{tone.symbol} decided"
        if line.status == "on_hold":
            return f"{tone.symbol} on hold" + (f": {line.hold_note}" if line.hold_note else "")
        return f"{tone.symbol} {_words(line.status)}"

    def _tone(self, line: RmaLineView) -> Tone:
        if line.status == "decided":
            return OUTCOME_TONES.get(self._outcomes.get(line.line, ""), GOOD)
        return {"on_hold": MOVING, "not_received": BAD, "open": NEUTRAL}.get(line.status, WAIT)

    # Qt overrides --------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return {
                "Line": str(line.line),
                "SKU": line.sku,
                "Qty": str(line.quantity),
                "Status": self.status_text(line),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{line.description}, ${line.unit_price} each; {_words(line.reason)}, wants {line.customer_choice}; "
                f"UPC {line.upc or 'none'}; full {line.full_g} g, empty {line.empty_g} g"
            )
        if column == "Status" and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(self._tone(line).background)
        if column == "Status" and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(self._tone(line).foreground)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("Line", "Qty"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
