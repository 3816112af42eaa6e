"""A PDF kept lean: the streams every document repeats stored once, by their SHA-256, and the rest deflated.

Every document the station issues embeds the same two font programs, color profile and character
maps (about 24 KB of a 35 KB credit memo), and a damage photo's printable copy is embedded again in
each document that shows it. Stored whole, they were most of the database. So a document is stored as
its bytes without those streams (``LeanPdf.deflated``), where each one goes (``LeanPdf.parts``), and
the streams themselves (``LeanPdf.shared``), which the database keeps once for every document.

What is left (the page's text and drawing, the fonts' widths, the structure tree, the metadata) is
much the same from one credit memo to the next, so it is deflated against a dictionary: the lean
bytes of an earlier document of the same kind, itself kept as a shared part (a quarter of what the
document's row would hold otherwise; zlib's preset dictionary, at most its last 32 KB).

Put back together (``whole_pdf``), the bytes are the issued ones exactly: a split is used only when
putting it back together gives the original, and every read checks the whole file's SHA-256 against
the one recorded when it was issued.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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


DICTIONARY_BYTES = 32 * 1024  # what zlib's window can reach back to


@dataclass(frozen=True, slots=True)
class PartsIndex:
    """What a lean PDF needs put back: the shared streams and where each goes, and its dictionary."""

    parts: tuple[tuple[int, str], ...]
    """Each shared stream's offset in the inflated lean bytes and its SHA-256 (hex), in order."""
    dictionary: str | None = None
    """The SHA-256 of the shared part the lean bytes were deflated against (itself deflated), if any."""

    @property
    def text(self) -> str:
        """As the documents table keeps it (``pdf_parts``)."""
        return json.dumps(
            {"dictionary": self.dictionary, "parts": [list(part) for part in self.parts]}, separators=(",", ":")
        )

    @classmethod
    def from_text(cls, text: str) -> PartsIndex:
        kept = json.loads(text)
        parts = tuple((int(offset), str(digest)) for offset, digest in kept["parts"])
        return cls(parts, kept["dictionary"])

    @property
    def needed(self) -> set[str]:
        """The SHA-256s of every shared part it takes."""
        return {digest for _offset, digest in self.parts} | ({self.dictionary} if self.dictionary else set())


@dataclass(frozen=True, slots=True)
class LeanPdf:
    deflated: bytes
    """The PDF without its shared streams, deflated (zlib), against the dictionary if there is one."""
    index: PartsIndex
    shared: Mapping[str, bytes]
    """The shared streams (and the dictionary) by their SHA-256 (hex)."""


def lean_pdf(pdf: bytes, dictionary: bytes | None = None) -> LeanPdf:
    """``pdf`` with its fonts, character maps, color profile and pictures taken out, and the rest deflated
    against ``dictionary`` (the lean bytes of an earlier document, ``lean_bytes``) when one is given."""
    objects = [(match.start(1), int(match.group(1))) for match in _OBJECT.finditer(pdf)]
    starts = [start for start, _number in objects]
    shared_objects = {int(number) for number in _SHARED_REFERENCE.findall(pdf)}
    pieces: list[bytes] = []
    parts: list[tuple[int, str]] = []
    shared: dict[str, bytes] = {}
    taken, lean_length = 0, 0
    for stream in _STREAM.finditer(pdf):
        begin, length = stream.end(), int(stream.group(1))
        end = begin + length
        owner = bisect.bisect_right(starts, stream.start()) - 1
        if owner < 0 or not _END_OF_STREAM.match(pdf, end):
            continue
        object_start, number = objects[owner]
        if not (number in shared_objects or _IMAGE in pdf[object_start : stream.start()]):
            continue
        content = pdf[begin:end]
        digest = hashlib.sha256(content).hexdigest()
        pieces.append(pdf[taken:begin])
        lean_length += begin - taken
        parts.append((lean_length, digest))
        shared[digest] = content
        taken = end
    pieces.append(pdf[taken:])
    lean = b"".join(pieces)
    if _joined(lean, parts, shared) != pdf:  # a file this reading misunderstood is kept whole
        lean, parts, shared = pdf, [], {}
    if dictionary is None:
        return LeanPdf(zlib.compress(lean), PartsIndex(tuple(parts)), shared)
    dictionary = dictionary[-DICTIONARY_BYTES:]
    kept = zlib.compress(dictionary)  # a part is kept as it is, and the dictionary is PDF text: deflated too
    digest = hashlib.sha256(kept).hexdigest()
    deflater = zlib.compressobj(zdict=dictionary)
    deflated = deflater.compress(lean) + deflater.flush()
    return LeanPdf(deflated, PartsIndex(tuple(parts), digest), {**shared, digest: kept})


def lean_bytes(deflated: bytes, index: PartsIndex, shared: Mapping[str, bytes]) -> bytes:
    """The lean bytes as they were before they were deflated. KeyError: the dictionary is not in
    ``shared``; zlib.error: ``deflated`` is not one whole deflated stream and nothing more, as stored."""
    dictionary = zlib.decompress(shared[index.dictionary]) if index.dictionary else None
    inflater = zlib.decompressobj(zdict=dictionary) if dictionary else zlib.decompressobj()
    lean = inflater.decompress(deflated) + inflater.flush()
    if not inflater.eof or inflater.unused_data:
        raise zlib.error("the stored bytes are not the deflated stream that was stored")
    return lean


def whole_pdf(deflated: bytes, index: PartsIndex, shared: Mapping[str, bytes]) -> bytes:
    """The PDF as issued, from what ``lean_pdf`` made of it. KeyError names a shared part not given."""
    return _joined(lean_bytes(deflated, index, shared), index.parts, shared)


def _joined(lean: bytes, parts: Sequence[tuple[int, str]], shared: Mapping[str, bytes]) -> bytes:
    pieces, taken = [], 0
    for offset, digest in parts:
        pieces.append(lean[taken:offset])
        pieces.append(shared[digest])
        taken = offset
    pieces.append(lean[taken:])
    return b"".join(pieces)
