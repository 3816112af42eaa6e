"""The sign-in dialog: who is at the bench, checked by the auth service in the background.

It is on screen before the station's database is open, so that the clerk can type while it opens;
a sign-in sent before that waits for it, and a database that cannot be opened is said here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from receiving_app.gui.forms.ui_sign_in import Ui_SignInDialog
from receiving_app.gui.style import BAD, sized_font, tone_style

if TYPE_CHECKING:
    from receiving_app.gui.operations import OperationRunner
    from receiving_app.services.auth import AuthService, SignedInUser


class SignInDialog(QDialog):
    """Asks for a user name and PIN or password.

    Signals:
        signed_in(object): the ``SignedInUser`` once the service accepted the secret.
    """

    signed_in = Signal(object)

    def __init__(
        self, auth: AuthService | None, station_id: str, runner: OperationRunner, parent: QWidget | None = None
    ) -> None:
        """``auth`` is None until the station has opened (``station_opened``)."""
        super().__init__(parent)
        self.ui = Ui_SignInDialog()
        self.ui.setupUi(self)
        self._auth = auth
        self._waiting_for_station = False
        self._station_problem: str | None = None
        self._station_id = station_id
        self._runner = runner
        self.user: SignedInUser | None = None
        self.ui.titleLabel.setFont(sized_font(self.font(), 22))
        self.ui.signInButton.clicked.connect(self.sign_in)
        self.ui.secretEdit.returnPressed.connect(self.sign_in)
        self.ui.nameEdit.returnPressed.connect(self.ui.secretEdit.setFocus)
        self.ui.nameEdit.setFocus()

    def sign_in(self) -> None:
        if self._station_problem is not None:
            self._show_problem(self._station_problem)
            return
        name, secret = self.ui.nameEdit.text().strip(), self.ui.secretEdit.text()
        if not name or not secret:
            self._show_problem("Type your user name and your PIN or password.")
            return
        self.ui.signInButton.setEnabled(False)
        if self._auth is None:
            self._waiting_for_station = True
            self._show_progress("Opening the station's database…")
            return
        self._show_progress("Checking…")
        self._runner.start(
            lambda: self._auth.sign_in(name, secret, station=self._station_id),
            owner=self,
            key="sign-in",
            on_success=self._accepted,
            on_failure=self._refused,
        )

    def station_opened(self, auth: AuthService) -> None:
        """The station is open: a sign-in sent while it opened goes ahead now."""
        self._auth = auth
        if self._waiting_for_station:
            self._waiting_for_station = False
            self.sign_in()

    def station_failed(self, message: str) -> None:
        """Nobody can sign in to a station without its database; the message says why."""
        self._waiting_for_station = False
        self._station_problem = message
        self.ui.signInButton.setEnabled(False)
        self._show_problem(message)

    def reset(self, why: str = "") -> None:
        """Ready for the next person (after a sign-out or a lock, which ``why`` explains): nothing of the
        last one stays on screen."""
        self.user = None
        self.ui.nameEdit.clear()
        self.ui.secretEdit.clear()
        self.ui.messageLabel.setText(why)
        self.ui.messageLabel.setStyleSheet("")
        self.ui.nameEdit.setFocus()

    def _accepted(self, user: SignedInUser) -> None:
        self.user = user
        self.ui.signInButton.setEnabled(True)
        self.ui.secretEdit.clear()
        self.ui.messageLabel.setText(f"Signed in: {user.display_name} ({user.role})")
        self.signed_in.emit(user)
        self.accept()

    def _refused(self, message: str) -> None:
        self.ui.signInButton.setEnabled(True)
        self.ui.secretEdit.clear()
        self.ui.secretEdit.setFocus()
        self._show_problem(message)

    def _show_progress(self, message: str) -> None:
        self.ui.messageLabel.setStyleSheet("")
        self.ui.messageLabel.setText(message)

    def _show_problem(self, message: str) -> None:
        self.ui.messageLabel.setStyleSheet(tone_style(BAD))
        self.ui.messageLabel.setText(f"{BAD.symbol} {message}")
