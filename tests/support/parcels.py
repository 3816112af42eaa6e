"""Parcels for the check-in and unidentified-return tests: RMAs imported with their tracking numbers, an
unidentified item matched to an RMA's unit as the back office's match leaves it, a check-in raced from
another process, and what the records hold of parcels and their events."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.scan import parse_scan
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.inspection_tables import InspectionRow, WeightReadingRow
from receiving_app.persistence.parcel_tables import (
    ParcelRow,
    TrackingNumberRow,
    UnidentifiedItemRow,
    UnidentifiedPhotoRow,
    UnidentifiedReturnRow,
)
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.services.import_rows import RMA_COLUMNS
from receiving_app.services.importing import import_rmas
from receiving_app.services.station import Station
from tests.support.warehouse import Rma, rma_file

# Published sample numbers (see tests/unit/domain/test_tracking.py for where each comes from).
UPS = "1Z999AA10123456784"
UPS_OTHER = "1Z5R89390357567127"
FEDEX_EXPRESS = "012345678983"
FEDEX_GROUND = "041441760228964"
USPS = "9400111201080805483016"
USPS_ZIP5 = ("22153", "9101026837331000039521")
USPS_S10 = "EA473124829US"
GS = "\x1d"


def add_rmas_with_tracking(station: Station, folder: Path, *rmas: tuple[Rma, str]) -> None:
    """Imports the RMAs, each with the tracking-number cell given beside it."""
    import_rmas(station.units, tracked_rma_file(folder, *rmas), user="admin", station="test")


def tracked_rma_file(folder: Path, *rmas: tuple[Rma, str]) -> Path:
    """The RMAs as an import file with a ``tracking_numbers`` column, filled on each RMA's first row."""
    path = rma_file(folder, *(rma for rma, _ in rmas))
    cells = {rma.number: cell for rma, cell in rmas}
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*RMA_COLUMNS, "tracking_numbers"])
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "tracking_numbers": cells[row["rma_number"]] if row["line"] == "1" else ""})
    return path


def match_item_to_unit(station: Station, number: str, item_no: int, rma_number: str, line_no: int, unit: int) -> None:
    """What matching an unidentified return leaves behind: its item names the RMA line and unit it
    became, and the return is matched to that RMA."""
    with station.units.write() as uow:
        found = uow.records.unidentified_return(number)
        rma = uow.records.rma(rma_number)
        assert found is not None and rma is not None
        line = next(line for line in rma.lines if line.line_no == line_no)
        item = next(item for item in found.items if item.item_no == item_no)
        item.rma_line_id, item.unit_no = line.id, unit
        found.status, found.matched_rma_id = "matched", rma.id
        found.resolved_at, found.resolved_by = uow.clock(), "supervisor"
        uow.commit()


def parcels(station: Station) -> list[tuple[str, str, str | None, str | None, str]]:
    """Every parcel as (label, kind, carrier, RMA number, where it was checked in), in arrival order."""
    with station.units.read() as uow:
        rows = uow.session.execute(
            select(ParcelRow.label, ParcelRow.label_kind, ParcelRow.carrier, RmaRow.number, ParcelRow.checked_in_at)
            .outerjoin(RmaRow, ParcelRow.rma_id == RmaRow.id)
            .order_by(ParcelRow.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def tracking_rows(station: Station) -> list[tuple[str, str, str, str, str]]:
    """Every tracking number on file as (number, carrier, RMA, source, added by), in the order added."""
    with station.units.read() as uow:
        rows = uow.session.execute(
            select(
                TrackingNumberRow.number,
                TrackingNumberRow.carrier,
                RmaRow.number,
                TrackingNumberRow.source,
                TrackingNumberRow.added_by,
            )
            .join(RmaRow, TrackingNumberRow.rma_id == RmaRow.id)
            .order_by(TrackingNumberRow.id)
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def parcel_records(station: Station) -> dict[str, int]:
    """How many rows each table of parcels and unidentified returns holds, and the audit events."""
    with station.units.read() as uow:
        return {
            table.__tablename__: uow.session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (
                ParcelRow,
                TrackingNumberRow,
                UnidentifiedReturnRow,
                UnidentifiedItemRow,
                UnidentifiedPhotoRow,
                AuditEventRow,
            )
        }


def captured_reading(station: Station, rma_number: str, line_no: int, unit: int) -> tuple[Decimal, str, datetime]:
    """The reading the unit's decision used, as stored: (grams, source, read at)."""
    with station.units.read() as uow:
        grams, source, read_at = uow.session.execute(
            select(WeightReadingRow.grams, WeightReadingRow.source, WeightReadingRow.read_at)
            .join(InspectionRow, WeightReadingRow.inspection_id == InspectionRow.id)
            .join(RmaLineRow, InspectionRow.rma_line_id == RmaLineRow.id)
            .join(RmaRow, RmaLineRow.rma_id == RmaRow.id)
            .where(
                RmaRow.number == rma_number,
                RmaLineRow.line_no == line_no,
                InspectionRow.unit_no == unit,
                WeightReadingRow.captured.is_(True),
            )
        ).one()
        return grams, source, read_at


def events_of(station: Station, event_type: str) -> list[tuple[str | None, dict]]:
    """The events of one type as (RMA number, payload), in order."""
    with station.units.read() as uow:
        rows = uow.session.execute(
            select(AuditEventRow.rma_number, AuditEventRow.payload)
            .where(AuditEventRow.event_type == event_type)
            .order_by(AuditEventRow.sequence)
        )
        return [(rma, json.loads(payload)) for rma, payload in rows]


def check_in_race_process(database_url, settings_path, raw, station_id, barrier, results) -> None:
    """A dock station scanning one label at the same moment as the others: reports whether it found the
    parcel already checked in."""
    built = bootstrap(database_url, prepare=False, settings_path=settings_path)
    try:
        scan = parse_scan(raw)
        barrier.wait(timeout=60)
        results.put(built.check_in.check_in(scan, user="receiver", station=station_id).already_checked_in)
    except Exception as error:  # reported, so that the test shows it instead of hanging
        results.put(f"{type(error).__name__}: {error}")
    finally:
        built.close()
