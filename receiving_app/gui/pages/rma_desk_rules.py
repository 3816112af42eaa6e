"""The New RMA tab's "Rules as of" chooser (Alt+L): the versions of the order's seller's policy, newest
first, the one in force today marked and chosen until someone chooses another. Choosing a published
version that takes effect later asks the policy again under it, so that customer service can tell a
customer what the rules will be; the RMA is still authorized under today's version, and the words
under the request say so.

Also the words under the request for a verdict, whichever version it was asked under.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QComboBox, QLabel, QWidget

from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.style import GOOD, MOVING, Tone
from receiving_app.services.desk_rules import RulesVersion, VersionedVerdict
from receiving_app.services.desk_views import DeskVerdict
from receiving_app.services.rma_desk import RmaDeskService

# Enough for "today (2027-01-04)" whole: any wider and the tab widens past a 1366 px screen with the
# keyboard map open. Each entry's tooltip says the version whole.
VERSION_CHARACTERS = 18


class RulesChooser(QObject):
    """Signals:
    changed(): someone chose another version.
    versions_shown(str): the seller whose versions the chooser now lists.
    """

    changed = Signal()
    versions_shown = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        runner: OperationRunner,
        desk: RmaDeskService,
        row: QBoxLayout,
        on_failure: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._runner, self._desk, self._on_failure = runner, desk, on_failure
        self._seller: str | None = None
        self.combo = QComboBox(parent)
        self.combo.setObjectName("rulesAsOfCombo")
        self.combo.setAccessibleName("Rules as of: the version of the seller's policy the check asks under")
        self.combo.setToolTip("The policy as it will be from a published version's date (Alt+L)")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(VERSION_CHARACTERS)
        self.combo.setEnabled(False)
        self.label = QLabel("Ru&les as of", parent)
        self.label.setObjectName("rulesAsOfLabel")
        self.label.setBuddy(self.combo)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def load(self, seller: str) -> None:
        """The seller's versions, read in the background; today's chosen."""
        self._seller = seller
        self._fill([])  # another seller's version is no choice for this one: today's until they come
        desk = self._desk
        self._runner.start(
            lambda: desk.versions(seller),
            owner=self,
            on_success=lambda versions: self._show(seller, versions),
            on_failure=self._on_failure,
        )

    def clear(self) -> None:
        self._seller = None
        self._fill([])

    def chosen(self) -> str | None:
        """The version chosen, by name; None for the one in force today (or before any is listed)."""
        version = self.combo.currentData()
        return version if isinstance(version, str) else None

    def _show(self, seller: str, versions: Sequence[RulesVersion]) -> None:
        if seller != self._seller:
            return  # another order was picked meanwhile
        self._fill(versions)
        self.versions_shown.emit(seller)

    def _fill(self, versions: Sequence[RulesVersion]) -> None:
        # Filled without a signal: listing the versions changes nothing the check asked under.
        self.combo.blockSignals(True)
        self.combo.clear()
        for version in versions:
            self.combo.addItem(choice_text(version), None if version.in_force_today else version.version)
            self.combo.setItemData(self.combo.count() - 1, version.words(), Qt.ItemDataRole.ToolTipRole)
            if version.in_force_today:
                self.combo.setCurrentIndex(self.combo.count() - 1)
        self.combo.blockSignals(False)
        self.combo.setEnabled(len(versions) > 1)


def choice_text(version: RulesVersion) -> str:
    """The version as "Rules as of" reads it: today's, a published version by its name (which is the day
    it decides from), or the installed file's."""
    if version.in_force_today:
        return f"today ({version.version})"
    return version.version if version.effective_on is not None else f"{version.version} (installed)"


def verdict_words(verdict: DeskVerdict) -> tuple[str, Tone]:
    """What the line under the request says of a verdict, and its tone."""
    today = not isinstance(verdict, VersionedVerdict) or verdict.rules.as_created_now
    if verdict.authorized and today:
        return "The policy authorizes this return: Enter creates the RMA.", GOOD
    if today:
        return "The policy refuses a line (said under it): Enter asks a supervisor to authorize it anyway.", MOVING
    assert isinstance(verdict, VersionedVerdict)
    said = "authorizes this return" if verdict.authorized else "refuses a line (said under it)"
    # Whatever the other version says, Enter authorizes under today's: the tone never says "go ahead".
    return f"The policy {said}. {verdict.rules.sentence()}", MOVING
