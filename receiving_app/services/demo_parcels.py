"""Demo parcels: each demo RMA's return tracking number, the parcels checked in at the dock, a few RMAs
long authorized and still not arrived, and three returns that came without an RMA.

Every RMA gets one tracking number, as an RMA import brings it (UPS, FedEx's 12 digits or USPS's 22,
each made valid by trying every last digit until the station's own reader takes it). About a quarter
of the RMAs were checked in at the dock over the last two days, and a few longer ago than the bench's
48 hours; a few RMAs were authorized six weeks or more ago and nothing of them has come. Of the
three returns without an RMA, one waits past the back office's seven days, one holds two weighed
cartridges and one was rejected; each is written with the audit events the station's own services
write. A random generator of its own, from the seed, keeps the RMAs themselves as they always were.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.scan import has_valid_check_digit
from receiving_app.domain.tracking import Carrier, tracking_number_from_text
from receiving_app.persistence.parcel_tables import ParcelRow, UnidentifiedItemRow, UnidentifiedReturnRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.disposition import LICENSE_PLATE_COUNTER, license_plate_number
from receiving_app.services.unidentified import UNIDENTIFIED_COUNTER, unidentified_number

ColumnValues = dict[str, Any]

CARRIER_WEIGHTS = ((Carrier.UPS, 45), (Carrier.FEDEX, 30), (Carrier.USPS, 25))
UPS_SHIPPERS = ("A4R718", "V12Y45", "9E3W61")
USPS_MAILER = "92055901649173"  # channel 92, service type 055, a mailer id
LATE_EVERY = 37
"""Among the first RMAs, one in this many was authorized six weeks or more ago and has not arrived (not a
multiple of the four sellers, so that each seller has some)."""
FEW_LATE_UNTIL = 300
"""Only RMAs up to this one are ever late: a few of each kind, however many RMAs the demo holds, as in a
warehouse where lateness is the exception (and the aging lists stay a few rows in a benchmark's million)."""
DOCK_SHARE = 0.25
WAITING_SHARE = 0.15
"""Of the first RMAs' parcels, the share that has waited past the bench's 48 hours."""
DOCK_USER, DOCK_STATION = "receiver", "dock-1"
BENCH_STATION = "bench-1"
QUARANTINE = "Quarantine shelf Q-1"
DEMO_WEIGHT_SOURCE = "mt-sics"


def tracking_number(carrier: Carrier, serial: int, rng: random.Random) -> str:
    """A valid, unique tracking number of ``carrier`` for the demo's ``serial`` (below ten million)."""
    if carrier is Carrier.UPS:
        return _completed(f"1Z{rng.choice(UPS_SHIPPERS)}90{serial:07d}", carrier)
    if carrier is Carrier.USPS:
        return _completed(f"{USPS_MAILER}{serial:07d}", carrier)
    # FedEx's twelve digits that are also a valid UPC would scan as a product's barcode: another prefix.
    for prefix in "7865":
        number = _completed(f"{prefix}{serial:010d}", carrier)
        if not has_valid_check_digit(number):
            return number
    raise AssertionError(f"no FedEx number for {serial}")  # some prefix always serves: one UPC in ten passes


def _completed(body: str, carrier: Carrier) -> str:
    for digit in "0123456789":
        found = tracking_number_from_text(body + digit)
        if found is not None and found.carrier is carrier:
            return found.number
    raise AssertionError(f"no check digit completes {body}")  # each format has one for every body


@dataclass
class DemoParcels:
    """Decides, RMA by RMA, when it was authorized and whether its parcel came, and writes what came."""

    seed: int
    today: date
    now: datetime
    rng: random.Random = field(init=False)
    _arrivals: dict[int, timedelta] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"demo-parcels-{self.seed}")

    def reported_on(self, rma_id: int) -> date:
        """The day the RMA was authorized: most within the last four weeks, inside every seller's limit."""
        few_late = rma_id <= FEW_LATE_UNTIL
        if few_late and rma_id % LATE_EVERY == 3:
            return self.today - timedelta(days=self.rng.randint(41, 75))
        if self.rng.random() < DOCK_SHARE:
            # Most came in the last day or two; a few have waited past the bench's 48 hours.
            waiting = few_late and self.rng.random() < WAITING_SHARE
            hours = self.rng.randint(49, 150) if waiting else self.rng.randint(1, 40)
            self._arrivals[rma_id] = timedelta(hours=hours, minutes=self.rng.randint(0, 59))
            return self.today - timedelta(days=self.rng.randint(hours // 24 + 2, 28))
        return self.today - timedelta(days=self.rng.randint(0, 27))

    def rows(self, rmas: list[ColumnValues]) -> tuple[list[ColumnValues], list[ColumnValues], list[AuditEvent]]:
        """The tracking numbers of a batch of RMAs, and the parcels of those checked in with their events."""
        tracking_rows: list[ColumnValues] = []
        parcels: list[ColumnValues] = []
        events: list[AuditEvent] = []
        for rma in rmas:
            carrier = self.rng.choices([c for c, _ in CARRIER_WEIGHTS], [w for _, w in CARRIER_WEIGHTS])[0]
            number = tracking_number(carrier, rma["id"], self.rng)
            tracking_rows.append(
                {
                    "number": number,
                    "carrier": carrier.value,
                    "rma_id": rma["id"],
                    "source": "import",
                    "added_at": rma["created_at"],
                    "added_by": "admin",
                }
            )
            waited = self._arrivals.pop(rma["id"], None)
            if waited is None:
                continue
            parcels.append(
                {
                    "label": number,
                    "label_kind": "tracking",
                    "carrier": carrier.value,
                    "rma_id": rma["id"],
                    "checked_in_at": "dock",
                    "arrived_at": self.now - waited,
                    "arrived_by": DOCK_USER,
                    "station_id": DOCK_STATION,
                }
            )
            events.append(_checked_in(rma["number"], "tracking", carrier.value, number))
        return tracking_rows, parcels, events

    def add_unidentified(self, uow: UnitOfWork, catalog: list[ColumnValues], serial: int) -> int:
        """Three returns without an RMA, numbered from the station's counters; ``serial`` is the first
        free demo serial for their tracking numbers. Returns how many were written."""
        weighed = [item for item in catalog if item["category"] in ("toner", "ink") and item["upc"]][:2]
        ups = tracking_number(Carrier.UPS, serial, self.rng)
        usps = tracking_number(Carrier.USPS, serial + 1, self.rng)
        for made in (
            _Unidentified(
                "STORE RETURN REF 48213",
                None,
                timedelta(days=9, hours=3),
                "Handwritten label, no paperwork inside.",
                sender="R. Castillo, Fresno CA",
            ),
            _Unidentified(
                ups,
                Carrier.UPS,
                timedelta(hours=26),
                "Two toners, no RMA slip.",
                sender="Quintero Print & Copy, Dayton OH",
                items=tuple(weighed),
            ),
            _Unidentified(
                usps,
                Carrier.USPS,
                timedelta(days=12),
                "Empty box.",
                sender="",
                rejected=("Nothing inside to return; the sender could not be found.", timedelta(days=3)),
            ),
        ):
            self._write(uow, made)
        return 3

    def _write(self, uow: UnitOfWork, made: _Unidentified) -> None:
        records = uow.records
        recorded_at = self.now - made.age
        parcel = ParcelRow(
            label=made.label,
            label_kind="tracking" if made.carrier else "unknown",
            carrier=made.carrier.value if made.carrier else None,
            rma_id=None,
            checked_in_at="dock",
            arrived_at=recorded_at - timedelta(minutes=40),
            arrived_by=DOCK_USER,
            station_id=DOCK_STATION,
        )
        records.add(parcel)
        tracking = made.label if made.carrier else None
        uow.record(_checked_in(None, parcel.label_kind, parcel.carrier, tracking))
        plate = license_plate_number(records.next_document_sequence(LICENSE_PLATE_COUNTER))
        sequence = records.next_document_sequence(UNIDENTIFIED_COUNTER)
        records.flush()  # the parcel's id
        row = UnidentifiedReturnRow(
            number=unidentified_number(sequence),
            sequence=sequence,
            parcel_id=parcel.id,
            tracking_number=tracking,
            sender=made.sender,
            notes=made.notes,
            lpn=plate,
            place=QUARANTINE,
            status="open",
            recorded_at=recorded_at,
            recorded_by=DOCK_USER,
            station_id=BENCH_STATION,
        )
        records.add(row)
        uow.record(
            AuditEvent(
                "unidentified_recorded",
                DOCK_USER,
                BENCH_STATION,
                None,
                {
                    "number": row.number,
                    "lpn": plate,
                    "place": QUARANTINE,
                    "label_kind": parcel.label_kind,
                    "tracking_number": tracking,
                    "sender": made.sender,
                    "notes": made.notes,
                },
            )
        )
        records.flush()  # the return's id, for its items
        for item_no, item in enumerate(made.items, start=1):
            self._weigh(uow, row, item_no, item, recorded_at + timedelta(minutes=5 * item_no))
        if made.rejected is not None:
            reason, ago = made.rejected
            row.status, row.reject_reason = "rejected", reason
            row.resolved_by, row.resolved_at = "supervisor", self.now - ago
            uow.record(
                AuditEvent(
                    "unidentified_rejected",
                    "supervisor",
                    BENCH_STATION,
                    None,
                    {"number": row.number, "lpn": plate, "reason": reason},
                )
            )

    def _weigh(
        self, uow: UnitOfWork, row: UnidentifiedReturnRow, item_no: int, item: ColumnValues, at: datetime
    ) -> None:
        """One cartridge scanned by its UPC and weighed half used: a weight its SKU can have."""
        full, empty = Decimal(item["full_g"]), Decimal(item["empty_g"])
        grams = (empty + (full - empty) * Decimal(self.rng.randint(20, 80)) / 100).quantize(Decimal("0.1"))
        uow.records.add(
            UnidentifiedItemRow(
                unidentified_id=row.id,
                item_no=item_no,
                scanned=item["upc"],
                sku=item["sku"],
                weight_value=grams,
                weight_unit="g",
                grams=grams,
                weight_source=DEMO_WEIGHT_SOURCE,
                weighed_at=at,
            )
        )
        reading = {"value": grams, "unit": "g", "grams": grams, "source": DEMO_WEIGHT_SOURCE}
        uow.record(
            AuditEvent(
                "unidentified_item_added",
                DOCK_USER,
                BENCH_STATION,
                None,
                {
                    "number": row.number,
                    "item": item_no,
                    "scanned": item["upc"],
                    "sku": item["sku"],
                    "reading": reading,
                    "photos": 0,
                },
            )
        )


@dataclass(frozen=True)
class _Unidentified:
    label: str  # the tracking number, or an unknown label as read
    carrier: Carrier | None
    age: timedelta  # since it was recorded
    notes: str
    sender: str
    items: tuple[ColumnValues, ...] = ()
    rejected: tuple[str, timedelta] | None = None  # why, and how long ago


def _checked_in(rma: str | None, kind: str, carrier: str | None, tracking: str | None) -> AuditEvent:
    payload = {"label_kind": kind, "carrier": carrier, "tracking_number": tracking, "checked_in_at": "dock"}
    return AuditEvent("parcel_checked_in", DOCK_USER, DOCK_STATION, rma, payload)
