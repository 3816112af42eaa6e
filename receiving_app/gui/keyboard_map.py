"""Every key the receiving screen answers to, in one table: the window, its buttons and the README
all read it from here, so the keys shown can never drift from the keys that work.

A fact key (U S P D L B H F I) says "yes" on its first press and toggles after that; every fact
starts "not checked" on each unit. N and O set every fact at once, deliberately, for the two
commonest finds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt


class Command(str, Enum):
    KEYBOARD_MAP = "keyboard_map"
    SCAN_FIELD = "scan_field"
    ACCEPT = "accept"
    AS_SOLD = "as_sold"
    OPENED_AS_SOLD = "opened_as_sold"
    UNOPENED = "unopened"
    SEALED = "sealed"
    ORIGINAL_PACKAGING = "original_packaging"
    BOX_DAMAGE = "box_damage"
    LABELS_INTACT = "labels_intact"
    SOLD_BY_SELLER = "sold_by_seller"
    HP_PLUS_REJECTED = "hp_plus_rejected"
    FIRMWARE_BLOCKED = "firmware_blocked"
    IMPROPER_USE = "improper_use"
    NEXT_REASON = "next_reason"
    TOGGLE_CHOICE = "toggle_choice"
    CAPTURE_WEIGHT = "capture_weight"
    MANUAL_WEIGHT = "manual_weight"
    CLEAR_WEIGHT = "clear_weight"
    PREVIOUS_LINE = "previous_line"
    NEXT_LINE = "next_line"
    PREVIOUS_UNIT = "previous_unit"
    NEXT_UNIT = "next_unit"
    HOLD = "hold"
    NOT_RECEIVED = "not_received"
    OVERRIDE = "override"
    PHOTO = "photo"
    RELEASE_HOLD = "release_hold"
    SIGN_OUT = "sign_out"


@dataclass(frozen=True, slots=True)
class KeyBinding:
    key: Qt.Key
    label: str  # as printed on the control and in the map
    command: Command
    description: str


KEYBOARD_MAP: tuple[KeyBinding, ...] = (
    KeyBinding(Qt.Key.Key_F2, "F2", Command.SCAN_FIELD, "Type an RMA or SKU, then Enter"),
    KeyBinding(Qt.Key.Key_Return, "Enter", Command.ACCEPT, "Accept the unit, print, go to the next"),
    KeyBinding(Qt.Key.Key_Up, "↑", Command.PREVIOUS_LINE, "Previous line"),
    KeyBinding(Qt.Key.Key_Down, "↓", Command.NEXT_LINE, "Next line"),
    KeyBinding(Qt.Key.Key_Left, "←", Command.PREVIOUS_UNIT, "Previous unit of the line"),
    KeyBinding(Qt.Key.Key_Right, "→", Command.NEXT_UNIT, "Next unit of the line"),
    KeyBinding(Qt.Key.Key_W, "W", Command.CAPTURE_WEIGHT, "Capture the stable weight"),
    KeyBinding(Qt.Key.Key_M, "M", Command.MANUAL_WEIGHT, "Type the weight by hand"),
    KeyBinding(Qt.Key.Key_X, "X", Command.CLEAR_WEIGHT, "Clear the weight, weigh again"),
    KeyBinding(Qt.Key.Key_N, "N", Command.AS_SOLD, "New and sealed, as sold"),
    KeyBinding(Qt.Key.Key_O, "O", Command.OPENED_AS_SOLD, "Opened, otherwise as sold"),
    KeyBinding(Qt.Key.Key_U, "U", Command.UNOPENED, "Unopened"),
    KeyBinding(Qt.Key.Key_S, "S", Command.SEALED, "Sealed"),
    KeyBinding(Qt.Key.Key_P, "P", Command.ORIGINAL_PACKAGING, "Original packaging"),
    KeyBinding(Qt.Key.Key_D, "D", Command.BOX_DAMAGE, "Box damaged or marked"),
    KeyBinding(Qt.Key.Key_L, "L", Command.LABELS_INTACT, "Labels intact"),
    KeyBinding(Qt.Key.Key_B, "B", Command.SOLD_BY_SELLER, "Bought from this seller"),
    KeyBinding(Qt.Key.Key_H, "H", Command.HP_PLUS_REJECTED, "HP+ printer rejected it"),
    KeyBinding(Qt.Key.Key_F, "F", Command.FIRMWARE_BLOCKED, "Firmware blocked it"),
    KeyBinding(Qt.Key.Key_I, "I", Command.IMPROPER_USE, "Improper use"),
    KeyBinding(Qt.Key.Key_R, "R", Command.NEXT_REASON, "Next return reason"),
    KeyBinding(Qt.Key.Key_C, "C", Command.TOGGLE_CHOICE, "Refund or replacement"),
    KeyBinding(Qt.Key.Key_F3, "F3", Command.HOLD, "Hold the line (with a note)"),
    KeyBinding(Qt.Key.Key_F4, "F4", Command.NOT_RECEIVED, "This unit did not arrive"),
    KeyBinding(Qt.Key.Key_F6, "F6", Command.OVERRIDE, "Supervisor override"),
    KeyBinding(Qt.Key.Key_F7, "F7", Command.PHOTO, "Add a damage photo"),
    KeyBinding(Qt.Key.Key_F8, "F8", Command.RELEASE_HOLD, "Release a held line (supervisor)"),
    KeyBinding(Qt.Key.Key_F1, "F1", Command.KEYBOARD_MAP, "Show or hide this map"),
    KeyBinding(Qt.Key.Key_F10, "F10", Command.SIGN_OUT, "Sign out"),
)

# The keypad's Enter is the same key to a clerk as the main one.
KEY_ALIASES = {Qt.Key.Key_Enter: Qt.Key.Key_Return}


def binding_for(command: Command) -> KeyBinding:
    return next(binding for binding in KEYBOARD_MAP if binding.command is command)


def key_label(command: Command) -> str:
    return binding_for(command).label


def command_for_key(key: int) -> Command | None:
    key = KEY_ALIASES.get(key, key)
    return next((binding.command for binding in KEYBOARD_MAP if binding.key == key), None)


def keyboard_map_markdown() -> str:
    """The map as a Markdown table, for the README."""
    rows = ["| key | what it does |", "| --- | --- |"]
    rows += [f"| {binding.label} | {binding.description} |" for binding in KEYBOARD_MAP]
    return "\n".join(rows)
