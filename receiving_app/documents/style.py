"""The one look every document shares: type sizes, header, footer, COPY/VOID marks, text blocks.

Plain and large, because these are read at a returns bench, in a warehouse and by customers:
Helvetica only (built into every PDF reader, so nothing is embedded and rendering stays fast),
black on white (thermal printers have no grey worth the name), amounts right-aligned.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import Literal

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth, unicode2T1
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.barcodes import QUIET_ZONE_MODULES, Code128Barcode
from receiving_app.documents.layout import Block, gap, paginate, stacked
from receiving_app.documents.model import DocumentContent, PageSize
from receiving_app.domain.money import Money

REGULAR = "Helvetica"
BOLD = "Helvetica-Bold"
LEADING = 1.25
"""Line height as a multiple of the type size."""
MARK_GRAY = 0.87
"""COPY and VOID watermarks: clearly there, yet light enough to read the document through."""
RULE_GRAY = 0.55
_FACES = {font: [getFont(font), *getFont(font).substitutionFonts] for font in (REGULAR, BOLD)}
"""Each font with the fonts pdfgen falls back to for characters it lacks."""
_GLYPH_WIDTHS = {font: getFont(font).widths for font in (REGULAR, BOLD)}
"""Each font's advance widths in thousandths of an em, by WinAnsi code: ASCII's codes are its own."""
_WIDEST_GLYPH = {font: max(max(face.widths) for face in faces) / 1000 for font, faces in _FACES.items()}
"""In ems: no character is wider, whichever of the fonts pdfgen prints it in."""

PAGE_SIZES_PT: dict[PageSize, tuple[float, float]] = {"letter": LETTER, "a4": A4}
MILLIMETRE_PT = 72 / 25.4
ROLL_WIDTH_PT = 80 * MILLIMETRE_PT

# Page streams written as binary rather than ASCII85 text (reportlab's default, for 7-bit mail):
# a fifth smaller, quicker to write, and read by every PDF reader. For the whole process, as
# rl_config is; every PDF the station makes goes through this module.
rl_config.useA85 = 0


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


# ----------------------------------------------------------------------------------------- words


def amount(money: Money) -> str:
    return str(money)


def deducted(money: Money) -> str:
    """An amount taken off, with its minus sign, so a column adds up as printed."""
    return str(money) if money.is_zero else f"-{money}"


def added(money: Money) -> str:
    return str(money) if money.is_zero else f"+{money}"


def date_time_text(moment: datetime) -> str:
    text = f"{moment:%Y-%m-%d %H:%M}"
    zone = moment.tzname()
    return f"{text} {zone}" if zone else text


def decimal_text(value: Decimal) -> str:
    """``98.8400`` as ``98.84`` and ``100.00`` as ``100``: no trailing zeros, never an exponent."""
    return format(value.normalize(), "f")


def yes_no(value: bool | None) -> str:
    """A checked fact as "yes" or "no"; one nobody checked says so, never a yes."""
    return "not checked" if value is None else ("yes" if value else "no")


def _pdf_date(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return f"D:{moment:%Y%m%d%H%M%S}"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{minutes:02d}'"


# ---------------------------------------------------------------------------------- text blocks


def _baseline(top: float, size: float) -> float:
    # Cap height plus a little air above; the line's remaining quarter holds the descenders.
    return top - size


TextRun = tuple[str, float, float, str]
"""A string in a font, and where its baseline starts as offsets from a block's top-left corner."""


def draw_text(canvas: Canvas, size: float, left: float, top: float, runs: Sequence[TextRun]) -> None:
    """Several strings in one PDF text object, in reading order, written as PDF operators.

    pdfgen's text object measures every string again to advance a cursor that the next run's own
    origin replaces anyway; that measuring was the largest single cost of a credit memo. Text
    beyond printable ASCII is encoded by pdfgen's own ``unicode2T1``, so a character Helvetica
    lacks is substituted as before.
    """
    font_resource = canvas._doc.getInternalFontName  # how pdfgen's text objects name a font too
    size_text = fp_str(size)
    operators = ["BT"]
    current_font = None
    for font, dx, dy, line in runs:
        if not line:
            continue
        operators.append(f"1 0 0 1 {fp_str(left + dx, top + dy)} Tm")
        if line.isascii() and line.isprintable():
            # Nearly every line: the same bytes in WinAnsi, every glyph in Helvetica.
            pieces: Sequence[tuple[str, str | bytes]] = ((font, line),)
        else:
            pieces = [(face.fontName, encoded) for face, encoded in unicode2T1(line, _FACES[font])]
        for piece_font, encoded in pieces:
            if piece_font != current_font:
                operators.append(f"{font_resource(piece_font)} {size_text} Tf")
                current_font = piece_font
            operators.append(f"({escapePDF(encoded)}) Tj")
    if current_font is not None:
        operators.append("ET")
        canvas.addLiteral(" ".join(operators))


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
    """Lines as given, one per row; ``width`` is needed to centre or right-align."""
    runs = aligned_runs(lines, font=font, size=size, align=align, width=width)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(size * LEADING * len(lines), draw)


def text_width(text: str, font: str, size: float) -> float:
    """What ``pdfmetrics.stringWidth`` says, in a third of its time for printable ASCII (nearly every string).

    A document measures dozens of strings; for ASCII, summing the font's own widths is all there is to it.
    """
    if text.isascii() and text.isprintable():
        return sum(map(_GLYPH_WIDTHS[font].__getitem__, text.encode("ascii"))) * 0.001 * size
    return stringWidth(text, font, size)


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
        centre = fp_str(left + size * 0.3, _baseline(top, size) + size * 0.3)
        canvas.addLiteral(f"q 1 0 0 1 {centre} cm {dot} Q")
        body.draw(canvas, left + indent, top)

    return Block(body.height, draw)


@cache
def _dot_path(radius: float) -> str:
    """A filled dot centred on the origin: the four Bezier curves of pdfgen's ``circle``, worked out once."""
    r = radius
    k = r * 0.5522847498  # the control-point distance that makes a quarter circle of one curve
    curves = [(r, k, k, r, 0, r), (-k, r, -r, k, -r, 0), (-r, -k, -k, -r, 0, -r), (k, -r, r, -k, r, 0)]
    return " ".join([f"n {fp_str(r, 0)} m", *(f"{fp_str(*curve)} c" for curve in curves), "f*"])


def heading(text: str, scale: TypeScale) -> Block:
    """A section heading with air above it; it always travels with what follows."""
    space = scale.heading * 0.8
    title = text_lines([text], font=BOLD, size=scale.heading)

    def draw(canvas: Canvas, left: float, top: float) -> None:
        title.draw(canvas, left, top - space)

    return Block(space + title.height, draw, keep_with_next=True)


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
    return max(stringWidth(label, BOLD, size) for label in labels) + size


def party_block(title: str, party_lines: Sequence[str], width: float, scale: TypeScale) -> Block:
    """A small bold caption ("Customer", "Ship to") over a name and address."""
    caption = text_lines([title], font=BOLD, size=scale.small)
    name, *address = party_lines or [""]
    name_lines = text_lines(wrapped(name, width, font=BOLD, size=scale.body), font=BOLD, size=scale.body)
    address_lines = text_lines(
        [part for line in address for part in wrapped(line, width, size=scale.body)], size=scale.body
    )
    return stacked([caption, name_lines, address_lines])


def rule(width: float, *, line_width: float = 0.75, gray: float = RULE_GRAY, space: float = 6) -> Block:
    """A horizontal line with ``space`` above and below."""

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_line(canvas, left, top - space, left + width, top - space, line_width=line_width, gray=gray)

    return Block(2 * space, draw)


def draw_line(canvas: Canvas, x1: float, y1: float, x2: float, y2: float, *, line_width: float, gray: float) -> None:
    """A line in a graphics state of its own, written as PDF operators.

    The same as saveState, setStrokeGray, setLineWidth, line and restoreState, at a fraction of
    their cost; every table row and footer draws one.
    """
    canvas.addLiteral(f"q {fp_str(gray)} G {fp_str(line_width)} w n {fp_str(x1, y1)} m {fp_str(x2, y2)} l S Q")


def boxed(inner: Block, width: float, *, padding: float = 6, line_width: float = 1.5) -> Block:
    """A black frame around ``inner``: for the one thing on a page that must not be missed."""

    def draw(canvas: Canvas, left: float, top: float) -> None:
        height = inner.height + 2 * padding
        canvas.addLiteral(f"q {fp_str(line_width)} w n {fp_str(left, top - height, width, height)} re S Q")
        inner.draw(canvas, left + padding, top - padding)

    return Block(inner.height + 2 * padding, draw)


# ---------------------------------------------------------------------------------------- tables


_CELL_PADDING = 3.0


@dataclass(frozen=True, slots=True)
class Column:
    heading: str
    """May hold a line break for a two-line heading over a narrow column."""
    width: float | None
    """None for the one column that takes the width left over (descriptions)."""
    align: Literal["left", "right"] = "left"


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: float,
    *,
    size: float,
    totals: Sequence[str] | None = None,
) -> list[Block]:
    """A heading row, one block per row (so long tables break between rows), and a bold totals row."""
    columns = tuple(columns)
    widths = _column_widths(columns, width)
    heading_block = _table_heading(columns, width, size)
    blocks = [heading_block]
    for row in rows:
        cells = [_cell_lines(text, column_width, size) for text, column_width in zip(row, widths)]
        row_block = stacked([_table_row(cells, columns, widths, REGULAR, size), rule(width, line_width=0.4, space=1)])
        blocks.append(Block(row_block.height, row_block.draw, repeat_header=heading_block))
    if totals is not None:
        blocks.append(_table_row([[text] for text in totals], columns, widths, BOLD, size))
    return blocks


def _column_widths(columns: tuple[Column, ...], width: float) -> list[float]:
    fixed = sum(column.width or 0 for column in columns)
    return [column.width if column.width is not None else width - fixed for column in columns]


@cache
def _table_heading(columns: tuple[Column, ...], width: float, size: float) -> Block:
    """The same for every document of a layout: measured once."""
    widths = _column_widths(columns, width)
    heading_row = _table_row([column.heading.split("\n") for column in columns], columns, widths, BOLD, size)
    return stacked([heading_row, rule(width, line_width=1, gray=0, space=1)], keep_with_next=True)


def _cell_lines(text: str, column_width: float, size: float) -> list[str]:
    """A cell's text wrapped to its column; a line break in the text starts a new line."""
    inner = column_width - 2 * _CELL_PADDING
    return [line for piece in text.split("\n") for line in wrapped(piece, inner, size=size)]


def _table_row(
    cells: Sequence[Sequence[str]], columns: Sequence[Column], widths: Sequence[float], font: str, size: float
) -> Block:
    leading = size * LEADING
    height = max(len(lines) for lines in cells) * leading + 2 * _CELL_PADDING
    runs: list[TextRun] = []
    x = _CELL_PADDING
    for lines, column, column_width in zip(cells, columns, widths):
        right_edge = x + column_width - 2 * _CELL_PADDING
        baseline = -_CELL_PADDING - size
        for line in lines:
            if line:  # an empty cell, as a totals row has several, draws nothing: nothing to measure
                dx = right_edge - text_width(line, font, size) if column.align == "right" else x
                runs.append((font, dx, baseline, line))
            baseline -= leading
        x += column_width

    def draw(canvas: Canvas, left: float, top: float) -> None:
        draw_text(canvas, size, left, top, runs)

    return Block(height, draw)


# ------------------------------------------------------------------------------- header, footer


def document_barcode(content: DocumentContent, scale: TypeScale, printer_dpi: int) -> Code128Barcode:
    return Code128Barcode.create(
        content.document_number, bar_height=scale.barcode_height, text_size=scale.body, printer_dpi=printer_dpi
    )


def mark_banner(content: DocumentContent, width: float, size: float) -> list[Block]:
    """VOID or COPY in words, besides the watermark: a photocopy may lose the grey.

    A reprint of a voided document says both, so that neither can pass for the issued original.
    """
    if not (content.voided or content.copy):
        return []
    issued = date_time_text(content.issued_at)
    copy = f"reprint of {content.title_in_sentence} {content.document_number}, issued {issued}"
    if content.voided:
        text = f"VOID - this {content.title_in_sentence} is void: {content.void_reason}"
        if content.copy:
            text = f"VOID COPY - {copy}; void: {content.void_reason}"
    else:
        text = f"COPY - {copy}"
    banner = paragraph(text, width - 12, font=BOLD, size=size)
    return [gap(4), boxed(banner, width, line_width=2)]


def header_block(content: DocumentContent, width: float, scale: TypeScale, printer_dpi: int) -> Block:
    """Seller, title, number with its barcode, date and RMA: wide pages in two columns, a roll stacked."""
    barcode = document_barcode(content, scale, printer_dpi)
    facts = [
        ("Number", content.document_number),
        ("Issued", date_time_text(content.issued_at)),
        (content.authorization_label, content.rma_number),
        ("Order", content.order_number),
    ]
    seller = content.seller
    # Letter and A4 have room for two columns. On an 80 mm roll the title and barcode alone take
    # most of the width, and the seller's name would be squeezed under them: stack it instead.
    right_width = max(barcode.width, text_width(content.title, BOLD, scale.title))
    left_width = width - right_width - 18
    if left_width >= 0.45 * width:
        left_column = stacked(
            [
                paragraph(seller.name, left_width, font=BOLD, size=scale.seller),
                text_lines(seller.address_lines, size=scale.table),
                gap(8),
                key_values(facts, left_width, size=scale.body),
            ]
        )
        title = text_lines([content.title], font=BOLD, size=scale.title, align="right", width=right_width)
        quiet_zone = QUIET_ZONE_MODULES * barcode.grid.module_pt

        def draw_right(canvas: Canvas, left: float, top: float) -> None:
            title.draw(canvas, left, top)
            # The bars end flush with the title; the right quiet zone reaches into the page margin.
            barcode_left = left + right_width - barcode.width + quiet_zone
            barcode.draw(canvas, barcode_left, top - title.height - 6 - barcode.height)

        right_column = Block(title.height + 6 + barcode.height, draw_right)

        def draw_columns(canvas: Canvas, left: float, top: float) -> None:
            left_column.draw(canvas, left, top)
            right_column.draw(canvas, left + width - right_width, top)

        top_part = Block(max(left_column.height, right_column.height), draw_columns)
    else:

        def draw_barcode(canvas: Canvas, left: float, top: float) -> None:
            barcode.draw(canvas, left + (width - barcode.width) / 2, top - barcode.height)

        top_part = stacked(
            [
                paragraph(seller.name, width, font=BOLD, size=scale.seller, align="center"),
                text_lines(seller.address_lines, size=scale.small, align="center", width=width),
                gap(4),
                text_lines([content.title], font=BOLD, size=scale.title, align="center", width=width),
                gap(4),
                Block(barcode.height + 4, draw_barcode),
                # The number is printed under its bars already.
                key_values(facts[1:], width, size=scale.body),
            ]
        )
    banner = mark_banner(content, width, scale.heading)
    return stacked([top_part, *banner, rule(width, line_width=1.5, gray=0, space=6)])


@dataclass(frozen=True, slots=True)
class Footer:
    """Document, station, policy and page count: one line on a page, two on a narrow roll."""

    document: str
    policy: str
    width: float
    size: float
    one_line: bool

    @classmethod
    def of(cls, content: DocumentContent, width: float, size: float) -> Footer:
        document = f"{content.title} {content.document_number} - station {content.station_id}"
        policy = f"Policy {content.policy_id} version {content.policy_version}"
        # Measured with a two-digit page count so that every page of a document agrees.
        widest = f"{document}{policy} - page 99 of 99"
        return cls(document, policy, width, size, text_width(widest, REGULAR, size) + 2 * size <= width)

    @property
    def height(self) -> float:
        rule_room = self.size * 1.6
        return rule_room if self.one_line else rule_room + self.size * LEADING

    def draw(self, canvas: Canvas, left: float, bottom: float, page: int, pages: int) -> None:
        size, width = self.size, self.width
        pages_text = f"{self.policy} - page {page} of {pages}"
        pages_room = width - text_width(pages_text, REGULAR, size)
        if self.one_line:
            runs = [(REGULAR, 0.0, 0.0, self.document), (REGULAR, pages_room, 0.0, pages_text)]
        else:
            document_room = width - text_width(self.document, REGULAR, size)
            runs = [
                (REGULAR, document_room / 2, size * LEADING, self.document),
                (REGULAR, pages_room / 2, 0.0, pages_text),
            ]
        rule_y = bottom + self.height
        draw_line(canvas, left, rule_y, left + width, rule_y, line_width=0.5, gray=RULE_GRAY)
        draw_text(canvas, size, left, bottom + size * 0.3, runs)


def draw_watermark(canvas: Canvas, content: DocumentContent, page_width: float, page_height: float) -> None:
    """A large diagonal VOID or COPY under everything else on the page."""
    if content.voided:
        mark = "VOID"
    elif content.copy:
        mark = "COPY"
    else:
        return
    # Sized by the page's shorter side so the rotated word stays whole on any paper.
    size = 0.8 * min(page_width, page_height) / (stringWidth(mark, BOLD, 100) / 100)
    canvas.saveState()
    canvas.setFillGray(MARK_GRAY)
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(45 if page_height > page_width * 0.8 else 20)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, mark)
    canvas.restoreState()


# ---------------------------------------------------------------------------------- whole files


class _StandardFont(PDFObject):
    """A Helvetica face as a font resource, its dictionary written as one line of text."""

    __RefOnly__ = 1  # referred to from the page's resources, never written inline

    def __init__(self, font: str, internal_name: str) -> None:
        self.dictionary = (
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Name /{internal_name} /Encoding {_ENCODINGS[font]} >>"
        ).encode("ascii")

    def format(self, document: PDFDocument) -> bytes:
        return self.dictionary


_ENCODINGS = {font: getFont(font).encoding.makePDFObject() for font in (REGULAR, BOLD)}
"""Each face's encoding as the PDF names it ("/WinAnsiEncoding"): the same for every document."""


def _add_fonts(canvas: Canvas) -> None:
    """The bold face, in the document before anything is drawn, as pdfgen would add it on first use
    (a new canvas already holds the regular one, its starting font).

    pdfgen works a font's encoding out afresh in every document, comparing 256 glyph names with
    those of its base encoding: for the bold face, a twentieth of a credit memo's time.
    """
    document = canvas._doc
    resources = document.idToObject["BasicFonts"].dict
    for font in (REGULAR, BOLD):
        if font in document.fontMapping:
            continue
        internal_name = f"F{len(document.fontMapping) + 1}"
        resource = _StandardFont(font, internal_name)
        document.Reference(resource, internal_name)
        resources[internal_name] = resource
        document.fontMapping[font] = f"/{internal_name}"


def _new_canvas(content: DocumentContent, output: io.BytesIO, page_size: tuple[float, float]) -> Canvas:
    # invariant=1 takes the clock and random file ID out of the PDF, so the same content gives
    # the same bytes; the creation date it does carry is the document's own issue time.
    canvas = Canvas(output, pagesize=page_size, invariant=1, pageCompression=1)
    _add_fonts(canvas)
    issued = _pdf_date(content.issued_at)
    canvas.setDateFormatter(lambda *_ignored: issued)
    canvas.setTitle(f"{content.title} {content.document_number}")
    canvas.setSubject(f"{content.authorization_label} {content.rma_number}")
    canvas.setAuthor(content.seller.name)
    canvas.setCreator("Returns Receiving Station")
    return canvas


FOOTER_GAP = 8.0


def render_pages(content: DocumentContent, body: Sequence[Block], scale: TypeScale, printer_dpi: int) -> bytes:
    """Letter or A4 as the content asks: header on every page, body flowed, footer with page count."""
    page_size = PAGE_SIZES_PT[content.page_size]
    width = page_size[0] - 2 * scale.margin
    header = header_block(content, width, scale, printer_dpi)
    footer = Footer.of(content, width, scale.small)
    body_height = page_size[1] - 2 * scale.margin - header.height - footer.height - FOOTER_GAP
    return _render(content, page_size, scale.margin, header, paginate(body, body_height), footer)


def render_roll(content: DocumentContent, body: Sequence[Block], scale: TypeScale, printer_dpi: int) -> bytes:
    """One page as wide as the roll and exactly as long as its content."""
    width = ROLL_WIDTH_PT - 2 * scale.margin
    header = header_block(content, width, scale, printer_dpi)
    footer = Footer.of(content, width, scale.small)
    length = 2 * scale.margin + header.height + sum(block.height for block in body) + FOOTER_GAP + footer.height
    return _render(content, (ROLL_WIDTH_PT, length), scale.margin, header, [list(body)], footer)


def _render(
    content: DocumentContent,
    page_size: tuple[float, float],
    margin: float,
    header: Block,
    pages: Sequence[Sequence[Block]],
    footer: Footer,
) -> bytes:
    page_width, page_height = page_size
    output = io.BytesIO()
    canvas = _new_canvas(content, output, page_size)
    for page_number, page_blocks in enumerate(pages, start=1):
        draw_watermark(canvas, content, page_width, page_height)
        top = page_height - margin
        for block in (header, *page_blocks):
            block.draw(canvas, margin, top)
            top -= block.height
        footer.draw(canvas, margin, margin, page_number, len(pages))
        canvas.showPage()
    canvas.save()
    return output.getvalue()


def render_single_page(
    content: DocumentContent, page_size: tuple[float, float], draw_page: Callable[[Canvas], None]
) -> bytes:
    """A fixed one-page layout such as a label, with the shared watermark and file metadata."""
    output = io.BytesIO()
    canvas = _new_canvas(content, output, page_size)
    draw_watermark(canvas, content, *page_size)
    draw_page(canvas)
    canvas.showPage()
    canvas.save()
    return output.getvalue()
