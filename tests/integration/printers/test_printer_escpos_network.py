from __future__ import annotations

import re
import time

import pytest

from receiving_app.devices.printers import PrintError
from receiving_app.devices.printers.escpos_receipt import (
    EscPosPrinter,
    NetworkConnection,
)

RECEIPT_INCHES = 72 / 25.4


def test_a_network_receipt_printer_receives_the_image_and_the_cut(raw_port_server, make_pdf, make_job, capsys) -> None:
    printer = EscPosPrinter(NetworkConnection("127.0.0.1", raw_port_server.port), timeout=5)
    printer.print_job(make_job(make_pdf(width_in=RECEIPT_INCHES, height_in=3)))
    received = raw_port_server.received()
    assert b"\x1dv0\x00" + (72).to_bytes(2, "little") + (609).to_bytes(2, "little") in received
    assert received.count(b"\x1dV\x00") == 1
    # The printer was told its paper width, so python-escpos had nothing to warn about.
    assert capsys.readouterr().out == ""


def test_a_closed_port_is_a_print_error(closed_port, make_pdf, make_job) -> None:
    started = time.monotonic()
    printer = EscPosPrinter(NetworkConnection("127.0.0.1", closed_port), timeout=2)
    with pytest.raises(PrintError, match=f"127.0.0.1:{closed_port} is not reachable: it refused the connection"):
        printer.print_job(make_job(make_pdf(width_in=RECEIPT_INCHES)))
    assert time.monotonic() - started < 2


def test_a_printer_that_never_answers_is_a_print_error_within_the_timeout(
    unresponsive_port, make_pdf, make_job
) -> None:
    started = time.monotonic()
    printer = EscPosPrinter(NetworkConnection("127.0.0.1", unresponsive_port), timeout=0.5)
    with pytest.raises(PrintError, match=re.escape("did not answer within 0.5 s")):
        printer.print_job(make_job(make_pdf(width_in=RECEIPT_INCHES)))
    assert time.monotonic() - started < 3
