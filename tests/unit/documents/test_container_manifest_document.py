"""The container manifest: the number scans, the counts read back as recorded, long manifests are numbered
page by page, and a manifest whose counts disagree is never printed."""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ElementTree
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import BooleanObject

from receiving_app.documents.container_manifest import (
    ManifestContent,
    ManifestLine,
    kg_text,
    render_container_manifest,
)
from receiving_app.documents.model import DocumentError
from receiving_app.domain.media import A4, LABEL_4X6, LETTER, NAMED_MEDIA, ROLL_58MM, ROLL_80MM, Medium
from tests.support.pdf import POINTS_PER_INCH, decode_code128, page_sizes_pt, page_texts, rasterize_page, reading_text

ZONE = timezone(timedelta(hours=-5))
OPENED_AT = datetime(2026, 3, 23, 8, 10, tzinfo=ZONE)
CLOSED_AT = datetime(2026, 3, 27, 16, 42, tzinfo=ZONE)
LINES = (
    ManifestLine("CE285A", "HP 85A black toner cartridge", 6, 4, 2, Decimal("12.804")),
    ManifestLine("CF226X", "HP 26X black toner cartridge, high yield", 5, 3, 2, Decimal("12.15")),
    ManifestLine("Q2612A", "HP 12A black toner cartridge", 3, 2, 1, Decimal("5.458")),
)
PLATES = tuple(f"LP{number:08d}" for number in range(101, 115))
CONTENT = ManifestContent(
    container="CT-000012",
    kind_label="HP Planet Partners box",
    route_label="HP recycling",
    # Out of order on purpose: the manifest lists its SKUs sorted.
    lines=(LINES[2], LINES[0], LINES[1]),
    total_units=14,
    total_weight_kg=Decimal("30.412"),
    max_units=None,
    max_kg=Decimal("31"),
    opened_at=OPENED_AT,
    closed_at=CLOSED_AT,
    closed_by="Dana Whitfield",
    closed_because="full: 30.412 kg of 31 kg",
    station_id="BENCH-02",
    license_plates=PLATES,
)
GAYLORD_LINES = tuple(
    ManifestLine(f"EMPTY-{number:03d}", f"Empty toner cartridge, model {number}", 3, 2, 1, Decimal("0.75"))
    for number in range(40)
)
GAYLORD = ManifestContent(
    container="CT-000123",
    kind_label="Empties gaylord",
    route_label="Other empties",
    lines=GAYLORD_LINES,
    total_units=120,
    total_weight_kg=Decimal("30.000"),
    max_units=120,
    max_kg=Decimal("400"),
    opened_at=OPENED_AT,
    closed_at=CLOSED_AT,
    closed_by="Dana Whitfield",
    closed_because="full: 120 units of 120",
    station_id="BENCH-02",
    license_plates=tuple(f"LP{number:08d}" for number in range(1001, 1121)),
)
MEDIA = [pytest.param(medium, id=name) for name, medium in NAMED_MEDIA.items()]
PAGED_MEDIA = [pytest.param(medium, id=medium.name) for medium in (LETTER, A4, LABEL_4X6)]
ROLLS = [pytest.param(medium, id=medium.name) for medium in (ROLL_80MM, ROLL_58MM)]
PDF_ROUNDING_PT = 0.001
NAMESPACES = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}


def line_reads(line: ManifestLine, medium: Medium) -> str:
    """How one SKU reads back: a table row on a sheet, a card of labeled figures on narrow paper."""
    kilograms = f"{line.weight_kg:.3f} kg"
    if medium in (LETTER, A4):
        return f"{line.sku} {line.described} {line.units} {line.virgin} {line.not_virgin} {kilograms}"
    return (
        f"{line.sku} {line.described} Units {line.units} Virgin {line.virgin}"
        f" Not virgin {line.not_virgin} Weight {kilograms}"
    )


@pytest.mark.parametrize("medium", MEDIA)
def test_the_barcode_scans_as_the_container_number(medium: Medium) -> None:
    pdf = render_container_manifest(CONTENT, medium)
    assert decode_code128(rasterize_page(pdf, 0, dpi=medium.dpi)) == ["CT-000012"]


@pytest.mark.parametrize("medium", MEDIA)
def test_the_counts_read_back_as_recorded(medium: Medium) -> None:
    text = reading_text(render_container_manifest(CONTENT, medium))
    assert text.startswith("Container manifest CT-000012")
    for expected in (
        "HP recycling HP Planet Partners box",
        "Opened 2026-03-23 08:10",
        "Closed 2026-03-27 16:42",
        "Closed by Dana Whitfield",
        "Closed because full: 30.412 kg of 31 kg",
        "Station BENCH-02",
        "Units 14 Virgin 9 Not virgin 5 Weight 30.412 kg Limit 31 kg",
        "License plates (14) " + " ".join(PLATES),
    ):
        assert expected in text
    # Sorted by SKU, whatever order the lines came in; 12.15 kg is printed to the gram.
    positions = [text.index(line_reads(line, medium)) for line in LINES]
    assert positions == sorted(positions)
    assert "12.150 kg" in text
    assert positions[-1] < text.index("Units 14") < text.index("License plates")


@pytest.mark.parametrize(
    ("kilograms", "printed"),
    [("31", "31.000 kg"), ("2.5", "2.500 kg"), ("0.8124", "0.812 kg"), ("0.0125", "0.013 kg"), ("0", "0.000 kg")],
)
def test_weights_are_printed_to_the_gram(kilograms: str, printed: str) -> None:
    assert kg_text(Decimal(kilograms)) == printed


def test_a_limit_in_units_and_kilograms_names_both() -> None:
    text = reading_text(render_container_manifest(GAYLORD, LETTER))
    assert "Units 120 Virgin 80 Not virgin 40 Weight 30.000 kg Limit 120 units or 400 kg" in text


@pytest.mark.parametrize("medium", PAGED_MEDIA)
def test_a_long_manifest_is_numbered_page_by_page(medium: Medium) -> None:
    pdf = render_container_manifest(GAYLORD, medium)
    pages = page_texts(pdf)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"Container CT-000123 - page {number} of {len(pages)}" in " ".join(page.split())
    for width, length in page_sizes_pt(pdf):
        assert width == pytest.approx(medium.width_pt, abs=PDF_ROUNDING_PT)
        assert length == pytest.approx(medium.length_pt, abs=PDF_ROUNDING_PT)
    text = reading_text(pdf)
    assert all(line_reads(line, medium) in text for line in GAYLORD_LINES)
    assert all(plate in text for plate in GAYLORD.license_plates)
    # The barcode heads the first page only: a scanner aimed at the pile finds one container.
    assert decode_code128(rasterize_page(pdf, 0, dpi=medium.dpi)) == ["CT-000123"]
    assert decode_code128(rasterize_page(pdf, 1, dpi=medium.dpi)) == []


def test_a_plate_list_that_runs_onto_another_label_says_it_continues() -> None:
    plates = tuple(f"LP{number:08d}" for number in range(2001, 2201))
    one_sku = dataclasses.replace(
        GAYLORD,
        lines=(ManifestLine("EMPTY-000", "Empty toner cartridge", 200, 150, 50, Decimal("160")),),
        total_units=200,
        total_weight_kg=Decimal("160"),
        license_plates=plates,
    )
    pages = [" ".join(page.split()) for page in page_texts(render_container_manifest(one_sku, LABEL_4X6))]
    (first,) = [index for index, page in enumerate(pages) if "License plates (200)" in page]
    following = pages[first + 1 :]
    assert following and all("License plates, continued" in page for page in following)
    assert all(plate in " ".join(pages) for plate in plates)


@pytest.mark.parametrize("medium", ROLLS)
def test_on_a_roll_the_manifest_is_one_page_that_says_where_it_ends(medium: Medium) -> None:
    pdf = render_container_manifest(GAYLORD, medium)
    ((width, length),) = page_sizes_pt(pdf)
    assert width == pytest.approx(medium.width_pt, abs=PDF_ROUNDING_PT)
    assert length > 11 * POINTS_PER_INCH
    text = reading_text(pdf)
    assert text.endswith("Container CT-000123 - end of manifest")
    assert "page" not in text
    assert all(plate in text for plate in GAYLORD.license_plates)


@pytest.mark.parametrize("medium", MEDIA)
def test_the_same_container_makes_the_same_bytes(medium: Medium) -> None:
    again = dataclasses.replace(CONTENT, lines=tuple(dataclasses.replace(line) for line in CONTENT.lines))
    assert render_container_manifest(CONTENT, medium) == render_container_manifest(again, medium)


def test_the_closing_time_is_the_files_creation_date() -> None:
    pdf = render_container_manifest(CONTENT, LABEL_4X6)
    assert PdfReader(io.BytesIO(pdf)).metadata.creation_date == CLOSED_AT
    later = dataclasses.replace(CONTENT, closed_at=CLOSED_AT + timedelta(minutes=1))
    assert render_container_manifest(later, LABEL_4X6) != pdf


@pytest.mark.parametrize("medium", MEDIA)
def test_the_file_is_pdf_a_2b_and_tagged_with_the_barcode_described(medium: Medium) -> None:
    reader = PdfReader(io.BytesIO(render_container_manifest(CONTENT, medium)))
    root = reader.trailer["/Root"]
    assert reader.metadata.title == "Container manifest CT-000012"
    xmp = ElementTree.fromstring(root["/Metadata"].get_object().get_data())
    assert xmp.findtext(".//pdfaid:part", namespaces=NAMESPACES) == "2"
    assert xmp.findtext(".//pdfaid:conformance", namespaces=NAMESPACES) == "B"
    (intent,) = root["/OutputIntents"]
    assert intent.get_object()["/S"] == "/GTS_PDFA1"
    marked = root["/MarkInfo"]["/Marked"]
    assert isinstance(marked, BooleanObject) and marked.value
    document = root["/StructTreeRoot"]["/K"].get_object()
    elements = [kid.get_object() for kid in document["/K"]]
    assert [element["/S"] for element in elements][:2] == ["/H1", "/P"]  # the title, then the number
    (figure,) = [element for element in elements if element["/S"] == "/Figure"]
    assert figure["/Alt"] == "Barcode of CT-000012"


def _inked_box(page: Image.Image) -> tuple[int, int, int, int]:
    box = Image.eval(page, lambda value: 255 if value < 128 else 0).getbbox()
    assert box is not None
    return box


@pytest.mark.parametrize("medium", MEDIA)
def test_long_numbers_and_names_stay_on_the_paper(medium: Medium) -> None:
    long_line = ManifestLine(
        "CF285A-REMANUFACTURED-HIGHYIELD-XL-2PK",
        "HP 85A black toner cartridge, remanufactured, high yield, in a twin pack with a spare drum unit",
        2,
        1,
        1,
        Decimal("1.9"),
    )
    content = dataclasses.replace(
        CONTENT,
        container="CT-123456789012",
        route_label="Hold for the supplier's inspection before any credit is issued",
        lines=(*LINES, long_line),
        total_units=16,
        total_weight_kg=Decimal("32.312"),
    )
    pdf = render_container_manifest(content, medium)
    assert decode_code128(rasterize_page(pdf, 0, dpi=medium.dpi)) == ["CT-123456789012"]
    text = reading_text(pdf)
    assert long_line.described in text and "Units 16" in text
    edge = round(2 * medium.dpi / POINTS_PER_INCH)
    for index in range(len(page_texts(pdf))):
        page = rasterize_page(pdf, index, dpi=medium.dpi)
        left, top, right, bottom = _inked_box(page)
        assert left >= edge and top >= edge and right <= page.width - edge and bottom <= page.height - edge


def test_an_empty_container_closed_by_hand_says_it_was_empty() -> None:
    empty = dataclasses.replace(
        CONTENT, lines=(), total_units=0, total_weight_kg=Decimal(0), closed_because="closed by hand", license_plates=()
    )
    text = reading_text(render_container_manifest(empty, ROLL_80MM))
    assert "Nothing: the container was closed empty." in text
    assert "Units 0 Virgin 0 Not virgin 0 Weight 0.000 kg" in text
    assert "License plates (0) None." in text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        pytest.param({"total_units": 15}, "the lines hold 14 units, the total says 15", id="units"),
        pytest.param(
            {"total_weight_kg": Decimal("30.411")}, "the lines weigh 30.412 kg, the total says 30.411 kg", id="weight"
        ),
        pytest.param(
            {"lines": (*LINES, LINES[0]), "total_units": 20, "total_weight_kg": Decimal("43.216")},
            "SKU CE285A is listed more than once",
            id="sku-twice",
        ),
        pytest.param({"opened_at": datetime(2026, 3, 23, 8, 10)}, "opened_at needs its time zone", id="naive-opened"),
        pytest.param({"closed_at": datetime(2026, 3, 27, 16, 42)}, "closed_at needs its time zone", id="naive-closed"),
        pytest.param({"closed_at": OPENED_AT - timedelta(hours=1)}, "before it was opened", id="closed-first"),
        pytest.param({"container": " "}, "needs the container's number", id="no-number"),
    ],
)
def test_a_manifest_that_disagrees_with_itself_is_refused(changes: dict[str, Any], message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        dataclasses.replace(CONTENT, **changes)


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        pytest.param((6, 4, 3), r"4 virgin \+ 3 not virgin is more than its 6 units", id="more-graded-than-units"),
        pytest.param((0, 0, 0), "needs at least one unit", id="no-units"),
        pytest.param((6, -1, 2), "no negative count", id="negative"),
    ],
)
def test_a_line_whose_counts_do_not_add_up_is_refused(counts: tuple[int, int, int], message: str) -> None:
    units, virgin, not_virgin = counts
    with pytest.raises(DocumentError, match=message):
        ManifestLine("CE285A", "HP 85A black toner cartridge", units, virgin, not_virgin, Decimal("12.804"))
