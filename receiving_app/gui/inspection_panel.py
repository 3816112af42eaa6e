"""The inspection: the five condition checks, the four flags, reason, choice, notes and photos.

Each check has one key (shown on it). A new line starts from the defaults of the policy spec
(new, sealed, bought here, nothing wrong) and the reason and choice the customer gave.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from receiving_app.domain.facts import Condition, CustomerChoice, Flags, ReturnReason
from receiving_app.gui.forms.ui_inspection_panel import Ui_InspectionPanel
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.services.commands import PhotoAttachment
from receiving_app.services.views import RmaLineView

CONDITION_COMMANDS = (Command.UNOPENED, Command.SEALED, Command.ORIGINAL_PACKAGING, Command.BOX_DAMAGE, Command.LABELS_INTACT)
FLAG_COMMANDS = (Command.SOLD_BY_SELLER, Command.HP_PLUS_REJECTED, Command.FIRMWARE_BLOCKED, Command.IMPROPER_USE)


class InspectionPanel(QWidget):
    """What the clerk found, as the facts of the decision.

    Signals:
        facts_changed(): a check, flag, reason or choice changed (notes and photos do not decide).
    """

    facts_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_InspectionPanel()
        self.form.setupUi(self)
        form = self.form
        self._checks: dict[Command, QCheckBox] = {
            Command.UNOPENED: form.unopenedCheck,
            Command.SEALED: form.sealedCheck,
            Command.ORIGINAL_PACKAGING: form.originalPackagingCheck,
            Command.BOX_DAMAGE: form.boxDamageCheck,
            Command.LABELS_INTACT: form.labelsIntactCheck,
            Command.SOLD_BY_SELLER: form.soldBySellerCheck,
            Command.HP_PLUS_REJECTED: form.hpPlusRejectedCheck,
            Command.FIRMWARE_BLOCKED: form.firmwareBlockedCheck,
            Command.IMPROPER_USE: form.improperUseCheck,
        }
        for command, check in self._checks.items():
            check.setText(f"[{key_label(command)}]  {check.text()}")
            check.toggled.connect(self.facts_changed)
        for reason in ReturnReason:
            form.reasonCombo.addItem(reason.label, reason.value)
        for choice in CustomerChoice:
            form.choiceCombo.addItem(choice.value, choice.value)
        form.reasonLabel.setText(f"[{key_label(Command.NEXT_REASON)}]  Reason")
        form.choiceLabel.setText(f"[{key_label(Command.TOGGLE_CHOICE)}]  Customer wants")
        form.reasonCombo.currentIndexChanged.connect(self.facts_changed)
        form.choiceCombo.currentIndexChanged.connect(self.facts_changed)
        self._photos: list[PhotoAttachment] = []
        self.set_line(None)

    # Reading the facts ---------------------------------------------------------------------------

    def condition(self) -> Condition:
        return Condition(**{command.value: self._checks[command].isChecked() for command in CONDITION_COMMANDS})

    def flags(self) -> Flags:
        return Flags(**{command.value: self._checks[command].isChecked() for command in FLAG_COMMANDS})

    def reason(self) -> ReturnReason:
        return ReturnReason(self.form.reasonCombo.currentData())

    def customer_choice(self) -> CustomerChoice:
        return CustomerChoice(self.form.choiceCombo.currentData())

    def notes(self) -> str:
        return self.form.notesEdit.text().strip()

    @property
    def photos(self) -> tuple[PhotoAttachment, ...]:
        return tuple(self._photos)

    def check(self, command: Command) -> QCheckBox:
        return self._checks[command]

    # Changing them -------------------------------------------------------------------------------

    def set_line(self, line: RmaLineView | None) -> None:
        """Start a line from the spec's defaults and what the customer told us."""
        with _Quiet(self):
            for command in CONDITION_COMMANDS:
                self._checks[command].setChecked(getattr(Condition(), command.value))
            for command in FLAG_COMMANDS:
                self._checks[command].setChecked(getattr(Flags(), command.value))
            if line is not None:
                self.form.reasonCombo.setCurrentIndex(self.form.reasonCombo.findData(ReturnReason(line.reason).value))
                self.form.choiceCombo.setCurrentIndex(self.form.choiceCombo.findData(CustomerChoice(line.customer_choice).value))
            self.form.notesEdit.clear()
            self._photos.clear()
            self._show_photos()
        self.setEnabled(line is not None)

    def handle_command(self, command: Command) -> bool:
        """Toggle a check or step reason or choice for a key; false if the key is not ours."""
        if command in self._checks:
            self._checks[command].toggle()
        elif command is Command.NEXT_REASON:
            combo = self.form.reasonCombo
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        elif command is Command.TOGGLE_CHOICE:
            combo = self.form.choiceCombo
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        else:
            return False
        return True

    def add_photos(self, photos: list[PhotoAttachment]) -> None:
        self._photos.extend(photos)
        self._show_photos()

    def _show_photos(self) -> None:
        names = ", ".join(photo.file_name for photo in self._photos)
        self.form.photosLabel.setText(f"{len(self._photos)}: {names}" if self._photos else f"none  [{key_label(Command.PHOTO)} to add]")


class _Quiet:
    """Sets many controls at once and tells listeners once, not once per control."""

    def __init__(self, panel: InspectionPanel) -> None:
        self._panel = panel

    def __enter__(self) -> None:
        form = self._panel.form
        self._blocked = [*self._panel._checks.values(), form.reasonCombo, form.choiceCombo]
        for child in self._blocked:
            child.blockSignals(True)

    def __exit__(self, *exc_info: object) -> None:
        for child in self._blocked:
            child.blockSignals(False)
        self._panel.facts_changed.emit()
