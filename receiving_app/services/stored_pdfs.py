"""A stored PDF put back together from what the station keeps of it (``documents.shared_parts``), in
its row or in the archive it was moved to, and served as issued only if it is the file the chain
recorded when it was stored."""

from __future__ import annotations

import hashlib
import json
import zlib
from typing import Any

from receiving_app.documents.shared_parts import lean_bytes, whole_pdf
from receiving_app.domain.audit import ChainedEvent, is_sealed
from receiving_app.domain.digest_text import hex_of_short_text
from receiving_app.domain.errors import RuleRefusal
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.archive_reading import archived_events_of_rma, archived_pdf


class StoredPdfChanged(RuleRefusal):
    """The stored file is not the one issued: it was replaced outside the station."""


def whole_stored_pdf(uow: UnitOfWork, document: DocumentRow) -> bytes | None:
    """The document's PDF whole, as stored (None before it is); StoredPdfChanged when a part it needs is
    gone, which only a change outside the station can do."""
    kept: bytes | None
    if document.archive_id is not None:
        stretch = uow.records.archive_of_document(document.archive_id)
        if stretch is None:
            raise _changed(document.number)
        kept, parts = archived_pdf(stretch, uow.chain_key(), document.number)
    else:
        kept, parts = document.pdf, document.pdf_parts
    if kept is None or parts is None:
        return kept  # not stored yet, or stored whole before documents shared their parts
    try:
        return whole_pdf(kept, parts, uow.records.document_parts)
    except (KeyError, TypeError, ValueError, zlib.error):
        raise _changed(document.number) from None


def dictionary_for(uow: UnitOfWork, document_type: str) -> bytes | None:
    """What a new document of the type is deflated against: the lean bytes of the first one stored lean
    (None before there is one). The same for every later document, whichever station stores it.

    A first document changed outside the station gives None: the new one is deflated without a
    dictionary rather than the bench stopped (the changed one is refused where it is read, and named
    by ``audit verify``)."""
    first = uow.records.first_lean_pdf(document_type)
    if first is None:
        return None
    deflated, parts_text = first
    try:
        return lean_bytes(deflated, parts_text, uow.records.document_parts)
    except (KeyError, TypeError, ValueError, zlib.error):
        return None


_RECORDING = ("decision_made", "document_stored")  # the events that record a stored PDF's digest


def require_as_stored(uow: UnitOfWork, number: str, rma_number: str, pdf: bytes) -> None:
    """Refuses a PDF whose digest is not the one a sealed event recorded for it (in the live chain, or in
    an archive when the event was moved there): the decision's event that issued it, or for a PDF stored
    after its decision's transaction (before December 2026), its own ``document_stored`` event."""
    digest = hashlib.sha256(pdf).hexdigest()
    key = uow.chain_key()
    if digest in recorded_pdf_digests(uow.records.chained_events_of_rma(rma_number, *_RECORDING), key, number):
        return
    archived = archived_events_of_rma(uow.records.audit_archives(), key, rma_number)  # each archive opened once
    if digest not in recorded_pdf_digests(archived, key, number):
        raise _changed(number)


def recorded_pdf_digests(events: list[ChainedEvent], key: bytes, number: str) -> set[str]:
    """The PDF digests that sealed events recorded for the document ``number`` (events of other kinds record
    none)."""
    recorded: set[str] = set()
    for event in events:
        if event.event_type not in _RECORDING or not is_sealed(event, key):
            continue
        payload = json.loads(event.payload)
        # A decision's event names its documents; one written before its PDFs were drawn in its transaction
        # names them without a digest, which their own ``document_stored`` events record.
        told = payload.get("documents", ()) if event.event_type == "decision_made" else (payload,)
        recorded.update(
            filter(None, (_digest_recorded(document) for document in told if document.get("number") == number))
        )
    return recorded


def _digest_recorded(document: dict[str, Any]) -> str | None:
    """A PDF's SHA-256 in hex as an event recorded it: in base64 (``pdf``) since December 2026, in hex digits
    (``pdf_sha256``) before, or not at all."""
    if document.get("pdf"):
        return hex_of_short_text(str(document["pdf"]))
    return str(document["pdf_sha256"]) if document.get("pdf_sha256") else None


def _changed(number: str) -> StoredPdfChanged:
    return StoredPdfChanged(
        f"The stored PDF of {number} is not the file that was issued: it was changed outside the station. "
        "Run `receiving-app audit verify` and restore it from a backup."
    )
