"""A document's PDF is PDF/A-2b and tagged: what an archive's validator and a screen reader look for."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from contextlib import nullcontext
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import BooleanObject, StreamObject

from receiving_app.documents.archival import make_archival
from receiving_app.documents.pdf_canvas import blank_canvas
from receiving_app.documents.tagging import MarkedContentError, StructureTree
from receiving_app.documents.text_blocks import draw_text
from receiving_app.documents.typography import BOLD, REGULAR

ROOT = Path(__file__).resolve().parents[3]
CREATED = datetime(2026, 3, 27, 14, 5, tzinfo=timezone(timedelta(hours=-5)))
TITLE = "Credit memo CM-1 for <Smith & Sons> Łódź"
HEADING = "Credit memo"
FIRST_LINE = "Zażółć gęślą jaźń, Ελληνικά, Кириллица"
SECOND_PAGE_LINE = "Refund credited to account 10023"
BARCODE_ALT = "Barcode of RMA R-104233"
NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


def drawn_pdf(*, tagged: bool = True) -> bytes:
    """Two pages drawn the way the documents are: a gray watermark, a heading, a line, a barcode-like figure."""
    output = io.BytesIO()
    canvas = blank_canvas(output, (300, 400))
    make_archival(canvas, CREATED)
    canvas.setTitle(TITLE)
    canvas.setAuthor("Image-Pro Services & Supplies, Inc.")
    canvas.setSubject("RA number RA-104233")
    canvas.setCreator("Returns Receiving Station")
    tree = StructureTree(canvas)
    with tree.artifact() if tagged else nullcontext():
        canvas.setFillGray(0.87)
        canvas.rect(0, 0, 300, 20, fill=1)
        canvas.setFillGray(0)
    with tree.element("H1") if tagged else nullcontext():
        draw_text(canvas, 14, 20, 380, [(BOLD, 0, 0, HEADING)])
    with tree.element("P") if tagged else nullcontext():
        draw_text(canvas, 10, 20, 350, [(REGULAR, 0, 0, FIRST_LINE)])
    canvas.showPage()
    with tree.element("P") if tagged else nullcontext():
        draw_text(canvas, 10, 20, 350, [(REGULAR, 0, 0, SECOND_PAGE_LINE)])
    with tree.element("Figure", alt=BARCODE_ALT) if tagged else nullcontext():
        canvas.rect(20, 100, 100, 30, fill=1)
    canvas.showPage()
    if tagged:
        tree.write()
    canvas.save()
    return output.getvalue()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return drawn_pdf()


@pytest.fixture(scope="module")
def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _xmp(reader: PdfReader) -> ElementTree.Element:
    metadata = reader.trailer["/Root"]["/Metadata"].get_object()
    assert (metadata["/Type"], metadata["/Subtype"]) == ("/Metadata", "/XML")
    assert "/Filter" not in metadata
    return ElementTree.fromstring(metadata.get_data())


def _xmp_value(xmp: ElementTree.Element, path: str) -> str:
    found = xmp.find(f".//rdf:Description/{path}", NAMESPACES)
    assert found is not None, path
    return found.text or ""


def _pdf_date(text: str) -> datetime:
    match = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'", text)
    assert match is not None, text
    offset = timedelta(hours=int(match[3]), minutes=int(match[4])) * (1 if match[2] == "+" else -1)
    return datetime.strptime(match[1], "%Y%m%d%H%M%S").replace(tzinfo=timezone(offset))


def test_the_xmp_metadata_claims_pdfa_2b(reader: PdfReader) -> None:
    xmp = _xmp(reader)
    assert _xmp_value(xmp, "pdfaid:part") == "2"
    assert _xmp_value(xmp, "pdfaid:conformance") == "B"


def test_the_xmp_metadata_says_what_the_info_dictionary_says(reader: PdfReader) -> None:
    xmp = _xmp(reader)
    info = reader.metadata
    assert info is not None
    assert _xmp_value(xmp, "dc:title/rdf:Alt/rdf:li") == info.title == TITLE
    assert _xmp_value(xmp, "dc:creator/rdf:Seq/rdf:li") == info.author
    assert _xmp_value(xmp, "dc:description/rdf:Alt/rdf:li") == info.subject
    assert _xmp_value(xmp, "xmp:CreatorTool") == info.creator
    assert _xmp_value(xmp, "pdf:Producer") == info.producer
    created = datetime.fromisoformat(_xmp_value(xmp, "xmp:CreateDate"))
    assert created == datetime.fromisoformat(_xmp_value(xmp, "xmp:ModifyDate")) == CREATED
    assert _pdf_date(info["/CreationDate"]) == _pdf_date(info["/ModDate"]) == created
    assert created.utcoffset() == CREATED.utcoffset()


def test_colors_are_tied_to_an_embedded_srgb_profile(reader: PdfReader) -> None:
    (intent,) = reader.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    header = profile.get_data()[:128]
    assert header[36:40] == b"acsp"  # an ICC profile
    assert header[12:20] == b"mntrRGB "  # a display profile in RGB: what PDF/A-2 allows for an output intent
    assert header[8] < 5  # ICC version below 5


def test_the_header_names_pdf_1_4_or_later_and_marks_the_file_binary(pdf: bytes) -> None:
    header, binary_comment = pdf.split(b"\n")[:2]
    match = re.fullmatch(rb"%PDF-1\.([0-7])", header)
    assert match is not None and int(match[1]) >= 4
    assert binary_comment.startswith(b"%") and all(byte > 127 for byte in binary_comment[1:5])


def test_the_trailer_identifies_the_file(reader: PdfReader) -> None:
    first, second = reader.trailer["/ID"]
    assert len(first) == len(second) == 16


def test_every_stream_ends_with_an_end_of_line_before_endstream(pdf: bytes, reader: PdfReader) -> None:
    streams = 0
    for number, offset in reader.xref[0].items():
        if not isinstance(reader.get_object(number), StreamObject):
            continue
        start = pdf.index(b"stream\n", offset) + len(b"stream\n")
        length = re.search(rb"/Length (\d+)", pdf[offset:start])
        assert length is not None, number
        assert pdf[start + int(length[1]) :].startswith(b"\nendstream"), number
        streams += 1
    assert streams >= 6  # two pages' contents, two fonts, the ICC profile, the XMP


def test_every_font_on_every_page_is_embedded(reader: PdfReader) -> None:
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert {font["/BaseFont"].split("+", 1)[1] for font in fonts} == {REGULAR, BOLD}
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        # A symbolic TrueType subset: PDF/A-2 allows it only without an /Encoding.
        assert descriptor["/Flags"] & 4 and "/Encoding" not in font
        assert len(font["/Widths"]) == font["/LastChar"] - font["/FirstChar"] + 1


def test_the_file_is_marked_tagged_in_american_english(reader: PdfReader) -> None:
    root = reader.trailer["/Root"]
    marked = root["/MarkInfo"]["/Marked"]
    assert isinstance(marked, BooleanObject) and marked.value
    assert root["/Lang"] == "en-US"


def test_the_structure_tree_gives_the_reading_order(reader: PdfReader) -> None:
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    document = tree["/K"].get_object()
    assert document["/S"] == "/Document"
    kids = [kid.get_object() for kid in document["/K"]]
    pages = [page.indirect_reference for page in reader.pages]
    assert [(kid["/S"], pages.index(kid["/Pg"].indirect_reference), kid["/K"]) for kid in kids] == [
        ("/H1", 0, 0),
        ("/P", 0, 1),
        ("/P", 1, 0),
        ("/Figure", 1, 1),
    ]
    assert [kid.get("/Alt") for kid in kids] == [None, None, None, BARCODE_ALT]
    assert all(kid["/P"].get_object() == document for kid in kids)


def test_each_page_finds_its_elements_in_the_parent_tree(reader: PdfReader) -> None:
    numbers = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    parent_tree = dict(zip(numbers[::2], numbers[1::2], strict=True))
    for page in reader.pages:
        marked = [int(mcid) for mcid in re.findall(rb"<</MCID (\d+)>> BDC", page.get_contents().get_data())]
        elements = [element.get_object() for element in parent_tree[page["/StructParents"]]]
        assert marked == list(range(len(elements)))
        assert [element["/K"] for element in elements] == marked
        assert all(element["/Pg"].indirect_reference == page.indirect_reference for element in elements)


def test_furniture_is_marked_as_an_artifact(reader: PdfReader) -> None:
    content = reader.pages[0].get_contents().get_data()
    assert re.search(rb"/Artifact BMC\s[^E]*re B\*\s.*?EMC", content, re.DOTALL)


def test_the_same_drawing_makes_the_same_bytes(pdf: bytes) -> None:
    assert drawn_pdf() == pdf


def test_another_process_makes_the_same_bytes(pdf: bytes) -> None:
    # Nothing taken from the clock or from the process (a freshly made ICC profile carries its time).
    program = (
        "import sys; from tests.unit.documents.test_archival_pdf import drawn_pdf; sys.stdout.buffer.write(drawn_pdf())"
    )
    other = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, check=True).stdout
    assert other == pdf


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext is not installed")
def test_pdftotext_reads_a_tagged_page_as_an_untagged_one(pdf: bytes, tmp_path: Path) -> None:
    def text_of(data: bytes, name: str) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout

    tagged = text_of(pdf, "tagged.pdf")
    assert tagged == text_of(drawn_pdf(tagged=False), "untagged.pdf")
    assert [line for line in tagged.replace("\f", "\n").split("\n") if line] == [HEADING, FIRST_LINE, SECOND_PAGE_LINE]


def test_marked_content_cannot_be_nested() -> None:
    canvas = blank_canvas(io.BytesIO(), (300, 400))
    tree = StructureTree(canvas)
    with tree.element("Table"), pytest.raises(MarkedContentError), tree.element("P"):
        pass


def test_an_element_cannot_run_onto_the_next_page() -> None:
    canvas = blank_canvas(io.BytesIO(), (300, 400))
    tree = StructureTree(canvas)
    with pytest.raises(MarkedContentError), tree.element("P"):
        canvas.showPage()


def test_only_standard_roles_are_recorded() -> None:
    tree = StructureTree(blank_canvas(io.BytesIO(), (300, 400)))
    with pytest.raises(ValueError, match="Barcode"), tree.element("Barcode"):
        pass
    assert tree.elements == ()


def test_the_info_dictionary_reads_back_any_seller_s_name_as_written() -> None:
    """A name with parentheses, a backslash or letters beyond ASCII reads back exactly, in Info and XMP."""
    names = ("Office (Supplies) \\ Co.", "Société Générale de Bureautique", "Łódź Toner Sp. z o.o.", "東京トナー")
    for name in names:
        output = io.BytesIO()
        canvas = blank_canvas(output, (300, 400))
        make_archival(canvas, CREATED)
        canvas.setTitle(f"Credit memo for {name}")
        canvas.setAuthor(name)
        draw_text(canvas, 10, 20, 350, [(REGULAR, 0, 0, FIRST_LINE)])
        canvas.showPage()
        canvas.save()
        reader = PdfReader(io.BytesIO(output.getvalue()))
        assert reader.metadata is not None
        assert (reader.metadata.author, reader.metadata.title) == (name, f"Credit memo for {name}")
        assert _xmp_value(_xmp(reader), "dc:creator/rdf:Seq/rdf:li") == name


def test_a_page_or_catalog_beyond_what_the_documents_draw_is_written_whole() -> None:
    """The page and the catalog are written as text for what the station draws; a canvas that asks for
    more (transparency, a bookmark, a link) still gets every entry it needs, with PDF/A's own."""
    output = io.BytesIO()
    canvas = blank_canvas(output, (300, 400))
    make_archival(canvas, CREATED)
    canvas.setFillAlpha(0.5)
    canvas.rect(20, 20, 100, 100, fill=1)
    canvas.bookmarkPage("first")
    canvas.addOutlineEntry("First page", "first")
    canvas.linkURL("https://example.com/", (20, 20, 120, 120))
    canvas.showPage()
    canvas.save()

    reader = PdfReader(io.BytesIO(output.getvalue()))
    page = reader.pages[0]
    assert "/ExtGState" in page["/Resources"] and len(page["/Annots"]) == 1
    root = reader.trailer["/Root"]
    assert "/Outlines" in root and root["/OutputIntents"][0]["/S"] == "/GTS_PDFA1" and "/Metadata" in root
