"""Adding rows that another station may add at the same moment: theirs or ours stands, without an error."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from receiving_app.persistence.table_base import Base


def insert_if_absent(
    session: Session, row_class: type[Base], values: Mapping[str, Any] | Sequence[Mapping[str, Any]]
) -> Insert:
    """An INSERT of ``values`` that leaves out a row whose key is taken already."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(row_class).values(values).on_conflict_do_nothing()
    return sqlite.insert(row_class).values(values).on_conflict_do_nothing()
