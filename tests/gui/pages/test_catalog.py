"""Catalog: the table and its filter, the units on hand beside each item, the editor's validation,
and editing for admins only."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from receiving_app.gui.pages.catalog import CatalogPage
from receiving_app.gui.pages.models import RECORD_ROLE
from tests.support.demo_users import USERS
from tests.support.sorted_units import restock

WAIT_MS = 15_000
TITLES = [
    "SKU",
    "Brand",
    "Description",
    "Category",
    "Make",
    "UPC",
    "Full g",
    "Empty g",
    "List price",
    "On hand\nnew",
    "On hand\nopen box",
]
NEW, OPEN_BOX = TITLES.index("On hand\nnew"), TITLES.index("On hand\nopen box")


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
    assert [header.headerData(column, Qt.Orientation.Horizontal) for column in range(header.columnCount())] == TITLES

    qtbot.keyClicks(page.ui.filterEdit, "tn-6")

    model = page.ui.catalogTable.model()
    shown = [
        [model.index(row, column).data() for column in range(len(TITLES))] for row in range(page.filtered.rowCount())
    ]
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
    full, price = TITLES.index("Full g"), TITLES.index("List price")
    assert page.filtered.index(row, full).data() == "816.5" and page.filtered.index(row, price).data() == "$52.49"
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


def rows_by_sku(page: CatalogPage) -> dict[str, tuple[str, ...]]:
    """Each SKU's row as the table shows it."""
    model = page.filtered
    return {
        model.index(row, 0).data(): tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    }


def on_hand_shown(page: CatalogPage) -> dict[tuple[str, str], str]:
    """The counts the on-hand columns show, by SKU and grade, blanks left out."""
    return {
        (sku, grade): row[column]
        for sku, row in rows_by_sku(page).items()
        for grade, column in (("new", NEW), ("open_box", OPEN_BOX))
        if row[column]
    }


def test_the_units_on_hand_are_shown_beside_each_item_blank_where_none(qtbot, open_catalog, station, tmp_path) -> None:
    restock(station, tmp_path, "RA0000301", sealed=2, opened=1)
    stock = station.stock.on_hand()
    assert {(line.sku, line.grade) for line in stock} >= {("TN-660", "new"), ("TN-760", "open_box")}

    page = open_catalog("receiver")

    assert on_hand_shown(page) == {(line.sku, line.grade): str(line.quantity) for line in stock}
    assert on_hand_shown(page)[("TN-660", "new")] == "2" and on_hand_shown(page)[("TN-760", "open_box")] == "1"
    rows = rows_by_sku(page)
    assert rows["TN-660"][OPEN_BOX] == "" and rows["TN-760"][NEW] == ""  # none of that grade: blank, not "0"
    assert rows["TN-850"][NEW] == rows["TN-850"][OPEN_BOX] == ""  # none of either


def test_coming_back_to_the_page_shows_the_units_restocked_meanwhile(qtbot, open_catalog, station, tmp_path) -> None:
    page = open_catalog("receiver")
    assert on_hand_shown(page) == {}
    selected = page.ui.catalogTable.selectionModel().selectedRows()[0].data(RECORD_ROLE).sku
    page.hide()  # to Receiving

    restock(station, tmp_path, "RA0000302", sealed=1, opened=2)
    with qtbot.waitSignal(page.stock_loaded, timeout=WAIT_MS) as loaded:
        page.show()

    stock = station.stock.on_hand()
    assert loaded.args == [sum(line.quantity for line in stock)] == [3]
    assert on_hand_shown(page) == {(line.sku, line.grade): str(line.quantity) for line in stock}
    # Only the counts were read again: the item the clerk had selected is still the one in the editor.
    assert page.ui.catalogTable.selectionModel().selectedRows()[0].data(RECORD_ROLE).sku == selected
    assert page.ui.skuValue.text() == selected


def test_each_item_s_make_is_shown_in_words(open_catalog, station) -> None:
    page = open_catalog("receiver")

    make = TITLES.index("Make")
    shown = {sku: row[make] for sku, row in rows_by_sku(page).items()}
    expected = {"oem": "OEM", "compatible": "Compatible", "remanufactured": "Remanufactured"}
    assert shown == {item.sku: expected[item.make] for item in station.catalog.list_items()}
    assert set(shown.values()) >= {"OEM", "Compatible"}
    # The editor says it too, for a table too narrow to keep the column.
    compatible = next(item for item in station.catalog.list_items() if item.make == "compatible")
    assert page.select_sku(compatible.sku)
    assert "(compatible)" in page.ui.brandValue.text()
