"""The receiving screen's columns, arranged for the room the screen gives them.

Where three columns fit side by side (a 1366 px screen without the keyboard map, anything wider)
they are: the RMA, its lines and the weight; the inspection; the decision and its buttons. Where
they do not (the keyboard map open on a 1366 px screen, a 1024 px one) the screen keeps two: the
decision moves under the weight, and Accept under the inspection, so the two stand side by side.

What a clerk checks on every unit stays in view: the lines, the weight, the condition, the
headline with where the cartridge goes and its refund total, Accept. Where the columns are taller
than the screen, the rest folds away, least needed first: the RMA's customer, order, seller and
dates; the amounts that make up the total; the buttons whose keys the keyboard map lists; the
RMA's status (the lines table has each line's); the photos added (F7 says what it adds); and last
what to do with the cartridge, which then heads the reasons instead of standing under the route.
The reasons take whatever height is left and scroll in it. Only a screen too small even for that
scrolls the columns, under the scan row, which stays in view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLayout, QStyle, QWidget

from receiving_app.gui.lines_table import PADDING as CELL_PADDING

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen

LEAST_LINE_TEXT_ROWS = 3  # lines of text the lines table keeps: the line in hand whole, the next one's SKU
RMA_DETAIL_ROWS = (2, 3, 4, 5)  # customer, order, seller, dates
RMA_STATUS_ROW = 1  # the lines' own states say much of it
AMOUNT_DETAIL_ROWS = (0, 1, 2, 3, 5, 6, 7)  # all but the refund total
PHOTOS_ROW = 4  # of the inspection's reason, choice, finding, notes and photos
# Folded in this order until the columns fit.
FOLDS = ("RMA details", "amounts", "buttons", "RMA status", "photos", "instruction")


class ColumnsArea(QWidget):
    """The widget the columns stand in, inside their scroll area.

    It asks for the least height the columns need, not the height they would like, so the scroll
    area scrolls only when even that does not fit. Its minimum size hint recommends the width at
    which the three columns stand side by side (the window keeps the keyboard map closed where it
    would leave less); the scroll area goes by its minimum width, the least the columns need as
    they are arranged now.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side_by_side_width = 0
        """The width that holds three columns side by side; with less they stand in two."""

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        return QSize(max(least.width(), self.side_by_side_width), least.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        if layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return layout.totalMinimumSize().height()


class BenchLayout(QObject):
    """Moves the receiving screen's panels between three columns and two, and folds what does not fit.

    The screen calls ``fit`` whenever it is resized; an RMA whose header needs more room than the
    screen has folds it away.
    """

    def __init__(self, screen: ReceivingScreen) -> None:
        super().__init__(screen)
        self._screen = screen
        self._three_columns: bool | None = None
        self.folded = 0
        """How many of ``FOLDS`` are folded away now."""
        table = screen.ui.linesTable
        # The line in hand whole (its SKU and a line of its product's name) and the next line's SKU.
        line_height = QFontMetrics(table.font()).height()
        table.setMinimumHeight(
            table.horizontalHeader().sizeHint().height()
            + LEAST_LINE_TEXT_ROWS * line_height
            + CELL_PADDING
            + 2 * table.frameWidth()
        )
        screen.rma_shown.connect(self._header_changed)
        screen.preview_shown.connect(self._decision_changed)

    @property
    def three_columns(self) -> bool:
        """True while the panels stand in three columns, False in two."""
        return bool(self._three_columns)

    def fit(self) -> None:
        """Arrange the columns for the scroll area's width, then fold what its height cannot hold."""
        self.arrange()
        self.fold_to_fit()
        ui = self._screen.ui
        ui.columnsArea.setMinimumWidth(ui.columns.totalMinimumSize().width())

    def arrange(self) -> None:
        """Three columns if the screen is wide enough for them, else two."""
        ui = self._screen.ui
        ui.columnsArea.side_by_side_width = self.width_for_three_columns()
        three = ui.columnsScroll.width() >= ui.columnsArea.side_by_side_width
        if three == self._three_columns:
            return
        self._three_columns = three
        for widget in (ui.decisionPanel, ui.actionsBox):
            for column in (ui.firstColumn, ui.secondColumn, ui.thirdColumn):
                column.removeWidget(widget)
        if three:
            ui.thirdColumn.addWidget(ui.decisionPanel, 1)  # its reasons take the height left over
            ui.thirdColumn.addWidget(ui.actionsBox)
        else:
            # The headline under the weight and Accept under the inspection: side by side at the foot.
            ui.firstColumn.addWidget(ui.decisionPanel, 1)
            ui.secondColumn.addWidget(ui.actionsBox)
        ui.firstColumn.setStretchFactor(ui.linesTable, 1 if three else 2)
        ui.columns.setStretch(2, 1 if three else 0)

    def width_for_three_columns(self) -> int:
        """The least width of the columns' scroll area that holds three columns without scrolling sideways."""
        ui = self._screen.ui
        columns = (
            (ui.rmaGroup, ui.linesTable, ui.weightPanel),
            (ui.inspectionPanel,),
            (ui.decisionPanel, ui.actionsBox),
        )
        _forget_sizes(ui.columns)
        least = sum(max(_least_width(widget) for widget in column) for column in columns)
        # Should the columns be too tall for the screen, they still fit beside the vertical scroll bar.
        vertical_scroll_bar = self._screen.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return least + 2 * ui.columns.spacing() + vertical_scroll_bar

    def fold_to_fit(self) -> None:
        """Fold no more of ``FOLDS`` than the columns need to stand in the screen's height."""
        room = self._screen.ui.columnsScroll.maximumViewportSize().height()
        for folded in range(len(FOLDS) + 1):
            self._fold(folded)
            if self.least_height() <= room:
                return

    def _header_changed(self, _rma: object) -> None:
        # Only a header on show can have outgrown the screen; a folded one waits for the next resize,
        # so that a scan pays for measuring the screen only where it may have to.
        if self.folded == 0:
            self.fold_to_fit()

    def _decision_changed(self, _judgement: object) -> None:
        # A decision can stand taller than the "not checked" the columns were folded for (a fee under
        # the outcome): fold more, rather than scroll, once it no longer fits. One measurement, well
        # under a millisecond, per preview; it never unfolds, so the panels do not jump as keys are pressed.
        if self.least_height() > self._screen.ui.columnsScroll.maximumViewportSize().height():
            self.fold_to_fit()

    def _fold(self, folded: int) -> None:
        self.folded = folded
        ui = self._screen.ui
        for row in RMA_DETAIL_ROWS:
            ui.rmaForm.setRowVisible(row, folded < 1)
        for row in AMOUNT_DETAIL_ROWS:
            ui.decisionPanel.ui.amountsForm.setRowVisible(row, folded < 2)
        for button in (ui.holdButton, ui.notReceivedButton, ui.overrideButton, ui.photoButton):
            button.setVisible(folded < 3)
        ui.rmaForm.setRowVisible(RMA_STATUS_ROW, folded < 4)
        ui.inspectionPanel.ui.returnForm.setRowVisible(PHOTOS_ROW, folded < 5)
        ui.decisionPanel.place_instruction(among_reasons=folded >= 6)

    def least_height(self) -> int:
        """The least height the columns need, as they are arranged and folded now, with what they show."""
        ui = self._screen.ui
        _forget_sizes(ui.columns)  # Qt would measure the panels again only after the next events
        width = max(ui.columnsScroll.maximumViewportSize().width(), ui.columns.totalMinimumSize().width())
        return ui.columnsArea.heightForWidth(width)


def _forget_sizes(layout: QLayout) -> None:
    """Every layout and widget under ``layout``, panels' insides too, measures itself afresh."""
    layout.invalidate()
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.layout() is not None:
            _forget_sizes(item.layout())
        elif item.widget() is not None:
            item.widget().updateGeometry()
            if item.widget().layout() is not None:
                _forget_sizes(item.widget().layout())


def _least_width(widget: QWidget) -> int:
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())
