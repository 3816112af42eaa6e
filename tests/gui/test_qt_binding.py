"""The Qt binding must not leak references to None, True or False: on Python 3.11 those objects are
not immortal, and PySide6 6.12.0, which drops one on each call, aborts a busy station.

A leak shows as a drift of about one per call, a thousand here. Anything else in the process (the
garbage collector, a Qt thread flipping a flag from False to True) may move a count by one or two
while the loop runs, so the test allows that much and no more."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

_UNRELATED_DRIFT = 5


class _Flag(QObject):
    changed = Signal(bool)


def test_qt_calls_and_signals_keep_none_true_and_false_alive(qtbot) -> None:
    label = QLabel()
    qtbot.add_widget(label)
    flag = _Flag()
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)

    for _ in range(1_000):
        label.setText("x")  # returns None
        flag.changed.emit(True)
        flag.changed.emit(False)

    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    drifts = [later - earlier for earlier, later in zip(before, after, strict=True)]
    assert all(abs(drift) <= _UNRELATED_DRIFT for drift in drifts), drifts
