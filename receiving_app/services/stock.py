"""Saleable stock from restocked returns: what is on hand by SKU and grade, for the Catalog page, the
`stock` command and the CSV the store's inventory reads."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from receiving_app.persistence.unit_of_work import UnitOfWorkFactory

STOCK_CSV_COLUMNS = ("sku", "grade", "quantity")


@dataclass(frozen=True, slots=True)
class StockLine:
    sku: str
    grade: str
    """new or open_box"""
    quantity: int

    def as_json(self) -> dict[str, Any]:
        return {"sku": self.sku, "grade": self.grade, "quantity": self.quantity}


class StockService:
    def __init__(self, units: UnitOfWorkFactory) -> None:
        self._units = units

    def on_hand(self) -> tuple[StockLine, ...]:
        """Every SKU and grade with units on hand, by SKU then grade: the ledger's sum, restocks in and voids out."""
        with self._units.read() as uow:
            return tuple(StockLine(sku, grade, quantity) for sku, grade, quantity in uow.records.stock_on_hand())


def stock_csv(lines: tuple[StockLine, ...]) -> str:
    """The on-hand stock as CSV with a header row, as an inventory import takes it."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(STOCK_CSV_COLUMNS)
    writer.writerows((line.sku, line.grade, line.quantity) for line in lines)
    return output.getvalue()
