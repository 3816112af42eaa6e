"""Save to folder: the printer of a station that has none, or that files PDFs for the office."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob
from receiving_app.domain.media import Medium

UNSAFE_FILE_NAME_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]")


class FolderPrinter(Printer):
    """Writes ``<document_number>.pdf``; a reprint becomes ``-copy2``, ``-copy3``… and nothing is
    ever overwritten. One file per job whatever the copies: a file is not paper."""

    done_words = "saved to folder"

    def __init__(self, folder: Path | str, *, medium: Medium | None = None, name: str | None = None) -> None:
        self.folder = Path(folder)
        self.medium = medium
        self.name = name or "Folder"

    def describe(self) -> str:
        return f"Save PDFs to folder {self.folder}"

    def print_job(self, job: PrintJob) -> None:
        self.save(job)

    def save(self, job: PrintJob) -> Path:
        """Print the job and tell where the file went."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return self._write_without_overwriting(job)
        except OSError as error:
            raise PrintError(
                f"Could not save {job.document_number} to folder {self.folder}: {error.strerror or error}"
            ) from error

    def _write_without_overwriting(self, job: PrintJob) -> Path:
        stem = UNSAFE_FILE_NAME_CHARACTERS.sub("_", job.document_number) or "document"
        # The whole PDF is written under a hidden name first, so nobody ever opens half a file.
        handle, partial_name = tempfile.mkstemp(prefix=f".{stem}-", suffix=".partial", dir=self.folder)
        partial_path = Path(partial_name)
        try:
            with os.fdopen(handle, "wb") as partial:
                partial.write(job.pdf)
                partial.flush()
                os.fsync(partial.fileno())
            target = self._reserve_free_name(stem)
            # Replacing only the empty placeholder we reserved ourselves: atomic on every
            # filesystem, including network shares that have no hard links.
            os.replace(partial_path, target)
            return target
        finally:
            partial_path.unlink(missing_ok=True)

    def _reserve_free_name(self, stem: str) -> Path:
        attempt = 1
        while True:
            candidate = self.folder / (f"{stem}.pdf" if attempt == 1 else f"{stem}-copy{attempt}.pdf")
            try:
                # Exclusive creation fails if the name is taken, even by another station saving
                # the same document at the same moment.
                with open(candidate, "xb"):
                    return candidate
            except FileExistsError:
                attempt += 1
