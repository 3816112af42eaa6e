"""A tagged PDF: the structure tree that gives a screen reader, a text export or a reflowing viewer
the document's reading order and what each part of a page is (heading, paragraph, table, figure).

A ``StructureTree`` records while a document is drawn: each block is drawn inside
``element(role)``, which marks its content on the page (``/P <</MCID 0>> BDC`` ... ``EMC``), and
page furniture (watermark, rules, footer) inside ``artifact()``, which keeps it out of the reading
order. ``write()``, after the last page is shown and before the canvas is saved, adds the tree
to the file. Marked content is never nested and an element never spans pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from reportlab.pdfbase.pdfdoc import PDFString
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.written_objects import WrittenObject, reference_text, text_string

STANDARD_ROLES = frozenset(
    (
        *("Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index"),
        *("NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody"),
        *("Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference"),
        *("BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP"),
        *("Figure", "Formula", "Form"),
    )
)
"""The standard structure types of ISO 32000-1, 14.8.4: any other would need a role map."""


class MarkedContentError(RuntimeError):
    """Marked content that would make the structure tree wrong: nested, across pages, or left open."""


@dataclass(frozen=True, slots=True)
class RecordedElement:
    role: str
    page: int
    """The canvas's page number, from 1."""
    mcid: int
    """Its marked content's number on its page, from 0."""
    alt: str | None


class StructureTree:
    """Records a document's structure as it is drawn on ``canvas``, and writes it into the PDF."""

    def __init__(self, canvas: Canvas, lang: str = "en-US") -> None:
        self._canvas = canvas
        self._lang = lang
        self._elements: list[RecordedElement] = []
        self._next_mcid: dict[int, int] = {}
        self._marking = False

    @property
    def canvas(self) -> Canvas:
        return self._canvas

    @property
    def elements(self) -> tuple[RecordedElement, ...]:
        """The elements recorded so far, in drawing order."""
        return tuple(self._elements)

    @contextmanager
    def element(self, role: str, alt: str | None = None) -> Iterator[None]:
        """Marks what is drawn inside as one element of the reading order; ``alt`` says in words
        what a figure (a barcode, a photo) shows."""
        if role not in STANDARD_ROLES:
            raise ValueError(f"{role!r} is not a standard structure type")
        page = self._canvas.getPageNumber()
        mcid = self._next_mcid.get(page, 0)
        with self._marked(f"/{role} <</MCID {mcid}>> BDC"):
            self._next_mcid[page] = mcid + 1
            self._elements.append(RecordedElement(role, page, mcid, alt))
            yield

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """Marks what is drawn inside as page furniture, outside the reading order."""
        with self._marked("/Artifact BMC"):
            yield

    @contextmanager
    def _marked(self, opening: str) -> Iterator[None]:
        if self._marking:
            raise MarkedContentError("marked content inside marked content: draw the two one after the other")
        page = self._canvas.getPageNumber()
        self._marking = True
        self._canvas.addLiteral(opening)
        try:
            yield
        finally:
            self._marking = False
            if self._canvas.getPageNumber() != page:
                raise MarkedContentError("a page was shown inside marked content: an element must stay on its page")
            self._canvas.addLiteral("EMC")

    def write(self) -> None:
        """Adds the structure tree to the PDF: call it after the last ``showPage()``, before ``save()``."""
        if self._marking:
            raise MarkedContentError("write() inside marked content")
        document = self._canvas._doc
        pages = document.Pages.pages
        if any(element.page > len(pages) for element in self._elements):
            raise MarkedContentError("elements on a page not shown yet: call write() after its showPage()")
        # Every object of the tree as finished text: formatted by pdfdoc, a page's few dozen elements
        # took as long as drawing the page. The root and the top element are given their numbers first,
        # as the elements name their parent and the root its kids; their text is written after.
        root, top = WrittenObject(b""), WrittenObject(b"")
        root_reference, top_reference = reference_text(root, document), reference_text(top, document)
        kids: list[str] = []
        on_page: dict[int, list[str]] = {}
        page_references = [reference_text(page, document) for page in pages]
        for element in self._elements:
            alt = f" /Alt {text_string(element.alt)}" if element.alt is not None else ""
            written = (
                f"<< /Type /StructElem /S /{element.role} /P {top_reference} /Pg {page_references[element.page - 1]}"
                f" /K {element.mcid}{alt} >>"
            )
            reference = reference_text(WrittenObject(written.encode("latin-1")), document)
            kids.append(reference)
            on_page.setdefault(element.page, []).append(reference)  # in MCID order: they were drawn in it
        top.text = f"<< /Type /StructElem /S /Document /P {root_reference} /K [ {' '.join(kids)} ] >>".encode("latin-1")
        numbers: list[str] = []
        for key, (page, references) in enumerate(sorted(on_page.items())):
            _give_struct_parents(pages[page - 1], key)
            numbers.append(f"{key} [ {' '.join(references)} ]")
        parent_tree = reference_text(WrittenObject(f"<< /Nums [ {' '.join(numbers)} ] >>".encode("latin-1")), document)
        tree = f"/K {top_reference} /ParentTree {parent_tree} /ParentTreeNextKey {len(on_page)}"
        root.text = f"<< /Type /StructTreeRoot {tree} >>".encode("latin-1")
        catalog = document.Catalog
        catalog.StructTreeRoot = root
        catalog.MarkInfo = document.Reference(WrittenObject(b"<< /Marked true >>"))
        catalog.Lang = PDFString(self._lang)


def _give_struct_parents(page: object, key: int) -> None:
    """Sets a page's /StructParents: its key in the parent tree, where its marked content's elements are.

    pdfdoc writes only the page keys it lists, which do not include StructParents.
    """
    listed = page.__NoDefault__  # type: ignore[attr-defined]
    if "StructParents" not in listed:
        page.__NoDefault__ = [*listed, "StructParents"]  # type: ignore[attr-defined]
    page.StructParents = key  # type: ignore[attr-defined]
