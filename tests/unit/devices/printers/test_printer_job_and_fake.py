from __future__ import annotations

import pytest

from receiving_app.devices.printers import FakePrinter, PrintError, PrintJob
from receiving_app.domain.errors import InputError


def test_a_job_needs_at_least_one_copy(make_pdf) -> None:
    with pytest.raises(InputError, match="at least 1"):
        PrintJob(make_pdf(), "CM-1", "credit_memo", "Credit memo CM-1", copies=0)


def test_a_job_carries_a_pdf() -> None:
    with pytest.raises(InputError, match="CM-1 is not a PDF"):
        PrintJob(b"<html>", "CM-1", "credit_memo", "Credit memo CM-1")


def test_the_fake_printer_keeps_jobs_in_order(make_job) -> None:
    printer = FakePrinter()
    printer.print_job(make_job(number="CM-1"))
    printer.print_job(make_job(number="CM-2", copies=2))
    assert printer.printed_numbers == ["CM-1", "CM-2"]
    assert printer.jobs[1].copies == 2


def test_the_fake_printer_fails_when_told_and_recovers(make_job) -> None:
    printer = FakePrinter()
    printer.fail_with("Label printer is out of labels")
    with pytest.raises(PrintError, match="out of labels"):
        printer.print_job(make_job(number="CM-1"))
    printer.recover()
    printer.print_job(make_job(number="CM-2"))
    assert printer.printed_numbers == ["CM-2"]
