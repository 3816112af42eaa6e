"""A JPEG's frame header, read from its bytes without decoding a pixel.

A PDF embeds a JPEG as the file it is (DCTDecode); all the PDF needs to know besides is the
picture's size and number of color components, which the frame header (SOF marker) holds.
Reading that takes microseconds, where opening the file with Pillow to learn the same costs
a good part of rendering a whole document.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

_START_OF_IMAGE = b"\xff\xd8"
_FRAME_MARKERS = frozenset({0xC0, 0xC1, 0xC2})
"""Baseline, extended sequential and progressive Huffman-coded frames: what every PDF reader decodes."""
_OTHER_FRAME_MARKERS = frozenset(range(0xC3, 0xD0)) - {0xC4, 0xC8, 0xCC}
"""Lossless and arithmetic-coded frames (0xC4, 0xC8 and 0xCC are tables and a reserved code, not frames)."""
_STANDALONE_MARKERS = frozenset({0x01, *range(0xD0, 0xDB)})
"""Markers without a length: none of them belongs before the frame header in a well-formed file."""
_EXIF = b"Exif\x00"


@dataclass(frozen=True, slots=True)
class JpegFrame:
    width: int
    height: int
    components: int
    """1 for gray, 3 for color (YCbCr or RGB), 4 for CMYK or YCCK."""
    has_exif: bool
    """An Exif block precedes the frame: it may say the picture is to be shown rotated."""


def jpeg_frame(data: bytes) -> JpegFrame | None:
    """The frame header of an 8-bit Huffman-coded JPEG; None for anything else or a damaged file."""
    if not data.startswith(_START_OF_IMAGE):
        return None
    has_exif = False
    position = len(_START_OF_IMAGE)
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # a fill byte before the marker
            position += 1
            continue
        if marker in _STANDALONE_MARKERS or marker in _OTHER_FRAME_MARKERS:
            return None
        (length,) = struct.unpack_from(">H", data, position + 2)
        if marker in _FRAME_MARKERS:
            if length < 8 or position + 10 > len(data):
                return None
            precision, height, width, components = struct.unpack_from(">BHHB", data, position + 4)
            if precision != 8 or not (width and height and components):
                return None
            return JpegFrame(width, height, components, has_exif)
        if marker == 0xE1 and data.startswith(_EXIF, position + 4):
            has_exif = True
        position += 2 + length
    return None
