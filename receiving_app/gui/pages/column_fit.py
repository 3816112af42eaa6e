"""Tables that fit the width they are given: no page's table scrolls sideways.

Each column is as wide as its title and contents (up to ``MAX_COLUMN_WIDTH`` where they do not all
fit whole); a column marked
``stretch`` (a description) takes the room the others leave. On a narrow table the columns given a
``hide_order`` step aside, lowest first, before the stretching column falls below
``LEAST_STRETCH_WIDTH``; only then are the widest columns narrowed. A text cut short ends in "…",
and pointing at it shows it whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from receiving_app.gui.refit_soon import RefitSoon

if TYPE_CHECKING:
    from receiving_app.gui.pages.models import Column

MAX_COLUMN_WIDTH = 300  # px: on a narrow table a long seller name is cut short rather than push columns out of sight
LEAST_STRETCH_WIDTH = 240  # px: below this a description says too little to be worth its column


class ColumnFit(QObject):
    """Keeps a table's columns within its width, as its rows and its size change."""

    def __init__(self, table: QTableView, columns: Sequence[Column]) -> None:
        super().__init__(table)
        self._table = table
        self._columns = tuple(columns)
        self._stepped_aside: set[int] = set()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # the clerk can still drag
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(0)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.setItemDelegate(WholeTextTooltip(table))
        RefitSoon(table, self.fit)

    def fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        room = table.viewport().width()
        # A column the page hid itself (a report's customer column) stays as the page left it.
        shown = [
            column
            for column in range(min(header.count(), len(self._columns)))
            if column in self._stepped_aside or not header.isSectionHidden(column)
        ]
        titles = {column: header.sectionSizeFromContents(column).width() for column in shown}
        whole = {column: max(titles[column], table.sizeHintForColumn(column)) for column in shown}
        # Where every column fits whole, none is cut (a long seller name on a wide screen); otherwise
        # the widest give way first, down to the cap.
        cap = MAX_COLUMN_WIDTH if sum(whole.values()) > room else max(whole.values(), default=0)
        wanted = {column: max(titles[column], min(whole[column], cap)) for column in shown}
        stretch = next((column for column in shown if self._columns[column].stretch), None)
        least = dict(wanted)
        if stretch is not None:
            least[stretch] = min(wanted[stretch], max(LEAST_STRETCH_WIDTH, titles[stretch]))
        visible = list(shown)
        for column in sorted(
            (column for column in shown if self._columns[column].hide_order is not None),
            key=lambda column: self._columns[column].hide_order or 0,
        ):
            if sum(least[kept] for kept in visible) <= room:
                break
            visible.remove(column)
        widths = _shared_out({column: wanted[column] for column in visible}, least, room, stretch)
        self._stepped_aside = set(shown) - set(visible)
        for column in shown:
            header.setSectionHidden(column, column in self._stepped_aside)
        for column, width in widths.items():
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)


def _shared_out(wanted: dict[int, int], least: dict[int, int], room: int, stretch: int | None) -> dict[int, int]:
    """The widths that fill ``room``: the stretching column (else the last) takes what is left over,
    or gives up what is missing down to its least; after that the widest columns give way first."""
    widths = dict(wanted)
    if not widths:
        return widths
    taker = stretch if stretch in widths else max(widths)
    missing = sum(widths.values()) - room
    widths[taker] = max(least[taker], widths[taker] - missing)
    cap = max(widths.values())
    while sum(widths.values()) > room and cap > 1:
        cap -= 1
        widths = {column: min(width, cap) for column, width in widths.items()}
    return widths


class WholeTextTooltip(QStyledItemDelegate):
    """Shows a cell's whole text when pointed at, where the column cut it short (and only there)."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() != QEvent.Type.ToolTip or index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text and self.cuts_short(option, index):
            QToolTip.showText(event.globalPos(), str(text), view)
        else:
            QToolTip.hideText()
        return True

    def cuts_short(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:
        """True where the cell is too narrow for its text."""
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        style = cell.widget.style() if cell.widget is not None else None
        if style is None:
            return False
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, cell, cell.widget).width()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, cell.widget) + 1
        return cell.fontMetrics.horizontalAdvance(cell.text) > room - 2 * margin
