"""Reports: what the bench did on a day, at one station or all, with charts; exported as PDF or CSV.

Opening the page shows today's report for every station (the figures come from the report
service in the background); Export PDF… then writes it: a manager's two clicks. The figures at
the top, the four charts (outcomes, refunds by method, denials by reason, fill levels of denied
cartridges; ``report_charts``) and the tables under them (``report_models``) all come from one
frozen ``BenchReport``, the same one the export writes, so the window and the paper never disagree.
Voided decisions are in none of the figures; the Voids tab lists those voided on the day, and the
findings at the bench and the decisions approved over a contradicting weight have tabs of their own.

Built in code rather than from a Designer form: most of the page is charts, which a form cannot
describe. Customer details are never shown here unless an admin ticks the box for them, and the
service checks that role again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
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
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.models import prepare_table
from receiving_app.gui.pages.report_charts import ReportCharts
from receiving_app.gui.pages.report_models import (
    ContradictionsModel,
    DenialsModel,
    FindingsModel,
    HoldsModel,
    OperatorsModel,
    RefundsModel,
    StationsModel,
    VoidsModel,
)
from receiving_app.gui.style import sized_font
from receiving_app.services.auth import SignedInUser
from receiving_app.services.reports import ROLES_SEEING_PERSONAL_DATA, BenchReport, export_report
from receiving_app.services.station import Station

ALL_STATIONS = "All stations"
TILE_POINT_SIZE = 22
TILES_PER_ROW = 4
TILES = (
    ("lines", "Lines received"),
    ("refunded", "Refunded"),
    ("fees", "Restocking fees"),
    ("denied", "Denied"),
    ("holds", "On hold"),
    ("voided", "Voided"),
    ("findings", "Findings at the bench"),
    ("contradictions", "Approved over a contradiction"),
)


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
        self.charts = ReportCharts(self)
        self._build_tables()

        content = QWidget(self)
        content.setObjectName("reportContent")
        column = QVBoxLayout(content)
        column.addLayout(self._controls)
        column.addWidget(self.statusLabel)
        column.addLayout(self._tiles)
        column.addWidget(self.charts)
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
        self._tiles = QGridLayout()
        self.tileValues: dict[str, QLabel] = {}
        for index, (key, caption) in enumerate(TILES):
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
            self._tiles.addWidget(tile, index // TILES_PER_ROW, index % TILES_PER_ROW)

    @property
    def chartViews(self):
        """The chart view now shown for each chart: outcomes, refunds, denials, fill."""
        return self.charts.views

    def _build_tables(self) -> None:
        self.tablesTabs = QTabWidget(self)
        self.tablesTabs.setObjectName("reportTables")
        self.tablesTabs.setAccessibleName("Report tables")
        self.tablesTabs.setMinimumHeight(240)
        self.operatorsModel = OperatorsModel(self)
        self.stationsModel = StationsModel(self)
        self.refundsModel = RefundsModel(self)
        self.denialsModel = DenialsModel(self)
        self.findingsModel = FindingsModel(self)
        self.contradictionsModel = ContradictionsModel(self)
        self.voidsModel = VoidsModel(self)
        self.holdsModel = HoldsModel(self)  # its Customer column shows only in a report with personal data
        self.tables: dict[str, QTableView] = {}
        for key, title, model in (
            ("operators", "By operator", self.operatorsModel),
            ("stations", "By station", self.stationsModel),
            ("refunds", "Refunds by method", self.refundsModel),
            ("denials", "Denials by reason", self.denialsModel),
            ("findings", "Findings at the bench", self.findingsModel),
            ("contradictions", "Approved over a contradiction", self.contradictionsModel),
            ("voids", "Voids", self.voidsModel),
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
        self._runner.start(
            self._service.station_ids, key="stations", on_success=self._fill_stations, on_failure=self._problem
        )

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
        later = report.voided_later
        voided_later = (
            f" {later.lines} decision(s) of this period were voided later (${later.refunded} refunded): they are in no figure here."
            if later.lines
            else ""
        )
        self.statusLabel.setText(f"{report.title}. Made {report.generated_at:%H:%M}.{voided_later}")
        self.statusLabel.setVisible(True)
        values = self.tileValues
        values["lines"].setText(str(report.lines_received))
        values["refunded"].setText(f"${report.refunded}")
        values["fees"].setText(f"${report.fees.total} ({report.fees.lines})")
        values["denied"].setText(str(report.denials))
        values["holds"].setText(str(len(report.holds)))
        values["voided"].setText(str(len(report.voids)))
        values["voided"].setToolTip(
            f"${report.voided_refunds} refunded by decisions voided in this period; in no figure here"
        )
        values["findings"].setText(str(report.finding_counts.changed))
        values["contradictions"].setText(str(report.finding_counts.contradicted))
        self.charts.show_report(report)
        self.operatorsModel.set_records(report.operators)
        self.stationsModel.set_records(report.stations)
        self.refundsModel.set_records(report.refunds_by_method)
        self.denialsModel.set_records(report.denials_by_reason)
        self.findingsModel.set_records(report.changed_at_the_bench)
        self.contradictionsModel.set_records(report.over_contradictions)
        self.voidsModel.set_records(report.voids)
        self.holdsModel.set_records(report.holds)
        self.tables["holds"].setColumnHidden(HoldsModel.CUSTOMER_COLUMN, not report.personal_data)
        self.report_shown.emit(report)

    # Exporting -----------------------------------------------------------------------------

    def _choose_and_export(self, kind: str) -> None:
        report = self._report
        if report is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"{report.kind}-report-{(report.day or report.start.date()).isoformat()}-{report.station or 'all-stations'}.{kind}"
        label = "PDF files (*.pdf)" if kind == "pdf" else "CSV files (*.csv)"
        path, _chosen = QFileDialog.getSaveFileName(
            self, f"Export the report as {kind.upper()}", str(Path(folder) / name), label
        )
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
        self._runner.start(
            lambda: str(export_report(report, path)), key="export", on_success=self._exported, on_failure=self._problem
        )

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
