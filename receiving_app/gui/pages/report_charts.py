"""The Reports page's five bar charts (outcomes, refunds by method, denials by reason, fill levels of
denied cartridges, units by route), drawn with Qt Charts from one frozen ``BenchReport``.

Every bar carries its figure as text (``bar_labels``) and every chart says its bars in its accessible
description, so that no figure has to be read off a bar by eye. Each chart asks the room its words
need, measured in its fonts (the widest label times the bars, the title), and the charts reflow two
side by side or one above the other (``ColumnsLayout``) so none is squeezed below it: a label Qt
Charts finds too narrow is cut short ("Origina..."), and a figure past the plot's edge is clipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from receiving_app.domain.money_text import currency_symbol, money_text
from receiving_app.gui.pages.bar_labels import GAP, BarLabels
from receiving_app.gui.pages.columns_layout import ColumnsLayout
from receiving_app.gui.pages.models import words
from receiving_app.gui.style import sized_font
from receiving_app.services.reports import BenchReport, FillLevels, ReasonCount, RefundsByMethod, RouteCount

# The smallest a chart gets, whatever its words: a title, a few bars and their figures at the
# station's type size. A chart whose words need more asks for more.
CHART_MINIMUM = QSize(360, 300)
BAR_COLOR = "#1f5fa8"  # the station's blue; every bar also carries its figure as text
CHART_MARGIN = 4
# The room Qt Charts takes around the words it is given, in px at the station's type size (measured):
PLOT_FRAME = 48  # the chart's margins and the plot's padding, left and right, beside the axis labels
AXIS_LABEL_PADDING = 24  # a vertical axis's ticks and the gaps either side of its labels
AXIS_PORTION = 0.4  # the most of a chart's width Qt Charts gives the axis beside the plot
TITLE_AND_BOTTOM_AXIS = 96  # a horizontal chart's height above and below its plot
TITLE_PADDING = 32
LABEL_GAP = 16  # between two category labels side by side
ROW_GAP = 6  # between two category labels one above the other
SHORTEST_BAR_ROOM = 200  # px a horizontal bar may grow in
HEADROOM = 1.25  # the value axis reaches a quarter past the largest bar: room for its figure
CHARTS = (
    ("outcomes", "Lines received by outcome"),
    ("refunds", "Refunds by method ($)"),  # the report's own currency once one is shown (``refunds_title``)
    ("denials", "Denials by reason"),
    ("fill", "Fill level left in denied cartridges"),
    ("routes", "Units by route"),
)


@dataclass(frozen=True, slots=True)
class Bar:
    label: str  # the category, under or beside the bar
    value: Decimal  # the bar's length, exact; the figure people read is ``text``
    text: str  # the exact figure, as the page writes it elsewhere


class ReportCharts(QWidget):
    """The five charts, two side by side where two fit; ``views`` holds the chart view now shown for
    each key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportCharts")
        self.columns = ColumnsLayout(self, column_counts=(2, 1))
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, QChartView] = {}
        for key, title in CHARTS:
            view = self._chart_view(key, title, self._empty_chart(title))
            view.setMinimumSize(self._minimum_size(title, [], horizontal=False, top_text="1"))
            self.views[key] = view
            self.columns.addWidget(view)

    def show_report(self, report: BenchReport) -> None:
        self.set_chart("outcomes", outcome_bars(report), horizontal=False)
        self.views["refunds"].setAccessibleName(refunds_title(report.currency))
        self.set_chart("refunds", refund_bars(report.refunds_by_method), horizontal=False, money=True)
        self.set_chart("denials", reason_bars(report.denials_by_reason), horizontal=True)
        self.set_chart("fill", fill_bars(report.denied_fill), horizontal=True)
        self.set_chart("routes", route_bars(report.routes), horizontal=True)

    def _chart_view(self, key: str, title: str, chart: QChart) -> QChartView:
        view = QChartView(chart, self)
        view.setObjectName(f"{key}Chart")
        view.setAccessibleName(title)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return view

    def _empty_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(self._title_font())
        chart.legend().setVisible(False)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(CHART_MARGIN, CHART_MARGIN, CHART_MARGIN, CHART_MARGIN))
        return chart

    def set_chart(
        self,
        key: str,
        bars: Sequence[Bar],
        *,
        horizontal: bool,
        money: bool = False,
    ) -> None:
        old_view = self.views[key]
        title = old_view.accessibleName()
        chart = self._empty_chart(title)
        values = bar_lengths(bar.value for bar in bars)
        bar_set = QBarSet(title)
        bar_set.append(values)
        bar_set.setColor(QColor(BAR_COLOR))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(bar_set)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([bar.label for bar in bars] or [""])
        # Qt Charts cuts a category label short ("Origina...") when it is wider than the plot's width
        # shared by two more categories than there are; the chart's minimum width keeps every label
        # within its own category instead.
        categories.setTruncateLabels(False)
        amounts = _amount_axis(max(values, default=0.0), money=money)
        for axis in (categories, amounts):
            axis.setLabelsFont(self._axis_font())
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(amounts)
        BarLabels(chart, series, values, [bar.text for bar in bars], self._figure_font(), horizontal=horizontal)
        # A new view takes the new chart, and the old view is deleted with the chart it owns: handing
        # a view a second chart would leave the first one owned twice, by Qt and by Python's collector.
        view = self._chart_view(key, title, chart)
        top_text = amounts.labelFormat() % amounts.max()
        view.setMinimumSize(self._minimum_size(title, bars, horizontal=horizontal, top_text=top_text))
        view.setAccessibleDescription(", ".join(f"{bar.label} {bar.text}" for bar in bars) or "nothing in this period")
        self.columns.put_in_place_of(old_view, view)
        self.views[key] = view
        old_view.deleteLater()

    def _minimum_size(self, title: str, bars: Sequence[Bar], *, horizontal: bool, top_text: str) -> QSize:
        """The room the chart's words need: every category label and figure whole, and the title."""
        axis, figures = QFontMetrics(self._axis_font()), QFontMetrics(self._figure_font())
        widest_label = max((axis.horizontalAdvance(bar.label) for bar in bars), default=0)
        widest_figure = max((figures.horizontalAdvance(bar.text) for bar in bars), default=0)
        if horizontal:
            labels = widest_label + AXIS_LABEL_PADDING
            # The quarter of headroom past the largest bar holds the widest figure.
            bar_room = max(SHORTEST_BAR_ROOM, math.ceil(HEADROOM / (HEADROOM - 1) * (widest_figure + 2 * GAP)))
            width = max(math.ceil(labels / AXIS_PORTION), labels + PLOT_FRAME + bar_room)
            height = TITLE_AND_BOTTOM_AXIS + len(bars) * (max(axis.height(), figures.height()) + ROW_GAP)
        else:
            slot = max(widest_label, widest_figure) + LABEL_GAP
            width = axis.horizontalAdvance(top_text) + PLOT_FRAME + len(bars) * slot
            height = 0
        title_width = QFontMetrics(self._title_font()).horizontalAdvance(title) + 2 * CHART_MARGIN + TITLE_PADDING
        return QSize(max(width, title_width, CHART_MINIMUM.width()), max(height, CHART_MINIMUM.height()))

    def _title_font(self) -> QFont:
        return sized_font(self.font(), self.font().pointSize())

    def _axis_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSize(max(9, self.font().pointSize() - 4))
        return small

    def _figure_font(self) -> QFont:
        figure = QFont(self.font())
        figure.setPointSize(max(10, self.font().pointSize() - 2))
        return figure


def bar_lengths(figures: Iterable[Decimal]) -> list[float]:
    """Exact figures as the lengths Qt Charts draws, which it measures in floating point: the one place
    a chart leaves Decimal. The figures people read stay exact, as labels and in the tables."""
    return [float(figure) for figure in figures]


def _amount_axis(largest: float, *, money: bool) -> QValueAxis:
    amounts = QValueAxis()
    if money:
        # From five dollars up, nice ticks fall on whole dollars: "%.0f" never writes one twice.
        amounts.setRange(0, max(5.0, largest * HEADROOM))
        amounts.setLabelFormat("%.0f")
        amounts.applyNiceNumbers()  # five ticks at most: each label has room to be written whole
        return amounts
    top = max(1, math.ceil(largest * HEADROOM))
    amounts.setRange(0, top)
    amounts.setLabelFormat("%d")
    if top <= 5:
        amounts.setTickCount(top + 1)  # a tick at each whole number: a count has no halves
    else:
        amounts.applyNiceNumbers()
    return amounts


def outcome_bars(report: BenchReport) -> list[Bar]:
    return [Bar(words(count.outcome), Decimal(count.lines), str(count.lines)) for count in report.outcomes]


def refunds_title(currency: str) -> str:
    """ "Refunds by method ($)", "Refunds by method (€)": the currency the report's amounts are in."""
    return f"Refunds by method ({currency_symbol(currency).strip()})"


def refund_bars(methods: Sequence[RefundsByMethod]) -> list[Bar]:
    return [Bar(words(method.method), method.refunded.amount, money_text(method.refunded)) for method in methods]


def reason_bars(reasons: Sequence[ReasonCount]) -> list[Bar]:
    # A horizontal chart draws its first category at the bottom: reversed, the largest is on top.
    return [Bar(reason.words, Decimal(reason.lines), str(reason.lines)) for reason in reversed(reasons)]


def fill_bars(fill: FillLevels) -> list[Bar]:
    # Drawn across, like the denials: the emptiest at the bottom, the fullest on top.
    return [Bar(FillLevels.bucket_label(index), Decimal(count), str(count)) for index, count in enumerate(fill.buckets)]


def route_bars(routes: Sequence[RouteCount]) -> list[Bar]:
    # Across, as the routes' names are long; reversed, so that the routing file's first route is on top.
    return [Bar(route.label, Decimal(route.units), str(route.units)) for route in reversed(routes)]
