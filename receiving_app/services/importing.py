"""All-or-nothing CSV imports of the catalog and of RMAs: every bad row is named, nothing is written.

The whole file is checked before anything is written, so a file with one bad row changes nothing
and the person who made it can fix every mistake in one pass.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import Category, CustomerChoice, PaymentMethod, ReturnReason
from receiving_app.domain.inspection import default_tolerance_g
from receiving_app.domain.money import Money
from receiving_app.domain.scan import has_valid_check_digit
from receiving_app.persistence.tables import (
    CatalogItemRow,
    CustomerRow,
    OrderLineRow,
    OrderRow,
    RmaLineRow,
    RmaRow,
)
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory

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
MAX_ROW_PROBLEMS_SHOWN = 50


class ImportRejected(InputError):
    """The file had bad rows; nothing was written. Each problem names its line."""

    def __init__(self, file_name: str, problems: list[str]) -> None:
        shown = problems[:MAX_ROW_PROBLEMS_SHOWN]
        more = f"; and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        super().__init__(f"{file_name}: nothing imported, {len(problems)} bad row(s): " + "; ".join(shown) + more)
        self.problems = problems


@dataclass(frozen=True)
class ImportSummary:
    kind: str
    rows: int
    created: int
    updated: int


class _RowProblem(Exception):
    pass


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
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
    rows = []
    for record in reader:
        if None in record:
            rows.append((reader.line_num, {"__error__": "has more cells than the header"}))
            continue
        rows.append((reader.line_num, {key: (value or "").strip() for key, value in record.items()}))
    if not rows:
        raise InputError(f"{path.name}: has a header but no rows")
    return rows


def _checked(
    rows: Iterable[tuple[int, dict[str, str]]], check: Callable[[dict[str, str]], Any]
) -> tuple[list[tuple[int, Any]], list[str]]:
    good, problems = [], []
    for line, row in rows:
        try:
            if "__error__" in row:
                raise _RowProblem(row["__error__"])
            good.append((line, check(row)))
        except _RowProblem as problem:
            problems.append(f"line {line}: {problem}")
    return good, problems


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


def _choice(row: Mapping[str, str], key: str, enum) -> str:
    text = _required(row, key)
    try:
        return enum(text).value
    except ValueError:
        raise _RowProblem(f"{key} must be one of {', '.join(member.value for member in enum)}, not {text!r}") from None


def _date(row: Mapping[str, str], key: str, *, required: bool = True) -> date | None:
    text = row.get(key, "")
    if not text:
        if required:
            raise _RowProblem(f"{key} is empty")
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _RowProblem(f"{key} is not a date in YYYY-MM-DD form: {text!r}") from None


def _positive_int(row: Mapping[str, str], key: str) -> int:
    text = _required(row, key)
    if not text.isdigit() or int(text) < 1:
        raise _RowProblem(f"{key} must be a whole number of 1 or more, not {text!r}")
    return int(text)


# Catalog ---------------------------------------------------------------------------------------------


def _catalog_item(row: dict[str, str]) -> dict[str, Any]:
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
    if sealed_min is not None and not sealed_min <= sealed_max:
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


def import_catalog(units: UnitOfWorkFactory, path: Path, *, user: str, station: str) -> ImportSummary:
    items, problems = _checked(_read_rows(path, CATALOG_COLUMNS), _catalog_item)
    problems += _duplicates(items, "sku") + _duplicates([(line, item) for line, item in items if item["upc"]], "upc")
    if problems:
        raise ImportRejected(path.name, sorted(problems, key=_line_order))
    with units.write() as uow:
        created = updated = 0
        for line, item in items:
            holder = uow.records.catalog_item_by_upc(item["upc"]) if item["upc"] else None
            if holder is not None and holder.sku != item["sku"]:
                problems.append(f"line {line}: upc {item['upc']} already belongs to {holder.sku}")
                continue
            existing = uow.records.catalog_item(item["sku"])
            if existing is None:
                uow.records.add(CatalogItemRow(**item))
                created += 1
            else:
                for key, value in item.items():
                    setattr(existing, key, value)
                updated += 1
        if problems:
            raise ImportRejected(path.name, problems)
        uow.record(
            AuditEvent(
                "catalog_imported", user, station, None, {"file": path.name, "created": created, "updated": updated}
            )
        )
        uow.commit()
    return ImportSummary("catalog", len(items), created, updated)


def _duplicates(items: list[tuple[int, dict[str, Any]]], key: str) -> list[str]:
    first_seen: dict[Any, int] = {}
    problems = []
    for line, item in items:
        value = item[key]
        if value in first_seen:
            problems.append(f"line {line}: {key} {value} repeats line {first_seen[value]}")
        else:
            first_seen[value] = line
    return problems


def _line_order(problem: str) -> int:
    return int(problem.split(":", 1)[0].removeprefix("line "))


# RMAs ------------------------------------------------------------------------------------------------


def _rma_row(row: dict[str, str]) -> dict[str, Any]:
    card = row.get("card_last4", "")
    if card and not (card.isdigit() and len(card) == 4):
        raise _RowProblem("card_last4 must be exactly the last 4 digits; full card numbers are never stored")
    shipped, delivered, purchased = (
        _date(row, "shipped_on", required=False),
        _date(row, "delivered_on", required=False),
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


def import_rmas(units: UnitOfWorkFactory, path: Path, *, user: str, station: str) -> ImportSummary:
    rows, problems = _checked(_read_rows(path, RMA_COLUMNS), _rma_row)
    by_rma: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    for line, row in rows:
        by_rma[row["rma_number"]].append((line, row))
    with units.write() as uow:
        problems += _check_rma_groups(uow, by_rma)
        if problems:
            raise ImportRejected(path.name, sorted(problems, key=_line_order))
        for number, group in by_rma.items():
            _write_rma(uow, number, group)
            uow.record(AuditEvent("rma_imported", user, station, number, {"file": path.name, "lines": len(group)}))
        uow.commit()
    return ImportSummary("rmas", len(rows), len(by_rma), 0)


def _check_rma_groups(uow: UnitOfWork, by_rma: Mapping[str, list[tuple[int, dict[str, Any]]]]) -> list[str]:
    problems = []
    shared_keys = ("seller", "reported_on", "order_number", "customer_account", "return_label_cost")
    for number, group in by_rma.items():
        first_line, first = group[0]
        if uow.records.rma(number) is not None:
            problems.append(f"line {first_line}: {number} is already on file")
        seen_lines: dict[int, int] = {}
        for line, row in group:
            if uow.records.seller(row["seller"]) is None:
                problems.append(f"line {line}: seller {row['seller']!r} has no installed policy")
            if uow.records.catalog_item(row["sku"]) is None:
                problems.append(f"line {line}: sku {row['sku']!r} is not in the catalog")
            if row["line"] in seen_lines:
                problems.append(f"line {line}: {number} line {row['line']} repeats line {seen_lines[row['line']]}")
            seen_lines.setdefault(row["line"], line)
            for key in shared_keys:
                if row[key] != first[key]:
                    problems.append(f"line {line}: {key} differs from line {first_line} of the same RMA")
        order = uow.records.order(first["order_number"])
        if order is not None and (
            order.seller_id != first["seller"] or order.customer.account_number != first["customer_account"]
        ):
            problems.append(f"line {first_line}: order {first['order_number']} belongs to another seller or customer")
    return problems


def _write_rma(uow: UnitOfWork, number: str, group: list[tuple[int, dict[str, Any]]]) -> None:
    first = group[0][1]
    customer = uow.session.query(CustomerRow).filter_by(account_number=first["customer_account"]).one_or_none()
    if customer is None:
        customer = CustomerRow(
            account_number=first["customer_account"],
            name=first["customer_name"],
            email=first["customer_email"],
            phone=first["customer_phone"],
            address=first["customer_address"],
            payment_method=first["payment_method"],
            card_last4=first["card_last4"],
        )
        uow.records.add(customer)
    order = uow.records.order(first["order_number"])
    if order is None:
        order = OrderRow(
            number=first["order_number"],
            seller_id=first["seller"],
            customer=customer,
            purchased_on=first["purchased_on"],
            shipped_on=first["shipped_on"],
            delivered_on=first["delivered_on"],
            shipping_paid=first["shipping_paid"],
            payment_method=first["payment_method"],
        )
        uow.records.add(order)
        uow.records.flush()
    rma = RmaRow(
        number=number,
        seller_id=first["seller"],
        order=order,
        reported_on=first["reported_on"],
        return_label_cost=first["return_label_cost"],
        status="open",
        created_at=uow.clock(),
    )
    uow.records.add(rma)
    for _, row in sorted(group, key=lambda entry: entry[1]["line"]):
        order_line = next((candidate for candidate in order.lines if candidate.sku == row["sku"]), None)
        if order_line is None:
            order_line = OrderLineRow(
                line_no=len(order.lines) + 1, sku=row["sku"], quantity=row["quantity"], unit_price=row["unit_price"]
            )
            order.lines.append(order_line)
        rma.lines.append(
            RmaLineRow(
                line_no=row["line"],
                order_line=order_line,
                sku=row["sku"],
                quantity=row["quantity"],
                reason=row["reason"],
                customer_choice=row["customer_choice"],
                status="open",
                hold_note="",
            )
        )
    uow.records.flush()
