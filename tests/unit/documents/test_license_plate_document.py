"""The license plate label on a decided cartridge: its number as a barcode that scans, where it goes, on every paper."""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta, timezone

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from receiving_app.documents.license_plate import LicensePlateContent, render_license_plate
from receiving_app.documents.model import DocumentError
from receiving_app.domain.media import LABEL_4X6, NAMED_MEDIA, SHEET_MEDIA, Medium
from tests.support.pdf import POINTS_PER_INCH, decode_code128, page_sizes_pt, pdf_text, rasterize_page, reading_text

DECIDED_AT = datetime(2026, 3, 27, 14, 5, tzinfo=timezone(timedelta(hours=-5)))
PLATE = LicensePlateContent(
    lpn="LP00000042",
    sku="CF285A",
    described="HP 85A black toner cartridge",
    route_label="Back to stock, new",
    instruction="Sealed and full: put it in a new-stock tote.",
    container="CT-000012",
    origin="RMA RA-1 line 2 unit 1",
    measured="Fill: 97 %",
    made_at=DECIDED_AT,
    station_id="BENCH-02",
)
NOT_PLACED = dataclasses.replace(PLATE, container=None, measured="Fill: not weighed")
LONG_DESCRIPTION = (
    "HP 85A black toner cartridge, high yield, in a retail box with a torn corner and the seller's own"
    " return sticker over the printed barcode, shipped together with a spare drum unit in a bag"
)
LONG_ROUTE = "Hold for the supplier's inspection before any credit is issued to the customer"
LONG = dataclasses.replace(PLATE, described=LONG_DESCRIPTION, route_label=LONG_ROUTE)
MEDIA = [pytest.param(medium, id=name) for name, medium in NAMED_MEDIA.items()]
PDF_ROUNDING_PT = 0.001
NAMESPACES = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}


@pytest.fixture(scope="module")
def label_pdf() -> bytes:
    return render_license_plate(PLATE, LABEL_4X6)


@pytest.mark.parametrize("medium", MEDIA)
def test_the_label_is_one_page_as_wide_as_the_paper(medium: Medium) -> None:
    ((width, length),) = page_sizes_pt(render_license_plate(PLATE, medium))
    assert width == pytest.approx(medium.width_pt, abs=PDF_ROUNDING_PT)
    if medium.length_pt is not None:
        assert length == pytest.approx(medium.length_pt, abs=PDF_ROUNDING_PT)
    else:
        # A roll is cut after the label: longer than it is wide, far shorter than a sheet.
        assert medium.width_pt < length < 6 * POINTS_PER_INCH


@pytest.mark.parametrize(
    ("medium", "dpi"),
    [
        *(pytest.param(medium, medium.dpi, id=f"{name}-at-{medium.dpi}-dpi") for name, medium in NAMED_MEDIA.items()),
        pytest.param(LABEL_4X6, 203, id="4x6-at-203-dpi-the-thermal-head"),
        pytest.param(LABEL_4X6, 300, id="4x6-at-300-dpi-from-an-office-printer"),
    ],
)
def test_the_barcode_scans_as_the_license_plate_number(medium: Medium, dpi: int) -> None:
    pdf = render_license_plate(PLATE, medium)
    assert decode_code128(rasterize_page(pdf, 0, dpi=dpi)) == ["LP00000042"]


@pytest.mark.parametrize("medium", MEDIA)
def test_the_label_says_where_the_unit_goes_and_what_it_is(medium: Medium) -> None:
    text = reading_text(render_license_plate(PLATE, medium))
    assert text.startswith("LP00000042")
    for expected in (
        "Back to stock, new",
        "Sealed and full: put it in a new-stock tote.",
        "Container: CT-000012",
        "SKU CF285A",
        "HP 85A black toner cartridge",
        "RMA RA-1 line 2 unit 1",
        "Fill: 97 %",
        "Station BENCH-02 - 2026-03-27 14:05",
    ):
        assert expected in text
    # Largest first: the route comes before the details that a clerk reads up close.
    assert text.index("Back to stock, new") < text.index("Container:") < text.index("SKU CF285A")


@pytest.mark.parametrize("medium", MEDIA)
def test_a_unit_not_yet_in_a_container_says_so(medium: Medium) -> None:
    text = reading_text(render_license_plate(NOT_PLACED, medium))
    assert "Container: not placed yet" in text
    assert "Fill: not weighed" in text
    assert "CT-000012" not in text


@pytest.mark.parametrize("medium", [pytest.param(medium, id=name) for name, medium in SHEET_MEDIA.items()])
def test_on_a_sheet_the_label_is_four_by_six_at_the_top_with_a_cut_line(medium: Medium) -> None:
    pdf = render_license_plate(PLATE, medium)
    assert "Cut along the dashed line" in reading_text(pdf)
    page = rasterize_page(pdf, 0, dpi=72)
    dark_rows = [y for y in range(page.height) if page.crop((0, y, page.width, y + 1)).getextrema()[0] < 128]
    dark_columns = [x for x in range(page.width) if page.crop((x, 0, x + 1, page.height)).getextrema()[0] < 128]
    # The cut line frames 4 x 6 in, half an inch in from the sheet's top left; only its hint is under it.
    assert dark_columns[0] == pytest.approx(36, abs=1)
    assert dark_columns[-1] == pytest.approx(36 + 288, abs=1)
    assert dark_rows[0] == pytest.approx(36, abs=1)
    assert dark_rows[-1] < 36 + 432 + 20


@pytest.mark.parametrize("medium", MEDIA)
def test_the_same_unit_makes_the_same_bytes(medium: Medium) -> None:
    assert render_license_plate(PLATE, medium) == render_license_plate(dataclasses.replace(PLATE), medium)


def test_the_decision_time_is_part_of_the_file(label_pdf: bytes) -> None:
    later = dataclasses.replace(PLATE, made_at=DECIDED_AT + timedelta(minutes=1))
    assert render_license_plate(later, LABEL_4X6) != label_pdf
    assert PdfReader(io.BytesIO(label_pdf)).metadata.creation_date == DECIDED_AT


def test_the_file_is_pdf_a_2b(label_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(label_pdf))
    root = reader.trailer["/Root"]
    assert reader.metadata.title == "License plate LP00000042"
    xmp = ElementTree.fromstring(root["/Metadata"].get_object().get_data())
    assert xmp.findtext(".//pdfaid:part", namespaces=NAMESPACES) == "2"
    assert xmp.findtext(".//pdfaid:conformance", namespaces=NAMESPACES) == "B"
    (intent,) = root["/OutputIntents"]
    assert intent.get_object()["/S"] == "/GTS_PDFA1"


def test_the_file_is_tagged_with_the_barcode_described(label_pdf: bytes) -> None:
    root = PdfReader(io.BytesIO(label_pdf)).trailer["/Root"]
    marked = root["/MarkInfo"]["/Marked"]
    assert isinstance(marked, BooleanObject) and marked.value
    document = root["/StructTreeRoot"]["/K"].get_object()
    elements = [kid.get_object() for kid in document["/K"]]
    roles = [element["/S"] for element in elements]
    assert roles[:2] == ["/P", "/Figure"]  # the number, then its barcode
    assert set(roles) == {"/P", "/Figure"}
    (figure,) = [element for element in elements if element["/S"] == "/Figure"]
    assert figure["/Alt"] == "Barcode of LP00000042"


def _inked_box(page: Image.Image) -> tuple[int, int, int, int]:
    """Left, top, right and bottom of everything printed, in dots."""
    box = Image.eval(page, lambda value: 255 if value < 128 else 0).getbbox()
    assert box is not None
    return box


def test_a_long_route_and_description_wrap_and_stay_on_the_one_label() -> None:
    pdf = render_license_plate(LONG, LABEL_4X6)
    assert page_sizes_pt(pdf) == [(288.0, 432.0)]
    text = reading_text(pdf)
    assert LONG_ROUTE in text and LONG_DESCRIPTION in text and "RMA RA-1 line 2 unit 1" in text
    lines = pdf_text(pdf).splitlines()
    assert LONG_ROUTE not in lines and LONG_DESCRIPTION not in lines  # each was wrapped
    page = rasterize_page(pdf, 0, dpi=LABEL_4X6.dpi)
    assert decode_code128(page) == ["LP00000042"]
    # Nothing runs into the outer 4 pt of the label, where a die-cut label's edge may fall.
    edge = round(4 * LABEL_4X6.dpi / POINTS_PER_INCH)
    left, top, right, bottom = _inked_box(page)
    assert left >= edge and top >= edge and right <= page.width - edge and bottom <= page.height - edge


@pytest.mark.parametrize("medium", MEDIA)
def test_a_long_unbroken_sku_and_container_stay_on_the_paper(medium: Medium) -> None:
    sku = "CF285A-REMANUFACTURED-HIGHYIELD-XL-2PK"
    container = "CT-WAREHOUSE-EAST-AISLE-14-BAY-03-000012"
    pdf = render_license_plate(dataclasses.replace(PLATE, sku=sku, container=container), medium)
    text = reading_text(pdf)
    assert f"SKU {sku}" in text and f"Container: {container}" in text
    page = rasterize_page(pdf, 0, dpi=medium.dpi)
    if medium.name in SHEET_MEDIA:
        # Nothing crosses the dashed cut line, which is itself the outermost ink of the label.
        label = [round(points * medium.dpi / POINTS_PER_INCH) for points in (36, 36, 36 + 288, 36 + 432)]
        left, _, right, _ = _inked_box(page.crop((0, label[1], page.width, label[3])))
        assert label[0] - 2 <= left and right <= label[2] + 2
    else:
        edge = round(2 * medium.dpi / POINTS_PER_INCH)
        left, _, right, _ = _inked_box(page)
        assert left >= edge and right <= page.width - edge


def test_a_label_with_more_words_than_fit_is_refused() -> None:
    wordy = dataclasses.replace(LONG, described=" ".join([LONG_DESCRIPTION] * 10))
    with pytest.raises(DocumentError, match=r"LP00000042: .* no room on the label"):
        render_license_plate(wordy, LABEL_4X6)


def test_letters_beyond_ascii_print_and_read_back() -> None:
    described = "Toner für Łódź – černý, Ελληνικά"
    pdf = render_license_plate(dataclasses.replace(PLATE, described=described), LABEL_4X6)
    assert described in reading_text(pdf)


@pytest.mark.parametrize("missing", [{"lpn": ""}, {"route_label": " "}])
def test_a_label_without_its_number_or_route_is_refused(missing: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="needs its number and its route"):
        dataclasses.replace(PLATE, **missing)


def test_a_decision_time_without_a_time_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        dataclasses.replace(PLATE, made_at=datetime(2026, 3, 27, 14, 5))
