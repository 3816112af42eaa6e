"""Keyboard-wedge scanners: telling a scanner's burst of keys from a person typing.

A wedge scanner is a keyboard that types a whole barcode in a few milliseconds and usually ends
it with Enter or Tab. People type tens of milliseconds apart. The wedge filters every key the
station window receives, wherever focus is:

- A printable key is held back for one inter-key interval instead of being delivered at once.
  If the next key comes sooner, the keys are a burst; a burst of at least ``MIN_SCAN_LENGTH``
  characters ended by Enter, Tab, the configured suffix or silence is a scan and never reaches
  the focused widget. Holding (rather than delivering and taking back) is what keeps the first
  character of a scan from typing into a field or triggering a single-key command.
- Keys that turn out to be typing are delivered to the widget they were meant for, in order,
  or given to the window's single-key commands when that widget is not a text field.
- A configured prefix makes everything up to the suffix (or Enter/Tab) a scan, however slow.
- In a text field that wants typing (a search box, notes, a setting) speed proves nothing, since
  a quick typist is as fast as a scanner: there only a complete scan, one ending in the scanner's
  configured suffix, is a scan, and without a suffix configured every key is typing. The bench's
  scan box is marked with ``take_scans_in``: there a burst is a scan as over a table or a button.
  A search box with a ``ScanLookUp`` keeps its complete scans to look them up itself.

The clock is injectable so that tests can type "slowly" without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import getCppPointer, isValid

from receiving_app.domain.scan import ScanError, parse_scan

MIN_SCAN_LENGTH = 4
DEFAULT_MAX_INTERKEY_MS = 35
TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
MODIFIER_KEYS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
)
COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
TEXT_ENTRY_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
TAKES_SCANS_PROPERTY = "takesScans"

KeyRoute = Callable[[QWidget, int, str], bool]


@dataclass(frozen=True, slots=True)
class _HeldKey:
    key: int
    modifiers: Qt.KeyboardModifier
    text: str
    receiver: QWidget
    at: float


def is_text_entry(widget: QObject | None) -> bool:
    """Widgets where a letter is text, not a command."""
    return isinstance(widget, TEXT_ENTRY_WIDGETS)


def take_scans_in(field: QWidget) -> None:
    """Make a text field one that a scanner types into: there a scanner-fast burst is a scan."""
    field.setProperty(TAKES_SCANS_PROPERTY, True)


def wants_typing(widget: QObject | None) -> bool:
    """A text field where only a complete scan (with the scanner's suffix) is taken for one."""
    return is_text_entry(widget) and isValid(widget) and not widget.property(TAKES_SCANS_PROPERTY)


class ScanLookUp(QObject):
    """A search box's own complete scans: what was scanned into it is looked up there, not received.

    Signals:
        scanned(object): a ``ScanValue`` scanned into the box (AIM identifier, prefix and suffix removed).
        scan_rejected(str): a complete scan into the box that is not a usable barcode, with what was wrong.
    """

    scanned = Signal(object)
    scan_rejected = Signal(str)

    def __init__(self, search_box: QWidget) -> None:
        super().__init__(search_box)

    @staticmethod
    def of(widget: QWidget) -> ScanLookUp | None:
        found = widget.findChild(ScanLookUp, "", Qt.FindChildOption.FindDirectChildrenOnly)
        return found if isinstance(found, ScanLookUp) else None


class ScanWedge(QObject):
    """An application-wide event filter for the station window's keys.

    Signals:
        scanned(object): a ``ScanValue`` (AIM identifier, prefix and suffix removed).
        scan_rejected(str): a burst that is not a usable barcode, with what was wrong.
    """

    scanned = Signal(object)
    scan_rejected = Signal(str)

    def __init__(
        self,
        scanner_settings: Mapping[str, str],
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._prefix = scanner_settings.get("prefix", "")
        self._suffix = scanner_settings.get("suffix", "")
        self._max_gap = (
            int(scanner_settings.get("max_interkey_ms", DEFAULT_MAX_INTERKEY_MS) or DEFAULT_MAX_INTERKEY_MS) / 1000
        )
        self._clock = clock
        self._held: list[_HeldKey] = []
        self._replaying = False
        self._last_delivery: tuple[int, int, QWidget] | None = None
        self._window: QWidget | None = None
        self._route_typed_key: KeyRoute | None = None
        self._silence = QTimer(self)
        self._silence.setSingleShot(True)
        self._silence.setInterval(max(1, round(self._max_gap * 1000)))
        self._silence.timeout.connect(self._burst_went_quiet)

    def watch(self, window: QWidget, route_typed_key: KeyRoute | None = None) -> None:
        """Filter the keys of ``window`` (and its children); typed keys may go to ``route_typed_key``.

        ``route_typed_key(receiver, key, text)`` returns true when it used the key as a command.
        """
        self._window = window
        self._route_typed_key = route_typed_key
        QApplication.instance().installEventFilter(self)

    def stop(self) -> None:
        QApplication.instance().removeEventFilter(self)
        self._silence.stop()
        self._held.clear()

    # The filter ----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or event.type() != QEvent.Type.KeyPress or not self._is_ours(watched):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key, text, modifiers = key_event.key(), key_event.text(), key_event.modifiers()
        if self._is_travelling_up(key_event, watched):
            return False
        if key in MODIFIER_KEYS:
            return False  # scanners press Shift for capitals; it is part of the burst, not its end
        now = self._clock()
        if self._held and not self._in_prefixed_scan() and now - self._held[-1].at > self._max_gap:
            self._burst_ended_by_pause()
        if self._can_be_scanned(key, text, modifiers, watched):
            self._held.append(_HeldKey(key, modifiers, text, watched, now))
            if self._suffix and self._held_text().endswith(self._suffix) and self._is_scan():
                self._finish_scan()
            else:
                self._silence.start()
            return True
        if key in TERMINATORS and self._held:
            if self._is_scan():
                self._finish_scan()
                return True
            self._deliver_held_as_typing()
        elif self._held:
            self._deliver_held_as_typing()
        return self._route(watched, key, text, modifiers)

    # Deciding ------------------------------------------------------------------------------------

    def _is_ours(self, watched: QObject) -> bool:
        if self._window is None or not isinstance(watched, QWidget) or QApplication.activeModalWidget() is not None:
            return False
        return watched.window() is self._window

    def _is_travelling_up(self, event: QKeyEvent, watched: QWidget) -> bool:
        """A key the focused widget ignored, now offered to its parents (a line edit does that
        with Enter): it was already judged once and must not be taken as a second key."""
        delivery = (getCppPointer(event)[0], event.key())
        previous, self._last_delivery = self._last_delivery, (*delivery, watched)
        if previous is None or previous[:2] != delivery or not isValid(previous[2]):
            return False
        if watched is not previous[2] and watched.isAncestorOf(previous[2]):
            self._last_delivery = previous
            return True
        return False

    def _can_be_scanned(self, key: int, text: str, modifiers: Qt.KeyboardModifier, receiver: QWidget) -> bool:
        if modifiers & COMMAND_MODIFIERS or len(text) != 1 or not text.isprintable():
            return False
        if not self._suffix and wants_typing(receiver):
            return False  # nothing could make it a scan there: typed at once, never held back
        # A lone space is a checkbox's key; inside a burst it is part of the code.
        return text != " " or bool(self._held)

    def _held_text(self) -> str:
        return "".join(held.text for held in self._held)

    def _in_prefixed_scan(self) -> bool:
        if not self._prefix or not self._held:
            return False
        text = self._held_text()
        return text.startswith(self._prefix) if len(text) >= len(self._prefix) else self._prefix.startswith(text)

    def _is_scan(self) -> bool:
        if wants_typing(self._held[0].receiver) and not (self._suffix and self._held_text().endswith(self._suffix)):
            return False
        if self._in_prefixed_scan():
            return True
        gaps_fast = all(b.at - a.at <= self._max_gap for a, b in pairwise(self._held))
        return len(self._held) >= MIN_SCAN_LENGTH and gaps_fast

    def _burst_ended_by_pause(self) -> None:
        # Scanners set to send no terminator end their burst with silence.
        if self._is_scan() and not self._prefix:
            self._finish_scan()
        else:
            self._deliver_held_as_typing()

    def _burst_went_quiet(self) -> None:
        if self._held and not self._in_prefixed_scan():
            self._burst_ended_by_pause()

    # Acting --------------------------------------------------------------------------------------

    def _finish_scan(self) -> None:
        self._silence.stop()
        text, receiver = self._held_text(), self._held[0].receiver
        self._held.clear()
        if self._prefix and text.startswith(self._prefix):
            text = text[len(self._prefix) :]
        if self._suffix and text.endswith(self._suffix):
            text = text[: -len(self._suffix)]
        look_up = ScanLookUp.of(receiver) if isValid(receiver) else None
        try:
            value = parse_scan(text)
        except ScanError as problem:
            (look_up or self).scan_rejected.emit(str(problem))
            return
        (look_up or self).scanned.emit(value)

    def _deliver_held_as_typing(self) -> None:
        self._silence.stop()
        held, self._held = self._held, []
        for key in held:
            if not isValid(key.receiver):
                continue
            if self._route(key.receiver, key.key, key.text, key.modifiers):
                continue
            self._replaying = True
            try:
                QApplication.sendEvent(key.receiver, QKeyEvent(QEvent.Type.KeyPress, key.key, key.modifiers, key.text))
            finally:
                self._replaying = False

    def _route(self, receiver: QWidget, key: int, text: str, modifiers: Qt.KeyboardModifier) -> bool:
        """Give a typed key to the window's commands unless it is typing into a text field."""
        if self._route_typed_key is None or modifiers & COMMAND_MODIFIERS:
            return False
        is_function_key = Qt.Key.Key_F1 <= key <= Qt.Key.Key_F35
        if is_text_entry(receiver) and not is_function_key and key != Qt.Key.Key_Escape:
            return False
        return self._route_typed_key(receiver, key, text)
