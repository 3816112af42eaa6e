"""A document stored lean gives back the issued bytes exactly, and what two documents both embed is the
same part in each, so the station keeps it once."""

from __future__ import annotations

import hashlib
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.photos import printable_photo
from receiving_app.documents.render import render
from receiving_app.documents.shared_parts import PartsIndex, lean_bytes, lean_pdf, whole_pdf


def test_a_memo_with_photos_comes_back_byte_for_byte_without_its_fonts_and_pictures(
    credit_memo_content: DocumentContent,
) -> None:
    pdf = render(credit_memo_content)

    lean = lean_pdf(pdf)

    assert whole_pdf(lean.deflated, PartsIndex.from_text(lean.index.text), lean.shared) == pdf
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

    assert lean.index.parts == () and whole_pdf(lean.deflated, lean.index, lean.shared) == pdf


def test_a_document_deflated_against_an_earlier_one_is_smaller_and_comes_back_whole(
    credit_memo_content: DocumentContent, override_memo_content: DocumentContent
) -> None:
    earlier, pdf = render(credit_memo_content), render(override_memo_content)
    first = lean_pdf(earlier)
    dictionary = lean_bytes(first.deflated, first.index, first.shared)

    alone, against = lean_pdf(pdf), lean_pdf(pdf, dictionary)

    assert zlib.decompress(against.shared[against.index.dictionary]) == dictionary
    assert len(against.deflated) < len(alone.deflated) * 0.7
    assert whole_pdf(against.deflated, PartsIndex.from_text(against.index.text), against.shared) == pdf


@pytest.mark.parametrize("changed", [lambda kept: kept + b"% one more line", lambda kept: kept[:-3]])
def test_stored_bytes_with_anything_added_or_cut_are_refused(credit_memo_content: DocumentContent, changed) -> None:
    lean = lean_pdf(render(credit_memo_content))

    with pytest.raises(zlib.error):
        whole_pdf(changed(lean.deflated), lean.index, lean.shared)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_come_back_as_they_were(data: bytes) -> None:
    pdf = b"1 0 obj\n<< /Length 4 /Subtype /Image >>\nstream\n" + data[:4].ljust(4, b"x") + b"\nendstream\n" + data

    lean = lean_pdf(pdf)

    assert whole_pdf(lean.deflated, PartsIndex.from_text(lean.index.text), lean.shared) == pdf
