"""The first run of a real installation: the database has no users, so the first admin is created."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from receiving_app.gui.forms.ui_first_admin import Ui_FirstAdminDialog
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.style import BAD, sized_font, tone_style
from receiving_app.services.users import UserService


class FirstAdminDialog(QDialog):
    """Asks for the first admin's name and password, twice.

    Signals:
        created(str): the new admin's user name, once the service stored it.
    """

    created = Signal(str)

    def __init__(
        self, users: UserService, station_id: str, runner: OperationRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstAdminDialog()
        self.ui.setupUi(self)
        self._users = users
        self._station_id = station_id
        self._runner = runner
        self.ui.titleLabel.setFont(sized_font(self.font(), 22))
        self.ui.createButton.clicked.connect(self.create)
        self.ui.nameEdit.setFocus()

    def create(self) -> None:
        name = self.ui.nameEdit.text().strip()
        password, again = self.ui.passwordEdit.text(), self.ui.confirmEdit.text()
        if password != again:
            self._show_problem("The two passwords differ; type them again.")
            self.ui.passwordEdit.clear()
            self.ui.confirmEdit.clear()
            self.ui.passwordEdit.setFocus()
            return
        display_name = self.ui.displayNameEdit.text().strip() or name
        self.ui.createButton.setEnabled(False)
        self._runner.start(
            lambda: self._users.create_first_admin(name, display_name, password, station=self._station_id),
            owner=self,
            key="first-admin",
            on_success=lambda _: self._created(name),
            on_failure=self._refused,
        )

    def _created(self, name: str) -> None:
        self.created.emit(name)
        self.accept()

    def _refused(self, message: str) -> None:
        self.ui.createButton.setEnabled(True)
        self._show_problem(message)

    def _show_problem(self, message: str) -> None:
        self.ui.messageLabel.setStyleSheet(tone_style(BAD))
        self.ui.messageLabel.setText(f"{BAD.symbol} {message}")
