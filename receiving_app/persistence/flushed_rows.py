"""The values a row the ORM has just written holds in the database, taken from its object.

A unit of work seals the rows it wrote by their digests as the database holds them (``row_sealing``).
Reading every written table again at each commit costs a statement per table, under the audit head's
lock; but a row just inserted or updated by a flush holds, column by column, what its object holds,
passed through the column's type as a write and a read pass it. Where that is not certain (a column
the object has not loaded or has expired, a value the database fills in or pads, a type not listed
here) the answer is None, and the row is read again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    CHAR,
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    Integer,
    LargeBinary,
    String,
    Table,
)
from sqlalchemy import inspect as inspect_object
from sqlalchemy.orm import InstanceState, Mapper
from sqlalchemy.types import TypeDecorator, TypeEngine

_UNCERTAIN = object()  # a value whose stored form cannot be told without reading it
ReadBack = Callable[[Any, Dialect], Any]  # a value as it went in → as it comes back, or _UNCERTAIN


@dataclass(frozen=True, slots=True)
class _Column:
    name: str  # the column's, as ``select(table)`` names it
    key: str  # the attribute's on the object
    read_back: ReadBack
    filled_by_database: bool  # a default of the database's own, which an INSERT without the column gets


def values_as_stored(instance: object, table: Table, dialect: Dialect, *, inserted: bool) -> dict[str, Any] | None:
    """``instance``'s row as ``select(table)`` would read it back, by column name; None where unsure.

    ``inserted``: the row was inserted in this transaction, so a column it never set was left out of
    the INSERT and holds NULL, unless the database has a default of its own for it."""
    state: InstanceState[Any] = inspect_object(instance)
    loaded = state.dict
    values: dict[str, Any] = {}
    for column in _columns(state.mapper, table):
        if column.key in loaded:
            value = loaded[column.key]
            if value is not None:
                value = column.read_back(value, dialect)
                if value is _UNCERTAIN:
                    return None
        elif inserted and not column.filled_by_database and column.key not in state.expired_attributes:
            value = None
        else:
            return None
        values[column.name] = value
    return values


@cache
def _columns(mapper: Mapper[Any], table: Table) -> tuple[_Column, ...]:
    return tuple(
        _Column(
            column.name,
            mapper.get_property_by_column(column).key,
            _read_back_of(column.type),
            column.server_default is not None,
        )
        for column in table.columns
    )


def _read_back_of(column_type: TypeEngine[Any]) -> ReadBack:
    if isinstance(column_type, TypeDecorator):
        # The station's own types (money in cents, exact decimals, UTC times) say how they store and read.
        decorator: TypeDecorator[Any] = column_type
        stored_as = _read_back_of(decorator.impl_instance)

        def through_decorator(value: Any, dialect: Dialect) -> Any:
            stored = decorator.process_bind_param(value, dialect)
            if stored is None:
                return None
            plain = stored_as(stored, dialect)
            return _UNCERTAIN if plain is _UNCERTAIN else decorator.process_result_value(plain, dialect)

        return through_decorator
    plain_read_back = _plain_read_back_of(column_type)
    return lambda value, _dialect: plain_read_back(value)


def _plain_read_back_of(column_type: TypeEngine[Any]) -> Callable[[Any], Any]:
    if isinstance(column_type, Boolean):
        return lambda value: bool(value) if isinstance(value, bool | int) else _UNCERTAIN
    if isinstance(column_type, Integer):
        return lambda value: value if isinstance(value, int) and not isinstance(value, bool) else _UNCERTAIN
    if isinstance(column_type, CHAR):
        # PostgreSQL pads a fixed-width value with spaces to its length; a full-width one comes back as it went.
        width = column_type.length
        return lambda value: value if isinstance(value, str) and len(value) == width else _UNCERTAIN
    if isinstance(column_type, String):  # Text too
        return lambda value: value if isinstance(value, str) else _UNCERTAIN
    if isinstance(column_type, DateTime):
        return lambda value: value if isinstance(value, datetime) and value.tzinfo is None else _UNCERTAIN
    if isinstance(column_type, Date):
        return lambda value: value if type(value) is date else _UNCERTAIN
    if isinstance(column_type, LargeBinary):
        return lambda value: bytes(value) if isinstance(value, bytes | bytearray | memoryview) else _UNCERTAIN
    if isinstance(column_type, JSON):
        # Written as JSON text and parsed on the way back: tuples come back as lists, keys as text.
        return lambda value: json.loads(json.dumps(value)) if isinstance(value, Mapping | list | tuple) else _UNCERTAIN
    return lambda _value: _UNCERTAIN
