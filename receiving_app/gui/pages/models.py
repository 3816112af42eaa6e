"""Table models over the frozen records the services return, never over database rows.

Each model lists its columns once (title, text, sort key); a proxy sorts by ``SORT_ROLE`` so that
dates sort as dates and amounts as numbers, and a view or test gets a row's whole record from
``RECORD_ROLE`` instead of parsing the text it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableView

from receiving_app.gui.pages.column_fit import ColumnFit
from receiving_app.gui.station_clock import shown_time
from receiving_app.gui.style import Tone

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index Qt passes as the parent of a table's rows


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # None: sort by the text
    numeric: bool = False  # right-aligned, so digits line up
    tone: Callable[[Any], Tone | None] | None = None  # a background that repeats what the text says
    stretch: bool = False  # takes the width the other columns leave (a description); one per table
    hide_order: int | None = None  # steps aside on a narrow table, lowest first; None: always shown


class RecordTableModel(QAbstractTableModel):
    """Rows of one record type; subclasses set ``COLUMNS``."""

    COLUMNS: Sequence[Column] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._records: tuple[Any, ...] = ()

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._records = tuple(records)
        self.endResetModel()

    def records(self) -> tuple[Any, ...]:
        return self._records

    def replace_record(self, row: int, record: Any) -> None:
        """One row changed (an edit was saved): repaint that row only, keeping selection and sort."""
        self._records = (*self._records[:row], record, *self._records[row + 1 :])
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(record)
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            return column.sort_key(record) if column.sort_key else column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        tone = (
            column.tone(record)
            if column.tone and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
            else None
        )
        if tone is not None:
            return QBrush(QColor(tone.background if role == Qt.ItemDataRole.BackgroundRole else tone.foreground))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section].title
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names[RECORD_ROLE] = QByteArray(b"record")
        names[SORT_ROLE] = QByteArray(b"sortKey")
        return names


def prepare_table(table: QTableView) -> None:
    """Row-selecting, read-only tables without row numbers, whose columns fit the table's width."""
    table.verticalHeader().setVisible(False)
    model = table.model()
    records = model.sourceModel() if isinstance(model, QAbstractProxyModel) else model
    ColumnFit(table, records.COLUMNS)


def local_time(moment: datetime | None) -> str:
    """A stored UTC time as the bench's clock shows it (the station's time zone)."""
    return shown_time(moment)


ACRONYMS = frozenset({"rma", "upc", "sku", "oem", "hp"})


def phrase(identifier: str) -> str:
    """An identifier as words inside a sentence: 'rma_label' -> 'RMA label', 'on_hold' -> 'on hold'."""
    return " ".join(part.upper() if part in ACRONYMS else part for part in identifier.replace("-", "_").split("_"))


def words(identifier: str) -> str:
    """An identifier as words starting a label: 'restocking_fee_receipt' -> 'Restocking fee receipt'."""
    text = phrase(identifier)
    return text[:1].upper() + text[1:]
