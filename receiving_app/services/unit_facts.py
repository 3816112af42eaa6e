"""The facts a policy decides one unit on, from what the station holds of it: the one place they are
put together, when a unit is received at the bench and when a draft policy replays decided units."""

from __future__ import annotations

from receiving_app.domain.facts import (
    Category,
    Condition,
    CustomerChoice,
    Flags,
    Item,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.money import Money
from receiving_app.domain.weight import FillMeasurement


def unit_facts(
    *,
    reason: ReturnReason,
    choice: CustomerChoice,
    sku: str,
    category: Category,
    unit_price: Money,
    dates: ReturnDates,
    payment_method: PaymentMethod,
    shipping_paid: Money,
    shipping_refunded: Money,
    label_cost: Money,
    label_deducted: Money,
    condition: Condition,
    flags: Flags,
    fill: FillMeasurement | None = None,
) -> ReturnFacts:
    """One unit's facts. Each unit is decided on its own, so its merchandise is one unit's price; an
    order's shipping is refunded once and an RMA's return label deducted once, so the facts carry only
    what earlier decisions (``shipping_refunded``, ``label_deducted``) left of them."""
    return ReturnFacts(
        reason=reason,
        customer_choice=choice,
        item=Item(sku, category, unit_price, 1),
        dates=dates,
        payment_method=payment_method,
        shipping_paid=_left(shipping_paid, shipping_refunded),
        return_label_cost=_left(label_cost, label_deducted),
        fill=fill,
        condition=condition,
        flags=flags,
    )


def _left(whole: Money, used: Money) -> Money:
    return whole if used.is_zero else (whole - used).floored_at_zero()
