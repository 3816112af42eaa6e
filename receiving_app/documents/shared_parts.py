"""A PDF kept lean: the streams every document repeats stored once, by their SHA-256, and the rest deflated.

Every document the station issues embeds the same two font programs, color profile and character
maps (about 24 KB of a 35 KB credit memo), and a damage photo's printable copy is embedded again in
each document that shows it. Stored whole, they were most of the database. So a document is stored as
its bytes without those streams (``LeanPdf.deflated``), where each one goes (``LeanPdf.parts``), and
the streams themselves (``LeanPdf.shared``), which the database keeps once for every document.

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

_OBJECT = re.compile(rb"(\d+) 0 obj\b")
_STREAM = re.compile(rb"/Length (\d+)\b[^<>]*>>\s*stream\r?\n")
_END_OF_STREAM = re.compile(rb"\r?\n?endstream")
# The objects a font, the output intent or a page's pictures refer to: the same in every document that
# uses them, where the page contents and the document's metadata are its own.
_SHARED_REFERENCE = re.compile(rb"/(?:FontFile2?|FontFile3|ToUnicode|DestOutputProfile) (\d+) 0 R\b")
_IMAGE = b"/Subtype /Image"


@dataclass(frozen=True, slots=True)
class LeanPdf:
    deflated: bytes
    """The PDF without its shared streams, deflated (zlib)."""
    parts: tuple[tuple[int, str], ...]
    """Where each shared stream goes back: its offset in the inflated lean bytes and its SHA-256, in order."""
    shared: Mapping[str, bytes]
    """The shared streams by their SHA-256 (hex)."""

    @property
    def parts_text(self) -> str:
        """``parts`` as the text the documents table keeps."""
        return json.dumps([list(part) for part in self.parts], separators=(",", ":"))


def lean_pdf(pdf: bytes) -> LeanPdf:
    """``pdf`` with its fonts, character maps, color profile and pictures taken out."""
    objects = [(match.start(), int(match.group(1))) for match in _OBJECT.finditer(pdf)]
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
        return LeanPdf(zlib.compress(pdf), (), {})
    return LeanPdf(zlib.compress(lean), tuple(parts), shared)


def whole_pdf(deflated: bytes, parts: Sequence[tuple[int, str]], shared: Mapping[str, bytes]) -> bytes:
    """The PDF as issued, from what ``lean_pdf`` made of it. KeyError names a shared stream not given."""
    return _joined(zlib.decompress(deflated), parts, shared)


def parts_from_text(text: str) -> list[tuple[int, str]]:
    """The parts as ``LeanPdf.parts_text`` wrote them."""
    return [(int(offset), str(digest)) for offset, digest in json.loads(text)]


def _joined(lean: bytes, parts: Sequence[tuple[int, str]], shared: Mapping[str, bytes]) -> bytes:
    pieces, taken = [], 0
    for offset, digest in parts:
        pieces.append(lean[taken:offset])
        pieces.append(shared[digest])
        taken = offset
    pieces.append(lean[taken:])
    return b"".join(pieces)
