"""Reading the audit chain for a verify: its events streamed in batches of plain rows, its
checkpoints, and the current digests of the sealed rows a stretch of the chain recorded.

A full verify reads every event, so the events come as Core rows in batches, never as ORM
objects: through a server-side cursor on PostgreSQL and SQLite's own step-by-step cursor. The
whole verify reads one snapshot of the database (``hold_one_snapshot``), so that a station
appending meanwhile neither cuts the chain short nor runs past its head.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    DateTime,
    LargeBinary,
    String,
    Table,
    func,
    insert,
    literal_column,
    select,
    text,
    type_coerce,
)
from sqlalchemy.orm import Session

from receiving_app.domain.audit_checkpoints import Checkpoint
from receiving_app.domain.chain_replay import AtText, EventRow, utc_text
from receiving_app.persistence.audit_checkpoint_tables import AuditCheckpointRow
from receiving_app.persistence.audit_tables import AuditEventRow
from receiving_app.persistence.row_sealing import current_digests, digests_of
from receiving_app.persistence.table_base import Base

_EVENTS = cast(Table, AuditEventRow.__table__)
_CHECKPOINTS = cast(Table, AuditCheckpointRow.__table__)
EVENT_BATCH = 20_000
_SNAPSHOT_NAME = re.compile(r"[0-9A-F]+-[0-9A-F]+-[0-9]+")  # as pg_export_snapshot() names one

# An event's time as its hash covers it, "2026-03-16T10:00:00.123456+00:00" (no fraction when it is
# zero). SQLite keeps the text SQLAlchemy wrote, "2026-03-16 10:00:00.123456", which its own string
# functions rewrite as they read it, cheaper than Python does (a file cannot redefine them); a time in
# any other form was not written by the station and is passed on as it is, so its event's hash no
# longer matches. PostgreSQL's times come as the driver's datetimes and are written out in Python
# (``utc_text``): a function the database ran could be one that someone with the database defined.
_SQLITE_ISO_AT = (
    "CASE WHEN length(at) = 26 AND substr(at, 11, 1) = ' ' AND substr(at, 20, 1) = '.' "
    "THEN substr(at, 1, 10) || 'T' || substr(at, 12, 8) "
    "|| CASE substr(at, 20) WHEN '.000000' THEN '' ELSE substr(at, 20) END || '+00:00' "
    "ELSE at END"
)


def _event_columns(dialect: str) -> tuple[ColumnElement[Any], ...]:
    sqlite = dialect == "sqlite"
    at = literal_column(_SQLITE_ISO_AT, String).label("at") if sqlite else type_coerce(_EVENTS.c.at, DateTime)
    return (
        _EVENTS.c.sequence,
        _EVENTS.c.event_type,
        at,
        _EVENTS.c.user_name,
        _EVENTS.c.station_id,
        _EVENTS.c.rma_number,
        _EVENTS.c.payload,
        *(_hex_digest(_EVENTS.c[name], sqlite) for name in ("previous_hash", "hash")),
        _EVENTS.c.sealed_rows,
        _hex_digest(_EVENTS.c.seal, sqlite),
    )


def _hex_digest(column: ColumnElement[Any], sqlite: bool) -> ColumnElement[Any]:
    """A digest's hex digits, as the hashes cover them. SQLite's hex() is its own (upper case); on
    PostgreSQL the bytes come as they are kept, and ``_with_hex_digests`` writes them out in Python,
    for the same reason as the times."""
    if not sqlite:
        return type_coerce(column, LargeBinary).label(column.key)
    return literal_column(f"CASE WHEN {column.key} IS NULL THEN NULL ELSE lower(hex({column.key})) END", String).label(
        column.key
    )


def _with_hex_digests(rows: Sequence[Any]) -> list[EventRow]:
    """PostgreSQL's rows with their digests as hex digits (``_hex_digest``)."""
    return [(*row[:7], row[7].hex(), row[8].hex(), row[9], None if row[10] is None else row[10].hex()) for row in rows]


def _naive_utc_text(at: datetime) -> str:
    """PostgreSQL's naive UTC time as ``utc_text`` writes it, without making an aware copy first
    (that copy was a sixteenth of a full verify on PostgreSQL)."""
    return f"{at.isoformat()}+00:00" if at.tzinfo is None else utc_text(at)


class AuditCheckpointRecords:
    session: Session

    def hold_one_snapshot(self, shared: str | None = None) -> None:
        """Every later read of this unit of work sees the database as it is now, or (``shared``) as
        another process's snapshot sees it (call it first).

        SQLite's read transaction is a snapshot already; PostgreSQL's default gives each statement
        a snapshot of its own."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            if shared is not None:
                if not _SNAPSHOT_NAME.fullmatch(shared):
                    raise ValueError("not the name of an exported snapshot")
                # A command PostgreSQL takes no parameters for; the name was checked above.
                self.session.execute(text(f"SET TRANSACTION SNAPSHOT '{shared}'"))

    def snapshot_to_share(self) -> str | None:
        """The name under which other processes can read this unit of work's snapshot
        (``hold_one_snapshot``), while it lasts; None where the database cannot share one (SQLite)."""
        if self.session.get_bind().dialect.name != "postgresql":
            return None
        name: str = self.session.execute(text("SELECT pg_export_snapshot()")).scalar_one()
        return name

    def audit_time_text(self) -> AtText | None:
        """How to turn an event's time, as ``audit_event_batches`` and ``audit_event_at`` give it, into
        the text its hash covers; None: it is that text already."""
        return None if self.session.get_bind().dialect.name == "sqlite" else _naive_utc_text

    def last_audit_sequence(self) -> int:
        """The newest event there is, whatever the head says."""
        return self.session.execute(select(func.max(_EVENTS.c.sequence))).scalar_one() or 0

    def connection_url(self) -> str:
        """The database's URL, password and all, for another process of this station to open it."""
        return self.session.get_bind().engine.url.render_as_string(hide_password=False)

    def audit_event_batches(
        self, after_sequence: int, up_to: int | None = None, batch: int = EVENT_BATCH
    ) -> Iterator[list[EventRow]]:
        """Every event after ``after_sequence`` (up to ``up_to``), in order, ``batch`` at a time, as
        plain tuples.

        Straight from the driver's cursor, in this unit of work's transaction: SQLAlchemy's result
        rows were a twentieth of a full verify's time in its profile, for nothing the replay needs.
        PostgreSQL's cursor is a server-side one, so the rows come ``batch`` at a time rather than
        all at once."""
        connection = self.session.connection()
        bounds = [_EVENTS.c.sequence > after_sequence] + ([_EVENTS.c.sequence <= up_to] if up_to is not None else [])
        statement = select(*_event_columns(connection.dialect.name)).where(*bounds).order_by(_EVENTS.c.sequence)
        # The values are integers, rendered as literals: no parameter style to translate.
        sql = str(statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
        driver = connection.connection.dbapi_connection
        assert driver is not None  # a connection of a live session
        postgresql = connection.dialect.name == "postgresql"
        cursor = driver.cursor(name="audit_chain_replay") if postgresql else driver.cursor()
        try:
            cursor.execute(sql)
            while rows := cursor.fetchmany(batch):
                yield _with_hex_digests(rows) if postgresql else cast(list[EventRow], rows)
        finally:
            cursor.close()

    def audit_event_at(self, sequence: int) -> EventRow | None:
        dialect = self.session.get_bind().dialect.name
        row = self.session.execute(select(*_event_columns(dialect)).where(_EVENTS.c.sequence == sequence)).first()
        if row is None or dialect == "sqlite":
            return cast(EventRow | None, row)
        return _with_hex_digests([row])[0]

    def audit_checkpoints(self) -> list[Checkpoint]:
        """Every checkpoint, newest first (a verify makes one a day or so: a few hundred a year)."""
        rows = self.session.execute(
            select(_CHECKPOINTS).order_by(_CHECKPOINTS.c.sequence.desc(), _CHECKPOINTS.c.id.desc())
        ).mappings()
        return [
            Checkpoint(
                row["sequence"], row["hash"], row["made_at"], row["station_id"], row["routing"], row["signature"]
            )
            for row in rows
        ]

    def add_audit_checkpoint(self, checkpoint: Checkpoint) -> None:
        self.session.execute(
            insert(_CHECKPOINTS).values(
                sequence=checkpoint.sequence,
                hash=checkpoint.hash,
                made_at=checkpoint.made_at,
                station_id=checkpoint.station,
                routing=checkpoint.routing,
                signature=checkpoint.signature,
            )
        )

    def sealed_row_digests(self, table_name: str, keys: Iterable[str]) -> dict[str, str]:
        """The digest of each of these rows (by key text, as the chain names them) as it stands now,
        taken as the commit takes it (``row_sealing``); a row that is not there has no entry."""
        wanted = set(keys)
        key_columns = list(Base.metadata.tables[table_name].primary_key.columns)
        if len(key_columns) != 1:  # a few policy versions: reading them all is cheaper than parsing keys
            return {key: digest for key, digest in current_digests(self.session, table_name) if key in wanted}
        as_key = int if key_columns[0].type.python_type is int else str
        parsed = {(value,) for key in wanted if (value := _parsed(as_key, key)) is not None}
        digests = digests_of(self.session, {table_name: parsed}).get(table_name, {}) if parsed else {}
        return {key: digest for key, digest in digests.items() if digest and key in wanted}


def _parsed(as_key: type, text: str) -> Any:
    """A key's value from its text; None for text no row of an integer key could have."""
    if as_key is int:
        try:
            return int(text)
        except ValueError:
            return None
    return text
