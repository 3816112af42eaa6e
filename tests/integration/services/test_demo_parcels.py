"""The demo warehouse's parcels: every RMA's tracking number valid, unique and of a carrier the station
reads; about a quarter of the RMAs checked in at the dock, each with its event; a few RMAs long
authorized and not arrived; three returns without an RMA numbered from the station's own counters;
and all of it the same for the same seed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.scan import parse_scan
from receiving_app.domain.tracking import tracking_number_from_text, tracking_number_in
from receiving_app.locations import resources_dir
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.document_tables import DocumentCounterRow
from receiving_app.persistence.parcel_tables import ParcelRow, TrackingNumberRow, UnidentifiedReturnRow
from receiving_app.persistence.rma_tables import RmaRow
from receiving_app.services.aging import AgingService
from receiving_app.services.check_in import CheckInService
from receiving_app.services.demo import fill_demo
from receiving_app.services.station import Station
from tests.support.bench_day import BenchClock
from tests.support.invariants import assert_records_are_whole

NOW = datetime(2026, 3, 16, 15, 0, tzinfo=UTC)
TODAY = date(2026, 3, 16)
RMAS = 200


def demo(folder, seed: int = 1, rmas: int = RMAS) -> Station:
    station = bootstrap(f"sqlite:///{folder / f'demo-{seed}-{rmas}.sqlite3'}", settings_path=folder / "settings.json")
    station.units.clock = BenchClock(NOW)
    fill_demo(station.units, resources_dir() / "demo" / "catalog.csv", rmas=rmas, seed=seed, today=TODAY)
    return station


@pytest.fixture
def station(tmp_path) -> Iterator[Station]:
    built = demo(tmp_path)
    yield built
    built.close()


def rows(station: Station, query):
    with station.units.read() as uow:
        return uow.session.execute(query).all()


def test_every_rma_has_one_valid_tracking_number_of_its_own(station) -> None:
    tracking = rows(
        station,
        select(TrackingNumberRow.number, TrackingNumberRow.carrier, TrackingNumberRow.rma_id, TrackingNumberRow.source),
    )

    assert len(tracking) == RMAS and len({row.rma_id for row in tracking}) == RMAS
    assert len({row.number for row in tracking}) == RMAS
    assert {row.source for row in tracking} == {"import"}
    for row in tracking:
        read = tracking_number_from_text(row.number)
        assert read is not None and (read.number, read.carrier.value) == (row.number, row.carrier)
        # Scanned from a label as well as typed: a FedEx number never reads as a product's barcode.
        assert tracking_number_in(parse_scan(row.number)) == read
    carriers = Counter(row.carrier for row in tracking)
    assert set(carriers) == {"ups", "fedex", "usps"} and min(carriers.values()) >= RMAS // 10
    assert {len(row.number) for row in tracking if row.carrier == "fedex"} == {12}
    assert {len(row.number) for row in tracking if row.carrier == "usps"} == {22}
    assert all(row.number.startswith("1Z") for row in tracking if row.carrier == "ups")


def test_about_a_quarter_of_the_rmas_were_checked_in_at_the_dock_by_their_tracking_label(station) -> None:
    parcels = rows(
        station,
        select(
            ParcelRow.label,
            ParcelRow.label_kind,
            ParcelRow.checked_in_at,
            ParcelRow.arrived_at,
            RmaRow.number,
            RmaRow.reported_on,
            TrackingNumberRow.number.label("tracking"),
        )
        .join(RmaRow, ParcelRow.rma_id == RmaRow.id)
        .join(TrackingNumberRow, TrackingNumberRow.rma_id == RmaRow.id),
    )

    assert RMAS * 0.15 <= len(parcels) <= RMAS * 0.35
    for parcel in parcels:
        assert (parcel.label, parcel.label_kind, parcel.checked_in_at) == (parcel.tracking, "tracking", "dock")
        assert parcel.reported_on < parcel.arrived_at.date() and parcel.arrived_at < NOW
    events = rows(station, select(AuditEventRow.rma_number).where(AuditEventRow.event_type == "parcel_checked_in"))
    assert sorted(event.rma_number for event in events if event.rma_number) == sorted(row.number for row in parcels)

    # A second scan of one of them at the dock records nothing and says who checked it in.
    again = CheckInService(station.units).check_in(parse_scan(parcels[0].tracking), user="receiver", station="dock-2")
    assert (again.already_checked_in, again.rma, again.station) == (True, parcels[0].number, "dock-1")
    # The time it names is on the station's clock, wherever the computer's is set.
    pacific = ZoneInfo("America/Los_Angeles")
    there = CheckInService(station.units, zone=pacific).check_in(
        parse_scan(parcels[0].tracking), user="receiver", station="dock-2"
    )
    assert f"already checked in on {parcels[0].arrived_at.astimezone(pacific):%Y-%m-%d %H:%M} by" in there.message


def test_a_few_rmas_were_authorized_over_40_days_ago_and_nothing_came(station) -> None:
    aging = AgingService(station.units, station.policies, zone=UTC).aging(NOW)

    late = aging.not_arrived.rows
    assert 3 <= len(late) <= 9 and aging.not_arrived.count == len(late)
    assert all((TODAY - row.since).days > 40 for row in late)
    assert len({row.policy for row in late}) >= 3  # not all of one seller
    assert 1 <= aging.not_inspected.count <= 30  # and a few parcels waited past the bench's 48 hours
    assert all(row.age > timedelta(hours=48) for row in aging.not_inspected.rows)


def test_three_returns_came_without_an_rma_numbered_from_the_stations_counters(station) -> None:
    with station.units.read() as uow:
        returns = uow.session.execute(select(UnidentifiedReturnRow).order_by(UnidentifiedReturnRow.sequence)).scalars()
        made = [
            (row.number, row.lpn, row.status, len(row.items), [item.grams is not None for item in row.items])
            for row in returns
        ]
        ages = [NOW - row.recorded_at for row in uow.session.execute(select(UnidentifiedReturnRow)).scalars()]
        counters = dict(
            uow.session.execute(select(DocumentCounterRow.document_type, DocumentCounterRow.last_number)).all()
        )

    assert made == [
        ("UR-000001", "LP00000001", "open", 0, []),
        ("UR-000002", "LP00000002", "open", 2, [True, True]),
        ("UR-000003", "LP00000003", "rejected", 0, []),
    ]
    assert ages[0] > timedelta(days=7) > ages[1]
    assert (counters["unidentified_return"], counters["license_plate"]) == (3, 3)
    events = Counter(
        event.event_type
        for event in rows(
            station, select(AuditEventRow.event_type).where(AuditEventRow.event_type.like("unidentified%"))
        )
    )
    assert events == {"unidentified_recorded": 3, "unidentified_item_added": 2, "unidentified_rejected": 1}
    aging = AgingService(station.units, station.policies, zone=UTC).aging(NOW)
    assert [(row.number, row.place) for row in aging.unidentified.rows] == [("UR-000001", "Quarantine shelf Q-1")]
    assert_records_are_whole(station)  # the plates and returns leave no gap in their counters


def test_the_same_seed_gives_the_same_parcels_and_another_seed_others(tmp_path) -> None:
    def parcels_of(seed: int, folder) -> tuple[list, list]:
        folder.mkdir()
        built = demo(folder, seed)
        try:
            tracking = rows(built, select(TrackingNumberRow.number).order_by(TrackingNumberRow.rma_id))
            arrived = rows(built, select(ParcelRow.label, ParcelRow.arrived_at).order_by(ParcelRow.label))
            return [row.number for row in tracking], [tuple(row) for row in arrived]
        finally:
            built.close()

    first = parcels_of(1, tmp_path / "first")
    assert parcels_of(1, tmp_path / "again") == first
    assert parcels_of(2, tmp_path / "other")[0] != first[0]


def test_a_demo_without_rmas_has_no_parcels_and_no_returns(tmp_path) -> None:
    built = demo(tmp_path, rmas=0)
    try:
        assert rows(built, select(ParcelRow.id)) == rows(built, select(UnidentifiedReturnRow.id)) == []
    finally:
        built.close()
