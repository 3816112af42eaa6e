"""What a screen reader, a text export or an accounting OCR gets from a document: every amount after its
label, every line's amounts after that line, and all text in the tagged reading order, on every paper."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable

import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader
from pypdf.generic import ContentStream

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.render import render
from receiving_app.domain.media import NAMED_MEDIA, Medium
from receiving_app.domain.money_text import added_text, deducted_text, figure_text, money_text
from tests.support.pdf import LEADER_DOTS, pdf_text

DOCUMENTS = [
    "two_line_credit_memo_content",
    "credit_memo_content",
    "restocking_receipt_content",
    "denial_content",
    "replacement_content",
    "rma_label_content",
]
WITH_AMOUNTS = DOCUMENTS[:3]
MEDIA = list(NAMED_MEDIA.values())


def _poppler_text(pdf: bytes) -> str:
    """pdftotext's plain reading order (no -layout): its own guess from where the words stand."""
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def _pdfminer_text(pdf: bytes) -> str:
    """pdfminer's layout analysis, which like pdftotext groups words into boxes by the gaps between them
    and reads a column of labels and a column of amounts a wide gap apart one after the other."""
    return extract_text(io.BytesIO(pdf))


# The tagged order is the order of the content streams, which the structure tree follows; the other
# two readers ignore it and guess from the page, as an OCR would. poppler is not a dependency of the
# project, so pdftotext is asked only where it is installed.
TEXT_READERS: dict[str, Callable[[bytes], str]] = {"in the tagged order": pdf_text, "by pdfminer": _pdfminer_text}
if shutil.which("pdftotext"):
    TEXT_READERS["by pdftotext"] = _poppler_text
# pdfminer reads a table's grid column by column, whatever is drawn: a table's rows are read in order
# by a reader that follows the tags, and by pdftotext.
ROW_READERS = [name for name in TEXT_READERS if name != "by pdfminer"]


def _read(pdf: bytes, reader: Callable[[bytes], str]) -> str:
    """The text on one line, the dot leaders between a label and its amount read as a space."""
    return " ".join(LEADER_DOTS.sub(" ", reader(pdf)).split())


def _label_and_amount(content: DocumentContent) -> list[tuple[str, str]]:
    """The sums each document prints, worked out from the content rather than from the layout."""
    sums, total = content.summed_amounts, content.total
    if content.title == "Credit memo":
        return [
            ("Merchandise", figure_text(sums.merchandise)),
            ("Restocking fee", deducted_text(sums.restocking_fee)),
            ("Return label", deducted_text(sums.return_shipping_deduction)),
            ("Shipping refund", added_text(sums.shipping_refund)),
            (f"Totals ({total.currency})", figure_text(total)),
            ("Refund total", money_text(total)),
        ]
    pairs = [
        ("Merchandise", figure_text(sums.merchandise)),
        ("Restocking fee kept", deducted_text(sums.restocking_fee)),
    ]
    if not sums.return_shipping_deduction.is_zero:
        pairs.append(("Return label deducted", deducted_text(sums.return_shipping_deduction)))
    if not sums.shipping_refund.is_zero:
        pairs.append(("Shipping refunded", added_text(sums.shipping_refund)))
    return [*pairs, ("Refund after the fee", money_text(total))]


def _printed(content: DocumentContent, medium: Medium) -> bytes:
    return render(content, medium)


def _id(value: object) -> str:
    return value.name if isinstance(value, Medium) else str(value).removesuffix("_content").replace("_", "-")


@pytest.mark.parametrize("reader_name", TEXT_READERS)
@pytest.mark.parametrize("medium", MEDIA, ids=_id)
@pytest.mark.parametrize("fixture", WITH_AMOUNTS, ids=_id)
def test_every_sum_is_read_right_after_its_label(request, fixture: str, medium: Medium, reader_name: str) -> None:
    content: DocumentContent = request.getfixturevalue(fixture)
    text = _read(_printed(content, medium), TEXT_READERS[reader_name])
    pairs = _label_and_amount(content)
    if content.title == "Credit memo" and len(content.lines) == 1 and medium.width_pt < 360:
        pairs = pairs[-1:]  # one line on narrow paper: its own amounts are the sums
    for label, amount in pairs:
        assert f"{label} {amount}" in text, f"{amount} is not read right after {label!r}"


@pytest.mark.parametrize("reader_name", ROW_READERS)
@pytest.mark.parametrize("medium", MEDIA, ids=_id)
@pytest.mark.parametrize("fixture", WITH_AMOUNTS, ids=_id)
def test_each_lines_amounts_are_read_after_it_and_before_the_next_line(
    request, fixture: str, medium: Medium, reader_name: str
) -> None:
    content: DocumentContent = request.getfixturevalue(fixture)
    text = _read(_printed(content, medium), TEXT_READERS[reader_name])
    starts = [text.index(line.sku) for line in content.lines]
    ends = [*starts[1:], len(text)]
    for line, start, end in zip(content.lines, starts, ends, strict=True):
        amounts = [figure_text(line.unit_price), figure_text(line.total)]
        segment = text[start:end]
        positions = [segment.find(f" {amount}") for amount in amounts]
        assert -1 not in positions, f"line {line.line_number}: {amounts} not all read between it and the next"
        assert positions == sorted(positions), f"line {line.line_number}: its total is read before its unit price"


def _text_outside_marked_content(pdf: bytes) -> list[str]:
    """Text shown on a page outside any marked content: neither in the reading order nor an artifact."""
    loose = []
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        depth = 0
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BDC", b"BMC"):
                depth += 1
            elif operator == b"EMC":
                depth -= 1
            elif operator in (b"Tj", b"TJ", b"'", b'"', b"Do") and depth == 0:
                loose.append(f"{operator.decode()} {operands!r}"[:80])
    return loose


@pytest.mark.parametrize("medium", MEDIA, ids=_id)
@pytest.mark.parametrize("fixture", DOCUMENTS, ids=_id)
def test_every_document_is_tagged_with_all_its_text_in_marked_content(request, fixture: str, medium: Medium) -> None:
    pdf = _printed(request.getfixturevalue(fixture), medium)
    catalog = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    top = catalog["/StructTreeRoot"]["/K"]
    assert top["/S"] == "/Document"
    roles = {element["/S"] for element in top["/K"]}
    assert "/P" in roles
    assert _text_outside_marked_content(pdf) == []


@pytest.mark.parametrize("medium", MEDIA, ids=_id)
def test_the_rma_labels_barcode_is_a_figure_that_says_its_number(rma_label_content, medium: Medium) -> None:
    pdf = _printed(rma_label_content, medium)
    elements = PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"]["/K"]["/K"]
    figures = [str(element["/Alt"]) for element in elements if element["/S"] == "/Figure"]
    assert figures == [f"Barcode of {rma_label_content.rma_number}"]
