"""An archived stretch of the audit chain: the oldest events, and the PDFs of the documents issued
then, moved out of the live database into a file of their own.

The database keeps, for each archive, what the file must hold (its first and last event, the last
event's hash, how many events and documents, the file's SHA-256) and where the chain stood at its end
(the document routing each station had recorded), signed with the chain key as a checkpoint is: the
live chain then starts by linking to the archive's last hash, and nobody without the key can make,
move or alter the record of an archive.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, replace
from datetime import datetime

from receiving_app.domain.audit_checkpoints import Checkpoint

# The first event of every RMA: it is made at the desk or imported, and no event names it before. An RMA
# whose first event is in the live chain therefore has every later event there too, and none in an archive.
RMA_BEGINNINGS = frozenset({"rma_created", "rma_imported"})


@dataclass(frozen=True, slots=True)
class ArchivedStretch:
    file: str  # where the archive command wrote it (an absolute path)
    first_sequence: int
    last_sequence: int
    last_hash: str
    events: int
    documents: int  # PDFs moved into the file
    file_sha256: str
    made_at: datetime
    made_by: str
    station: str
    routing: str  # canonical JSON {station: digest} up to ``last_sequence``, as a checkpoint keeps it
    signature: str = ""
    archive_id: int = 0  # the database's id of the record (0: not recorded yet)

    def as_checkpoint(self) -> Checkpoint:
        """Where the chain stood at the archive's end: a verify may start there, as from a checkpoint."""
        return Checkpoint(self.last_sequence, self.last_hash, self.made_at, self.station, self.routing, self.signature)


def archive_signature(key: bytes, stretch: ArchivedStretch) -> str:
    """The HMAC only a holder of the chain key can make; "archive:" keeps it apart from seals and checkpoints."""
    signed = (
        f"archive:{stretch.file}:{stretch.first_sequence}:{stretch.last_sequence}:{stretch.last_hash}:"
        f"{stretch.events}:{stretch.documents}:{stretch.file_sha256}:{stretch.made_at.isoformat()}:"
        f"{stretch.made_by}:{stretch.station}:{stretch.routing}"
    )
    return hmac.new(key, signed.encode("utf-8"), hashlib.sha256).hexdigest()


def signed_stretch(stretch: ArchivedStretch, key: bytes) -> ArchivedStretch:
    return replace(stretch, signature=archive_signature(key, stretch))


def is_signed_stretch(stretch: ArchivedStretch, key: bytes) -> bool:
    return hmac.compare_digest(stretch.signature, archive_signature(key, stretch))


@dataclass(frozen=True, slots=True)
class ArchiveProblem:
    """An archive a verify or a document's read could not use as recorded."""

    file: str
    problem: str

    def __str__(self) -> str:
        return f"the archive {self.file} {self.problem}"


ARCHIVE_MISSING = "is not there: put the file back where the archive command wrote it"
ARCHIVE_CHANGED = "is not the file that was written: its SHA-256 differs from the one recorded"
ARCHIVE_NOT_SIGNED = "was recorded outside the station: its record is not signed with this station's chain key"
ARCHIVE_UNREADABLE = "cannot be read as an archive of this station"
ARCHIVE_OUT_OF_ORDER = "does not follow the archive before it in the chain"
