"""What a draft would have done to the decisions already recorded: the totals before and after
(refunded, fees, denied), the units whose outcome or money would change, the units a supervisor
overrode (listed apart: the draft does not decide them) and a small chart of each day's refunds
before and after, from one ``ReplayReport``. It shows a report; it never asks for one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.domain.policy_comparison import Comparison, Totals, UnitKey, UnitResult
from receiving_app.gui.pages.models import words
from receiving_app.gui.pages.report_charts import BAR_COLOR, CHART_MARGIN, HEADROOM, bar_lengths
from receiving_app.services.policy_replay import ReplayReport

BEFORE_COLOR = "#9aa0a6"  # grey: what was recorded; the draft's bars are the station's blue
CHART_SIZE = (300, 240)  # px: small, under the draft's figures
TOTALS_ROWS = ("Units", "Refunded", "Fees", "Denied")
CHANGED_COLUMNS = ("RMA", "Line", "Unit", "Before", "After")
OVERRIDDEN_COLUMNS = ("RMA", "Line", "Unit", "Recorded (override)", "Draft alone")


def result_text(result: UnitResult) -> str:
    """An outcome and its money in words: "Refund $54.99 (fee $8.25)", "Denied"."""
    text = words(result.outcome.value)
    if result.refund_total.amount:
        text += f" {money_text(result.refund_total)}"
    if result.restocking_fee.amount:
        text += f" (fee {money_text(result.restocking_fee)})"
    return text


def totals_rows(before: Totals, after: Totals) -> list[tuple[str, str, str, str]]:
    """Each total before, after and the difference, as the totals table writes them."""

    def money_row(label: str, was: Money, now: Money) -> tuple[str, str, str, str]:
        return (label, money_text(was), money_text(now), money_text(now - was))

    return [
        ("Units", str(before.units), str(after.units), f"{after.units - before.units:+d}"),
        money_row("Refunded", before.refunded, after.refunded),
        money_row("Fees", before.fees, after.fees),
        ("Denied", str(before.denied), str(after.denied), f"{after.denied - before.denied:+d}"),
    ]


def _where(key: UnitKey) -> tuple[str, str, str]:
    return (key.rma, str(key.line), str(key.unit))


def _table(parent: QWidget, name: str, accessible: str, columns: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns), parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for row, texts in enumerate(rows):
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column and (text[:1].isdigit() or text[:1] in "+-$"):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(row, column, item)


class ReplayComparisonView(QWidget):
    """The comparison of one replay: ``summary``, ``totals``, ``changed`` and ``overridden``, and
    ``chart``, which the panel lays out where it has room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replayComparison")
        self.summary = QLabel("Replay the draft to see what it would have changed.", self)
        self.summary.setObjectName("replaySummary")
        self.summary.setWordWrap(True)
        self.totals = _table(self, "replayTotals", "Totals before and after", ("", "Before", "After", "Difference"))
        self.totals.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.chart = QChartView(self)
        self.chart.setObjectName("replayChart")
        self.chart.setAccessibleName("Refunded each day, before and after")
        self.chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart.setMinimumSize(*CHART_SIZE)
        self.chart.setMaximumSize(CHART_SIZE[0], CHART_SIZE[1] + 40)
        self.changed = _table(self, "replayChanged", "Units the draft would decide differently", CHANGED_COLUMNS)
        self.overridden_label = QLabel("Overridden by a supervisor (in no total):", self)
        self.overridden = _table(self, "replayOverridden", "Units a supervisor overrode", OVERRIDDEN_COLUMNS)
        self.overridden.setMaximumHeight(120)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.totals)
        layout.addWidget(self.changed, 2)
        layout.addWidget(self.overridden_label)
        layout.addWidget(self.overridden, 1)
        self.show_comparison(None)

    def show_report(self, report: ReplayReport) -> None:
        comparison = report.comparison
        span = f"{report.start or 'the first day'} to {report.end or 'the last day'}"
        undecided = f"; {len(comparison.undecided)} it cannot decide" if comparison.undecided else ""
        self.summary.setText(
            f"{report.draft.name} over {comparison.units_compared} units received {span}: "
            f"{len(comparison.changed)} would change; "
            f"overridden by a supervisor: {len(comparison.overridden)}{undecided}."
        )
        self.show_comparison(comparison)

    def show_comparison(self, comparison: Comparison | None) -> None:
        before = comparison.before if comparison else Totals()
        after = comparison.after if comparison else Totals()
        _fill(self.totals, totals_rows(before, after))
        self.totals.resizeRowsToContents()
        header, rows = self.totals.horizontalHeader().height(), self.totals.verticalHeader().length()
        self.totals.setFixedHeight(header + rows + 2 * self.totals.frameWidth())
        changed = comparison.changed if comparison else ()
        _fill(
            self.changed,
            [(*_where(item.key), f"{result_text(item.before)} →", result_text(item.after)) for item in changed],
        )
        overridden = comparison.overridden if comparison else ()
        _fill(
            self.overridden,
            [
                (
                    *_where(item.key),
                    result_text(item.recorded),
                    words(item.draft_outcome.value) if item.draft_outcome else "cannot decide",
                )
                for item in overridden
            ],
        )
        self.overridden_label.setText(f"Overridden by a supervisor (in no total): {len(overridden)}")
        self._draw_chart(comparison)

    def _draw_chart(self, comparison: Comparison | None) -> None:
        chart = QChart()
        chart.setTitle("Refunded each day ($)")
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(CHART_MARGIN, CHART_MARGIN, CHART_MARGIN, CHART_MARGIN))
        days = comparison.days if comparison else ()
        series = QBarSeries()
        described = []
        for name, color, side in (("Recorded", BEFORE_COLOR, "before"), ("Draft", BAR_COLOR, "after")):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(color))
            bar_set.append(bar_lengths(getattr(day, side).refunded.amount for day in days))
            series.append(bar_set)
        for day in days:
            described.append(f"{day.day}: {money_text(day.before.refunded)} → {money_text(day.after.refunded)}")
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([day.day.strftime("%b %d") for day in days] or [""])
        amounts = QValueAxis()
        taller = (max(day.before.refunded.amount, day.after.refunded.amount) for day in days)
        largest = max(bar_lengths(taller), default=0)
        amounts.setRange(0, max(5.0, largest * HEADROOM))
        amounts.setLabelFormat("%.0f")
        amounts.applyNiceNumbers()
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(amounts)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # Smaller type on the axes and legend, as on the Reports page's charts: at the station's size
        # a small chart's amounts are cut to "...".
        small = QFont(self.font())
        small.setPointSize(max(9, self.font().pointSize() - 4))
        for axis in (categories, amounts):
            axis.setLabelsFont(small)
        chart.legend().setFont(small)
        old = self.chart.chart()
        self.chart.setChart(chart)
        if old is not None:
            old.deleteLater()
        self.chart.setAccessibleDescription("; ".join(described) or "nothing replayed yet")
