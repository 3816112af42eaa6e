"""Locking an unattended station: no key or mouse for the configured minutes hides the window
behind the sign-in, so nobody can walk up and issue refunds under someone else's name. The sign-in
then says why it is back, so that the clerk does not take the lock for a crash."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatch(QObject):
    """Signals:
    idle(): nobody touched the keyboard or mouse for ``idle_ms``.
    """

    idle = Signal()

    def __init__(self, idle_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(idle_ms)
        self._timer.timeout.connect(self.idle)

    def start(self) -> None:
        QApplication.instance().installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._timer.start()
        return False


def lock_notice(minutes: int) -> str:
    """What the sign-in says after a lock, in the words of the clerk's own settings (minutes)."""
    return f"Locked after {minutes} minute{'' if minutes == 1 else 's'} without use — sign in again."
