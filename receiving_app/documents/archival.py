"""PDF/A-2b for a document's PDF: what a file needs to be read and printed the same way in decades.

Documents are kept as evidence of what a customer was told, so their files claim PDF/A-2b (ISO
19005-2, level B: it looks the same everywhere) and meet it: every font embedded (``typography``),
the colors tied to sRGB by an output intent, and XMP metadata that says the same as the /Info
dictionary and names the part and level the file conforms to. PDF/A-2 is based on PDF 1.7.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFDocument,
    PDFInfo,
    PDFName,
    PDFObject,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from receiving_app.documents.written_objects import WrittenPage, WrittenPages, reference_text, text_string
from receiving_app.locations import resources_dir

PDF_VERSION = (1, 7)
SRGB_PROFILE_FILE = "sRGB.icc"
"""The sRGB profile made by Pillow's ``ImageCms.createProfile("sRGB")`` (littlecms), shipped rather than
made at run time because littlecms stamps each profile it makes with the current time: the same
document must always come out as the same bytes."""
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


def pdf_date(moment: datetime) -> str:
    """A moment as a PDF date, to the second: ``D:20260327140500-05'00'``."""
    offset = moment.utcoffset()
    if offset is None:
        return f"D:{moment:%Y%m%d%H%M%S}"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"D:{moment:%Y%m%d%H%M%S}{sign}{hours:02d}'{minutes:02d}'"


def xmp_date(moment: datetime) -> str:
    """The same moment as ``pdf_date`` in XMP's form (ISO 8601): ``2026-03-27T14:05:00-05:00``."""
    return moment.replace(microsecond=0).isoformat()


def make_archival(canvas: Canvas, created: datetime) -> None:
    """Makes the PDF that ``canvas`` will save a PDF/A-2b file created (and last changed) at ``created``.

    Call it once, right after making the canvas. The title, author, subject and creator may be set
    on the canvas before or after: the XMP metadata is written when the file is saved, from the
    same values as the /Info dictionary. The dates are this function's: do not set a date
    formatter on the canvas.
    """
    document = canvas._doc
    # reportlab's own way of raising the version a feature needs (PDFDocument.ensureMinPdfVersion).
    document._pdfVersion = max(document._pdfVersion, PDF_VERSION)
    info = _ArchivalInfo(created)
    info.__dict__.update(vars(document.info))  # whatever was set on the canvas already
    document.info = info
    # The catalog, the page tree and each page (``_end_contents_with_eol``) are the objects pdfdoc made,
    # given classes that write them as text.
    document.Pages.__class__ = WrittenPages
    catalog = document.Catalog
    catalog.__class__ = _ArchivalCatalog
    catalog.Metadata = _XmpMetadata(info)
    catalog.OutputIntents = PDFArray([_srgb_output_intent(document)])
    earlier_callback = canvas._onPage

    def page_shown(page_number: int) -> None:
        _end_contents_with_eol(document.Pages.pages[-1])
        if earlier_callback is not None:
            earlier_callback(page_number)

    canvas.setPageCallBack(page_shown)


def _end_contents_with_eol(page: Any) -> None:
    """Writes a page's content stream with an end of line before ``endstream``, as PDF/A requires, and
    not deflated.

    pdfdoc writes the deflated content and ``endstream`` straight after it. Left as text, a page's
    drawing is a few kilobytes more in the file, but the database deflates it against an earlier
    document of the same kind (``shared_parts``), where it is mostly the same words at the same places:
    a stored credit memo takes 1.0 KB instead of 2.3. Deflated here, it would look new every time.
    Called as each page is shown (the canvas's page callback), when the page has its content and is
    not written yet.
    """
    page.Contents = _Stream({}, page.stream.encode("utf-8"))
    page.__class__ = WrittenPage


class _ArchivalCatalog(PDFCatalog):  # type: ignore[misc]
    """The catalog with PDF/A's output intent and metadata, written as text when it holds only what the
    station's documents set (pdfdoc's generic dictionary cost 0.03 ms of a memo's 1.2); left to pdfdoc
    when a canvas set anything else, such as outlines."""

    # pdfdoc writes only the catalog keys it lists, and does not list OutputIntents.
    __NoDefault__ = (*PDFCatalog.__NoDefault__, "OutputIntents")
    _WRITTEN = frozenset({"Pages", "PageMode", "Metadata", "OutputIntents", "StructTreeRoot", "MarkInfo", "Lang"})

    def format(self, document: PDFDocument) -> bytes:
        others = [key for key in self.__NoDefault__ if key not in self._WRITTEN and getattr(self, key, None)]
        if others or getattr(self, "PageMode", "/UseNone") != "/UseNone":
            written: bytes = super().format(document)
            return written
        (intent,) = self.OutputIntents.sequence
        entries = [
            "/Type /Catalog",
            f"/Pages {reference_text(self.Pages, document)}",
            "/PageMode /UseNone",
            f"/Metadata {reference_text(self.Metadata, document)}",
            f"/OutputIntents [ << /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ({OUTPUT_CONDITION})"
            f" /Info ({OUTPUT_CONDITION}) /DestOutputProfile {reference_text(intent['DestOutputProfile'], document)}"
            " >> ]",
        ]
        if getattr(self, "StructTreeRoot", None) is not None:
            entries.append(f"/StructTreeRoot {reference_text(self.StructTreeRoot, document)}")
        if getattr(self, "MarkInfo", None) is not None:
            entries.append(f"/MarkInfo {reference_text(self.MarkInfo, document)}")
        if getattr(self, "Lang", None) is not None:
            entries.append(f"/Lang {self.Lang.format(document).decode('latin-1')}")
        return ("<< " + " ".join(entries) + " >>").encode("latin-1")


class _ArchivalInfo(PDFInfo):  # type: ignore[misc]
    """The /Info dictionary, written from the same entries as the XMP metadata.

    reportlab's also writes /Trapped, which has no counterpart in the XMP schemas PDF/A-2 allows
    without an extension schema, and an empty /Keywords; this one writes neither.
    """

    def __init__(self, created: datetime) -> None:
        super().__init__()
        self.created = created

    def entries(self) -> dict[str, str]:
        date = pdf_date(self.created)
        entries = {
            "Title": self.title,
            "Author": self.author,
            "Subject": self.subject,
            "Creator": self.creator,
            "Producer": self.producer,
            "CreationDate": date,
            "ModDate": date,
        }
        if self.keywords:
            entries["Keywords"] = self.keywords
        return entries

    def format(self, document: PDFDocument) -> bytes:
        # Written here rather than by pdfdoc, whose strings and dictionary cost 0.06 ms of a memo's 1.4.
        entries = " ".join(f"/{key} {text_string(value)}" for key, value in self.entries().items())
        return f"<< {entries} >>".encode("ascii")


class _Stream(PDFObject):  # type: ignore[misc]
    """A stream written as it is: no filter, so that a reader of the bare file can read the XMP."""

    __RefOnly__ = 1  # a stream is always an object of its own in the file

    def __init__(self, entries: Mapping[str, Any], data: bytes) -> None:
        self.entries = entries
        self.data = data

    def format(self, document: PDFDocument) -> bytes:
        dictionary: bytes = PDFDictionary({**self.entries, "Length": len(self.data)}).format(document)
        return dictionary + b"\nstream\n" + self.data + b"\nendstream"


class _XmpMetadata(_Stream):
    """The catalog's /Metadata: made when the file is saved, so it says what /Info says then."""

    def __init__(self, info: _ArchivalInfo) -> None:
        super().__init__({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}, b"")
        self.info = info

    def format(self, document: PDFDocument) -> bytes:
        self.data = xmp_packet(self.info.entries(), self.info.created).encode("utf-8")
        return super().format(document)


def xmp_packet(info: Mapping[str, str], created: datetime) -> str:
    """The XMP metadata of a PDF/A-2b file whose /Info dictionary has ``info``, created at ``created``."""
    date = xmp_date(created)
    properties = [
        "<dc:format>application/pdf</dc:format>",
        f"<dc:title>{_alternatives(info['Title'])}</dc:title>",
        f"<dc:creator><rdf:Seq><rdf:li>{escape(info['Author'])}</rdf:li></rdf:Seq></dc:creator>",
        f"<dc:description>{_alternatives(info['Subject'])}</dc:description>",
        f"<xmp:CreatorTool>{escape(info['Creator'])}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{date}</xmp:CreateDate>",
        f"<xmp:ModifyDate>{date}</xmp:ModifyDate>",
        f"<pdf:Producer>{escape(info['Producer'])}</pdf:Producer>",
        *([f"<pdf:Keywords>{escape(info['Keywords'])}</pdf:Keywords>"] if "Keywords" in info else []),
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
    ]
    # No "bytes" or "encoding" attribute in the packet header: PDF/A forbids both (UTF-8 is implied).
    return "\n".join(
        [
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
            ' xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
            *properties,
            "</rdf:Description>",
            "</rdf:RDF>",
            "</x:xmpmeta>",
            '<?xpacket end="r"?>',
        ]
    )


def _alternatives(text: str) -> str:
    return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'


@functools.cache
def srgb_profile() -> bytes:
    """The shipped sRGB ICC profile, read once per process.

    functools.cache is safe on the worker threads that render documents: two threads may both
    read the file the first time, and both get the same bytes.
    """
    return (resources_dir() / SRGB_PROFILE_FILE).read_bytes()


def _srgb_output_intent(document: PDFDocument) -> PDFDictionary:
    """How the file's colors print: as sRGB, which a gray-and-white thermal or laser printer also takes."""
    profile = document.Reference(_Stream({"N": 3}, srgb_profile()))
    return PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(OUTPUT_CONDITION),
            "Info": PDFString(OUTPUT_CONDITION),
            "DestOutputProfile": profile,
        }
    )
