"""A stored document shown as the PDF that will print, with a Print button.

Built in code rather than from a form: it is a PDF view and two buttons, nothing to lay out.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import (
    clear_message,
    show_problem,
    show_progress,
    show_success,
)
from receiving_app.gui.pages.models import phrase, words
from receiving_app.services.auth import SignedInUser
from receiving_app.services.print_outcomes import PrintOutcome
from receiving_app.services.station import Station


class DocumentPreviewDialog(QDialog):
    """The copy of one document, and printing it on the printer set for its type.

    Signals:
        print_finished(bool, str): whether it printed, and the message shown to the clerk.
    """

    print_finished = Signal(bool, str)

    def __init__(
        self,
        station: Station,
        signed_in_user: SignedInUser,
        number: str,
        document_type: str,
        pdf: bytes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._station = station
        self._user = signed_in_user
        self._number = number
        self._document_type = document_type
        self._runner = OperationRunner(self)
        self.setObjectName("documentPreviewDialog")
        self.setWindowTitle(f"{words(document_type)} {number} — copy")
        self.setAccessibleName(f"Preview of {phrase(document_type)} {number}")
        self.resize(760, 900)

        # The buffer must outlive the document that reads from it, so both belong to the dialog.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setObjectName("documentView")
        self.view.setAccessibleName(f"{words(document_type)} {number}, marked COPY")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.message = QLabel(self)
        self.message.setObjectName("previewMessage")
        self.message.setAccessibleName("Printing message")
        self.message.setWordWrap(True)
        clear_message(self.message)

        self.print_button = QPushButton("&Print", self)
        self.print_button.setObjectName("printButton")
        self.print_button.setAccessibleName(f"Print {number}")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.close_button = QPushButton("&Close", self)
        self.close_button.setObjectName("closeButton")
        self.close_button.setAccessibleName("Close the preview")
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def print_document(self) -> None:
        self.print_button.setEnabled(False)
        show_progress(self.message, f"Sending {self._number} to the printer…")
        station, number, user = self._station, self._number, self._user.name
        printer = station.printer_settings(self._document_type)
        self._runner.start(
            lambda: station.printing.print_document(number, printer, user=user, station=station.settings.station_id),
            key="print",
            on_success=self._printed,
            on_failure=self._failed,
        )

    def _printed(self, outcome: PrintOutcome) -> None:
        self.print_button.setEnabled(True)
        if outcome.printed:
            text = f"{outcome.number}{' (COPY)' if outcome.copy else ''} {outcome.done_words} ({outcome.printer})."
            show_success(self.message, text)
        else:
            text = f"{outcome.number} did not print: {outcome.problem}"
            show_problem(self.message, text)
        self.print_finished.emit(outcome.printed, text)

    def _failed(self, message: str) -> None:
        self.print_button.setEnabled(True)
        show_problem(self.message, message)
        self.print_finished.emit(False, message)

    def done(self, result: int) -> None:
        super().done(result)
        # A print still under way reports here first, so the dialog goes only when it is idle.
        if self._runner.busy:
            self._runner.busy_changed.connect(self.deleteLater)
        else:
            self.deleteLater()
