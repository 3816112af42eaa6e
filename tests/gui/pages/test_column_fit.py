"""A table's columns within its width: whole where the room allows, the widest cut first where it does not."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from receiving_app.gui.pages.column_fit import MAX_COLUMN_WIDTH, ColumnFit
from receiving_app.gui.pages.models import Column, RecordTableModel

SELLER = "Image-Pro Services & Supplies, Inc. of Greater Columbus, Returns Department"


class ReturnsModel(RecordTableModel):
    COLUMNS = (
        Column("RMA", lambda row: row[0]),
        Column("Seller", lambda row: row[1]),
        Column("SKUs", lambda row: row[2], stretch=True),
    )


def fitted_table(qtbot, width: int) -> QTableView:
    table = QTableView()
    qtbot.add_widget(table)
    model = ReturnsModel(table)
    table.setModel(model)
    ColumnFit(table, ReturnsModel.COLUMNS)
    model.set_records([("RA0100050", SELLER, "TN-436BK")])
    table.resize(width, 300)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_long_seller_is_whole_where_the_table_has_room_for_every_column(qtbot) -> None:
    table = fitted_table(qtbot, 1400)
    whole = table.sizeHintForColumn(1)
    assert whole > MAX_COLUMN_WIDTH  # a seller longer than a narrow table's cap
    qtbot.waitUntil(lambda: table.columnWidth(1) >= whole)
    assert not table.horizontalScrollBar().isVisible()


def test_on_a_narrow_table_the_long_seller_gives_way_down_to_the_cap(qtbot) -> None:
    table = fitted_table(qtbot, 700)
    qtbot.waitUntil(lambda: 0 < table.columnWidth(1) <= MAX_COLUMN_WIDTH)
    assert not table.horizontalScrollBar().isVisible()
