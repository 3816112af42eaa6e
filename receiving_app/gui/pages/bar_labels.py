"""Each bar's figure written at its end, as the page writes it ("$356.45", never "$356.4" or "356.45").

Qt Charts' own bar labels format every value as a number of significant digits ("$12.5") and let a
label near the plot's edge run out of the chart; these are placed again whenever the plot area
changes: past the bar's end where there is room in the plot, else inside the bar's end in white.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QAbstractBarSeries, QChart
from PySide6.QtCore import QObject, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QGraphicsSimpleTextItem

GAP = 4  # px between a bar's end and its figure
OUTSIDE_COLOR = "#202124"
INSIDE_COLOR = "#ffffff"


class BarLabels(QObject):
    """The figures of one bar set, ``texts[i]`` at the end of bar ``i``; owned by the chart."""

    def __init__(
        self,
        chart: QChart,
        series: QAbstractBarSeries,
        values: Sequence[float],
        texts: Sequence[str],
        font: QFont,
        *,
        horizontal: bool,
    ) -> None:
        super().__init__(chart)
        self._chart, self._series, self._values, self._horizontal = chart, series, tuple(values), horizontal
        self.items: list[QGraphicsSimpleTextItem] = []
        for text in texts:
            item = QGraphicsSimpleTextItem(text, chart)
            item.setFont(font)
            self.items.append(item)
        chart.plotAreaChanged.connect(self._place)

    def _place(self, plot: QRectF) -> None:
        for index, (item, value) in enumerate(zip(self.items, self._values, strict=True)):
            end = self._chart.mapToPosition(
                QPointF(value, index) if self._horizontal else QPointF(index, value), self._series
            )
            size = item.boundingRect().size()
            if self._horizontal:
                middle = end.y() - size.height() / 2
                outside = QPointF(end.x() + GAP, middle)
                fits = outside.x() + size.width() <= plot.right()
                inside = QPointF(end.x() - GAP - size.width(), middle)
            else:
                centre = end.x() - size.width() / 2
                outside = QPointF(centre, end.y() - GAP - size.height())
                fits = outside.y() >= plot.top()
                inside = QPointF(centre, end.y() + GAP)
            item.setPos(outside if fits else inside)
            item.setBrush(QBrush(QColor(OUTSIDE_COLOR if fits else INSIDE_COLOR)))
