"""The feedback line above the columns: a flash of color, a symbol and words for every event (and
a second beep when something is wrong); after the flash the words stay in a quieter frame."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.style import BASE_POINT_SIZE, NEUTRAL, Tone, restyle, sized_font, tone_style

FLASH_MS = 900
ALARM_DELAY_MS = 180
BORDER_PX = 3
PADDING_PX = 6  # as tone_style pads every state
POINT_SIZES = (16, 15, BASE_POINT_SIZE)
"""The line's type, largest first: a long message steps down to the window's own size before it is cut."""


class FeedbackLine(QObject):
    """Writes events into one label, fitted to its width; ``show_whole`` opens the last one whole."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self._label = label
        self._fonts = [sized_font(label.font(), size) for size in POINT_SIZES]
        label.setFont(self._fonts[0])
        # As high as its largest type in its frame from the start: neither the first message nor a long one
        # set smaller moves the columns under it.
        label.setMinimumHeight(QFontMetrics(self._fonts[0]).height() + 2 * (BORDER_PX + PADDING_PX))
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
        restyle(self._label, tone_style(tone) + f" border: {BORDER_PX}px solid #000000;")
        self.fit()
        self._flash.start(FLASH_MS * (3 if keep else 1))

    def fit(self) -> None:
        # A long message is set a little smaller first; on a narrow screen it then ends in "…" rather
        # than in the middle of a word, followed by the key that shows the whole of it. It is whole in
        # the tooltip too, and read out whole to screen readers.
        label, words = self._label, self.words
        room = label.contentsRect().width()
        font = next((font for font in self._fonts if _width(font, words) <= room), self._fonts[-1])
        if font != label.font():
            label.setFont(font)
        if _width(font, words) > room:
            key = f" [{key_label(Command.LAST_MESSAGE)}]"
            words = label.fontMetrics().elidedText(words, Qt.TextElideMode.ElideRight, room - _width(font, key)) + key
        label.setText(words)
        label.setToolTip(self.words)
        label.setAccessibleDescription(self.words)

    def show_whole(self) -> None:
        """The last message in a dialog of its own, wrapped to its width: what the line had no room for."""
        dialog = QMessageBox(
            QMessageBox.Icon.NoIcon,
            "Last message",
            self.words or "No message yet.",
            QMessageBox.StandardButton.Close,
            self._label.window(),
        )
        dialog.setObjectName("lastMessageDialog")
        dialog.setTextFormat(Qt.TextFormat.PlainText)  # a scanned code is never read as markup
        dialog.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _calm(self) -> None:
        restyle(
            self._label,
            f"color: #202124; border: {BORDER_PX}px solid {self._tone.background}; border-radius: 6px;"
            f" padding: {PADDING_PX}px;",
        )


def beep() -> None:
    QApplication.beep()


def _width(font: QFont, words: str) -> int:
    """The room ``words`` take in a framed label set in ``font``: a frame indents its text by half an x each side."""
    metrics = QFontMetrics(font)
    return metrics.horizontalAdvance(words) + metrics.horizontalAdvance("x")
