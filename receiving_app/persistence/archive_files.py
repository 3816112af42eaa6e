"""An archive file: the audit chain's oldest stretch and the stored PDFs of its documents, in a SQLite
file of its own that nothing changes once it is written.

Its events are kept as the chain hashed them (the time as its ISO 8601 text), so a verify replays
them as they are, on any backend; its documents as their rows kept them (lean bytes and where the
shared parts go back in, ``documents/shared_parts.py``), the parts staying in the database. The file
is written under a temporary name, flushed to disk and only then given its name, so a power cut
leaves either no archive or a whole one.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from receiving_app.domain.chain_replay import AtText, EventRow
from receiving_app.durable_files import sync_folder

FORMAT = 1
_SCHEMA = (
    "CREATE TABLE archive (format INTEGER NOT NULL, first_sequence INTEGER NOT NULL, "
    "last_sequence INTEGER NOT NULL, last_hash TEXT NOT NULL)",
    "CREATE TABLE audit_events (sequence INTEGER PRIMARY KEY, event_type TEXT NOT NULL, at TEXT NOT NULL, "
    "user_name TEXT NOT NULL, station_id TEXT NOT NULL, rma_number TEXT, payload TEXT NOT NULL, "
    "previous_hash TEXT NOT NULL, hash TEXT NOT NULL, sealed_rows TEXT, seal TEXT)",
    "CREATE TABLE documents (number TEXT PRIMARY KEY, pdf BLOB NOT NULL, pdf_parts TEXT, pdf_sha256 TEXT NOT NULL)",
)
_RMA_INDEX = "CREATE INDEX ix_audit_events_rma ON audit_events (rma_number, sequence)"
_EVENT_COLUMNS = (
    "sequence, event_type, at, user_name, station_id, rma_number, payload, previous_hash, hash, sealed_rows, seal"
)
_READ_BATCH = 20_000


class ArchiveUnreadable(Exception):
    """The file is not there, or is not an archive this station wrote."""


class ArchiveWriter:
    """Writes one archive; ``finish`` gives it its name, and closing it unfinished removes what it wrote."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._partial = path.with_name(f"{path.name}.partial")
        self._partial.unlink(missing_ok=True)
        self._connection = sqlite3.connect(self._partial, isolation_level=None)
        self._connection.execute("PRAGMA journal_mode = OFF")  # a half-written archive is thrown away whole
        self._connection.execute("BEGIN")
        for statement in _SCHEMA:
            self._connection.execute(statement)
        self._finished = False

    def add_events(self, rows: Iterable[EventRow], at_text: AtText | None) -> None:
        """Events as ``audit_event_batches`` reads them; ``at_text`` turns a time into its hashed text."""
        self._connection.executemany(
            f"INSERT INTO audit_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((*row[:2], at_text(row[2]) if at_text else row[2], *row[3:]) for row in rows),
        )

    def add_documents(self, rows: Iterable[tuple[str, bytes, str | None, str]]) -> None:
        """(number, pdf, pdf_parts, pdf_sha256) of each document, as its row kept them."""
        self._connection.executemany(
            "INSERT INTO documents (number, pdf, pdf_parts, pdf_sha256) VALUES (?, ?, ?, ?)", rows
        )

    def finish(self, first_sequence: int, last_sequence: int, last_hash: str) -> str:
        """Closes the file under its name; its SHA-256."""
        self._connection.execute(
            "INSERT INTO archive VALUES (?, ?, ?, ?)", (FORMAT, first_sequence, last_sequence, last_hash)
        )
        self._connection.execute(_RMA_INDEX)
        self._connection.execute("COMMIT")
        self._connection.close()
        with self._partial.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(self._partial, self.path)
        sync_folder(self.path.parent)
        self._finished = True
        return file_sha256(self.path)

    def close(self) -> None:
        if not self._finished:
            self._connection.close()
            self._partial.unlink(missing_ok=True)

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class ArchiveFile:
    """An archive opened to read: never written to (SQLite opens it read-only)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ArchiveUnreadable(str(path))
        self._connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = self._connection.execute(
                "SELECT format, first_sequence, last_sequence, last_hash FROM archive"
            ).fetchone()
        except sqlite3.Error:  # not a database, or not one with an archive's table
            row = None
        if row is None or row[0] != FORMAT:
            self.close()
            raise ArchiveUnreadable(str(path))
        self.first_sequence, self.last_sequence, self.last_hash = int(row[1]), int(row[2]), str(row[3])

    def event_batches(self, batch: int = _READ_BATCH) -> Iterator[list[EventRow]]:
        """Every event of the archive in order, ``batch`` at a time, as the replay takes them."""
        cursor = self._connection.execute(f"SELECT {_EVENT_COLUMNS} FROM audit_events ORDER BY sequence")
        while rows := cursor.fetchmany(batch):
            yield rows

    def events_of_rma(self, rma_number: str, event_type: str | None = None) -> list[EventRow]:
        """The RMA's events (of one type, given one), in order."""
        query, parameters = "rma_number = ?", [rma_number]
        if event_type is not None:
            query, parameters = f"{query} AND event_type = ?", [rma_number, event_type]
        return self._connection.execute(
            f"SELECT {_EVENT_COLUMNS} FROM audit_events WHERE {query} ORDER BY sequence", parameters
        ).fetchall()

    def document(self, number: str) -> tuple[bytes, str | None, str] | None:
        """(pdf, pdf_parts, pdf_sha256) of a document whose PDF the archive holds."""
        row = self._connection.execute(
            "SELECT pdf, pdf_parts, pdf_sha256 FROM documents WHERE number = ?", (number,)
        ).fetchone()
        return (bytes(row[0]), row[1], row[2]) if row else None

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> ArchiveFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
