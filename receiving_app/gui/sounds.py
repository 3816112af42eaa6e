"""What a scan's answer sounds like at the dock, where the clerk's eyes are on the parcels, not on the
screen: one beep for a parcel checked in, two for one to look at (checked in before, a label that
names no RMA, a scan not understood). One small object, so that a test can listen in."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from receiving_app.gui.feedback_line import ALARM_DELAY_MS, beep


class ScanSounds(QObject):
    """The station's speaker for scan answers."""

    def checked_in(self) -> None:
        beep()

    def look_again(self) -> None:
        """Two beeps, as the bench sounds a refusal: the second one after the bench's alarm delay."""
        beep()
        QTimer.singleShot(ALARM_DELAY_MS, self, beep)
