"""Reading an import CSV and checking each of its rows into typed fields, naming every bad row by its line.

Nothing here looks at the database: whether a SKU, seller or RMA number is already on file is the
import's own check (importing).
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
from receiving_app.domain.money import Money
from receiving_app.domain.scan import has_valid_check_digit

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
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8 text (save it as UTF-8 CSV)") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [column for column in columns if column not in header]
    if missing:
        raise InputError(
            f"{path.name}: line 1: missing column(s) {', '.join(missing)} (expected: {', '.join(columns)})"
        )
    reader.fieldnames = header
    rows: list[NumberedRow] = []
    for record in reader:
        if None in record:
            rows.append((reader.line_num, {"__error__": "has more cells than the header"}))
            continue
        rows.append((reader.line_num, {key: (value or "").strip() for key, value in record.items()}))
    if not rows:
        raise InputError(f"{path.name}: has a header but no rows")
    return rows


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
    full, empty = _decimal(row, "full_g"), _decimal(row, "empty_g")
    if full <= empty:
        raise _RowProblem(f"full_g ({full}) must be greater than empty_g ({empty})")
    upc = row.get("upc") or None
    if upc is not None and not (upc.isdigit() and len(upc) in (8, 12, 13, 14) and has_valid_check_digit(upc)):
        raise _RowProblem(f"upc {upc!r} is not a UPC/EAN/GTIN with a valid check digit")
    tolerance = (
        _decimal(row, "weight_tolerance_g") if row.get("weight_tolerance_g") else default_tolerance_g(full, empty)
    )
    sealed_min = _decimal(row, "sealed_min_g") if row.get("sealed_min_g") else None
    sealed_max = _decimal(row, "sealed_max_g") if row.get("sealed_max_g") else None
    if (sealed_min is None) != (sealed_max is None):
        raise _RowProblem("sealed_min_g and sealed_max_g are given together or not at all")
    if sealed_min is not None and sealed_max is not None and not sealed_min <= sealed_max:
        raise _RowProblem(f"sealed_min_g ({sealed_min}) must not be above sealed_max_g ({sealed_max})")
    return {
        "sku": _required(row, "sku"),
        "oem_part_number": row.get("oem_part_number", ""),
        "upc": upc,
        "brand": _required(row, "brand"),
        "description": _required(row, "description"),
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
    if card and not (card.isdigit() and len(card) == 4):
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
        "rma_number": _required(row, "rma_number").upper(),
        "seller": _required(row, "seller"),
        "reported_on": reported,
        "return_label_cost": _money(row, "return_label_cost") if row.get("return_label_cost") else Money.zero(),
        "order_number": _required(row, "order_number"),
        "purchased_on": purchased,
        "shipped_on": shipped,
        "delivered_on": delivered,
        "shipping_paid": _money(row, "shipping_paid") if row.get("shipping_paid") else Money.zero(),
        "payment_method": _choice(row, "payment_method", PaymentMethod),
        "customer_account": _required(row, "customer_account"),
        "customer_name": _required(row, "customer_name"),
        "customer_email": row.get("customer_email", ""),
        "customer_phone": row.get("customer_phone", ""),
        "customer_address": row.get("customer_address", "").replace("|", "\n"),
        "card_last4": card or None,
        "line": _positive_int(row, "line"),
        "sku": _required(row, "sku"),
        "quantity": _positive_int(row, "quantity"),
        "unit_price": _money(row, "unit_price"),
        "reason": _choice(row, "reason", ReturnReason),
        "customer_choice": _choice(row, "customer_choice", CustomerChoice) if row.get("customer_choice") else "refund",
    }


def _required(row: Mapping[str, str], key: str) -> str:
    value = row.get(key, "")
    if not value:
        raise _RowProblem(f"{key} is empty")
    return value


def _decimal(row: Mapping[str, str], key: str) -> Decimal:
    text = _required(row, key)
    try:
        number = Decimal(text)
    except ArithmeticError:
        raise _RowProblem(f"{key} is not a number: {text!r}") from None
    if not number.is_finite() or number < 0:
        raise _RowProblem(f"{key} must be zero or more, not {text!r}")
    return number


def _money(row: Mapping[str, str], key: str) -> Money:
    text = _required(row, key)
    try:
        money = Money.of(text, what=key)
    except InputError as error:
        raise _RowProblem(str(error)) from None
    if money.amount < 0:
        raise _RowProblem(f"{key} cannot be negative ({text})")
    return money


def _choice(row: Mapping[str, str], key: str, choices: type[Enum]) -> str:
    """The member's value (these enums' values are their words), which the tables store."""
    text = _required(row, key)
    try:
        return str(choices(text).value)
    except ValueError:
        words = ", ".join(str(member.value) for member in choices)
        raise _RowProblem(f"{key} must be one of {words}, not {text!r}") from None


def _date(row: Mapping[str, str], key: str) -> date:
    return _iso_date(key, _required(row, key))


def _optional_date(row: Mapping[str, str], key: str) -> date | None:
    text = row.get(key, "")
    return _iso_date(key, text) if text else None


def _iso_date(key: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _RowProblem(f"{key} is not a date in YYYY-MM-DD form: {text!r}") from None


def _positive_int(row: Mapping[str, str], key: str) -> int:
    text = _required(row, key)
    if not text.isdigit() or int(text) < 1:
        raise _RowProblem(f"{key} must be a whole number of 1 or more, not {text!r}")
    return int(text)
