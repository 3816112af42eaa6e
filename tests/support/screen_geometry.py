"""The two bench screens and where a widget stands on a window, for tests that check what a clerk sees."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QWidget

LAPTOP = QSize(1366, 768)
DESKTOP = QSize(1920, 1080)


def on_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def shown_part(widget: QWidget, window: QWidget) -> QRect:
    """The part of the widget its parents leave in sight (a scroll area shows only its viewport), in
    the window's coordinates."""
    shown = on_window(widget, window).intersected(window.rect())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown = shown.intersected(on_window(parent, window))
        parent = parent.parentWidget()
    return shown
