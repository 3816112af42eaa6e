"""The live database's side of an archive (services/archiving.py): where the chain's oldest stretch
ends, the PDFs issued before a day, the record of each archive, and moving both out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Result, Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from receiving_app.domain.audit_archives import ArchivedStretch
from receiving_app.persistence.archive_tables import AuditArchiveRow
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.row_sealing import mark_written

_ARCHIVES = cast(Table, AuditArchiveRow.__table__)
_EVENTS = cast(Table, AuditEventRow.__table__)
_DOCUMENTS = cast(Table, DocumentRow.__table__)
_DOCUMENT_BATCH = 500

ArchivedDocument = tuple[int, str, bytes, str | None, str]  # id, number, pdf, pdf_parts, pdf_sha256


class ArchiveRecords:
    session: Session

    def audit_archives(self) -> list[ArchivedStretch]:
        """Every archive recorded, oldest stretch first (one a month or a year: a handful)."""
        rows = self.session.execute(select(_ARCHIVES).order_by(_ARCHIVES.c.last_sequence)).mappings()
        return [
            ArchivedStretch(
                row["file"],
                row["first_sequence"],
                row["last_sequence"],
                row["last_hash"],
                row["events"],
                row["documents"],
                row["file_sha256"],
                row["made_at"],
                row["made_by"],
                row["station_id"],
                row["routing"],
                row["signature"],
                row["id"],
            )
            for row in rows
        ]

    def add_audit_archive(self, stretch: ArchivedStretch) -> int:
        return int(
            self.session.execute(
                insert(_ARCHIVES)
                .values(
                    file=stretch.file,
                    first_sequence=stretch.first_sequence,
                    last_sequence=stretch.last_sequence,
                    last_hash=stretch.last_hash,
                    events=stretch.events,
                    documents=stretch.documents,
                    file_sha256=stretch.file_sha256,
                    made_at=stretch.made_at,
                    made_by=stretch.made_by,
                    station_id=stretch.station,
                    routing=stretch.routing,
                    signature=stretch.signature,
                )
                .returning(_ARCHIVES.c.id)
            ).scalar_one()
        )

    def first_audit_sequence(self) -> int:
        """The oldest event the live database holds (0: none)."""
        return self.session.execute(select(func.min(_EVENTS.c.sequence))).scalar_one() or 0

    def last_audit_sequence_before(self, cutoff: datetime) -> int:
        """The newest event recorded before ``cutoff`` (0: none)."""
        return self.session.execute(select(func.max(_EVENTS.c.sequence)).where(_EVENTS.c.at < cutoff)).scalar_one() or 0

    def documents_to_archive(self, cutoff: datetime) -> Iterator[list[ArchivedDocument]]:
        """The documents issued before ``cutoff`` whose PDF is in their row, a batch at a time."""
        after = 0
        while True:
            rows = self.session.execute(
                select(
                    _DOCUMENTS.c.id,
                    _DOCUMENTS.c.number,
                    _DOCUMENTS.c.pdf,
                    _DOCUMENTS.c.pdf_parts,
                    _DOCUMENTS.c.pdf_sha256,
                )
                .where(_DOCUMENTS.c.id > after, _DOCUMENTS.c.issued_at < cutoff, _DOCUMENTS.c.pdf.is_not(None))
                .order_by(_DOCUMENTS.c.id)
                .limit(_DOCUMENT_BATCH)
            ).all()
            if not rows:
                return
            yield [cast(ArchivedDocument, tuple(row)) for row in rows]
            after = rows[-1].id

    def move_documents_to_archive(self, document_ids: Sequence[int], archive_id: int) -> int:
        """Their rows keep the digest and name the archive; the PDF leaves them. How many moved."""
        moved = 0
        for start in range(0, len(document_ids), _DOCUMENT_BATCH):
            batch = document_ids[start : start + _DOCUMENT_BATCH]
            moved += _row_count(
                self.session.execute(
                    update(_DOCUMENTS)
                    .where(_DOCUMENTS.c.id.in_(batch), _DOCUMENTS.c.pdf.is_not(None))
                    .values(pdf=None, pdf_parts=None, archive_id=archive_id)
                )
            )
        mark_written(self.session, DocumentRow, [(document_id,) for document_id in document_ids])
        return moved

    def remove_archived_events(self, first_sequence: int, last_sequence: int) -> int:
        """The archived stretch taken out of the live chain; how many events it held."""
        return _row_count(
            self.session.execute(
                delete(_EVENTS).where(_EVENTS.c.sequence >= first_sequence, _EVENTS.c.sequence <= last_sequence)
            )
        )

    def archive_of_document(self, archive_id: int) -> ArchivedStretch | None:
        return next((stretch for stretch in self.audit_archives() if stretch.archive_id == archive_id), None)


def _row_count(result: Result[Any]) -> int:
    return int(cast(CursorResult[Any], result).rowcount)  # a DML statement's result is a cursor's
