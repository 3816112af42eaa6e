"""The RMA desk: customer service authorizes returns, and the back office settles the parcels that came
without an RMA and watches what waits too long. Three tabs, one module each:

- New RMA (``rma_desk_new``): find the order, pick lines and quantities, reason and choice; the seller's
  policy answers as the fields change; Enter authorizes (a refusal needs a supervisor); F5 prints the
  new RMA's label.
- Unidentified (``rma_desk_unidentified``): the open returns without an RMA, matched to an order or
  rejected with a reason.
- Aging (``rma_desk_aging``): the four lists of what waits past its limit, with their counts.

Alt+N, Alt+U and Alt+G (or Ctrl+Tab) go from tab to tab; the Unidentified and Aging tabs are read again
each time they are shown. Every service call runs on the page's own runner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.rma_desk_aging import AgingTab
from receiving_app.gui.pages.rma_desk_new import NewRmaTab
from receiving_app.gui.pages.rma_desk_unidentified import UnidentifiedTab
from receiving_app.services.auth import SignedInUser
from receiving_app.services.station import Station


class RmaDeskPage(QWidget):
    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rmaDeskPage")
        self.setAccessibleName("RMA desk")
        self._runner = OperationRunner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("deskTabs")
        self.tabs.setAccessibleName("RMA desk")
        # The first key on the page goes to the order search, not to the tab bar: Alt and a tab's letter,
        # or Ctrl+Tab, change tabs.
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_rma = NewRmaTab(station, signed_in_user, self._runner, self.tabs)
        self.unidentified = UnidentifiedTab(station, signed_in_user, self._runner, self.tabs)
        self.aging = AgingTab(station, self._runner, self.tabs)
        self.tabs.addTab(self.new_rma, "&New RMA")
        self.tabs.addTab(self.unidentified, "&Unidentified")
        self.tabs.addTab(self.aging, "A&ging")
        self.tabs.setTabToolTip(0, "Authorize a customer's return (Alt+N)")
        self.tabs.setTabToolTip(1, "Returns that came without an RMA (Alt+U)")
        self.tabs.setTabToolTip(2, "What waits longer than it should (Alt+G)")
        self.tabs.currentChanged.connect(self._tab_shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    @property
    def busy(self) -> bool:
        """Work of the page's is still running (a search, a check, a list being read)."""
        return self._runner.busy

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh(self.tabs.currentWidget())

    def _tab_shown(self, index: int) -> None:
        tab = (self.new_rma, self.unidentified, self.aging)[index]
        self._refresh(tab)
        if self.isVisible():
            tab.focus_first()

    def _refresh(self, tab: QWidget | None) -> None:
        if tab is self.unidentified:
            self.unidentified.refresh()
        elif tab is self.aging:
            self.aging.refresh()
