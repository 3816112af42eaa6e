"""A layout of equal columns whose count follows the width it gets: the Reports page's figures four in
a row on a wide screen and two on a narrow one, its charts two side by side or one above the other.

Each widget keeps its minimum width (the widest one's sets the columns' width), so the columns reflow
before anything is squeezed, and the layout asks only one column's width as its minimum: a page
that holds it never scrolls sideways. Its height follows its width (``heightForWidth``), which a
scroll area honours, so one column is as tall as its widgets stacked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class ColumnsLayout(QLayout):
    """Widgets in rows of equal columns, as many as the width holds of ``column_counts`` (tried
    from the most); a row is as tall as the tallest minimum or preferred height in it."""

    def __init__(self, parent: QWidget | None = None, column_counts: Sequence[int] = (2, 1)) -> None:
        super().__init__(parent)
        self._column_counts = tuple(sorted({*column_counts, 1}, reverse=True))
        self._items: list[QLayoutItem] = []

    # QLayout's item list ---------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def put_in_place_of(self, old: QWidget, new: QWidget) -> None:
        """``new`` where ``old`` was; ``old`` leaves the layout (the caller deletes it)."""
        index = self.indexOf(old)
        self.addWidget(new)
        self._items.insert(index, self._items.pop())
        self.removeWidget(old)

    # Sizes -----------------------------------------------------------------------------------

    def columns_for(self, width: int) -> int:
        """How many columns ``width`` (inside the margins) holds at the widest widget's minimum."""
        cell = self._cell_minimum_width()
        spacing = max(0, self.spacing())
        return next(
            (count for count in self._column_counts if count * cell + (count - 1) * spacing <= width),
            1,
        )

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def minimumSize(self) -> QSize:
        margins = self.contentsMargins()
        tallest = max((item.minimumSize().height() for item in self._shown()), default=0)
        return QSize(
            self._cell_minimum_width() + margins.left() + margins.right(), tallest + margins.top() + margins.bottom()
        )

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        most = self._column_counts[0]
        width = most * self._cell_minimum_width() + (most - 1) * max(0, self.spacing())
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # Placing ---------------------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _cell_minimum_width(self) -> int:
        return max((item.minimumSize().width() for item in self._shown()), default=0)

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Places the widgets in ``rect`` when ``move``; returns the height they take."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        spacing = max(0, self.spacing())
        columns = self.columns_for(inner.width())
        cell_width = max(self._cell_minimum_width(), (inner.width() - (columns - 1) * spacing) // columns)
        items = self._shown()
        top = inner.top()
        for start in range(0, len(items), columns):
            row = items[start : start + columns]
            height = max(max(item.minimumSize().height(), item.sizeHint().height()) for item in row)
            if move:
                for column, item in enumerate(row):
                    left = inner.left() + column * (cell_width + spacing)
                    item.setGeometry(QRect(QPoint(left, top), QSize(cell_width, height)))
            top += height + spacing
        used = top - inner.top() - (spacing if items else 0)
        return used + margins.top() + margins.bottom()
