"""Fixtures for the station window's tests: a real demo database per test, printers that file PDFs
into the test's folder, a clock the tests move by hand, and the window signed in as a receiver."""

from __future__ import annotations

import gc
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
from receiving_app.services.station import Station
from tests.support.demo_users import RECEIVER
from tests.support.gui_keyboard import Keyboard
from tests.support.gui_station import DATABASE_NAME, FakeClock, write_settings

DEMO_RMAS = 40
DEMO_SEED = 7


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


@pytest.fixture
def keyboard(qtbot, window, clock) -> Keyboard:
    return Keyboard(qtbot, window, clock)


@pytest.fixture(autouse=True)
def finish_each_tests_qt_objects(qapp) -> Iterator[None]:
    """After each test, let Qt delete what the test closed and let Python collect what it dropped,
    while no worker thread is running. Left for later, that clean-up happens inside the next test,
    and a widget deleted there with an event still queued for it crashes the run (seen as a
    segfault in QFrame::event when the first-admin test followed the pages' tests).

    What survives the collection (modules, the fonts, the session's fixtures) is then frozen out of
    the collector's sight: a full collection walked every object of the process, a fifth of a second
    after each test, and the next one need only walk what the next test made."""
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()
    gc.freeze()
