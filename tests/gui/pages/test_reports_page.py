"""Reports page: today's figures and charts when it opens, where the day's units went (by route, in the
containers closed, into stock), the cartridges held for customers whose hold ends within a week, a
station's report, customer details for admins only, PDF and CSV exports from the buttons, and one report per
currency where the sellers use two."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.gui.pages import reports as reports_module
from receiving_app.gui.pages.reports import ReportsPage
from receiving_app.services.auth import SignedInUser
from tests.support.demo_users import USERS
from tests.support.gui_accessibility import controls
from tests.support.held_cartridges import held_for_customer
from tests.support.pdf import reading_text
from tests.support.sorted_units import recover_empties, restock

WAIT_MS = 15_000


@pytest.fixture
def decided(station, decide):
    """Three lines received at S1 by the receiver: two refunds and one denial."""
    numbers = [rma.number for rma in station.history.list_rmas("open")[:3]]
    results = [decide(numbers[0]), decide(numbers[1]), decide(numbers[2], deny=True)]
    assert [result.decision.outcome for result in results] == ["refund", "refund", "denied"]
    return results


def open_reports(qtbot, station, user: SignedInUser, day=None) -> ReportsPage:
    page = ReportsPage(station, user)
    qtbot.add_widget(page)
    page.resize(1400, 1400)
    if day is not None:
        page.ui.dayEdit.blockSignals(True)
        page.ui.dayEdit.setDate(QDate(day))
        page.ui.dayEdit.blockSignals(False)
    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.show()
    return page


def bar_values(page: ReportsPage, chart: str) -> dict[str, float]:
    view = page.chartViews[chart]
    series = view.chart().series()[0]
    labels = (
        view.chart()
        .axes(Qt.Orientation.Vertical if chart in ("denials", "fill", "routes") else Qt.Orientation.Horizontal)[0]
        .categories()
    )
    bar_set = series.barSets()[0]
    return {label: bar_set.at(index) for index, label in enumerate(labels)}


def test_the_page_opens_on_today_s_report_with_its_figures_and_charts(qtbot, station, decided) -> None:
    day = decided[0].decision.decided_at.astimezone().date()

    page = open_reports(qtbot, station, USERS["supervisor"], day)

    report = page.report
    assert report.day == day and report.station is None and report.lines_received == 3
    refunded = sum((result.decision.refund_total for result in decided), Money.zero())
    assert report.refunded == refunded
    assert page.tileValues["lines"].text() == "3"
    assert page.tileValues["refunded"].text() == f"${refunded}"
    assert page.tileValues["denied"].text() == "1" and page.tileValues["holds"].text() == "0"
    assert bar_values(page, "outcomes") == {"Refund": 2.0, "Replacement": 0.0, "Denied": 1.0}
    assert bar_values(page, "denials") == {"Not sold by seller": 1.0}
    assert sum(bar_values(page, "refunds").values()) == pytest.approx(float(refunded.amount))
    assert sum(bar_values(page, "fill").values()) == report.denied_fill.weighed
    assert [(count.name, count.lines) for count in page.operatorsModel.records()] == [("receiver", 3)]
    assert [(count.name, count.denials) for count in page.stationsModel.records()] == [("S1", 1)]
    assert page.chartViews["outcomes"].accessibleDescription() == "Refund 2, Replacement 0, Denied 1"
    assert page.ui.exportPdfButton.isEnabled() and page.ui.exportCsvButton.isEnabled()


def shown_rows(page: ReportsPage, table: str) -> list[tuple[str, ...]]:
    """A table's rows as the page writes them."""
    model = page.tables[table].model()
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_where_the_day_s_units_went_is_shown_as_the_report_says(qtbot, station, tmp_path) -> None:
    restocked = restock(station, tmp_path, "RA0000401", sealed=2, opened=1)
    recover_empties(station, tmp_path, "RA0000402", 1)
    tote = station.containers.open_container("restock_new", user="receiver", station="S1")
    for plate in restocked[:2]:
        station.containers.place(plate, tote.code, user="receiver", station="S1")
    station.containers.close(tote.code, user="receiver", station="S1")

    page = open_reports(qtbot, station, USERS["supervisor"])

    report = page.report
    assert {(route.route, route.units) for route in report.routes} == {
        ("restock_new", 2),
        ("restock_open_box", 1),
        ("empties_virgin", 1),
    }
    assert [(container.code, container.units) for container in report.containers_closed] == [(tote.code, 2)]
    assert [(line.sku, line.grade, line.units) for line in report.stock_added] == [
        ("TN-660", "new", 2),
        ("TN-760", "open_box", 1),
    ]
    assert not report.value_recovered.is_zero  # a virgin empty brings money in
    tabs = page.ui.reportTables
    titles = [(tabs.tabText(index), tabs.tabToolTip(index)) for index in range(tabs.count())]
    denials = titles.index(("Denials", "Denials by reason"))
    assert titles[denials + 1 : denials + 4] == [
        ("Routes", "Units by route"),
        ("Containers", "Containers closed"),
        ("Stock", "Stock added"),
    ]

    assert page.tileValues["recovered"].text() == money_text(report.value_recovered)
    assert page.tileValues["containers"].text() == "1" and page.tileValues["stocked"].text() == "3"
    assert shown_rows(page, "routes") == [
        (route.label, str(route.units), "—" if route.value is None else f"{route.value.amount:.2f}")
        for route in report.routes
    ]
    assert bar_values(page, "routes") == {route.label: float(route.units) for route in report.routes}
    (closed,) = report.containers_closed
    assert shown_rows(page, "containers") == [
        (tote.code, closed.label, "2", f"{closed.weight_kg:.3f}", "Closed by hand")
    ]
    assert shown_rows(page, "stock") == [("TN-660", "New", "2"), ("TN-760", "Open box", "1")]
    header = page.tables["routes"].model()
    assert header.headerData(2, Qt.Orientation.Horizontal) == "Value recovered (USD)"


def test_a_day_that_sorted_nothing_leaves_no_sorting_figures_of_another_day(qtbot, station, tmp_path) -> None:
    restock(station, tmp_path, "RA0000403", sealed=1, opened=0)
    page = open_reports(qtbot, station, USERS["receiver"])
    assert page.tileValues["stocked"].text() == "1" and shown_rows(page, "stock") == [("TN-660", "New", "1")]

    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.ui.dayEdit.setDate(page.ui.dayEdit.date().addDays(-1))

    assert page.report.routes == page.report.containers_closed == page.report.stock_added == ()
    assert page.tileValues["recovered"].text() == "$0.00"
    assert page.tileValues["containers"].text() == page.tileValues["stocked"].text() == "0"
    assert all(shown_rows(page, table) == [] for table in ("routes", "containers", "stock"))
    assert page.chartViews["routes"].accessibleDescription() == "nothing in this period"


def test_a_cartridge_held_for_its_customer_is_listed_from_a_week_before_its_hold_ends(qtbot, station, tmp_path) -> None:
    held = held_for_customer(station, tmp_path, "RA0000601")
    ends = held.held_until
    page = open_reports(qtbot, station, USERS["receiver"], ends - timedelta(days=8))
    tabs, table = page.ui.reportTables, page.tables["held"]
    tab = tabs.indexOf(table.parentWidget())
    assert (tabs.tabText(tab), tabs.tabToolTip(tab)) == ("Held for customers", "Cartridges held for customers")
    tabs.setCurrentIndex(tab)
    note = (
        "From its day a hold is ended with `receiving-app holds end`; a cartridge the customer asked back:"
        " `receiving-app holds reclaim LP… --tracking …`."
    )
    assert page.holdsEndingNote.isVisible() and page.holdsEndingNote.text() == note

    # Eight days before: not yet listed, and the tab says so.
    assert shown_rows(page, "held") == [] and not table.isVisible()
    assert page.holdsEndingEmpty.isVisible()
    assert page.holdsEndingEmpty.text() == "No customer's cartridge has a hold ending within a week."

    for day, hold_ends in (
        (ends - timedelta(days=7), ends.isoformat()),
        (ends - timedelta(days=1), ends.isoformat()),
        (ends, f"{ends.isoformat()} (ended)"),  # a hold ends on its day
        (ends + timedelta(days=3), f"{ends.isoformat()} (ended)"),  # not yet moved on: still listed
    ):
        with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
            page.ui.dayEdit.setDate(QDate(day))
        assert shown_rows(page, "held") == [(held.lpn, "RA0000601", "TN-660", hold_ends)], day
        assert table.isVisible() and not page.holdsEndingEmpty.isVisible()


def test_the_aging_tab_shows_what_waits_longer_than_it_should_as_the_report_says(qtbot, station) -> None:
    page = open_reports(qtbot, station, USERS["receiver"])

    aging = page.report.aging
    tabs, table = page.ui.reportTables, page.tables["aging"]
    tab = tabs.indexOf(table.parentWidget())
    # The day's last section; only the Register, which has a period of its own, comes after it.
    assert (tab, tabs.tabText(tab), tabs.tabToolTip(tab)) == (tabs.indexOf(page.registerTab) - 1, "Aging", "Aging")
    assert [(record[0].title, record[0].count) for record in page.agingCountsModel.records()] == [
        ("Authorized, not arrived", aging.not_arrived.count),
        ("Arrived, not inspected", aging.not_inspected.count),
        ("On hold", aging.on_hold.count),
        ("Returns without an RMA", aging.unidentified.count),
    ]
    # The demo has an RMA authorized six weeks ago that never came, and a return without an RMA a week on its shelf.
    assert aging.not_arrived.count >= 1 and aging.unidentified.count == 1
    shown = shown_rows(page, "aging")
    assert len(shown) == sum(len(listed.rows) for listed in aging.lists)
    (unidentified,) = [row for row in shown if row[0] == "Returns without an RMA"]
    assert (unidentified[1], unidentified[2], unidentified[5]) == ("UR-000001", "", "Quarantine shelf Q-1 (LP00000001)")
    late = aging.not_arrived.rows[0]
    assert shown[0] == ("Authorized, not arrived", late.number, late.seller, late.since.isoformat(), late.age_words, "")


def test_coming_back_to_the_page_shows_what_the_bench_did_meanwhile(qtbot, station, decided, decide) -> None:
    day = decided[0].decision.decided_at.astimezone().date()
    seen = {result.rma for result in decided}
    page = open_reports(qtbot, station, USERS["supervisor"], day)
    assert page.report.lines_received == 3
    page.hide()  # back to Receiving
    untouched = next(rma.number for rma in station.history.list_rmas("open") if rma.number not in seen)
    decide(untouched)
    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.show()
    assert page.report.lines_received == 4 and page.tileValues["lines"].text() == "4"


def test_choosing_a_station_shows_that_station_s_report(qtbot, station, decided) -> None:
    day = decided[0].decision.decided_at.astimezone().date()
    page = open_reports(qtbot, station, USERS["receiver"], day)
    qtbot.waitUntil(lambda: page.ui.stationCombo.findData("S1") >= 0, timeout=WAIT_MS)

    page.ui.stationCombo.setCurrentIndex(page.ui.stationCombo.findData("S1"))
    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.ui.stationCombo.activated.emit(page.ui.stationCombo.currentIndex())

    assert page.report.station == "S1" and page.report.lines_received == 3
    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.ui.dayEdit.setDate(QDate(day).addDays(-1))
    assert page.report.lines_received == 0 and page.tileValues["lines"].text() == "0"


def test_only_an_admin_can_ask_for_customer_details(qtbot, station, decided) -> None:
    number = station.history.list_rmas("open")[0].number
    station.line_actions.hold(number, 1, user="receiver", station="S1", note="Waiting for photos")

    receiver = open_reports(qtbot, station, USERS["receiver"])
    assert not receiver.ui.personalDataCheck.isVisibleTo(receiver)
    assert receiver.tables["holds"].isColumnHidden(7) and receiver.holdsModel.records()[0].customer == ""

    admin = open_reports(qtbot, station, USERS["admin"])
    assert admin.ui.personalDataCheck.isVisibleTo(admin)
    with qtbot.waitSignal(admin.report_shown, timeout=WAIT_MS):
        admin.ui.personalDataCheck.setChecked(True)
    assert admin.report.personal_data and admin.holdsModel.records()[0].customer != ""
    assert not admin.tables["holds"].isColumnHidden(7)


def test_a_refusal_is_shown_on_the_page(qtbot, station) -> None:
    impostor = SignedInUser("ghost", "Nobody", "admin")  # an admin in the window, unknown to the database
    page = open_reports(qtbot, station, impostor)

    with qtbot.waitSignal(page.problem_shown, timeout=WAIT_MS) as problem:
        page.ui.personalDataCheck.setChecked(True)

    assert "not a known, active user" in problem.args[0]
    assert "not a known, active user" in page.ui.reportStatusLabel.text() and not page.report.personal_data


@pytest.mark.parametrize("kind", ["pdf", "csv"])
def test_the_export_buttons_write_the_report_on_the_page(qtbot, station, decided, tmp_path, monkeypatch, kind) -> None:
    day = decided[0].decision.decided_at.astimezone().date()
    page = open_reports(qtbot, station, USERS["supervisor"], day)
    chosen = tmp_path / "manager-copy"  # the dialog's answer without an extension: the page adds it
    monkeypatch.setattr(reports_module.QFileDialog, "getSaveFileName", lambda *args: (str(chosen), ""))
    button = page.ui.exportPdfButton if kind == "pdf" else page.ui.exportCsvButton

    with qtbot.waitSignal(page.exported, timeout=WAIT_MS) as written:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    path = tmp_path / f"manager-copy.{kind}"
    assert written.args == [str(path)] and path.exists()
    if kind == "pdf":
        text = reading_text(path.read_bytes())
        assert page.report.title in text and f"${page.report.refunded}" in text
    else:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        assert rows[0] == ["Returns Receiving Station", page.report.title]
        assert ["Total", "3"] in rows
    assert "Written to" in page.ui.reportStatusLabel.text()


@pytest.mark.parametrize("role", ["receiver", "admin"])
def test_every_control_is_named_for_people_and_for_tests(qtbot, station, role) -> None:
    page = ReportsPage(station, USERS[role])
    qtbot.add_widget(page)

    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in controls(page)
        if not widget.objectName() or not widget.accessibleName()
    ]

    assert controls(page) and unnamed == []
    assert all(view.accessibleName() for view in page.chartViews.values())


def test_a_bench_serving_sellers_in_two_currencies_makes_one_report_for_each(qtbot, station, decide) -> None:
    one_currency = ReportsPage(station, USERS["supervisor"])
    qtbot.add_widget(one_currency)
    assert not one_currency.ui.currencyCombo.isVisibleTo(one_currency)  # all four sellers in dollars: no choice

    drafts = station.policy_drafts
    drafts.start("euros", "image-pro-services", user="admin", station="office")
    draft = drafts.revise("euros", {"currency": "EUR"}, user="admin", station="office")
    station.policy_publishing.publish(draft, station.reports.today(), user="admin", station="office")
    waiting = station.history.list_rmas("open")
    in_euros = next(rma.number for rma in waiting if rma.policy == "image-pro-services")
    in_dollars = next(rma.number for rma in waiting if rma.policy != "image-pro-services")
    euros, dollars = decide(in_euros).decision.refund_total, decide(in_dollars).decision.refund_total

    page = open_reports(qtbot, station, USERS["supervisor"])

    assert page.ui.currencyCombo.isVisibleTo(page)
    assert [page.ui.currencyCombo.itemText(index) for index in range(page.ui.currencyCombo.count())] == ["EUR", "USD"]
    assert (page.report.currency, page.report.lines_received, page.report.refunded) == ("EUR", 1, euros)
    assert page.tileValues["refunded"].text() == money_text(euros)
    assert page.chartViews["refunds"].chart().title() == "Refunds by method (€)"
    page.ui.currencyCombo.setCurrentIndex(page.ui.currencyCombo.findText("USD"))
    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.ui.currencyCombo.activated.emit(page.ui.currencyCombo.currentIndex())
    assert (page.report.currency, page.report.lines_received, page.report.refunded) == ("USD", 1, dollars)
    assert page.chartViews["refunds"].chart().title() == "Refunds by method ($)"
