"""What the RMA desk is asked and what it answers, as frozen values: the orders found, one order with
what is left to return of each line, a request for an RMA, the policy's verdict on it, and the RMA made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from receiving_app.domain.decision import Reason
from receiving_app.domain.facts import CustomerChoice, ReturnReason


@dataclass(frozen=True, slots=True)
class OrderSummary:
    number: str
    seller: str  # the seller's policy id
    seller_name: str
    customer_account: str
    customer_name: str  # masked unless the caller may see it
    purchased: date
    lines: int

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "seller": self.seller,
            "customer_account": self.customer_account,
            "customer_name": self.customer_name,
            "purchased": self.purchased.isoformat(),
            "lines": self.lines,
        }


@dataclass(frozen=True, slots=True)
class OrderLineView:
    line_no: int
    sku: str
    description: str
    category: str
    quantity: int
    already_returned: int  # units of the line on RMAs already

    @property
    def returnable(self) -> int:
        return max(self.quantity - self.already_returned, 0)

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line_no,
            "sku": self.sku,
            "description": self.description,
            "category": self.category,
            "quantity": self.quantity,
            "already_returned": self.already_returned,
            "returnable": self.returnable,
        }


@dataclass(frozen=True, slots=True)
class OrderView:
    number: str
    seller: str
    seller_name: str
    customer_account: str
    customer_name: str
    purchased: date
    shipped: date | None
    delivered: date | None
    lines: tuple[OrderLineView, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "seller": self.seller,
            "customer_account": self.customer_account,
            "customer_name": self.customer_name,
            "purchased": self.purchased.isoformat(),
            "shipped": self.shipped.isoformat() if self.shipped else None,
            "delivered": self.delivered.isoformat() if self.delivered else None,
            "lines": [line.as_json() for line in self.lines],
        }


@dataclass(frozen=True, slots=True)
class RequestedLine:
    line_no: int  # the order's line
    quantity: int | None = None  # None: every unit of it still returnable


@dataclass(frozen=True, slots=True)
class RmaRequest:
    """What the customer asks to return, as the desk takes it down."""

    order_number: str
    lines: tuple[RequestedLine, ...]
    reason: ReturnReason
    customer_choice: CustomerChoice = CustomerChoice.REFUND
    tracking_numbers: tuple[str, ...] = ()  # as typed; checked before anything is written
    seller: str | None = None  # the seller the desk authorizes for; None: the order's own


@dataclass(frozen=True, slots=True)
class LineVerdict:
    line_no: int  # the order's line
    sku: str
    quantity: int
    refusals: tuple[Reason, ...]  # empty: the policy authorizes it

    @property
    def authorized(self) -> bool:
        return not self.refusals

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line_no,
            "sku": self.sku,
            "quantity": self.quantity,
            "authorized": self.authorized,
            "reasons": [reason.text for reason in self.refusals],
        }


@dataclass(frozen=True, slots=True)
class DeskVerdict:
    order_number: str
    seller: str
    lines: tuple[LineVerdict, ...]

    @property
    def authorized(self) -> bool:
        return all(line.authorized for line in self.lines)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Each refusal's sentence once, in the order of the lines."""
        return tuple(dict.fromkeys(reason.text for line in self.lines for reason in line.refusals))

    def as_json(self) -> dict[str, Any]:
        return {
            "order": self.order_number,
            "seller": self.seller,
            "authorized": self.authorized,
            "lines": [line.as_json() for line in self.lines],
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class CreatedLine:
    line: int  # the RMA's line
    order_line: int
    sku: str
    quantity: int


@dataclass(frozen=True, slots=True)
class CreatedRma:
    number: str
    seller: str
    order_number: str
    lines: tuple[CreatedLine, ...]
    verdict: DeskVerdict
    supervisor: str | None  # who authorized it over the policy's refusal; None: the policy authorized it
    tracking_numbers: tuple[str, ...]

    @property
    def authorized_by_supervisor(self) -> bool:
        return self.supervisor is not None

    def as_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "seller": self.seller,
            "order": self.order_number,
            "lines": [
                {"line": line.line, "order_line": line.order_line, "sku": line.sku, "quantity": line.quantity}
                for line in self.lines
            ],
            "authorized_by_supervisor": self.authorized_by_supervisor,
            "supervisor": self.supervisor,
            "reasons": list(self.verdict.reasons),
            "tracking_numbers": list(self.tracking_numbers),
        }
