"""How the station looks: type large enough to read at arm's length, and states that never rely on
colour alone (each has a word and a symbol too, for colour-blind clerks and glare on the screen)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

BASE_POINT_SIZE = 14
OUTCOME_POINT_SIZE = 32
READING_POINT_SIZE = 28


@dataclass(frozen=True, slots=True)
class Tone:
    """A state as the clerk sees it: symbol, background and text colour."""

    symbol: str
    background: str
    foreground: str


GOOD = Tone("✔", "#1b7f3b", "#ffffff")
REPLACE = Tone("⇄", "#1f5fa8", "#ffffff")
BAD = Tone("✖", "#b3261e", "#ffffff")
WAIT = Tone("…", "#5f6368", "#ffffff")
MOVING = Tone("≈", "#b26a00", "#ffffff")
NEUTRAL = Tone("•", "#eceff1", "#202124")

OUTCOME_TONES = {"refund": GOOD, "replacement": REPLACE, "denied": BAD}


def tone_style(tone: Tone) -> str:
    return f"background-color: {tone.background}; color: {tone.foreground}; border-radius: 6px; padding: 6px;"


def restyle(widget: QWidget, style_sheet: str) -> None:
    """Sets a widget's style sheet only when it differs: each set re-polishes the widget, and the scale's
    readings and every scan would otherwise pay for that several times a second to show the same colours."""
    if widget.styleSheet() != style_sheet:
        widget.setStyleSheet(style_sheet)


def apply_station_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)


def sized_font(base: QFont, point_size: int, *, bold: bool = True) -> QFont:
    font = QFont(base)
    font.setPointSize(point_size)
    font.setBold(bold)
    return font
