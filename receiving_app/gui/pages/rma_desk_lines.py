"""The lines of the order picked at the RMA desk, one row each: what was ordered, what RMAs already
return of it, what is left, a box for how many to return now (0: not returned), and under it what the
seller's policy says of that line, "authorized" or its refusals in the customer's words.

Rows of widgets rather than a table: Tab goes from one quantity to the next, and a refusal of several
sentences wraps under its line instead of being cut off in a cell.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QWidget

from receiving_app.gui.style import BAD, GOOD
from receiving_app.services.desk_views import DeskVerdict, OrderLineView, RequestedLine

# Two lines a heading where one would take the description's room on a narrow screen.
HEADINGS = ("SKU", "Description", "Ordered", "Already<br>returned", "Return-<br>able", "Return<br>now")
NUMBER_COLUMNS = (2, 3, 4)
DESCRIPTION_COLUMN = 1
QUANTITY_COLUMN = 5
# The tone's color as text, not a band: a line's verdict under each line of a long order stays one line high.
VERDICT_STYLE = "color: {color}; font-weight: bold;"


class ReturnLines(QObject):
    """The rows of one order's lines in ``area``'s ``grid`` (emptied and filled again for each order).

    Signals:
        changed(): a quantity changed.
    """

    changed = Signal()

    def __init__(self, area: QWidget, grid: QGridLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self._area = area
        self.spins: dict[int, QSpinBox] = {}
        self._verdicts: dict[int, QLabel] = {}
        self._lines: tuple[OrderLineView, ...] = ()
        self._placed: list[QWidget] = []

    def _place(self, widget: QWidget, row: int, column: int, columns: int = 1) -> None:
        self._grid.addWidget(widget, row, column, 1, columns)
        self._placed.append(widget)

    def show_lines(self, lines: tuple[OrderLineView, ...]) -> None:
        self.clear()
        self._lines = lines
        grid, area = self._grid, self._area
        for column, heading in enumerate(HEADINGS):
            label = QLabel(f"<b>{heading}</b>", area)
            label.setObjectName(f"linesHeading{column}")
            self._place(label, 0, column)
        for index, line in enumerate(lines):
            row = 1 + 2 * index
            texts = (line.sku, line.description, str(line.quantity), str(line.already_returned), str(line.returnable))
            for column, text in enumerate(texts):
                cell = QLabel(text, area)
                cell.setObjectName(f"line{line.line_no}Cell{column}")
                cell.setTextFormat(Qt.TextFormat.PlainText)
                cell.setWordWrap(column == DESCRIPTION_COLUMN)
                if column in NUMBER_COLUMNS:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._place(cell, row, column)
            spin = QSpinBox(area)
            spin.setObjectName(f"returnSpin{line.line_no}")
            spin.setAccessibleName(f"Units of line {line.line_no} ({line.sku}) to return")
            spin.setRange(0, line.returnable)
            spin.setEnabled(line.returnable > 0)
            spin.setToolTip(
                f"How many of the {line.returnable} returnable units to return now"
                if line.returnable
                else "Every unit of this line is on an RMA already"
            )
            spin.valueChanged.connect(self.changed)
            self._place(spin, row, QUANTITY_COLUMN)
            self.spins[line.line_no] = spin
            verdict = QLabel(area)
            verdict.setObjectName(f"verdictLabel{line.line_no}")
            verdict.setWordWrap(True)
            verdict.setTextFormat(Qt.TextFormat.PlainText)
            self._place(verdict, row + 1, 0, len(HEADINGS))
            self._verdicts[line.line_no] = verdict
        verdicts = set(self._verdicts.values())
        for widget in self._placed:
            # Shown now rather than by the layout's queued show, so the first quantity can take the focus;
            # a verdict shows once the policy has said it.
            widget.setVisible(widget not in verdicts)
        grid.setColumnStretch(DESCRIPTION_COLUMN, 1)
        grid.setRowStretch(1 + 2 * len(lines), 1)  # the rows stay at the top of a tall area

    def clear(self) -> None:
        for widget in self._placed:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._placed = []
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        self.spins, self._verdicts, self._lines = {}, {}, ()

    def requested(self) -> tuple[RequestedLine, ...]:
        """Each line with a quantity above 0, with that quantity."""
        return tuple(RequestedLine(line_no, spin.value()) for line_no, spin in self.spins.items() if spin.value() > 0)

    def first_quantity(self) -> QSpinBox | None:
        return next((spin for spin in self.spins.values() if spin.isEnabled()), None)

    def show_verdict(self, verdict: DeskVerdict) -> None:
        """Under each line asked for, what the policy says; nothing under the others."""
        said = {line.line_no: line for line in verdict.lines}
        for line_no, label in self._verdicts.items():
            line = said.get(line_no)
            if line is None:
                label.setVisible(False)
                continue
            if line.authorized:
                label.setText(f"{GOOD.symbol} Line {line_no}: authorized")
                label.setStyleSheet(VERDICT_STYLE.format(color=GOOD.background))
            else:
                sentences = " ".join(reason.text for reason in line.refusals)
                label.setText(f"{BAD.symbol} Line {line_no}: {sentences}")
                label.setStyleSheet(VERDICT_STYLE.format(color=BAD.background))
            label.setVisible(True)

    def hide_verdicts(self) -> None:
        for label in self._verdicts.values():
            label.setVisible(False)

    def verdict_text(self, line_no: int) -> str:
        label = self._verdicts.get(line_no)
        return label.text() if label is not None and not label.isHidden() else ""
