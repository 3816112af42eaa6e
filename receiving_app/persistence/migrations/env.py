"""Alembic runs migrations on the connection the station hands it (see persistence/schema.py)."""

from alembic import context

from receiving_app.persistence.all_tables import STATION_METADATA

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=STATION_METADATA,
    # SQLite cannot ALTER most things in place; batch mode rebuilds the table, PostgreSQL ignores it.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
