"""`receiving-app print RMA_NUMBER`: the RMA's parcel label on a printer, as a script at the dock sends it.

The command runs in this process (``receiving_app.cli.main``) on a copy of one demo database, signed in
as the demo's receiver; the printers are a folder and a ZPL printer's raw port on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.devices.printers import PrintJob
from receiving_app.devices.printers.zpl import ZplPrinter
from tests.support.pdf import decode_code128, rasterize_page
from tests.support.signing_in import DEMO_SECRETS, event_types, run_in_process


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    database = tmp_path_factory.mktemp("template") / "station.sqlite3"
    station = bootstrap(f"sqlite:///{database}")
    try:
        fill_demo_data(station, rmas=3, seed=7)
    finally:
        station.close()
    return database


@pytest.fixture
def rma_number(database) -> str:
    station = bootstrap(f"sqlite:///{database}", prepare=False)
    try:
        return station.history.list_rmas()[0].number
    finally:
        station.close()


def print_command(database: Path, number: str, *options: str, monkeypatch, capsys):
    argv = ["--db", f"sqlite:///{database}", "print", number, "--user", "receiver", *options]
    return run_in_process(argv, monkeypatch=monkeypatch, capsys=capsys, secret=DEMO_SECRETS["receiver"])


def label_events(database: Path) -> list[tuple[str, str, str, dict]]:
    """(type, user, RMA, payload) of every label print recorded."""
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT event_type, user_name, rma_number, payload FROM audit_events"
            " WHERE event_type LIKE 'label_print%' ORDER BY sequence"
        ).fetchall()
    return [(kind, user, rma, json.loads(payload)) for kind, user, rma, payload in rows]


def test_a_label_printed_to_a_folder_is_a_pdf_whose_barcode_reads_the_rma_number(
    database, rma_number, tmp_path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "printed"

    outcome = print_command(
        database, rma_number.lower(), "--printer", f"folder:{folder}", monkeypatch=monkeypatch, capsys=capsys
    )

    assert (outcome.code, outcome.stderr) == (0, "")
    assert outcome.stdout == f"Label for {rma_number} saved to folder {folder}.\n"
    assert [path.name for path in folder.iterdir()] == [f"{rma_number}.pdf"]
    label = rasterize_page((folder / f"{rma_number}.pdf").read_bytes(), dpi=203)
    assert decode_code128(label) == [rma_number]


def test_printing_a_label_is_recorded_on_the_rmas_audit_trail(
    database, rma_number, tmp_path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "printed"

    print_command(database, rma_number, "--printer", f"folder:{folder}", monkeypatch=monkeypatch, capsys=capsys)

    [(kind, user, rma, payload)] = label_events(database)
    assert (kind, user, rma) == ("label_printed", "receiver", rma_number)
    assert payload == {"printer": f"backend=folder, folder={folder}", "problem": ""}


def test_a_label_without_printer_option_goes_to_the_printer_set_for_rma_labels(
    database, rma_number, home, monkeypatch, capsys
) -> None:
    outcome = print_command(database, rma_number, monkeypatch=monkeypatch, capsys=capsys)

    # This station has no printer set: the house's folder, under the user's data folder, takes it.
    printed = home / "xdg_data_home" / "receiving-app" / "printed"
    assert outcome.code == 0, outcome.stderr
    assert outcome.stdout == f"Label for {rma_number} saved to folder {printed}.\n"
    assert (printed / f"{rma_number}.pdf").is_file()
    (printed / f"{rma_number}.pdf").unlink()  # the folder is the module's, not this test's


def test_a_label_sent_to_a_zpl_printer_arrives_over_its_raw_port_as_that_label(
    database, rma_number, raw_port_server, monkeypatch, capsys
) -> None:
    outcome = print_command(
        database,
        rma_number,
        "--printer",
        f"zpl:127.0.0.1:{raw_port_server.port}",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )

    assert outcome.code == 0, outcome.stderr
    received = raw_port_server.received()
    station = bootstrap(f"sqlite:///{database}", prepare=False)
    try:
        pdf = station.history.rma_label(rma_number, station=station.settings.station_id)
    finally:
        station.close()
    printer = ZplPrinter("127.0.0.1", raw_port_server.port)
    assert outcome.stdout == f"Label for {rma_number} sent to {printer.describe()}.\n"
    assert printer.describe().startswith(f"ZPL label printer at 127.0.0.1:{raw_port_server.port}")
    expected = printer.render(PrintJob(pdf=pdf, document_number=rma_number, document_type="rma_label", title="label"))
    assert received == expected.encode("ascii")
    assert received.startswith(b"^XA") and b"^GFA" in received and received.endswith(b"^XZ")


def test_a_printer_that_refuses_fails_in_one_line_and_the_failure_is_recorded(
    database, rma_number, closed_port, monkeypatch, capsys
) -> None:
    outcome = print_command(
        database, rma_number, "--printer", f"zpl:127.0.0.1:{closed_port}", monkeypatch=monkeypatch, capsys=capsys
    )

    assert (outcome.code, outcome.stdout) == (1, "")
    assert len(outcome.stderr.splitlines()) == 1
    assert outcome.stderr.startswith(f"failed: the label for {rma_number} did not print: Label printer 127.0.0.1:")
    [(kind, user, rma, payload)] = label_events(database)
    assert (kind, user, rma) == ("label_print_failed", "receiver", rma_number)
    assert "refused the connection" in payload["problem"]


def test_an_unknown_number_is_refused_in_one_line_and_nothing_is_printed(
    database, tmp_path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "printed"
    before = event_types(database)

    outcome = print_command(
        database, "RA0999999", "--printer", f"folder:{folder}", monkeypatch=monkeypatch, capsys=capsys
    )

    assert (outcome.code, outcome.stdout) == (2, "")
    assert outcome.stderr == "error: No document or RMA numbered RA0999999 is on file.\n"
    assert not folder.exists()
    assert event_types(database)[len(before) :] == ["signed_in"]
