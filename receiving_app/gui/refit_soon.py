"""Fitting a table again once the events of the moment have passed: after its rows change and after
it is resized. A burst of changes (a model reset, then a resize, then a header moving) fits once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QTableView


class RefitSoon(QObject):
    """Calls ``fit`` once, soon, after any change to the table's rows or its viewport's size."""

    def __init__(self, table: QTableView, fit: Callable[[], None]) -> None:
        super().__init__(table)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(fit)
        model = table.model()
        for changed in (
            model.modelReset,
            model.layoutChanged,
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
        ):
            changed.connect(self._soon.start)
        table.viewport().installEventFilter(self)

    def start(self) -> None:
        """Fit soon for a reason the table's own signals do not carry."""
        self._soon.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._soon.start()
        return False
