"""Small dialogs of the receiving screen: a note (hold, did not arrive), a supervisor override, and
a supervisor's name, password and note for what the bench may not do alone (release a held line,
approve a decision that a contradiction or a finding holds back)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from receiving_app.domain.decision import Outcome
from receiving_app.gui.forms.ui_note_dialog import Ui_NoteDialog
from receiving_app.gui.forms.ui_override_dialog import Ui_OverrideDialog
from receiving_app.gui.forms.ui_supervisor_note_dialog import Ui_SupervisorNoteDialog
from receiving_app.gui.style import BAD, tone_style

if TYPE_CHECKING:
    from receiving_app.gui.operations import OperationRunner
    from receiving_app.services.auth import AuthService, SignedInUser


def name_buttons(buttons: QDialogButtonBox, prefix: str) -> None:
    """The standard buttons come without names; give each one for screen readers and tests."""
    for button in buttons.buttons():
        role = buttons.standardButton(button).name
        button.setObjectName(f"{prefix}{role}Button")
        button.setAccessibleName(button.text().replace("&", ""))


class NoteDialog(QDialog):
    """Asks for one line of text; Enter confirms, Escape cancels.

    Signals:
        note_given(str): the note, once it is acceptable.
    """

    note_given = Signal(str)

    def __init__(self, title: str, prompt: str, *, required: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NoteDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.promptLabel.setText(prompt)
        self._required = required
        name_buttons(self.ui.buttons, "note")
        self.ui.buttons.accepted.connect(self._confirm)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.noteEdit.setFocus()

    def _confirm(self) -> None:
        note = self.ui.noteEdit.text().strip()
        if self._required and not note:
            self.ui.messageLabel.setStyleSheet(tone_style(BAD))
            self.ui.messageLabel.setText(f"{BAD.symbol} Write a note first: the next person needs to know why.")
            return
        self.note_given.emit(note)
        self.accept()


class _SupervisorDialog(QDialog):
    """A supervisor's name, password and written reason. It stays open until the screen has checked
    the password (in the background) and calls ``accept`` or ``show_problem``."""

    def __init__(self, ui, button_prefix: str, reason_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = ui
        self._reason_name = reason_name
        self.ui.setupUi(self)
        name_buttons(self.ui.buttons, button_prefix)
        self.ui.buttons.accepted.connect(self._request)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.supervisorEdit.setFocus()

    def show_problem(self, message: str) -> None:
        self._set_busy(False)
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()  # the usual mistake: type the password again, press Enter
        self.ui.messageLabel.setStyleSheet(tone_style(BAD))
        self.ui.messageLabel.setText(f"{BAD.symbol} {message}")

    def _request(self) -> None:
        ui = self.ui
        supervisor, password, reason = (
            ui.supervisorEdit.text().strip(),
            ui.passwordEdit.text(),
            ui.reasonEdit.text().strip(),
        )
        missing = [
            name
            for name, value in (("supervisor", supervisor), ("password", password), (self._reason_name, reason))
            if not value
        ]
        if missing:
            self.show_problem(f"Fill in the {', '.join(missing)}.")
            return
        self._set_busy(True)
        ui.messageLabel.setStyleSheet("")
        ui.messageLabel.setText("Checking the supervisor's password…")
        self._requested(supervisor, password, reason)

    def _requested(self, supervisor: str, password: str, reason: str) -> None:
        raise NotImplementedError

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)


class OverrideDialog(_SupervisorDialog):
    """A supervisor's name, password, outcome and written reason.

    Signals:
        override_requested(str, str, str, str): supervisor, password, outcome, reason.
    """

    override_requested = Signal(str, str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Ui_OverrideDialog(), "override", "reason", parent)
        for outcome in Outcome:
            self.ui.outcomeCombo.addItem(outcome.value, outcome.value)

    def _requested(self, supervisor: str, password: str, reason: str) -> None:
        self.override_requested.emit(supervisor, password, self.ui.outcomeCombo.currentData(), reason)


class SupervisorNoteDialog(_SupervisorDialog):
    """A supervisor's name, password and a note saying why something the bench may not do alone can go ahead.

    Signals:
        confirmed(str, str, str): supervisor, password, note.
    """

    confirmed = Signal(str, str, str)

    def __init__(self, title: str, explanation: str, note_hint: str, parent: QWidget | None = None) -> None:
        super().__init__(Ui_SupervisorNoteDialog(), "supervisor", "note", parent)
        self.setWindowTitle(title)
        self.ui.explanationLabel.setText(explanation)
        self.ui.reasonEdit.setPlaceholderText(note_hint)

    def _requested(self, supervisor: str, password: str, reason: str) -> None:
        self.confirmed.emit(supervisor, password, reason)

    def open_for(
        self, runner: OperationRunner, auth: AuthService, station_id: str, then: Callable[[SignedInUser, str], None]
    ) -> None:
        """Open; once a supervisor's password checks out, close and go on with who they are and their note."""
        self.confirmed.connect(
            lambda supervisor, password, note: verify_supervisor(
                self, runner, auth, station_id, supervisor, password, lambda signed_in: then(signed_in, note)
            )
        )
        self.open()


class ReleaseHoldDialog(SupervisorNoteDialog):
    """A supervisor releasing a held line for receiving."""

    def __init__(self, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__("Release a held line", explanation, "Why the line can be received now", parent)


class ApprovalDialog(SupervisorNoteDialog):
    """A supervisor letting a decision stand that the bench may not make alone, with the reasons why it may not."""

    def __init__(self, decision: str, why: Sequence[str], parent: QWidget | None = None) -> None:
        sentences = "\n".join(f"• {sentence}" for sentence in why)
        super().__init__(
            "A supervisor approves this decision",
            f"{decision} needs a supervisor's approval:\n{sentences}",
            "Why the decision can stand",
            parent,
        )
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one is made for each Enter that needs it


def verify_supervisor(
    dialog: _SupervisorDialog,
    runner: OperationRunner,
    auth: AuthService,
    station_id: str,
    supervisor: str,
    password: str,
    then: Callable[[SignedInUser], None],
) -> None:
    """Check the supervisor's password in the background; on success close the dialog and go on."""

    def verified(signed_in: SignedInUser) -> None:
        dialog.accept()
        then(signed_in)

    runner.start(
        lambda: auth.verify_supervisor(supervisor, password, station=station_id),
        owner=dialog,
        key="verify-supervisor",
        on_success=verified,
        on_failure=dialog.show_problem,
    )
