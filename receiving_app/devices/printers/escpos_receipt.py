"""ESC/POS receipt printers (Epson TM and compatibles) through python-escpos.

Each PDF page is sent as one raster image (GS v 0), then the paper is cut, once per copy. The
same stored PDF therefore prints on a receipt printer exactly as on paper in the office.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from escpos.capabilities import Profile, get_profile
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError
from escpos.exceptions import ImageWidthError
from escpos.printer import Network, Serial, Usb

from receiving_app.devices.printers.base import Printer, PrintError, PrintJob
from receiving_app.devices.printers.raster import rasterize_pdf
from receiving_app.domain.media import roll

RECEIPT_DPI = 203
# 80 mm paper leaves 72 mm printable: 576 dots on a 203 dpi head.
EIGHTY_MM_RECEIPT_DOTS = 576


@dataclass(frozen=True)
class NetworkConnection:
    host: str
    port: int = 9100

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class UsbConnection:
    vendor_id: int
    product_id: int

    def __str__(self) -> str:
        return f"USB {self.vendor_id:04x}:{self.product_id:04x}"


@dataclass(frozen=True)
class SerialConnection:
    port: str
    baudrate: int = 9600

    def __str__(self) -> str:
        return f"{self.port} at {self.baudrate} baud"


EscPosConnection = NetworkConnection | UsbConnection | SerialConnection


class EscPosPrinter(Printer):
    """A receipt printer reached over the network, USB or a serial port.

    ``connection`` may also be a ready python-escpos printer object (``escpos.printer.Dummy()``
    in tests); that object stays open, owned by whoever made it.
    """

    def __init__(
        self,
        connection: EscPosConnection | Escpos,
        *,
        width_dots: int | None = None,
        dpi: int | None = None,
        profile: str | None = None,
        timeout: float = 5.0,
        name: str | None = None,
    ) -> None:
        self.connection = connection
        self.profile = profile
        profile_width, profile_dpi = _profile_media(connection, profile)
        self.width_dots = width_dots or profile_width or EIGHTY_MM_RECEIPT_DOTS
        self.dpi = dpi or profile_dpi or RECEIPT_DPI
        self.medium = roll(self.width_dots, self.dpi)
        self.timeout = timeout
        self.name = name or "Receipt printer"

    def describe(self) -> str:
        return f"ESC/POS receipt printer at {self._where()} ({self.width_dots} dots wide)"

    def _where(self) -> str:
        if isinstance(self.connection, Escpos):
            return f"a ready {type(self.connection).__name__} device"
        return str(self.connection)

    def print_job(self, job: PrintJob) -> None:
        pages = rasterize_pdf(job.pdf, dpi=self.dpi, width_dots=self.width_dots)
        device = self.connection if isinstance(self.connection, Escpos) else self._open_device()
        try:
            for _ in range(job.copies):
                for page in pages:
                    device.image(page, impl="bitImageRaster")
                device.cut()
        except ImageWidthError as error:
            raise PrintError(
                f"Receipt printer {self._where()} is narrower than the {self.width_dots}-dot"
                " receipt: set its width in the printer settings"
            ) from error
        except (EscposError, OSError) as error:
            raise PrintError(f"Receipt printer {self._where()} failed: {self._reason(error)}") from error
        finally:
            if device is not self.connection:
                device.close()

    def _open_device(self) -> Escpos:
        profile = self.profile or _profile_of_width(self.width_dots)
        connection = self.connection
        try:
            device: Escpos
            if isinstance(connection, NetworkConnection):
                device = Network(connection.host, connection.port, timeout=self.timeout, profile=profile)
            elif isinstance(connection, SerialConnection):
                device = Serial(connection.port, connection.baudrate, timeout=self.timeout, profile=profile)
            else:
                if not Usb.is_usable():
                    raise PrintError("USB receipt printers need pyusb: install python-escpos[usb]")
                device = Usb(
                    connection.vendor_id,
                    connection.product_id,
                    timeout=round(self.timeout * 1000),  # pyusb counts milliseconds
                    profile=profile,
                )
            device.open()
            return device
        except (EscposError, OSError) as error:
            raise PrintError(f"Receipt printer {connection} is not reachable: {self._reason(error)}") from error

    def _reason(self, error: BaseException) -> str:
        # python-escpos wraps socket and serial errors in its own; the wrapped one says more.
        cause = error if isinstance(error, OSError) else error.__context__
        if isinstance(cause, TimeoutError):
            return f"it did not answer within {self.timeout:g} s"
        if isinstance(cause, ConnectionRefusedError):
            return "it refused the connection; is it switched on?"
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror
        lines = str(error).strip().splitlines()
        return lines[0] if lines else type(error).__name__


def _profile_media(connection: EscPosConnection | Escpos, profile_name: str | None) -> tuple[int | None, int | None]:
    """The paper width in dots and the head's resolution that the python-escpos profile knows, where it does."""
    profile: Any
    if isinstance(connection, Escpos):
        profile = connection.profile
    elif profile_name:
        try:
            profile = get_profile(profile_name)
        except KeyError as error:
            raise PrintError(f"python-escpos knows no printer profile named {profile_name!r}") from error
    else:
        return None, None
    media = profile.profile_data.get("media", {})
    pixels, dpi = media.get("width", {}).get("pixels"), media.get("dpi")
    return (pixels if isinstance(pixels, int) else None), (dpi if isinstance(dpi, int) else None)


def _profile_of_width(width_dots: int) -> Profile:
    """The generic ESC/POS profile, told the paper width: without one python-escpos prints a
    warning on standard output for every image and cannot check that the receipt fits."""
    generic = get_profile("default")
    # Profile() alone would forget the generic features, and with them the paper cut.
    profile = Profile(features=dict(generic.features))
    profile.profile_data = {
        **generic.profile_data,
        "media": {"width": {"pixels": width_dots, "mm": "Unknown"}, "dpi": RECEIPT_DPI},
    }
    return profile
