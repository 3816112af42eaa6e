"""Deciding a line in one call, on whatever station the tests' ``station`` fixture gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from receiving_app.domain.facts import CustomerChoice, Flags, ReturnReason
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.commands import Approval
from receiving_app.services.station import Station
from receiving_app.services.views import ReceiveResult
from tests.support.receiving import as_sold

Decide = Callable[..., ReceiveResult]


@pytest.fixture
def decide(station: Station) -> Decide:
    """Receive one line as the receiver: a full cartridge returned as defective, which every shipped
    policy refunds (or replaces, when asked); ``deny=True`` marks it as not sold by the seller,
    which every shipped policy denies."""

    def receive(number: str, line: int = 1, *, deny: bool = False, replacement: bool = False) -> ReceiveResult:
        detail = station.history.show_rma(number)
        full = detail.rma.lines[line - 1].full_g
        command = as_sold(
            number,
            line,
            "receiver",
            "S1",
            reason=ReturnReason.DEFECTIVE,
            customer_choice=CustomerChoice.REPLACEMENT if replacement else CustomerChoice.REFUND,
            weight=WeightCapture(value=full, unit="g", grams=full, stable=True, source="manual"),
            # The reason and choice set here may differ from the customer's, which only a supervisor may let stand.
            approval=Approval("supervisor", "found defective at the bench"),
        )
        if deny:
            command = replace(command, flags=replace(Flags.as_sold(), sold_by_seller=False))
        return station.receiving.receive(command)

    return receive
