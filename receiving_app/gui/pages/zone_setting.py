"""The Settings page's time zone: where the station is, so that every time it shows and prints is on its
clock and a report's day ends at its midnight (services/station_time.py).

Built in code and added below the station's own settings, as the outbox's group is, so that the page's
form stays as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from receiving_app.domain.errors import InputError
from receiving_app.services.settings import StationSettings
from receiving_app.services.station_time import ZONE_VARIABLE, zone_problem, zone_words

NOTE = (
    "Every time on screen and on paper is on this clock, and a report's day runs from its midnight. Empty is this "
    f"computer's own. {ZONE_VARIABLE} takes its place; a change takes effect when the station starts again."
)


class ZoneSettingGroup(QGroupBox):
    """Signals:
    changed(): the admin chose or typed another zone.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Time", parent)
        self.setObjectName("timeGroup")
        self.setAccessibleName("Time")
        form = QFormLayout(self)
        self.zone_combo = QComboBox(self)
        self.zone_combo.setObjectName("timeZoneCombo")
        self.zone_combo.setAccessibleName("Time zone")
        self.zone_combo.setEditable(True)  # typed with completion: a list of 600 zones is not scrolled through
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.addItem("")
        self.zone_combo.addItems(sorted(available_timezones()))
        completer = QCompleter(self.zone_combo.model(), self.zone_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_combo.setCompleter(completer)
        line = self.zone_combo.lineEdit()
        line.setPlaceholderText(zone_words(None))
        line.textEdited.connect(self.changed)
        self.zone_combo.activated.connect(self.changed)
        label = QLabel("Time &zone", self)
        label.setBuddy(self.zone_combo)
        form.addRow(label, self.zone_combo)
        note = QLabel(NOTE, self)
        note.setObjectName("timeNote")
        note.setWordWrap(True)
        form.addRow(note)

    @classmethod
    def added_to(
        cls, layout: QVBoxLayout, below: QWidget, on_change: Callable[[], None], editable: bool
    ) -> ZoneSettingGroup:
        """The group, placed in ``layout`` under ``below``; an admin's edits call ``on_change``, and no one
        else may edit it."""
        group = cls(below.parentWidget())
        layout.insertWidget(layout.indexOf(below) + 1, group)
        group.set_editable(editable)
        if editable:
            group.changed.connect(on_change)
        return group

    def show_settings(self, settings: StationSettings) -> None:
        blocked = self.zone_combo.blockSignals(True)  # showing the saved zone is not the admin's change
        self.zone_combo.setCurrentText(settings.time_zone)
        self.zone_combo.blockSignals(blocked)

    def set_editable(self, editable: bool) -> None:
        self.zone_combo.setEnabled(editable)

    def changes(self) -> dict[str, Any]:
        """The zone as shown, for ``StationSettings.with_changes``; InputError when no time zone has that name."""
        name = self.zone_combo.currentText().strip()
        problem = zone_problem(name)
        if problem is not None:
            raise InputError(f"Time zone: {problem}.")
        return {"time_zone": name}
