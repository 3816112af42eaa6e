"""Damage photos on paper: made printable once when taken, and drawn in a row of thumbnails.

A photo is stored as taken and, beside it, as a small upright JPEG (``printable_photo``) that every
document embeds byte for byte; a picture already small, upright and RGB or gray is kept as it is.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence

from PIL import ExifTags, Image, ImageOps
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.jpeg import JpegFrame, jpeg_frame
from receiving_app.documents.layout import Block


class UnreadablePhoto(ValueError):
    """A file that is not a picture Pillow can read."""


PHOTO_HEIGHTS = (72.0, 64.0, 56.0, 48.0, 40.0)
"""How high a row of thumbnails is printed, largest first: a page takes a smaller size rather than
leave one more page almost empty (``pages.render_pages``); below 40 pt a dent no longer shows."""
PHOTO_BOX_RATIO = 4 / 3
"""A thumbnail's box is as wide as a camera's 4:3 picture."""


def photo_strip(photos: Sequence[bytes], width: float, *, box_height: float) -> list[Block]:
    """Thumbnails side by side, as many rows as needed, each kept to its own aspect ratio."""
    spacing = 8.0
    box_width = box_height * PHOTO_BOX_RATIO
    per_row = max(1, int((width + spacing) // (box_width + spacing)))
    rows = [photos[start : start + per_row] for start in range(0, len(photos), per_row)]
    return [_photo_row(row, box_width, box_height, spacing) for row in rows]


PHOTO_LONG_SIDE_PX = 480
"""About 300 dpi in a thumbnail box: sharp on paper, while a camera original would weigh megabytes."""


def printable_photo(photo: bytes) -> bytes:
    """The photo as an upright JPEG no longer than ``PHOTO_LONG_SIDE_PX`` on either side; one already is, as it is.

    Raises UnreadablePhoto for a file that is not a picture.
    """
    try:
        return _printable(photo)[0]
    except (
        OSError,
        ValueError,
        Image.DecompressionBombError,
    ) as problem:  # what Pillow raises for a file it cannot read
        raise UnreadablePhoto(str(problem)) from None


def _printable(photo: bytes) -> tuple[bytes, JpegFrame]:
    """The print-ready JPEG and its frame header, which is all a PDF needs to know to embed it."""
    frame = jpeg_frame(photo)
    if frame is not None and _thumbnail_already(photo, frame):
        return photo, frame
    thumbnail = _made_thumbnail(photo)
    frame = jpeg_frame(thumbnail)
    assert frame is not None, "Pillow writes baseline JPEGs"
    return thumbnail, frame


def _thumbnail_already(photo: bytes, frame: JpegFrame) -> bool:
    return (
        # Gray and color print alike in every reader; a CMYK JPEG is often stored inverted (Adobe)
        # and prints as a negative where the reader does not expect that.
        frame.components in (1, 3)
        and max(frame.width, frame.height) <= PHOTO_LONG_SIDE_PX
        # A reader shows the pixels as stored, so a picture Exif says to turn must be turned for it.
        and (not frame.has_exif or Image.open(io.BytesIO(photo)).getexif().get(ExifTags.Base.Orientation, 1) == 1)
    )


def _made_thumbnail(photo: bytes) -> bytes:
    picture = Image.open(io.BytesIO(photo))
    if picture.format == "JPEG":
        # libjpeg decodes straight to a half, quarter or eighth of the size: a camera original
        # then costs a fraction of decoding every pixel only to throw most of them away.
        picture.draft("RGB", (PHOTO_LONG_SIDE_PX, PHOTO_LONG_SIDE_PX))
    thumbnail = ImageOps.exif_transpose(picture).convert("RGB")
    thumbnail.thumbnail((PHOTO_LONG_SIDE_PX, PHOTO_LONG_SIDE_PX))
    encoded = io.BytesIO()
    thumbnail.save(encoded, format="JPEG", quality=85)
    return encoded.getvalue()


# reportlab ships no type information, so mypy sees PDFObject as Any; pdfdoc writes an object
# as a PDF object only when it is one of PDFObject's subclasses.
class _JpegImage(PDFObject):  # type: ignore[misc]
    """A JPEG file as a PDF image, embedded byte for byte: readers decode it (DCTDecode), we never do.

    Its dictionary is written as one line of text: formatting it entry by entry with pdfdoc's
    generic objects cost more than all the page's text.
    """

    __RefOnly__ = 1  # a stream is always an object of its own in the file, never inline

    def __init__(self, jpeg: bytes, frame: JpegFrame) -> None:
        self.jpeg = jpeg
        self.frame = frame

    def format(self, document: PDFDocument) -> bytes:
        frame = self.frame
        color_space = "DeviceRGB" if frame.components == 3 else "DeviceGray"
        content: bytes = document.encrypt.encode(self.jpeg)
        dictionary = (
            f"<< /Type /XObject /Subtype /Image /Width {frame.width} /Height {frame.height}"
            f" /ColorSpace /{color_space} /BitsPerComponent 8 /Filter /DCTDecode /Length {len(content)} >>"
        )
        return dictionary.encode("ascii") + b"\nstream\n" + content + b"\nendstream\n"


def _photo_row(photos: Sequence[bytes], box_width: float, box_height: float, spacing: float) -> Block:
    placed = []
    for index, photo in enumerate(photos):
        jpeg, frame = _printable(photo)
        # Fitted into its box, kept to its aspect ratio, against the box's top-left corner.
        scale = min(box_width / frame.width, box_height / frame.height)
        size = (frame.width * scale, frame.height * scale)
        name = hashlib.md5(jpeg, usedforsecurity=False).hexdigest()
        placed.append((name, _JpegImage(jpeg, frame), index * (box_width + spacing), size))

    def draw(canvas: Canvas, left: float, top: float) -> None:
        # The image objects go straight into the document (canvas._doc): drawImage would open every
        # JPEG with Pillow and reportlab's JPEG reader once more only to learn its size again.
        document = canvas._doc
        for name, image, dx, (width, height) in placed:
            if not document.hasForm(name):  # the same picture twice is stored once
                document.addForm(name, image)
            canvas.addLiteral(f"q {fp_str(width, 0, 0, height, left + dx, top - height)} cm")
            canvas.doForm(name)
            canvas.addLiteral("Q")

    described = f"{len(photos)} {'photo' if len(photos) == 1 else 'photos'} of the returned item"
    return Block(box_height + spacing, draw, role="Figure", alt=described)
