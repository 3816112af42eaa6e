"""What the station says a document went through: "printed" only where a printer took it, "saved to
folder" where a folder printer only wrote a file."""

from __future__ import annotations

import pytest

from receiving_app.bootstrap import load_shipped_routing
from receiving_app.devices.printers import FakePrinter
from receiving_app.services.printing import PrintingService
from tests.support.receiving import receive
from tests.support.warehouse import Rma, add_rmas

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_a_folder_printer_saves_and_a_printer_prints(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000901"))
    memo = receive(station, "RA0000901", 1).decision.documents[0].number
    folder = tmp_path / "office"

    saved = station.printing.print_document(
        memo, {"backend": "folder", "folder": str(folder)}, user="receiver", station="bench-1"
    )
    printer = FakePrinter("Bench laser")
    printed = PrintingService(
        station.units, station.issuer, lambda settings: printer, load_shipped_routing()
    ).print_document(memo, {"backend": "fake"}, user="receiver", station="bench-1")

    assert (saved.printed, saved.done_words) == (True, "saved to folder")
    assert (folder / f"{memo}.pdf").exists()
    assert (printed.printed, printed.done_words) == (True, "printed")
    assert printer.printed_numbers == [memo]
