"""CUPS queues through the ``lp`` command, which every CUPS installation (Linux, macOS) has."""

from __future__ import annotations

import logging
import subprocess

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob
from receiving_app.domain.media import Medium

logger = logging.getLogger(__name__)

LP_TIMEOUT_SECONDS = 30.0


def submit_to_cups(
    queue: str,
    data: bytes,
    *,
    title: str,
    copies: int = 1,
    options: tuple[str, ...] = (),
    timeout: float = LP_TIMEOUT_SECONDS,
) -> None:
    """Hand ``data`` to ``lp`` on standard input; ``options`` are ``-o`` values such as ``raw``."""
    command = ["lp", "-d", queue, "-n", str(copies), "-t", title]
    for option in options:
        command += ["-o", option]
    command.append("-")
    try:
        completed = subprocess.run(command, input=data, capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError as error:
        raise PrintError(
            f"Cannot print to queue {queue}: the lp command (CUPS) is not installed on this computer"
        ) from error
    except subprocess.TimeoutExpired as error:
        raise PrintError(f"Printer queue {queue} did not accept the job within {timeout:g} s") from error
    except OSError as error:
        raise PrintError(
            f"Cannot print to queue {queue}: lp could not be started ({error.strerror or error})"
        ) from error
    if completed.returncode != 0:
        raise PrintError(f"Printer queue {queue} refused the job: {_last_line(completed.stderr, completed.returncode)}")
    logger.info("lp accepted %r for %s: %s", title, queue, completed.stdout.decode(errors="replace").strip())


def _last_line(stderr: bytes, returncode: int) -> str:
    lines = [line.strip() for line in stderr.decode(errors="replace").splitlines() if line.strip()]
    return lines[-1] if lines else f"lp exited with status {returncode}"


PWG_MEDIA = {"letter": "na_letter_8.5x11in", "a4": "iso_a4_210x297mm", "4x6": "na_index-4x6_4x6in"}
"""The PWG names CUPS knows these papers by."""


def cups_media(medium: Medium) -> str:
    """The ``media`` option for a sheet or label; a roll has no fixed length to name, so a CUPS queue
    cannot hold one (a receipt roll is an ESC/POS printer)."""
    if medium.length_dots is None:
        raise PrintError(f"A CUPS queue takes sheets or labels, not a {medium.description}")
    inches = f"{medium.width_dots / medium.dpi:.4g}x{medium.length_dots / medium.dpi:.4g}in"
    return PWG_MEDIA.get(medium.name, f"Custom.{inches}")


class CupsPrinter(Printer):
    """Sends the PDF itself; CUPS converts it for whatever printer sits behind the queue.

    With its paper known, the job names it and asks CUPS not to scale: the document was drawn for that
    paper, and a queue set up for another would otherwise shrink or stretch it (and its barcodes).
    """

    def __init__(
        self, queue: str, *, medium: Medium | None = None, name: str | None = None, timeout: float = LP_TIMEOUT_SECONDS
    ) -> None:
        self.queue = queue
        self.medium = medium
        self._options = () if medium is None else (f"media={cups_media(medium)}", "print-scaling=none")
        self.name = name or queue
        self.timeout = timeout

    def describe(self) -> str:
        paper = f" ({self.medium.description})" if self.medium is not None else ""
        return f"CUPS queue {self.queue}{paper}"

    def print_job(self, job: PrintJob) -> None:
        submit_to_cups(
            self.queue, job.pdf, title=job.title, copies=job.copies, options=self._options, timeout=self.timeout
        )
