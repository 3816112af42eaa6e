"""The policy tests' station, on SQLite and on PostgreSQL: the history of tests/support/policy_history.py
(copied from a database that holds it), the bench's clock the morning after, and a calendar the test moves."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from receiving_app.bootstrap import bootstrap
from receiving_app.services.station import Station
from tests.support.bench_day import DAY, MORNING_AFTER, BenchClock
from tests.support.databases import DATABASES, fresh_postgres_database
from tests.support.policy_history import Calendar, prepared_policy_history


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'station.sqlite3'}"
    else:
        with fresh_postgres_database() as url:
            yield url


@pytest.fixture
def calendar() -> Calendar:
    return Calendar(DAY)


@pytest.fixture
def station(database_url, tmp_path, database_templates, calendar) -> Iterator[Station]:
    database_templates.fill(database_url, "policy history", prepared_policy_history)
    built = bootstrap(database_url, settings_path=tmp_path / "settings.json", today=calendar)
    built.units.clock = BenchClock(MORNING_AFTER)
    yield built
    built.close()
