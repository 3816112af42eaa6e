"""The sign-in dialog: who is at the bench, checked by the auth service in the background."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from receiving_app.gui.forms.ui_sign_in import Ui_SignInDialog
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.style import BAD, sized_font, tone_style
from receiving_app.services.auth import AuthService, SignedInUser


class SignInDialog(QDialog):
    """Asks for a user name and PIN or password.

    Signals:
        signed_in(object): the ``SignedInUser`` once the service accepted the secret.
    """

    signed_in = Signal(object)

    def __init__(self, auth: AuthService, station_id: str, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_SignInDialog()
        self.form.setupUi(self)
        self._auth = auth
        self._station_id = station_id
        self._runner = runner
        self.user: SignedInUser | None = None
        self.form.titleLabel.setFont(sized_font(self.font(), 22))
        self.form.signInButton.clicked.connect(self.sign_in)
        self.form.secretEdit.returnPressed.connect(self.sign_in)
        self.form.nameEdit.returnPressed.connect(self.form.secretEdit.setFocus)
        self.form.nameEdit.setFocus()

    def sign_in(self) -> None:
        name, secret = self.form.nameEdit.text().strip(), self.form.secretEdit.text()
        if not name or not secret:
            self._show_problem("Type your user name and your PIN or password.")
            return
        self.form.signInButton.setEnabled(False)
        self.form.messageLabel.setStyleSheet("")
        self.form.messageLabel.setText("Checking…")
        self._runner.start(
            lambda: self._auth.sign_in(name, secret, station=self._station_id),
            owner=self,
            key="sign-in",
            on_success=self._accepted,
            on_failure=self._refused,
        )

    def reset(self) -> None:
        """Ready for the next person (after a sign-out): nothing of the last one stays on screen."""
        self.user = None
        self.form.nameEdit.clear()
        self.form.secretEdit.clear()
        self.form.messageLabel.clear()
        self.form.messageLabel.setStyleSheet("")
        self.form.nameEdit.setFocus()

    def _accepted(self, user: SignedInUser) -> None:
        self.user = user
        self.form.signInButton.setEnabled(True)
        self.form.secretEdit.clear()
        self.form.messageLabel.setText(f"Signed in: {user.display_name} ({user.role})")
        self.signed_in.emit(user)
        self.accept()

    def _refused(self, message: str) -> None:
        self.form.signInButton.setEnabled(True)
        self.form.secretEdit.clear()
        self.form.secretEdit.setFocus()
        self._show_problem(message)

    def _show_problem(self, message: str) -> None:
        self.form.messageLabel.setStyleSheet(tone_style(BAD))
        self.form.messageLabel.setText(f"{BAD.symbol} {message}")
