"""Numbering documents without gaps, storing each one's PDF once, and reading them back."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import cast

from sqlalchemy import Row, Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.document_tables import DocumentCounterRow, DocumentPartRow, DocumentRow
from receiving_app.persistence.inserts_if_absent import insert_if_absent
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.row_sealing import mark_written_rows

_PART_BATCH = 200  # parts of up to a printable photo's size each
_COUNTERS = cast(Table, DocumentCounterRow.__table__)
_DOCUMENTS = cast(Table, DocumentRow.__table__)
# Built once (every receive sends them), as plain table statements: no ORM object is kept in step with
# them, and each returns the whole row it wrote, so that the commit seals it without reading it again.
_NEXT_NUMBER = (
    update(_COUNTERS)
    .where(_COUNTERS.c.document_type == bindparam("counter"))
    .values(last_number=_COUNTERS.c.last_number + 1)
    .returning(*_COUNTERS.columns)
)
# Several counters at once: locked in the order of their names (the same in every transaction, so that
# two of them never wait on each other), then bumped, in one statement.
_LOCKED_IN_ORDER = (
    select(_COUNTERS.c.document_type)
    .where(_COUNTERS.c.document_type.in_(bindparam("counters", expanding=True)))
    .order_by(_COUNTERS.c.document_type)
    .with_for_update()
    .cte("locked_in_order")
)
_NEXT_NUMBERS = (
    update(_COUNTERS)
    .where(_COUNTERS.c.document_type == _LOCKED_IN_ORDER.c.document_type)
    .values(last_number=_COUNTERS.c.last_number + 1)
    .returning(*_COUNTERS.columns)
)
_PARTS = cast(Table, DocumentPartRow.__table__)
_STORE_PDF = (
    update(_DOCUMENTS)
    .where(
        _DOCUMENTS.c.number == bindparam("document_number"),
        _DOCUMENTS.c.pdf_sha256.is_(None),  # never stored, in its row or in an archive
        # Never stored referring to a part the station does not hold.
        select(func.count())
        .select_from(_PARTS)
        .where(_PARTS.c.sha256.in_(bindparam("needed", expanding=True)))
        .scalar_subquery()
        == bindparam("needed_count"),
    )
    .values(pdf=bindparam("pdf_bytes"), pdf_sha256=bindparam("pdf_digest"), pdf_parts=bindparam("pdf_parts"))
    .returning(*_DOCUMENTS.columns)
)


class DocumentRecords:
    session: Session

    def next_document_sequence(self, document_type: str) -> int:
        """Bump the type's counter in this transaction: a rollback takes the number back, so no gaps."""
        counter = self.session.execute(_NEXT_NUMBER, {"counter": document_type}).mappings().one()
        # The row as it now stands comes back whole, so the commit seals it without reading it again.
        mark_written_rows(self.session, DocumentCounterRow, [counter])
        number: int = counter["last_number"]
        return number

    def next_document_sequences(self, document_types: Collection[str]) -> dict[str, int]:
        """The next number of each type, in one statement; as ``next_document_sequence`` for each."""
        counters = self.session.execute(_NEXT_NUMBERS, {"counters": sorted(document_types)}).mappings().all()
        if len(counters) != len(set(document_types)):
            missing = sorted(set(document_types) - {counter["document_type"] for counter in counters})
            raise LookupError(f"no document counter for {', '.join(missing)}")
        mark_written_rows(self.session, DocumentCounterRow, counters)
        return {counter["document_type"]: counter["last_number"] for counter in counters}

    def store_document_pdf(
        self, number: str, stored: bytes, sha256: str, *, parts: str, shared: Mapping[str, bytes]
    ) -> bool:
        """Stores a document's PDF once: False when it was stored already (a PDF is never replaced).

        ``stored`` is the PDF as kept (deflated, without its shared parts), ``sha256`` the whole PDF's,
        ``parts`` the dictionary it was deflated against (JSON) and ``shared`` the parts by their
        SHA-256. The station nearly always holds them all (the fonts alone are 24 KB, in every
        document), so it stores the row on that condition first, and sends only the parts it lacks when
        the condition fails."""
        parameters = {
            "document_number": number,
            "pdf_bytes": stored,
            "pdf_digest": sha256,
            "pdf_parts": parts,
            "needed": sorted(shared),
            "needed_count": len(shared),
        }
        written = self.session.execute(_STORE_PDF, parameters).mappings().all()
        if not written:
            held = self.session.scalars(select(DocumentPartRow.sha256).where(DocumentPartRow.sha256.in_(shared)))
            if missing := sorted(set(shared) - set(held)):
                rows = [{"sha256": digest, "content": shared[digest]} for digest in missing]
                self.session.execute(insert_if_absent(self.session, DocumentPartRow, rows))
                written = self.session.execute(_STORE_PDF, parameters).mappings().all()
        mark_written_rows(self.session, DocumentRow, written)
        return len(written) == 1

    def keep_document_parts(self, shared: Mapping[str, bytes]) -> None:
        """Stores the shared parts (by their SHA-256) that the station does not hold yet: nearly always none
        (the fonts alone are 24 KB, in every document), so it asks first and sends only what is missing. A
        part is never changed or removed, so one held now is held at the commit."""
        if not shared:
            return
        held = self.session.scalars(select(DocumentPartRow.sha256).where(DocumentPartRow.sha256.in_(shared)))
        if missing := sorted(set(shared) - set(held)):
            rows = [{"sha256": digest, "content": shared[digest]} for digest in missing]
            self.session.execute(insert_if_absent(self.session, DocumentPartRow, rows))

    def document_parts(self, digests: Collection[str]) -> dict[str, bytes]:
        """The shared parts with these SHA-256s (those the station holds)."""
        rows = self.session.execute(
            select(DocumentPartRow.sha256, DocumentPartRow.content).where(DocumentPartRow.sha256.in_(digests))
        )
        return dict(rows.all())

    def first_lean_pdf(self, document_type: str) -> tuple[bytes, str] | None:
        """The stored PDF and parts of the type's first document stored with its parts shared."""
        first = self.session.execute(
            select(DocumentRow.pdf, DocumentRow.pdf_parts)
            .where(DocumentRow.document_type == document_type, DocumentRow.pdf_parts.is_not(None))
            .order_by(DocumentRow.sequence)
            .limit(1)
        ).first()
        return (first.pdf, first.pdf_parts) if first else None

    def document_part_contents(self) -> Iterator[Row[str, bytes]]:
        """Every shared part: its SHA-256 and its bytes, a batch at a time."""
        query = select(DocumentPartRow.sha256, DocumentPartRow.content).execution_options(yield_per=_PART_BATCH)
        yield from self.session.execute(query)

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
