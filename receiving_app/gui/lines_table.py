"""The RMA's lines table: each cartridge's SKU with its product's name under it, whole.

The line, SKU and status are what a clerk reads at arm's length. The product's name is how the
clerk checks the cartridge in hand against the line, so it is never cut short: it sits under the
SKU, across the room the line and status leave, and wraps onto a second line (its row growing)
where a 1366 px screen has no room for "Brother LC3019 super high-yield black ink" on one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from receiving_app.gui.models import PRODUCT_ROLE, RmaLinesModel
from receiving_app.gui.refit_soon import RefitSoon

_Index = QModelIndex | QPersistentModelIndex
PADDING = 4  # px around the cell's text, as the table's other cells have
WRAP = int(Qt.TextFlag.TextWordWrap)


class CartridgeDelegate(QStyledItemDelegate):
    """Draws a line's cartridge cell: the SKU in bold, the product's name under it, wrapped."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""  # the frame, selection and focus as any cell's; the words drawn below
        style = self._table.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, self._table)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        sku_rect, name_rect = self._rects(option.rect, option.font, index)
        painter.setFont(self._bold(option.font))
        painter.drawText(sku_rect, int(Qt.AlignmentFlag.AlignLeft), str(index.data()))
        painter.setFont(option.font)
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft) | WRAP, str(index.data(PRODUCT_ROLE) or ""))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._table.columnWidth(index.column())
        _sku, name_rect = self._rects(QRect(0, 0, width, 0), option.font, index)
        sku_width = QFontMetrics(self._bold(option.font)).horizontalAdvance(str(index.data()))
        return QSize(sku_width + 2 * PADDING, name_rect.bottom() + PADDING)

    def _rects(self, cell: QRect, font: QFont, index: _Index) -> tuple[QRect, QRect]:
        """Where the SKU and the name go in a cell, the name as tall as its wrapped lines."""
        inner = cell.adjusted(PADDING, PADDING // 2, -PADDING, 0)
        sku_height = QFontMetrics(self._bold(font)).height()
        sku = QRect(inner.left(), inner.top(), inner.width(), sku_height)
        name = str(index.data(PRODUCT_ROLE) or "")
        wrapped = QFontMetrics(font).boundingRect(QRect(0, 0, max(1, inner.width()), 10_000), WRAP, name)
        return sku, QRect(inner.left(), sku.bottom() + 1, inner.width(), wrapped.height())

    @staticmethod
    def _bold(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        return bold


class CartridgeColumnFit(QObject):
    """Shares the table's width: line and status as wide as they need, the cartridge the rest, and
    each row as tall as its product's name needs."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._cartridge = RmaLinesModel.COLUMNS.index("Cartridge")
        table.setItemDelegateForColumn(self._cartridge, CartridgeDelegate(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self._cartridge, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(0)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long hold note in the status
        self._refit = RefitSoon(table, self.fit)
        header.sectionResized.connect(self._other_column_resized)

    def _other_column_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self._cartridge:
            self._refit.start()

    def fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(header.count()) if column != self._cartridge)
        room = max(table.viewport().width() - others, table.sizeHintForColumn(self._cartridge))
        if header.sectionSize(self._cartridge) != room:
            header.resizeSection(self._cartridge, room)
        table.resizeRowsToContents()  # a name that wraps makes its row taller
        if table.currentIndex().isValid():  # taller rows may have pushed the line in hand out of sight
            table.scrollTo(table.currentIndex())
