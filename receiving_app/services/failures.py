"""A failure said in one line: what failed and what to do, the same at the command line and in the window.

The database's own error text is never shown: it can hold the statement's values or, from
PostgreSQL, the whole row that was refused (a customer's name and address). The database's
failures are read from their error codes (database_failures.py); the disk's from their errno.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from receiving_app.services.redaction import redacted

_LONGEST_MESSAGE_SHOWN = 200


@dataclass(frozen=True)
class Failure:
    sentence: str  # one line, without a full stop: the caller may add where the details are
    bad_input: bool = False  # the input must change (exit code 2), not the station or its surroundings


def describe_failure(error: BaseException, *, database_url: Callable[[], str | None] | None = None) -> Failure:
    """What to tell the person for ``error``. ``database_url`` names the database the work used
    (without it a database file is not named); it is asked only for a failure of that database."""
    from receiving_app.services.database_failures import database_failure

    for cause in causes(error):
        failure = database_failure(cause, database_url or (lambda: None))
        if failure is None and isinstance(cause, OSError):
            failure = disk_failure(cause)
        if failure is not None:
            return failure
    return _unexpected(error)


def database_in_use(explicit: str | None, configured: str | None) -> str:
    """The database a command opens with this --db and these settings, by the rule that opens it:
    the one a failure of the database names."""
    from receiving_app.persistence.database import resolve_database_url

    return resolve_database_url(explicit, configured)


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error and what it was raised from or while handling, the way a traceback walks them."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)


def disk_failure(error: OSError) -> Failure:
    target = os.fsdecode(error.filename) if error.filename is not None else None
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return Failure("the disk is full: free space and try again")
    if error.errno == errno.EROFS:
        return Failure(f"cannot write to {target or 'the disk'}: the disk is read-only")
    if error.errno in (errno.EACCES, errno.EPERM) and target is not None:
        folder = read_only_folder(Path(target))
        if folder is not None:
            return Failure(f"cannot write to {folder}: the folder is read-only")
        return Failure(f"no permission to use {target}: check who may read and write it")
    if error.errno == errno.ENOENT and target is not None:
        return Failure(f"{target} does not exist: check the path")
    return Failure(f"{error.strerror or type(error).__name__}{f': {target}' if target else ''}")


def read_only_folder(path: Path) -> Path | None:
    """The folder that keeps ``path`` from being written (its own, if it is itself a folder), if one does."""
    folder = path if path.is_dir() else path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK) and not (path.exists() and os.access(path, os.W_OK)):
        return folder
    return None


def _unexpected(error: BaseException) -> Failure:
    from sqlalchemy.exc import StatementError

    # SQLAlchemy's own text carries the statement (and, on an engine that shows them, its values);
    # what went wrong is the error it wraps.
    shown = error.orig if isinstance(error, StatementError) and error.orig is not None else error
    first_line = next(iter(str(shown).strip().splitlines()), "")
    if len(first_line) > _LONGEST_MESSAGE_SHOWN:
        first_line = first_line[:_LONGEST_MESSAGE_SHOWN] + "…"
    what = f"{type(shown).__name__}: {redacted(first_line)}" if first_line else type(shown).__name__
    return Failure(f"something went wrong ({what})")
