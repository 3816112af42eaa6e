"""The RMA's lines table: the product's name takes the room the other columns leave.

The line, SKU and status are what a clerk reads at arm's length; the product's name is a help
beside the SKU where the screen has room for it (on a 1366 px screen there is none: the name is
also in each row's tooltip and in the inspection heading's). The status takes what is left
after that, ending in "…" rather than making the table scroll sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from receiving_app.gui.models import RmaLinesModel

MIN_USEFUL_WIDTH = 60


class ProductColumnFit(QObject):
    """Shares the table's width: line and SKU as wide as they need, the product what the status leaves."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._product = RmaLinesModel.COLUMNS.index("Product")
        self._status = RmaLinesModel.COLUMNS.index("Status")
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self._product, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(self._status, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(0)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.fit)
        header.sectionResized.connect(self._soon.start)
        table.model().modelReset.connect(self._soon.start)
        table.model().dataChanged.connect(self._soon.start)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._soon.start()
        return False

    def fit(self) -> None:
        table, header = self._table, self._table.horizontalHeader()
        fixed = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column not in (self._product, self._status)
        )
        room = table.viewport().width() - fixed
        status = max(header.sectionSizeHint(self._status), table.sizeHintForColumn(self._status))
        product = room - status
        product = product if product >= MIN_USEFUL_WIDTH else 0  # a sliver of a name helps nobody
        for column, width in ((self._product, product), (self._status, max(0, room - product))):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
