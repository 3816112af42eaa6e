"""Publishing a draft, asked first: the effective date, then in words what the new version changes
from the one it replaces on that day, and a confirmation. The differences come from
``PolicyPublishingService.differences`` through the page's runner, again whenever the date changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress
from receiving_app.services.policy_drafts import DraftView

Differences = Callable[[DraftView, date], tuple[str, tuple[str, ...]]]


class PublishDialog(QDialog):
    """Asks for the effective date and shows the differences; ``effective_on`` once accepted."""

    def __init__(
        self,
        draft: DraftView,
        differences: Differences,
        runner: OperationRunner,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.setWindowTitle(f"Publish {draft.name}")
        self._draft, self._differences, self._runner = draft, differences, runner
        # Tomorrow by default: a version taking effect today would decide the rest of the day's
        # units by other rules than its morning's.
        self.effective = QDateEdit(QDate(today.year, today.month, today.day).addDays(1), self)
        self.effective.setObjectName("publishEffective")
        self.effective.setAccessibleName("Effective from")
        self.effective.setCalendarPopup(True)
        self.effective.setMinimumDate(QDate(today.year, today.month, today.day))
        self.effective.setDisplayFormat("yyyy-MM-dd")
        self.replaces = QLabel(self)
        self.replaces.setWordWrap(True)
        self.sentences = QListWidget(self)
        self.sentences.setObjectName("publishDifferences")
        self.sentences.setAccessibleName("What the new version changes")
        self.sentences.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.publish_button = self.buttons.addButton("&Publish", QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish_button.setEnabled(False)
        self.publish_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        label = QLabel("&Effective from", self)
        label.setBuddy(self.effective)
        form.addRow(label, self.effective)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.replaces)
        layout.addWidget(self.sentences, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 380)
        self.effective.dateChanged.connect(self._ask)
        self._ask()

    @property
    def effective_on(self) -> date:
        return self.effective.date().toPython()  # type: ignore[return-value]

    def _ask(self) -> None:
        self.publish_button.setEnabled(False)
        show_progress(self.message, "Reading what the new version changes…")
        draft, differences, on = self._draft, self._differences, self.effective_on
        self._runner.start(
            lambda: differences(draft, on),
            owner=self,
            on_success=lambda found, asked=on: self._show(asked, found),
            on_failure=lambda text: show_problem(self.message, text),
        )

    def _show(self, asked: date, found: tuple[str, tuple[str, ...]]) -> None:
        if asked != self.effective_on:
            return  # the date changed again while this was read
        replaces, sentences = found
        self.replaces.setText(f"From {asked}, this replaces version {replaces}. It changes:")
        self.sentences.clear()
        self.sentences.addItems(list(sentences))
        if sentences:
            clear_message(self.message)
            self.publish_button.setEnabled(True)
            self.publish_button.setFocus()
        else:
            show_problem(self.message, f"The draft says what version {replaces} says: nothing to publish.")
