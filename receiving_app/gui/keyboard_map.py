"""Every key the station window answers to, in one table: the window, its buttons, its navigation
list and the README all read it from here, so the keys shown can never drift from the keys that work.

A fact key (U S P D L B H F I V) says "yes" on its first press and toggles after that; every fact
starts "not checked" on each unit. N and O set every inspection fact at once, deliberately, for the
two commonest finds; they leave V alone, since whether an empty was ever refilled is a separate look
that the warehouse's routes ask for only on original empties.

The keys that move between pages, to the Notes field and open a container are Ctrl keys: they work
from inside any text field (a plain letter or digit there is typing), and no text field uses Ctrl
with a digit, N or O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QKeyCombination, Qt


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
    VIRGIN = "virgin"
    NEXT_REASON = "next_reason"
    TOGGLE_CHOICE = "toggle_choice"
    NOTES = "notes"
    CAPTURE_WEIGHT = "capture_weight"
    MANUAL_WEIGHT = "manual_weight"
    CLEAR_WEIGHT = "clear_weight"
    PREVIOUS_LINE = "previous_line"
    NEXT_LINE = "next_line"
    PREVIOUS_UNIT = "previous_unit"
    NEXT_UNIT = "next_unit"
    HOLD = "hold"
    NOT_RECEIVED = "not_received"
    PRINT_LABEL = "print_label"
    OPEN_CONTAINER = "open_container"
    OVERRIDE = "override"
    PHOTO = "photo"
    RELEASE_HOLD = "release_hold"
    LAST_MESSAGE = "last_message"
    SIGN_OUT = "sign_out"
    RECEIVING_PAGE = "receiving_page"
    HISTORY_PAGE = "history_page"
    CATALOG_PAGE = "catalog_page"
    POLICIES_PAGE = "policies_page"
    REPORTS_PAGE = "reports_page"
    SETTINGS_PAGE = "settings_page"
    UNIDENTIFIED = "unidentified"
    CHECK_IN_PAGE = "check_in_page"
    RMA_DESK_PAGE = "rma_desk_page"
    OUTBOX_PAGE = "outbox_page"


@dataclass(frozen=True, slots=True)
class KeyBinding:
    key: Qt.Key
    label: str  # as printed on the control and in the map
    command: Command
    description: str
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    page: str | None = None  # the title of the navigation page the key opens

    @property
    def combination(self) -> QKeyCombination:
        return QKeyCombination(self.modifiers, self.key)


CTRL = Qt.KeyboardModifier.ControlModifier

KEYBOARD_MAP: tuple[KeyBinding, ...] = (
    KeyBinding(Qt.Key.Key_F2, "F2", Command.SCAN_FIELD, "Type an RMA or SKU, then Enter"),
    KeyBinding(Qt.Key.Key_Return, "Enter", Command.ACCEPT, "Accept, print, go to the next unit"),
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
    KeyBinding(Qt.Key.Key_V, "V", Command.VIRGIN, "Virgin empty (never refilled)"),
    KeyBinding(Qt.Key.Key_R, "R", Command.NEXT_REASON, "Next return reason"),
    KeyBinding(Qt.Key.Key_C, "C", Command.TOGGLE_CHOICE, "Refund or replacement"),
    KeyBinding(Qt.Key.Key_N, "Ctrl+N", Command.NOTES, "Write in the unit's notes", CTRL),
    KeyBinding(Qt.Key.Key_F3, "F3", Command.HOLD, "Hold the line (with a note)"),
    KeyBinding(Qt.Key.Key_F4, "F4", Command.NOT_RECEIVED, "This unit did not arrive"),
    KeyBinding(Qt.Key.Key_F5, "F5", Command.PRINT_LABEL, "Print the RMA's label"),
    KeyBinding(Qt.Key.Key_O, "Ctrl+O", Command.OPEN_CONTAINER, "Open a container for the last unit", CTRL),
    KeyBinding(Qt.Key.Key_F6, "F6", Command.OVERRIDE, "Supervisor override"),
    KeyBinding(Qt.Key.Key_F7, "F7", Command.PHOTO, "Add a damage photo"),
    KeyBinding(Qt.Key.Key_F8, "F8", Command.RELEASE_HOLD, "Release a held line (supervisor)"),
    KeyBinding(Qt.Key.Key_F9, "F9", Command.LAST_MESSAGE, "Read the last message whole"),
    KeyBinding(Qt.Key.Key_F12, "F12", Command.UNIDENTIFIED, "Parcel or items without an RMA"),
    KeyBinding(Qt.Key.Key_F1, "F1", Command.KEYBOARD_MAP, "Show or hide this map"),
    KeyBinding(Qt.Key.Key_F10, "F10", Command.SIGN_OUT, "Sign out"),
    KeyBinding(Qt.Key.Key_1, "Ctrl+1", Command.RECEIVING_PAGE, "Back to Receiving", CTRL, "Receiving"),
    KeyBinding(Qt.Key.Key_2, "Ctrl+2", Command.HISTORY_PAGE, "History: find an RMA", CTRL, "History"),
    KeyBinding(Qt.Key.Key_3, "Ctrl+3", Command.CATALOG_PAGE, "Catalog", CTRL, "Catalog"),
    KeyBinding(Qt.Key.Key_4, "Ctrl+4", Command.POLICIES_PAGE, "Seller policies", CTRL, "Policies"),
    KeyBinding(Qt.Key.Key_5, "Ctrl+5", Command.REPORTS_PAGE, "Reports", CTRL, "Reports"),
    KeyBinding(Qt.Key.Key_6, "Ctrl+6", Command.SETTINGS_PAGE, "Station settings", CTRL, "Settings"),
    KeyBinding(Qt.Key.Key_7, "Ctrl+7", Command.CHECK_IN_PAGE, "Check-in: parcels at the dock", CTRL, "Check-in"),
    KeyBinding(Qt.Key.Key_8, "Ctrl+8", Command.RMA_DESK_PAGE, "RMA desk: authorize returns", CTRL, "RMA desk"),
    KeyBinding(Qt.Key.Key_9, "Ctrl+9", Command.OUTBOX_PAGE, "Outbox: e-mails and webhooks", CTRL, "Outbox"),
)

# The keypad's Enter is the same key to a clerk as the main one.
KEY_ALIASES = {Qt.Key.Key_Enter: Qt.Key.Key_Return}


def binding_for(command: Command) -> KeyBinding:
    return next(binding for binding in KEYBOARD_MAP if binding.command is command)


def key_label(command: Command) -> str:
    return binding_for(command).label


def command_for_key(key: int) -> Command | None:
    """The command of a key pressed alone (the Ctrl keys are the window's shortcuts)."""
    key = KEY_ALIASES.get(key, key)
    return next(
        (
            binding.command
            for binding in KEYBOARD_MAP
            if binding.key == key and binding.modifiers == Qt.KeyboardModifier.NoModifier
        ),
        None,
    )


def page_binding(title: str) -> KeyBinding | None:
    """The key that opens the navigation page of this title, if it has one."""
    return next((binding for binding in KEYBOARD_MAP if binding.page == title), None)


def keyboard_map_markdown() -> str:
    """The map as a Markdown table, for the README."""
    rows = ["| key | what it does |", "| --- | --- |"]
    rows += [f"| {binding.label} | {binding.description} |" for binding in KEYBOARD_MAP]
    return "\n".join(rows)
