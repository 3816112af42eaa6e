"""Which rows decide money or rights, which of them a transaction wrote, and their digests now.

A unit of work seals the rows it wrote into the audit chain at commit (``unit_of_work``);
``audit verify`` holds every such row against its record (``domain.sealed_rows``).
ORM writes are seen by a flush listener; the few Core statements that write these tables
(counters, stored PDFs, bulk loads) say what they wrote with ``mark_written``.

A row's digest is taken as the database holds it. For a row a flush has just written, that is what
its object holds (``flushed_rows``), and a Core statement that returns the whole row it wrote says so;
so the commit reads again only the rows whose stored form it cannot tell (a Core write without its
row, a column the database filled in, a savepoint rolled back), not every written table under the
audit head's lock.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, select, tuple_
from sqlalchemy.orm import Session, UOWTransaction

from receiving_app.domain.sealed_rows import KeyRange, row_digest
from receiving_app.persistence.catalog_tables import CatalogItemRow, PolicyVersionRow
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.disposition_tables import (
    ContainerRow,
    LicensePlateRow,
    RoutingVersionRow,
    StockMoveRow,
)
from receiving_app.persistence.document_tables import DocumentCounterRow, DocumentRow
from receiving_app.persistence.export_tables import ExportBatchRow, ExportEntryRow
from receiving_app.persistence.flushed_rows import values_as_stored
from receiving_app.persistence.inspection_tables import InspectionRow, WeightReadingRow
from receiving_app.persistence.order_tables import OrderLineRow
from receiving_app.persistence.parcel_tables import UnidentifiedItemRow, UnidentifiedReturnRow
from receiving_app.persistence.policy_admin_tables import PolicyPublicationRow
from receiving_app.persistence.rma_tables import RmaLineRow
from receiving_app.persistence.table_base import Base
from receiving_app.persistence.user_tables import UserRow

# Who may do what, what a cartridge weighs and costs, what a policy says and from when, what was found, decided,
# numbered and printed, where each line stands, where each unit went and what stock it made, and
# the returns that came without an RMA, whose weights a later decision rests on:
# the rows a quiet edit would turn into money or goods.
SEALED_MODELS: tuple[type[Base], ...] = (
    UserRow,
    PolicyVersionRow,
    PolicyPublicationRow,
    CatalogItemRow,
    OrderLineRow,
    RmaLineRow,
    InspectionRow,
    WeightReadingRow,
    DecisionRow,
    DocumentCounterRow,
    DocumentRow,
    RoutingVersionRow,
    ContainerRow,
    LicensePlateRow,
    StockMoveRow,
    UnidentifiedReturnRow,
    UnidentifiedItemRow,
    ExportBatchRow,  # what went to the books, once per format
    ExportEntryRow,
)
_TABLES: dict[str, Table] = {cast(Table, model.__table__).name: cast(Table, model.__table__) for model in SEALED_MODELS}
_WRITTEN = "rows_written"  # the key in Session.info under which a transaction's written rows gather
# Session.info: the digests known without a read, {table: {key: digest}}; None: read the row at the commit.
_KNOWN = "row_digests_known"
_CORE = "rows_written_by_core"  # Session.info: {table: keys} a Core statement wrote, whose objects may be stale
_INSERTED = "rows_inserted"  # Session.info: {(table, key)} the transaction's flushes inserted
_BATCH = 500
# Columns added to a sealed table with a default after rows were sealed: a row holding the default is
# digested without it, as it was before the column came, so the upgrade leaves every record true.
_ADDED_WITH_DEFAULT: dict[str, dict[str, object]] = {"decisions": {"currency": "USD"}}


def _sealed_values(name: str, row: Any) -> dict[str, Any]:
    return _without_added_defaults(name, dict(row))


def _without_added_defaults(name: str, values: dict[str, Any]) -> dict[str, Any]:
    for column, default in _ADDED_WITH_DEFAULT.get(name, {}).items():
        if values.get(column) == default:
            del values[column]
    return values


RowKey = tuple[Any, ...]


def sealed_table_names() -> tuple[str, ...]:
    return tuple(_TABLES)


def key_text(key: RowKey) -> str:
    return "/".join(str(part) for part in key)


def mark_written(session: Session, model: type[Base], keys: Collection[RowKey]) -> None:
    """Say that a Core statement wrote these rows (by primary key), so that the commit seals them."""
    name = cast(Table, model.__table__).name
    if name in _TABLES and keys:
        _note(session, name, dict.fromkeys(keys), by_core=True)


def mark_written_rows(session: Session, model: type[Base], rows: Iterable[Mapping[Any, Any]]) -> None:
    """Say that a Core statement wrote these rows and returned them whole (``RETURNING`` every column), so
    that the commit seals them without reading them again."""
    table = cast(Table, model.__table__)
    if table.name not in _TABLES:
        return
    columns = {column.name for column in table.columns}
    digests: dict[RowKey, str | None] = {}
    for row in rows:
        key = tuple(row[column.name] for column in table.primary_key.columns)
        digests[key] = row_digest(_sealed_values(table.name, row)) if set(row.keys()) == columns else None
    if digests:
        _note(session, table.name, digests, by_core=True)


def note_flushed_rows(session: Session, _transaction: UOWTransaction) -> None:
    """After each flush: the sealed rows the ORM inserted, changed or deleted, with their digests where
    the objects tell them."""
    dialect = session.get_bind().dialect
    inserted: set[tuple[str, RowKey]] = session.info.setdefault(_INSERTED, set())
    for instance in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(instance), "__table__", None)
        if isinstance(table, Table) and table.name in _TABLES:
            key = tuple(getattr(instance, column.key) for column in table.primary_key.columns)
            digest: str | None = ""  # a deleted row is sealed as gone
            if instance in session.new:
                inserted.add((table.name, key))
            if instance not in session.deleted:
                values = values_as_stored(instance, table, dialect, inserted=(table.name, key) in inserted)
                digest = None if values is None else row_digest(_sealed_values(table.name, values))
            _note(session, table.name, {key: digest}, by_core=False)


def _note(session: Session, name: str, digests: Mapping[RowKey, str | None], *, by_core: bool) -> None:
    session.info.setdefault(_WRITTEN, {}).setdefault(name, set()).update(digests)
    known = session.info.setdefault(_KNOWN, {}).setdefault(name, {})
    core = session.info.setdefault(_CORE, {}).setdefault(name, set())
    for key, digest in digests.items():
        # An object flushed after a Core statement wrote its row may hold what the row held before.
        known[key] = None if not by_core and key in core else digest
    if by_core:
        core.update(digests)


def forget_known_digests(session: Session, _previous: object) -> None:
    """After any rollback (a savepoint's too): rows noted may be gone, so every one is read at the commit."""
    for known in session.info.get(_KNOWN, {}).values():
        known.update(dict.fromkeys(known))
    session.info.pop(_INSERTED, None)


def take_written(session: Session) -> dict[str, set[RowKey]]:
    written: dict[str, set[RowKey]] = session.info.pop(_WRITTEN, {})
    return written


def take_known_digests(session: Session) -> dict[str, dict[RowKey, str | None]]:
    """The digests of the rows ``take_written`` gave, where known without a read (see ``digests_of``)."""
    session.info.pop(_CORE, None)
    session.info.pop(_INSERTED, None)
    known: dict[str, dict[RowKey, str | None]] = session.info.pop(_KNOWN, {})
    return known


def every_row_key(session: Session) -> dict[str, set[RowKey]]:
    """Every sealed row there is: what the first transaction of a chain seals (rows a migration put in)."""
    return {
        name: {tuple(row) for row in session.execute(select(*table.primary_key.columns))}
        for name, table in _TABLES.items()
    }


def digests_of(
    session: Session,
    written: dict[str, set[RowKey]],
    known: Mapping[str, Mapping[RowKey, str | None]] | None = None,
) -> dict[str, dict[str, str]]:
    """The digest of each written row as it now stands; an empty digest for a row that is gone. Rows
    with a digest in ``known`` (``take_known_digests``) are not read."""
    sealed: dict[str, dict[str, str]] = {}
    for name, keys in written.items():
        table = _TABLES[name]
        key_columns = list(table.primary_key.columns)
        told = (known or {}).get(name, {})
        found: dict[str, str] = {key_text(key): digest for key in keys if (digest := told.get(key)) is not None}
        ordered = sorted(keys, key=key_text)
        unknown = [key for key in ordered if told.get(key) is None]
        for start in range(0, len(unknown), _BATCH):
            chunk = unknown[start : start + _BATCH]
            query = select(table).where(
                key_columns[0].in_([key[0] for key in chunk])
                if len(key_columns) == 1
                else tuple_(*key_columns).in_(chunk)
            )
            for row in session.execute(query).mappings():
                found[key_text(tuple(row[column.name] for column in key_columns))] = row_digest(
                    _sealed_values(name, row)
                )
        sealed[name] = {key_text(key): found.get(key_text(key), "") for key in ordered}
    return sealed


@dataclass(frozen=True, slots=True)
class TableSize:
    rows: int
    keys: tuple[int, int] | None  # (one below the lowest, the highest] of a whole-number key; None: other keys, or none


def sealed_table_sizes(session: Session) -> dict[str, TableSize]:
    """How many rows each sealed table holds, and the range of its keys where they are whole numbers."""
    sizes: dict[str, TableSize] = {}
    for name, table in _TABLES.items():
        key_columns = list(table.primary_key.columns)
        if len(key_columns) == 1 and key_columns[0].type.python_type is int:
            rows, lowest, highest = session.execute(
                select(func.count(), func.min(key_columns[0]), func.max(key_columns[0]))
            ).one()
            sizes[name] = TableSize(rows, None if rows == 0 else (lowest - 1, highest))
        else:
            sizes[name] = TableSize(session.execute(select(func.count()).select_from(table)).scalar_one(), None)
    return sizes


def current_digests(
    session: Session, name: str, within: KeyRange | None = None, batch: int = 2_000
) -> Iterator[tuple[str, str]]:
    """Every row of a sealed table (``within``: whose whole-number key lies in that range) with its
    digest, in key order, a batch at a time."""
    table = _TABLES[name]
    key_columns = list(table.primary_key.columns)
    query = select(table).order_by(*key_columns)
    after, up_to = within or (None, None)
    if after is not None:
        query = query.where(key_columns[0] > after)
    if up_to is not None:
        query = query.where(key_columns[0] <= up_to)
    # Plain rows zipped with the column names: a full verify digests millions, and a mapping per row
    # was a tenth of its time.
    result = session.execute(query.execution_options(yield_per=batch))
    names = tuple(result.keys())
    key_at = [names.index(column.name) for column in key_columns]
    for row in result:
        key = str(row[key_at[0]]) if len(key_at) == 1 else key_text(tuple(row[at] for at in key_at))
        yield key, row_digest(_without_added_defaults(name, dict(zip(names, row, strict=True))))
