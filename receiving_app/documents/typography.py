"""The type every document is set in: its faces, its sizes on each kind of paper, and how much room a text takes.

Plain and large, because these are read at a returns bench, in a warehouse and by customers:
Helvetica only (built into every PDF reader, so nothing is embedded and rendering stays fast),
black on white (thermal printers have no gray worth the name), amounts right-aligned.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
LEADING = 1.25
"""Line height as a multiple of the type size."""
FACES = {font: [getFont(font), *getFont(font).substitutionFonts] for font in (REGULAR, BOLD)}
"""Each font with the fonts pdfgen falls back to for characters it lacks."""
_GLYPH_WIDTHS: dict[str, list[int]] = {font: getFont(font).widths for font in (REGULAR, BOLD)}
"""Each font's advance widths in thousandths of an em, by WinAnsi code: ASCII's codes are its own."""
_WIDEST_GLYPH = {font: max(max(face.widths) for face in faces) / 1000 for font, faces in FACES.items()}
"""In ems: no character is wider, whichever of the fonts pdfgen prints it in."""


@dataclass(frozen=True, slots=True)
class TypeScale:
    """Type sizes in points for one kind of paper."""

    title: float
    seller: float
    heading: float
    body: float
    table: float
    small: float
    barcode_height: float
    margin: float


PAGE_TYPE = TypeScale(title=22, seller=16, heading=13, body=11, table=10, small=8.5, barcode_height=38, margin=36)
ROLL_TYPE = TypeScale(title=15, seller=13, heading=11.5, body=10, table=9.5, small=8, barcode_height=34, margin=10)


def text_width(text: str, font: str, size: float) -> float:
    """What ``pdfmetrics.stringWidth`` says, in a third of its time for printable ASCII (nearly every string).

    A document measures dozens of strings; for ASCII, summing the font's own widths is all there is to it.
    """
    if text.isascii() and text.isprintable():
        return sum(map(_GLYPH_WIDTHS[font].__getitem__, text.encode("ascii"))) * 0.001 * size
    width: float = stringWidth(text, font, size)
    return width


def wrapped(text: str, width: float, *, font: str = REGULAR, size: float) -> list[str]:
    # Most texts fit on one line, and rendering speed matters at a busy bench. A short text fits
    # by its length alone, unmeasured; a longer one, measured once as a whole, still usually
    # does, which is much cheaper than simpleSplit's word-by-word measuring.
    if len(text) * _WIDEST_GLYPH[font] * size <= width or text_width(text, font, size) <= width:
        return [text]
    return _filled_lines(text, width, font, size) or [""]


def _filled_lines(text: str, width: float, font: str, size: float) -> list[str]:
    """Lines filled word by word, as reportlab's simpleSplit fills them, measured with ``text_width``."""
    space = text_width(" ", font, size)
    lines = []
    for part in text.split("\n"):
        words: list[str] = []
        used = -space
        for word in part.split():
            word_width = text_width(word, font, size)
            if words and used + space + word_width > width:
                lines.append(" ".join(words))
                words, used = [], -space
            words.append(word)
            used += space + word_width
        if words:
            lines.append(" ".join(words))
    return lines
