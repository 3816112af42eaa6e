"""Catalog: the table and its filter, the editor's validation, and editing for admins only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from receiving_app.gui.pages.catalog import CatalogPage
from tests.support.demo_users import USERS

WAIT_MS = 15_000


@pytest.fixture
def open_catalog(qtbot, station):
    def make(role: str = "admin") -> CatalogPage:
        page = CatalogPage(station, USERS[role])
        qtbot.add_widget(page)
        with qtbot.waitSignal(page.items_loaded, timeout=WAIT_MS):
            page.show()
        assert page.select_sku("TN-660")
        return page

    return make


def stored(station, sku: str):
    return next(item for item in station.catalog.list_items() if item.sku == sku)


def type_into(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_every_item_is_listed_and_the_filter_narrows_them(qtbot, open_catalog, station) -> None:
    page = open_catalog()
    items = len(station.catalog.list_items())
    assert items >= 45 and page.ui.countLabel.text() == f"{items} items"
    header = page.ui.catalogTable.model()
    assert [header.headerData(column, Qt.Orientation.Horizontal) for column in range(8)] == [
        "SKU",
        "Brand",
        "Description",
        "Category",
        "UPC",
        "Full g",
        "Empty g",
        "List price",
    ]

    qtbot.keyClicks(page.ui.filterEdit, "tn-6")

    model = page.ui.catalogTable.model()
    shown = [[model.index(row, column).data() for column in range(8)] for row in range(page.filtered.rowCount())]
    # A match in any column keeps the row: the SKU, or the description of another maker's TN-660.
    assert shown and all(any("tn-6" in str(text).lower() for text in row) for row in shown)
    assert "TN-660" in [row[0] for row in shown]
    assert page.ui.countLabel.text() == f"{len(shown)} of {items} items match the filter"


def test_an_admin_edit_is_saved_and_shown(qtbot, open_catalog, station) -> None:
    page = open_catalog()
    assert page.ui.skuValue.text() == "TN-660" and page.ui.fullEdit.text() == "815.0"
    assert not page.ui.saveButton.isEnabled()

    type_into(qtbot, page.ui.fullEdit, "816.5")
    type_into(qtbot, page.ui.priceEdit, "52.49")
    with qtbot.waitSignal(page.item_saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(page.ui.priceEdit, Qt.Key.Key_Return)

    assert saved.args == ["TN-660"]
    item = stored(station, "TN-660")
    assert (item.full_g, str(item.list_price)) == (Decimal("816.5"), "52.49")
    row = next(row for row in range(page.filtered.rowCount()) if page.filtered.index(row, 0).data() == "TN-660")
    assert page.filtered.index(row, 5).data() == "816.5" and page.filtered.index(row, 7).data() == "$52.49"
    assert "saved" in page.ui.messageLabel.text() and not page.ui.saveButton.isEnabled()


@pytest.mark.parametrize(
    ("edit", "text", "problem", "words"),
    [
        ("fullEdit", "590", "fullProblem", "more than the empty weight"),
        ("emptyEdit", "heavy", "emptyProblem", "number of grams"),
        ("upcEdit", "082002977277", "upcProblem", "wrong check digit"),
        ("upcEdit", "12345", "upcProblem", "8, 12, 13 or 14 digits"),
        ("priceEdit", "54.999", "priceProblem", "fractions of a cent"),
        ("descriptionEdit", " ", "descriptionProblem", "empty"),
    ],
)
def test_a_bad_field_is_named_beside_it_and_nothing_is_saved(
    qtbot, open_catalog, station, edit, text, problem, words
) -> None:
    page = open_catalog()
    before = stored(station, "TN-660")
    type_into(qtbot, getattr(page.ui, edit), text)

    with qtbot.assertNotEmitted(page.item_saved, wait=200):
        page.ui.saveButton.click()

    label = getattr(page.ui, problem)
    assert label.isVisibleTo(page) and words in label.text() and label.text().startswith("✖")
    assert "Not saved" in page.ui.messageLabel.text()
    assert stored(station, "TN-660") == before


def test_a_upc_of_another_item_is_refused_by_the_service_and_shown_beside_the_box(qtbot, open_catalog, station) -> None:
    page = open_catalog()
    other = stored(station, "TN-760")
    type_into(qtbot, page.ui.upcEdit, other.upc)

    with qtbot.waitSignal(page.problem_shown, timeout=WAIT_MS):
        page.ui.saveButton.click()

    assert "already belongs to TN-760" in page.ui.upcProblem.text()
    assert stored(station, "TN-660").upc == "082002977276"


def test_undo_puts_the_stored_values_back(qtbot, open_catalog) -> None:
    page = open_catalog()
    type_into(qtbot, page.ui.descriptionEdit, "something else")

    page.ui.revertButton.click()

    assert page.ui.descriptionEdit.text() == "Brother TN-660 high-yield black toner"
    assert not page.ui.saveButton.isEnabled() and not page.ui.revertButton.isEnabled()


@pytest.mark.parametrize("role", ["receiver", "supervisor"])
def test_only_an_admin_can_edit(open_catalog, role) -> None:
    page = open_catalog(role)

    assert page.ui.permissionLabel.isVisibleTo(page) and "Only an admin" in page.ui.permissionLabel.text()
    assert all(
        edit.isReadOnly()
        for edit in (page.ui.descriptionEdit, page.ui.upcEdit, page.ui.fullEdit, page.ui.emptyEdit, page.ui.priceEdit)
    )
    assert not page.ui.saveButton.isVisibleTo(page) and not page.ui.revertButton.isVisibleTo(page)
    assert page.ui.fullEdit.text() == "815.0"
