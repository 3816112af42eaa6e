"""One set of migrations builds the same schema on SQLite and PostgreSQL as the tables describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from receiving_app.persistence.all_tables import STATION_METADATA
from receiving_app.persistence.schema import head_revision, upgrade_to_head
from receiving_app.persistence.search_tables import SQLITE_FULL_TEXT_TABLES


def test_the_migrated_schema_matches_the_tables(station) -> None:
    with station.units.engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(
                connection,
                opts={
                    "compare_type": True,
                    # A virtual table has no declaration to compare with (search_tables.py says why).
                    "include_name": lambda name, kind, _parents: kind != "table" or name not in SQLITE_FULL_TEXT_TABLES,
                },
            ),
            STATION_METADATA,
        )
    assert differences == []


def test_upgrading_a_current_database_changes_nothing(station) -> None:
    assert upgrade_to_head(station.units.engine) == (head_revision(), head_revision())
