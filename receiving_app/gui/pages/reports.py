"""Reports: what the bench did on a day, at one station or all, with charts; exported as PDF or CSV.

Opening the page shows today's report for every station, as of that moment (the figures come from
the report service in the background, made again each time the page is opened); Export PDF… then
writes it: a manager's two clicks. The figures at the top, the five charts (outcomes, refunds by
method, denials by reason, fill levels of denied cartridges, units by route; ``report_charts``) and
the tables under them (``report_models``) all come from one frozen ``BenchReport``, the same one the
export writes, so the window and the paper never disagree. Voided decisions are in none of the
figures; the Voids tab lists those voided on the day, and the findings at the bench and the decisions
approved over a contradicting weight have tabs of their own. Where the day's units went (by route,
in the containers closed, into stock) has tabs after the denials, in the PDF's order; then a tab
lists the denied cartridges kept for their customers whose hold ends within a week of the day, and
Aging, what waits longer than it should as of the day's end. The last, Register, lists every document
issued or voided in a period of its own and makes the export batches for the books (``reports_register``).

The tabs carry short titles, so that all of them fit beside each other on a 1920 px screen; each tab's
tooltip, and the name a screen reader gives its table, is the section's title as the PDF prints it.
Where they do not all fit (a 1366 px screen), the bar scrolls and draws no tab cut (``whole_tabs``).

The layout is the form ``ui/pages_reports.ui`` (the figures and tabs of where units went are added to
it here); the charts are a ``ReportCharts`` promoted in it, and the figures and the charts reflow in
columns (``ColumnsLayout``) so that the page never scrolls sideways.
Customer details are never shown here unless an admin ticks the box for them, and the service
checks that role again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QLabel, QTableView, QWidget

from receiving_app.domain.money_text import money_text
from receiving_app.gui.forms.ui_pages_reports import Ui_ReportsPage
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.columns_layout import ColumnsLayout
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.models import prepare_table
from receiving_app.gui.pages.report_models import (
    AgingCountsModel,
    AgingRowsModel,
    ContainersModel,
    ContradictionsModel,
    DenialsModel,
    FindingsModel,
    HeldCartridgesModel,
    HoldsModel,
    OperatorsModel,
    RefundsModel,
    RoutesModel,
    StationsModel,
    StockAddedModel,
    VoidsModel,
)
from receiving_app.gui.pages.report_widgets import (
    TILE_VALUE_STYLE,
    aging_tab,
    figure_tile,
    holds_ending_tab,
    offer_currencies,
    sorting_table,
)
from receiving_app.gui.pages.reports_register import add_register_tab
from receiving_app.gui.pages.whole_tabs import give_whole_tab_bar
from receiving_app.services.auth import SignedInUser
from receiving_app.services.reports import ROLES_SEEING_PERSONAL_DATA, BenchReport, export_report
from receiving_app.services.station import Station

ALL_STATIONS = "All stations"
# Figures and tables the form does not hold (what the warehouse got from the day), made after the
# form's (``report_widgets``): each key also starts its widgets' object names; then the caption, as the
# PDF names the figure.
SORTING_TILES = (("recovered", "Value recovered"), ("containers", "Containers closed"), ("stocked", "Added to stock"))
SORTING_TABLES = ("routes", "containers", "stock")
# Each table's tab, in the tabs' order: its title on the tab, then the section's title in the PDF.
TAB_TITLES = {
    "operators": ("Operators", "By operator"),
    "stations": ("Stations", "By station"),
    "refunds": ("Refunds", "Refunds by method"),
    "denials": ("Denials", "Denials by reason"),
    "routes": ("Routes", "Units by route"),
    "containers": ("Containers", "Containers closed"),
    "stock": ("Stock", "Stock added"),
    "findings": ("Findings", "Findings at the bench"),
    "contradictions": ("Contradictions", "Approved over a contradiction"),
    "voids": ("Voids", "Voids"),
    "holds": ("On hold", "Items on hold"),
    "held": ("Held for customers", "Cartridges held for customers"),
    "aging": ("Aging", "Aging"),  # the counts, over "Aging: the oldest"
}


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
        self._user = signed_in_user
        self._service = station.reports
        self._runner = OperationRunner(self)
        self._report: BenchReport | None = None
        self._shown_once = False
        self._reload_pending = False  # the choice changed while a report was being made
        self.ui = ui = Ui_ReportsPage()
        ui.setupUi(self)
        give_whole_tab_bar(ui.reportTables)  # where the tabs do not all fit, none is drawn cut beside the arrows
        # The form makes the scroll area before the report inside it, which puts it first in the tab
        # order and gives it the focus when the page opens. The day comes first and the scroll area
        # (whose arrow keys scroll the report) last. Qt leaves alone a widget that already follows
        # the last table round the page's focus ring, hence the step through the day first.
        QWidget.setTabOrder(ui.dayEdit, ui.reportScroll)
        QWidget.setTabOrder(ui.holdsTable, ui.reportScroll)

        ui.dayEdit.setDate(QDate.currentDate())
        ui.stationCombo.addItem(ALL_STATIONS, "")
        if station.settings.station_id:  # this station first, before the list of the others arrives
            ui.stationCombo.addItem(station.settings.station_id, station.settings.station_id)
        offer_currencies(ui.currencyLabel, ui.currencyCombo, {policy.currency for policy in station.policies.values()})
        ui.personalDataCheck.setVisible(signed_in_user.role in ROLES_SEEING_PERSONAL_DATA)
        clear_message(ui.reportStatusLabel)
        # The figures four in a row, or three or two where four would make the page scroll sideways (eleven
        # figures two in a row would take six rows on a 1366 px screen where three take four).
        tiles = ColumnsLayout(ui.tilesArea, column_counts=(4, 3, 2))
        tiles.setContentsMargins(0, 0, 0, 0)
        self.tileValues: dict[str, QLabel] = {}
        for key, tile, caption, value in (
            ("lines", ui.linesTile, ui.linesCaption, ui.linesValue),
            ("refunded", ui.refundedTile, ui.refundedCaption, ui.refundedValue),
            ("fees", ui.feesTile, ui.feesCaption, ui.feesValue),
            ("denied", ui.deniedTile, ui.deniedCaption, ui.deniedValue),
            ("holds", ui.holdsTile, ui.holdsCaption, ui.holdsValue),
            ("voided", ui.voidedTile, ui.voidedCaption, ui.voidedValue),
            ("findings", ui.findingsTile, ui.findingsCaption, ui.findingsValue),
            ("contradictions", ui.contradictionsTile, ui.contradictionsCaption, ui.contradictionsValue),
        ):
            value.setAccessibleName(caption.text())  # a screen reader says the figure under its caption
            # A style sheet, not setFont: under the station's style sheet a font set on a widget is lost
            # when the window takes the page in.
            value.setStyleSheet(TILE_VALUE_STYLE)
            tiles.addWidget(tile)
            self.tileValues[key] = value
        for key, caption in SORTING_TILES:
            tile, value = figure_tile(ui.tilesArea, key, caption)
            tiles.addWidget(tile)
            self.tileValues[key] = value
        self._prepare_tables()
        self.registerTab = add_register_tab(ui.reportTables, station, signed_in_user)  # the accountant's

        ui.showReportButton.clicked.connect(self.load)
        ui.dayEdit.dateChanged.connect(lambda _date: self.load())
        ui.stationCombo.activated.connect(lambda _index: self.load())
        ui.currencyCombo.activated.connect(lambda _index: self.load())
        ui.personalDataCheck.toggled.connect(lambda _checked: self.load())
        ui.exportPdfButton.clicked.connect(lambda: self._choose_and_export("pdf"))
        ui.exportCsvButton.clicked.connect(lambda: self._choose_and_export("csv"))

    @property
    def chartViews(self):
        """The chart view now shown for each chart: outcomes, refunds, denials, fill, routes."""
        return self.ui.reportCharts.views

    def _prepare_tables(self) -> None:
        ui = self.ui
        self.operatorsModel = OperatorsModel(self)
        self.stationsModel = StationsModel(self)
        self.refundsModel = RefundsModel(self)
        self.denialsModel = DenialsModel(self)
        self.findingsModel = FindingsModel(self)
        self.contradictionsModel = ContradictionsModel(self)
        self.voidsModel = VoidsModel(self)
        self.holdsModel = HoldsModel(self)  # its Customer column shows only in a report with personal data
        self.routesModel = RoutesModel(self)
        self.containersModel = ContainersModel(self)
        self.stockModel = StockAddedModel(self)
        self.heldModel = HeldCartridgesModel(self)
        self.agingCountsModel, self.agingModel = AgingCountsModel(self), AgingRowsModel(self)
        tabs = ui.reportTables
        routes, containers, stock = (
            sorting_table(tabs, ui.findingsTable, key, TAB_TITLES[key][0]) for key in SORTING_TABLES
        )
        holds_ending = holds_ending_tab(tabs, TAB_TITLES["held"][0])
        held, self.holdsEndingEmpty, self.holdsEndingNote = holds_ending.table, holds_ending.empty, holds_ending.note
        aging = aging_tab(tabs, TAB_TITLES["aging"][0])
        self.agingCounts, self.agingNote = aging.counts, aging.note
        aging.counts.setAccessibleName("Aging")
        aging.counts.setModel(self.agingCountsModel)
        prepare_table(aging.counts)
        # In the focus ring the new tabs' tables come where their tabs are, not after the page's end.
        for ring in (
            (ui.denialsTable, routes, containers, stock, ui.findingsTable),
            (ui.holdsTable, held, aging.counts, aging.oldest, ui.reportScroll),
        ):
            for before, after in pairwise(ring):
                QWidget.setTabOrder(before, after)
        self.tables: dict[str, QTableView] = {}
        for key, table, model in (
            ("operators", ui.operatorsTable, self.operatorsModel),
            ("stations", ui.stationsTable, self.stationsModel),
            ("refunds", ui.refundsTable, self.refundsModel),
            ("denials", ui.denialsTable, self.denialsModel),
            ("routes", routes, self.routesModel),
            ("containers", containers, self.containersModel),
            ("stock", stock, self.stockModel),
            ("findings", ui.findingsTable, self.findingsModel),
            ("contradictions", ui.contradictionsTable, self.contradictionsModel),
            ("voids", ui.voidsTable, self.voidsModel),
            ("holds", ui.holdsTable, self.holdsModel),
            ("held", held, self.heldModel),
            ("aging", aging.oldest, self.agingModel),
        ):
            title, section = TAB_TITLES[key]
            tab = tabs.indexOf(table) if tabs.indexOf(table) >= 0 else tabs.indexOf(table.parentWidget())  # a note
            tabs.setTabText(tab, title)
            tabs.setTabToolTip(tab, section)
            table.setAccessibleName(section)  # a screen reader names the table as the PDF names its section
            table.setModel(model)
            prepare_table(table)
            self.tables[key] = table
        aging.oldest.setAccessibleName("Aging: the oldest")

    # Loading -------------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The report is made when the page is shown, not when the window is built, and made again
        # each time the clerk comes back to it: the bench has been adding to the day meanwhile.
        if not self._shown_once:
            self._shown_once = True
            self._load_stations()
        self.load()

    @property
    def report(self) -> BenchReport | None:
        return self._report

    def chosen_day(self) -> date:
        return self.ui.dayEdit.date().toPython()

    def chosen_station(self) -> str | None:
        return self.ui.stationCombo.currentData() or None

    def chosen_currency(self) -> str | None:
        """The currency chosen where the sellers use two or more; None: the one the day's decisions are in."""
        return self.ui.currencyCombo.currentText() if self.ui.currencyCombo.isVisibleTo(self) else None

    def load(self) -> None:
        """Make the report for the chosen day and station in the background."""
        if self._runner.is_running("report"):
            self._reload_pending = True  # made again, as now chosen, when the running one is done
            return
        day, station, service = self.chosen_day(), self.chosen_station(), self._service
        currency = self.chosen_currency()
        personal = self.ui.personalDataCheck.isVisible() and self.ui.personalDataCheck.isChecked()
        user = self._user.name
        self.ui.showReportButton.setEnabled(False)
        show_progress(self.ui.reportStatusLabel, f"Adding up {day.isoformat()}…")
        self._runner.start(
            lambda: service.daily(
                day, station, include_personal_data=personal, user=user if personal else None, currency=currency
            ),
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
            if self.ui.stationCombo.findData(station) < 0:
                self.ui.stationCombo.addItem(station, station)
        if chosen:
            self.ui.stationCombo.setCurrentIndex(max(0, self.ui.stationCombo.findData(chosen)))

    def _show(self, report: BenchReport) -> None:
        if self._reload_after_running():
            return
        self._report = report
        self.ui.showReportButton.setEnabled(True)
        for button in (self.ui.exportPdfButton, self.ui.exportCsvButton):
            button.setEnabled(True)
        clear_message(self.ui.reportStatusLabel)
        later = report.voided_later
        voided_later = (
            f" {later.lines} decision(s) of this period were voided later ({money_text(later.refunded)} refunded):"
            " they are in no figure here."
            if later.lines
            else ""
        )
        self.ui.reportStatusLabel.setText(f"{report.title}. Made {report.generated_at:%H:%M}.{voided_later}")
        self.ui.reportStatusLabel.setVisible(True)
        values = self.tileValues
        values["lines"].setText(str(report.lines_received))
        values["refunded"].setText(money_text(report.refunded))
        values["fees"].setText(f"{money_text(report.fees.total)} ({report.fees.lines})")
        values["denied"].setText(str(report.denials))
        values["holds"].setText(str(len(report.holds)))
        values["voided"].setText(str(len(report.voids)))
        values["voided"].setToolTip(
            f"{money_text(report.voided_refunds)} refunded by decisions voided in this period; in no figure here"
        )
        values["findings"].setText(str(report.finding_counts.changed))
        values["contradictions"].setText(str(report.finding_counts.contradicted))
        values["recovered"].setText(money_text(report.value_recovered))
        values["recovered"].setToolTip(f"{report.units_sorted} unit(s) sorted to their routes")
        values["containers"].setText(str(len(report.containers_closed)))
        values["stocked"].setText(str(report.units_stocked))
        self.ui.reportCharts.show_report(report)
        self.operatorsModel.set_records(report.operators)
        self.stationsModel.set_records(report.stations)
        self.refundsModel.set_records(report.refunds_by_method)
        self.denialsModel.set_records(report.denials_by_reason)
        self.routesModel.set_records(report.routes)
        self.containersModel.set_records(report.containers_closed)
        self.stockModel.set_records(report.stock_added)
        self.findingsModel.set_records(report.changed_at_the_bench)
        self.contradictionsModel.set_records(report.over_contradictions)
        self.voidsModel.set_records(report.voids)
        self.holdsModel.set_records(report.holds)
        self.tables["holds"].setColumnHidden(HoldsModel.CUSTOMER_COLUMN, not report.personal_data)
        self._show_holds_ending(report)
        self.agingCountsModel.show_view(report.aging)
        self.agingModel.show_view(report.aging)
        self.report_shown.emit(report)

    def _show_holds_ending(self, report: BenchReport) -> None:
        # A hold has ended if its day is the report's last day or before: a daily report's day, as chosen.
        last_day = report.day or (report.end - timedelta(microseconds=1)).date()
        self.heldModel.show_holds(report.holds_ending, last_day)
        listed = bool(report.holds_ending)
        self.tables["held"].setVisible(listed)
        self.holdsEndingEmpty.setVisible(not listed)

    # Exporting -----------------------------------------------------------------------------

    def _choose_and_export(self, kind: str) -> None:
        report = self._report
        if report is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        day = (report.day or report.start.date()).isoformat()
        name = f"{report.kind}-report-{day}-{report.station or 'all-stations'}.{kind}"
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
        show_progress(self.ui.reportStatusLabel, f"Writing {Path(path).name}…")
        self._runner.start(
            lambda: str(export_report(report, path)), key="export", on_success=self._exported, on_failure=self._problem
        )

    def _exported(self, path: str) -> None:
        show_success(self.ui.reportStatusLabel, f"Written to {path}")
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
        self.ui.showReportButton.setEnabled(True)
        show_problem(self.ui.reportStatusLabel, message)
        self.problem_shown.emit(message)
