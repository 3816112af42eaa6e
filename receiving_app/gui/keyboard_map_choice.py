"""Whether each clerk last showed or hid the keyboard map, so that it stays the way they left it
from one sign-in to the next.

The choice is a clerk's, not the station's: a new clerk keeps the map open while a practised one
hides it at the same bench. It is kept per user name in ``window.ini`` beside the station's
settings file (a Qt settings file, not the settings an admin edits), so it follows the clerk
across sign-ins and restarts of this station.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

FILE_NAME = "window.ini"


class KeyboardMapChoice:
    def __init__(self, folder: Path) -> None:
        self._settings = QSettings(str(folder / FILE_NAME), QSettings.Format.IniFormat)

    def shown_for(self, user: str) -> bool | None:
        """True or False as ``user`` last left the map; None if they never chose."""
        value = self._settings.value(self._key(user))
        if value is None:
            return None
        return value is True or str(value).lower() == "true"  # the INI file holds the word

    def remember(self, user: str, shown: bool) -> None:
        self._settings.setValue(self._key(user), shown)

    @staticmethod
    def _key(user: str) -> str:
        return f"keyboard_map_shown/{user}"
