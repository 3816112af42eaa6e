"""Reports: what the bench did on a day, at one station or all, with charts; exported as PDF or CSV.

Opening the page shows today's report for every station (the figures come from the report
service in the background); Export PDF… then writes it: a manager's two clicks. The figures at
the top, the four charts (outcomes, refunds by method, denials by reason, fill levels of denied
cartridges) and the tables under them all come from one frozen ``BenchReport``, the same one the
export writes, so the window and the paper never disagree.

Built in code rather than from a Designer form: most of the page is charts, which a form cannot
describe. Customer details are never shown here unless an admin ticks the box for them, and the
service checks that role again.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, QStandardPaths, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.models import Column, RecordTableModel, local_time, prepare_table, words
from receiving_app.gui.style import sized_font
from receiving_app.services.auth import SignedInUser
from receiving_app.services.reports import (
    ROLES_SEEING_PERSONAL_DATA,
    BenchReport,
    FillLevels,
    ReasonCount,
    RefundsByMethod,
    export_report,
)
from receiving_app.services.station import Station

ALL_STATIONS = "All stations"
CHART_HEIGHT = 300  # px: room for a title, ten bars and their labels at the station's type size
BAR_COLOR = "#1f5fa8"  # the station's blue; every bar also carries its number as text
TILE_POINT_SIZE = 22


def _count_column(title: str, attribute: str) -> Column:
    return Column(title, lambda record: str(getattr(record, attribute)), lambda record: getattr(record, attribute), numeric=True)


def _money_column(title: str, attribute: str) -> Column:
    return Column(title, lambda record: str(getattr(record, attribute)), lambda record: getattr(record, attribute).amount, numeric=True)


WORK_COLUMNS = (
    _count_column("Lines", "lines"),
    _count_column("Refunds", "refunds"),
    _count_column("Replacements", "replacements"),
    _count_column("Denials", "denials"),
    _count_column("Overridden", "overridden"),
    _money_column("Refunded", "refunded"),
)


class OperatorsModel(RecordTableModel):
    COLUMNS = (Column("Operator", lambda count: count.name), *WORK_COLUMNS)


class StationsModel(RecordTableModel):
    COLUMNS = (Column("Station", lambda count: count.name), *WORK_COLUMNS)


class RefundsModel(RecordTableModel):
    COLUMNS = (
        Column("Method", lambda refunds: words(refunds.method)),
        _count_column("Lines", "lines"),
        _money_column("Merchandise", "merchandise"),
        _money_column("Restocking fees", "restocking_fees"),
        _money_column("Return label deducted", "label_deductions"),
        _money_column("Shipping refunded", "shipping_refunded"),
        _money_column("Refunded", "refunded"),
    )


class DenialsModel(RecordTableModel):
    COLUMNS = (
        Column("Reason", lambda reason: reason.words),
        Column("Code", lambda reason: reason.code),
        _count_column("Denied lines", "lines"),
    )


class HoldsModel(RecordTableModel):
    COLUMNS = (
        Column("RMA", lambda hold: hold.rma),
        _count_column("Line", "line"),
        Column("SKU", lambda hold: hold.sku),
        Column("Held since", lambda hold: local_time(hold.since), lambda hold: hold.since.timestamp() if hold.since else 0),
        Column("Held by", lambda hold: hold.held_by),
        Column("Station", lambda hold: hold.station),
        Column("Note", lambda hold: hold.note),
        Column("Customer", lambda hold: hold.customer),  # empty unless an admin asked for personal data
    )
    CUSTOMER_COLUMN = 7


class ReportsPage(QWidget):
    """One day's report at one station or all, with charts and exports.

    Signals:
        report_shown(object): the BenchReport now on the page.
        exported(str): the path a PDF or CSV export was written to.
        problem_shown(str): a refusal or failure, as the user reads it.
    """

    report_shown = Signal(object)
    exported = Signal(str)
    problem_shown = Signal(str)

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self._user = signed_in_user
        self._service = station.reports
        self._runner = OperationRunner(self)
        self._report: BenchReport | None = None
        self._shown_once = False
        self._reload_pending = False  # the choice changed while a report was being made

        self._build_controls()
        if station.settings.station_id:  # this station first, before the list of the others arrives
            self.stationCombo.addItem(station.settings.station_id, station.settings.station_id)
        self._build_tiles()
        self._build_charts()
        self._build_tables()

        content = QWidget(self)
        content.setObjectName("reportContent")
        column = QVBoxLayout(content)
        column.addLayout(self._controls)
        column.addWidget(self.statusLabel)
        column.addLayout(self._tiles)
        column.addLayout(self._charts)
        column.addWidget(self.tablesTabs)
        scroll = QScrollArea(self)
        scroll.setObjectName("reportScroll")
        scroll.setAccessibleName("Report")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # Building the page ---------------------------------------------------------------------

    def _build_controls(self) -> None:
        self.dayEdit = QDateEdit(QDate.currentDate(), self)
        self.dayEdit.setObjectName("dayEdit")
        self.dayEdit.setAccessibleName("Report day")
        self.dayEdit.setCalendarPopup(True)
        self.dayEdit.setDisplayFormat("yyyy-MM-dd")
        self.stationCombo = QComboBox(self)
        self.stationCombo.setObjectName("stationCombo")
        self.stationCombo.setAccessibleName("Station")
        self.stationCombo.addItem(ALL_STATIONS, "")
        self.stationCombo.setMinimumContentsLength(14)
        self.personalCheck = QCheckBox("Include customer details", self)
        self.personalCheck.setObjectName("personalDataCheck")
        self.personalCheck.setAccessibleName("Include customer details (admins only)")
        self.personalCheck.setVisible(self._user.role in ROLES_SEEING_PERSONAL_DATA)
        self.showButton = QPushButton("Show report", self)
        self.showButton.setObjectName("showReportButton")
        self.showButton.setAccessibleName("Show the report")
        self.showButton.setDefault(True)
        self.exportPdfButton = QPushButton("Export PDF…", self)
        self.exportPdfButton.setObjectName("exportPdfButton")
        self.exportPdfButton.setAccessibleName("Export the report as PDF")
        self.exportCsvButton = QPushButton("Export CSV…", self)
        self.exportCsvButton.setObjectName("exportCsvButton")
        self.exportCsvButton.setAccessibleName("Export the report as CSV")
        for button in (self.exportPdfButton, self.exportCsvButton):
            button.setEnabled(False)
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("reportStatusLabel")
        self.statusLabel.setAccessibleName("Report status")
        self.statusLabel.setWordWrap(True)
        clear_message(self.statusLabel)

        day_label = QLabel("&Day", self)
        day_label.setBuddy(self.dayEdit)
        station_label = QLabel("S&tation", self)
        station_label.setBuddy(self.stationCombo)
        self._controls = QHBoxLayout()
        for widget in (day_label, self.dayEdit, station_label, self.stationCombo, self.personalCheck, self.showButton):
            self._controls.addWidget(widget)
        self._controls.addStretch(1)
        self._controls.addWidget(self.exportPdfButton)
        self._controls.addWidget(self.exportCsvButton)

        self.showButton.clicked.connect(self.load)
        self.dayEdit.dateChanged.connect(lambda _date: self.load())
        self.stationCombo.activated.connect(lambda _index: self.load())
        self.personalCheck.toggled.connect(lambda _checked: self.load())
        self.exportPdfButton.clicked.connect(lambda: self._choose_and_export("pdf"))
        self.exportCsvButton.clicked.connect(lambda: self._choose_and_export("csv"))

    def _build_tiles(self) -> None:
        self._tiles = QHBoxLayout()
        self.tileValues: dict[str, QLabel] = {}
        for key, caption in (
            ("lines", "Lines received"), ("refunded", "Refunded"), ("fees", "Restocking fees"), ("denied", "Denied"), ("holds", "On hold"),
        ):
            tile = QFrame(self)
            tile.setObjectName(f"{key}Tile")
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            inner = QVBoxLayout(tile)
            title = QLabel(caption, tile)
            value = QLabel("–", tile)
            value.setObjectName(f"{key}Value")
            value.setAccessibleName(caption)
            value.setFont(sized_font(self.font(), TILE_POINT_SIZE))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            inner.addWidget(title)
            inner.addWidget(value)
            self.tileValues[key] = value
            self._tiles.addWidget(tile)

    def _build_charts(self) -> None:
        self._charts = QGridLayout()
        self.chartViews: dict[str, QChartView] = {}
        for index, (key, title) in enumerate(
            (("outcomes", "Lines received by outcome"), ("refunds", "Refunds by method ($)"),
             ("denials", "Denials by reason"), ("fill", "Fill level left in denied cartridges"))
        ):
            view = self._chart_view(key, title, self._empty_chart(title))
            self.chartViews[key] = view
            self._charts.addWidget(view, index // 2, index % 2)

    def _chart_view(self, key: str, title: str, chart: QChart) -> QChartView:
        view = QChartView(chart, self)
        view.setObjectName(f"{key}Chart")
        view.setAccessibleName(title)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(CHART_HEIGHT)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return view

    def _build_tables(self) -> None:
        self.tablesTabs = QTabWidget(self)
        self.tablesTabs.setObjectName("reportTables")
        self.tablesTabs.setAccessibleName("Report tables")
        self.tablesTabs.setMinimumHeight(240)
        self.operatorsModel = OperatorsModel(self)
        self.stationsModel = StationsModel(self)
        self.refundsModel = RefundsModel(self)
        self.denialsModel = DenialsModel(self)
        self.holdsModel = HoldsModel(self)  # its Customer column shows only in a report with personal data
        self.tables: dict[str, QTableView] = {}
        for key, title, model in (
            ("operators", "By operator", self.operatorsModel),
            ("stations", "By station", self.stationsModel),
            ("refunds", "Refunds by method", self.refundsModel),
            ("denials", "Denials by reason", self.denialsModel),
            ("holds", "On hold", self.holdsModel),
        ):
            table = QTableView(self.tablesTabs)
            table.setObjectName(f"{key}Table")
            table.setAccessibleName(title)
            table.setModel(model)
            table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            table.setSortingEnabled(False)
            prepare_table(table)
            self.tables[key] = table
            self.tablesTabs.addTab(table, title)

    # Loading -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The report is made the first time the page is shown, not when the window is built.
        if not self._shown_once:
            self._shown_once = True
            self._load_stations()
            self.load()

    @property
    def report(self) -> BenchReport | None:
        return self._report

    def chosen_day(self) -> date:
        return self.dayEdit.date().toPython()

    def chosen_station(self) -> str | None:
        return self.stationCombo.currentData() or None

    def load(self) -> None:
        """Make the report for the chosen day and station in the background."""
        if self._runner.is_running("report"):
            self._reload_pending = True  # made again, as now chosen, when the running one is done
            return
        day, station, service = self.chosen_day(), self.chosen_station(), self._service
        personal = self.personalCheck.isVisible() and self.personalCheck.isChecked()
        user = self._user.name
        self.showButton.setEnabled(False)
        show_progress(self.statusLabel, f"Adding up {day.isoformat()}…")
        self._runner.start(
            lambda: service.daily(day, station, include_personal_data=personal, user=user if personal else None),
            key="report",
            on_success=self._show,
            on_failure=self._report_problem,
        )

    def _load_stations(self) -> None:
        self._runner.start(self._service.station_ids, key="stations", on_success=self._fill_stations, on_failure=self._problem)

    def _fill_stations(self, stations: Sequence[str]) -> None:
        chosen = self.chosen_station()
        for station in stations:
            if self.stationCombo.findData(station) < 0:
                self.stationCombo.addItem(station, station)
        if chosen:
            self.stationCombo.setCurrentIndex(max(0, self.stationCombo.findData(chosen)))

    def show_report(self, report: BenchReport) -> None:
        """Puts ``report`` on the page: figures, charts and tables."""
        self._show(report)

    def _show(self, report: BenchReport) -> None:
        if self._reload_after_running():
            return
        self._report = report
        self.showButton.setEnabled(True)
        for button in (self.exportPdfButton, self.exportCsvButton):
            button.setEnabled(True)
        clear_message(self.statusLabel)
        self.statusLabel.setText(f"{report.title}. Made {report.generated_at:%H:%M}.")
        self.statusLabel.setVisible(True)
        values = self.tileValues
        values["lines"].setText(str(report.lines_received))
        values["refunded"].setText(f"${report.refunded}")
        values["fees"].setText(f"${report.fees.total} ({report.fees.lines})")
        values["denied"].setText(str(report.denials))
        values["holds"].setText(str(len(report.holds)))
        self._set_chart("outcomes", [(words(count.outcome), count.lines) for count in report.outcomes], horizontal=False)
        self._set_chart("refunds", _refund_bars(report.refunds_by_method), horizontal=False, money=True)
        self._set_chart("denials", _reason_bars(report.denials_by_reason), horizontal=True)
        self._set_chart("fill", _fill_bars(report.denied_fill), horizontal=False, category_title="% of a full cartridge left")
        self.operatorsModel.set_records(report.operators)
        self.stationsModel.set_records(report.stations)
        self.refundsModel.set_records(report.refunds_by_method)
        self.denialsModel.set_records(report.denials_by_reason)
        self.holdsModel.set_records(report.holds)
        self.tables["holds"].setColumnHidden(HoldsModel.CUSTOMER_COLUMN, not report.personal_data)
        self.report_shown.emit(report)

    # Charts --------------------------------------------------------------------------------

    def _empty_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(sized_font(self.font(), self.font().pointSize()))
        chart.legend().setVisible(False)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        return chart

    def _set_chart(
        self, key: str, bars: Sequence[tuple[str, object]], *, horizontal: bool, money: bool = False, category_title: str = ""
    ) -> None:
        old_view = self.chartViews[key]
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
        view.setAccessibleDescription(", ".join(f"{label} {_figure(value, money)}" for label, value in bars) or "nothing in this period")
        self._charts.replaceWidget(old_view, view)
        self.chartViews[key] = view
        old_view.deleteLater()

    # Exporting -----------------------------------------------------------------------------

    def _choose_and_export(self, kind: str) -> None:
        report = self._report
        if report is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"{report.kind}-report-{(report.day or report.start.date()).isoformat()}-{report.station or 'all-stations'}.{kind}"
        label = "PDF files (*.pdf)" if kind == "pdf" else "CSV files (*.csv)"
        path, _chosen = QFileDialog.getSaveFileName(self, f"Export the report as {kind.upper()}", str(Path(folder) / name), label)
        if path:
            if not path.lower().endswith(f".{kind}"):
                path += f".{kind}"
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        """Writes the report on the page to ``path`` (.pdf or .csv) in the background."""
        report = self._report
        if report is None:
            return
        show_progress(self.statusLabel, f"Writing {Path(path).name}…")
        self._runner.start(lambda: str(export_report(report, path)), key="export", on_success=self._exported, on_failure=self._problem)

    def _exported(self, path: str) -> None:
        show_success(self.statusLabel, f"Written to {path}")
        self.exported.emit(path)

    def _reload_after_running(self) -> bool:
        if not self._reload_pending:
            return False
        self._reload_pending = False
        self.load()
        return True

    def _report_problem(self, message: str) -> None:
        if not self._reload_after_running():
            self._problem(message)

    def _problem(self, message: str) -> None:
        self.showButton.setEnabled(True)
        show_problem(self.statusLabel, message)
        self.problem_shown.emit(message)


def _figure(value, money: bool) -> str:
    return f"${value}" if money else str(value)


def _refund_bars(methods: Sequence[RefundsByMethod]) -> list[tuple[str, object]]:
    return [(words(method.method), method.refunded.amount) for method in methods]


def _reason_bars(reasons: Sequence[ReasonCount]) -> list[tuple[str, object]]:
    # A horizontal chart draws its first category at the bottom: reversed, the largest is on top.
    return [(reason.words, reason.lines) for reason in reversed(reasons)]


def _fill_bars(fill: FillLevels) -> list[tuple[str, object]]:
    return [(FillLevels.bucket_label(index).rstrip("%"), count) for index, count in enumerate(fill.buckets)]

