"""Reading what an archive holds: its stretch of the chain for ``audit verify --full``, and a document's
PDF and the event that recorded it for ``documents render``.

An archive is used only as its signed record in the database describes it. A full verify also holds
the whole file against the SHA-256 recorded when it was written; a document's read holds the PDF put
back together against the digest its sealed event recorded (the decision's that issued it, or an
older ``document_stored``), as for any document.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from receiving_app.domain.audit import GENESIS_HASH, ChainBreak, ChainedEvent
from receiving_app.domain.audit_archives import (
    ARCHIVE_CHANGED,
    ARCHIVE_MISSING,
    ARCHIVE_NOT_SIGNED,
    ARCHIVE_OUT_OF_ORDER,
    ARCHIVE_UNREADABLE,
    ArchivedStretch,
    ArchiveProblem,
    is_signed_stretch,
)
from receiving_app.domain.errors import RuleRefusal
from receiving_app.persistence.archive_files import ArchiveFile, ArchiveUnreadable, file_sha256
from receiving_app.services.audit_replaying import Gathered, Replayed, replay_batches


class ArchiveUnavailable(RuleRefusal):
    """A document's PDF is in an archive that cannot be read where it was written."""


@dataclass
class ArchivesReplayed:
    """The archives' stretches replayed in order: the first problem, and how far they got."""

    problem: ArchiveProblem | ChainBreak | None
    last_sequence: int
    last_hash: str
    replayed: int
    hashes_at: dict[int, str]


def unsigned_archives(stretches: Sequence[ArchivedStretch], key: bytes) -> list[ArchiveProblem]:
    return [ArchiveProblem(s.file, ARCHIVE_NOT_SIGNED) for s in stretches if not is_signed_stretch(s, key)]


def replay_archives(
    stretches: Sequence[ArchivedStretch], key: bytes, watched: Collection[int], gathered: Gathered
) -> ArchivesReplayed:
    """Every archive from the first event on, each file whole and each linking to the one before."""
    done = ArchivesReplayed(None, 0, GENESIS_HASH, 0, {})
    for stretch in stretches:
        problem = _file_problem(stretch, key, after=done.last_sequence)
        if problem is not None:
            done.problem = problem
            return done
        with ArchiveFile(Path(stretch.file)) as archive:
            replay: Replayed = replay_batches(
                archive.event_batches(), key, done.last_sequence, done.last_hash, None, watched, gathered
            )
        done.replayed += replay.replayed
        done.hashes_at.update(replay.hashes_at)
        if replay.broken is not None:
            done.problem = replay.broken
            return done
        if (replay.last_sequence, replay.last_hash) != (stretch.last_sequence, stretch.last_hash):
            done.problem = ArchiveProblem(stretch.file, ARCHIVE_UNREADABLE)
            return done
        done.last_sequence, done.last_hash = replay.last_sequence, replay.last_hash
    return done


def _file_problem(stretch: ArchivedStretch, key: bytes, *, after: int) -> ArchiveProblem | None:
    if not is_signed_stretch(stretch, key):
        return ArchiveProblem(stretch.file, ARCHIVE_NOT_SIGNED)
    if stretch.first_sequence != after + 1:
        return ArchiveProblem(stretch.file, ARCHIVE_OUT_OF_ORDER)
    path = Path(stretch.file)
    if not path.is_file():
        return ArchiveProblem(stretch.file, ARCHIVE_MISSING)
    if file_sha256(path) != stretch.file_sha256:
        return ArchiveProblem(stretch.file, ARCHIVE_CHANGED)
    return None


def archived_pdf(stretch: ArchivedStretch, key: bytes, number: str) -> tuple[bytes, str | None]:
    """The document's stored bytes and parts index as the archive keeps them."""
    with _opened(stretch, key) as archive:
        kept = archive.document(number)
    if kept is None:
        raise ArchiveUnavailable(f"The archive {stretch.file} does not hold the PDF of {number}.")
    return kept[0], kept[1]


def archived_events_of_rma(
    stretches: Sequence[ArchivedStretch], key: bytes, rma_number: str, event_type: str | None = None
) -> list[ChainedEvent]:
    """The RMA's events (of one type, given one) in every archive that can be read, oldest first (to be
    checked against their seals where they vouch for something)."""
    events: list[ChainedEvent] = []
    for stretch in stretches:
        try:
            with _opened(stretch, key) as archive:
                rows = archive.events_of_rma(rma_number, event_type)
        except ArchiveUnavailable:
            continue
        # The time is kept as the text the hash covers, which reads back as the same moment.
        events += [
            ChainedEvent(
                sequence,
                event_type,
                datetime.fromisoformat(at),
                user,
                station,
                rma,
                payload,
                previous,
                digest,
                sealed or "",
                seal or "",
            )
            for sequence, event_type, at, user, station, rma, payload, previous, digest, sealed, seal in rows
        ]
    return events


def _opened(stretch: ArchivedStretch, key: bytes) -> ArchiveFile:
    if not is_signed_stretch(stretch, key):
        raise ArchiveUnavailable(str(ArchiveProblem(stretch.file, ARCHIVE_NOT_SIGNED)))
    try:
        return ArchiveFile(Path(stretch.file))
    except ArchiveUnreadable:
        missing = not Path(stretch.file).is_file()
        raise ArchiveUnavailable(
            str(ArchiveProblem(stretch.file, ARCHIVE_MISSING if missing else ARCHIVE_UNREADABLE))
        ) from None
