"""Demo data: enough for every screen to show something real, from 200 RMAs to a million.

The catalog is real cartridge models (resources/demo/catalog.csv); customers, orders and RMAs are
invented from a seed, so the same seed gives the same warehouse. Rows are written in bulk because
the benchmarks fill a million RMAs this way. Their tracking numbers, the parcels checked in at the
dock and the returns that came without an RMA are made in ``demo_parcels``; the orders nothing has
been returned from yet, for the RMA desk, in ``demo_orders``.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.facts import Category
from receiving_app.domain.inspection import WEIGHED_AT_THE_BENCH, default_tolerance_g
from receiving_app.domain.money import Money
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.order_tables import CustomerRow, OrderLineRow, OrderRow
from receiving_app.persistence.parcel_tables import ParcelRow, TrackingNumberRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.persistence.user_tables import UserRow
from receiving_app.services.demo_customers import demo_customers
from receiving_app.services.demo_orders import orders_not_returned
from receiving_app.services.demo_parcels import DemoParcels
from receiving_app.services.errors import LineNotOpen
from receiving_app.services.passwords import hash_secret

# One row to insert in bulk: its columns' values by name.
ColumnValues = dict[str, object]

# What each seller calls its authorization and how it numbers them (RMA, RA, RGA).
RMA_NUMBER_FORMATS = {
    "true-image": "RMA-{:06d}",
    "image-pro-services": "RA{:07d}",
    "4inkjets": "4IJ-{:06d}",
    "image-pro-international": "RGA-{:06d}",
}
RETURN_ADDRESSES = {
    "true-image": "Returns Dept. — True Image\n1800 Commerce Way, Suite 110\nOntario, CA 91761",
    "image-pro-services": "RA Returns — Image-Pro Services & Supplies\n425 Ambassador Dr.\nNaperville, IL 60540",
    "4inkjets": "4inkjets Returns\n3788 Heinemann Ave\nLong Beach, CA 90808",
    "image-pro-international": "RGA Desk — Image Pro International\n7950 NW 53rd St, Unit 301\nDoral, FL 33166",
}
DEMO_USERS = (
    ("receiver", "Riley Receiver", "receiver", "1111"),
    ("supervisor", "Sam Supervisor", "supervisor", "supervisor-demo"),
    ("admin", "Alex Admin", "admin", "admin-demo"),
)
REASON_WEIGHTS = (
    ("defective", 34),
    ("not_needed", 22),
    ("ordered_wrong", 18),
    ("damaged_in_transit", 14),
    ("wrong_item_shipped", 12),
)
SHIPPING_PRICES = tuple(Money.of(text) for text in ("0.00", "5.95", "7.95", "9.95", "12.50"))
BATCH = 20_000


@dataclass(frozen=True)
class DemoSummary:
    catalog_items: int
    customers: int
    rmas: int
    rma_lines: int
    users: int
    parcels: int = 0  # checked in at the dock, those of the returns without an RMA included
    unidentified: int = 0  # returns without an RMA
    open_orders: tuple[str, ...] = ()  # the numbers of the orders nothing has been returned from yet


# The demo catalog knows what its sealed new ink and toner cartridges weigh: within this share of
# the full weight either way (a real catalog takes the band from weighing a few sealed units).
DEMO_SEALED_BAND = Decimal("0.015")


def load_demo_catalog(path: Path) -> list[ColumnValues]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [_demo_item(row) for row in csv.DictReader(handle)]


def _demo_item(row: dict[str, str]) -> ColumnValues:
    full_g, empty_g = Decimal(row["full_g"]), Decimal(row["empty_g"])
    band = (full_g * DEMO_SEALED_BAND).quantize(Decimal("0.1"))
    weighed = Category(row["category"]) in WEIGHED_AT_THE_BENCH
    return {
        "sku": row["sku"],
        "oem_part_number": row["oem_part_number"],
        "upc": row["upc"] or None,
        "brand": row["brand"],
        "description": row["description"],
        "category": row["category"],
        "make": row["make"],
        "full_g": full_g,
        "empty_g": empty_g,
        "weight_tolerance_g": default_tolerance_g(full_g, empty_g),
        "sealed_min_g": full_g - band if weighed else None,
        "sealed_max_g": full_g + band if weighed else None,
        "list_price": Money.of(row["list_price"]),
    }


def fill_demo(
    units: UnitOfWorkFactory,
    catalog_csv: Path,
    *,
    rmas: int,
    seed: int,
    today: date,
    progress: Callable[[str], None] = lambda message: None,
) -> DemoSummary:
    if rmas < 0:
        raise ValueError("the number of RMAs cannot be negative")
    rng = random.Random(seed)
    catalog = load_demo_catalog(catalog_csv)
    with units.write() as uow:
        if not uow.records.is_empty():
            raise LineNotOpen(
                "The database already holds RMAs or a catalog; demo data goes into an empty database only."
            )
        sellers = uow.records.sellers()
        if not sellers:
            raise LineNotOpen("No seller policies are recorded yet; run `receiving-app db upgrade` first.")
        for seller in sellers:
            seller.return_address = RETURN_ADDRESSES.get(seller.id, "")
        records = uow.records
        records.bulk_insert(CatalogItemRow, catalog)
        records.bulk_insert(
            UserRow,
            [
                {
                    "name": name,
                    "display_name": display,
                    "role": role,
                    "secret_hash": hash_secret(secret),
                    "failed_attempts": 0,
                    "active": True,
                }
                for name, display, role, secret in DEMO_USERS
            ],
        )
        customers = demo_customers(rng, max(40, min(rmas // 3, 20_000)))
        records.bulk_insert(CustomerRow, customers)
        seller_ids = [seller.id for seller in sellers]
        line_count = parcel_count = 0
        parcels = DemoParcels(seed, today, uow.clock())
        batches = _rma_batches(rng, rmas, seller_ids, customers, catalog, today, parcels.reported_on)
        for batch_number, batch in enumerate(batches):
            for table, rows in zip((OrderRow, OrderLineRow, RmaRow, RmaLineRow), batch, strict=True):
                records.bulk_insert(table, rows)
            tracking, arrived, events = parcels.rows(batch[2])
            records.bulk_insert(TrackingNumberRow, tracking)
            records.bulk_insert(ParcelRow, arrived)
            for event in events:
                uow.record(event)
            line_count += len(batch[3])
            parcel_count += len(arrived)
            progress(f"{min((batch_number + 1) * BATCH, rmas):,} of {rmas:,} RMAs")
        open_orders: tuple[str, ...] = ()
        if rmas:
            orders, order_lines = orders_not_returned(
                seed,
                first_order_id=rmas + 1,
                first_line_id=line_count + 1,
                seller_ids=seller_ids,
                customers=customers,
                catalog=catalog,
                today=today,
                shipping_prices=SHIPPING_PRICES,
            )
            records.bulk_insert(OrderRow, orders)
            records.bulk_insert(OrderLineRow, order_lines)
            open_orders = tuple(order["number"] for order in orders)
        records.catch_up_id_sequences(CustomerRow, OrderRow, OrderLineRow, RmaRow, RmaLineRow)
        # A demo without RMAs (the tests' empty warehouse) has no parcels either.
        unidentified = parcels.add_unidentified(uow, catalog, serial=rmas + 1) if rmas else 0
        uow.record(
            AuditEvent("demo_loaded", "system", "demo", None, {"seed": seed, "rmas": rmas, "catalog": len(catalog)})
        )
        uow.commit()
    return DemoSummary(
        len(catalog),
        len(customers),
        rmas,
        line_count,
        len(DEMO_USERS),
        parcel_count + unidentified,
        unidentified,
        open_orders,
    )


def _rma_batches(
    rng: random.Random,
    count: int,
    seller_ids: list[str],
    customers: list[ColumnValues],
    catalog: list[ColumnValues],
    today: date,
    reported_on: Callable[[int], date],
) -> Iterator[tuple[list[ColumnValues], list[ColumnValues], list[ColumnValues], list[ColumnValues]]]:
    """Orders, their lines, RMAs and their lines, a batch of BATCH RMAs at a time; ``reported_on`` says
    when each RMA was authorized (its order's dates move with it, keeping the days between them)."""
    next_number = dict.fromkeys(seller_ids, 100_001)
    orders: list[ColumnValues] = []
    order_lines: list[ColumnValues] = []
    rmas: list[ColumnValues] = []
    rma_lines: list[ColumnValues] = []
    order_line_id = rma_line_id = 0
    for rma_id in range(1, count + 1):
        seller = seller_ids[(rma_id - 1) % len(seller_ids)]
        customer = customers[rng.randrange(len(customers))]
        purchased = today - timedelta(days=_purchase_age(rng))
        shipped = purchased + timedelta(days=rng.choice((0, 1, 1, 2)))
        delivered = shipped + timedelta(days=rng.randint(2, 6))
        reported = min(today, delivered + timedelta(days=rng.choice((0, 1, 2, 3, 5, 6, 7, 9, 14, 21))))
        # Every window is judged on the days from these dates to the authorization, which the move keeps.
        moved = reported_on(rma_id) - reported
        purchased, shipped, delivered, reported = (day + moved for day in (purchased, shipped, delivered, reported))
        orders.append(
            {
                "id": rma_id,
                "number": f"SO-{rma_id:07d}",
                "seller_id": seller,
                "customer_id": customer["id"],
                "purchased_on": purchased,
                "shipped_on": shipped,
                "delivered_on": delivered,
                "shipping_paid": rng.choice(SHIPPING_PRICES),
                "payment_method": customer["payment_method"],
            }
        )
        line_total = rng.choices((1, 2, 3), weights=(70, 20, 10))[0]
        reason = _weighted(rng, REASON_WEIGHTS)
        for line_no, item in enumerate(rng.sample(catalog, line_total), start=1):
            order_line_id += 1
            rma_line_id += 1
            quantity = rng.choices((1, 2, 3), weights=(80, 15, 5))[0]
            order_lines.append(
                {
                    "id": order_line_id,
                    "order_id": rma_id,
                    "line_no": line_no,
                    "sku": item["sku"],
                    "quantity": quantity,
                    "unit_price": item["list_price"],
                }
            )
            rma_lines.append(
                {
                    "id": rma_line_id,
                    "rma_id": rma_id,
                    "line_no": line_no,
                    "order_line_id": order_line_id,
                    "sku": item["sku"],
                    "quantity": quantity,
                    "reason": reason if rng.random() < 0.8 else _weighted(rng, REASON_WEIGHTS),
                    "customer_choice": "replacement" if rng.random() < 0.15 else "refund",
                    "status": "open",
                    "hold_note": "",
                }
            )
        label = (
            Money.of("8.50") if seller == "true-image" and reason in ("not_needed", "ordered_wrong") else Money.zero()
        )
        rmas.append(
            {
                "id": rma_id,
                "number": RMA_NUMBER_FORMATS.get(seller, "RMA-{:06d}").format(next_number[seller]),
                "seller_id": seller,
                "order_id": rma_id,
                "reported_on": reported,
                "return_label_cost": label,
                "status": "open",
                "created_at": _midday(reported),
            }
        )
        next_number[seller] += 1
        if len(rmas) == BATCH:
            yield orders, order_lines, rmas, rma_lines
            orders, order_lines, rmas, rma_lines = [], [], [], []
    if rmas:
        yield orders, order_lines, rmas, rma_lines


def _purchase_age(rng: random.Random) -> int:
    """Mostly recent purchases, some months old, a few past every window."""
    bucket = rng.random()
    if bucket < 0.55:
        return rng.randint(6, 30)
    if bucket < 0.85:
        return rng.randint(31, 365)
    return rng.randint(366, 800)


def _weighted(rng: random.Random, weights: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([name for name, _ in weights], weights=[weight for _, weight in weights])[0]


def _midday(day: date) -> datetime:
    return datetime.combine(day, time(12, 0), tzinfo=UTC)
