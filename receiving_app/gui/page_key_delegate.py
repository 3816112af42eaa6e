"""The navigation list's items: each page's title, and under it, smaller and quieter, the key that
opens it. The list stays narrow, and an item's own text stays the page's title."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from receiving_app.gui.style import BASE_POINT_SIZE, WAIT, sized_font

PAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
KEY_POINT_SIZE = BASE_POINT_SIZE - 3
KEY_COLOUR = QColor(WAIT.background)  # a grey at 6:1 on white: quiet, and still readable


def key_font(title_font: QFont) -> QFont:
    return sized_font(title_font, KEY_POINT_SIZE, bold=False)


class PageKeyDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(PAGE_KEY_ROLE):
            size.setHeight(size.height() + QFontMetrics(key_font(option.font)).height())
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        key = index.data(PAGE_KEY_ROLE)
        if not key:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        style = item.widget.style() if item.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        text_area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, item.widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, item, item.widget) + 1  # as the title's
        under_title = text_area.adjusted(margin, QFontMetrics(item.font).height(), -margin, 0)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(key_font(item.font))
        painter.setPen(item.palette.highlightedText().color() if selected else KEY_COLOUR)
        painter.drawText(under_title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, key)
        painter.restore()
