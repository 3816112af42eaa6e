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

# The focus ring: a blue no tone uses, at 5.5:1 against the window's grey, 2 px wide on every control
# the keyboard can reach, so a clerk driving the station by keys always sees where the next key goes.
FOCUS_COLOUR = "#0b57d0"
FOCUS_TINT = "#e8f0fe"
QUIET_FRAME = "#a0a4a9"
FRAMELESS = '[frameShape="NoFrame"]'


FOCUS_RING_STYLE = "\n".join(
    (
        # Once the ring is drawn a button loses its native bevel: the tint keeps it reading as a button.
        f"QPushButton:focus, QToolButton:focus {{ border: 2px solid {FOCUS_COLOUR}; border-radius: 4px;"
        f" background: {FOCUS_TINT}; }}",
        "QPushButton:focus:pressed, QToolButton:focus:pressed { background: #c2d7fa; }",
        f"QLineEdit:focus, QComboBox:focus, QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {FOCUS_COLOUR};"
        " border-radius: 3px; }",
        # A view's contents (a table's cells, a text) cover everything inside its frame, and Qt lays
        # them out for the unfocused frame: 1 px of line and 1 px of padding leave the room a 2 px ring
        # needs without moving them. A scroll area or chart drawn without a frame keeps 2 clear px for
        # it; a header, which never takes the focus, keeps none.
        f"QAbstractScrollArea {{ border: 1px solid {QUIET_FRAME}; padding: 1px; }}",
        f"QAbstractScrollArea:focus {{ border: 2px solid {FOCUS_COLOUR}; padding: 0px; }}",
        f"QAbstractScrollArea{FRAMELESS} {{ border: none; padding: 0px; }}",
        f"QScrollArea{FRAMELESS}, QGraphicsView{FRAMELESS} {{ border: 2px solid transparent; }}",
        f"QScrollArea{FRAMELESS}:focus, QGraphicsView{FRAMELESS}:focus {{ border-color: {FOCUS_COLOUR}; }}",
        # A border would make Qt draw a spin box's buttons without their arrows: it is tinted instead,
        # inside the style's own focus frame, and kept as tall as a line edit.
        "QAbstractSpinBox { min-height: 27px; }",
        f"QAbstractSpinBox:focus {{ background: {FOCUS_TINT}; }}",
        f"QTabBar::tab:selected:focus {{ border: 2px solid {FOCUS_COLOUR}; }}",
    )
)


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
    if app.styleSheet() != FOCUS_RING_STYLE:  # setting it again would polish every widget again
        app.setStyleSheet(FOCUS_RING_STYLE)


def sized_font(base: QFont, point_size: int, *, bold: bool = True) -> QFont:
    font = QFont(base)
    font.setPointSize(point_size)
    font.setBold(bold)
    return font
