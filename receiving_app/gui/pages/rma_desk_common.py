"""What the RMA desk's New RMA tab and the matching of a return without an RMA share: the five reasons
and two choices in words, the supervisor's authorization of a return the policy refuses (the bench's own
supervisor dialog, with the policy's sentences), and Enter in a field meaning "authorize"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from receiving_app.domain.facts import CustomerChoice, ReturnReason
from receiving_app.gui.dialogs import SupervisorNoteDialog
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.models import words
from receiving_app.services.commands import Approval
from receiving_app.services.desk_views import DeskVerdict
from receiving_app.services.station import Station

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def fill_reasons_and_choices(reason_combo: QComboBox, choice_combo: QComboBox) -> None:
    """The five reasons and the two choices in words, carrying their values."""
    for reason in ReturnReason:
        reason_combo.addItem(words(reason.value), reason.value)
    reason_combo.setCurrentIndex(-1)  # no reason is assumed: the customer says it
    for choice in CustomerChoice:
        choice_combo.addItem(words(choice.value), choice.value)


def ask_supervisor(
    parent: QWidget,
    runner: OperationRunner,
    station: Station,
    what: str,
    verdict: DeskVerdict,
    then: Callable[[Approval], None],
) -> None:
    """The bench's supervisor dialog, saying why the policy refuses ``what``; ``then(approval)`` once a
    supervisor's password checks out."""
    why = "\n".join(f"• {sentence}" for sentence in verdict.reasons)
    policy = station.policies.get(verdict.seller)
    seller = policy.seller if policy is not None else verdict.seller
    dialog = SupervisorNoteDialog(
        "A supervisor authorizes this return",
        f"{seller}'s policy does not authorize {what}:\n{why}\nA supervisor can authorize it anyway.",
        "Why the return can be authorized",
        parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open_for(
        runner,
        station.auth,
        station.settings.station_id,
        lambda signed_in, note: then(Approval(signed_in.name, note)),
    )


class EnterAuthorizes(QObject):
    """Enter in a field of the request authorizes it (the search box and the orders keep their own Enter)."""

    def __init__(self, act: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._act = act

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            self._act()
            return True
        return False
