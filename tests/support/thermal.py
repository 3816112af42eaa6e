"""What a thermal printer makes of a page, and what the bytes sent to one would print.

``thermal_print`` turns a page rasterized at the printer's resolution into what a scanner at the
dock would see on the paper. ``zpl_labels`` and ``escpos_raster_images`` read the raster back out of
the ZPL text and the ESC/POS bytes a printer receives, one image dot per printer dot.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from statistics import NormalDist

from PIL import Image, ImageChops, ImageFilter

WHITE = 255
BLACK = 0
MIDDLE_GRAY = 128
# Dots burned lighter or darker than intended: heating elements differ in resistance and the
# thermal coating in sensitivity. An eighth of the gray range, before the heat spreads.
BURN_SIGMA = 32.0
# The reading side: sensor noise of a handheld imager, about 3 % of the gray range.
SCAN_SIGMA = 8.0
# Heat reaching the neighboring dots, and the reader's optics, soften every edge by about a dot.
SPREAD_DOTS = 1.0


def thermal_print(
    page: Image.Image,
    *,
    seed: int,
    burn_sigma: float = BURN_SIGMA,
    spread_dots: float = SPREAD_DOTS,
    scan_sigma: float = SCAN_SIGMA,
) -> Image.Image:
    """``page`` (one pixel per printer dot) as printed on a thermal head and read back, in grayscale.

    The model, in the order it happens on paper: the head either fires a dot or not (a hard
    threshold at mid-gray, no dithering); each dot comes out somewhat lighter or darker (Gaussian
    noise, ``burn_sigma``); heat spreads into the neighboring dots (a Gaussian blur of
    ``spread_dots``); the reader adds its own sensor noise (``scan_sigma``). The same ``seed``
    gives the same print, so a failure can be replayed.
    """
    rng = random.Random(seed)
    fired = page.convert("L").point(lambda gray: BLACK if gray < MIDDLE_GRAY else WHITE)
    burned = _with_gaussian_noise(fired, burn_sigma, rng)
    spread = burned.filter(ImageFilter.GaussianBlur(spread_dots))
    return _with_gaussian_noise(spread, scan_sigma, rng)


def _with_gaussian_noise(image: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    # Per-pixel noise in pure Python is far too slow for a Letter page at 300 dpi (8 million
    # pixels). Random bytes are uniform; mapping each of the 256 values through the inverse
    # normal CDF turns them into Gaussian noise, and PIL applies that table in C.
    normal = NormalDist(MIDDLE_GRAY, sigma)
    table = [min(WHITE, max(BLACK, round(normal.inv_cdf((value + 0.5) / 256)))) for value in range(256)]
    noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height)).point(table)
    return ImageChops.add(image, noise, scale=1.0, offset=-MIDDLE_GRAY)


@dataclass(frozen=True)
class ZplLabel:
    """One ``^XA`` ... ``^XZ`` label: its declared size and the dots its graphic fields print."""

    print_width: int
    label_length: int
    bytes_per_row: tuple[int, ...]
    """Of each graphic field, in order."""
    image: Image.Image
    """What the printer would print: ``print_width`` x ``label_length`` dots, white where nothing is."""


_PRINT_WIDTH = re.compile(r"\^PW(\d+)")
_LABEL_LENGTH = re.compile(r"\^LL(\d+)")
_GRAPHIC_FIELD = re.compile(r"\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([0-9A-Fa-f]*)\^FS")


def zpl_labels(zpl: str) -> list[ZplLabel]:
    """Every label of a ZPL job, with its ``^GFA`` fields decoded: ASCII hex, 1 = black, rows padded
    to whole bytes. A field whose byte counts disagree with its data raises ValueError."""
    labels = []
    for text in zpl.split("^XZ")[:-1]:
        width = int(_one(_PRINT_WIDTH, text))
        length = int(_one(_LABEL_LENGTH, text))
        page = Image.new("1", (width, length), WHITE)
        per_row_of_fields = []
        for x, y, binary, total, per_row, data in _GRAPHIC_FIELD.findall(text):
            dots = bytes.fromhex(data)
            if not int(binary) == int(total) == len(dots) or len(dots) % int(per_row):
                raise ValueError(f"^GFA at {x},{y}: {len(dots)} bytes of data, header says {binary}/{total}/{per_row}")
            rows = len(dots) // int(per_row)
            # PIL's "1;I" unpacker reads a 1 bit as black, ZPL's convention.
            band = Image.frombytes("1", (int(per_row) * 8, rows), dots, "raw", "1;I")
            # Pasting clips the pad dots past the print width, which the printer never prints either.
            page.paste(band, (int(x), int(y)))
            per_row_of_fields.append(int(per_row))
        labels.append(ZplLabel(width, length, tuple(per_row_of_fields), page))
    return labels


def _one(pattern: re.Pattern[str], text: str) -> str:
    found = pattern.findall(text)
    if len(found) != 1:
        raise ValueError(f"expected one {pattern.pattern} in the label, found {len(found)}")
    return found[0]


ESC_POS_RASTER = b"\x1dv0"  # GS v 0, followed by the density byte and the size


def escpos_raster_images(output: bytes) -> list[Image.Image]:
    """Every ``GS v 0`` raster image in ESC/POS bytes, in the order sent, 1 bit = black.

    Reads the stream command by command past each image's data, so raster bytes that happen to
    spell ``GS v 0`` are never taken for a command.
    """
    images = []
    position = output.find(ESC_POS_RASTER)
    while position >= 0:
        header_end = position + len(ESC_POS_RASTER) + 5
        width_bytes = int.from_bytes(output[header_end - 4 : header_end - 2], "little")
        height = int.from_bytes(output[header_end - 2 : header_end], "little")
        data = output[header_end : header_end + width_bytes * height]
        if len(data) != width_bytes * height:
            raise ValueError(f"a raster image of {width_bytes} x {height} bytes was cut short")
        images.append(Image.frombytes("1", (width_bytes * 8, height), data, "raw", "1;I"))
        position = output.find(ESC_POS_RASTER, header_end + len(data))
    return images


def stacked(images: list[Image.Image]) -> Image.Image:
    """Images fed one after the other, as paper comes out of a receipt printer."""
    paper = Image.new("1", (max(image.width for image in images), sum(image.height for image in images)), WHITE)
    top = 0
    for image in images:
        paper.paste(image, (0, top))
        top += image.height
    return paper
