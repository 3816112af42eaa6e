"""Exports to the books in numbered batches: every credit memo issued, and every void of one exported,
that no earlier batch of the format carried, so that nothing goes to the books twice or is skipped.

One transaction takes the format's next batch number (which makes a second station exporting the same
format wait until this one commits), finds what is not exported yet, writes the batch, its entries and
the file's text, and records the audit event whose outbox message writes the file into the exports
folder (persistence/outbox_writing.py): the file is made from what committed, or not at all. The file is
then written at once, as ``outbox send`` would write it; if the folder cannot take it, the batch stands
and its message waits in the outbox to be sent again. With nothing new, no batch is made and no number
is taken. A memo issued and voided before it was ever exported goes out with its reversal in one batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from receiving_app.domain.accounting import EntryKind, settlement_of
from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import figure_text
from receiving_app.persistence.accounting_records import ExportCandidate
from receiving_app.persistence.export_tables import EXPORT_FORMATS, ExportBatchRow, ExportEntryRow
from receiving_app.persistence.outbox_tables import RECEIVER_LENGTH
from receiving_app.persistence.outbox_writing import EXPORT_BATCH_MADE
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.accounting_settings import AccountingSettings, load_accounting_settings
from receiving_app.services.export_files import BookEntry, batch_file
from receiving_app.services.report_days import local
from receiving_app.services.rma_lines import SUPERVISOR_ROLES, require_user

# Xero takes at most 500 invoices and credit notes a file; the others are kept to a size a person can check.
MEMOS_PER_BATCH = {"quickbooks": 1000, "xero": 500, "journal": 5000}
FORMAT_NAMES = {"quickbooks": "QuickBooks Online", "xero": "Xero", "journal": "the general journal"}

Deliver = Callable[[int], bool]
"""Writes an outbox message at once (``OutboxSender.deliver_now``); true when it was delivered."""


@dataclass(frozen=True, slots=True)
class ExportBatch:
    export_format: str
    number: int
    first_document: str
    last_document: str
    issued: int
    voided: int
    issued_total: Money
    voided_total: Money
    file_name: str
    sha256: str
    made_at: datetime
    made_by: str
    path: Path | None = None  # where the file was written, once it was
    problem: str | None = None  # why it is not written yet (its outbox message waits)
    more_waiting: bool = False  # more than one batch holds: make the next

    @property
    def net_total(self) -> Money:
        return self.issued_total - self.voided_total

    def as_json(self) -> dict[str, Any]:
        """The shape of ``export … --json`` (docs/accounting.md)."""
        return {
            "format": self.export_format,
            "batch": self.number,
            "first_document": self.first_document,
            "last_document": self.last_document,
            "issued": self.issued,
            "voided": self.voided,
            "currency": self.issued_total.currency,
            "issued_total": figure_text(self.issued_total),
            "voided_total": figure_text(self.voided_total),
            "net_total": figure_text(self.net_total),
            "file": self.file_name,
            "sha256": self.sha256,
            "made_at": self.made_at.isoformat(),
            "made_by": self.made_by,
            "path": str(self.path) if self.path else None,
            "problem": self.problem,
            "more_waiting": self.more_waiting,
        }


@dataclass(frozen=True, slots=True)
class NothingToExport:
    export_format: str

    @property
    def sentence(self) -> str:
        return f"Nothing new to export for {FORMAT_NAMES[self.export_format]}: no batch was made."

    def as_json(self) -> dict[str, Any]:
        return {"format": self.export_format, "batch": None, "message": self.sentence}


def require_format(export_format: str) -> str:
    if export_format not in EXPORT_FORMATS:
        raise InputError(f"the export format is one of {', '.join(EXPORT_FORMATS)}, not {export_format!r}")
    return export_format


class AccountingExportService:
    """``settings_path`` is the station's accounting.toml (read at each export); ``zone`` the bench's time zone."""

    def __init__(
        self,
        units: UnitOfWorkFactory,
        settings_path: Path,
        default_folder: Path,
        deliver: Deliver,
        zone: tzinfo | None = None,
    ) -> None:
        self._units = units
        self._settings_path = settings_path
        self.default_folder = default_folder
        self._deliver = deliver
        self._zone = zone

    def export(
        self, export_format: str, *, user: str, station: str, folder: Path | None = None
    ) -> ExportBatch | NothingToExport:
        """The format's next batch, made and written into ``folder`` (default: the station's exports folder)."""
        require_format(export_format)
        target = str((folder or self.default_folder).expanduser().absolute())
        if len(target) > RECEIVER_LENGTH:
            raise InputError(f"--out: the folder's path is longer than {RECEIVER_LENGTH} characters")
        settings = load_accounting_settings(self._settings_path)
        with self._units.write() as uow:
            require_user(uow, user, SUPERVISOR_ROLES, "export to the books")
            number = uow.records.next_export_number(export_format)
            limit = MEMOS_PER_BATCH[export_format]
            candidates = uow.records.export_candidates(export_format, limit + 1)
            if not candidates:
                return NothingToExport(export_format)  # leaving rolls the number back: no gap
            entries = self._entries(candidates[:limit])
            made = self._write_batch(uow, export_format, number, entries, settings, user=user, station=station)
            key = _file_key(export_format, number)
            uow.record(
                AuditEvent(
                    EXPORT_BATCH_MADE,
                    user,
                    station,
                    None,
                    {
                        "format": export_format,
                        "batch": number,
                        "batch_id": made.id,
                        "first_document": made.first_document,
                        "last_document": made.last_document,
                        "issued": made.issued_count,
                        "voided": made.voided_count,
                        "issued_total": made.issued_total,
                        "voided_total": made.voided_total,
                        "file_name": made.file_name,
                        "sha256": made.file_sha256,
                        "folder": target,
                        "key": key,
                    },
                )
            )
            batch = _view(made)
            uow.commit()
        path, problem = self._write_file(target, key, batch.file_name)
        return _with(batch, path=path, problem=problem, more_waiting=len(candidates) > limit)

    def batches(self, export_format: str | None = None) -> tuple[ExportBatch, ...]:
        """The batches made, by format and number."""
        if export_format is not None:
            require_format(export_format)
        with self._units.read() as uow:
            return tuple(_view(row) for row in uow.records.export_batches(export_format))

    def _entries(self, candidates: Sequence[ExportCandidate]) -> list[tuple[ExportCandidate, EntryKind]]:
        entries: list[tuple[ExportCandidate, EntryKind]] = []
        for candidate in candidates:
            if not candidate.issue_exported:
                entries.append((candidate, EntryKind.ISSUED))
            if candidate.facts.voided_at is not None and not candidate.void_exported:
                entries.append((candidate, EntryKind.VOIDED))
        return entries

    def _write_batch(
        self,
        uow: UnitOfWork,
        export_format: str,
        number: int,
        entries: Sequence[tuple[ExportCandidate, EntryKind]],
        settings: AccountingSettings,
        *,
        user: str,
        station: str,
    ) -> ExportBatchRow:
        book_entries = [self._book_entry(candidate, kind) for candidate, kind in entries]
        content = batch_file(export_format, number, book_entries, settings)
        memos = sorted({candidate.facts.sequence: candidate.facts.number for candidate, _kind in entries}.items())
        currency = entries[0][0].facts.refund_total.currency
        issued = [candidate.facts.refund_total for candidate, kind in entries if kind is EntryKind.ISSUED]
        voided = [candidate.facts.refund_total for candidate, kind in entries if kind is EntryKind.VOIDED]
        row = ExportBatchRow(
            export_format=export_format,
            number=number,
            first_document=memos[0][1],
            last_document=memos[-1][1],
            first_sequence=memos[0][0],
            last_sequence=memos[-1][0],
            issued_count=len(issued),
            voided_count=len(voided),
            currency=currency,
            issued_total=sum(issued, Money.zero(currency)),
            voided_total=sum(voided, Money.zero(currency)),
            file_name=f"{export_format}-batch-{number:06d}.csv",
            file_sha256=hashlib.sha256(content.encode("utf-8")).hexdigest(),
            content=content,
            made_at=uow.clock(),
            made_by=user,
            station_id=station,
        )
        uow.records.add(row)
        for candidate, kind in entries:
            row.entries.append(
                ExportEntryRow(
                    export_format=export_format,
                    document_id=candidate.facts.document_id,
                    entry_kind=kind.value,
                    refund=candidate.facts.refund_total,
                )
            )
        uow.records.flush()
        return row

    def _book_entry(self, candidate: ExportCandidate, kind: EntryKind) -> BookEntry:
        facts = candidate.facts
        moment = facts.voided_at if kind is EntryKind.VOIDED and facts.voided_at else facts.issued_at
        return BookEntry(
            number=facts.number,
            kind=kind,
            day=local(moment, self._zone).date(),
            customer_account=facts.customer_account,
            rma=facts.rma_number,
            line=facts.line,
            unit=facts.unit,
            sku=facts.sku,
            refund_method=facts.refund_method,
            settlement=settlement_of(facts.amounts),
        )

    def _write_file(self, folder: str, key: str, file_name: str) -> tuple[Path | None, str | None]:
        """The batch's file written now through its outbox message: where it went, or why not yet."""
        with self._units.read() as uow:
            message = uow.records.export_file_message(folder, key)
            message_id = message.id if message is not None else None
        if message_id is None:  # the commit writes it; missing only if the outbox itself was changed
            return None, "its outbox message is missing: nothing was written"
        delivered = self._deliver(message_id)
        with self._units.read() as uow:
            message = uow.records.outbox_message(message_id)
            status, why = (message.status, message.last_error) if message is not None else ("", None)
        if delivered or status == "sent":  # or the window's own sender wrote it first
            return Path(folder) / file_name, None
        if status == "sending":
            return None, f"another sender is writing it now (outbox message #{message_id})"
        return None, f"{why or 'it could not be written'}; it waits in the outbox as message #{message_id}"


def _file_key(export_format: str, number: int) -> str:
    return f"{export_format}-batch-{number:06d}"


def _view(row: ExportBatchRow) -> ExportBatch:
    return ExportBatch(
        export_format=row.export_format,
        number=row.number,
        first_document=row.first_document,
        last_document=row.last_document,
        issued=row.issued_count,
        voided=row.voided_count,
        issued_total=Money(row.issued_total.amount, row.currency),
        voided_total=Money(row.voided_total.amount, row.currency),
        file_name=row.file_name,
        sha256=row.file_sha256,
        made_at=row.made_at,
        made_by=row.made_by,
    )


def _with(batch: ExportBatch, **changes: Any) -> ExportBatch:
    return replace(batch, **changes)
