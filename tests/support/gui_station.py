"""What a station window under test is built from: its database file's name, settings whose printers
file PDFs into the test's folder, and a clock that moves only when the test moves it."""

from __future__ import annotations

import json
from pathlib import Path

from receiving_app.services.settings import DOCUMENT_PRINTER_KEYS

DATABASE_NAME = "station.sqlite3"
INTERKEY_MS = 35


class FakeClock:
    """Seconds that pass only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def write_settings(folder: Path, **overrides) -> Path:
    printed = folder / "printed"
    settings = {
        "station_id": "bench-test",
        "printers": {document: {"backend": "folder", "folder": str(printed)} for document in DOCUMENT_PRINTER_KEYS},
        "scale": {"protocol": "simulated", "settle_readings": "1"},
        "scanner": {"prefix": "", "suffix": "", "max_interkey_ms": str(INTERKEY_MS)},
        **overrides,
    }
    path = folder / "settings.json"
    path.write_text(json.dumps(settings), encoding="utf-8")
    return path
