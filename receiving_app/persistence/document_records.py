"""Numbering documents without gaps, storing each one's PDF once, and reading them back."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.document_tables import DocumentCounterRow, DocumentRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.row_sealing import mark_written


class DocumentRecords:
    session: Session

    def next_document_sequence(self, document_type: str) -> int:
        """Bump the type's counter in this transaction: a rollback takes the number back, so no gaps."""
        number = self.session.execute(
            update(DocumentCounterRow)
            .where(DocumentCounterRow.document_type == document_type)
            .values(last_number=DocumentCounterRow.last_number + 1)
            .returning(DocumentCounterRow.last_number)
        ).scalar_one()
        mark_written(self.session, DocumentCounterRow, {(document_type,)})
        return number

    def store_document_pdf(self, number: str, pdf: bytes, sha256: str) -> bool:
        """Stores a document's PDF once: False when it was stored already (a PDF is never replaced)."""
        stored = self.session.execute(
            update(DocumentRow)
            .where(DocumentRow.number == number, DocumentRow.pdf.is_(None))
            .values(pdf=pdf, pdf_sha256=sha256)
            .returning(DocumentRow.id)
            .execution_options(synchronize_session=False)
        ).all()
        mark_written(self.session, DocumentRow, {(row.id,) for row in stored})
        return len(stored) == 1

    def document(self, number: str) -> DocumentRow | None:
        return self.session.execute(select(DocumentRow).where(DocumentRow.number == number)).scalar_one_or_none()

    def rma_number_of_document(self, document: DocumentRow) -> str:
        return self.session.execute(
            select(RmaRow.number)
            .join(RmaLineRow, RmaLineRow.rma_id == RmaRow.id)
            .join(DecisionRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .where(DecisionRow.id == document.decision_id)
        ).scalar_one()

    def documents(self, document_type: str | None = None) -> Sequence[DocumentRow]:
        query = select(DocumentRow).order_by(DocumentRow.document_type, DocumentRow.sequence)
        if document_type:
            query = query.where(DocumentRow.document_type == document_type)
        return self.session.execute(query).scalars().all()
