"""A station on a fresh SQLite file with a little demo data, and a way to decide lines on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.station import Station
from tests.support.deciding import decide  # noqa: F401 - a fixture pytest finds here

DEMO_RMAS = 40


def _demo_with_rmas(url: str, folder: Path) -> None:
    built = bootstrap(url, settings_path=folder / "settings.json")
    try:
        fill_demo_data(built, rmas=DEMO_RMAS, seed=7)
    finally:
        built.close()


@pytest.fixture
def station(tmp_path, database_templates) -> Iterator[Station]:
    url = f"sqlite:///{tmp_path}/s.sqlite3"
    database_templates.fill(url, f"demo with {DEMO_RMAS} RMAs", _demo_with_rmas)
    built = bootstrap(url, settings_path=tmp_path / "settings.json")
    yield built
    built.close()
