"""The feedback line above the columns: a flash of colour, a symbol and words for every event (and
a second beep when something is wrong); after the flash the words stay in a quieter frame."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from receiving_app.gui.style import NEUTRAL, Tone, restyle, sized_font, tone_style

FLASH_MS = 900
ALARM_DELAY_MS = 180


class FeedbackLine(QObject):
    """Writes events into one label, fitted to its width."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self._label = label
        label.setFont(sized_font(label.font(), 16))
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(self._calm)
        self._tone = NEUTRAL
        self.words = label.text()
        """The whole words shown, whether or not they fit the screen."""

    def say(self, tone: Tone, text: str, *, alarm: bool = False, keep: bool = False) -> None:
        if alarm:
            QTimer.singleShot(ALARM_DELAY_MS, beep)
        self._tone = tone
        self.words = f"{tone.symbol} {text}"
        restyle(self._label, tone_style(tone) + " border: 3px solid #000000;")
        self.fit()
        self._flash.start(FLASH_MS * (3 if keep else 1))

    def fit(self) -> None:
        # On a narrow screen a long message ends in "…" rather than in the middle of a word; the
        # whole of it is in the tooltip, and read out to screen readers.
        label, words = self._label, self.words
        metrics = label.fontMetrics()
        room = label.contentsRect().width() - metrics.horizontalAdvance("x")  # a framed label indents by half an x
        label.setText(metrics.elidedText(words, Qt.TextElideMode.ElideRight, room))
        label.setToolTip(words)
        label.setAccessibleDescription(words)

    def _calm(self) -> None:
        restyle(
            self._label, f"color: #202124; border: 3px solid {self._tone.background}; border-radius: 6px; padding: 6px;"
        )


def beep() -> None:
    QApplication.beep()
