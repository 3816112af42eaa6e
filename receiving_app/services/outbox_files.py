"""The outbox's file messages: an export batch's file, made from the batch as committed and written into
the folder the message names (devices/export_folder.py).

The message carries the batch's id, file name and digest; the bytes are the batch's own, checked against
that digest, so what is written is what was recorded, however often it is written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from receiving_app.devices.export_folder import FileNotWritten, write_whole
from receiving_app.persistence.outbox_tables import OutboxMessageRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.email_messages import NotSent


@dataclass(frozen=True, slots=True)
class FileToWrite:
    folder: Path
    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class FileOutcome:
    written: bool
    detail: str
    permanent: bool = False


def file_to_write(uow: UnitOfWork, message: OutboxMessageRow) -> FileToWrite | NotSent:
    """The batch's file as recorded, or why it will never be written."""
    details = json.loads(message.payload)
    batch = uow.records.export_batch(int(details["batch_id"]))
    if batch is None:
        return NotSent(f"Export batch #{details['batch_id']} is not on file.")
    data = batch.content.encode("utf-8")
    if hashlib.sha256(data).hexdigest() != batch.file_sha256 or batch.file_sha256 != details["sha256"]:
        return NotSent(
            f"The recorded file of {batch.file_name} differs from its digest: it was changed outside the station."
        )
    return FileToWrite(Path(message.receiver), batch.file_name, data)


def write_file(file: FileToWrite) -> FileOutcome:
    try:
        written = write_whole(file.folder, file.name, file.data)
    except FileNotWritten as problem:
        return FileOutcome(False, str(problem), problem.permanent)
    return FileOutcome(True, f"written to {written}")
