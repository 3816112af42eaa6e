"""A small warehouse for records tests: the demo catalog and users, and RMAs written as a CSV row would be."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from receiving_app.services.import_rows import RMA_COLUMNS
from receiving_app.services.importing import import_rmas
from receiving_app.services.station import Station


@dataclass(frozen=True)
class Line:
    sku: str = "TN-660"
    quantity: int = 1
    unit_price: str = "54.99"
    reason: str = "defective"
    choice: str = "refund"


@dataclass(frozen=True)
class Rma:
    number: str
    seller: str = "image-pro-services"
    lines: Sequence[Line] = field(default_factory=lambda: (Line(),))
    purchased: str = "2026-03-02"
    shipped: str = "2026-03-03"
    delivered: str = "2026-03-06"
    reported: str = "2026-03-09"
    order: str = ""
    payment: str = "card"
    shipping_paid: str = "7.95"
    label_cost: str = "0.00"
    account: str = "C90001"
    card_last4: str = "4242"


def add_rmas(station: Station, folder: Path, *rmas: Rma) -> None:
    import_rmas(station.units, rma_file(folder, *rmas), user="admin", station="test")


def rma_file(folder: Path, *rmas: Rma) -> Path:
    """The RMAs as an import file, one row per line, in ``folder``."""
    path = folder / f"rmas-{rmas[0].number}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=RMA_COLUMNS)
        writer.writeheader()
        for rma in rmas:
            for number, line in enumerate(rma.lines, start=1):
                writer.writerow(
                    {
                        "rma_number": rma.number,
                        "seller": rma.seller,
                        "reported_on": rma.reported,
                        "return_label_cost": rma.label_cost,
                        "order_number": rma.order or f"SO-{rma.number}",
                        "purchased_on": rma.purchased,
                        "shipped_on": rma.shipped,
                        "delivered_on": rma.delivered,
                        "shipping_paid": rma.shipping_paid,
                        "payment_method": rma.payment,
                        "customer_account": rma.account,
                        "customer_name": "Dana Whitfield",
                        "customer_email": "dana@example.com",
                        "customer_phone": "(555) 010-2030",
                        "customer_address": "12 Elm St|Springfield, IL 62701",
                        "card_last4": rma.card_last4 if rma.payment == "card" else "",
                        "line": number,
                        "sku": line.sku,
                        "quantity": line.quantity,
                        "unit_price": line.unit_price,
                        "reason": line.reason,
                        "customer_choice": line.choice,
                    }
                )
    return path
