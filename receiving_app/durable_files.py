"""Making a file's new name survive a power cut: a rename is durable only once its folder is synced."""

from __future__ import annotations

import os
from pathlib import Path


def sync_folder(folder: Path) -> None:
    """The renames in ``folder`` made durable, where the system lets a folder be synced (POSIX; Windows
    has no folder handles to flush)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
