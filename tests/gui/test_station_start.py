"""What the station does to start and to show a scan quickly: the ready probe the cold-start
benchmark reads, the back office built when first shown, a current database checked without
Alembic, work nobody is looking at yet (the opening's audit event, the decision preview) held back
until the screen has painted, and no busy indicator flashing for work that ends at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

from benchmarks.ready_probe import PASSWORD_VARIABLE, READY_PROBE_VARIABLE
from receiving_app.bootstrap import bootstrap
from receiving_app.gui.app import OPENING_AT_THE_LATEST_MS, StationSession
from receiving_app.gui.main_window import BUSY_INDICATOR_DELAY_MS
from receiving_app.gui.pages.history import HistoryPage
from receiving_app.persistence.schema import declared_head, head_revision
from tests.support.demo_rmas import open_rmas
from tests.support.gui_keyboard import wait_until_idle
from tests.support.gui_station import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[2]


def station_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        environment[name] = str(tmp_path / name.lower())
    return environment


def printed_by(program: str, tmp_path: Path) -> list[str]:
    """The lines a station program run in a fresh interpreter printed; it must have ended well."""
    completed = subprocess.run(
        [sys.executable, "-c", program],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=station_environment(tmp_path),
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout.strip().splitlines()


def test_the_ready_probe_signs_in_through_the_dialog_reports_and_quits(tmp_path, demo_database) -> None:
    database = tmp_path / "probe" / DATABASE_NAME
    database.parent.mkdir()
    shutil.copy(demo_database, database)
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.ready_probe", "gui", "--db", f"sqlite:///{database}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=station_environment(tmp_path, **{READY_PROBE_VARIABLE: "receiver", PASSWORD_VARIABLE: "1111"}),
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    said = [line.split() for line in completed.stdout.splitlines()]
    assert [words[0] for words in said] == ["sign-in", "submitted", "ready"]
    assert float(said[1][1]) >= 0  # how late the probe pressed Enter, which the figure counts as waited
    probed = bootstrap(f"sqlite:///{database}", settings_path=tmp_path / "settings.json")
    try:
        with probed.units.read() as uow:
            signed_in = [
                (event.event_type, event.user) for event in uow.records.audit_chain() if event.event_type == "signed_in"
            ]
    finally:
        probed.close()
    assert signed_in == [("signed_in", "receiver")]


def test_the_sign_in_shows_before_the_database_layer_documents_or_qt_namespace_load() -> None:
    # What the station imports to put its sign-in on screen; the rest loads while the clerk types.
    program = (
        "import sys\n"
        "import receiving_app.cli, receiving_app.bootstrap, receiving_app.gui.app\n"
        "import PySide6.QtCore\n"
        "loaded = {name.split('.')[0] for name in sys.modules}\n"
        "print(sorted(loaded & {'sqlalchemy', 'reportlab', 'PIL', 'barcode', 'argon2', 'serial', 'alembic'}))\n"
        "print('Qt' in vars(PySide6.QtCore))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert completed.stdout.split("\n")[:2] == ["[]", "False"]


def test_a_wrong_password_leaves_the_probe_at_the_sign_in(tmp_path, demo_database) -> None:
    database = tmp_path / DATABASE_NAME
    shutil.copy(demo_database, database)
    process = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.ready_probe", "gui", "--db", f"sqlite:///{database}"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=station_environment(tmp_path, **{READY_PROBE_VARIABLE: "receiver", PASSWORD_VARIABLE: "not-the-pin"}),
    )
    try:
        assert process.stdout.readline().strip() == "sign-in"
        timer = threading.Timer(5, process.kill)
        timer.start()
        rest = process.stdout.read()
        timer.cancel()
    finally:
        process.kill()
        process.wait()
    assert "ready" not in rest


def test_the_station_opens_once_the_sign_in_has_been_painted(qtbot, station) -> None:
    order: list[str] = []
    session = StationSession(station.settings, lambda: order.append("opening") or station)
    qtbot.add_widget(session.sign_in)
    paints = _PaintLog(order)
    session.sign_in.installEventFilter(paints)
    try:
        session.start()
        qtbot.waitUntil(lambda: session.station is not None, timeout=10_000)
        assert order == ["painted", "opening"]
    finally:
        session.shut_down()


def test_a_sign_in_that_is_never_painted_still_opens_the_station(qtbot, station) -> None:
    opened = threading.Event()
    session = StationSession(station.settings, lambda: opened.set() or station)
    qtbot.add_widget(session.sign_in)
    try:
        session.start()
        unpainted = _NoPaint()
        session.sign_in.installEventFilter(unpainted)  # handed the paint before the session (as if minimised)
        qtbot.waitUntil(lambda: session.station is not None, timeout=OPENING_AT_THE_LATEST_MS * 10)
        assert unpainted.paints_held_back > 0 and opened.is_set()
    finally:
        # The dialog is painted at last, while the test still holds the session: the session's wait for
        # that paint ends now, not in the teardown after the session's last reference has gone.
        session.sign_in.removeEventFilter(unpainted)
        session.sign_in.repaint()
        qtbot.wait(50)
        session.shut_down()


def test_signing_in_leaves_pyside_no_classes_to_make(tmp_path, demo_database) -> None:
    # The scanner's filter is handed Qt's own windows from the sign-in on; the first such object
    # makes PySide build every class it has held back, which must happen while the clerk types.
    database = tmp_path / DATABASE_NAME
    shutil.copy(demo_database, database)
    program = f"""
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtWidgets import QApplication
from receiving_app.bootstrap import bootstrap
from receiving_app.gui.app import StationSession

app = QApplication([])
station = bootstrap({f"sqlite:///{database}"!r})
session = StationSession(station.settings, lambda: station)
session.start()
while session.station is None:
    app.processEvents()
for _ in range(50):  # the next clerk's window is built just after the station opens
    app.processEvents()
made = lambda: {{name for module in (QtCore, QtGui, QtWidgets) for name in vars(module)}}
before = made()
session.sign_in.ui.nameEdit.setText("receiver")
session.sign_in.ui.secretEdit.setText("1111")
session.sign_in.sign_in()
while session.window is None or not session.window.isVisible():
    app.processEvents()
for _ in range(50):
    app.processEvents()
print(sorted(made() - before))
session.window.close()
session.shut_down()
station.close()
"""
    assert printed_by(program, tmp_path)[-1] == "[]"


def test_the_window_is_ready_before_reportlab_and_the_back_office_load_and_they_load_behind_it(
    tmp_path, demo_database
) -> None:
    # On a computer whose imports are slow, a quick clerk's Enter waited for reportlab and every page's
    # module: the window needs neither to take a scan, so they load behind it.
    database = tmp_path / DATABASE_NAME
    shutil.copy(demo_database, database)
    program = f"""
import sys
from PySide6.QtWidgets import QApplication
from receiving_app.bootstrap import bootstrap, warm_station
from receiving_app.gui.app import StationSession

def loaded():
    heavy = ("reportlab", "receiving_app.documents.render", "receiving_app.gui.pages.history")
    return [name for name in heavy if name in sys.modules]

app = QApplication([])
station = bootstrap({f"sqlite:///{database}"!r})
warmed = []

def warm(opened):
    warmed.append(opened)
    warm_station(opened)

session = StationSession(station.settings, lambda: station, warm_station=warm)
session.start()
while session.station is None:
    app.processEvents()
for _ in range(50):  # the next clerk's window is built just after the station opens
    app.processEvents()
print("before the sign-in", loaded(), len(warmed))
session.sign_in.ui.nameEdit.setText("receiver")
session.sign_in.ui.secretEdit.setText("1111")
session.sign_in.sign_in()
while session.window is None or not session.window.isVisible():
    app.processEvents()
print("window shown", len(warmed))
while session.runner.busy or not warmed:
    app.processEvents()
print("behind the window", loaded(), warmed == [station])
session.window.close()
session.shut_down()
station.close()
"""
    assert printed_by(program, tmp_path)[-3:] == [
        "before the sign-in [] 0",
        "window shown 0",
        "behind the window ['reportlab', 'receiving_app.documents.render'] True",
    ]


def test_the_back_office_pages_are_listed_at_once_and_built_when_first_shown(qtbot, station) -> None:
    session = StationSession(station.settings, lambda: station)
    qtbot.add_widget(session.sign_in)
    session.start()
    try:
        qtbot.waitUntil(session.sign_in.isVisible, timeout=5_000)
        qtbot.keyClicks(session.sign_in.ui.nameEdit, "receiver")
        qtbot.keyClicks(session.sign_in.ui.secretEdit, "1111")
        with qtbot.waitSignal(session.sign_in.signed_in, timeout=10_000):
            qtbot.keyClick(session.sign_in.ui.secretEdit, Qt.Key.Key_Return)
        window = session.window
        pages = window.ui.navigationList
        assert [pages.item(row).text() for row in range(pages.count())][:2] == ["Receiving", "History"]
        assert window.findChild(HistoryPage) is None

        pages.setCurrentRow(1)
        history = window.ui.pageStack.currentWidget()
        assert isinstance(history, HistoryPage) and history.isVisible()
        assert window.ui.pageStack.count() == pages.count()
        pages.setCurrentRow(0)
        pages.setCurrentRow(1)
        assert window.ui.pageStack.currentWidget() is history  # built once
        qtbot.waitUntil(lambda: not session.runner.busy, timeout=10_000)
    finally:
        if session.window is not None:
            session.window.close()
        session.shut_down()


def test_the_migration_files_name_the_newest_revision_as_alembic_does() -> None:
    assert declared_head() == head_revision()


def test_a_station_on_a_current_database_starts_without_loading_alembic(tmp_path, demo_database) -> None:
    database = tmp_path / DATABASE_NAME
    shutil.copy(demo_database, database)
    program = (
        "import sys\n"
        "from pathlib import Path\n"
        "from receiving_app.bootstrap import bootstrap\n"
        f"bootstrap({f'sqlite:///{database}'!r}, settings_path=Path({str(tmp_path / 'settings.json')!r})).close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert completed.stdout.strip() == "[]"


class _PaintLog(QObject):
    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and "painted" not in self.order:
            self.order.append("painted")
        return False


class _NoPaint(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints_held_back = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints_held_back += 1
            return True
        return False


def test_work_held_for_the_paint_counts_as_running_at_once_and_starts_after_the_paint(qtbot, runner) -> None:
    widget = QWidget()
    qtbot.add_widget(widget)
    order: list[str] = []
    paints = _PaintLog(order)
    widget.installEventFilter(paints)
    widget.show()
    qtbot.waitUntil(lambda: order == ["painted"])  # its first frame
    order.clear()
    widget.update()
    operation = runner.start(lambda: order.append("worked"), after_paint=True)
    assert runner.busy and order == []
    with qtbot.waitSignal(operation.finished, timeout=5_000):
        pass
    assert order == ["painted", "worked"]


def test_the_busy_indicator_shows_only_for_work_that_takes_a_while(qtbot, window, runner) -> None:
    indicator = window.busy_indicator
    quick = runner.start(lambda: None)
    assert not indicator.isVisible()
    with qtbot.waitSignal(quick.finished, timeout=5_000):
        pass

    release = threading.Event()
    slow = runner.start(lambda: release.wait(10))
    assert not indicator.isVisible()
    qtbot.waitUntil(indicator.isVisible, timeout=BUSY_INDICATOR_DELAY_MS * 5)
    release.set()
    with qtbot.waitSignal(slow.finished, timeout=5_000):
        pass
    assert not indicator.isVisible()


def test_a_scanned_rma_is_shown_then_its_opening_is_recorded(qtbot, window, keyboard, station, runner) -> None:
    rma = open_rmas(station, lines=2)[0]
    with qtbot.waitSignal(window.receiving.rma_shown) as shown:
        keyboard.scan(rma.number.lower())
    assert shown.args[0].number == rma.number and window.receiving.lines.rowCount() == 2
    wait_until_idle(qtbot, runner)
    opened = [event for event in station.history.show_rma(rma.number).events if event.type == "rma_opened"]
    assert [(event.user, event.station) for event in opened] == [("receiver", station.settings.station_id)]
    assert window.receiving.decision_panel.outcome not in ("", "problem")  # the line's preview, a frame later
