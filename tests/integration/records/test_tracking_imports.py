"""RMAs imported with the tracking numbers of their return parcels: each one checked by its carrier's form
and check digit, and naming one RMA only; `rma show TRACKING_NUMBER --json` opens the RMA it names."""

from __future__ import annotations

import pytest

from receiving_app.services.errors import NotFound
from receiving_app.services.importing import ImportOptions, ImportRejected, import_rmas
from tests.support.cli import run_cli
from tests.support.parcels import (
    FEDEX_EXPRESS,
    UPS,
    UPS_OTHER,
    USPS,
    USPS_S10,
    add_rmas_with_tracking,
    tracked_rma_file,
    tracking_rows,
)
from tests.support.warehouse import Line, Rma


def tracking_of(station, number: str) -> tuple[str, ...]:
    return station.history.show_rma(number).rma.tracking_numbers


def test_tracking_numbers_are_read_however_a_cell_parts_them_and_kept_in_order(station, tmp_path) -> None:
    add_rmas_with_tracking(
        station,
        tmp_path,
        (Rma("RA0000801"), f"{UPS} {USPS}"),
        (Rma("RA0000802"), f"1z 5r8 939 03 5756 7127; {FEDEX_EXPRESS},{USPS_S10}"),
        (Rma("RA0000803", lines=(Line(), Line(sku="TN-660"))), ""),
    )

    assert tracking_of(station, "RA0000801") == (UPS, USPS)
    assert tracking_of(station, "RA0000802") == (UPS_OTHER, FEDEX_EXPRESS, USPS_S10)
    assert tracking_of(station, "RA0000803") == ()
    assert tracking_rows(station)[-1] == (USPS_S10, "usps", "RA0000802", "import", "admin")


def test_a_bad_tracking_number_is_a_problem_of_its_row_and_nothing_is_imported(station, tmp_path) -> None:
    path = tracked_rma_file(
        tmp_path,
        (Rma("RA0000811"), UPS),
        (Rma("RA0000812"), "1Z999AA10123456785"),  # row 3: its check digit is off
        (Rma("RA0000813"), f"{USPS}, RMA-100004"),  # row 4: not a carrier's number
    )

    with pytest.raises(ImportRejected) as rejected:
        import_rmas(station.units, path, user="admin", station="test")

    assert rejected.value.problems == [
        "row 3: tracking_numbers '1Z999AA10123456785' is not a UPS, FedEx or USPS tracking number "
        "(form or check digit)",
        "row 4: tracking_numbers 'RMA-100004' is not a UPS, FedEx or USPS tracking number (form or check digit)",
    ]
    with pytest.raises(NotFound, match="No RMA numbered RA0000811"):
        station.history.show_rma("RA0000811")


def test_a_tracking_number_names_one_rma_in_the_file_and_on_file(station, tmp_path) -> None:
    add_rmas_with_tracking(station, tmp_path, (Rma("RA0000821"), UPS))
    path = tracked_rma_file(
        tmp_path,
        (Rma("RA0000822"), FEDEX_EXPRESS),
        (Rma("RA0000823"), f"{USPS} {FEDEX_EXPRESS}"),  # row 3: given for RA0000822 in row 2
        (Rma("RA0000824"), UPS),  # row 4: already on RA0000821
    )

    with pytest.raises(ImportRejected) as rejected:
        import_rmas(station.units, path, user="admin", station="test")

    assert rejected.value.problems == [
        f"row 3: tracking number {FEDEX_EXPRESS} is given for RA0000822 in row 2",
        f"row 4: tracking number {UPS} is already on RA0000821",
    ]


def test_a_dry_run_shows_the_tracking_numbers_as_read(station, tmp_path) -> None:
    path = tracked_rma_file(tmp_path, (Rma("RA0000831"), "1Z 999 AA1 01 2345 6784"))
    summary = import_rmas(station.units, path, user="admin", station="test", options=ImportOptions(dry_run=True))
    assert dict(summary.preview[0][1])["tracking_numbers"] == UPS


def test_rma_show_opens_the_rma_by_its_tracking_number(station, tmp_path) -> None:
    add_rmas_with_tracking(station, tmp_path, (Rma("RA0000841"), f"{USPS};{UPS}"), (Rma("RA0000842"), ""))

    shown = run_cli("--db", station.database_url, "rma", "show", "1Z 999 AA1 01 2345 6784", "--json")
    listed = run_cli("--db", station.database_url, "rma", "list", "--json")

    assert shown.code == 0, shown.stderr
    assert (shown.json()["number"], shown.json()["tracking_numbers"]) == ("RA0000841", [USPS, UPS])
    tracking = {rma["number"]: rma["tracking_numbers"] for rma in listed.json()}
    assert (tracking["RA0000841"], tracking["RA0000842"]) == ([USPS, UPS], [])
    unknown = run_cli("--db", station.database_url, "rma", "show", FEDEX_EXPRESS, "--json")
    assert (unknown.code, unknown.stderr) == (2, f"error: No RMA numbered {FEDEX_EXPRESS} is on file.\n")
