"""The shortcuts that make documents quick to render give exactly what the slow, general way gives."""

from __future__ import annotations

import dataclasses
import io
import random
import string

import pytest
from PIL import ExifTags, Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from receiving_app.documents.jpeg import JpegFrame, jpeg_frame
from receiving_app.documents.model import DocumentContent
from receiving_app.documents.photos import printable_photo
from receiving_app.documents.render import render
from receiving_app.documents.typography import BOLD, REGULAR, text_width, wrapped


def picture(size: tuple[int, int] = (160, 120), mode: str = "RGB", **save_options: object) -> bytes:
    image = Image.new(mode, size, "white" if mode != "CMYK" else (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((0, 0, size[0] // 2, size[1] // 2), fill="black")
    output = io.BytesIO()
    image.save(output, **{"format": "JPEG", **save_options})
    return output.getvalue()


def with_orientation(jpeg: bytes, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    output = io.BytesIO()
    Image.open(io.BytesIO(jpeg)).save(output, format="JPEG", exif=exif)
    return output.getvalue()


# ------------------------------------------------------------------------------- JPEG frame header


def test_the_frame_header_gives_the_size_and_colour_components_of_a_jpeg() -> None:
    assert jpeg_frame(picture((160, 120))) == JpegFrame(160, 120, 3, has_exif=False)
    assert jpeg_frame(picture((75, 300), "L")) == JpegFrame(75, 300, 1, has_exif=False)
    assert jpeg_frame(picture((20, 10), "CMYK")) == JpegFrame(20, 10, 4, has_exif=False)


def test_a_progressive_jpeg_is_read_as_well() -> None:
    progressive = picture((321, 123), progressive=True)
    assert Image.open(io.BytesIO(progressive)).info.get("progressive")
    assert jpeg_frame(progressive) == JpegFrame(321, 123, 3, has_exif=False)


def test_an_exif_block_is_noticed() -> None:
    frame = jpeg_frame(with_orientation(picture((64, 48)), 6))
    assert frame == JpegFrame(64, 48, 3, has_exif=True)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xd8",
        b"not a picture at all",
        picture()[:40],  # cut off before its frame header
    ],
)
def test_anything_but_a_whole_jpeg_has_no_frame(data: bytes) -> None:
    assert jpeg_frame(data) is None


def test_a_png_has_no_frame_and_is_made_into_a_jpeg() -> None:
    output = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(output, format="PNG")
    png = output.getvalue()
    assert jpeg_frame(png) is None
    assert jpeg_frame(printable_photo(png)) == JpegFrame(40, 30, 3, has_exif=False)


# ----------------------------------------------------------------------------- print-ready photos


def test_a_print_ready_jpeg_is_kept_as_it_is() -> None:
    for ready in (picture((480, 360)), picture((100, 480), "L"), picture(progressive=True)):
        assert printable_photo(ready) is ready
    upright = with_orientation(picture(), 1)
    assert printable_photo(upright) is upright


@pytest.mark.parametrize(
    ("photo", "printed_size"),
    [
        (picture((960, 480)), (480, 240)),  # too large
        (picture((40, 30), "CMYK"), (40, 30)),  # CMYK prints as a negative in some readers
        (with_orientation(picture((80, 60)), 6), (60, 80)),  # to be shown turned
    ],
)
def test_a_jpeg_that_is_not_print_ready_is_made_into_one(photo: bytes, printed_size: tuple[int, int]) -> None:
    thumbnail = printable_photo(photo)
    assert thumbnail != photo
    assert jpeg_frame(thumbnail) == JpegFrame(*printed_size, 3, has_exif=False)


def test_each_photo_is_embedded_as_its_jpeg_with_its_own_size(credit_memo_content: DocumentContent) -> None:
    photos = (picture((200, 100)), picture((90, 120), "L"), picture((200, 100)))
    evidence = dataclasses.replace(credit_memo_content.evidence, photos=photos)
    page = PdfReader(io.BytesIO(render(dataclasses.replace(credit_memo_content, evidence=evidence)))).pages[0]
    images = {
        xobject["/Width"]: xobject
        for xobject in (reference.get_object() for reference in page["/Resources"]["/XObject"].values())
    }
    # The same picture twice is stored once.
    assert sorted(images) == [90, 200]
    colour, grey = images[200], images[90]
    assert (colour["/Height"], colour["/ColorSpace"], colour["/Filter"]) == (100, "/DeviceRGB", "/DCTDecode")
    assert (grey["/Height"], grey["/ColorSpace"], grey["/BitsPerComponent"]) == (120, "/DeviceGray", 8)
    assert colour.get_data() == photos[0]
    assert grey.get_data() == photos[1]
    assert len(page.images) == 2


# ------------------------------------------------------------------------------------ measuring text


def random_texts(count: int) -> list[str]:
    chooser = random.Random(7)
    alphabet = string.printable[:95] + "éü–€✓\t"
    return ["".join(chooser.choice(alphabet) for _ in range(chooser.randint(0, 50))) for _ in range(count)]


def test_text_is_measured_exactly_as_reportlab_measures_it() -> None:
    for text in random_texts(2000):
        for font in (REGULAR, BOLD):
            for size in (8, 8.5, 11, 22):
                assert text_width(text, font, size) == stringWidth(text, font, size), (text, font, size)


def test_text_is_wrapped_exactly_as_reportlab_wraps_it() -> None:
    chooser = random.Random(11)
    words = [
        "a",
        "card",
        "refund",
        "appears",
        "on",
        "your",
        "next",
        "billing",
        "statement;",
        "café",
        "–",
        "✓",
        "Wmmmmmmmmmmmm",
        "15%",
        "x",
    ]
    for _ in range(2000):
        text = " ".join(chooser.choice(words) for _ in range(chooser.randint(0, 25)))
        width = chooser.uniform(10, 400)
        font = chooser.choice((REGULAR, BOLD))
        expected = [text] if stringWidth(text, font, 10) <= width else simpleSplit(text, font, 10, width) or [""]
        assert wrapped(text, width, font=font, size=10) == expected, (text, width, font)
