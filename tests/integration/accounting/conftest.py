"""The register and export tests' station, on SQLite and on PostgreSQL, holding the bench day of
tests/support/bench_day.py (credit memos, restocking-fee receipts, a refund of nothing, denials and a
replacement), with the register and exports on the bench's clock and time zone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap
from receiving_app.services.accounting_exports import AccountingExportService
from receiving_app.services.accounting_register import AccountingRegisterService
from receiving_app.services.station import Station
from tests.support.bench_day import BENCH_ZONE, DAY, MORNING_AFTER, BenchClock, prepared_bench_day
from tests.support.databases import DATABASES, fresh_postgres_database


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'station.sqlite3'}"
    else:
        with fresh_postgres_database() as url:
            yield url


@pytest.fixture
def station(database_url, tmp_path, database_templates) -> Iterator[Station]:
    database_templates.fill(database_url, "bench day", prepared_bench_day)
    built = bootstrap(database_url, settings_path=tmp_path / "settings.json", today=lambda: DAY)
    built.units.clock = BenchClock(MORNING_AFTER)
    yield built
    built.close()


@pytest.fixture
def exports_folder(tmp_path) -> Path:
    return tmp_path / "exports"


@pytest.fixture
def register(station) -> AccountingRegisterService:
    return AccountingRegisterService(station.units, zone=BENCH_ZONE)


@pytest.fixture
def exports(station, tmp_path, exports_folder) -> AccountingExportService:
    return AccountingExportService(
        station.units, tmp_path / "accounting.toml", exports_folder, station.outbox_sender.deliver_now, zone=BENCH_ZONE
    )
