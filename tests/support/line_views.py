"""An RMA line as the services show it, made by hand so that a widget's tests need nothing of the
receiving screen."""

from __future__ import annotations

from decimal import Decimal

from receiving_app.domain.money import Money
from receiving_app.services.views import RmaLineView


def line_view(line: int, status: str = "open", sku: str = "TN-660") -> RmaLineView:
    """A line of two TN-660 toners (full 815.0 g, empty 590.0 g)."""
    return RmaLineView(
        line=line,
        sku=sku,
        description="Brother TN-660 toner",
        category="toner",
        quantity=2,
        unit_price=Money.of("54.99"),
        reason="not_needed",
        customer_choice="refund",
        status=status,
        upc="082002977276",
        full_g=Decimal("815.0"),
        empty_g=Decimal("590.0"),
    )
