from __future__ import annotations

from datetime import date

import pytest

from receiving_app.bootstrap import bootstrap
from tests.support.database_templates import demo_without_rmas
from tests.support.databases import DATABASES, fresh_postgres_database
from tests.support.sealed_digests import check_known_digests


@pytest.fixture(autouse=True)
def known_digests_checked(monkeypatch):
    """Every record test also checks each digest a commit seals without reading its row."""
    check_known_digests(monkeypatch)


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'station.sqlite3'}"
    else:
        with fresh_postgres_database() as url:
            yield url


@pytest.fixture
def station(database_url, tmp_path, database_templates):
    """A migrated database with the demo catalog, sellers and users, and no RMAs yet."""
    database_templates.fill(database_url, "demo without RMAs", demo_without_rmas)
    built = bootstrap(database_url, settings_path=tmp_path / "settings.json", today=lambda: date(2026, 3, 16))
    yield built
    built.close()
