"""The main figures of a policy draft as form fields: the fill threshold, each reason's restocking
fee and each reason's windows, read from the draft's tables and sent back as key paths
(``fill_rule.minimum_fraction``, ``reasons.not_needed.restocking_fee.percent``,
``reasons.defective.windows[0].years``) for ``PolicyDraftService.revise`` to check as the loader does.

The form only turns what was typed into the value its key holds; whether the value is allowed is the
loader's to say, so a field shows exactly the loader's sentence, naming its key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from receiving_app.domain.policy import format_percent
from receiving_app.gui.pages.models import words

FIELD_WIDTH = 80  # px: a percent or a count of days
HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    """The key path the figure is written under in the draft."""
    label: str
    shown: str
    """The figure as the field shows it (a fraction as a percent)."""
    percent_of_fraction: bool = False

    def value(self, typed: str) -> Any:
        """What the key holds for the typed text; text that is no number goes as typed, for the
        loader to refuse by its key."""
        typed = typed.strip().removesuffix("%").strip()
        try:
            number = Decimal(typed)
        except InvalidOperation:
            return typed
        if self.percent_of_fraction:
            return str((number / HUNDRED).normalize())
        if self.key.endswith((".days", ".years")):
            return int(number) if number == number.to_integral_value() else typed
        return str(number)


def draft_figures(data: Mapping[str, Any]) -> list[Figure]:
    """The figures the form offers for a draft's tables, in the order the policy reads."""
    figures = []
    fill_rule = data.get("fill_rule")
    if isinstance(fill_rule, Mapping) and "minimum_fraction" in fill_rule:
        percent = Decimal(str(fill_rule["minimum_fraction"])) * HUNDRED
        figures.append(
            Figure("fill_rule.minimum_fraction", "&Fill threshold %", format_percent(percent), percent_of_fraction=True)
        )
    reasons = data.get("reasons")
    for reason, rules in reasons.items() if isinstance(reasons, Mapping) else ():
        if not isinstance(rules, Mapping) or "same_as" in rules:
            continue
        fee = rules.get("restocking_fee")
        if isinstance(fee, Mapping) and "percent" in fee:
            key = f"reasons.{reason}.restocking_fee.percent"
            figures.append(Figure(key, f"{words(reason)}: restocking fee %", str(fee["percent"])))
        for index, window in enumerate(rules.get("windows") or ()):
            for unit in ("days", "years"):
                if unit in window:
                    key = f"reasons.{reason}.windows[{index}].{unit}"
                    counted = words(str(window.get("from", "")))
                    figures.append(Figure(key, f"{words(reason)}: {unit} from {counted}", str(window[unit])))
    return figures


class DraftFigureForm(QWidget):
    """One field per figure; a field that was changed and left asks for its key to be revised.

    Signals:
        figure_changed(str, object): the key path and its new value.
    """

    figure_changed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftFigureForm")
        self._layout = QFormLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self.fields: dict[str, QLineEdit] = {}
        self._figures: dict[str, Figure] = {}

    def show_draft(self, data: Mapping[str, Any]) -> None:
        """Fields for the draft's figures, each showing what the draft now says."""
        figures = draft_figures(data)
        if [figure.key for figure in figures] == list(self._figures):
            for figure in figures:
                self._figures[figure.key] = figure
                self.fields[figure.key].setText(figure.shown)
            return
        while self._layout.rowCount():
            self._layout.removeRow(0)
        self.fields, self._figures = {}, {}
        for figure in figures:
            field = QLineEdit(figure.shown, self)
            field.setObjectName(f"figure:{figure.key}")
            field.setAccessibleName(figure.label.replace("&", ""))
            field.setFixedWidth(FIELD_WIDTH)
            field.editingFinished.connect(lambda key=figure.key: self._left(key))
            label = QLabel(figure.label, self)
            label.setBuddy(field)
            label.setWordWrap(True)
            self._layout.addRow(label, field)
            self.fields[figure.key] = field
            self._figures[figure.key] = figure

    def first_field(self) -> QLineEdit | None:
        return next(iter(self.fields.values()), None)

    def _left(self, key: str) -> None:
        figure, field = self._figures[key], self.fields[key]
        if field.text().strip() != figure.shown:
            self.figure_changed.emit(key, figure.value(field.text()))
