"""An admin's drafts of the seller policy shown on the Policies page: start a copy of the version in
effect, change its main figures (or its whole text), replay it over the decisions of a range of
days, and publish it from an effective date.

Every service call runs on the panel's ``OperationRunner``; the services check each value as the
loader checks a policy file and check again that the user is an admin.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_problem, show_progress, show_success
from receiving_app.gui.pages.policy_draft_form import DraftFigureForm
from receiving_app.gui.pages.policy_publish_dialog import PublishDialog
from receiving_app.gui.pages.policy_replay_view import ReplayComparisonView
from receiving_app.services.auth import SignedInUser
from receiving_app.services.policy_book import PolicyBook
from receiving_app.services.policy_drafts import DraftInvalid, DraftView
from receiving_app.services.policy_replay import ReplayReport
from receiving_app.services.station import Station

REPLAY_DAYS = 30  # the default range: the last thirty days
FORM_WIDTH = 330  # px: a label of two short lines and a short figure
NAME_WIDTH = 260  # px: a seller's id and "-draft"
SELLER_CHARACTERS = 26


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PolicyDraftPanel(QWidget):
    """Drafts of one seller's policy at a time (``show_policy``).

    Signals:
        draft_shown(object): the DraftView now edited.
        replayed(object): the ReplayReport now shown.
        published(object): the PublishedView of a version just published.
    """

    draft_shown = Signal(object)
    seller_chosen = Signal(str)
    replayed = Signal(object)
    published = Signal(object)

    def __init__(self, station: Station, user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyDraftPanel")
        self._drafts, self._replay, self._publishing = (
            station.policy_drafts,
            station.policy_replay,
            station.policy_publishing,
        )
        self._user, self._station_id = user.name, station.settings.station_id
        book = station.policies
        self._today: Callable[[], date] = book.today if isinstance(book, PolicyBook) else date.today
        self.runner = OperationRunner(self)
        self._policy_id: str | None = None
        self.draft: DraftView | None = None
        self._drafts_read = True  # nothing to read until a seller is chosen

        self.seller = QComboBox(self)
        # A seller's whole name would widen the page past a 1366 px screen with the keyboard map open.
        self.seller.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.seller.setMinimumContentsLength(SELLER_CHARACTERS)
        self.seller.setObjectName("draftSeller")
        self.seller.setAccessibleName("Seller whose policy is drafted")
        for policy in sorted(book.values(), key=lambda policy: policy.seller.casefold()):
            self.seller.addItem(policy.seller, policy.id)
        self.seller.activated.connect(lambda index: self.seller_chosen.emit(self.seller.itemData(index)))
        self.name = QLineEdit(self)
        self.name.setObjectName("draftName")
        self.name.setAccessibleName("Draft name")
        self.name.setMinimumWidth(NAME_WIDTH)
        self.start_button = self._button("&Start draft", self._start)
        self.toml_button = self._button("Edit &TOML…", self._edit_text)
        self.publish_button = self._button("&Publish…", self._publish)
        self.message = QLabel(self)
        self.message.setObjectName("draftMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.form = DraftFigureForm(self)
        self.form.figure_changed.connect(self._revise)
        form_area = QScrollArea(self)
        form_area.setWidget(self.form)
        form_area.setWidgetResizable(True)
        form_area.setFixedWidth(FORM_WIDTH)

        today = self._today()
        self.replay_from = self._date_edit("replayFrom", "Replay from", today - timedelta(days=REPLAY_DAYS))
        self.replay_to = self._date_edit("replayTo", "Replay to", today)
        self.replay_button = self._button("&Replay (F5)", self.replay)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.replay, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.comparison = ReplayComparisonView(self)

        seller_label = QLabel("S&eller", self)
        seller_label.setBuddy(self.seller)
        name_label = QLabel("Draft &name", self)
        name_label.setBuddy(self.name)
        top = QHBoxLayout()
        for widget in (seller_label, self.seller, name_label, self.name):
            top.addWidget(widget)
        top.addStretch(1)
        actions = QHBoxLayout()
        for widget in (self.start_button, self.toml_button, self.publish_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        replay_row = QHBoxLayout()
        for text, edit in (("F&rom", self.replay_from), ("T&o", self.replay_to)):
            label = QLabel(text, self)
            label.setBuddy(edit)
            # Its size hint leaves out the mnemonic's underline, and "To" lost its "o" beside the date.
            label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text.replace("&", "")) + 6)
            replay_row.addWidget(label)
            replay_row.addWidget(edit)
        replay_row.addWidget(self.replay_button)
        replay_row.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(replay_row)
        right.addWidget(self.comparison, 1)
        left = QVBoxLayout()
        left.addWidget(form_area, 1)
        # The chart sits under the figures: beside the tables it would squeeze them at 1366 px.
        left.addWidget(self.comparison.chart)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self._enable()

    def _button(self, text: str, clicked: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        words = text.replace("&", "").split(" (")[0].rstrip("…")
        first, *rest = words.split()
        button.setObjectName(first.lower() + "".join(word.capitalize() for word in rest) + "Button")
        button.setAccessibleName(words)
        button.clicked.connect(clicked)
        return button

    def _date_edit(self, name: str, accessible: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    def _enable(self) -> None:
        has_draft = self.draft is not None
        for widget in (self.toml_button, self.publish_button, self.replay_button):
            widget.setEnabled(has_draft)
        self.start_button.setEnabled(self._policy_id is not None)

    def show_policy(self, policy_id: str) -> None:
        """Drafts of this seller from now on: its latest unpublished stored draft, if any."""
        if policy_id == self._policy_id:
            return
        self._policy_id, self.draft = policy_id, None
        self.seller.setCurrentIndex(self.seller.findData(policy_id))
        self.name.setText(f"{policy_id}-draft")
        self.form.show_draft({})
        self.comparison.show_comparison(None)
        self._enable()
        self._drafts_read = False
        if self.isVisible():
            self._read_drafts()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._drafts_read:
            self._read_drafts()

    def _read_drafts(self) -> None:
        # Read when first looked at, as every page reads its data: building the page reads nothing.
        self._drafts_read = True
        self._run(self._drafts.drafts, self._found_drafts, "Reading the stored drafts…")

    def _found_drafts(self, drafts: tuple[DraftView, ...]) -> None:
        clear_message(self.message)
        mine = [draft for draft in drafts if draft.policy_id == self._policy_id and not draft.published_version]
        if mine:
            self._show_draft(max(mine, key=lambda draft: draft.saved_at or 0))  # type: ignore[arg-type, return-value]

    def _show_draft(self, draft: DraftView) -> None:
        self.draft = draft
        self.name.setText(draft.name)
        self.form.show_draft(draft.data)
        self._enable()
        self.draft_shown.emit(draft)

    def _start(self) -> None:
        drafts, name, policy_id = self._drafts, self.name.text(), self._policy_id
        user, station = self._user, self._station_id
        if policy_id is None:
            return

        def started(draft: DraftView) -> None:
            self._show_draft(draft)
            show_success(self.message, f"Draft {draft.name} is a copy of version {draft.based_on_version}.")
            first = self.form.first_field()
            if first is not None:
                # The new fields are shown when the layout next runs; a hidden field takes no focus.
                QTimer.singleShot(0, first, lambda: (first.setFocus(), first.selectAll()))

        self._run(lambda: drafts.start(name, policy_id, user=user, station=station), started, "Starting the draft…")

    def _revise(self, key: str, value: Any) -> None:
        if self.draft is None:
            return
        drafts, name, user, station = self._drafts, self.draft.name, self._user, self._station_id

        def revised(draft: DraftView) -> None:
            self._show_draft(draft)
            show_success(self.message, f"Saved: {key} is now {value}.")

        self._run(
            lambda: drafts.revise(name, {key: value}, user=user, station=station),
            revised,
            f"Checking {key}…",
        )

    def _edit_text(self) -> None:
        if self.draft is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(f"Edit {self.draft.name}")
        editor = QPlainTextEdit(self.draft.text, dialog)
        editor.setObjectName("draftText")
        editor.setAccessibleName("The draft's TOML text")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(editor)
        layout.addWidget(buttons)
        dialog.resize(760, 560)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        drafts, name, text = self._drafts, self.draft.name, editor.toPlainText()
        user, station = self._user, self._station_id
        self._run(
            lambda: drafts.save(name, text, user=user, station=station),
            lambda draft: (self._show_draft(draft), show_success(self.message, f"Saved {draft.name}.")),
            "Checking the text…",
        )

    def replay(self) -> None:
        """The draft replayed over the chosen days, in the background; ``replayed`` when shown."""
        if self.draft is None or self.runner.is_running("replay"):
            return
        replay, draft = self._replay, self.draft
        start, end = self.replay_from.date().toPython(), self.replay_to.date().toPython()
        user, station = self._user, self._station_id

        def shown(report: ReplayReport) -> None:
            clear_message(self.message)
            self.comparison.show_report(report)
            self.replayed.emit(report)

        self._run(
            lambda: replay.replay(draft, start=start, end=end, user=user, station=station),  # type: ignore[arg-type]
            shown,
            f"Replaying {draft.name} from {start} to {end}…",
            key="replay",
        )

    def _publish(self) -> None:
        if self.draft is None:
            return
        dialog = PublishDialog(self.draft, self._publishing.differences, self.runner, self._today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        publishing, draft, on = self._publishing, self.draft, dialog.effective_on
        user, station = self._user, self._station_id

        def done(published: Any) -> None:
            show_success(
                self.message, f"Published version {published.version} of {published.policy_id}, in effect from {on}."
            )
            self.published.emit(published)

        self._run(lambda: publishing.publish(draft, on, user=user, station=station), done, "Publishing…")

    def _run(self, work: Callable[[], Any], done: Callable[[Any], Any], doing: str, key: str | None = None) -> None:
        show_progress(self.message, doing)
        self.runner.start(work, owner=self, key=key, on_success=done, on_failure=self._problem)

    def _problem(self, text: str) -> None:
        show_problem(self.message, text)
        # The loader's refusal names its key: the field that holds it takes the focus to be put right.
        error = getattr(self.sender(), "error", None)
        if isinstance(error, DraftInvalid) and error.key in self.form.fields:
            self.form.fields[error.key].setFocus()
