"""Fixtures for the station window's tests: a real demo database per test, printers that file PDFs
into the test's folder, a clock the tests move by hand, and the window signed in as a receiver."""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.scan_wedge import ScanWedge
from receiving_app.gui.style import apply_station_style
from receiving_app.services.auth import SignedInUser
from receiving_app.services.settings import DOCUMENT_PRINTER_KEYS
from receiving_app.services.station import Station

DEMO_RMAS = 40
DEMO_SEED = 7
DATABASE_NAME = "station.sqlite3"
RECEIVER = SignedInUser("receiver", "Riley Receiver", "receiver")
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


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """One filled demo database, copied for each test (filling it costs more than copying it)."""
    folder = tmp_path_factory.mktemp("demo")
    station = bootstrap(f"sqlite:///{folder / DATABASE_NAME}", settings_path=write_settings(folder))
    fill_demo_data(station, rmas=DEMO_RMAS, seed=DEMO_SEED)
    station.close()
    return folder / DATABASE_NAME


@pytest.fixture
def station(tmp_path, demo_database) -> Iterator[Station]:
    shutil.copy(demo_database, tmp_path / DATABASE_NAME)
    opened = bootstrap(f"sqlite:///{tmp_path / DATABASE_NAME}", settings_path=write_settings(tmp_path))
    yield opened
    opened.close()


@pytest.fixture
def printed_folder(tmp_path) -> Path:
    return tmp_path / "printed"


@pytest.fixture
def runner(qapp) -> Iterator[OperationRunner]:
    apply_station_style(qapp)
    operations = OperationRunner()
    yield operations
    operations.wait_for_done()
    QApplication.processEvents()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wedge(station, clock) -> Iterator[ScanWedge]:
    scan_wedge = ScanWedge(station.settings.scanner, clock=clock)
    yield scan_wedge
    scan_wedge.stop()


@pytest.fixture
def window(qtbot, station, runner, wedge) -> MainWindow:
    main = MainWindow(station, RECEIVER, runner, wedge)
    qtbot.add_widget(main)
    main.resize(1600, 1000)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    return main


def open_rmas(station: Station, *, lines: int | None = None, policy: str | None = None):
    """Open RMAs from the demo, chosen through the services as a clerk's paperwork would."""
    return [
        rma
        for rma in station.history.list_rmas("open")
        if (lines is None or len(rma.lines) == lines) and (policy is None or rma.policy == policy)
    ]


class Keyboard:
    """A clerk's hands: keys go to whatever has focus, as on the bench."""

    def __init__(self, qtbot, window: MainWindow, clock: FakeClock) -> None:
        self.qtbot = qtbot
        self.window = window
        self.clock = clock

    def focus(self):
        focused = QApplication.focusWidget()
        return focused if focused is not None else self.window.receiving.form.linesTable

    def press(self, key) -> None:
        """One key, pressed the way a person does (then the wedge's pause passes)."""
        self.clock.advance(0.5)
        self.qtbot.keyClick(self.focus(), key)
        self.clock.advance(0.5)
        self.qtbot.wait(INTERKEY_MS + 25)

    def type(self, text: str) -> None:
        for character in text:
            self.clock.advance(0.15)
            self.qtbot.keyClick(self.focus(), character)
        self.clock.advance(0.5)
        self.qtbot.wait(INTERKEY_MS + 25)

    def scan(self, text: str) -> None:
        """A keyboard-wedge scanner: the whole code within milliseconds, then Enter."""
        self.clock.advance(0.5)
        for character in text:
            self.clock.advance(0.004)
            self.qtbot.keyClick(self.focus(), character)
        self.qtbot.keyClick(self.focus(), "\r")


@pytest.fixture
def keyboard(qtbot, window, clock) -> Keyboard:
    return Keyboard(qtbot, window, clock)


def wait_until_idle(qtbot, runner: OperationRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


@pytest.fixture(autouse=True)
def finish_each_tests_qt_objects(qapp) -> Iterator[None]:
    """After each test, let Qt delete what the test closed and let Python collect what it dropped,
    while no worker thread is running. Left for later, that clean-up happens inside the next test,
    and a widget deleted there with an event still queued for it crashes the run (seen as a
    segfault in QFrame::event when the first-admin test followed the pages' tests)."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()
