"""Checking each row of an import file into typed fields, naming every problem of every row with its row.

Nothing here looks at the database: whether a SKU, seller or RMA number is already on file is the
import's own check (importing). A value may be spelled as real exports spell it (import_spellings); then
it is held to the bounds of ``domain.limits`` and every text to the width of the column it goes into
(read from the table), so that a row that passes here can be written on SQLite and PostgreSQL alike.
The file itself is read and bounded by import_files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Literal, TypedDict, TypeVar

from receiving_app.documents.glyph_coverage import unprintable_named
from receiving_app.domain.inspection import default_tolerance_g
from receiving_app.domain.limits import (
    MAX_GRAMS,
    MAX_LINE_NUMBER,
    MAX_QUANTITY,
    WEIGHT_PLACES,
    OutOfBounds,
    decimal_within,
    money_within,
    shown,
    text_within,
    whole_number_within,
)
from receiving_app.domain.money import Money
from receiving_app.domain.scan import has_valid_check_digit
from receiving_app.domain.tracking import TrackingNumber, tracking_number_from_text
from receiving_app.persistence.catalog_tables import CatalogItemRow, SellerRow
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.rma_tables import RmaRow
from receiving_app.services.column_widths import text_width
from receiving_app.services.import_files import ROW_ERROR, ImportTable
from receiving_app.services.import_mappings import CHOICES
from receiving_app.services.import_spellings import (
    ValueReading,
    choice_word,
    date_value,
    grams_value,
    money_text,
    whole_number_text,
)

CATALOG_COLUMNS = (
    "sku",
    "oem_part_number",
    "upc",
    "brand",
    "description",
    "category",
    "full_g",
    "empty_g",
    "list_price",
)
# Every column a catalog file may give: the nine above, who made the item, a weight tolerance and a
# sealed unit's weight band.
ALL_CATALOG_COLUMNS = (*CATALOG_COLUMNS, "make", "weight_tolerance_g", "sealed_min_g", "sealed_max_g")
RMA_COLUMNS = (
    "rma_number",
    "seller",
    "reported_on",
    "return_label_cost",
    "order_number",
    "purchased_on",
    "shipped_on",
    "delivered_on",
    "shipping_paid",
    "payment_method",
    "customer_account",
    "customer_name",
    "customer_email",
    "customer_phone",
    "customer_address",
    "card_last4",
    "line",
    "sku",
    "quantity",
    "unit_price",
    "reason",
    "customer_choice",
)
# Every column an RMA file may give: the ones above, and the tracking numbers of the return parcels.
ALL_RMA_COLUMNS = (*RMA_COLUMNS, "tracking_numbers")

# Each text column of the files, and the width of the column it is stored in.
TEXT_WIDTHS = {
    "sku": text_width(CatalogItemRow, "sku"),
    "oem_part_number": text_width(CatalogItemRow, "oem_part_number"),
    "upc": text_width(CatalogItemRow, "upc"),
    "brand": text_width(CatalogItemRow, "brand"),
    "description": text_width(CatalogItemRow, "description"),
    "rma_number": text_width(RmaRow, "number"),
    "seller": text_width(SellerRow, "id"),
    "order_number": text_width(OrderRow, "number"),
    "customer_account": text_width(CustomerRow, "account_number"),
    "customer_name": text_width(CustomerRow, "name"),
    "customer_email": text_width(CustomerRow, "email"),
    "customer_phone": text_width(CustomerRow, "phone"),
    "customer_address": text_width(CustomerRow, "address"),
}

Parsed = TypeVar("Parsed")

_TRACKING_LISTS = re.compile(r"[,;]")


class CatalogItemFields(TypedDict):
    """One catalog item as its row gives it, named as the catalog table's columns."""

    sku: str
    oem_part_number: str
    upc: str | None
    brand: str
    description: str
    category: str
    make: str
    full_g: Decimal
    empty_g: Decimal
    weight_tolerance_g: Decimal
    sealed_min_g: Decimal | None
    sealed_max_g: Decimal | None
    list_price: Money


class RmaLineFields(TypedDict):
    """One row of an RMA file: one line of an RMA, with its RMA's, order's and customer's fields repeated."""

    rma_number: str
    seller: str
    reported_on: date
    return_label_cost: Money
    order_number: str
    purchased_on: date
    shipped_on: date | None
    delivered_on: date | None
    shipping_paid: Money
    payment_method: str
    customer_account: str
    customer_name: str
    customer_email: str
    customer_phone: str
    customer_address: str
    card_last4: str | None
    line: int
    sku: str
    quantity: int
    unit_price: Money
    reason: str
    customer_choice: str
    tracking_numbers: tuple[TrackingNumber, ...]  # of the RMA's return parcels; its rows' are gathered


# What every line of one RMA must say alike.
RmaSharedField = Literal["seller", "reported_on", "order_number", "customer_account", "return_label_cost"]
RMA_SHARED_FIELDS: tuple[RmaSharedField, ...] = (
    "seller",
    "reported_on",
    "order_number",
    "customer_account",
    "return_label_cost",
)


class _RowProblems(Exception):
    """Every problem of one row, each a sentence naming its column and value."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def checked(
    table: ImportTable, check: Callable[[dict[str, str], ValueReading], Parsed], reading: ValueReading | None = None
) -> tuple[list[tuple[int, Parsed]], list[str]]:
    """The rows that ``check`` passed, each with its row number; and a "row N: ..." for each problem of
    every other row. ``reading`` gathers the spellings read (a plain one for the file when not given)."""
    reading = reading or ValueReading(decimal_comma=table.decimal_comma)
    good: list[tuple[int, Parsed]] = []
    problems: list[str] = []
    for number, row in table.rows:
        try:
            if ROW_ERROR in row:
                raise _RowProblems([row[ROW_ERROR]])
            good.append((number, check(row, reading)))
        except _RowProblems as found:
            problems += [f"row {number}: {problem}" for problem in found.problems]
    return good, problems


class _Cells:
    """One row's cells read as typed values. A value that cannot be read notes its problem and stands in
    as a harmless placeholder, so that every problem of the row is found; ``done`` then raises them all."""

    def __init__(self, row: dict[str, str], reading: ValueReading) -> None:
        self.row, self.reading = row, reading
        self.problems: list[str] = []
        self.failed: set[str] = set()

    def given(self, key: str) -> bool:
        return bool(self.row.get(key))

    def fail(self, key: str, problem: str) -> None:
        self.failed.add(key)
        self.problems.append(f"{key} {problem}")

    def both_read(self, *keys: str) -> bool:
        return not self.failed.intersection(keys)

    def done(self) -> None:
        if self.problems:
            raise _RowProblems(self.problems)

    def _required(self, key: str) -> str | None:
        value = self.row.get(key, "")
        if not value:
            self.fail(key, "is empty")
            return None
        return value

    def text(self, key: str, *, required: bool = True, upper: bool = False, lines: bool = False) -> str:
        value = self._required(key) if required else self.row.get(key, "")
        if value is None:
            return ""
        if upper:
            value = value.upper()
        if lines:
            value = value.replace("|", "\n")  # "|" is the file's line break; one within a quoted cell is one too
        try:
            value = text_within(value, length=TEXT_WIDTHS[key], lines=lines)
        except OutOfBounds as error:
            self.fail(key, str(error))
            return ""
        # Anything in the file may end up on a customer's paper, where a missing glyph prints as a box.
        unprintable = unprintable_named(value)
        if unprintable:
            self.fail(key, f"has characters the documents cannot print: {unprintable}")
            return ""
        return value

    def grams(self, key: str) -> Decimal:
        text = self._required(key)
        if text is None:
            return Decimal(0)
        try:
            value = grams_value(key, text, self.reading)
            return decimal_within(value, maximum=MAX_GRAMS, places=WEIGHT_PLACES, unit=" g")
        except OutOfBounds as error:
            self.fail(key, str(error))
            return Decimal(0)

    def money(self, key: str, *, required: bool = True) -> Money:
        if not required and not self.given(key):
            return Money.zero()
        text = self._required(key)
        if text is None:
            return Money.zero()
        try:
            return money_within(money_text(key, text, self.reading))
        except OutOfBounds as error:
            self.fail(key, str(error))
            return Money.zero()

    def choice(self, key: str, default: str | None = None) -> str:
        """The station's word (the tables store the enums' values, which are their words)."""
        if default is not None and not self.given(key):
            return default
        text = self._required(key)
        if text is None:
            return ""
        word = choice_word(key, text, CHOICES[key], self.reading)
        if word is None:
            self.fail(key, f"must be one of {', '.join(CHOICES[key])}, not {shown(text)}")
            return ""
        return word

    def day(self, key: str) -> date:
        text = self._required(key)
        return date.min if text is None else self._date(key, text)

    def optional_day(self, key: str) -> date | None:
        return self._date(key, self.row[key]) if self.given(key) else None

    def _date(self, key: str, text: str) -> date:
        read = date_value(key, text, self.reading)
        if read is None:
            self.fail(key, f"is not a date such as 2026-03-31, 3/31/2026 or 31.03.2026: {shown(text)}")
            return date.min
        return read

    def tracking_numbers(self, key: str) -> tuple[TrackingNumber, ...]:
        """The tracking numbers in a cell, parted by commas, semicolons or spaces; one written in groups
        ("1Z 999 AA1 01 2345 6784") is read whole between commas or semicolons. Each must be a carrier's,
        with its check digit."""
        found: list[TrackingNumber] = []
        for part in _TRACKING_LISTS.split(self.row.get(key, "")):
            whole = tracking_number_from_text(part) if part.strip() else None
            readings = (
                [(part, whole)] if whole else [(piece, tracking_number_from_text(piece)) for piece in part.split()]
            )
            for text, number in readings:
                if number is None:
                    self.fail(key, f"{shown(text)} is not a UPS, FedEx or USPS tracking number (form or check digit)")
                elif number not in found:
                    found.append(number)
        return tuple(found)

    def whole_number(self, key: str, maximum: int) -> int:
        text = self._required(key)
        if text is None:
            return 1
        try:
            return whole_number_within(whole_number_text(key, text, self.reading), maximum=maximum)
        except OutOfBounds as error:
            self.fail(key, str(error))
            return 1


def catalog_item(row: dict[str, str], reading: ValueReading | None = None) -> CatalogItemFields:
    cells = _Cells(row, reading or ValueReading())
    full, empty = cells.grams("full_g"), cells.grams("empty_g")
    if cells.both_read("full_g", "empty_g") and full <= empty:
        cells.fail("full_g", f"({full}) must be greater than empty_g ({empty})")
    upc = row.get("upc") or None
    if upc is not None and not (len(upc) in (8, 12, 13, 14) and has_valid_check_digit(upc)):
        cells.fail("upc", f"{shown(upc)} is not a UPC/EAN/GTIN with a valid check digit")
    tolerance = cells.grams("weight_tolerance_g") if cells.given("weight_tolerance_g") else None
    sealed_min = cells.grams("sealed_min_g") if cells.given("sealed_min_g") else None
    sealed_max = cells.grams("sealed_max_g") if cells.given("sealed_max_g") else None
    if (sealed_min is None) != (sealed_max is None):
        cells.fail("sealed_min_g", "and sealed_max_g are given together or not at all")
    elif sealed_min is not None and sealed_max is not None and not sealed_min <= sealed_max:
        cells.fail("sealed_min_g", f"({sealed_min}) must not be above sealed_max_g ({sealed_max})")
    item: CatalogItemFields = {
        "sku": cells.text("sku"),
        "oem_part_number": cells.text("oem_part_number", required=False),
        "upc": upc,
        "brand": cells.text("brand"),
        "description": cells.text("description"),
        "category": cells.choice("category"),
        # A catalog has always meant the printer maker's own cartridges: a file that does not say is one.
        "make": cells.choice("make", default="oem"),
        "full_g": full,
        "empty_g": empty,
        "weight_tolerance_g": tolerance if tolerance is not None else default_tolerance_g(full, empty),
        "sealed_min_g": sealed_min,
        "sealed_max_g": sealed_max,
        "list_price": cells.money("list_price"),
    }
    cells.done()
    return item


def rma_line(row: dict[str, str], reading: ValueReading | None = None) -> RmaLineFields:
    cells = _Cells(row, reading or ValueReading())
    card = row.get("card_last4", "")
    if card and not (card.isascii() and card.isdigit() and len(card) == 4):
        cells.fail("card_last4", "must be exactly the last 4 digits; full card numbers are never stored")
    purchased, reported = cells.day("purchased_on"), cells.day("reported_on")
    shipped, delivered = cells.optional_day("shipped_on"), cells.optional_day("delivered_on")
    if cells.both_read("reported_on", "purchased_on") and reported < purchased:
        cells.fail("reported_on", f"{reported} is before purchased_on {purchased}")
    if shipped and cells.both_read("shipped_on", "purchased_on") and shipped < purchased:
        cells.fail("shipped_on", f"{shipped} is before purchased_on {purchased}")
    if delivered and shipped and cells.both_read("delivered_on", "shipped_on") and delivered < shipped:
        cells.fail("delivered_on", f"{delivered} is before shipped_on {shipped}")
    line: RmaLineFields = {
        "rma_number": cells.text("rma_number", upper=True),
        "seller": cells.text("seller"),
        "reported_on": reported,
        "return_label_cost": cells.money("return_label_cost", required=False),
        "order_number": cells.text("order_number"),
        "purchased_on": purchased,
        "shipped_on": shipped,
        "delivered_on": delivered,
        "shipping_paid": cells.money("shipping_paid", required=False),
        "payment_method": cells.choice("payment_method"),
        "customer_account": cells.text("customer_account"),
        "customer_name": cells.text("customer_name"),
        "customer_email": cells.text("customer_email", required=False),
        "customer_phone": cells.text("customer_phone", required=False),
        "customer_address": cells.text("customer_address", required=False, lines=True),
        "card_last4": card or None,
        "line": cells.whole_number("line", MAX_LINE_NUMBER),
        "sku": cells.text("sku"),
        "quantity": cells.whole_number("quantity", MAX_QUANTITY),
        "unit_price": cells.money("unit_price"),
        "reason": cells.choice("reason"),
        "customer_choice": cells.choice("customer_choice", default="refund"),
        "tracking_numbers": cells.tracking_numbers("tracking_numbers"),
    }
    cells.done()
    return line
