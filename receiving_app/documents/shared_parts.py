"""A PDF kept lean: the streams every document repeats stored once, by their SHA-256, and the rest deflated.

Every document the station issues embeds the same two font programs, color profile and character
maps (about 24 KB of a 35 KB credit memo), and a damage photo's printable copy is embedded again in
each document that shows it. Stored whole, they were most of the database. So a document is stored as
its bytes without those streams and without its cross-reference table (which is only the offsets of
its objects, written again when it is put back together), deflated (``LeanPdf.deflated``), and the
streams themselves (``LeanPdf.shared``), which the database keeps once for every document. Where each
stream goes is written at the end of the deflated bytes, after a ``%parts`` mark: a later document
names the same streams in the same words, so it costs a few bytes there where it cost 400 in a column.

What is left (the page's text and drawing, the fonts' widths, the structure tree, the metadata) is
much the same from one credit memo to the next, so it is deflated against a dictionary: the lean
bytes of an earlier document of the same kind, itself kept as a shared part (a quarter of what the
document's row would hold otherwise; zlib's preset dictionary, at most its last 32 KB). The documents
table keeps, beside the deflated bytes, only which dictionary (``LeanPdf.kept_as``).

Put back together (``whole_pdf``), the bytes are the issued ones exactly: a split is used only when
putting it back together gives the original, and every read checks the whole file's SHA-256 against
the one recorded when it was issued. Documents stored before the index moved into the deflated bytes
keep it in their column (``{"dictionary": ..., "parts": [...]}``) and are read as they were stored.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import zlib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from receiving_app.domain.digest_text import hex_of_short_text, short_text_of_hex

# An object begins a line (pdfdoc writes each after the one before and its end of line). The newline
# first lets the search skip from newline to newline instead of trying every digit of the font programs:
# 0.04 ms a memo instead of 0.8.
_OBJECT = re.compile(rb"\n(\d+) 0 obj\b")
_STREAM = re.compile(rb"/Length (\d+)\b[^<>]*>>\s*stream\r?\n")
_END_OF_STREAM = re.compile(rb"\r?\n?endstream")
# The objects a font, the output intent or a page's pictures refer to: the same in every document that
# uses them, where the page contents and the document's metadata are its own.
_SHARED_REFERENCE = re.compile(rb"/(?:FontFile2?|FontFile3|ToUnicode|DestOutputProfile) (\d+) 0 R\b")
_IMAGE = b"/Subtype /Image"
_XREF = b"\nxref\n"
_START_XREF = b"startxref\n"
_START_XREF_OFFSET = re.compile(_START_XREF + rb"(\d+)\n")
_INDEX_MARK = b"\n%parts "  # no PDF ends with it: a PDF's last line is %%EOF

DICTIONARY_BYTES = 32 * 1024  # what zlib's window can reach back to
# zlib's best: a memo's 15 KB deflate in 0.15 ms rather than 0.12, to about 6 % fewer bytes for ever.
_LEVEL = 9

PartsSource = Callable[[Collection[str]], Mapping[str, bytes]]
"""The shared parts with the SHA-256s asked for (those there are): the documents table's, or a dict's."""


@dataclass(frozen=True, slots=True)
class PartsIndex:
    """What a lean PDF needs put back: the shared streams and where each goes, and its cross-references."""

    parts: tuple[tuple[int, str], ...]
    """Each shared stream's offset in the lean bytes and its SHA-256 (hex), in order."""
    xref: int | None = None
    """Where the cross-reference table was cut out (its offset in the PDF); None when it was kept."""

    @property
    def text(self) -> str:
        return json.dumps({"parts": [list(part) for part in self.parts], "xref": self.xref}, separators=(",", ":"))

    @classmethod
    def from_json(cls, kept: Mapping[str, object]) -> PartsIndex:
        listed = kept["parts"]
        if not isinstance(listed, list):
            raise ValueError("the parts are not a list")
        xref = kept.get("xref")
        if not (xref is None or isinstance(xref, int)):
            raise ValueError("the cross-references' place is not an offset")
        return cls(tuple((int(offset), str(digest)) for offset, digest in listed), xref)


@dataclass(frozen=True, slots=True)
class LeanPdf:
    deflated: bytes
    """The PDF without its shared streams and cross-references, then its index, deflated (zlib) against
    the dictionary if there is one."""
    kept_as: str
    """What the documents table keeps beside it (``pdf_parts``): which dictionary, as JSON."""
    index: PartsIndex
    shared: Mapping[str, bytes]
    """The shared streams (and the dictionary) by their SHA-256 (hex)."""


def lean_pdf(pdf: bytes, dictionary: bytes | None = None) -> LeanPdf:
    """``pdf`` with its fonts, character maps, color profile, pictures and cross-references taken out, and
    the rest deflated against ``dictionary`` (what ``lean_bytes`` gives of an earlier document) if given."""
    cut, xref = _without_xref(pdf)
    objects = [(match.start(1), int(match.group(1))) for match in _OBJECT.finditer(cut)]
    starts = [start for start, _number in objects]
    shared_objects = {int(number) for number in _SHARED_REFERENCE.findall(cut)}
    pieces: list[bytes] = []
    parts: list[tuple[int, str]] = []
    shared: dict[str, bytes] = {}
    taken, lean_length = 0, 0
    for stream in _STREAM.finditer(cut):
        begin, length = stream.end(), int(stream.group(1))
        end = begin + length
        owner = bisect.bisect_right(starts, stream.start()) - 1
        if owner < 0 or not _END_OF_STREAM.match(cut, end):
            continue
        object_start, number = objects[owner]
        if not (number in shared_objects or _IMAGE in cut[object_start : stream.start()]):
            continue
        content = cut[begin:end]
        digest = hashlib.sha256(content).hexdigest()
        pieces.append(cut[taken:begin])
        lean_length += begin - taken
        parts.append((lean_length, digest))
        shared[digest] = content
        taken = end
    pieces.append(cut[taken:])
    index = PartsIndex(tuple(parts), xref)
    lean = b"".join(pieces)
    if _put_back(lean, index, shared) != pdf:  # a file this reading misunderstood is kept whole
        lean, index, shared = pdf, PartsIndex(()), {}
    inflated = lean + _INDEX_MARK + index.text.encode()
    if dictionary is None:
        return LeanPdf(zlib.compress(inflated, _LEVEL), _kept_as(None), index, shared)
    dictionary = dictionary[-DICTIONARY_BYTES:]
    kept = zlib.compress(dictionary)  # a part is kept as it is, and the dictionary is PDF text: deflated too
    digest = hashlib.sha256(kept).hexdigest()
    deflater = zlib.compressobj(_LEVEL, zdict=dictionary)
    deflated = deflater.compress(inflated) + deflater.flush()
    return LeanPdf(deflated, _kept_as(digest), index, {**shared, digest: kept})


def dictionary_of(kept_as: str) -> str | None:
    """The SHA-256 (hex) of the shared part a document's bytes were deflated against (None: against none)."""
    dictionary = json.loads(kept_as)["dictionary"]
    if dictionary is None:
        return None
    named = str(dictionary)
    # In URL-safe base64 since December 2026 (43 characters); kept in hex digits before.
    return named if len(named) == 64 else hex_of_short_text(named)


def lean_bytes(deflated: bytes, kept_as: str, parts: PartsSource) -> bytes:
    """The bytes as they were before they were deflated, which a later document of the kind is deflated
    against. KeyError: the dictionary is not among the parts; zlib.error: ``deflated`` is not one whole
    deflated stream and nothing more, as stored."""
    digest = dictionary_of(kept_as)
    dictionary = zlib.decompress(parts({digest})[digest]) if digest else None
    inflater = zlib.decompressobj(zdict=dictionary) if dictionary else zlib.decompressobj()
    lean = inflater.decompress(deflated) + inflater.flush()
    if not inflater.eof or inflater.unused_data:
        raise zlib.error("the stored bytes are not the deflated stream that was stored")
    return lean


def whole_pdf(deflated: bytes, kept_as: str, parts: PartsSource) -> bytes:
    """The PDF as issued, from what ``lean_pdf`` made of it. KeyError names a shared part not there;
    ValueError: the index is not one ``lean_pdf`` wrote."""
    inflated = lean_bytes(deflated, kept_as, parts)
    kept = json.loads(kept_as)
    if "parts" in kept:  # stored before the index moved into the deflated bytes
        lean, index = inflated, PartsIndex.from_json(kept)
    else:
        lean, mark, index_text = inflated.rpartition(_INDEX_MARK)
        if not mark:
            raise ValueError("the stored bytes have no index of their parts")
        index = PartsIndex.from_json(json.loads(index_text))
    return _put_back(lean, index, parts({digest for _offset, digest in index.parts}))


def _kept_as(dictionary: str | None) -> str:
    named = None if dictionary is None else short_text_of_hex(dictionary)
    return json.dumps({"dictionary": named}, separators=(",", ":"))


def _put_back(lean: bytes, index: PartsIndex, shared: Mapping[str, bytes]) -> bytes:
    pieces, taken = [], 0
    for offset, digest in index.parts:
        pieces.append(lean[taken:offset])
        pieces.append(shared[digest])
        taken = offset
    pieces.append(lean[taken:])
    joined = b"".join(pieces)
    return joined if index.xref is None else _with_xref(joined, index.xref)


def _without_xref(pdf: bytes) -> tuple[bytes, int | None]:
    """``pdf`` without its cross-reference table and the offset ``startxref`` gives of it, and where the
    table was; ``pdf`` and None unless writing them again gives back ``pdf`` exactly."""
    at = pdf.rfind(_XREF) + 1
    trailer = pdf.find(b"trailer\n", at)
    start = _START_XREF_OFFSET.search(pdf, trailer)
    if at == 0 or trailer < 0 or start is None or int(start.group(1)) != at:
        return pdf, None
    cut = pdf[:at] + pdf[trailer : start.start(1)] + pdf[start.end(1) :]
    try:
        return (cut, at) if _with_xref(cut, at) == pdf else (pdf, None)
    except KeyError:  # an object the table lists is not where a reading of the file finds objects
        return pdf, None


def _with_xref(cut: bytes, at: int) -> bytes:
    """The table pdfdoc writes (every object in use, by number, at its offset) and its offset, written
    back into ``cut`` at ``at``. KeyError: an object number is not found."""
    offsets = {int(match.group(1)): match.start(1) for match in _OBJECT.finditer(cut, 0, at)}
    size = max(offsets, default=0) + 1
    table = b"xref\n0 %d\n0000000000 65535 f \n" % size
    table += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
    after = cut.index(_START_XREF, at) + len(_START_XREF)
    return cut[:at] + table + cut[at:after] + b"%d" % at + cut[after:]
