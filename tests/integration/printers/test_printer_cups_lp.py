"""CUPS through a stand-in ``lp`` put first on PATH: it records its arguments and standard input."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from receiving_app.devices.printers import PrintError
from receiving_app.devices.printers.cups import CupsPrinter
from receiving_app.devices.printers.zpl import ZplPrinter


def install_fake_lp(folder: Path, monkeypatch: pytest.MonkeyPatch, *, exit_status: int = 0, stderr: str = "") -> Path:
    records = folder / "records"
    records.mkdir()
    script = folder / "bin" / "lp"
    script.parent.mkdir()
    script.write_text(
        "#!/bin/sh\n"
        f'for argument in "$@"; do printf "%s\\n" "$argument"; done > "{records}/argv"\n'
        f'cat > "{records}/stdin"\n'
        f"printf '%s' '{stderr}' >&2\n"
        'echo "request id is Label-1 (1 file(s))"\n'
        f"exit {exit_status}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{script.parent}:/usr/bin:/bin")
    return records


def test_the_pdf_goes_to_lp_on_standard_input(tmp_path, monkeypatch, make_job) -> None:
    records = install_fake_lp(tmp_path, monkeypatch)
    job = make_job(copies=2, number="CM-9")
    CupsPrinter("Office_Laser").print_job(job)
    assert (records / "argv").read_text().splitlines() == [
        "-d",
        "Office_Laser",
        "-n",
        "2",
        "-t",
        "Credit memo CM-9",
        "-",
    ]
    assert (records / "stdin").read_bytes() == job.pdf


def test_a_refusing_lp_is_a_print_error_carrying_its_message(tmp_path, monkeypatch, make_job) -> None:
    install_fake_lp(tmp_path, monkeypatch, exit_status=1, stderr="lp: The printer or class does not exist.")
    with pytest.raises(
        PrintError,
        match=re.escape("Printer queue Gone refused the job: lp: The printer or class does not exist."),
    ):
        CupsPrinter("Gone").print_job(make_job())


def test_a_silent_failure_still_says_something(tmp_path, monkeypatch, make_job) -> None:
    install_fake_lp(tmp_path, monkeypatch, exit_status=3)
    with pytest.raises(PrintError, match="lp exited with status 3"):
        CupsPrinter("Q").print_job(make_job())


def test_a_computer_without_cups_is_a_print_error(tmp_path, monkeypatch, make_job) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrintError, match="the lp command \\(CUPS\\) is not installed"):
        CupsPrinter("Q").print_job(make_job())


def test_a_zpl_label_goes_to_a_raw_queue_once_with_copies_inside(tmp_path, monkeypatch, make_job) -> None:
    records = install_fake_lp(tmp_path, monkeypatch)
    printer = ZplPrinter(cups_queue="Zebra")
    job = make_job(copies=3)
    printer.print_job(job)
    assert (records / "argv").read_text().splitlines() == [
        "-d",
        "Zebra",
        "-n",
        "1",
        "-t",
        job.title,
        "-o",
        "raw",
        "-",
    ]
    assert (records / "stdin").read_bytes() == printer.render(job).encode("ascii")
