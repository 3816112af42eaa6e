"""`receiving-app print LP...`: a decided unit's license plate label on a printer, as the bench sends it.

The command runs in this process on a copy of one demo database in which one unit was received; the
printers are a folder and a ZPL printer's raw port on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.domain.facts import Condition, Flags
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.commands import ReceiveLine
from tests.support.pdf import decode_code128, rasterize_page, reading_text
from tests.support.signing_in import DEMO_SECRETS, run_in_process
from tests.support.thermal import zpl_labels

PLATE = "LP00000004"  # the demo's three returns without an RMA carry the first three plates


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    """A demo database in which the first open line's first unit was received sealed and full."""
    database = tmp_path_factory.mktemp("template") / "station.sqlite3"
    station = bootstrap(f"sqlite:///{database}")
    try:
        fill_demo_data(station, rmas=3, seed=7)
        rma = station.history.list_rmas()[0]
        line = rma.lines[0]
        full = WeightCapture(line.full_g, "g", line.full_g, True, "manual")
        received = station.receiving.receive(
            ReceiveLine(
                rma.number,
                line.line,
                "receiver",
                "bench-1",
                condition=Condition.as_sold(),
                flags=Flags.as_sold(),
                weight=full,
                virgin=False,
            )
        )
        assert received.decision.license_plate == PLATE
    finally:
        station.close()
    return database


def print_command(database: Path, number: str, *options: str, monkeypatch, capsys):
    argv = ["--db", f"sqlite:///{database}", "print", number, "--user", "receiver", *options]
    return run_in_process(argv, monkeypatch=monkeypatch, capsys=capsys, secret=DEMO_SECRETS["receiver"])


def plate_events(database: Path) -> list[tuple[str, dict]]:
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT event_type, payload FROM audit_events"
            " WHERE event_type LIKE 'license_plate_print%' ORDER BY sequence"
        ).fetchall()
    return [(kind, json.loads(payload)) for kind, payload in rows]


def test_a_plate_printed_to_a_folder_reads_its_number_and_where_the_unit_goes(
    database, tmp_path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "printed"

    outcome = print_command(
        database, PLATE.lower(), "--printer", f"folder:{folder}", monkeypatch=monkeypatch, capsys=capsys
    )

    assert (outcome.code, outcome.stderr) == (0, "")
    assert outcome.stdout == f"License plate {PLATE} saved to folder {folder}.\n"
    pdf = (folder / f"{PLATE}.pdf").read_bytes()
    assert decode_code128(rasterize_page(pdf, dpi=203)) == [PLATE]
    text = reading_text(pdf)
    assert "Container: not placed yet" in text and "line 1 unit 1" in text
    [(kind, payload)] = plate_events(database)
    assert (kind, payload["lpn"], payload["problem"]) == ("license_plate_printed", PLATE, "")


def test_a_plate_sent_to_a_zpl_printer_is_a_4x6_label_whose_barcode_reads_the_plate(
    database, raw_port_server, monkeypatch, capsys
) -> None:
    outcome = print_command(
        database, PLATE, "--printer", f"zpl:127.0.0.1:{raw_port_server.port}", monkeypatch=monkeypatch, capsys=capsys
    )

    assert outcome.code == 0, outcome.stderr
    [label] = zpl_labels(raw_port_server.received().decode("ascii"))
    assert (label.print_width, label.label_length) == (812, 1218)
    assert decode_code128(label.image) == [PLATE]


def test_a_plate_printer_that_refuses_fails_in_one_line_and_the_failure_is_recorded(
    database, closed_port, monkeypatch, capsys
) -> None:
    outcome = print_command(
        database, PLATE, "--printer", f"zpl:127.0.0.1:{closed_port}", monkeypatch=monkeypatch, capsys=capsys
    )

    assert (outcome.code, outcome.stdout) == (1, "")
    assert outcome.stderr.startswith(f"failed: the license plate {PLATE} did not print: ")
    [(kind, payload)] = plate_events(database)
    assert kind == "license_plate_print_failed" and "refused the connection" in payload["problem"]
