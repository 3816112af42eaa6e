"""PDF objects written as finished text: reportlab formats its generic dictionaries entry by entry in
every PDF, which for a font's parts or a page's structure tree costs more than the drawing itself."""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject, PDFObjectReference, PDFPage, PDFPages


# reportlab ships no type information, so mypy sees PDFObject as Any; pdfdoc writes an object as a PDF
# object only when it is one of PDFObject's subclasses.
class WrittenObject(PDFObject):  # type: ignore[misc]
    """A PDF object whose text is known when it is added to a PDF: nothing left for pdfdoc to work out."""

    __RefOnly__ = 1  # referred to, never written inline

    def __init__(self, text: bytes) -> None:
        self.text = text

    def format(self, document: PDFDocument) -> bytes:
        return self.text


class WrittenPages(PDFPages):  # type: ignore[misc]
    """The page tree's one node, written as text: the pages in the order they were shown."""

    def format(self, document: PDFDocument) -> bytes:
        kids = " ".join(reference_text(page, document) for page in self.pages)
        return f"<< /Type /Pages /Count {len(self.pages)} /Kids [ {kids} ] >>".encode("latin-1")


class WrittenPage(PDFPage):  # type: ignore[misc]
    """A page dictionary written as text when the page holds only what the station draws: text, lines and
    pictures in the embedded faces. pdfdoc's generic dictionaries took a twentieth of a credit memo's time
    on its one page. A page with anything else (links, transparency, shadings, page boxes) is left to pdfdoc."""

    _PROCEDURES = ("/PDF", "/Text", "/ImageB", "/ImageC", "/ImageI")  # pdfdoc's: the first two without pictures

    def format(self, document: PDFDocument) -> bytes:
        self.check_format(document)
        if not self._only_what_the_station_draws():
            written: bytes = super().format(document)
            return written
        procedures = " ".join(self._PROCEDURES if self.hasImages else self._PROCEDURES[:2])
        resources = [f"/Font {reference_text(self.Resources.Font, document)}", f"/ProcSet [ {procedures} ]"]
        if self.XObjects and self.XObjects.dict:
            pictures = " ".join(
                f"/{name} {reference_text(each, document)}" for name, each in self.XObjects.dict.items()
            )
            resources.append(f"/XObject << {pictures} >>")
        entries = [
            "/Type /Page",
            f"/Parent {reference_text(self.Parent, document)}",
            f"/MediaBox [ {fp_str(*self.MediaBox.sequence)} ]",
            f"/Resources << {' '.join(resources)} >>",
            f"/Contents {reference_text(self.Contents, document)}",
            f"/Rotate {self.Rotate or 0}",
        ]
        if getattr(self, "StructParents", None) is not None:
            entries.append(f"/StructParents {self.StructParents}")
        return ("<< " + " ".join(entries) + " >>").encode("latin-1")

    def _only_what_the_station_draws(self) -> bool:
        boxes = ("CropBox", "ArtBox", "BleedBox", "TrimBox")
        states = ("ColorSpace", "ExtGState", "Pattern", "Properties", "Shading")
        return not (
            self.Annots
            or self.Thumb
            or self.Dur is not None
            or self.Trans.dict
            or any(getattr(self, box) for box in boxes)
            or any(getattr(self.Resources, state) for state in states)
        )


def reference_text(item: object, document: PDFDocument) -> str:
    """How ``document`` refers to ``item`` ("12 0 R"), numbering the object if it has no number yet."""
    reference = item if isinstance(item, PDFObjectReference) else document.Reference(item)
    written: bytes = reference.format(document)
    return written.decode("latin-1")


def text_string(value: str) -> str:
    """A PDF text string: printable ASCII as a literal string, anything else as UTF-16 with its byte
    order mark, in hex (both read the same in every reader; PDF 1.7, 7.9.2.2)."""
    if value.isascii() and value.isprintable():
        return "(" + value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"
