"""The report tests' station, on SQLite and on PostgreSQL, and the bench day of tests/support/bench_day.py on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from receiving_app.bootstrap import bootstrap
from receiving_app.services.reports import ReportService
from receiving_app.services.station import Station
from tests.support.bench_day import (
    BEFORE_THE_DAY,
    BENCH_DAY,
    BENCH_ZONE,
    DAY,
    MORNING_AFTER,
    BenchClock,
    BenchDay,
    prepared_bench_day,
)
from tests.support.database_templates import demo_without_rmas
from tests.support.databases import DATABASES, fresh_postgres_database


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'station.sqlite3'}"
    else:
        with fresh_postgres_database() as url:
            yield url


@pytest.fixture
def station(database_url, tmp_path, database_templates, request) -> Iterator[Station]:
    """A migrated database with the demo catalog, sellers and users, and a clock of our own; with the
    bench day already recorded when the test asks for it (copied from a database that holds it)."""
    if "bench_day" in request.fixturenames:
        database_templates.fill(database_url, "bench day", prepared_bench_day)
        clock = BenchClock(MORNING_AFTER)
    else:
        database_templates.fill(database_url, "demo without RMAs", demo_without_rmas)
        clock = BenchClock(BEFORE_THE_DAY)
    built = bootstrap(database_url, settings_path=tmp_path / "settings.json", today=lambda: DAY)
    built.units.clock = clock
    yield built
    built.close()


@pytest.fixture
def reports(station) -> ReportService:
    return ReportService(station.units, station.receiving._routing, zone=BENCH_ZONE)


@pytest.fixture
def bench_day(station) -> BenchDay:
    return BENCH_DAY
