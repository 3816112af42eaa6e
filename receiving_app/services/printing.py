"""Printing stored documents. The document is stored before anything is printed, so a printer that
fails loses nothing: the failure is recorded and shown, and the same document can be printed again.
The first print is the original; every later one is marked COPY. An RMA's parcel label and a unit's
license plate are drawn afresh for each print (they are not stored documents) and every print of
them, or failure, is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from receiving_app.devices.printers import Printer, PrintError, PrintJob
from receiving_app.devices.printers.folder import FolderPrinter
from receiving_app.documents.model import RMA_LABEL
from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.routing import RoutingTable
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.container_manifests import manifest_pdf
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.errors import NotFound
from receiving_app.services.license_plates import license_plate_label
from receiving_app.services.print_outcomes import LabelOutcome, PrintOutcome

# The kinds of paper the labels besides the RMA's are printed on, as the station's printer settings name them.
LICENSE_PLATE = "license_plate"
CONTAINER_MANIFEST = "container_manifest"
LABEL_KINDS = {RMA_LABEL: "label", LICENSE_PLATE: "license plate", CONTAINER_MANIFEST: "manifest"}
"""How the clerk is told which kind of label printed or did not."""
PrinterFactory = Callable[[Mapping[str, str]], Printer]
PrinterFor = Callable[[str], Mapping[str, str]]
"""The printer settings for a kind of paper (a document type, or ``rma_label``), as ``Station.printer_settings``."""


class PrintingService:
    def __init__(
        self, units: UnitOfWorkFactory, issuer: DocumentIssuer, make_printer: PrinterFactory, routing: RoutingTable
    ) -> None:
        self._units = units
        self._issuer = issuer
        self._make_printer = make_printer
        self._routing = routing

    def print_document(
        self, number: str, printer_settings: Mapping[str, str], *, user: str, station: str
    ) -> PrintOutcome:
        """The document on the printer the settings describe, drawn for the paper that printer holds.

        The first print is the original, every later one a COPY; a printer that cannot be reached or set
        up is recorded as a failed print and said in the outcome, the document staying stored as it was.
        """
        printer, problem = self._printer(printer_settings)
        with self._units.write() as uow:  # a write: the PDF a power cut left undrawn is stored now
            row = _issued(uow, number)
            copy = row.print_count > 0
            medium = printer.medium if printer is not None else None
            if copy:
                pdf = self._issuer.reprint(uow, row, medium)
            else:
                pdf = self._issuer.stored_pdf(uow, row, user=user, station=station)
                if medium is not None:
                    pdf = self._issuer.drawn_for(uow, row, medium)
            job = PrintJob(
                pdf=pdf,
                document_number=row.number,
                document_type=row.document_type,
                title=f"{row.document_type} {row.number}",
            )
            uow.commit()
        try:
            if printer is None:
                raise PrintError(problem)
            printer.print_job(job)
        except PrintError as error:
            self._record(job.document_number, station, user, printer_settings, printed=False, problem=str(error))
            return PrintOutcome(job.document_number, _describe(printer_settings), False, copy, str(error))
        self._record(job.document_number, station, user, printer_settings, printed=True, problem="")
        return PrintOutcome(job.document_number, printer.describe(), True, copy, done_words=printer.done_words)

    def print_license_plate(self, lpn: str, printer_for: PrinterFor, *, user: str, station: str) -> LabelOutcome:
        """A unit's license plate label on the printer ``printer_for`` gives for plates, drawn for its paper;
        a number no unit carries is refused (NotFound) before anything is printed."""
        settings = printer_for(LICENSE_PLATE)
        printer, problem = self._printer(settings)
        with self._units.read() as uow:
            medium = printer.medium if printer is not None else None
            drawn = license_plate_label(uow, lpn, self._routing, medium, zone=self._issuer.zone)
        job = PrintJob(
            pdf=drawn.pdf, document_number=drawn.lpn, document_type=LICENSE_PLATE, title=f"License plate {drawn.lpn}"
        )
        return self._send_label(job, printer, problem, settings, drawn.rma_number, user=user, station=station)

    def print_manifest(self, code: str, printer_for: PrinterFor, *, user: str, station: str) -> LabelOutcome:
        """A closed container's manifest on the printer set for manifests, drawn for its paper."""
        settings = printer_for(CONTAINER_MANIFEST)
        printer, problem = self._printer(settings)
        with self._units.read() as uow:
            medium = printer.medium if printer is not None else None
            drawn = manifest_pdf(uow, code, self._routing, medium, zone=self._issuer.zone)
        job = PrintJob(
            pdf=drawn.pdf,
            document_number=drawn.code,
            document_type=CONTAINER_MANIFEST,
            title=f"Container manifest {drawn.code}",
        )
        return self._send_label(job, printer, problem, settings, None, user=user, station=station)

    def print_rma_label(self, rma_number: str, printer_for: PrinterFor, *, user: str, station: str) -> LabelOutcome:
        """The RMA's parcel label on the printer ``printer_for`` gives for labels, drawn for its paper; a
        printer that fails is said in the outcome, an RMA not on file is refused (NotFound) before anything
        is printed."""
        settings = printer_for(RMA_LABEL)
        printer, problem = self._printer(settings)
        with self._units.read() as uow:
            rma = uow.records.rma(rma_number.strip().upper())
            if rma is None:
                raise NotFound(f"No RMA numbered {rma_number} is on file.")
            medium = printer.medium if printer is not None else None
            job = PrintJob(
                pdf=self._issuer.label(rma, station=station, medium=medium),
                document_number=rma.number,
                document_type=RMA_LABEL,
                title=f"RMA label {rma.number}",
            )
        return self._send_label(job, printer, problem, settings, job.document_number, user=user, station=station)

    def _send_label(
        self,
        job: PrintJob,
        printer: Printer | None,
        problem: str,
        settings: Mapping[str, str],
        rma_number: str | None,
        *,
        user: str,
        station: str,
    ) -> LabelOutcome:
        kind = LABEL_KINDS[job.document_type]
        try:
            if printer is None:
                raise PrintError(problem)
            printer.print_job(job)
        except PrintError as error:
            self._record_label(job, rma_number, station, user, settings, problem=str(error))
            return LabelOutcome(job.document_number, False, _describe(settings), problem=str(error), kind=kind)
        self._record_label(job, rma_number, station, user, settings, problem="")
        if isinstance(printer, FolderPrinter):
            return LabelOutcome(job.document_number, True, str(printer.folder), saved_to_folder=True, kind=kind)
        return LabelOutcome(job.document_number, True, printer.describe(), kind=kind)

    def _printer(self, settings: Mapping[str, str]) -> tuple[Printer | None, str]:
        """The printer the settings describe, or why there is none: known before the document is drawn,
        because the document is drawn for that printer's paper."""
        try:
            return self._make_printer(settings), ""
        except PrintError as error:
            return None, str(error)

    def _record_label(
        self,
        job: PrintJob,
        rma_number: str | None,
        station: str,
        user: str,
        settings: Mapping[str, str],
        *,
        problem: str,
    ) -> None:
        named = {
            LICENSE_PLATE: {"lpn": job.document_number},
            CONTAINER_MANIFEST: {"container": job.document_number},
        }.get(job.document_type, {})
        event = "label" if job.document_type == RMA_LABEL else job.document_type
        with self._units.write() as uow:
            uow.record(
                AuditEvent(
                    f"{event}_print_failed" if problem else f"{event}_printed",
                    user,
                    station,
                    rma_number,
                    {**named, "printer": _describe(settings), "problem": problem},
                )
            )
            uow.commit()

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
