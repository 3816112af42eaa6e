"""The report tests' station, on SQLite and on PostgreSQL, and the bench day of tests/support/bench_day.py on it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.reports import ReportService
from receiving_app.services.station import Station
from tests.support.bench_day import BENCH_ZONE, DAY, BenchClock, BenchDay, build_bench_day
from tests.support.databases import DATABASES, fresh_postgres_database


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'station.sqlite3'}"
    else:
        with fresh_postgres_database() as url:
            yield url


@pytest.fixture
def station(database_url, tmp_path) -> Iterator[Station]:
    """A migrated database with the demo catalog, sellers and users, no RMAs, and a clock of our own."""
    built = bootstrap(database_url, settings_path=tmp_path / "settings.json", today=lambda: DAY)
    fill_demo_data(built, rmas=0, seed=7)
    built.units.clock = BenchClock(datetime(2026, 3, 15, 12, 0, tzinfo=UTC))
    yield built
    built.close()


@pytest.fixture
def reports(station) -> ReportService:
    return ReportService(station.units, zone=BENCH_ZONE)


@pytest.fixture
def bench_day(station, tmp_path) -> BenchDay:
    return build_bench_day(station, tmp_path)
