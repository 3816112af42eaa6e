"""The Reports page's Register tab: the documents issued today listed with their amounts, an export button
making the next batch and saying where its file went and its number, a second press saying nothing was
new, and the buttons left to supervisors."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from receiving_app.domain.money import Money
from receiving_app.gui.pages.reports import ReportsPage
from receiving_app.services.accounting_exports import ExportBatch, NothingToExport
from tests.support.accounting import parsed_file
from tests.support.demo_users import USERS
from tests.support.gui_accessibility import unnamed_controls

WAIT_MS = 15_000


@pytest.fixture
def decided(station, decide):
    """Two refunds and a denial, received at S1 today."""
    numbers = [rma.number for rma in station.history.list_rmas("open")[:3]]
    return [decide(numbers[0]), decide(numbers[1]), decide(numbers[2], deny=True)]


def open_register(qtbot, station, user) -> ReportsPage:
    page = ReportsPage(station, user)
    qtbot.add_widget(page)
    page.resize(1300, 1000)
    with qtbot.waitSignal(page.report_shown, timeout=WAIT_MS):
        page.show()
    tabs = page.ui.reportTables
    with qtbot.waitSignal(page.registerTab.register_shown, timeout=WAIT_MS):
        tabs.setCurrentIndex(tabs.indexOf(page.registerTab))
    return page


def shown(table, column: str) -> list[str]:
    model = table.model()
    titles = [model.headerData(index, Qt.Orientation.Horizontal) for index in range(model.columnCount())]
    return [model.index(row, titles.index(column)).data() for row in range(model.rowCount())]


def test_the_register_lists_today_s_documents_and_an_export_button_makes_a_batch(
    qtbot, station, decided, tmp_path
) -> None:
    station.exports.default_folder = tmp_path / "exports"
    page = open_register(qtbot, station, USERS["supervisor"])
    tab = page.registerTab
    issued = sorted(document.number for result in decided for document in result.decision.documents)

    assert sorted(shown(tab.registerTable, "Document")) == issued
    refunded = sum((result.decision.refund_total for result in decided), Money.zero())
    memos = [row for row in tab.register.rows if row.document_type == "credit_memo"]
    assert sum((row.refund for row in memos), Money.zero()) == refunded
    assert f"${refunded}" in tab.totalsLabel.text()

    with qtbot.waitSignal(tab.batch_made, timeout=WAIT_MS) as made:
        qtbot.mouseClick(tab.exportButtons["xero"], Qt.MouseButton.LeftButton)
    batch = made.args[0]
    assert isinstance(batch, ExportBatch) and (batch.number, batch.issued) == (1, 2)
    written = tmp_path / "exports" / "xero-batch-000001.csv"
    assert tab.statusLabel.text().startswith("✔ Batch 1 for xero") and str(written) in tab.statusLabel.text()
    _header, rows = parsed_file(written)
    assert {row["*InvoiceNumber"] for row in rows} == {number for number in issued if number.startswith("CM")}

    with qtbot.waitSignal(tab.batch_made, timeout=WAIT_MS) as again:
        qtbot.mouseClick(tab.exportButtons["xero"], Qt.MouseButton.LeftButton)
    assert isinstance(again.args[0], NothingToExport)
    assert "Nothing new to export for Xero" in tab.statusLabel.text()
    assert unnamed_controls(tab) == []


def test_a_receiver_sees_the_register_but_not_the_export_buttons_enabled(qtbot, station, decided) -> None:
    page = open_register(qtbot, station, USERS["receiver"])

    issued = [document.number for result in decided for document in result.decision.documents]
    assert sorted(shown(page.registerTab.registerTable, "Document")) == sorted(issued)  # two memos, a notice
    assert not any(button.isEnabled() for button in page.registerTab.exportButtons.values())
