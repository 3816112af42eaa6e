"""The Reports page's four bar charts (outcomes, refunds by method, denials by reason, fill levels of
denied cartridges), drawn with Qt Charts from one frozen ``BenchReport``.

Every bar carries its number as text and every chart says its bars in its accessible description,
so that no figure has to be read off a bar by eye.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.gui.pages.models import words
from receiving_app.gui.style import sized_font
from receiving_app.services.reports import BenchReport, FillLevels, ReasonCount, RefundsByMethod

CHART_HEIGHT = 300  # px: room for a title, ten bars and their labels at the station's type size
BAR_COLOR = "#1f5fa8"  # the station's blue; every bar also carries its number as text
CHARTS = (
    ("outcomes", "Lines received by outcome"),
    ("refunds", "Refunds by method ($)"),
    ("denials", "Denials by reason"),
    ("fill", "Fill level left in denied cartridges"),
)


class ReportCharts(QWidget):
    """The four charts two by two; ``views`` holds the chart view now shown for each key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportCharts")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, QChartView] = {}
        for index, (key, title) in enumerate(CHARTS):
            view = self._chart_view(key, title, self._empty_chart(title))
            self.views[key] = view
            self._grid.addWidget(view, index // 2, index % 2)

    def show_report(self, report: BenchReport) -> None:
        self.set_chart("outcomes", [(words(count.outcome), count.lines) for count in report.outcomes], horizontal=False)
        self.set_chart("refunds", refund_bars(report.refunds_by_method), horizontal=False, money=True)
        self.set_chart("denials", reason_bars(report.denials_by_reason), horizontal=True)
        self.set_chart(
            "fill", fill_bars(report.denied_fill), horizontal=False, category_title="% of a full cartridge left"
        )

    def _chart_view(self, key: str, title: str, chart: QChart) -> QChartView:
        view = QChartView(chart, self)
        view.setObjectName(f"{key}Chart")
        view.setAccessibleName(title)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(CHART_HEIGHT)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return view

    def _empty_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(sized_font(self.font(), self.font().pointSize()))
        chart.legend().setVisible(False)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        return chart

    def set_chart(
        self,
        key: str,
        bars: Sequence[tuple[str, object]],
        *,
        horizontal: bool,
        money: bool = False,
        category_title: str = "",
    ) -> None:
        old_view = self.views[key]
        title = old_view.accessibleName()
        chart = self._empty_chart(title)
        values = [float(value) for _, value in bars]  # only for drawing; the figures stay exact
        bar_set = QBarSet(title)
        bar_set.append(values)
        bar_set.setColor(QColor(BAR_COLOR))
        bar_set.setLabelColor(QColor("#202124"))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(bar_set)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("$@value" if money else "@value")
        series.setLabelsPrecision(12)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([label for label, _ in bars] or [""])
        amounts = QValueAxis()
        largest = max(values, default=0.0)
        if money:
            amounts.setRange(0, max(1.0, largest * 1.25))
            amounts.setLabelFormat("%.0f")
            amounts.applyNiceNumbers()
        else:
            top = max(1, math.ceil(largest * 1.2))
            amounts.setRange(0, top)
            amounts.setLabelFormat("%d")
            if top <= 10:
                amounts.setTickCount(top + 1)  # whole numbers only: a count has no halves
            else:
                amounts.applyNiceNumbers()
        small = QFont(self.font())
        small.setPointSize(max(9, self.font().pointSize() - 4))
        for axis in (categories, amounts):
            axis.setLabelsFont(small)
        if category_title:
            categories.setTitleText(category_title)
            categories.setTitleFont(small)
        if len(bars) > 6 and not horizontal:
            categories.setLabelsAngle(-45)  # ten labels side by side are cut short on a narrow chart
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(amounts)
        # A new view takes the new chart, and the old view is deleted with the chart it owns: handing
        # a view a second chart would leave the first one owned twice, by Qt and by Python's collector.
        view = self._chart_view(key, title, chart)
        view.setAccessibleDescription(
            ", ".join(f"{label} {_figure(value, money)}" for label, value in bars) or "nothing in this period"
        )
        self._grid.replaceWidget(old_view, view)
        self.views[key] = view
        old_view.deleteLater()


def _figure(value, money: bool) -> str:
    return money_text(Money(value)) if money else str(value)


def refund_bars(methods: Sequence[RefundsByMethod]) -> list[tuple[str, object]]:
    return [(words(method.method), method.refunded.amount) for method in methods]


def reason_bars(reasons: Sequence[ReasonCount]) -> list[tuple[str, object]]:
    # A horizontal chart draws its first category at the bottom: reversed, the largest is on top.
    return [(reason.words, reason.lines) for reason in reversed(reasons)]


def fill_bars(fill: FillLevels) -> list[tuple[str, object]]:
    return [(FillLevels.bucket_label(index).rstrip("%"), count) for index, count in enumerate(fill.buckets)]
