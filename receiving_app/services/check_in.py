"""Checking parcels in at the dock: one scan of each parcel's label as it comes off the truck, without
opening it.

A label is the RMA barcode the customer printed, the carrier's tracking barcode (UPS, FedEx, USPS), or
anything else readable, which is kept as read. Each label arrives once: a second scan, from this
station or another at the same moment, says who checked it in, when and where, and records nothing
new. A parcel the bench opens before anyone checked it in arrives then ("at the bench"), once.

A product barcode or a license plate is not a parcel's label, and a carrier's ZIP Code routing barcode
names no parcel: each is refused, saying which barcode to scan instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.scan import MAX_SCAN_LENGTH, ScanKind, ScanValue, scanned_as
from receiving_app.domain.tracking import TrackingNumber, tracking_number_from_text, tracking_number_in
from receiving_app.persistence.parcel_tables import ParcelRow
from receiving_app.persistence.records import Records
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.disposition import LICENSE_PLATE_PREFIX
from receiving_app.services.report_days import local, midnight
from receiving_app.services.rma_lines import RECEIVING_ROLES, require_user

_LICENSE_PLATE = re.compile(rf"{LICENSE_PLATE_PREFIX}\d{{8}}")
_USPS_ROUTING = "420"


class NotAParcelLabel(InputError):
    """A scan that names no parcel: a product's barcode, a unit's license plate, a ZIP Code routing barcode."""


@dataclass(frozen=True, slots=True)
class ParcelLabel:
    """What a parcel's label says: the text its arrival is kept under, and the RMA it names, if any."""

    text: str  # the RMA number, the canonical tracking number, or an unknown label as read
    kind: str  # "rma", "tracking" or "unknown"
    rma_id: int | None = None
    rma_number: str | None = None
    tracking: TrackingNumber | None = None
    lines: int = 0  # the RMA's lines, for the clerk's sentence

    @property
    def named(self) -> str:
        """The label as the clerk's sentence names it: "RMA-100004", "UPS 1Z 999 AA1 01 2345 6784"."""
        if self.tracking is not None:
            return f"{self.tracking.carrier.label} {self.tracking.display}"
        return self.text


@dataclass(frozen=True, slots=True)
class CheckInOutcome:
    """One scan at the dock: what the label is, and whether this scan checked the parcel in."""

    label: str
    kind: str  # "rma", "tracking" or "unknown"
    rma: str | None  # the RMA the label names, None when it names none on file
    carrier: str | None  # "ups", "fedex" or "usps" for a tracking label
    carrier_name: str | None  # "UPS", "FedEx", "USPS"
    tracking_number: str | None  # canonical, as stored
    tracking_display: str | None  # grouped as printed under the barcode
    already_checked_in: bool  # True: an earlier scan checked it in, and this one recorded nothing
    arrived_at: datetime
    arrived_by: str
    station: str  # where it was checked in
    checked_in_at: str  # "dock", or "bench" when the bench opened it first
    message: str  # a short sentence for the clerk
    checked_in_today: int = 0  # parcels checked in at the dock since the station's midnight, at every station

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kind": self.kind,
            "rma": self.rma,
            "carrier": self.carrier,
            "tracking_number": self.tracking_number,
            "tracking_display": self.tracking_display,
            "already_checked_in": self.already_checked_in,
            "arrived_at": self.arrived_at.isoformat(),
            "arrived_by": self.arrived_by,
            "station": self.station,
            "checked_in_at": self.checked_in_at,
            "message": self.message,
            "checked_in_today": self.checked_in_today,
        }


class CheckInService:
    """``zone``: the station's time zone, whose day "checked in today" counts and whose clock a repeated
    scan's "already checked in at" reads (None: this computer's)."""

    def __init__(self, units: UnitOfWorkFactory, *, zone: tzinfo | None = None) -> None:
        self._units = units
        self._zone = zone

    def check_in(self, scan: ScanValue, *, user: str, station: str) -> CheckInOutcome:
        """Records the parcel whose label was scanned as arrived at the dock, once."""
        with self._units.write() as uow:
            require_user(uow, user, RECEIVING_ROLES, "check parcels in")
            label = label_of_scan(uow.records, scan)
            parcel, new = arrive(uow, label, checked_in_at="dock", user=user, station=station)
            today = local(uow.clock(), self._zone).date()
            counted = uow.records.parcels_checked_in_since(midnight(today, self._zone))
            outcome = replace(_outcome(label, parcel, new, self._zone), checked_in_today=counted)
            if new:
                uow.commit()
            return outcome

    def record_bench_arrival(self, rma_number: str, label: str | None = None, *, user: str, station: str) -> bool:
        """The parcel of an RMA the bench opened without a dock check-in arrives now, "at the bench",
        under ``label`` (the tracking number it was opened by) or else the RMA's number; nothing
        happens when the RMA has a parcel already. True when this recorded it."""
        tracking = tracking_number_from_text(label) if label else None
        with self._units.write() as uow:
            recorded = bench_arrival(uow, rma_number, tracking, user=user, station=station)
            if recorded:
                uow.commit()
            return recorded


def label_of_scan(records: Records, scan: ScanValue) -> ParcelLabel:
    """What a scanned label names; refuses a scan that is no parcel's label (NotAParcelLabel)."""
    tracking = tracking_number_in(scan)
    if tracking is not None:
        return tracking_label(records, tracking)
    _refuse_what_names_no_parcel(scan)
    return _rma_or_unknown_label(records, scan.text)


def label_of_text(records: Records, text: str) -> ParcelLabel:
    """What a label typed (or scanned and kept as text) names: a tracking number typed with spaces
    counts, as does twelve-digit FedEx that a scanner would have read as a product code."""
    tracking = tracking_number_from_text(text)
    if tracking is not None:
        return tracking_label(records, tracking)
    return _rma_or_unknown_label(records, text.strip())


def tracking_label(records: Records, tracking: TrackingNumber) -> ParcelLabel:
    rma = records.rma_by_tracking_number(tracking.number)
    return ParcelLabel(
        tracking.number,
        "tracking",
        rma.id if rma else None,
        rma.number if rma else None,
        tracking,
        len(rma.lines) if rma else 0,
    )


def _rma_or_unknown_label(records: Records, text: str) -> ParcelLabel:
    if _LICENSE_PLATE.fullmatch(text.upper()):
        raise NotAParcelLabel(
            f"{text.upper()} is a license plate, not a parcel's label: scan the RMA label or the carrier's barcode."
        )
    rma = records.rma(text.upper())
    if rma is not None:
        return ParcelLabel(rma.number, "rma", rma.id, rma.number, None, len(rma.lines))
    if len(text) > MAX_SCAN_LENGTH:
        raise InputError(f"a parcel's label has at most {MAX_SCAN_LENGTH} characters; this one has {len(text)}.")
    if not text:
        raise InputError("a parcel's label is empty: scan or type it.")
    return ParcelLabel(text, "unknown")


def _refuse_what_names_no_parcel(scan: ScanValue) -> None:
    if scan.gtin is not None or scan.kind is ScanKind.GTIN:
        raise NotAParcelLabel(
            f"{scanned_as(scan)} is a product's barcode, not a parcel's label: "
            "scan the RMA label or the carrier's tracking barcode."
        )
    if scan.kind is ScanKind.GS1 and [ai for ai, _ in scan.elements] == [_USPS_ROUTING]:
        raise NotAParcelLabel(
            f"{scanned_as(scan)} is the label's ZIP Code routing barcode: scan the carrier's tracking barcode."
        )


def arrive(
    uow: UnitOfWork,
    label: ParcelLabel,
    *,
    checked_in_at: str,
    user: str,
    station: str,
    announce: bool = True,
    likely_new: bool = False,
) -> tuple[ParcelRow, bool]:
    """The parcel's arrival under ``label``: recorded now (True), with its audit event unless the
    caller's own event says it (``announce``), or the one an earlier scan recorded (False), whichever
    station made it. ``likely_new``: the caller found no parcel of the RMA (``add_parcel_once``)."""
    tracking = label.tracking
    row = ParcelRow(
        label=label.text,
        label_kind=label.kind,
        carrier=tracking.carrier.value if tracking else None,
        rma_id=label.rma_id,
        checked_in_at=checked_in_at,
        arrived_at=uow.clock(),
        arrived_by=user,
        station_id=station,
    )
    parcel = uow.records.add_parcel_once(row, likely_new=likely_new)
    new = parcel is row
    if new and announce:
        uow.record(
            AuditEvent(
                "parcel_checked_in",
                user,
                station,
                label.rma_number,
                {
                    # An unknown label's text stays out of the trail: it may name a person.
                    "label_kind": label.kind,
                    "carrier": row.carrier,
                    "tracking_number": tracking.number if tracking else None,
                    "checked_in_at": checked_in_at,
                },
            )
        )
    return parcel, new


def bench_arrival(
    uow: UnitOfWork,
    rma_number: str,
    tracking: TrackingNumber | None,
    *,
    user: str,
    station: str,
    announce: bool = True,
) -> bool:
    """``CheckInService.record_bench_arrival`` inside the caller's unit of work; ``announce`` as for
    ``arrive`` (the bench's ``rma_opened`` is the arrival's record when it opens the RMA)."""
    rma_id = uow.records.rma_awaiting_arrival(rma_number)
    if rma_id is None:
        return False
    if tracking is not None and uow.records.rma_number_of_tracking_number(tracking.number) == rma_number:
        label = ParcelLabel(tracking.number, "tracking", rma_id, rma_number, tracking)
    else:
        label = ParcelLabel(rma_number, "rma", rma_id, rma_number)
    return arrive(uow, label, checked_in_at="bench", user=user, station=station, announce=announce, likely_new=True)[1]


def _outcome(label: ParcelLabel, parcel: ParcelRow, new: bool, zone: tzinfo | None) -> CheckInOutcome:
    tracking = label.tracking
    return CheckInOutcome(
        label=label.text,
        kind=label.kind,
        rma=label.rma_number,
        carrier=tracking.carrier.value if tracking else None,
        carrier_name=tracking.carrier.label if tracking else None,
        tracking_number=tracking.number if tracking else None,
        tracking_display=tracking.display if tracking else None,
        already_checked_in=not new,
        arrived_at=parcel.arrived_at,
        arrived_by=parcel.arrived_by,
        station=parcel.station_id,
        checked_in_at=parcel.checked_in_at,
        message=_sentence(label, parcel, new, zone),
    )


def _sentence(label: ParcelLabel, parcel: ParcelRow, new: bool, zone: tzinfo | None) -> str:
    if not new:
        opened = " when the bench opened it" if parcel.checked_in_at == "bench" else ""
        return (
            f"{label.named} was already checked in on {local(parcel.arrived_at, zone):%Y-%m-%d %H:%M} "
            f"by {parcel.arrived_by} at {parcel.station_id}{opened}."
        )
    if label.kind == "rma":
        return f"{label.rma_number} arrived: {label.lines} line{'' if label.lines == 1 else 's'}."
    if label.rma_number is not None:
        return f"{label.named} arrived: {label.rma_number}."
    if label.kind == "tracking":
        return f"{label.named} matches no RMA: put it on the unidentified shelf and record it."
    return (
        f"{label.named} is neither an RMA number nor a carrier's tracking number: "
        "put it on the unidentified shelf and record it."
    )
