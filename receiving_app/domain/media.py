"""The paper a printer holds, counted in its own dots: a sheet, a label of a fixed size, or a roll.

A document is drawn for the medium it is printed on, at the printer's native resolution, so that
nothing between the layout and the print head scales it: a barcode drawn on the printer's dot grid
stays on it, and text is as large on the paper as the layout made it. Widths are whole dots, and
a page in points is exactly those dots (a 576-dot roll is 204.28 pt wide, not the 226.77 pt of
80 mm paper, which the head cannot reach).
"""

from __future__ import annotations

from dataclasses import dataclass

from receiving_app.domain.errors import InputError

POINTS_PER_INCH = 72


@dataclass(frozen=True, slots=True)
class Medium:
    """A printer's paper: ``length_dots`` is None for a roll, which is cut after each document."""

    name: str
    description: str
    width_dots: int
    dpi: int
    length_dots: int | None = None

    def __post_init__(self) -> None:
        if self.width_dots < 1 or self.dpi < 1 or (self.length_dots is not None and self.length_dots < 1):
            raise InputError(f"A paper size needs positive dots and resolution, got {self}")

    @property
    def width_pt(self) -> float:
        return self.width_dots * POINTS_PER_INCH / self.dpi

    @property
    def length_pt(self) -> float | None:
        return None if self.length_dots is None else self.length_dots * POINTS_PER_INCH / self.dpi

    @property
    def is_roll(self) -> bool:
        return self.length_dots is None


# Office printers print at 300 dpi or a multiple of it, so a 300-dpi grid is on theirs too.
LETTER = Medium("letter", "Letter paper", 2550, 300, 3300)
A4 = Medium("a4", "A4 paper", 2480, 300, 3508)
LABEL_4X6 = Medium("4x6", "4 x 6 in labels", 812, 203, 1218)
# A receipt head does not reach the edges of the paper: 80 mm paper is printed 72 mm (576 dots)
# wide, 58 mm paper 48 mm (384 dots).
ROLL_80MM = Medium("80mm", "80 mm receipt roll", 576, 203)
ROLL_58MM = Medium("58mm", "58 mm receipt roll", 384, 203)

NAMED_MEDIA = {medium.name: medium for medium in (LETTER, A4, LABEL_4X6, ROLL_80MM, ROLL_58MM)}
SHEET_MEDIA = {"letter": LETTER, "a4": A4}
"""The paper sizes a stored document can be drawn on (the station's page size)."""


def named_medium(name: str) -> Medium:
    """``letter``, ``a4``, ``4x6``, ``80mm`` or ``58mm``."""
    medium = NAMED_MEDIA.get(name.strip().lower())
    if medium is None:
        raise InputError(f"Unknown paper {name!r}: choose one of {', '.join(NAMED_MEDIA)}")
    return medium


def roll(width_dots: int, dpi: int) -> Medium:
    """A receipt roll as wide as the printer prints; one of the named rolls when it is one."""
    for medium in (ROLL_80MM, ROLL_58MM):
        if (medium.width_dots, medium.dpi) == (width_dots, dpi):
            return medium
    return Medium(f"roll-{width_dots}", f"{width_dots}-dot receipt roll at {dpi} dpi", width_dots, dpi)


def label(width_dots: int, length_dots: int, dpi: int) -> Medium:
    """Die-cut labels of a fixed size; the 4 x 6 in label when it is that."""
    if (LABEL_4X6.width_dots, LABEL_4X6.length_dots, LABEL_4X6.dpi) == (width_dots, length_dots, dpi):
        return LABEL_4X6
    inches = f"{width_dots / dpi:.3g} x {length_dots / dpi:.3g} in"
    return Medium(f"label-{width_dots}x{length_dots}", f"{inches} labels", width_dots, dpi, length_dots)
