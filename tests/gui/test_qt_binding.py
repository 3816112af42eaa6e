"""The Qt binding must not leak references to None, True or False: on Python 3.11 those objects are
not immortal, and PySide6 6.12.0, which drops one on each call, aborts a busy station."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


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
    assert [later - earlier for earlier, later in zip(before, after, strict=True)] == [0, 0, 0]
