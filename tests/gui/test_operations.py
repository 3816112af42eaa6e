"""Background operations: results and readable errors come back by signal on the UI thread, a
busy signal brackets the work, and work under a key that is still running is refused."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QThread
from PySide6.QtWidgets import QApplication, QWidget

from receiving_app.domain.errors import InputError
from receiving_app.gui.main_window import MainWindow
from receiving_app.gui.operations import OperationRunner
from tests.support.demo_users import RECEIVER


def test_the_result_comes_back_on_the_ui_thread(qtbot, runner: OperationRunner) -> None:
    worker_threads = []

    def work() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    received_on = []
    operation = runner.start(work, on_success=lambda result: received_on.append(QThread.currentThread()))
    with qtbot.waitSignal(operation.succeeded) as succeeded:
        pass
    assert succeeded.args == [42]
    assert worker_threads[0] is not threading.main_thread()
    assert received_on == [QThread.currentThread()]


def test_a_refusal_comes_back_as_its_own_words(qtbot, runner) -> None:
    def refuse() -> None:
        raise InputError("weight: not a weight")

    operation = runner.start(refuse)
    with qtbot.waitSignal(operation.failed) as failed:
        pass
    assert failed.args == ["weight: not a weight"]


def test_a_bug_comes_back_as_a_plain_message_not_a_traceback(qtbot, runner, caplog) -> None:
    operation = runner.start(lambda: {}["missing"])
    with qtbot.waitSignal(operation.failed) as failed:
        pass
    assert failed.args[0].startswith("Something went wrong (KeyError")
    assert "Traceback" not in failed.args[0]
    assert "background operation failed" in caplog.text


def test_work_under_a_running_key_is_refused_and_the_running_count_brackets_the_work(qtbot, runner) -> None:
    release = threading.Event()
    counts, busy = [], []
    runner.running_changed.connect(counts.append)
    runner.busy_changed.connect(lambda: busy.append(runner.busy))
    first = runner.start(lambda: release.wait(5), key="receive:RA1:1")
    assert runner.start(lambda: None, key="receive:RA1:1") is None
    assert runner.start(lambda: None, key="receive:RA1:2") is not None
    release.set()
    with qtbot.waitSignal(first.finished):
        pass
    qtbot.waitUntil(lambda: not runner.busy)
    assert counts[:2] == [1, 2] and counts[-1] == 0
    assert busy == [True, False]
    assert runner.start(lambda: None, key="receive:RA1:1") is not None


def test_a_bool_result_arrives_as_its_int(qtbot, runner) -> None:
    operation = runner.start(lambda: True)
    with qtbot.waitSignal(operation.succeeded) as succeeded:
        pass
    assert succeeded.args == [1]


def test_work_whose_window_was_deleted_finishes_without_calling_back_into_it(qtbot, runner) -> None:
    release = threading.Event()
    window = QWidget()
    answered = []
    operation = runner.start(lambda: release.wait(5), owner=window, on_success=answered.append)
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    with qtbot.waitSignal(operation.finished):
        pass
    assert answered == []
    qtbot.waitUntil(lambda: not runner.busy)


def test_a_closed_station_window_no_longer_follows_the_shared_runner(qtbot, runner, station, wedge) -> None:
    window = MainWindow(station, RECEIVER, runner, wedge)
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release = threading.Event()
    operation = runner.start(lambda: release.wait(5))  # would reach the dead busy indicator
    release.set()
    with qtbot.waitSignal(operation.finished):
        pass
    qtbot.waitUntil(lambda: not runner.busy)
