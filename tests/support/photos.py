"""A damage photo as a camera or a phone hands it to the station: a JPEG of one color."""

from __future__ import annotations

import io

from PIL import Image


def jpeg_photo(size: tuple[int, int], color: str, *, quality: int = 90) -> bytes:
    picture = Image.new("RGB", size, color)
    encoded = io.BytesIO()
    picture.save(encoded, format="JPEG", quality=quality)
    return encoded.getvalue()
