"""Blocks of words: lines, paragraphs, list items, headings, label-and-value pairs and addresses."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Literal

from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.layout import Block, gap, stacked
from receiving_app.documents.typography import BOLD, LEADING, REGULAR, TypeScale, faces, text_width, wrapped

TextRun = tuple[str, float, float, str]
"""A string in a font, and where its baseline starts as offsets from a block's top-left corner."""


def _baseline(top: float, size: float) -> float:
    # Cap height plus a little air above; the line's remaining quarter holds the descenders.
    return top - size


def draw_text(canvas: Canvas, size: float, left: float, top: float, runs: Sequence[TextRun]) -> None:
    """Several strings in one PDF text object, in reading order, written as PDF operators."""
    operators = text_operators(canvas, size, left, top, runs)
    if operators:
        canvas.addLiteral(operators)


def text_operators(canvas: Canvas, size: float, left: float, top: float, runs: Sequence[TextRun]) -> str:
    """The PDF text object that sets ``runs`` in the embedded faces ("" when there is no text).

    pdfgen's text object measures every string again to advance a cursor that the next run's own
    origin replaces anyway; that measuring was the largest single cost of a credit memo. A face's
    characters are spread over subsets of up to 256 glyphs, each a font resource of its own, and a
    string is written as each subset's one-byte codes, which the face's ``splitString`` assigns as
    it meets new characters. ASCII keeps its own codes in the first subset (``typography._load``),
    so a line of printable ASCII, nearly every line, is written as it is, without being split.
    """
    document = canvas._doc
    loaded = faces()
    size_text = fp_str(size)
    operators = ["BT"]
    current_font = None
    ascii_fonts: dict[str, str] = {}  # each face's first subset, where ASCII is, as this PDF names it
    for font, dx, dy, line in runs:
        if not line:
            continue
        operators.append(f"1 0 0 1 {fp_str(left + dx, top + dy)} Tm")
        if line.isascii() and line.isprintable():
            subset_font = ascii_fonts.get(font)
            if subset_font is None:
                subset_font = ascii_fonts[font] = loaded[font].font.getSubsetInternalName(0, document)
            pieces: Sequence[tuple[str, str | bytes]] = ((subset_font, line),)
        else:
            face = loaded[font].font
            pieces = [
                (face.getSubsetInternalName(subset, document), encoded)
                for subset, encoded in face.splitString(line, document)
            ]
        for subset_font, encoded in pieces:
            if subset_font != current_font:
                operators.append(f"{subset_font} {size_text} Tf")
                current_font = subset_font
            operators.append(f"({escapePDF(encoded)}) Tj")
    if current_font is None:
        return ""
    operators.append("ET")
    return " ".join(operators)


def aligned_runs(
    lines: Sequence[str],
    *,
    font: str,
    size: float,
    align: Literal["left", "center", "right"] = "left",
    width: float = 0.0,
    first_dy: float = 0.0,
) -> list[TextRun]:
    """One run per line, a line's height apart, placed for ``align`` within ``width``."""
    leading = size * LEADING
    runs = []
    for index, line in enumerate(lines):
        if align == "left":
            dx = 0.0
        else:
            room = width - text_width(line, font, size)
            dx = room if align == "right" else room / 2
        runs.append((font, dx, first_dy - size - index * leading, line))
    return runs


def text_lines(
    lines: Sequence[str],
    *,
    font: str = REGULAR,
    size: float,
    align: Literal["left", "center", "right"] = "left",
    width: float = 0.0,
) -> Block:
    """Lines as given, one per row; ``width`` is needed to center or right-align."""
    runs = aligned_runs(lines, font=font, size=size, align=align, width=width)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(size * LEADING * len(lines), draw)


def paragraph(
    text: str,
    width: float,
    *,
    font: str = REGULAR,
    size: float,
    align: Literal["left", "center"] = "left",
) -> Block:
    """Text wrapped to ``width``."""
    return text_lines(wrapped(text, width, font=font, size=size), font=font, size=size, align=align, width=width)


def policy_paragraph(text: str, width: float, *, size: float) -> Block:
    """A policy's own words, such as when a refund will show: the same on every document of that policy."""
    return text_lines(_policy_lines(text, width, size), size=size)


@lru_cache(maxsize=256)
def _policy_lines(text: str, width: float, size: float) -> tuple[str, ...]:
    # Wrapped once per policy text and width rather than on every document: a long text is
    # measured word by word, which costs as much as drawing the rest of its page.
    return tuple(wrapped(text, width, size=size))


def bullet_item(text: str, width: float, *, size: float) -> Block:
    """A list item: a round dot, the text wrapped so its lines hang under the text, not the dot.

    The dot is drawn rather than typed so that text copied out of the PDF carries no odd character.
    """
    indent = size * 1.2
    body = paragraph(text, width - indent, size=size)
    dot = _dot_path(size * 0.16)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        center = fp_str(left + size * 0.3, _baseline(top, size) + size * 0.3)
        canvas.addLiteral(f"q 1 0 0 1 {center} cm {dot} Q")
        body.draw(canvas, left + indent, top)

    return Block(body.height, draw)


@cache
def _dot_path(radius: float) -> str:
    """A filled dot centered on the origin: the four Bezier curves of pdfgen's ``circle``, worked out once."""
    r = radius
    k = r * 0.5522847498  # the control-point distance that makes a quarter circle of one curve
    curves = [(r, k, k, r, 0, r), (-k, r, -r, k, -r, 0), (-r, -k, -k, -r, 0, -r), (k, -r, r, -k, r, 0)]
    return " ".join([f"n {fp_str(r, 0)} m", *(f"{fp_str(*curve)} c" for curve in curves), "f*"])


def heading(text: str, scale: TypeScale, width: float) -> Block:
    """A section heading with air above it, wrapped to ``width``; it always travels with what follows."""
    space = scale.heading * 0.8
    lines = wrapped(text, width, font=BOLD, size=scale.heading)
    title = text_lines(lines, font=BOLD, size=scale.heading)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        title.draw(canvas, left, top - space)

    return Block(space + title.height, draw, keep_with_next=True, role="H2")


def key_values(pairs: Sequence[tuple[str, str]], width: float, *, size: float) -> Block:
    """Labels in bold on the left, values wrapped beside them, all values starting in one column."""
    if not pairs:
        return gap(0)
    leading = size * LEADING
    label_column = _label_column(tuple(label for label, _ in pairs), size)
    runs: list[TextRun] = []
    row_top = 0.0
    for label, value in pairs:
        runs.append((BOLD, 0.0, row_top - size, label))
        for line in wrapped(value, width - label_column, size=size):
            runs.append((REGULAR, label_column, row_top - size, line))
            row_top -= leading

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(-row_top, draw)


@lru_cache(maxsize=256)
def _label_column(labels: tuple[str, ...], size: float) -> float:
    """Where values start. Labels are a layout's own words, so measured once for all its documents."""
    widest = max(text_width(label, BOLD, size) for label in labels)
    return widest + size


def party_block(title: str, party_lines: Sequence[str], width: float, scale: TypeScale) -> Block:
    """A small bold caption ("Customer", "Ship to") over a name and address."""
    caption = text_lines([title], font=BOLD, size=scale.small)
    name, *address = party_lines or [""]
    name_lines = text_lines(wrapped(name, width, font=BOLD, size=scale.body), font=BOLD, size=scale.body)
    address_lines = text_lines(
        [part for line in address for part in wrapped(line, width, size=scale.body)], size=scale.body
    )
    return stacked([caption, name_lines, address_lines])
