"""Wrong secrets sent at once from many stations are counted one by one: the tenth locks the name.

PostgreSQL only: there each station's check runs in its own transaction at the same time, which is
where a count read without a row lock went wrong (SQLite's writers already take turns).
"""

from __future__ import annotations

import json
import multiprocessing
from datetime import date

import pytest
from sqlalchemy import select

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.persistence.audit_tables import AuditEventRow
from tests.support.databases import fresh_postgres_database
from tests.support.race import sign_in_process

ATTEMPTS = 24


@pytest.fixture
def warehouse(tmp_path):
    with fresh_postgres_database() as url:
        built = bootstrap(url, settings_path=tmp_path / "settings.json", today=lambda: date(2026, 3, 16))
        fill_demo_data(built, rmas=0, seed=7)
        yield built
        built.close()


@pytest.mark.postgres
def test_twenty_four_wrong_pins_at_once_from_separate_processes_lock_the_receiver(warehouse, tmp_path) -> None:
    context = multiprocessing.get_context("fork")  # the children need no Qt and start in milliseconds
    barrier, results = context.Barrier(ATTEMPTS), context.Queue()
    processes = [
        context.Process(
            target=sign_in_process,
            args=(
                warehouse.database_url,
                tmp_path / "settings.json",
                "receiver",
                "0000",
                f"bench-{n}",
                barrier,
                results,
            ),
        )
        for n in range(ATTEMPTS)
    ]
    for process in processes:
        process.start()
    let_in = [results.get(timeout=300) for _ in processes]
    for process in processes:
        process.join(timeout=60)

    assert not any(let_in)
    with warehouse.units.read() as uow:
        locked_until = uow.records.user("receiver").locked_until
        events = [
            (row.event_type, json.loads(row.payload))
            for row in uow.session.execute(select(AuditEventRow).where(AuditEventRow.user_name == "receiver")).scalars()
        ]
    kinds = [kind for kind, _ in events]
    assert [payload["attempt"] for kind, payload in events if kind == "sign_in_failed"] == list(range(1, 11))
    assert (kinds.count("user_locked_out"), kinds.count("sign_in_refused_locked")) == (1, ATTEMPTS - 10)
    assert locked_until is not None
    assert warehouse.history.verify_audit_chain().first_break is None
