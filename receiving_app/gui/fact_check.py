"""One fact of the inspection as a check box with three states: not checked, yes and no.

A fact starts "not checked" (a dash in the box and after its name) and is never shown as a tick
nobody set. Its key, a click or the space bar says "yes" the first time and toggles between yes
and no after that; only starting the next unit makes it "not checked" again. The panel names the
facts not checked in words beside the boxes (the full words would not fit each box on a laptop).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from receiving_app.domain.facts import fact_words

_STATES = {None: Qt.CheckState.PartiallyChecked, True: Qt.CheckState.Checked, False: Qt.CheckState.Unchecked}


class FactCheck(QCheckBox):
    """A check box whose value is True, False or None (not checked), shown in words as well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTristate(True)
        self._caption = ""
        self.read_only = False
        """A recorded fact: shown, not changed by a click or the space bar."""
        self.setCheckState(Qt.CheckState.PartiallyChecked)
        self.checkStateChanged.connect(self.refresh_words)

    @property
    def value(self) -> bool | None:
        state = self.checkState()
        return None if state == Qt.CheckState.PartiallyChecked else state == Qt.CheckState.Checked

    def set_value(self, value: bool | None) -> None:
        self.setCheckState(_STATES[value])

    def set_caption(self, caption: str) -> None:
        """What the fact is called, with its key ("[S]  Sealed"); the state's words follow it."""
        self._caption = caption
        self.refresh_words()

    def press(self) -> None:
        """Yes the first time, then the opposite of what it says."""
        self.set_value(True if self.value is None else not self.value)

    def nextCheckState(self) -> None:  # a click or the space bar: the same as the fact's key
        if not self.read_only:
            self.press()

    def refresh_words(self) -> None:
        """Say the state in words (called by the box itself, and by whoever set it with its signals blocked)."""
        words = fact_words(self.value)
        mark = "—" if self.value is None else words
        self.setText(f"{self._caption}: {mark}" if self._caption else mark)
        self.setAccessibleDescription(words)
