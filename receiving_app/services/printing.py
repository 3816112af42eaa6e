"""Printing stored documents. The document is stored before anything is printed, so a printer that
fails loses nothing: the failure is recorded and shown, and the same document can be printed again.
The first print is the original; every later one is marked COPY.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from receiving_app.devices.printers import Printer, PrintError, PrintJob
from receiving_app.domain.audit import AuditEvent
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.errors import NotFound

PrinterFactory = Callable[[Mapping[str, str]], Printer]


@dataclass(frozen=True)
class PrintOutcome:
    number: str
    printer: str
    printed: bool
    copy: bool
    problem: str = ""
    done_words: str = "printed"
    """ "printed", or "saved to folder" where the printer makes no paper: what the clerk is told."""


class PrintingService:
    def __init__(self, units: UnitOfWorkFactory, issuer: DocumentIssuer, make_printer: PrinterFactory) -> None:
        self._units = units
        self._issuer = issuer
        self._make_printer = make_printer

    def print_document(
        self, number: str, printer_settings: Mapping[str, str], *, user: str, station: str
    ) -> PrintOutcome:
        with self._units.write() as uow:  # a write: the PDF a power cut left undrawn is stored now
            row = _issued(uow, number)
            copy = row.print_count > 0
            pdf = (
                self._issuer.reprint(uow, row)
                if copy
                else self._issuer.stored_pdf(uow, row, user=user, station=station)
            )
            job = PrintJob(
                pdf=pdf,
                document_number=row.number,
                document_type=row.document_type,
                title=f"{row.document_type} {row.number}",
            )
            uow.commit()
        try:
            printer = self._make_printer(printer_settings)
            printer.print_job(job)
        except PrintError as error:
            self._record(job.document_number, station, user, printer_settings, printed=False, problem=str(error))
            return PrintOutcome(job.document_number, _describe(printer_settings), False, copy, str(error))
        self._record(job.document_number, station, user, printer_settings, printed=True, problem="")
        return PrintOutcome(job.document_number, printer.describe(), True, copy, done_words=printer.done_words)

    def _record(
        self, number: str, station: str, user: str, settings: Mapping[str, str], *, printed: bool, problem: str
    ) -> None:
        with self._units.write() as uow:
            row = _issued(uow, number)
            if printed:
                row.print_count += 1
            uow.record(
                AuditEvent(
                    "document_printed" if printed else "print_failed",
                    user,
                    station,
                    uow.records.rma_number_of_document(row),
                    {"number": number, "printer": _describe(settings), "problem": problem},
                )
            )
            uow.commit()


def _issued(uow: UnitOfWork, number: str) -> DocumentRow:
    row = uow.records.document(number.strip().upper())
    if row is None:
        raise NotFound(f"No document numbered {number} was issued.")
    return row


def _describe(settings: Mapping[str, str]) -> str:
    return ", ".join(f"{key}={value}" for key, value in sorted(settings.items()))
