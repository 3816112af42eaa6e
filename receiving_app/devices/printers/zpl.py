"""Zebra-compatible label printers: each PDF page becomes one ZPL label carrying a bitmap.

Sending a bitmap rather than ZPL text fields keeps the label layout in one place (the PDF that
was issued and stored) and prints it on any ZPL printer, byte for byte what the office sees.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence

from PIL import Image

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob
from receiving_app.devices.printers.cups import submit_to_cups
from receiving_app.devices.printers.raster import rasterize_pdf
from receiving_app.domain.media import label

LABEL_DPI = 203
FOUR_INCH_LABEL_DOTS = 4 * LABEL_DPI
SIX_INCHES = 6
RAW_PRINTING_PORT = 9100
# ZPL II caps the byte counts of one ^GF at 99999; a 4 x 6 in label at 203 dpi needs about
# 124000, so taller labels are sent as several graphic fields stacked in bands.
MAX_GRAPHIC_FIELD_BYTES = 99_999


def graphic_field(image: Image.Image) -> str:
    """``^GFA`` of a 1-bit image: ASCII hex, one bit per dot, 1 = black, rows padded to bytes."""
    bytes_per_row = (image.width + 7) // 8
    # PIL packs a white dot as 1; the "1;I" packer inverts that into ZPL's 1 = black, and pads
    # each row with white.
    dots = image.convert("1").tobytes("raw", "1;I")
    total = len(dots)
    return f"^GFA,{total},{total},{bytes_per_row},{dots.hex().upper()}"


def zpl_label(image: Image.Image, quantity: int = 1) -> str:
    """One label: the image from the top-left corner, printed ``quantity`` times."""
    bytes_per_row = (image.width + 7) // 8
    rows_per_band = max(1, MAX_GRAPHIC_FIELD_BYTES // bytes_per_row)
    # The label's width and length in dots, so that a printer set up for another stock neither clips
    # the image nor feeds past its end.
    commands = ["^XA", "^LH0,0", f"^PW{image.width}", f"^LL{image.height}"]
    for top in range(0, image.height, rows_per_band):
        band = image.crop((0, top, image.width, min(top + rows_per_band, image.height)))
        commands.append(f"^FO0,{top}{graphic_field(band)}^FS")
    commands += [f"^PQ{quantity}", "^XZ"]
    return "\n".join(commands)


def zpl_for_pages(pages: Sequence[Image.Image], copies: int) -> str:
    """All labels of a job. One page uses the printer's own quantity (^PQ); several pages are
    repeated in order instead, so that the copies come out collated."""
    if len(pages) == 1:
        return zpl_label(pages[0], quantity=copies)
    return "\n".join(zpl_label(page) for _ in range(copies) for page in pages)


def send_over_tcp(host: str, port: int, payload: bytes, *, timeout: float) -> None:
    """Raw port printing (JetDirect, port 9100): connect, send everything, close."""
    label_printer = f"Label printer {host}:{port}"
    try:
        # The timeout bounds the connect and, since Python 3.5, the whole sendall as well.
        with socket.create_connection((host, port), timeout=timeout) as connection:
            connection.sendall(payload)
            connection.shutdown(socket.SHUT_WR)
    except TimeoutError as error:
        raise PrintError(f"{label_printer} did not answer within {timeout:g} s") from error
    except ConnectionRefusedError as error:
        raise PrintError(
            f"{label_printer} refused the connection; is it switched on and is {port} its raw port?"
        ) from error
    except socket.gaierror as error:
        raise PrintError(f"{label_printer}: no computer of that name on the network") from error
    except OSError as error:
        raise PrintError(f"{label_printer} could not be reached: {error.strerror or error}") from error


class ZplPrinter(Printer):
    """A ZPL label printer on its raw network port, or behind a raw CUPS queue."""

    def __init__(
        self,
        host: str | None = None,
        port: int = RAW_PRINTING_PORT,
        *,
        cups_queue: str | None = None,
        dpi: int = LABEL_DPI,
        width_dots: int = FOUR_INCH_LABEL_DOTS,
        length_dots: int | None = None,
        timeout: float = 5.0,
        name: str | None = None,
    ) -> None:
        if (host is None) == (cups_queue is None):
            raise ValueError("A ZPL printer needs either a host or a CUPS queue, not both")
        self.host = host
        self.port = port
        self.cups_queue = cups_queue
        self.dpi = dpi
        self.width_dots = width_dots
        # Labels are 6 in long unless the printer's stock says otherwise.
        self.medium = label(width_dots, length_dots or SIX_INCHES * dpi, dpi)
        self.timeout = timeout
        self.name = name or "Label printer"

    def describe(self) -> str:
        media = f"{self.medium.description}, {self.width_dots} x {self.medium.length_dots} dots at {self.dpi} dpi"
        if self.cups_queue is not None:
            return f"ZPL label printer on CUPS queue {self.cups_queue} ({media})"
        return f"ZPL label printer at {self.host}:{self.port} ({media})"

    def render(self, job: PrintJob) -> str:
        """The ZPL text this printer would send for the job."""
        pages = rasterize_pdf(job.pdf, dpi=self.dpi, width_dots=self.width_dots)
        return zpl_for_pages(pages, job.copies)

    def print_job(self, job: PrintJob) -> None:
        payload = self.render(job).encode("ascii")
        if self.cups_queue is not None:
            # Copies travel inside the ZPL (^PQ), so CUPS must send the data once, untouched.
            submit_to_cups(self.cups_queue, payload, title=job.title, copies=1, options=("raw",))
        else:
            assert self.host is not None
            send_over_tcp(self.host, self.port, payload, timeout=self.timeout)
