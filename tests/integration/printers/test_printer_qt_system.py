"""The Qt printing path, checked by printing to a PDF file through QPrinter."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, letter
from reportlab.pdfgen import canvas

from receiving_app.devices.printers import PrintError, qt_system
from receiving_app.devices.printers.qt_system import (
    QtSystemPrinter,
    list_system_printers,
)
from receiving_app.devices.printers.raster import rasterize_pdf

BLACK = 0
WHITE = 255


@pytest.fixture(autouse=True)
def qt_application(qapp):
    """pytest-qt's QApplication first, so that the printer finds one and makes none of its own."""
    return qapp


def test_a_real_pdf_prints_to_a_pdf_file_with_the_same_pages(tmp_path, make_pdf, make_job) -> None:
    output = tmp_path / "printed.pdf"
    QtSystemPrinter(f"pdf:{output}").print_job(make_job(make_pdf(pages=2, width_in=4, height_in=3)))

    assert output.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(output)
    assert len(reader.pages) == 2
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(288, abs=1)
        assert float(page.mediabox.height) == pytest.approx(216, abs=1)


def test_what_was_printed_is_the_page_not_a_blank(tmp_path, make_pdf, make_job) -> None:
    output = tmp_path / "printed.pdf"
    QtSystemPrinter(pdf_output=output).print_job(make_job(make_pdf()))
    (page,) = rasterize_pdf(output.read_bytes(), dpi=203, width_dots=812)
    assert page.getpixel((100, 100)) == BLACK  # the one-inch square, still top left
    assert page.getpixel((400, 100)) == WHITE


def test_pages_of_different_sizes_keep_their_sizes(tmp_path, make_job) -> None:
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for size in (letter, A4, (A4[1], A4[0])):
        document.setPageSize(size)
        document.drawString(72, 72, "page")
        document.showPage()
    document.save()
    output = tmp_path / "mixed.pdf"
    QtSystemPrinter(pdf_output=output).print_job(make_job(buffer.getvalue()))
    sizes = [
        (round(float(page.mediabox.width)), round(float(page.mediabox.height))) for page in PdfReader(output).pages
    ]
    assert sizes == [(612, 792), (595, 842), (842, 595)]


def test_copies_repeat_the_document_in_a_pdf_file(tmp_path, make_pdf, make_job) -> None:
    output = tmp_path / "copies.pdf"
    QtSystemPrinter(f"pdf:{output}").print_job(make_job(make_pdf(pages=2), copies=2))
    assert len(PdfReader(output).pages) == 4


def test_an_unknown_printer_is_a_print_error(make_job) -> None:
    with pytest.raises(PrintError, match="No printer named 'Nowhere 9000' on this computer"):
        QtSystemPrinter("Nowhere 9000").print_job(make_job())


def test_a_pdf_file_in_a_missing_folder_is_a_print_error(tmp_path, make_job) -> None:
    with pytest.raises(PrintError, match="there is no folder"):
        QtSystemPrinter(pdf_output=tmp_path / "missing" / "out.pdf").print_job(make_job())


class StubPrinterInfo:
    @staticmethod
    def availablePrinterNames() -> list[str]:
        return ["zebra", "Office", "Brother"]

    @staticmethod
    def defaultPrinterName() -> str:
        return "Office"


def test_the_system_printers_are_listed_default_first(monkeypatch) -> None:
    monkeypatch.setattr(qt_system, "QPrinterInfo", StubPrinterInfo)
    assert list_system_printers() == ["Office", "Brother", "zebra"]


def test_printing_without_a_window_makes_its_own_offscreen_application(tmp_path, make_pdf) -> None:
    """The command line has no QApplication; QPrinter would abort the process without one."""
    source = tmp_path / "in.pdf"
    source.write_bytes(make_pdf(pages=3))
    output = tmp_path / "out.pdf"
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from receiving_app.devices.printers import PrintJob\n"
        "from receiving_app.devices.printers.qt_system import QtSystemPrinter\n"
        "job = PrintJob(Path(sys.argv[1]).read_bytes(), 'CM-1', 'credit_memo', 'Credit memo CM-1')\n"
        "QtSystemPrinter(pdf_output=sys.argv[2]).print_job(job)\n"
    )
    environment = {
        key: value for key, value in os.environ.items() if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    completed = subprocess.run(
        [sys.executable, "-c", script, str(source), str(output)],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert len(PdfReader(output).pages) == 3
