"""How many characters a stored text column holds, read from its table so that a check and the column agree.

PostgreSQL refuses a value longer than its column (SQLite keeps it), so every text the station stores is
held to the column's width before anything is written; a column without a width holds free text up to
MAX_FREE_TEXT.
"""

from __future__ import annotations

from sqlalchemy import String

from receiving_app.domain.limits import MAX_FREE_TEXT
from receiving_app.persistence.table_base import Base


def text_width(table: type[Base], column: str) -> int:
    column_type = table.__table__.c[column].type
    if not isinstance(column_type, String):
        raise TypeError(f"{table.__name__}.{column} is not a text column")
    return column_type.length or MAX_FREE_TEXT
