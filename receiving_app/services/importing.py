"""All-or-nothing imports of the catalog and of RMAs: every problem of every row is named, nothing is written.

The whole file is checked before anything is written, so a file with one bad row changes nothing
and the person who made it can fix every mistake in one pass. A dry run checks the same way, against
the same records, then writes nothing and shows the first rows as the station reads them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.domain.tracking import TrackingNumber
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.order_tables import CustomerRow, OrderLineRow, OrderRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.import_files import DELIMITER_NAMES, read_rows
from receiving_app.services.import_mappings import HEADINGS_ONLY, load_mapping
from receiving_app.services.import_rows import (
    ALL_CATALOG_COLUMNS,
    ALL_RMA_COLUMNS,
    RMA_SHARED_FIELDS,
    CatalogItemFields,
    RmaLineFields,
    catalog_item,
    checked,
    rma_line,
)
from receiving_app.services.import_spellings import ValueReading
from receiving_app.services.mapping import mask_name

MAX_ROW_PROBLEMS_SHOWN = 50
PREVIEW_ROWS = 5
# What a preview shows of a customer's details: the name as the bench masks it, the rest only as given.
_PERSONAL = {"customer_email", "customer_phone", "customer_address", "card_last4"}

Fields = TypeVar("Fields", CatalogItemFields, RmaLineFields)


class ImportRejected(InputError):
    """The file had bad rows; nothing was written. Each problem names its row, column and value."""

    def __init__(self, file_name: str, problems: list[str]) -> None:
        shown = problems[:MAX_ROW_PROBLEMS_SHOWN]
        more = f"; and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
        rows = len({problem.split(":", 1)[0] for problem in problems})
        super().__init__(
            f"{file_name}: nothing imported, {len(problems)} problem(s) in {rows} row(s): " + "; ".join(shown) + more
        )
        self.problems = problems


@dataclass(frozen=True)
class ImportOptions:
    """How to read the file: a saved mapping by name (or a .toml path; header matching alone without
    one), a seller for files without a seller column, and whether to write nothing (a dry run)."""

    mapping: str | None = None
    seller: str | None = None
    dry_run: bool = False


@dataclass(frozen=True)
class ImportSummary:
    kind: str
    rows: int
    created: int
    updated: int
    dry_run: bool = False
    delimiter: str = "comma"
    headings: tuple[tuple[str, str], ...] = ()  # (station column, the file's heading that fed it)
    spellings: tuple[str, ...] = ()  # how values written otherwise than plainly were read
    preview: tuple[tuple[int, tuple[tuple[str, str], ...]], ...] = ()  # (row number, (column, value as read))


def _check_file(
    path: Path,
    kind: str,
    columns: tuple[str, ...],
    check: Callable[[dict[str, str], ValueReading], Fields],
    options: ImportOptions,
) -> tuple[list[tuple[int, Fields]], list[str], ImportSummary]:
    mapping = (
        load_mapping(options.mapping, kind, ALL_CATALOG_COLUMNS + ALL_RMA_COLUMNS) if options.mapping else HEADINGS_ONLY
    )
    kind_mapping = mapping.kinds[kind]
    if options.seller is not None:
        kind_mapping = replace(kind_mapping, constants={**kind_mapping.constants, "seller": options.seller})
    table = read_rows(path, columns, kind_mapping)
    reading = ValueReading(decimal_comma=table.decimal_comma, words=mapping.values)
    rows, problems = checked(table, check, reading)
    summary = ImportSummary(
        kind,
        len(rows),
        0,
        0,
        dry_run=options.dry_run,
        delimiter=DELIMITER_NAMES[table.delimiter],
        headings=tuple(table.headings.items()),
        spellings=tuple(reading.report()),
        preview=tuple((number, _shown_fields(fields)) for number, fields in rows[:PREVIEW_ROWS]),
    )
    return rows, problems, summary


def _shown_fields(fields: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    return tuple((key, _shown_value(key, value)) for key, value in fields.items())


def _shown_value(key: str, value: object) -> str:
    if value is None or value == "":
        return "-"
    if key == "customer_name":
        return mask_name(str(value))
    if key in _PERSONAL or (key == "customer_account" and "@" in str(value)):  # an e-mail address as the account
        return "(given)"
    if isinstance(value, Money):
        return money_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):  # the tracking numbers
        return " ".join(number.number for number in value if isinstance(number, TrackingNumber)) or "-"
    return str(value)


def import_catalog(
    units: UnitOfWorkFactory, path: Path, *, user: str, station: str, options: ImportOptions = ImportOptions()
) -> ImportSummary:
    items, problems, summary = _check_file(path, "catalog", ALL_CATALOG_COLUMNS, catalog_item, options)
    problems += _duplicates(items, "sku") + _duplicates([(row, item) for row, item in items if item["upc"]], "upc")
    if problems:
        raise ImportRejected(path.name, sorted(problems, key=_row_order))
    with units.write() as uow:
        created = updated = 0
        changed: list[dict[str, object]] = []
        for row, item in items:
            holder = uow.records.catalog_item_by_upc(item["upc"]) if item["upc"] else None
            if holder is not None and holder.sku != item["sku"]:
                problems.append(f"row {row}: upc {item['upc']} already belongs to {holder.sku}")
                continue
            existing = uow.records.catalog_item(item["sku"])
            changes = _catalog_changes(existing, item)
            if changes:
                changed.append({"sku": item["sku"], "changes": changes})
            if existing is None:
                if not options.dry_run:
                    uow.records.add(CatalogItemRow(**item))
                created += 1
            else:
                if not options.dry_run:
                    for key, value in item.items():
                        setattr(existing, key, value)
                updated += 1
        if problems:
            raise ImportRejected(path.name, problems)
        if not options.dry_run:
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
    return replace(summary, created=created, updated=updated)


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
    for row, item in items:
        value = item[key]
        if value in first_seen:
            problems.append(f"row {row}: {key} {value} repeats row {first_seen[value]}")
        else:
            first_seen[value] = row
    return problems


def _row_order(problem: str) -> int:
    return int(problem.split(":", 1)[0].removeprefix("row "))


def import_rmas(
    units: UnitOfWorkFactory, path: Path, *, user: str, station: str, options: ImportOptions = ImportOptions()
) -> ImportSummary:
    rows, problems, summary = _check_file(path, "rmas", ALL_RMA_COLUMNS, rma_line, options)
    by_rma: dict[str, list[tuple[int, RmaLineFields]]] = defaultdict(list)
    for row_number, row in rows:
        by_rma[row["rma_number"]].append((row_number, row))
    with units.write() as uow:
        problems += _check_rma_groups(uow, by_rma) + _tracking_problems(uow, by_rma)
        if problems:
            raise ImportRejected(path.name, sorted(problems, key=_row_order))
        if not options.dry_run:
            for number, group in by_rma.items():
                tracking = _write_rma(uow, number, group, user)
                said = {"tracking_numbers": [found.number for found in tracking]} if tracking else {}
                uow.record(
                    AuditEvent("rma_imported", user, station, number, {"file": path.name, "lines": len(group), **said})
                )
            uow.commit()
    return replace(summary, created=len(by_rma))


def _check_rma_groups(uow: UnitOfWork, by_rma: Mapping[str, list[tuple[int, RmaLineFields]]]) -> list[str]:
    problems = []
    for number, group in by_rma.items():
        first_row, first = group[0]
        if uow.records.rma(number) is not None:
            problems.append(f"row {first_row}: {number} is already on file")
        seen_lines: dict[int, int] = {}  # each RMA line number, and the row that first gave it
        for row_number, row in group:
            if uow.records.seller(row["seller"]) is None:
                problems.append(f"row {row_number}: seller {row['seller']!r} has no installed policy")
            if uow.records.catalog_item(row["sku"]) is None:
                problems.append(f"row {row_number}: sku {row['sku']!r} is not in the catalog")
            if row["line"] in seen_lines:
                problems.append(f"row {row_number}: {number} line {row['line']} repeats row {seen_lines[row['line']]}")
            seen_lines.setdefault(row["line"], row_number)
            for key in RMA_SHARED_FIELDS:
                if row[key] != first[key]:
                    problems.append(f"row {row_number}: {key} differs from row {first_row} of the same RMA")
        order = uow.records.order(first["order_number"])
        if order is not None and (
            order.seller_id != first["seller"] or order.customer.account_number != first["customer_account"]
        ):
            problems.append(f"row {first_row}: order {first['order_number']} belongs to another seller or customer")
    return problems


def _tracking_problems(uow: UnitOfWork, by_rma: Mapping[str, list[tuple[int, RmaLineFields]]]) -> list[str]:
    """A tracking number names one RMA: one already on another RMA, or given for two RMAs of the file,
    is a problem of the row that gives it again."""
    first_given: dict[str, tuple[int, str]] = {}  # each number, the row and RMA that first gave it
    problems = []
    for number, group in by_rma.items():
        for row_number, row in group:
            for tracking in row["tracking_numbers"]:
                row_before, rma_before = first_given.setdefault(tracking.number, (row_number, number))
                if rma_before != number:
                    problems.append(
                        f"row {row_number}: tracking number {tracking.number} is given for {rma_before} "
                        f"in row {row_before}"
                    )
    on_file = uow.records.rma_numbers_of_tracking_numbers(list(first_given))
    for tracking_number, holder in on_file.items():
        problems.append(
            f"row {first_given[tracking_number][0]}: tracking number {tracking_number} is already on {holder}"
        )
    return problems


def _write_rma(
    uow: UnitOfWork, number: str, group: list[tuple[int, RmaLineFields]], user: str
) -> tuple[TrackingNumber, ...]:
    """Writes the RMA (with its order and customer when new); returns its tracking numbers."""
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
    tracking = tuple(dict.fromkeys(found for _, row in group for found in row["tracking_numbers"]))
    for found in tracking:
        uow.records.add_tracking_number(
            found.number, found.carrier.value, rma.id, source="import", at=uow.clock(), by=user
        )
    return tracking
