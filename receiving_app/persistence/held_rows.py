"""Answers from the rows a session already holds, found without a statement.

A commit plans its outbox messages from what its transaction did: the customer of an RMA it touched,
the decision it made. Those rows are most often still in the session, loaded or written by the very
transaction, and asking the database again would cost statements while the transaction holds the
rows every station queues on. Each look-up here answers only from rows whose columns are loaded
(never starting a load) and says None when it cannot, so that the caller reads the database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

Row = TypeVar("Row")
_NOT_LOADED = object()


def _held(session: Session, model: type[Row]) -> Iterator[Row]:
    for row in list(session.identity_map.values()):
        if isinstance(row, model):
            yield row


def _loaded(row: object, name: str) -> Any:
    """The attribute as the row holds it, or _NOT_LOADED where reading it would start a load."""
    state = inspect(row)
    if state.expired or name in state.expired_attributes:
        return _NOT_LOADED
    return state.dict.get(name, _NOT_LOADED)


def held_customer_email(session: Session, rma_number: str) -> str | None:
    """The e-mail address ("" for none) of the RMA's customer, if the session holds the RMA with its
    order and customer loaded; None if it would take a statement."""
    for rma in _held(session, RmaRow):
        if _loaded(rma, "number") != rma_number:
            continue
        order = _loaded(rma, "order")
        customer = _NOT_LOADED if order is _NOT_LOADED or order is None else _loaded(order, "customer")
        email = _NOT_LOADED if customer is _NOT_LOADED or customer is None else _loaded(customer, "email")
        return None if email is _NOT_LOADED else str(email or "")
    return None


def held_standing_decision_id(session: Session, rma_number: str, line_no: int, unit: int) -> int | None:
    """The id of the unit's standing decision, if the session holds it with its line and RMA; None if it
    would take a statement (or the session holds no such decision)."""
    lines = {
        line.id: line
        for line in _held(session, RmaLineRow)
        if _loaded(line, "line_no") == line_no
        and (rma := _loaded(line, "rma")) not in (_NOT_LOADED, None)
        and _loaded(rma, "number") == rma_number
    }
    for decision in _held(session, DecisionRow):
        if (
            _loaded(decision, "rma_line_id") in lines
            and _loaded(decision, "unit_no") == unit
            and _loaded(decision, "voided_at") is None
            and isinstance(found := _loaded(decision, "id"), int)
        ):
            return found
    return None
