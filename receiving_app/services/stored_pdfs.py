"""A stored PDF is served as issued only if it is the file the chain recorded when it was stored."""

from __future__ import annotations

import hashlib
import json

from receiving_app.domain.audit import is_sealed
from receiving_app.domain.errors import RuleRefusal
from receiving_app.persistence.unit_of_work import UnitOfWork


class StoredPdfChanged(RuleRefusal):
    """The stored file is not the one issued: it was replaced outside the station."""


def require_as_stored(uow: UnitOfWork, number: str, rma_number: str, pdf: bytes) -> None:
    """Refuses a PDF whose digest is not the one in the sealed ``document_stored`` event."""
    digest = hashlib.sha256(pdf).hexdigest()
    key = uow.chain_key()
    recorded = [
        json.loads(event.payload).get("pdf_sha256")
        for event in uow.records.chained_events_of_rma(rma_number, "document_stored")
        if is_sealed(event, key) and json.loads(event.payload).get("number") == number
    ]
    if digest not in recorded:
        raise StoredPdfChanged(
            f"The stored PDF of {number} is not the file that was issued: it was changed outside the station. "
            "Run `receiving-app audit verify` and restore it from a backup."
        )
