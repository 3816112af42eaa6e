"""Archiving the oldest records: the audit events recorded before a day, and the stored PDFs of the
documents issued before it, moved out of the live database into an archive file
(``persistence/archive_files.py``) that ``audit verify`` and ``documents render`` still read.

Nothing is moved that was not found whole: the stretch is replayed link by link and seal by seal as
it is copied, and a break stops the archive before anything leaves the database. The file is written
and on disk under its name before the one transaction that records it (signed with the chain key),
takes the PDFs out of their rows (which keep their digests and name the archive) and removes the
copied events; a power cut before that commit leaves the database as it was and a file nobody
refers to. The live chain then starts by linking to the archive's last hash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from receiving_app.domain.audit import GENESIS_HASH, AuditEvent
from receiving_app.domain.audit_archives import ArchivedStretch, signed_stretch
from receiving_app.domain.audit_checkpoints import routing_of, routing_text
from receiving_app.domain.chain_replay import EventRow
from receiving_app.domain.errors import InputError, RuleRefusal
from receiving_app.persistence.archive_files import ArchiveWriter
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.audit_replaying import Gathered, replay_batches
from receiving_app.services.report_days import midnight
from receiving_app.services.rma_lines import SUPERVISOR_ROLES, require_user


class NothingToArchive(RuleRefusal):
    """No event was recorded before the day given, or all of them are archived already."""


@dataclass(frozen=True)
class _Copied:
    """What went into the file: the stretch of the chain, replayed whole, and the documents' ids."""

    first_sequence: int
    last_sequence: int
    last_hash: str
    events: int
    routing: str  # each station's routing as recorded up to the stretch's end (routing_text)
    document_ids: list[int]


@dataclass(frozen=True)
class ArchiveMade:
    stretch: ArchivedStretch
    cutoff: datetime  # what was recorded or issued before this moment was moved


class ArchiveService:
    def __init__(self, units: UnitOfWorkFactory, today: Callable[[], date], *, zone: tzinfo | None) -> None:
        self._units = units
        self._today = today
        self._zone = zone

    def archives(self) -> list[ArchivedStretch]:
        with self._units.read() as uow:
            return uow.records.audit_archives()

    def make(self, *, before: date, to: Path, user: str, station: str) -> ArchiveMade:
        """Moves what was recorded before ``before`` (midnight where the bench is) into a new file ``to``."""
        if before > self._today():
            raise InputError(f"An archive holds the past: {before:%Y-%m-%d} is after today.")
        path = to.expanduser().resolve()
        if path.exists():
            raise InputError(f"{path} already exists: an archive is written to a new file, never over one.")
        if not path.parent.is_dir():
            raise InputError(f"There is no folder {path.parent} to write the archive in.")
        cutoff = midnight(before, self._zone).astimezone(UTC)
        with self._units.read() as uow:
            uow.records.hold_one_snapshot()
            require_user(uow, user, SUPERVISOR_ROLES, "archive records")
            earlier = uow.records.audit_archives()
            first = uow.records.first_audit_sequence()
            last = uow.records.last_audit_sequence_before(cutoff)
            if last < first or first == 0:
                raise NothingToArchive(
                    f"Nothing was recorded before {before:%Y-%m-%d} that is not archived already; nothing was moved."
                )
            with ArchiveWriter(path) as writer:
                copied = self._copied(uow, writer, earlier[-1] if earlier else None, first, last, cutoff)
                file_sha256 = writer.finish(copied.first_sequence, copied.last_sequence, copied.last_hash)
        try:
            made = self._recorded(path, copied, file_sha256, cutoff, user, station)
        except BaseException:
            path.unlink(missing_ok=True)  # nothing refers to it: the records stay where they were
            raise
        return ArchiveMade(made, cutoff)

    def _copied(
        self,
        uow: UnitOfWork,
        writer: ArchiveWriter,
        previous: ArchivedStretch | None,
        first: int,
        last: int,
        cutoff: datetime,
    ) -> _Copied:
        """The events ``first`` to ``last`` and the documents issued before ``cutoff``, copied into
        the file; the events replayed as they go, from where the previous archive ended."""
        after_sequence, after_hash = (previous.last_sequence, previous.last_hash) if previous else (0, GENESIS_HASH)
        if first != after_sequence + 1:
            raise RuleRefusal(
                f"The audit chain's oldest event on file is {first}, not {after_sequence + 1}: events are missing. "
                "Run `receiving-app audit verify --full`; nothing was archived."
            )
        at_text = uow.records.audit_time_text()

        def copied_batches() -> Iterator[list[EventRow]]:
            for batch in uow.records.audit_event_batches(after_sequence, last):
                writer.add_events(batch, at_text)
                yield batch

        gathered = Gathered(routing=routing_of(previous.as_checkpoint()) if previous else {})
        replay = replay_batches(copied_batches(), uow.chain_key(), after_sequence, after_hash, at_text, (), gathered)
        if replay.broken is not None or replay.last_sequence != last:
            where = replay.broken.sequence if replay.broken else replay.last_sequence + 1
            raise RuleRefusal(
                f"The audit chain does not check out at event {where}, so it is not archived. "
                "Run `receiving-app audit verify --full`; nothing was moved."
            )
        document_ids: list[int] = []
        for batch in uow.records.documents_to_archive(cutoff):
            writer.add_documents((number, pdf, parts, sha256) for _id, number, pdf, parts, sha256 in batch)
            document_ids += [row[0] for row in batch]
        return _Copied(first, last, replay.last_hash, replay.replayed, routing_text(gathered.routing), document_ids)

    def _recorded(
        self,
        path: Path,
        copied: _Copied,
        file_sha256: str,
        cutoff: datetime,
        user: str,
        station: str,
    ) -> ArchivedStretch:
        """The archive signed and recorded, its PDFs and events taken out of the database, in one transaction."""
        with self._units.write() as uow:
            made = signed_stretch(
                ArchivedStretch(
                    str(path),
                    copied.first_sequence,
                    copied.last_sequence,
                    copied.last_hash,
                    copied.events,
                    len(copied.document_ids),
                    file_sha256,
                    uow.clock(),
                    user,
                    station,
                    copied.routing,
                ),
                uow.chain_key(),
            )
            self._require_still_first(uow, made)
            archive_id = uow.records.add_audit_archive(made)
            moved = uow.records.move_documents_to_archive(copied.document_ids, archive_id)
            removed = uow.records.remove_archived_events(made.first_sequence, made.last_sequence)
            if (moved, removed) != (made.documents, made.events):  # what was copied is what leaves, or nothing does
                raise RuleRefusal("The records changed while they were copied; nothing was moved. Archive again.")
            uow.record(
                AuditEvent(
                    "records_archived",
                    user,
                    station,
                    None,
                    {
                        "file": made.file,
                        "first_sequence": made.first_sequence,
                        "last_sequence": made.last_sequence,
                        "events": made.events,
                        "documents": made.documents,
                        "file_sha256": made.file_sha256,
                        "before": cutoff.isoformat(),
                    },
                )
            )
            uow.commit()
        return made

    @staticmethod
    def _require_still_first(uow: UnitOfWork, made: ArchivedStretch) -> None:
        """Another archive made meanwhile (from another station) has moved some of these events already."""
        if uow.records.first_audit_sequence() != made.first_sequence:
            raise RuleRefusal(
                "Another archive was made meanwhile; nothing was moved. Archive again if you still need to."
            )
