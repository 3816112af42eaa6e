"""Code 128 barcodes drawn as vector bars that land exactly on a printer's dot grid.

A thermal printer at 203 dpi can only blacken whole dots. A bar whose edge falls between two dots
is rounded one way or the other by the printer driver, bars and spaces come out uneven and a
scanner at the dock misreads them. So every module is a whole number of dots wide (2 at 203 dpi,
3 at 300 dpi by default) and every bar edge is placed on a dot boundary counted from the page's
left edge, which is where both the printer and a rasterizer start counting.

python-barcode does the encoding (character sets, checksum, stop pattern); the drawing is ours,
as rectangles in the PDF, so the bars stay sharp at any resolution and cost almost nothing to render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import barcode
from barcode.errors import BarcodeError
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.text_blocks import text_operators
from receiving_app.documents.typography import REGULAR, text_width

POINTS_PER_INCH = 72
MILLIMETRES_PER_INCH = 25.4
DEFAULT_PRINTER_DPI = 203
# A 0.25 mm (10 mil) module is what hand scanners read comfortably; at 203 dpi that is 2 dots.
DEFAULT_MODULE_MM = 0.25
MINIMUM_MODULE_DOTS = 2
QUIET_ZONE_MODULES = 10
TEXT_GAP_PT = 2.0


class BarcodeValueError(ValueError):
    """A value Code 128 cannot carry, or a barcode that does not fit the space it was given."""


@dataclass(frozen=True, slots=True)
class DotGrid:
    """The printer's dot raster: where bar edges may fall and how wide one module is."""

    printer_dpi: int
    module_dots: int

    def __post_init__(self) -> None:
        if self.printer_dpi <= 0:
            raise BarcodeValueError(f"printer_dpi must be positive, got {self.printer_dpi}")
        if self.module_dots < MINIMUM_MODULE_DOTS:
            raise BarcodeValueError(
                f"a module must be at least {MINIMUM_MODULE_DOTS} printer dots wide, got {self.module_dots}"
            )

    @classmethod
    def for_printer(cls, printer_dpi: int = DEFAULT_PRINTER_DPI, module_mm: float = DEFAULT_MODULE_MM) -> DotGrid:
        """The whole number of dots closest to ``module_mm``, never fewer than two."""
        dots = round(printer_dpi * module_mm / MILLIMETRES_PER_INCH)
        return cls(printer_dpi, max(MINIMUM_MODULE_DOTS, dots))

    @property
    def dot_pt(self) -> float:
        return POINTS_PER_INCH / self.printer_dpi

    @property
    def module_pt(self) -> float:
        return self.module_dots * self.dot_pt

    def snap(self, x_pt: float) -> float:
        """The dot boundary nearest to ``x_pt``, counted from the page's left edge."""
        return round(x_pt / self.dot_pt) * self.dot_pt


def code128_modules(value: str) -> str:
    """The symbol as modules, ``"1"`` for bar and ``"0"`` for space: start, data, checksum, stop."""
    if not value:
        raise BarcodeValueError("a barcode needs a value")
    if not all(" " <= character <= "~" for character in value):
        raise BarcodeValueError(f"Code 128 on our documents carries printable ASCII only: {value!r}")
    modules: str
    try:
        (modules,) = barcode.get("code128", value).build()
    except BarcodeError as error:
        raise BarcodeValueError(f"cannot encode {value!r} as Code 128: {error}") from None
    return modules


_BAR = re.compile("1+")


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """Each bar as (first module, width in modules): neighbouring dark modules make one rectangle."""
    return [(bar.start(), bar.end() - bar.start()) for bar in _BAR.finditer(modules)]


@dataclass(frozen=True, slots=True)
class Code128Barcode:
    """A barcode ready to place: its bars, its grid, and the box it needs including quiet zones."""

    value: str
    modules: str
    grid: DotGrid
    bar_height: float
    text_size: float
    text_font: str = REGULAR

    @classmethod
    def create(
        cls,
        value: str,
        *,
        bar_height: float,
        text_size: float = 10.0,
        printer_dpi: int = DEFAULT_PRINTER_DPI,
        module_mm: float = DEFAULT_MODULE_MM,
    ) -> Code128Barcode:
        return cls(value, code128_modules(value), DotGrid.for_printer(printer_dpi, module_mm), bar_height, text_size)

    @classmethod
    def largest_fitting(
        cls,
        value: str,
        *,
        max_width: float,
        bar_height: float,
        text_size: float = 10.0,
        printer_dpi: int = DEFAULT_PRINTER_DPI,
        module_sizes_mm: tuple[float, ...] = (DEFAULT_MODULE_MM,),
    ) -> Code128Barcode:
        """The widest module from ``module_sizes_mm`` whose barcode fits ``max_width`` points."""
        if not module_sizes_mm:
            raise BarcodeValueError("no module sizes to choose from")
        for module_mm in sorted(module_sizes_mm, reverse=True):
            candidate = cls.create(
                value, bar_height=bar_height, text_size=text_size, printer_dpi=printer_dpi, module_mm=module_mm
            )
            if candidate.width <= max_width:
                return candidate
        raise BarcodeValueError(
            f"{value!r} needs {candidate.width:.0f} pt at {printer_dpi} dpi but only {max_width:.0f} pt are free"
        )

    @property
    def width(self) -> float:
        """Bars plus a quiet zone of ``QUIET_ZONE_MODULES`` on each side, in points."""
        return (len(self.modules) + 2 * QUIET_ZONE_MODULES) * self.grid.module_pt

    @property
    def height(self) -> float:
        """Bars plus the human-readable line under them, in points."""
        return self.bar_height + TEXT_GAP_PT + self.text_size

    def draw(self, canvas: Canvas, left: float, bottom: float) -> float:
        """Draws with the quiet zone's left edge at ``left`` (snapped); returns the snapped left edge.

        Written as PDF operators in one graphics state of its own: the same drawing as pdfgen's
        rect, drawCentredString and transform calls, at a fraction of their cost.
        """
        grid = self.grid
        module = grid.module_pt
        snapped_left = grid.snap(left)
        bars_left = snapped_left + QUIET_ZONE_MODULES * module
        bars_bottom = bottom + self.text_size + TEXT_GAP_PT
        text_left = snapped_left + (self.width - text_width(self.value, self.text_font, self.text_size)) / 2
        text = text_operators(
            canvas, self.text_size, text_left, bottom + self.text_size * 0.2, [(self.text_font, 0, 0, self.value)]
        )
        # Counted in modules (x) and bar heights (y), every bar is a rectangle of whole numbers,
        # written as they are instead of formatting four decimals per bar.
        bars = " ".join(f"{first} 0 {count} 1 re" for first, count in bar_runs(self.modules))
        canvas.addLiteral(
            # Paper-white under the whole barcode: a COPY or VOID watermark must not cross the bars
            # or the quiet zones, or the scanner sees a bar that is not there.
            f"q 1 g n {fp_str(snapped_left, bottom, self.width, self.height)} re f 0 g {text}"
            f" {fp_str(module, 0, 0, self.bar_height, bars_left, bars_bottom)} cm {bars} f Q"
        )
        return snapped_left
