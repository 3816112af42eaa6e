"""Reading an import CSV and checking each of its rows into typed fields, naming every bad row by its line.

Nothing here looks at the database: whether a SKU, seller or RMA number is already on file is the
import's own check (importing). Every value is held to the bounds of ``domain.limits`` and every text
to the width of the column it goes into (read from the table), so that a row that passes here can be
written on SQLite and PostgreSQL alike; the file, its rows and its cells are bounded before any is checked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Literal, TypedDict, TypeVar

from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import Category, CustomerChoice, PaymentMethod, ReturnReason
from receiving_app.domain.inspection import default_tolerance_g
from receiving_app.domain.limits import (
    MAX_CSV_CELL,
    MAX_CSV_COLUMNS,
    MAX_CSV_ROW,
    MAX_GRAMS,
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
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
from receiving_app.persistence.catalog_tables import CatalogItemRow, SellerRow
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.rma_tables import RmaRow
from receiving_app.services.column_widths import text_width

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
NumberedRow = tuple[int, dict[str, str]]  # the file's line number, and the row's cells by column


class CatalogItemFields(TypedDict):
    """One catalog item as its row gives it, named as the catalog table's columns."""

    sku: str
    oem_part_number: str
    upc: str | None
    brand: str
    description: str
    category: str
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


# What every line of one RMA must say alike.
RmaSharedField = Literal["seller", "reported_on", "order_number", "customer_account", "return_label_cost"]
RMA_SHARED_FIELDS: tuple[RmaSharedField, ...] = (
    "seller",
    "reported_on",
    "order_number",
    "customer_account",
    "return_label_cost",
)


class _RowProblem(Exception):
    pass


def read_rows(path: Path, columns: tuple[str, ...]) -> list[NumberedRow]:
    # One byte past the limit is enough to know the file is too large: never read a whole huge file.
    try:
        with path.open("rb") as file:
            content = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if len(content) > MAX_IMPORT_BYTES:
        raise InputError(f"{path.name} is larger than {MAX_IMPORT_BYTES // 2**20} MiB: split it into smaller files")
    return parse_rows(content, path.name, columns)


def parse_rows(content: bytes, file_name: str, columns: tuple[str, ...]) -> list[NumberedRow]:
    """The rows of one CSV file's bytes, each with its line; a row too big to check is marked with why."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{file_name} is not UTF-8 text (save it as UTF-8 CSV)") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = _header(next(reader, []), file_name, columns)
        rows: list[NumberedRow] = []
        for cells in reader:
            if not cells:
                continue  # a blank line, as a spreadsheet leaves at the end
            if len(rows) == MAX_IMPORT_ROWS:
                raise InputError(f"{file_name} has more than {MAX_IMPORT_ROWS} rows: split it into smaller files")
            rows.append((reader.line_num, _row(header, cells)))
    except csv.Error as error:  # only a cell of over 128 KiB gets past the csv module's own checks
        raise InputError(f"{file_name}: line {reader.line_num}: {error}") from None
    if not rows:
        raise InputError(f"{file_name}: has a header but no rows")
    return rows


def _header(cells: list[str], file_name: str, columns: tuple[str, ...]) -> list[str]:
    if len(cells) > MAX_CSV_COLUMNS:
        raise InputError(f"{file_name}: line 1: {len(cells)} columns, more than the {MAX_CSV_COLUMNS} a file may have")
    header = [name.strip() for name in cells]
    missing = [column for column in columns if column not in header]
    if missing:
        raise InputError(
            f"{file_name}: line 1: missing column(s) {', '.join(missing)} (expected: {', '.join(columns)})"
        )
    return header


def _row(header: list[str], cells: list[str]) -> dict[str, str]:
    """The row's cells by column (missing cells empty), or only an ``__error__`` saying why it cannot be checked."""
    if len(cells) > len(header):
        return {"__error__": "has more cells than the header"}
    if sum(map(len, cells)) > MAX_CSV_ROW:
        return {"__error__": f"is longer than {MAX_CSV_ROW} characters"}
    row = dict.fromkeys(header, "")
    for column, cell in zip(header, cells, strict=False):
        if len(cell) > MAX_CSV_CELL:
            return {"__error__": f"{column or 'a column without a name'} is longer than {MAX_CSV_CELL} characters"}
        if "\x00" in cell:
            return {"__error__": f"{column or 'a column without a name'} holds a NUL character"}
        row[column] = cell.strip()
    return row


def checked(
    rows: Iterable[NumberedRow], check: Callable[[dict[str, str]], Parsed]
) -> tuple[list[tuple[int, Parsed]], list[str]]:
    """The rows that ``check`` passed, each with its line; and a "line N: ..." problem for each other row."""
    good: list[tuple[int, Parsed]] = []
    problems: list[str] = []
    for line, row in rows:
        try:
            if "__error__" in row:
                raise _RowProblem(row["__error__"])
            good.append((line, check(row)))
        except _RowProblem as problem:
            problems.append(f"line {line}: {problem}")
    return good, problems


def catalog_item(row: dict[str, str]) -> CatalogItemFields:
    full, empty = _grams(row, "full_g"), _grams(row, "empty_g")
    if full <= empty:
        raise _RowProblem(f"full_g ({full}) must be greater than empty_g ({empty})")
    upc = row.get("upc") or None
    if upc is not None and not (len(upc) in (8, 12, 13, 14) and has_valid_check_digit(upc)):
        raise _RowProblem(f"upc {shown(upc)} is not a UPC/EAN/GTIN with a valid check digit")
    tolerance = _grams(row, "weight_tolerance_g") if row.get("weight_tolerance_g") else default_tolerance_g(full, empty)
    sealed_min = _grams(row, "sealed_min_g") if row.get("sealed_min_g") else None
    sealed_max = _grams(row, "sealed_max_g") if row.get("sealed_max_g") else None
    if (sealed_min is None) != (sealed_max is None):
        raise _RowProblem("sealed_min_g and sealed_max_g are given together or not at all")
    if sealed_min is not None and sealed_max is not None and not sealed_min <= sealed_max:
        raise _RowProblem(f"sealed_min_g ({sealed_min}) must not be above sealed_max_g ({sealed_max})")
    return {
        "sku": _text(row, "sku"),
        "oem_part_number": _text(row, "oem_part_number", required=False),
        "upc": upc,
        "brand": _text(row, "brand"),
        "description": _text(row, "description"),
        "category": _choice(row, "category", Category),
        "full_g": full,
        "empty_g": empty,
        "weight_tolerance_g": tolerance,
        "sealed_min_g": sealed_min,
        "sealed_max_g": sealed_max,
        "list_price": _money(row, "list_price"),
    }


def rma_line(row: dict[str, str]) -> RmaLineFields:
    card = row.get("card_last4", "")
    if card and not (card.isascii() and card.isdigit() and len(card) == 4):
        raise _RowProblem("card_last4 must be exactly the last 4 digits; full card numbers are never stored")
    shipped, delivered, purchased = (
        _optional_date(row, "shipped_on"),
        _optional_date(row, "delivered_on"),
        _date(row, "purchased_on"),
    )
    reported = _date(row, "reported_on")
    if reported < purchased:
        raise _RowProblem(f"reported_on {reported} is before purchased_on {purchased}")
    if shipped and shipped < purchased:
        raise _RowProblem(f"shipped_on {shipped} is before purchased_on {purchased}")
    if delivered and shipped and delivered < shipped:
        raise _RowProblem(f"delivered_on {delivered} is before shipped_on {shipped}")
    return {
        "rma_number": _text(row, "rma_number", transform=str.upper),
        "seller": _text(row, "seller"),
        "reported_on": reported,
        "return_label_cost": _money(row, "return_label_cost") if row.get("return_label_cost") else Money.zero(),
        "order_number": _text(row, "order_number"),
        "purchased_on": purchased,
        "shipped_on": shipped,
        "delivered_on": delivered,
        "shipping_paid": _money(row, "shipping_paid") if row.get("shipping_paid") else Money.zero(),
        "payment_method": _choice(row, "payment_method", PaymentMethod),
        "customer_account": _text(row, "customer_account"),
        "customer_name": _text(row, "customer_name"),
        "customer_email": _text(row, "customer_email", required=False),
        "customer_phone": _text(row, "customer_phone", required=False),
        # "|" is the file's line break; a line break within the quoted cell is one too.
        "customer_address": _text(row, "customer_address", required=False, transform=_address_lines, lines=True),
        "card_last4": card or None,
        "line": _whole_number(row, "line", MAX_LINE_NUMBER),
        "sku": _text(row, "sku"),
        "quantity": _whole_number(row, "quantity", MAX_QUANTITY),
        "unit_price": _money(row, "unit_price"),
        "reason": _choice(row, "reason", ReturnReason),
        "customer_choice": _choice(row, "customer_choice", CustomerChoice) if row.get("customer_choice") else "refund",
    }


def _required(row: Mapping[str, str], key: str) -> str:
    value = row.get(key, "")
    if not value:
        raise _RowProblem(f"{key} is empty")
    return value


def _text(
    row: Mapping[str, str],
    key: str,
    *,
    required: bool = True,
    transform: Callable[[str], str] = str,
    lines: bool = False,
) -> str:
    value = transform(_required(row, key) if required else row.get(key, ""))
    try:
        return text_within(value, length=TEXT_WIDTHS[key], lines=lines)
    except OutOfBounds as error:
        raise _RowProblem(f"{key} {error}") from None


def _address_lines(text: str) -> str:
    return text.replace("|", "\n")


def _grams(row: Mapping[str, str], key: str) -> Decimal:
    try:
        return decimal_within(_required(row, key), maximum=MAX_GRAMS, places=WEIGHT_PLACES, unit=" g")
    except OutOfBounds as error:
        raise _RowProblem(f"{key} {error}") from None


def _money(row: Mapping[str, str], key: str) -> Money:
    try:
        return money_within(_required(row, key))
    except OutOfBounds as error:
        raise _RowProblem(f"{key} {error}") from None


def _choice(row: Mapping[str, str], key: str, choices: type[Enum]) -> str:
    """The member's value (these enums' values are their words), which the tables store."""
    text = _required(row, key)
    try:
        return str(choices(text).value)
    except ValueError:
        words = ", ".join(str(member.value) for member in choices)
        raise _RowProblem(f"{key} must be one of {words}, not {shown(text)}") from None


def _date(row: Mapping[str, str], key: str) -> date:
    return _iso_date(key, _required(row, key))


def _optional_date(row: Mapping[str, str], key: str) -> date | None:
    text = row.get(key, "")
    return _iso_date(key, text) if text else None


def _iso_date(key: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _RowProblem(f"{key} is not a date in YYYY-MM-DD form: {shown(text)}") from None


def _whole_number(row: Mapping[str, str], key: str, maximum: int) -> int:
    try:
        return whole_number_within(_required(row, key), maximum=maximum)
    except OutOfBounds as error:
        raise _RowProblem(f"{key} {error}") from None
