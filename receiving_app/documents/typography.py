"""The type every document is set in: its faces, its sizes on each kind of paper, and how much room a text takes.

Plain and large, because these are read at a returns bench, in a warehouse and by customers: DejaVu Sans
Condensed (about as wide as Helvetica, so tables keep their columns and a memo its one page), embedded as
a subset in every PDF, because customers' names and addresses come in every alphabet the
station's sellers ship to (Polish, Vietnamese, Greek, Cyrillic...) and a reader's own fonts cannot be
relied on for any of them; black on white (thermal printers have no gray worth the name), amounts
right-aligned.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.pdfmetrics import registerFont
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont

from receiving_app.documents.written_objects import WrittenObject
from receiving_app.domain.media import Medium
from receiving_app.locations import resources_dir

REGULAR = "DejaVuSansCondensed"
BOLD = "DejaVuSansCondensed-Bold"
FONT_FILES = {REGULAR: "DejaVuSansCondensed.ttf", BOLD: "DejaVuSansCondensed-Bold.ttf"}
"""Each face's file in the shipped ``fonts`` folder, beside the fonts' licence."""
LEADING = 1.25
"""Line height as a multiple of the type size."""
FIRST_SUBSET = tuple(map(ord, "‘’“”–—…•·×−→≤≥€£¥₹₪₴₦₱₺"))
"""Beyond ASCII, the characters every document's first font subset holds: the punctuation, signs and
currency symbols the station's own words and amounts use. A customer's accented letters go to the next
subset, which stays small; holding Latin-1's letters here too would add 13 KB to every PDF."""


@dataclass(frozen=True, slots=True)
class Face:
    """A face registered with reportlab, and what measuring ASCII in it needs, worked out once."""

    font: Any
    """reportlab's ``TTFont`` (reportlab ships no type information)."""
    ascii_widths: tuple[float, ...]
    """Advance widths in thousandths of an em, by character code from 0 to 127."""
    widest_ascii: float
    """In ems: no ASCII character is wider."""
    characters: frozenset[int]
    """The code points the face has a glyph for."""


_faces: Mapping[str, Face] | None = None
_loading = threading.Lock()


def faces() -> Mapping[str, Face]:
    """Both faces, read from their files and registered with reportlab on the first call in the process.

    Lazily, because reading the two files takes a few dozen milliseconds that a process which never
    renders a document should not pay; under a lock, because the station renders on worker threads.
    """
    global _faces
    loaded = _faces
    if loaded is None:
        with _loading:
            loaded = _faces
            if loaded is None:
                loaded = {name: _load(name, file) for name, file in FONT_FILES.items()}
                for face in loaded.values():
                    registerFont(face.font)
                _faces = loaded
    return loaded


def _load(name: str, file: str) -> Face:
    # asciiReadable: ASCII keeps its own codes in the first subset, whatever the process-wide setting,
    # so that a line of ASCII is written to the page as it is (see text_blocks.text_operators).
    font = _EmbeddedFont(name, str(resources_dir() / "fonts" / file), asciiReadable=True)
    face = font.face
    widths = tuple(face.charWidths.get(code, face.defaultWidth) for code in range(128))
    return Face(font, widths, max(widths) / 1000, frozenset(face.charToGlyph))


@dataclass(frozen=True, slots=True)
class _SubsetParts:
    """What a PDF says of one subset of a face that does not depend on the PDF: made once, written many times."""

    base_font: str
    widths: str
    """The advance width of each code, as the font dictionary's array."""
    last_code: int
    descriptor: str
    """The font descriptor's dictionary up to its reference to the font program."""
    program: bytes
    """The subset's TrueType program as a deflated PDF stream."""
    to_unicode: bytes
    """How the subset's codes read back as text, as a deflated PDF stream."""


def _deflated_stream(data: bytes, **entries: int) -> bytes:
    # Written whole rather than by pdfdoc, which would deflate it in every PDF again. Our PDFs are
    # never encrypted, which is the only thing pdfdoc would still do to a stream's content.
    deflated = zlib.compress(data)
    dictionary = " ".join(f"/{key} {value}" for key, value in {"Length": len(deflated), **entries}.items())
    return f"<< /Filter /FlateDecode {dictionary} >>\nstream\n".encode("ascii") + deflated + b"\nendstream"


class _EmbeddedFont(TTFont):  # type: ignore[misc]
    """reportlab's TrueType font, writing each subset into a PDF from parts made once per process.

    reportlab subsets, deflates and describes every subset afresh in every PDF: three quarters of a
    credit memo's time. The same characters in the same subset make the same parts, and every
    document's first subset is ASCII alone, so the parts are kept, a bounded number per face.
    """

    KEPT_SUBSETS = 64

    def __init__(self, name: str, filename: str, *, asciiReadable: bool) -> None:
        super().__init__(name, filename, asciiReadable=asciiReadable)
        self._parts: dict[tuple[int, tuple[int, ...]], _SubsetParts] = {}
        self._first_subset = tuple(code for code in FIRST_SUBSET if code in self.face.charToGlyph)

    def splitString(self, text: str, doc: PDFDocument, encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        self._state_in(doc)
        split: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return split

    def getSubsetInternalName(self, subset: int, doc: PDFDocument) -> str:
        self._state_in(doc)
        name: str = super().getSubsetInternalName(subset, doc)
        return name

    def _state_in(self, doc: PDFDocument) -> None:
        """The face's subsets in ``doc``, begun as every document begins them.

        The first subset holds ASCII and FIRST_SUBSET whether the document prints them or not, and every
        other character goes to the subsets after it: the first subset is then the same font program in
        every document, which the station keeps once for all of them (documents/shared_parts.py),
        whatever names and addresses it prints."""
        if doc not in self.state:
            state = self.state[doc] = TTFont.State(self._asciiReadable, self)
            first = state.subsets[0]
            for code in self._first_subset:
                state.assignments[code] = len(first)
                first.append(code)
            state.nextCode = 256

    def addObjects(self, doc: PDFDocument) -> None:
        # Called by reportlab when the PDF is saved, for each face that text was set in.
        state = self.state[doc]
        state.frozen = 1
        resources = doc.idToObject["BasicFonts"].dict
        for number, codes in enumerate(state.subsets):
            name = self.getSubsetInternalName(number, doc)[1:]
            parts = self._subset_parts(number, tuple(codes))
            program = doc.Reference(WrittenObject(parts.program)).format(doc).decode()
            to_unicode = doc.Reference(WrittenObject(parts.to_unicode)).format(doc).decode()
            descriptor = doc.Reference(WrittenObject(f"{parts.descriptor} /FontFile2 {program} >>".encode("latin-1")))
            font = WrittenObject(
                f"<< /Type /Font /Subtype /TrueType /Name /{name} /BaseFont /{parts.base_font} /FirstChar 0"
                f" /LastChar {parts.last_code} /Widths {parts.widths} /ToUnicode {to_unicode}"
                f" /FontDescriptor {descriptor.format(doc).decode()} >>".encode("latin-1")
            )
            doc.Reference(font, name)
            resources[name] = font
        del self.state[doc]

    def _subset_parts(self, number: int, codes: tuple[int, ...]) -> _SubsetParts:
        key = (number, codes)
        parts = self._parts.get(key)
        if parts is None:
            if len(self._parts) >= self.KEPT_SUBSETS:
                self._parts.clear()
            parts = self._parts[key] = self._made_parts(number, codes)
        return parts

    def _made_parts(self, number: int, codes: tuple[int, ...]) -> _SubsetParts:
        face = self.face
        base_font = (SUBSETN(number) + b"+" + face.name + face.subfontNameX).decode("latin-1")
        program = face.makeSubset(codes)
        # Symbolic: the subset's codes are its own, not those of a standard encoding.
        flags = face.flags & ~FF_NONSYMBOLIC | FF_SYMBOLIC
        descriptor = (
            f"<< /Type /FontDescriptor /FontName /{base_font} /Flags {flags} /FontBBox [{fp_str(*face.bbox)}]"
            f" /ItalicAngle {fp_str(face.italicAngle)} /Ascent {fp_str(face.ascent)} /Descent {fp_str(face.descent)}"
            f" /CapHeight {fp_str(face.capHeight)} /StemV {fp_str(face.stemV)}"
            f" /MissingWidth {fp_str(face.defaultWidth)}"
        )
        return _SubsetParts(
            base_font=base_font,
            widths="[" + " ".join(fp_str(face.getCharWidth(code)) for code in codes) + "]",
            last_code=len(codes) - 1,
            descriptor=descriptor,
            program=_deflated_stream(program, Length1=len(program)),
            to_unicode=_deflated_stream(_to_unicode_cmap(codes).encode("ascii")),
        )


def _to_unicode_cmap(codes: tuple[int, ...]) -> str:
    """What each code of a subset reads back as, when text is copied or searched.

    Written here rather than by reportlab, whose map gives every character four hex digits, which
    reads a character beyond U+FFFF (DejaVu has hundreds) back wrong: a PDF wants its UTF-16 pair.
    """
    # Code 0, and the codes below the space no character has taken yet, are the missing-glyph box: no text.
    pairs = [
        f"<{code:02X}> <{chr(character).encode('utf-16-be').hex().upper()}>"
        for code, character in enumerate(codes)
        if character
    ]
    blocks = [pairs[first : first + 100] for first in range(0, len(pairs), 100)]  # at most 100 to a block
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <00> <FF> endcodespacerange",
            *(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar" for block in blocks),
            "endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    )


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
NARROW_ROLL_TYPE = TypeScale(title=12, seller=11, heading=10, body=8.5, table=8, small=7, barcode_height=30, margin=6)
"""For 58 mm paper, 48 mm printed: 8.5 pt is the smallest body a customer reads off a thermal slip without effort."""
WIDE_PAPER_PT = 400.0
ROLL_PAPER_PT = 200.0


def type_scale_for(medium: Medium) -> TypeScale:
    """Letter and A4 in page type; a 4 x 6 in label or an 80 mm roll in roll type; narrower rolls smaller."""
    if medium.width_pt >= WIDE_PAPER_PT:
        return PAGE_TYPE
    if medium.width_pt >= ROLL_PAPER_PT:
        return ROLL_TYPE
    return NARROW_ROLL_TYPE


def text_width(text: str, font: str, size: float) -> float:
    """What ``pdfmetrics.stringWidth`` says, in a fraction of its time for printable ASCII (nearly every string).

    A document measures dozens of strings; for ASCII, summing the face's widths from a table is all there is to it.
    """
    face = faces()[font]
    if text.isascii() and text.isprintable():
        return sum(map(face.ascii_widths.__getitem__, text.encode("ascii"))) * 0.001 * size
    width: float = face.font.stringWidth(text, size)
    return width


def wrapped(text: str, width: float, *, font: str = REGULAR, size: float) -> list[str]:
    # Most texts fit on one line, and rendering speed matters at a busy bench. A short ASCII text
    # fits by its length alone, unmeasured; a longer one, measured once as a whole, still usually
    # does, which is much cheaper than simpleSplit's word-by-word measuring.
    fits_unmeasured = text.isascii() and len(text) * faces()[font].widest_ascii * size <= width
    if fits_unmeasured or text_width(text, font, size) <= width:
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
