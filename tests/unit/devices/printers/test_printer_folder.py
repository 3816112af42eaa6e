from __future__ import annotations

import pytest

from receiving_app.devices.printers import PrintError
from receiving_app.devices.printers.folder import FolderPrinter


def test_the_pdf_is_saved_byte_for_byte_under_its_number(tmp_path, make_job) -> None:
    job = make_job(number="CM-000042")
    FolderPrinter(tmp_path).print_job(job)
    assert (tmp_path / "CM-000042.pdf").read_bytes() == job.pdf


def test_a_reprint_never_overwrites(tmp_path, make_pdf, make_job) -> None:
    printer = FolderPrinter(tmp_path)
    original = make_job(make_pdf(pages=1), number="CM-7")
    reprint = make_job(make_pdf(pages=2), number="CM-7")
    assert printer.save(original) == tmp_path / "CM-7.pdf"
    assert printer.save(reprint) == tmp_path / "CM-7-copy2.pdf"
    assert printer.save(reprint) == tmp_path / "CM-7-copy3.pdf"
    assert (tmp_path / "CM-7.pdf").read_bytes() == original.pdf
    assert (tmp_path / "CM-7-copy2.pdf").read_bytes() == reprint.pdf


def test_no_partial_files_are_left_behind(tmp_path, make_job) -> None:
    FolderPrinter(tmp_path).print_job(make_job(number="CM-1"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["CM-1.pdf"]


def test_a_missing_folder_is_created(tmp_path, make_job) -> None:
    FolderPrinter(tmp_path / "station" / "pdfs").print_job(make_job(number="CM-1"))
    assert (tmp_path / "station" / "pdfs" / "CM-1.pdf").exists()


def test_a_number_cannot_escape_the_folder(tmp_path, make_job) -> None:
    saved = FolderPrinter(tmp_path / "out").save(make_job(number="../CM 1"))
    assert saved == tmp_path / "out" / ".._CM_1.pdf"


def test_an_unusable_folder_is_a_print_error_not_an_os_error(tmp_path, make_job) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(PrintError, match="Could not save CM-1 to folder"):
        FolderPrinter(blocker).print_job(make_job(number="CM-1"))
