"""The inspection of one unit: the five condition checks, the four flags, whether an empty is virgin,
reason, choice, notes and photos.

Every check starts "not checked" on each unit: the station decides only on what the clerk set.
Each check has one key (shown on it) that says yes first and toggles after; N and O set the nine
condition checks and flags at once for the two commonest finds. The virgin check is apart from
them: only the warehouse's routes ask it, and only of an original empty, so N and O leave it
unanswered, and the panel counts it among the facts still to check only while the routes ask it.
The reason and choice start as the customer gave them, and the panel says so beside them whenever
the bench finds otherwise. A decided unit shows the facts that were recorded for it, read-only.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from receiving_app.domain.facts import (
    CONDITION_FIELDS,
    FLAG_FIELDS,
    Condition,
    CustomerChoice,
    Flags,
    ReturnReason,
    fact_label,
)
from receiving_app.gui.fact_check import FactCheck
from receiving_app.gui.forms.ui_inspection_panel import Ui_InspectionPanel
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.style import BAD, GOOD, MOVING, NEUTRAL, WAIT, restyle, tone_style
from receiving_app.services.commands import PhotoAttachment
from receiving_app.services.views import InspectionView, RmaLineView

CONDITION_COMMANDS = (
    Command.UNOPENED,
    Command.SEALED,
    Command.ORIGINAL_PACKAGING,
    Command.BOX_DAMAGE,
    Command.LABELS_INTACT,
)
FLAG_COMMANDS = (Command.SOLD_BY_SELLER, Command.HP_PLUS_REJECTED, Command.FIRMWARE_BLOCKED, Command.IMPROPER_USE)
VIRGIN_CAPTION = "Virgin empty"
VIRGIN_TOOLTIP = "An original (OEM) empty that was never refilled: asked when the routes sort empties by it."
# The two one-key finds: every fact set at once, on purpose.
AS_FOUND = {
    Command.AS_SOLD: (Condition.as_sold(), Flags.as_sold()),
    Command.OPENED_AS_SOLD: (replace(Condition.as_sold(), unopened=False, sealed=False), Flags.as_sold()),
}
INSPECTION_COMMANDS = frozenset(
    {*CONDITION_COMMANDS, *FLAG_COMMANDS, Command.VIRGIN, *AS_FOUND, Command.NEXT_REASON, Command.TOGGLE_CHOICE}
)


def unit_name(line: RmaLineView, unit: int) -> str:
    """ "Line 2" for a line of one, "unit 1 of 2 on line 2" otherwise."""
    return f"Line {line.line}" if line.quantity == 1 else f"Unit {unit} of {line.quantity} on line {line.line}"


class InspectionPanel(QWidget):
    """What the clerk found on one unit, as the facts of its decision.

    Signals:
        facts_changed(): a check, flag, reason or choice changed (notes and photos do not decide).
        checked_by_hand(): the clerk set a fact, reason or choice themselves (a key or a click).
    """

    facts_changed = Signal()
    checked_by_hand = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_InspectionPanel()
        self.ui.setupUi(self)
        ui = self.ui
        self._checks: dict[Command, FactCheck] = {
            Command.UNOPENED: ui.unopenedCheck,
            Command.SEALED: ui.sealedCheck,
            Command.ORIGINAL_PACKAGING: ui.originalPackagingCheck,
            Command.BOX_DAMAGE: ui.boxDamageCheck,
            Command.LABELS_INTACT: ui.labelsIntactCheck,
            Command.SOLD_BY_SELLER: ui.soldBySellerCheck,
            Command.HP_PLUS_REJECTED: ui.hpPlusRejectedCheck,
            Command.FIRMWARE_BLOCKED: ui.firmwareBlockedCheck,
            Command.IMPROPER_USE: ui.improperUseCheck,
            Command.VIRGIN: self._add_virgin_check(),
        }
        for command, check in self._checks.items():
            check.set_caption(f"[{key_label(command)}]  {check.text()}")
            check.checkStateChanged.connect(self.facts_changed)
            check.checkStateChanged.connect(self._show_unchecked)
            check.clicked.connect(self.checked_by_hand)
        for reason in ReturnReason:
            ui.reasonCombo.addItem(reason.label, reason.value)
        for choice in CustomerChoice:
            ui.choiceCombo.addItem(choice.value, choice.value)
        ui.reasonLabel.setText(f"[{key_label(Command.NEXT_REASON)}]  Reason found")
        ui.choiceLabel.setText(f"[{key_label(Command.TOGGLE_CHOICE)}]  Customer wants")
        for combo in (ui.reasonCombo, ui.choiceCombo):
            combo.currentIndexChanged.connect(self.facts_changed)
            combo.currentIndexChanged.connect(self._show_finding)
            combo.activated.connect(self.checked_by_hand)
        self._line: RmaLineView | None = None
        self._photos: list[PhotoAttachment] = []
        self._mode = "none"
        self._recorded_facts = False
        self._virgin_asked = False
        self.ui.recordLabel.setStyleSheet(tone_style(NEUTRAL))
        self.show_nothing("No unit")

    def _add_virgin_check(self) -> FactCheck:
        """The virgin check, last among the flags: the form predates it, and the flags are where the
        clerk already looks for what happened to the cartridge before it came back."""
        check = FactCheck(self.ui.flagsGroup)
        check.setObjectName("virginCheck")
        check.setText(VIRGIN_CAPTION)
        check.setAccessibleName("Virgin empty, never refilled")
        check.setToolTip(VIRGIN_TOOLTIP)
        self.ui.flagsLayout.addWidget(check)
        QWidget.setTabOrder(self.ui.improperUseCheck, check)  # Tab reaches it after the flag above it
        return check

    # Reading the facts ---------------------------------------------------------------------------

    def condition(self) -> Condition:
        return Condition(**{command.value: self._checks[command].value for command in CONDITION_COMMANDS})

    def flags(self) -> Flags:
        return Flags(**{command.value: self._checks[command].value for command in FLAG_COMMANDS})

    def virgin(self) -> bool | None:
        """Whether an empty was never refilled, as the clerk answered it (None: not answered)."""
        return self._checks[Command.VIRGIN].value

    def reason(self) -> ReturnReason:
        return ReturnReason(self.ui.reasonCombo.currentData())

    def customer_choice(self) -> CustomerChoice:
        return CustomerChoice(self.ui.choiceCombo.currentData())

    def notes(self) -> str:
        return self.ui.notesEdit.text().strip()

    @property
    def photos(self) -> tuple[PhotoAttachment, ...]:
        return tuple(self._photos)

    def check(self, command: Command) -> FactCheck:
        return self._checks[command]

    # What the panel shows ------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """The panel shows a unit's record: its facts cannot be changed here."""
        return self._mode == "record"

    def start_unit(self, line: RmaLineView, unit: int) -> None:
        """A unit to inspect: nothing checked, reason and choice as the customer gave them."""
        self._set_mode("live")
        self._checks[Command.VIRGIN].show()
        self._show_unit(line, unit, Condition(), Flags(), line.reason, line.customer_choice, "", None)
        self.ui.recordLabel.clear()
        self.ui.recordLabel.hide()

    def show_record(
        self,
        line: RmaLineView,
        unit: int,
        inspection: InspectionView | None,
        record: str,
        reason: str | None = None,
        choice: str | None = None,
    ) -> None:
        """A unit already dealt with: the facts recorded for it (none while they load), read-only
        but as legible as live ones."""
        self._set_mode("record")
        self._recorded_facts = inspection is not None and inspection.arrived
        # The inspection's record does not carry the virgin answer: a dash here would say nobody
        # answered it, which may be untrue, so the check is not shown on a record at all.
        self._checks[Command.VIRGIN].hide()
        condition = Condition(**inspection.condition) if inspection else Condition()
        flags = Flags(**inspection.flags) if inspection else Flags()
        notes, photos = (inspection.notes, inspection.photo_count) if inspection else ("", 0)
        self._show_unit(
            line, unit, condition, flags, reason or line.reason, choice or line.customer_choice, notes, photos
        )
        self.ui.recordLabel.setText(f"{NEUTRAL.symbol} {record}")
        self.ui.recordLabel.show()

    def show_nothing(self, message: str) -> None:
        """No unit to inspect (no RMA, no line, a held line): every fact not checked, nothing to change."""
        self._set_mode("none")
        self._line = None
        with _Quiet(self):
            for check in self._checks.values():
                check.set_value(None)
            self.ui.notesEdit.clear()
            self._photos.clear()
            self._show_photos()
        self.ui.unitLabel.setText(message)
        self.ui.recordLabel.clear()
        self.ui.recordLabel.hide()
        self.ui.findingLabel.clear()

    def _set_mode(self, mode: str) -> None:
        """ "live" to inspect, "record" to read a unit's record, "none" without a unit."""
        self._mode = mode
        self.setEnabled(mode != "none")
        for check in self._checks.values():
            check.read_only = mode != "live"
        self.ui.reasonCombo.setEnabled(mode == "live")
        self.ui.choiceCombo.setEnabled(mode == "live")
        self.ui.notesEdit.setReadOnly(mode != "live")

    def handle_command(self, command: Command) -> bool:
        """Set a fact, the one-key finds, or step reason or choice for a key; false if the key is not ours."""
        if command in self._checks:
            self._checks[command].press()
        elif command in AS_FOUND:
            condition, flags = AS_FOUND[command]
            with _Quiet(self):
                self._set_facts(condition, flags)
        elif command is Command.NEXT_REASON:
            combo = self.ui.reasonCombo
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        elif command is Command.TOGGLE_CHOICE:
            combo = self.ui.choiceCombo
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        else:
            return False
        self.checked_by_hand.emit()
        return True

    def ask_virgin(self, asked: bool) -> None:
        """Whether the routes wait for the virgin answer on this unit: it is then a fact not checked."""
        if asked != self._virgin_asked:
            self._virgin_asked = asked
            self._show_unchecked()

    def add_photos(self, photos: list[PhotoAttachment]) -> None:
        self._photos.extend(photos)
        self._show_photos()

    # Showing -------------------------------------------------------------------------------------

    def _show_unit(
        self,
        line: RmaLineView,
        unit: int,
        condition: Condition,
        flags: Flags,
        reason: str,
        choice: str,
        notes: str,
        photos: int | None,
    ) -> None:
        self._line = line
        self._virgin_asked = False
        with _Quiet(self):
            self._set_facts(condition, flags)
            self._checks[Command.VIRGIN].set_value(None)  # asked afresh of every unit, like every fact
            self.ui.reasonCombo.setCurrentIndex(self.ui.reasonCombo.findData(ReturnReason(reason).value))
            self.ui.choiceCombo.setCurrentIndex(self.ui.choiceCombo.findData(CustomerChoice(choice).value))
            self.ui.notesEdit.setText(notes)
            self._photos.clear()
            self._show_photos(photos)
        self.ui.unitLabel.setText(f"{unit_name(line, unit)} · {line.sku}")
        self.ui.unitLabel.setToolTip(line.description)
        self.ui.unitLabel.setAccessibleDescription(line.description)
        self._show_finding()

    def _set_facts(self, condition: Condition, flags: Flags) -> None:
        """The nine inspection facts; the virgin answer is the clerk's own and is left as it is."""
        for command, name in zip(CONDITION_COMMANDS, CONDITION_FIELDS, strict=True):
            self._checks[command].set_value(getattr(condition, name))
        for command, name in zip(FLAG_COMMANDS, FLAG_FIELDS, strict=True):
            self._checks[command].set_value(getattr(flags, name))

    def _show_unchecked(self) -> None:
        """Every fact still "not checked", in words, with the keys that check them all at once."""
        label = self.ui.uncheckedLabel
        if self._line is None or (self._mode == "record" and not self._recorded_facts):
            label.clear()  # no unit, or a record without facts (still loading, or the unit did not arrive)
            return
        inspected = [command for command in self._checks if command is not Command.VIRGIN or self._virgin_asked]
        unchecked = [fact_label(command.value).lower() for command in inspected if self._checks[command].value is None]
        if self._mode == "record":
            label.setText(
                f"Not checked when decided: {', '.join(unchecked)}." if unchecked else "Every fact was checked."
            )
            restyle(label, "")
            return
        if not unchecked:
            label.setText(f"{GOOD.symbol} Every fact checked.")
            restyle(label, "")
            return
        keys = f"{key_label(Command.AS_SOLD)} new and sealed, {key_label(Command.OPENED_AS_SOLD)} opened"
        if len(unchecked) == len(inspected):
            label.setText(f"{WAIT.symbol} Nothing checked yet ({keys}).")
        else:
            label.setText(f"{WAIT.symbol} Not checked: {', '.join(unchecked)}.")
        restyle(label, f"color: {BAD.background};")

    def _show_finding(self) -> None:
        """The customer's reason and choice beside the bench's, so a change is never silent."""
        line, label = self._line, self.ui.findingLabel
        if line is None:
            label.clear()
            return
        said_reason, said_choice = ReturnReason(line.reason), CustomerChoice(line.customer_choice)
        reason, choice = self.reason(), self.customer_choice()
        if (reason, choice) == (said_reason, said_choice):
            label.setText(f"{NEUTRAL.symbol} As the customer said: {said_reason.label}, wants a {said_choice.value}.")
            restyle(label, "")
            return
        parts = []
        if reason is not said_reason:
            parts.append(f"customer said {said_reason.label}, found {reason.label}")
        if choice is not said_choice:
            parts.append(f"customer said {said_choice.value}, found {choice.value}")
        label.setText(f"{MOVING.symbol} {'; '.join(parts).capitalize()}.")
        restyle(label, tone_style(MOVING))

    def _show_photos(self, recorded: int | None = None) -> None:
        """The photos added to this unit, or (``recorded``) how many its record holds."""
        if recorded is not None:
            self.ui.photosLabel.setText(f"{recorded} recorded" if recorded else "none")
            return
        names = ", ".join(photo.file_name for photo in self._photos)
        self.ui.photosLabel.setText(
            f"{len(self._photos)}: {names}" if self._photos else f"none  [{key_label(Command.PHOTO)} to add]"
        )


class _Quiet:
    """Sets many controls at once and tells listeners once, not once per control."""

    def __init__(self, panel: InspectionPanel) -> None:
        self._panel = panel

    def __enter__(self) -> None:
        ui = self._panel.ui
        self._blocked = [*self._panel._checks.values(), ui.reasonCombo, ui.choiceCombo]
        for child in self._blocked:
            child.blockSignals(True)

    def __exit__(self, *exc_info: object) -> None:
        for child in self._blocked:
            child.blockSignals(False)
        for check in self._panel._checks.values():
            check.refresh_words()  # their own signal was blocked too
        self._panel._show_unchecked()
        self._panel._show_finding()
        self._panel.facts_changed.emit()
