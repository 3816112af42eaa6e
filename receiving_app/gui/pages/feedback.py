"""One way for every page to tell the clerk how something went: a symbol and words, with a colour
that only repeats them (colour never carries the meaning alone)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from receiving_app.gui.style import BAD, GOOD, WAIT, Tone, tone_style


def show_message(label: QLabel, text: str, tone: Tone) -> None:
    label.setText(f"{tone.symbol} {text}")
    label.setStyleSheet(tone_style(tone))
    label.setVisible(True)


def show_problem(label: QLabel, text: str) -> None:
    show_message(label, text, BAD)


def show_success(label: QLabel, text: str) -> None:
    show_message(label, text, GOOD)


def show_progress(label: QLabel, text: str) -> None:
    show_message(label, text, WAIT)


def clear_message(label: QLabel) -> None:
    label.clear()
    label.setStyleSheet("")
    label.setVisible(False)
