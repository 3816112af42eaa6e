"""Parcels checked in at the dock: one scan a parcel, whatever label it carries; a second scan, from any
station and at the same moment too, says who checked it in and records nothing; a parcel the bench opens
first arrives then. And a tracking number opens its RMA as the RMA's number does."""

from __future__ import annotations

import multiprocessing

import pytest

from receiving_app.domain.scan import parse_scan
from receiving_app.persistence.parcel_records import ParcelRecords
from receiving_app.services.check_in import NotAParcelLabel
from receiving_app.services.rma_opening import ScanProblem, UnidentifiedReturnScanned
from tests.support.parcels import (
    FEDEX_EXPRESS,
    FEDEX_GROUND,
    GS,
    UPS,
    UPS_OTHER,
    USPS,
    USPS_S10,
    USPS_ZIP5,
    add_rmas_with_tracking,
    check_in_race_process,
    events_of,
    parcel_records,
    parcels,
)
from tests.support.pdf import decode_code128, one_line, pdf_text, rasterize_page
from tests.support.warehouse import Line, Rma

ZIP, USPS_ROUTED = USPS_ZIP5

# A cart as it comes off the truck: the scan as the scanner sends it, and what the parcel is recorded as.
CART = [
    ("RA0000701", ("RA0000701", "rma", None, "RA0000701")),
    (f"]C0{UPS}", (UPS, "tracking", "ups", "RA0000702")),
    (USPS, (USPS, "tracking", "usps", "RA0000703")),
    (FEDEX_EXPRESS, (FEDEX_EXPRESS, "tracking", "fedex", None)),
    ("1071804952390002087800925989385163", ("925989385163", "tracking", "fedex", None)),  # FedEx's 34 digits
    ("9611020987654312345672", ("987654312345672", "tracking", "fedex", None)),  # FedEx Ground "96" barcode
    (FEDEX_GROUND, (FEDEX_GROUND, "tracking", "fedex", None)),
    (f"]C1420{ZIP}{GS}{USPS_ROUTED}", (USPS_ROUTED, "tracking", "usps", None)),  # GS1-128 with its ZIP
    ("420100233424" + "9200190132607600833457", ("9200190132607600833457", "tracking", "usps", None)),  # ZIP+4
    (f"(420){ZIP}(91){USPS_ROUTED[2:]}", None),  # the same USPS parcel, read in its human-readable form
    (USPS_S10, (USPS_S10, "tracking", "usps", None)),
    ("RETURN TO SENDER 4471", ("RETURN TO SENDER 4471", "unknown", None, None)),
]


@pytest.fixture
def rmas(station, tmp_path) -> int:
    """Three RMAs, with tracking numbers on two; returns how many parcels the demo data had checked in."""
    add_rmas_with_tracking(
        station,
        tmp_path,
        (Rma("RA0000701", lines=(Line(), Line(sku="TN-660", reason="not_needed"))), ""),
        (Rma("RA0000702", account="C90002"), UPS),
        (Rma("RA0000703", account="C90003"), f"{USPS}; {UPS_OTHER}"),
    )
    return len(parcels(station))


def new_parcels(station, before: int):
    return parcels(station)[before:]


def check_in(station, raw: str, where: str = "dock-1"):
    return station.check_in.check_in(parse_scan(raw), user="receiver", station=where)


def test_a_mixed_cart_records_each_parcel_once_by_the_label_it_carries(station, rmas) -> None:
    outcomes = [check_in(station, raw) for raw, _ in CART]

    assert [outcome.already_checked_in for outcome in outcomes] == [expected is None for _, expected in CART]
    assert new_parcels(station, rmas) == [(*expected, "dock") for _, expected in CART if expected is not None]
    said = {outcome.label: outcome.message for outcome in outcomes}
    assert said["RA0000701"] == "RA0000701 arrived: 2 lines."
    assert said[UPS] == "UPS 1Z 999 AA1 01 2345 6784 arrived: RA0000702."
    assert said[FEDEX_EXPRESS] == "FedEx 0123 4567 8983 matches no RMA: put it on the unidentified shelf and record it."
    assert said["RETURN TO SENDER 4471"].endswith("put it on the unidentified shelf and record it.")
    assert said[USPS_ROUTED].startswith("USPS 9101 0268 3733 1000 0395 21 was already checked in on ")
    arrived = events_of(station, "parcel_checked_in")[-len(new_parcels(station, rmas)) :]
    assert all("RETURN TO SENDER" not in str(payload) for _, payload in arrived)  # an unknown label's text stays out
    assert arrived[1] == (
        "RA0000702",
        {"label_kind": "tracking", "carrier": "ups", "tracking_number": UPS, "checked_in_at": "dock"},
    )


def test_a_second_scan_says_who_checked_it_in_and_records_nothing(station, rmas) -> None:
    for raw, _ in CART:
        check_in(station, raw)
    before = parcel_records(station)

    again = [check_in(station, raw, where="dock-2") for raw, _ in CART]

    assert all(outcome.already_checked_in for outcome in again)
    assert parcel_records(station) == before
    first = again[0]
    assert (first.kind, first.rma, first.arrived_by, first.station, first.checked_in_at) == (
        "rma",
        "RA0000701",
        "receiver",
        "dock-1",
        "dock",
    )
    assert first.message.startswith("RA0000701 was already checked in on ")
    assert first.message.endswith(" by receiver at dock-1.")


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("036000291452", "UPC 036000291452 is a product's barcode"),
        (f"]C1420{ZIP}", "ZIP Code routing barcode"),
        ("LP00000007", "LP00000007 is a license plate"),
    ],
)
def test_a_scan_that_names_no_parcel_is_refused_and_records_nothing(station, rmas, raw, problem) -> None:
    before = parcel_records(station)
    with pytest.raises(NotAParcelLabel, match=problem):
        check_in(station, raw)
    assert parcel_records(station) == before


def test_a_check_in_that_loses_the_race_for_its_label_answers_with_the_winners_arrival(
    station, rmas, monkeypatch
) -> None:
    check_in(station, "RA0000701", where="dock-1")
    # The other station's row is committed between this one's read and its insert.
    monkeypatch.setattr(ParcelRecords, "parcel", _not_seen_the_first_time(ParcelRecords.parcel))
    before = parcel_records(station)

    outcome = check_in(station, "RA0000701", where="dock-2")

    assert (outcome.already_checked_in, outcome.station) == (True, "dock-1")
    assert parcel_records(station) == before


def _not_seen_the_first_time(read):
    calls = []

    def reading(records, label):
        calls.append(label)
        return None if len(calls) == 1 else read(records, label)

    return reading


def test_stations_checking_one_label_in_at_once_record_one_parcel(station, rmas, tmp_path) -> None:
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(4), context.Queue()
    processes = [
        context.Process(
            target=check_in_race_process,
            args=(station.database_url, tmp_path / "settings.json", UPS, f"dock-{n}", barrier, queue),
        )
        for n in range(4)
    ]
    for process in processes:
        process.start()
    results = [queue.get(timeout=180) for _ in processes]
    for process in processes:
        process.join(timeout=60)

    assert sorted(results, key=str) == [False, True, True, True], results
    assert new_parcels(station, rmas) == [(UPS, "tracking", "ups", "RA0000702", "dock")]
    assert events_of(station, "parcel_checked_in")[-1][0] == "RA0000702"
    assert sum(rma == "RA0000702" for rma, _ in events_of(station, "parcel_checked_in")) == 1
    assert station.history.verify_audit_chain().first_break is None


def test_the_bench_opening_an_rma_nobody_checked_in_records_its_arrival_once(station, rmas) -> None:
    scan = parse_scan(UPS)
    rma, _ = station.rma_opening.look_up_scan(scan, user="receiver", station="bench-1")
    station.rma_opening.record_opened(rma.number, user="receiver", station="bench-1", scanned=scan)
    station.rma_opening.record_opened(rma.number, user="receiver", station="bench-1", scanned=scan)
    station.rma_opening.record_opened("RA0000701", user="receiver", station="bench-1")

    assert new_parcels(station, rmas) == [
        (UPS, "tracking", "ups", "RA0000702", "bench"),
        ("RA0000701", "rma", None, "RA0000701", "bench"),
    ]
    assert events_of(station, "rma_opened")[-3] == (
        "RA0000702",
        {"scanned": "RA0000702", "tracking_number": UPS},
    )
    assert check_in(station, UPS).message.endswith("at bench-1 when the bench opened it.")


def test_an_rma_checked_in_at_the_dock_arrives_nothing_more_when_the_bench_opens_it(station, rmas) -> None:
    check_in(station, f"]C0{UPS}")
    station.rma_opening.record_opened("RA0000702", user="receiver", station="bench-1")
    assert station.check_in.record_bench_arrival("RA0000702", UPS, user="receiver", station="bench-1") is False
    assert new_parcels(station, rmas) == [(UPS, "tracking", "ups", "RA0000702", "dock")]


def test_a_tracking_number_opens_its_rma_as_its_number_does(station, rmas) -> None:
    by_tracking, _ = station.rma_opening.look_up_scan(parse_scan(UPS_OTHER), user="receiver", station="bench-1")
    by_number, _ = station.rma_opening.look_up_scan(parse_scan("RA0000703"), user="receiver", station="bench-1")

    assert by_tracking == by_number
    assert by_tracking.tracking_numbers == (USPS, UPS_OTHER)
    assert station.history.show_rma("1z 5r8 939 03 5756 7127").rma.number == "RA0000703"


def test_a_tracking_number_on_no_rma_says_so_and_what_to_do(station, rmas) -> None:
    with pytest.raises(ScanProblem, match="FedEx 0123 4567 8983 matches no RMA on file: check the parcel in"):
        station.rma_opening.look_up_scan(parse_scan(FEDEX_EXPRESS), user="receiver", station="bench-1")


def test_the_plate_of_an_unidentified_return_names_it_instead_of_an_rma(station, rmas) -> None:
    unknown_scans = events_of(station, "scan_unknown_rma")
    recorded = station.unidentified.record(
        tracking_or_label=FEDEX_EXPRESS,
        sender="",
        notes="",
        found_with_rma=None,
        place=None,
        user="receiver",
        station="bench-1",
    )
    for scanned, named in ((recorded.lpn, recorded.lpn), (FEDEX_EXPRESS, "FedEx 0123 4567 8983")):
        with pytest.raises(UnidentifiedReturnScanned) as answered:
            station.rma_opening.look_up_scan(parse_scan(scanned), user="receiver", station="bench-1")
        assert str(answered.value) == (
            f"{named} is unidentified return {recorded.number} (open): it waits to be matched by the back office."
        )
        assert (answered.value.number, answered.value.lpn) == (recorded.number, recorded.lpn)
    assert events_of(station, "scan_unknown_rma") == unknown_scans


def test_the_plate_of_an_unidentified_return_prints_where_it_waits_and_reads_back(station, rmas, tmp_path) -> None:
    recorded = station.unidentified.record(
        tracking_or_label=FEDEX_EXPRESS,
        sender="",
        notes="",
        found_with_rma=None,
        place="Quarantine shelf Q-2",
        user="receiver",
        station="bench-1",
    )
    folder = tmp_path / "plates"
    label = station.printing.print_license_plate(
        recorded.lpn, lambda _kind: {"backend": "folder", "folder": str(folder)}, user="receiver", station="bench-1"
    )
    assert label.saved_to_folder and not label.problem
    (pdf_file,) = folder.glob("*.pdf")
    pdf = pdf_file.read_bytes()
    text = one_line(pdf_text(pdf))
    assert "Quarantine: no RMA" in text and "Container: Quarantine shelf Q-2" in text
    assert f"Unidentified return {recorded.number}" in text and "0 of 0 items weighed" in text
    assert decode_code128(rasterize_page(pdf)) == [recorded.lpn]
