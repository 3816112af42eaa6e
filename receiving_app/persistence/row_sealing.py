"""Which rows decide money or rights, which of them a transaction wrote, and their digests now.

A unit of work seals the rows it wrote into the audit chain at commit (``unit_of_work``);
``audit verify`` holds every such row against its record (``domain.sealed_rows``).
ORM writes are seen by a flush listener; the few Core statements that write these tables
(counters, stored PDFs, bulk loads) say what they wrote with ``mark_written``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any, cast

from sqlalchemy import Table, select, tuple_
from sqlalchemy.orm import Session, UOWTransaction

from receiving_app.domain.sealed_rows import row_digest
from receiving_app.persistence.catalog_tables import CatalogItemRow, PolicyVersionRow
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.disposition_tables import (
    ContainerRow,
    LicensePlateRow,
    RoutingVersionRow,
    StockMoveRow,
)
from receiving_app.persistence.document_tables import DocumentCounterRow, DocumentRow
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
)
_TABLES: dict[str, Table] = {cast(Table, model.__table__).name: cast(Table, model.__table__) for model in SEALED_MODELS}
_WRITTEN = "rows_written"  # the key in Session.info under which a transaction's written rows gather
_BATCH = 500

RowKey = tuple[Any, ...]


def sealed_table_names() -> tuple[str, ...]:
    return tuple(_TABLES)


def key_text(key: RowKey) -> str:
    return "/".join(str(part) for part in key)


def mark_written(session: Session, model: type[Base], keys: Collection[RowKey]) -> None:
    """Say that a Core statement wrote these rows (by primary key), so that the commit seals them."""
    name = cast(Table, model.__table__).name
    if name in _TABLES and keys:
        session.info.setdefault(_WRITTEN, {}).setdefault(name, set()).update(keys)


def note_flushed_rows(session: Session, _transaction: UOWTransaction) -> None:
    """After each flush: the sealed rows the ORM inserted, changed or deleted."""
    for instance in (*session.new, *session.dirty, *session.deleted):
        table = getattr(type(instance), "__table__", None)
        if isinstance(table, Table) and table.name in _TABLES:
            key = tuple(getattr(instance, column.key) for column in table.primary_key.columns)
            mark_written(session, type(instance), {key})


def take_written(session: Session) -> dict[str, set[RowKey]]:
    written: dict[str, set[RowKey]] = session.info.pop(_WRITTEN, {})
    return written


def every_row_key(session: Session) -> dict[str, set[RowKey]]:
    """Every sealed row there is: what the first transaction of a chain seals (rows a migration put in)."""
    return {
        name: {tuple(row) for row in session.execute(select(*table.primary_key.columns))}
        for name, table in _TABLES.items()
    }


def digests_of(session: Session, written: dict[str, set[RowKey]]) -> dict[str, dict[str, str]]:
    """The digest of each written row as it now stands; an empty digest for a row that is gone."""
    sealed: dict[str, dict[str, str]] = {}
    for name, keys in written.items():
        table = _TABLES[name]
        key_columns = list(table.primary_key.columns)
        found: dict[str, str] = {}
        ordered = sorted(keys, key=key_text)
        for start in range(0, len(ordered), _BATCH):
            chunk = ordered[start : start + _BATCH]
            query = select(table).where(
                key_columns[0].in_([key[0] for key in chunk])
                if len(key_columns) == 1
                else tuple_(*key_columns).in_(chunk)
            )
            for row in session.execute(query).mappings():
                found[key_text(tuple(row[column.name] for column in key_columns))] = row_digest(dict(row))
        sealed[name] = {key_text(key): found.get(key_text(key), "") for key in ordered}
    return sealed


def current_digests(session: Session, name: str, batch: int = 2_000) -> Iterator[tuple[str, str]]:
    """Every row of a sealed table with its digest, in key order, a batch at a time."""
    table = _TABLES[name]
    key_columns = list(table.primary_key.columns)
    result = session.execute(select(table).order_by(*key_columns).execution_options(yield_per=batch)).mappings()
    for row in result:
        yield key_text(tuple(row[column.name] for column in key_columns)), row_digest(dict(row))
