"""Documents keep what every one of them embeds once: the stored rows are small, the PDF served is the
one issued, byte for byte, and a part changed outside the station is refused, not printed."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from receiving_app.documents.shared_parts import dictionary_of
from receiving_app.persistence.document_tables import DocumentPartRow, DocumentRow
from receiving_app.services.commands import PhotoAttachment
from receiving_app.services.stored_pdfs import StoredPdfChanged
from tests.support.pdf import pdf_text
from tests.support.photos import jpeg_photo
from tests.support.receiving import receive, weighed
from tests.support.warehouse import Line, Rma, add_rmas


@pytest.fixture
def issued(station, tmp_path) -> dict[str, bytes]:
    """Five lines received, one of them with a damage photo: each document's PDF as served."""
    lines = tuple(Line(reason="not_needed") for _ in range(5))
    add_rmas(station, tmp_path, Rma("RA0000701", lines=lines, payment="open_account"))
    numbers = []
    for line in range(1, 6):
        photos = (PhotoAttachment("dent.jpg", "image/jpeg", jpeg_photo((640, 480), "#7a5230")),) if line == 3 else ()
        result = receive(station, "RA0000701", line, weight=weighed("812.4g"), photos=photos)
        numbers += [document.number for document in result.decision.documents]
    return {number: station.history.document(number, reprint=False).pdf for number in numbers}


def test_each_document_is_served_as_issued_and_stored_without_what_all_of_them_embed(station, issued) -> None:
    with station.units.read() as uow:
        rows = uow.session.execute(
            select(DocumentRow.number, DocumentRow.pdf, DocumentRow.pdf_parts, DocumentRow.pdf_sha256)
        ).all()
        parts = dict(uow.session.execute(select(DocumentPartRow.sha256, func.length(DocumentPartRow.content))).all())
        printable = uow.session.execute(text("SELECT thumbnail FROM photos")).scalar_one()
    assert {row.number for row in rows} == set(issued) and len(rows) == 10
    for row in rows:
        pdf = issued[row.number]
        assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == row.pdf_sha256
        assert "RA0000701" in pdf_text(pdf)
        assert len(row.pdf) + len(row.pdf_parts) < len(pdf) / 4, row.number
    # Two font programs, their character map (the same codes in both faces) and the color profile, whichever
    # document; the photo's printable copy once, though the credit memo and the fee receipt of its line
    # both show it; and the dictionary of each kind of document (the first memo's and receipt's lean bytes).
    assert hashlib.sha256(printable).hexdigest() in parts
    assert len(parts) == 7
    dictionaries = {dictionary_of(row.pdf_parts) for row in rows}
    assert len(dictionaries - {None}) == 2
    whole = sum(map(len, issued.values()))
    kept = sum(len(row.pdf) + len(row.pdf_parts) for row in rows) + sum(parts.values())
    assert kept < whole / 3


def test_a_part_changed_outside_the_station_is_refused_with_a_clear_message(station, issued) -> None:
    number = next(iter(issued))
    with station.units.read() as uow:
        font = uow.session.execute(
            select(DocumentPartRow.sha256).order_by(func.length(DocumentPartRow.content).desc()).limit(1)
        ).scalar_one()
    with station.units.write() as uow:
        uow.session.execute(
            text(
                "DROP TRIGGER document_parts_no_update"
                if _sqlite(station)
                else "DROP TRIGGER document_parts_no_change ON document_parts"
            )
        )
        uow.session.execute(
            text("UPDATE document_parts SET content = :content WHERE sha256 = :digest"),
            {"content": b"not the font that was issued", "digest": font},
        )
        uow.commit()

    with pytest.raises(StoredPdfChanged, match=f"The stored PDF of {number} is not the file that was issued"):
        station.history.document(number, reprint=False)
    assert str(station.history.verify_audit_chain(full=True).first_break) == (
        f"document_parts row {font} differs from the SHA-256 it is kept under: it was changed outside the station"
    )


@pytest.mark.parametrize("change", ["UPDATE document_parts SET content = :content", "DELETE FROM document_parts"])
def test_the_database_refuses_to_change_or_remove_a_part(station, issued, change) -> None:
    with station.units.write() as uow, pytest.raises(DBAPIError, match="document_parts_are_append_only"):
        uow.session.execute(text(change), {"content": b"other bytes"})
        uow.commit()


def _sqlite(station) -> bool:
    return station.database_url.startswith("sqlite")
