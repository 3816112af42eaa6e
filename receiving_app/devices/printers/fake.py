"""A printer for tests and the demo: remembers every job and fails when told to."""

from __future__ import annotations

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob


class FakePrinter(Printer):
    def __init__(self, name: str = "Fake printer") -> None:
        self.name = name
        self.jobs: list[PrintJob] = []
        self._failure: str | None = None

    def describe(self) -> str:
        return f"{self.name} (keeps jobs in memory, prints nothing)"

    def fail_with(self, message: str) -> None:
        """Every following job raises PrintError(message), as a jammed or unplugged printer would."""
        self._failure = message

    def recover(self) -> None:
        self._failure = None

    def print_job(self, job: PrintJob) -> None:
        if self._failure is not None:
            raise PrintError(self._failure)
        self.jobs.append(job)

    @property
    def printed_numbers(self) -> list[str]:
        return [job.document_number for job in self.jobs]
