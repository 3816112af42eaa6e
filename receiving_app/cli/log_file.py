"""The station's log file: readable by its owner only, and blanked of anything shaped like personal data.

A log names RMAs, users and what went wrong; on a shared computer nobody else may read it, so the
folder is 0700 and the file 0600, made so again when an older version left them open.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from receiving_app import APP_NAME
from receiving_app.services.redaction import redacted

LOG_FILE_NAME = "receiving-app.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RedactingFormatter(logging.Formatter):
    """Blanks e-mails, card and phone numbers and password hashes in a record's message and
    traceback (not in its time, whose digits would look like a phone number)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = redacted(record.message)
        return super().formatMessage(record)

    def formatException(self, ei) -> str:
        return redacted(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redacted(super().formatStack(stack_info))


def open_log_file() -> Path | None:
    """Send the log to the user's log folder (never to the terminal); None if it cannot be written."""
    from platformdirs import user_log_dir

    try:
        folder = Path(user_log_dir(APP_NAME, appauthor=False))
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.chmod(0o700)
        path = folder / LOG_FILE_NAME
        # Created private, so no line is ever written to a file others may read.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        path.chmod(0o600)
        root = logging.getLogger()
        if not root.handlers:  # as logging.basicConfig: a process that set up its own logging keeps it
            handler = logging.FileHandler(path, encoding="utf-8")
            handler.setFormatter(RedactingFormatter(_FORMAT))
            root.addHandler(handler)
            root.setLevel(logging.INFO)
    except OSError:
        return None
    return path
