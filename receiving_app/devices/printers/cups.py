"""CUPS queues through the ``lp`` command, which every CUPS installation (Linux, macOS) has."""

from __future__ import annotations

import logging
import subprocess

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob

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


class CupsPrinter(Printer):
    """Sends the PDF itself; CUPS converts it for whatever printer sits behind the queue."""

    def __init__(self, queue: str, *, name: str | None = None, timeout: float = LP_TIMEOUT_SECONDS) -> None:
        self.queue = queue
        self.name = name or queue
        self.timeout = timeout

    def describe(self) -> str:
        return f"CUPS queue {self.queue}"

    def print_job(self, job: PrintJob) -> None:
        submit_to_cups(self.queue, job.pdf, title=job.title, copies=job.copies, timeout=self.timeout)
