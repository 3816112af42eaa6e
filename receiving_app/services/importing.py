"""All-or-nothing CSV imports of the catalog and of RMAs: every bad row is named, nothing is written.

The whole file is checked before anything is written, so a file with one bad row changes nothing
and the person who made it can fix every mistake in one pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.order_tables import CustomerRow, OrderLineRow, OrderRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.import_rows import (
    CATALOG_COLUMNS,
    RMA_COLUMNS,
    RMA_SHARED_FIELDS,
    CatalogItemFields,
    RmaLineFields,
    catalog_item,
    checked,
    read_rows,
    rma_line,
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


def import_catalog(units: UnitOfWorkFactory, path: Path, *, user: str, station: str) -> ImportSummary:
    items, problems = checked(read_rows(path, CATALOG_COLUMNS), catalog_item)
    problems += _duplicates(items, "sku") + _duplicates([(line, item) for line, item in items if item["upc"]], "upc")
    if problems:
        raise ImportRejected(path.name, sorted(problems, key=_line_order))
    with units.write() as uow:
        created = updated = 0
        changed: list[dict[str, object]] = []
        for line, item in items:
            holder = uow.records.catalog_item_by_upc(item["upc"]) if item["upc"] else None
            if holder is not None and holder.sku != item["sku"]:
                problems.append(f"line {line}: upc {item['upc']} already belongs to {holder.sku}")
                continue
            existing = uow.records.catalog_item(item["sku"])
            changes = _catalog_changes(existing, item)
            if changes:
                changed.append({"sku": item["sku"], "changes": changes})
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
                "catalog_imported",
                user,
                station,
                None,
                {"file": path.name, "created": created, "updated": updated, "items": changed},
            )
        )
        uow.commit()
    return ImportSummary("catalog", len(items), created, updated)


def _catalog_changes(existing: CatalogItemRow | None, item: CatalogItemFields) -> dict[str, dict[str, object]]:
    """Each field the row changes, ``from`` what it was (None for a new item) ``to`` what the file says, as a
    catalog edit at the window records it: a weight or price changed by a file is as plain in the trail."""
    return {
        key: {"from": before, "to": after}
        for key, after in item.items()
        if (before := getattr(existing, key) if existing is not None else None) != after
    }


def _duplicates(items: list[tuple[int, CatalogItemFields]], key: Literal["sku", "upc"]) -> list[str]:
    first_seen: dict[str | None, int] = {}
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


def import_rmas(units: UnitOfWorkFactory, path: Path, *, user: str, station: str) -> ImportSummary:
    rows, problems = checked(read_rows(path, RMA_COLUMNS), rma_line)
    by_rma: dict[str, list[tuple[int, RmaLineFields]]] = defaultdict(list)
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


def _check_rma_groups(uow: UnitOfWork, by_rma: Mapping[str, list[tuple[int, RmaLineFields]]]) -> list[str]:
    problems = []
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
            for key in RMA_SHARED_FIELDS:
                if row[key] != first[key]:
                    problems.append(f"line {line}: {key} differs from line {first_line} of the same RMA")
        order = uow.records.order(first["order_number"])
        if order is not None and (
            order.seller_id != first["seller"] or order.customer.account_number != first["customer_account"]
        ):
            problems.append(f"line {first_line}: order {first['order_number']} belongs to another seller or customer")
    return problems


def _write_rma(uow: UnitOfWork, number: str, group: list[tuple[int, RmaLineFields]]) -> None:
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
