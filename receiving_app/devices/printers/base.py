"""What every printer backend promises: take one stored PDF, deliver it, or say clearly why not."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

from receiving_app.domain.errors import InputError
from receiving_app.domain.media import Medium

PDF_SIGNATURE = b"%PDF-"


class PrintError(Exception):
    """A document could not be delivered; the message is written for the clerk at the bench.

    The PDF is already stored by the time a printer sees it, so a PrintError never loses a
    document: the clerk fixes the printer and prints again.
    """


@dataclass(frozen=True)
class PrintJob:
    pdf: bytes
    document_number: str
    document_type: str
    title: str
    copies: int = 1

    def __post_init__(self) -> None:
        if self.copies < 1:
            raise InputError(f"Copies must be at least 1, got {self.copies}")
        if not self.pdf.startswith(PDF_SIGNATURE):
            raise InputError(f"Document {self.document_number} is not a PDF")


class Printer(ABC):
    """A place a document can be sent: a folder, a CUPS queue, a receipt or a label printer."""

    name: str
    medium: Medium | None = None
    """The paper this printer holds, which every document sent to it is drawn for; None for one that
    takes a document on the paper it is stored on (a folder or a system printer left to its default)."""
    done_words = "printed"
    """What the clerk is told happened to a delivered document; a backend that makes no paper says so."""

    @abstractmethod
    def describe(self) -> str:
        """One line for the settings screen, such as "ZPL label printer at 10.0.0.5:9100"."""

    @abstractmethod
    def print_job(self, job: PrintJob) -> None:
        """Deliver every copy of the job or raise PrintError; never a raw OSError."""
