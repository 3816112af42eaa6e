"""Writing an export batch's file into the exports folder whole or not at all.

The bytes go to a hidden file beside the target, are flushed to the disk, and only then take the
file's name (an atomic rename on one file system), so an accountant's import, or a program watching
the folder, never sees half a batch. A file already there with the same bytes is the same batch
delivered before: nothing is written. One with other bytes is never replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path

from receiving_app.durable_files import sync_folder


class FileNotWritten(Exception):
    """The file could not be written; ``permanent`` when trying again cannot help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def write_whole(folder: Path, name: str, data: bytes) -> Path:
    """``folder/name`` holding ``data``; the folder is made if it is missing."""
    target = folder / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists():
            if hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(data).digest():
                return target
            raise FileNotWritten(
                f"{target} already holds another file; move it away and retry the message", permanent=True
            )
        partial = folder / f".{name}.{os.getpid()}.partial"
        try:
            with partial.open("wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(partial, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
        sync_folder(folder)
    except FileNotWritten:
        raise
    except OSError as error:
        raise FileNotWritten(f"cannot write {target}: {error.strerror or error}") from None
    return target
