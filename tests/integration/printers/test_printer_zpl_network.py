from __future__ import annotations

import time

import pytest

from receiving_app.devices.printers import PrintError
from receiving_app.devices.printers.zpl import ZplPrinter


def test_the_printer_receives_exactly_the_zpl_text(raw_port_server, make_job) -> None:
    printer = ZplPrinter("127.0.0.1", raw_port_server.port, timeout=5)
    job = make_job(copies=2)
    printer.print_job(job)
    received = raw_port_server.received()
    assert received == printer.render(job).encode("ascii")
    assert received.startswith(b"^XA") and received.endswith(b"^XZ")
    assert b"^PQ2" in received


def test_a_closed_port_is_a_print_error_at_once(closed_port, make_job) -> None:
    started = time.monotonic()
    with pytest.raises(PrintError, match=f"Label printer 127.0.0.1:{closed_port} refused the connection"):
        ZplPrinter("127.0.0.1", closed_port, timeout=2).print_job(make_job())
    assert time.monotonic() - started < 2


def test_a_printer_that_never_answers_is_a_print_error_within_the_timeout(unresponsive_port, make_job) -> None:
    started = time.monotonic()
    with pytest.raises(PrintError, match=f"Label printer 127.0.0.1:{unresponsive_port} did not answer within 0.5 s"):
        ZplPrinter("127.0.0.1", unresponsive_port, timeout=0.5).print_job(make_job())
    assert time.monotonic() - started < 3
