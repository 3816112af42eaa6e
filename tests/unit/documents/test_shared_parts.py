"""A document stored lean gives back the issued bytes exactly, and what two documents both embed is the
same part in each, so the station keeps it once."""

from __future__ import annotations

import base64
import hashlib
import json
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.photos import printable_photo
from receiving_app.documents.render import render
from receiving_app.documents.shared_parts import LeanPdf, dictionary_of, lean_bytes, lean_pdf, whole_pdf


def test_a_memo_with_photos_comes_back_byte_for_byte_without_its_fonts_and_pictures(
    credit_memo_content: DocumentContent,
) -> None:
    pdf = render(credit_memo_content)

    lean = lean_pdf(pdf)

    assert _whole(lean) == pdf
    assert len(lean.deflated) < len(pdf) / 4
    photos = {hashlib.sha256(printable_photo(photo)).hexdigest() for photo in credit_memo_content.evidence.photos}
    assert photos <= set(lean.shared)
    font_programs = [content for content in lean.shared.values() if len(content) > 10_000]
    assert len(font_programs) == 2  # the regular and the bold face


def test_two_different_documents_share_their_fonts(
    credit_memo_content: DocumentContent, denial_content: DocumentContent
) -> None:
    memo, notice = lean_pdf(render(credit_memo_content)), lean_pdf(render(denial_content))

    shared = set(memo.shared) & set(notice.shared)

    assert sum(len(memo.shared[digest]) for digest in shared) > 20_000


def test_a_file_whose_streams_are_not_what_they_say_is_kept_whole() -> None:
    # The length says 40 where the stream holds 9 bytes: taking it out would cut into the file.
    pdf = b"%PDF-1.7\n1 0 obj\n<< /Length 40 /Subtype /Image >>\nstream\n123456789\nendstream\nendobj\n%%EOF\n"

    lean = lean_pdf(pdf)

    assert lean.index.parts == () and _whole(lean) == pdf


def test_a_document_deflated_against_an_earlier_one_is_smaller_and_comes_back_whole(
    credit_memo_content: DocumentContent, override_memo_content: DocumentContent
) -> None:
    earlier, pdf = render(credit_memo_content), render(override_memo_content)
    first = lean_pdf(earlier)
    dictionary = lean_bytes(first.deflated, first.kept_as, _parts(first))

    alone, against = lean_pdf(pdf), lean_pdf(pdf, dictionary)

    assert zlib.decompress(against.shared[str(dictionary_of(against.kept_as))]) == dictionary
    assert len(against.deflated) < len(alone.deflated) * 0.7
    assert _whole(against) == pdf


def _kept_after(first_memo: DocumentContent, later_memo: DocumentContent) -> tuple[bytes, LeanPdf]:
    """The later memo's PDF, and how it is kept when the first memo's lean bytes are its kind's dictionary."""
    first = lean_pdf(render(first_memo))
    pdf = render(later_memo)
    return pdf, lean_pdf(pdf, lean_bytes(first.deflated, first.kept_as, _parts(first)))


def test_the_cross_references_are_written_again_and_a_later_memo_keeps_under_a_kilobyte(
    credit_memo_content: DocumentContent, override_memo_content: DocumentContent
) -> None:
    pdf, later = _kept_after(credit_memo_content, override_memo_content)

    assert later.index.xref == pdf.rindex(b"\nxref\n") + 1
    assert b"\nxref\n" not in lean_bytes(later.deflated, later.kept_as, _parts(later))
    assert _whole(later) == pdf
    # What the documents row keeps: the deflated bytes (where the parts go is among them) and the dictionary.
    assert len(later.deflated) + len(later.kept_as) < 1024


def test_the_dictionary_is_named_in_base64_and_one_named_in_hex_digits_is_still_found(
    credit_memo_content: DocumentContent, override_memo_content: DocumentContent
) -> None:
    pdf, later = _kept_after(credit_memo_content, override_memo_content)
    digest = str(dictionary_of(later.kept_as))

    named = base64.urlsafe_b64encode(bytes.fromhex(digest)).decode()[:43]
    assert later.kept_as == json.dumps({"dictionary": named}, separators=(",", ":"))
    as_kept_before = json.dumps({"dictionary": digest})  # 64 hex digits, as documents stored before kept it
    assert whole_pdf(later.deflated, as_kept_before, _parts(later)) == pdf


def test_a_cross_reference_table_that_is_not_where_the_objects_are_is_kept_as_it_was() -> None:
    body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    table = b"xref\n0 2\n0000000000 65535 f \n0000000003 00000 n \n"  # object 1 is at 9, not 3
    pdf = body + table + b"trailer\n<< /Size 2 >>\nstartxref\n" + str(len(body)).encode() + b"\n%%EOF\n"

    lean = lean_pdf(pdf)

    assert lean.index.xref is None and _whole(lean) == pdf


def test_a_document_stored_with_its_index_in_its_column_is_read_as_it_was_stored() -> None:
    # Before the index moved into the deflated bytes: the lean bytes alone, and the index beside them.
    pdf = b"%PDF-1.4\n1 0 obj\n<< /Subtype /Image /Length 4 >>\nstream\nJPEG\nendstream\nendobj\n%%EOF\n"
    lean = lean_pdf(pdf)
    lean_alone = lean_bytes(lean.deflated, lean.kept_as, _parts(lean)).rpartition(b"\n%parts ")[0]
    column = json.dumps({"dictionary": None, "parts": [list(part) for part in lean.index.parts]})

    assert lean.index.parts and whole_pdf(zlib.compress(lean_alone), column, _parts(lean)) == pdf


@pytest.mark.parametrize("changed", [lambda kept: kept + b"% one more line", lambda kept: kept[:-3]])
def test_stored_bytes_with_anything_added_or_cut_are_refused(credit_memo_content: DocumentContent, changed) -> None:
    lean = lean_pdf(render(credit_memo_content))

    with pytest.raises(zlib.error):
        whole_pdf(changed(lean.deflated), lean.kept_as, _parts(lean))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_come_back_as_they_were(data: bytes) -> None:
    pdf = b"1 0 obj\n<< /Length 4 /Subtype /Image >>\nstream\n" + data[:4].ljust(4, b"x") + b"\nendstream\n" + data

    lean = lean_pdf(pdf)

    assert _whole(lean) == pdf


def _whole(lean: LeanPdf) -> bytes:
    """The PDF put back together from what the documents table would keep of it, and its parts."""
    return whole_pdf(lean.deflated, lean.kept_as, _parts(lean))


def _parts(lean: LeanPdf):
    return lambda digests: {digest: lean.shared[digest] for digest in digests if digest in lean.shared}
