"""A printer from the few strings the settings screen stores, such as
``{"backend": "zpl", "host": "10.0.0.5", "port": "9100"}``."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from receiving_app.devices.printers.base import Printer, PrintError
from receiving_app.devices.printers.cups import CupsPrinter
from receiving_app.devices.printers.folder import FolderPrinter
from receiving_app.domain.errors import InputError
from receiving_app.domain.media import Medium, named_medium

Settings = Mapping[str, str]


def printer_from_settings(settings: Settings) -> Printer:
    """Keys by backend (``name`` is optional everywhere):

    - folder: ``folder``; optional ``media``
    - cups: ``queue``; optional ``media``
    - qt: ``printer`` (a system printer, "" for the default one, or ``pdf:/path/out.pdf``); optional ``media``
    - escpos: ``connection`` = network (``host``, ``port``=9100) | usb (``vendor_id``,
      ``product_id``, hex like ``04b8``) | serial (``port``, ``baudrate``=9600); optional
      ``width_dots``, ``profile`` (a python-escpos profile name), ``timeout``
    - zpl: ``host`` (``port``=9100) or ``queue`` for a raw CUPS queue; optional ``dpi``,
      ``width_dots``, ``length_dots`` (6 in of dots unless set), ``timeout``

    ``media`` is the paper the documents are drawn for (letter, a4 or 4x6; a folder also 80mm or 58mm);
    without it they are printed on the paper they are stored on. Receipt and label printers know their
    paper from their dots.
    """
    backend = settings.get("backend", "").strip()
    if not backend:
        raise PrintError("Printer setting 'backend' is missing")
    builder = BUILDERS.get(backend)
    if builder is None:
        raise PrintError(f"Unknown printer backend {backend!r}; choose one of {', '.join(sorted(BUILDERS))}")
    return builder(settings)


def _folder(settings: Settings) -> Printer:
    return FolderPrinter(_required(settings, "folder", "folder"), medium=_media(settings), name=_name(settings))


def _cups(settings: Settings) -> Printer:
    return CupsPrinter(_required(settings, "queue", "cups"), medium=_media(settings), name=_name(settings))


def _qt(settings: Settings) -> Printer:
    # Qt's PDF and print modules load only for a station that has such a printer, not at every start.
    from receiving_app.devices.printers.qt_system import QtSystemPrinter

    if "printer" not in settings:
        raise PrintError("Printer setting 'printer' is missing for the qt backend")
    return QtSystemPrinter(settings["printer"], medium=_media(settings), name=_name(settings))


def _zpl(settings: Settings) -> Printer:
    from receiving_app.devices.printers.zpl import ZplPrinter  # Qt's PDF module and Pillow: see _qt

    queue = settings.get("queue", "").strip() or None
    host = settings.get("host", "").strip() or None
    if queue is None and host is None:
        raise PrintError("Printer setting 'host' (or 'queue') is missing for the zpl backend")
    return ZplPrinter(
        None if queue else host,
        _whole_number(settings, "port", 9100),
        cups_queue=queue,
        dpi=_whole_number(settings, "dpi", 203),
        width_dots=_whole_number(settings, "width_dots", 812),
        length_dots=_whole_number(settings, "length_dots", 0) or None,
        timeout=_seconds(settings, "timeout", 5.0),
        name=_name(settings),
    )


def _escpos(settings: Settings) -> Printer:
    # python-escpos is needed only by stations with a receipt printer, so it is imported only
    # when one is configured, and its absence is a clear message rather than a failed start.
    try:
        from receiving_app.devices.printers import escpos_receipt
    except ImportError as error:
        raise PrintError("Receipt printers need the python-escpos package, which is not installed") from error

    kind = _required(settings, "connection", "escpos")
    connection: escpos_receipt.EscPosConnection
    if kind == "network":
        connection = escpos_receipt.NetworkConnection(
            _required(settings, "host", "escpos"), _whole_number(settings, "port", 9100)
        )
    elif kind == "usb":
        connection = escpos_receipt.UsbConnection(
            _hexadecimal(settings, "vendor_id"), _hexadecimal(settings, "product_id")
        )
    elif kind == "serial":
        connection = escpos_receipt.SerialConnection(
            _required(settings, "port", "escpos"), _whole_number(settings, "baudrate", 9600)
        )
    else:
        raise PrintError(f"Unknown receipt printer connection {kind!r}; choose network, usb or serial")
    return escpos_receipt.EscPosPrinter(
        connection,
        # Without a width the printer's python-escpos profile decides, else 80 mm paper.
        width_dots=_whole_number(settings, "width_dots", 0) or None,
        profile=settings.get("profile") or None,
        timeout=_seconds(settings, "timeout", 5.0),
        name=_name(settings),
    )


BUILDERS: dict[str, Callable[[Settings], Printer]] = {
    "cups": _cups,
    "escpos": _escpos,
    "folder": _folder,
    "qt": _qt,
    "zpl": _zpl,
}


def _required(settings: Settings, key: str, backend: str) -> str:
    value = settings.get(key, "").strip()
    if not value:
        raise PrintError(f"Printer setting {key!r} is missing for the {backend} backend")
    return value


def _media(settings: Settings) -> Medium | None:
    text = settings.get("media", "").strip()
    if not text:
        return None
    try:
        return named_medium(text)
    except InputError as error:
        raise PrintError(f"Printer setting 'media': {error}") from None


def _name(settings: Settings) -> str | None:
    return settings.get("name", "").strip() or None


def _whole_number(settings: Settings, key: str, default: int) -> int:
    text = settings.get(key, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise PrintError(f"Printer setting {key!r} must be a positive whole number, got {text!r}")
    return int(text)


def _seconds(settings: Settings, key: str, default: float) -> float:
    text = settings.get(key, "").strip()
    if not text:
        return default
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise PrintError(f"Printer setting {key!r} must be a number of seconds, got {text!r}")
    return seconds


def _hexadecimal(settings: Settings, key: str) -> int:
    text = _required(settings, key, "escpos")
    try:
        return int(text, 16)
    except ValueError as error:
        raise PrintError(f"Printer setting {key!r} must be hexadecimal like 04b8, got {text!r}") from error
