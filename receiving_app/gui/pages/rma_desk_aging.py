"""The RMA desk's Aging tab: what waits longer than it should, read again each time the tab is shown.

Four lists from the aging service, each on a tab of its own whose title carries its count: RMAs
authorized longer ago than their seller allows and still not arrived, parcels checked in and not yet
inspected, lines on hold, and returns without an RMA left open. Over each list, its limit and what to
do about it, in the words the daily report prints.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from receiving_app.gui.forms.ui_pages_rma_desk_aging import Ui_AgingTab
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import clear_message, show_message, show_problem, show_progress
from receiving_app.gui.pages.models import RecordTableModel, prepare_table
from receiving_app.gui.pages.rma_desk_models import (
    LateUnidentifiedModel,
    NotArrivedModel,
    NotInspectedModel,
    OnHoldModel,
)
from receiving_app.gui.pages.whole_tabs import give_whole_tab_bar
from receiving_app.gui.style import NEUTRAL
from receiving_app.services.aging_model import AgingList, AgingView
from receiving_app.services.station import Station

SHORT_TITLES = {
    "not_arrived": "Not arrived",
    "not_inspected": "Not inspected",
    "on_hold": "On hold",
    "unidentified": "Without an RMA",
}


class AgingTab(QWidget):
    """Signals:
    shown_view(object): the ``AgingView`` now on the tab.
    problem_shown(str): a failure, as the user reads it.
    """

    shown_view = Signal(object)
    problem_shown = Signal(str)

    def __init__(self, station: Station, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._aging, self._runner = station.aging, runner
        self.view: AgingView | None = None
        self.ui = ui = Ui_AgingTab()
        ui.setupUi(self)
        give_whole_tab_bar(ui.agingTabs)
        clear_message(ui.agingStatusLabel)
        self.lists: dict[str, tuple[RecordTableModel, QTableView, QLabel]] = {}
        for key, model_class, table, label in (
            ("not_arrived", NotArrivedModel, ui.notArrivedTable, ui.notArrivedLabel),
            ("not_inspected", NotInspectedModel, ui.notInspectedTable, ui.notInspectedLabel),
            ("on_hold", OnHoldModel, ui.onHoldTable, ui.onHoldLabel),
            ("unidentified", LateUnidentifiedModel, ui.unidentifiedTable, ui.unidentifiedLabel),
        ):
            model = model_class(self)
            table.setModel(model)
            prepare_table(table)
            self.lists[key] = (model, table, label)

    def focus_first(self) -> None:
        _, table, _ = self.lists[self._current_key()]
        table.setFocus()

    def refresh(self) -> None:
        aging = self._aging
        started = self._runner.start(
            aging.aging, owner=self, key="desk-aging", on_success=self._show, on_failure=self._problem
        )
        if started is not None and self.view is None:
            show_progress(self.ui.agingStatusLabel, "Reading what waits…")

    def title(self, key: str) -> str:
        """The list's tab title, with its count."""
        return self.ui.agingTabs.tabText(list(self.lists).index(key))

    def _show(self, view: AgingView) -> None:
        self.view = view
        tabs = self.ui.agingTabs
        for index, listed in enumerate(view.lists):
            model, _table, label = self.lists[listed.key]
            model.set_records(listed.rows)
            tabs.setTabText(index, f"{SHORT_TITLES[listed.key]} ({listed.count})")
            tabs.setTabToolTip(index, listed.title)
            label.setText(_explanation(view, listed))
        show_message(
            self.ui.agingStatusLabel,
            f"As of {view.as_of:%Y-%m-%d %H:%M}, {view.total} waiting past their limits.",
            NEUTRAL,
        )
        self.shown_view.emit(view)

    def _current_key(self) -> str:
        return list(self.lists)[self.ui.agingTabs.currentIndex()]

    def _problem(self, message: str) -> None:
        show_problem(self.ui.agingStatusLabel, message)
        self.problem_shown.emit(message)


def _explanation(view: AgingView, listed: AgingList) -> str:
    more = f" The oldest {len(listed.rows)} of {listed.count} are listed." if listed.unlisted else ""
    return f"{listed.title}: {view.limits.words(listed.key)}. {listed.action}{more}"
