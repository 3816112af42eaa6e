"""A station on a fresh SQLite file with a little demo data, and a way to decide lines on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.station import Station
from tests.support.deciding import decide  # noqa: F401 - a fixture pytest finds here

DEMO_RMAS = 40


@pytest.fixture
def station(tmp_path) -> Iterator[Station]:
    built = bootstrap(f"sqlite:///{tmp_path}/s.sqlite3", settings_path=tmp_path / "settings.json")
    fill_demo_data(built, rmas=DEMO_RMAS, seed=7)
    yield built
    built.close()
