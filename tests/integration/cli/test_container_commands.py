"""`receiving-app container ...` from the shell: open a tote for a route, put units in by their license
plates, and closing it prints a manifest whose barcode and counts read back. The commands run in this
process on a copy of one demo database in which two units were received; every printer is a folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from tests.support.pdf import decode_code128, rasterize_page, reading_text
from tests.support.receiving import receive
from tests.support.signing_in import DEMO_SECRETS, run_in_process
from tests.support.warehouse import Line, Rma, add_rmas

PLATES = ["LP00000001", "LP00000002"]


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    """Two TN-660 received sealed and full: two plates for a new-stock tote."""
    folder = tmp_path_factory.mktemp("template")
    station = bootstrap(f"sqlite:///{folder / 'station.sqlite3'}")
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas(station, folder, Rma("RA0000401", lines=(Line(sku="TN-660", reason="not_needed", quantity=2),)))
        plates = [receive(station, "RA0000401", 1, unit=unit).decision.license_plate for unit in (1, 2)]
        assert plates == PLATES
    finally:
        station.close()
    return folder / "station.sqlite3"


def run(database: Path, *argv: str, monkeypatch, capsys, user: str = "receiver"):
    arguments = ["--db", f"sqlite:///{database}", *argv]
    if argv[1] not in ("list", "show"):
        arguments += ["--user", user]
    return run_in_process(arguments, monkeypatch=monkeypatch, capsys=capsys, secret=DEMO_SECRETS[user])


def test_a_tote_filled_by_plates_and_closed_prints_a_manifest_that_counts_them(
    database, home, monkeypatch, capsys
) -> None:
    opened = run(database, "container", "open", "restock_new", "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert opened.code == 0, opened.stderr
    code = json.loads(opened.stdout)["code"]
    for plate in PLATES:
        placed = run(database, "container", "place", plate, code, monkeypatch=monkeypatch, capsys=capsys)
        assert (placed.code, placed.stdout) == (0, f"{plate} is in {code}\n")

    closed = run(database, "container", "close", code, monkeypatch=monkeypatch, capsys=capsys)

    printed = home / "xdg_data_home" / "receiving-app" / "printed"
    assert closed.code == 0, closed.stderr
    assert closed.stdout == f"{code} closed with 2 units. Manifest {code} saved to folder {printed}.\n"
    manifest = (printed / f"{code}.pdf").read_bytes()
    assert decode_code128(rasterize_page(manifest, dpi=203))[0] == code
    text = reading_text(manifest)
    assert "TN-660" in text and "LP00000001" in text and "LP00000002" in text
    shown = run(database, "container", "show", code, "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert json.loads(shown.stdout) | {"weight_kg": None} == {
        "code": code,
        "kind": "stock_tote",
        "kind_label": "Stock tote",
        "route": "restock_new",
        "route_label": "Back to stock, new",
        "status": "closed",
        "units": 2,
        "weight_kg": None,
        "max_units": 40,
        "max_kg": "25",
        "closed_because": "closed by hand",
    }


def test_a_plate_scanned_into_another_routes_container_is_refused_in_one_line(database, monkeypatch, capsys) -> None:
    opened = run(database, "container", "open", "scrap", "--json", monkeypatch=monkeypatch, capsys=capsys)
    code = json.loads(opened.stdout)["code"]

    refused = run(database, "container", "place", PLATES[0], code, monkeypatch=monkeypatch, capsys=capsys)

    assert (refused.code, refused.stdout) == (3, "")
    assert refused.stderr == f"refused: {PLATES[0]} goes to Back to stock, new, not into {code} (Scrap).\n"
