"""The printer for one kind of document: its backend, that backend's fields, and a Test print.

Built in code, one per document type, because the rows are the same widget repeated; the fields
shown change with the backend chosen. A test print is a one-page PDF the size of the real
document, sent through exactly the printer the fields describe, in the background.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from receiving_app.devices.printers import PrintJob
from receiving_app.devices.printers.qt_system import list_system_printers
from receiving_app.devices.printers.settings import printer_from_settings
from receiving_app.domain.media import LABEL_4X6, ROLL_80MM, Medium
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import (
    clear_message,
    show_problem,
    show_progress,
    show_success,
)
from receiving_app.gui.pages.models import phrase, words

DEFAULT_BACKEND = ""  # not configured: documents are saved to the station's folder


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str
    hint: str = ""


SHEET_PAPER_FIELD = Field("media", "Paper", "letter, a4 or 4x6; empty: as stored")
"""The paper of a printer that takes sheets or labels; documents are drawn for it (``printer_from_settings``)."""

# The keys each backend reads (see devices.printers.settings.printer_from_settings).
BACKENDS: Mapping[str, tuple[str, tuple[Field, ...]]] = {
    DEFAULT_BACKEND: ("Save to the station's folder (default)", ()),
    "folder": (
        "Save PDFs to a folder",
        (Field("folder", "Folder", "/path/to/folder"), Field("media", "Paper", "empty: as stored; or 80mm, 4x6…")),
    ),
    "cups": (
        "CUPS queue (lp)",
        (
            Field("queue", "Queue", "queue name as lpstat -p lists it"),
            SHEET_PAPER_FIELD,
        ),
    ),
    "qt": (
        "System printer",
        (
            Field("printer", "Printer", "empty: the default printer; pdf:/path/file.pdf"),
            SHEET_PAPER_FIELD,
        ),
    ),
    "escpos": (
        "ESC/POS receipt printer",
        (
            Field("connection", "Connection", "network, usb or serial"),
            Field("host", "Host", "network: 10.0.0.5"),
            Field("port", "Port", "network: 9100; serial: /dev/ttyUSB0 or COM3"),
            Field("vendor_id", "USB vendor id", "usb: hexadecimal, 04b8"),
            Field("product_id", "USB product id", "usb: hexadecimal, 0e15"),
            Field("baudrate", "Baud rate", "serial: 9600"),
            Field("width_dots", "Width in dots", "576 for 80 mm paper, 384 for 58 mm"),
            Field("timeout", "Timeout (s)", "5"),
        ),
    ),
    "zpl": (
        "ZPL label printer",
        (
            Field("host", "Host", "10.0.0.5"),
            Field("port", "Port", "9100"),
            Field("queue", "or raw CUPS queue", "instead of host and port"),
            Field("dpi", "Dots per inch", "203"),
            Field("width_dots", "Width in dots", "812 for 4 in labels"),
            Field("length_dots", "Length in dots", "1218 for 6 in labels"),
            Field("timeout", "Timeout (s)", "5"),
        ),
    ),
}

NAME_FIELD = Field("name", "Name", "optional: what messages call this printer")
TEST_PDF_DPI = 300
ROLL_TEST_LENGTH_PT = 340.0


def test_page_size(document_type: str, page_size: str, receipt_layout: str) -> QPageSize:
    """The size the real document is stored in, for a printer that takes documents as stored."""
    if document_type in ("rma_label", "license_plate", "container_manifest"):
        return paper_page_size(LABEL_4X6)
    if document_type == "restocking_fee_receipt" and receipt_layout == "roll":
        return paper_page_size(ROLL_80MM)
    return QPageSize(QPageSize.PageSizeId.A4 if page_size == "a4" else QPageSize.PageSizeId.Letter)


def paper_page_size(medium: Medium) -> QPageSize:
    """A test page the size of the paper the printer holds: whole points, never wider than its dots."""
    size = QSizeF(math.floor(medium.width_pt), math.floor(medium.length_pt or ROLL_TEST_LENGTH_PT))
    return QPageSize(size, QPageSize.Unit.Point, medium.description, QPageSize.SizeMatchPolicy.ExactMatch)


def test_page_pdf(lines: list[str], size: QPageSize) -> bytes:
    """One page with the lines and a one-inch square, so the printout's scale can be checked."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(TEST_PDF_DPI)
    writer.setPageLayout(
        QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(4, 4, 4, 4), QPageLayout.Unit.Millimeter)
    )
    writer.setTitle("Test print")
    painter = QPainter(writer)
    painter.fillRect(QRectF(0, 0, TEST_PDF_DPI, TEST_PDF_DPI), Qt.GlobalColor.black)
    font = QFont("Sans Serif")
    font.setPointSize(10)
    painter.setFont(font)
    top = TEST_PDF_DPI * 1.2
    step = painter.fontMetrics().lineSpacing() * 1.3
    width = writer.pageLayout().paintRectPixels(TEST_PDF_DPI).width()
    for index, line in enumerate(["The square above is one inch wide.", *lines]):
        painter.drawText(QRectF(0, top + index * step, width, step), Qt.TextFlag.TextSingleLine, line)
    painter.end()
    return bytes(buffer.data())


class PrinterRow(QGroupBox):
    """One document type's printer.

    Signals:
        changed(): the clerk changed the backend or a field.
        test_finished(bool, str): whether the test page printed, and the message shown.
    """

    changed = Signal()
    test_finished = Signal(bool, str)

    def __init__(
        self,
        document_type: str,
        settings: Mapping[str, str],
        describe_station: Callable[[], tuple[str, str, str]],
        fallback_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(words(document_type), parent)
        self.document_type = document_type
        self._describe_station = describe_station  # station id, page size, receipt layout as on screen
        self._fallback_folder = fallback_folder
        self._runner = OperationRunner(self)
        self._system_printers_listed = False
        name = phrase(document_type)
        self.setObjectName(f"{document_type}PrinterGroup")
        self.setAccessibleName(f"Printer for the {name}")

        self.backend_combo = QComboBox(self)
        self.backend_combo.setObjectName(f"{document_type}BackendCombo")
        self.backend_combo.setAccessibleName(f"Kind of printer for the {name}")
        for backend, (title, _) in BACKENDS.items():
            self.backend_combo.addItem(title, backend)
        # Only the chosen backend's fields are shown; hidden pages take no room, unlike the pages
        # of a stacked widget, which is always as tall as its tallest page.
        self.fields = QWidget(self)
        self.fields.setObjectName(f"{document_type}PrinterFields")
        fields_layout = QVBoxLayout(self.fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[tuple[str, str], QLineEdit] = {}
        self._pages: dict[str, QWidget] = {}
        for backend, (_, fields) in BACKENDS.items():
            named = (*fields, NAME_FIELD) if fields else fields
            self._pages[backend] = self._field_page(backend, named, name)
            fields_layout.addWidget(self._pages[backend])
        self.test_button = QPushButton("&Test print", self)
        self.test_button.setObjectName(f"{document_type}TestButton")
        self.test_button.setAccessibleName(f"Print a test page on the {name} printer")
        self.result = QLabel(self)
        self.result.setObjectName(f"{document_type}TestResult")
        self.result.setAccessibleName(f"Result of the {name} test print")
        self.result.setWordWrap(True)
        clear_message(self.result)

        grid = QGridLayout(self)
        grid.addWidget(self.backend_combo, 0, 0)
        grid.addWidget(self.test_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.fields, 1, 0, 1, 2)
        grid.addWidget(self.result, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        self.set_settings(settings)
        self.backend_combo.currentIndexChanged.connect(self._backend_changed)
        self.test_button.clicked.connect(self.test_print)

    def _field_page(self, backend: str, fields: tuple[Field, ...], name: str) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setContentsMargins(0, 0, 0, 0)
        if not fields:
            form.addRow(QLabel(f"PDFs go to {self._fallback_folder}", page))
        for field in fields:
            if (backend, field.key) == ("qt", "printer"):
                # The printers this computer knows are offered once listed; any name can be typed.
                self._system_printer_combo = QComboBox(page)
                self._system_printer_combo.setEditable(True)
                edit = self._system_printer_combo.lineEdit()
                widget: QWidget = self._system_printer_combo
            else:
                edit = QLineEdit(page)
                widget = edit
            widget.setObjectName(f"{self.document_type}_{backend}_{field.key}")
            widget.setAccessibleName(f"{field.label} of the {name} printer")
            edit.setPlaceholderText(field.hint)
            edit.textEdited.connect(self.changed)
            self.edits[(backend, field.key)] = edit
            form.addRow(field.label, widget)
        return page

    @property
    def backend(self) -> str:
        return self.backend_combo.currentData()

    def set_settings(self, settings: Mapping[str, str]) -> None:
        backend = settings.get("backend", DEFAULT_BACKEND)
        self.backend_combo.setCurrentIndex(max(self.backend_combo.findData(backend), 0))
        self._show_fields()
        for (edit_backend, key), edit in self.edits.items():
            edit.setText(settings.get(key, "") if edit_backend == backend else "")

    def settings(self) -> dict[str, str]:
        """What goes in the settings file: empty when not configured (the station's folder)."""
        if self.backend == DEFAULT_BACKEND:
            return {}
        values = {key: edit.text().strip() for (backend, key), edit in self.edits.items() if backend == self.backend}
        return {"backend": self.backend, **{key: value for key, value in values.items() if value}}

    def effective_settings(self) -> dict[str, str]:
        return self.settings() or {"backend": "folder", "folder": str(self._fallback_folder)}

    def set_editable(self, editable: bool) -> None:
        self.backend_combo.setEnabled(editable)
        for edit in self.edits.values():
            edit.setReadOnly(not editable)
        self._system_printer_combo.setEnabled(editable)

    def _show_fields(self) -> None:
        for backend, page in self._pages.items():
            page.setVisible(backend == self.backend)

    def _backend_changed(self) -> None:
        self._show_fields()
        clear_message(self.result)
        if self.backend == "qt" and not self._system_printers_listed:
            self._system_printers_listed = True
            self._runner.start(list_system_printers, key="list", on_success=self._show_system_printers)
        self.changed.emit()

    def _show_system_printers(self, names: list[str]) -> None:
        combo = self._system_printer_combo
        typed = combo.currentText()
        combo.clear()
        combo.addItems(["", *names])
        combo.setCurrentText(typed)

    def test_print(self) -> None:
        settings = self.effective_settings()
        station_id, page_size, receipt_layout = self._describe_station()
        size = test_page_size(self.document_type, page_size, receipt_layout)
        document_type, title, name = self.document_type, words(self.document_type), phrase(self.document_type)
        self.test_button.setEnabled(False)
        show_progress(self.result, "Printing a test page…")

        def work() -> str:
            printer = printer_from_settings(settings)
            lines = [
                f"Test print for the {name} printer of station {station_id}",
                printer.describe(),
                f"Sent {datetime.now():%Y-%m-%d %H:%M:%S}",
            ]
            page = size if printer.medium is None else paper_page_size(printer.medium)
            printer.print_job(
                PrintJob(
                    pdf=test_page_pdf(lines, page),
                    document_number=f"TEST-{document_type}",
                    document_type=document_type,
                    title=f"Test print: {title}",
                )
            )
            return f"{printer.done_words} ({printer.describe()})"

        self._runner.start(work, key="test", on_success=self._printed, on_failure=self._failed)

    def _printed(self, what_happened: str) -> None:
        self.test_button.setEnabled(True)
        message = f"Test page {what_happened}."
        show_success(self.result, message)
        self.test_finished.emit(True, message)

    def _failed(self, message: str) -> None:
        self.test_button.setEnabled(True)
        show_problem(self.result, message)
        self.test_finished.emit(False, message)
