"""The indexes that hold only some rows (a plate's hold or container, webhooks per RMA) still serve the
lookups that need them, on SQLite and PostgreSQL: a lookup that stopped matching its index's condition
would read the whole table, unnoticed until the warehouse is big."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import text

from receiving_app.persistence.outbox_tables import OutboxMessageRow
from receiving_app.persistence.records import Records
from tests.support.query_plans import indexes_read, statements_of

WEBHOOK = OutboxMessageRow(
    id=7,
    kind="webhook",
    receiver="http://127.0.0.1:9/hooks",
    rma_number="RMA-100001",
    audit_sequence=12,
    event_type="line.decided",
)
LOOKUPS: dict[str, tuple[Callable[[Records], object], str]] = {
    "holds ending by a day": (
        lambda records: records.holds_ending_by(date(2026, 3, 16)),
        "ix_license_plates_held_until",
    ),
    "plates in a container": (lambda records: records.plates_in_container(3), "ix_license_plates_container_id"),
    "a webhook's earlier undelivered one": (
        lambda records: records.undelivered_webhook_before(WEBHOOK),
        "ix_outbox_messages_rma_number_receiver",
    ),
}


@pytest.mark.parametrize("lookup", LOOKUPS)
def test_a_lookup_reads_its_partial_index(station, lookup: str) -> None:
    ask, index = LOOKUPS[lookup]
    engine = station.units.engine
    with statements_of(engine) as sent, station.units.read() as uow:
        ask(uow.records)
    [read] = [statement for statement in sent if statement[0].startswith("SELECT")]
    with engine.connect() as connection, connection.begin():
        assert index in indexes_read(connection, *read)


@pytest.mark.parametrize("lookup", LOOKUPS)
def test_the_migrated_index_keeps_only_the_rows_its_lookup_finds(station, lookup: str) -> None:
    """The migrations build these indexes partial, as the tables declare them (the schema comparison
    does not look at an index's condition)."""
    index = LOOKUPS[lookup][1]
    with station.units.engine.connect() as connection:
        definition = (
            "SELECT sql FROM sqlite_schema WHERE name = :index"
            if connection.dialect.name == "sqlite"
            else "SELECT indexdef FROM pg_indexes WHERE indexname = :index"
        )
        declared = connection.execute(text(definition), {"index": index}).scalar_one()
    assert " WHERE " in declared.upper()
