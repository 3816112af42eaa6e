"""Orders as the RMA desk finds them, and unidentified returns as the dock recorded them, written
straight to the database for the desk's and the matching's tests (importing and recording returns are
tested on their own)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import func, select

from receiving_app.domain.money import Money
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.document_tables import DocumentCounterRow
from receiving_app.persistence.order_tables import CustomerRow, OrderLineRow, OrderRow
from receiving_app.persistence.parcel_tables import (
    ParcelRow,
    TrackingNumberRow,
    UnidentifiedItemRow,
    UnidentifiedReturnRow,
)
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.services.station import Station

RECORDED_AT = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)


@dataclass(frozen=True)
class OrderLine:
    sku: str = "TN-660"
    quantity: int = 1
    unit_price: str = "54.99"


@dataclass(frozen=True)
class Order:
    number: str
    seller: str = "image-pro-services"
    lines: Sequence[OrderLine] = field(default_factory=lambda: (OrderLine(),))
    purchased: date = date(2026, 3, 2)
    shipped: date | None = date(2026, 3, 3)
    delivered: date | None = date(2026, 3, 6)
    account: str = "C90001"
    customer: str = "Dana Whitfield"


def add_orders(station: Station, *orders: Order) -> None:
    with station.units.write() as uow:
        for order in orders:
            customer = uow.session.scalars(
                select(CustomerRow).where(CustomerRow.account_number == order.account)
            ).one_or_none()
            if customer is None:
                customer = CustomerRow(account_number=order.account, name=order.customer, payment_method="card")
            uow.session.add(
                OrderRow(
                    number=order.number,
                    seller_id=order.seller,
                    customer=customer,
                    purchased_on=order.purchased,
                    shipped_on=order.shipped,
                    delivered_on=order.delivered,
                    shipping_paid=Money.of("7.95"),
                    payment_method="card",
                    lines=[
                        OrderLineRow(
                            line_no=number, sku=line.sku, quantity=line.quantity, unit_price=Money.of(line.unit_price)
                        )
                        for number, line in enumerate(order.lines, start=1)
                    ],
                )
            )
        uow.commit()


@dataclass(frozen=True)
class FoundItem:
    """A cartridge found in a parcel: its SKU (None: not in the catalog) and the grams it weighed."""

    sku: str | None
    grams: str | None = None


def add_unidentified_return(
    station: Station,
    *items: FoundItem,
    tracking_number: str | None = None,
    parcel_label: str | None = None,
    status: str = "open",
) -> tuple[str, str]:
    """An unidentified return numbered and plated from the station's counters; its number and plate.

    ``parcel_label``, a canonical UPS tracking number, records the parcel it arrived in; ``status``
    "rejected" records it as already rejected."""
    with station.units.write() as uow:
        sequence = uow.records.next_document_sequence("unidentified_return")
        lpn = f"LP{uow.records.next_document_sequence('license_plate'):08d}"
        parcel = None
        if parcel_label is not None:
            parcel = ParcelRow(
                label=parcel_label,
                label_kind="tracking",
                carrier="ups",
                checked_in_at="dock",
                arrived_at=RECORDED_AT,
                arrived_by="receiver",
                station_id="dock-1",
            )
            uow.session.add(parcel)
            uow.session.flush()
        rejected = status == "rejected"
        row = UnidentifiedReturnRow(
            number=f"UR-{sequence:06d}",
            sequence=sequence,
            parcel_id=parcel.id if parcel else None,
            tracking_number=tracking_number,
            sender="D. Whitfield, Springfield",
            notes="",
            lpn=lpn,
            place="Q-01",
            status=status,
            recorded_at=RECORDED_AT,
            recorded_by="receiver",
            station_id="dock-1",
            resolved_at=RECORDED_AT if rejected else None,
            resolved_by="supervisor" if rejected else None,
            reject_reason="Sender refused the parcel" if rejected else None,
            items=[_item(number, item) for number, item in enumerate(items, start=1)],
        )
        uow.session.add(row)
        uow.commit()
        return row.number, lpn


def _item(number: int, item: FoundItem) -> UnidentifiedItemRow:
    weighed = item.grams is not None
    return UnidentifiedItemRow(
        item_no=number,
        scanned=item.sku or "UNKNOWN-CODE",
        sku=item.sku,
        weight_value=Decimal(item.grams) if weighed else None,
        weight_unit="g" if weighed else None,
        grams=Decimal(item.grams) if weighed else None,
        weight_source="manual" if weighed else None,
        weighed_at=RECORDED_AT if weighed else None,
    )


def desk_records(station: Station) -> dict[str, object]:
    """What the desk writes, as it stands: the RMAs and their lines, the tracking numbers, the counters,
    the unidentified returns' states and how many audit events there are (a refusal leaves all as it was)."""
    with station.units.read() as uow:
        session = uow.session
        return {
            "rmas": session.execute(select(RmaRow.number, RmaRow.seller_id).order_by(RmaRow.id)).all(),
            "rma_lines": session.execute(select(func.count()).select_from(RmaLineRow)).scalar_one(),
            "tracking_numbers": session.execute(select(TrackingNumberRow.number).order_by(TrackingNumberRow.id)).all(),
            "counters": session.execute(
                select(DocumentCounterRow.document_type, DocumentCounterRow.last_number).order_by(
                    DocumentCounterRow.document_type
                )
            ).all(),
            "unidentified": session.execute(
                select(UnidentifiedReturnRow.number, UnidentifiedReturnRow.status).order_by(UnidentifiedReturnRow.id)
            ).all(),
            "events": session.execute(select(func.count()).select_from(AuditEventRow)).scalar_one(),
        }


def events_of(station: Station, rma_number: str, event_type: str) -> list[dict]:
    """The payloads of the RMA's events of one type, oldest first."""
    with station.units.read() as uow:
        return [json.loads(event.payload) for event in uow.records.chained_events_of_rma(rma_number, event_type)]
