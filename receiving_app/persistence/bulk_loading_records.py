"""Filling a station with many rows at once (the demo data, benchmarks), and telling whether it is empty."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.rma_tables import RmaRow
from receiving_app.persistence.row_sealing import mark_written
from receiving_app.persistence.table_base import Base


class BulkLoadingRecords:
    session: Session

    def bulk_insert(self, table: type[Base], rows: list[dict[str, Any]]) -> None:
        """Insert many rows at once; they may carry their own ids (see ``catch_up_id_sequences``)."""
        if not rows:
            return
        key_columns = list(cast(Table, table.__table__).primary_key.columns)
        inserted = self.session.execute(insert(table).returning(*key_columns), rows).all()
        mark_written(self.session, table, {tuple(row) for row in inserted})

    def catch_up_id_sequences(self, *tables: type[Base]) -> None:
        """After rows were inserted with explicit ids, move PostgreSQL's id sequences past them.

        SQLite picks max(id) + 1 by itself; PostgreSQL's sequences do not see explicit ids and would
        hand out an id that is already taken.
        """
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for table in tables:
            name = table.__tablename__
            self.session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
                )
            )

    def is_empty(self) -> bool:
        return self.session.execute(select(func.count()).select_from(RmaRow)).scalar_one() == 0 and (
            self.session.execute(select(func.count()).select_from(CatalogItemRow)).scalar_one() == 0
        )
