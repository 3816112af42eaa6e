"""A decision: the outcome, every amount, the documents to print and the reasons in plain words."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import reduce

from receiving_app.domain.money import Money


class Outcome(str, Enum):
    REFUND = "refund"
    REPLACEMENT = "replacement"
    DENIED = "denied"


class RefundMethod(str, Enum):
    ACCOUNT_CREDIT = "account_credit"
    ORIGINAL_PAYMENT = "original_payment"


class DocumentType(str, Enum):
    CREDIT_MEMO = "credit_memo"
    RESTOCKING_FEE_RECEIPT = "restocking_fee_receipt"
    DENIAL_NOTICE = "denial_notice"
    REPLACEMENT_SLIP = "replacement_slip"

    @property
    def heading(self) -> str:
        """ "Credit memo": as the document is titled (``title`` would hide ``str.title``)."""
        return self.value.replace("_", " ").capitalize()


DENIAL_CODES = frozenset(
    {
        "product_not_covered",
        "not_sold_by_seller",
        "hp_plus_rejected",
        "firmware_blocked",
        "labels_removed",
        "warranty_exclusion",
        "freight_damage_excluded",
        "outside_window",
        "not_saleable",
        "below_fill_threshold",
    }
)
SUPERVISOR_OVERRIDE = "supervisor_override"
"""The code of the reason an override gives first, in the supervisor's own words."""


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    text: str

    @property
    def denies(self) -> bool:
        return self.code in DENIAL_CODES


@dataclass(frozen=True, slots=True)
class Amounts:
    """The money of a decision, one breakdown from the policy to the screen and the printed page."""

    merchandise: Money
    restocking_fee: Money
    return_shipping_deduction: Money
    shipping_refund: Money

    @property
    def refund_total(self) -> Money:
        """Merchandise less the fee and the return label, plus any shipping refund, never below zero."""
        merchandise = self.merchandise
        total = self._unfloored_total
        if total == merchandise.amount and total >= 0:
            return merchandise  # nothing taken off or added: the same value, not made again
        return Money(total, merchandise.currency) if total >= 0 else Money.zero(merchandise.currency)

    @property
    def is_floored(self) -> bool:
        return self._unfloored_total < 0

    @property
    def _unfloored_total(self) -> Decimal:
        # Summed as Decimals, each part held to the merchandise's currency as Money's own arithmetic
        # holds it: three Money made and dropped for every total cost a replay whole seconds.
        merchandise = self.merchandise
        return (
            merchandise.amount
            - merchandise.same_currency_amount(self.restocking_fee)
            - merchandise.same_currency_amount(self.return_shipping_deduction)
            + merchandise.same_currency_amount(self.shipping_refund)
        )

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(
            self.merchandise + other.merchandise,
            self.restocking_fee + other.restocking_fee,
            self.return_shipping_deduction + other.return_shipping_deduction,
            self.shipping_refund + other.shipping_refund,
        )

    @property
    def currency(self) -> str:
        """The ISO 4217 code every amount of the breakdown is in."""
        return self.merchandise.currency

    @classmethod
    def nothing_moves(cls, merchandise: Money) -> Amounts:
        zero = Money.zero(merchandise.currency)
        return cls(merchandise, zero, zero, zero)

    @classmethod
    def summed(cls, breakdowns: Iterable[Amounts]) -> Amounts:
        """Each amount summed over the breakdowns: a document's totals over its lines.

        Started from the first breakdown, not from zero, so that the sum keeps the lines' currency."""
        listed = list(breakdowns)
        return reduce(operator.add, listed) if listed else cls.nothing_moves(Money.zero())


@dataclass(frozen=True, slots=True)
class Decision:
    policy_id: str
    policy_version: str
    outcome: Outcome
    refund_method: RefundMethod | None
    amounts: Amounts
    fill_fraction: Decimal | None
    documents: tuple[DocumentType, ...]
    reasons: tuple[Reason, ...]

    @property
    def refund_total(self) -> Money:
        return self.amounts.refund_total if self.outcome is Outcome.REFUND else Money.zero(self.amounts.currency)

    @property
    def denial_codes(self) -> tuple[str, ...]:
        return tuple(reason.code for reason in self.reasons if reason.denies)


def decision_as_json(decision: Decision) -> dict[str, object]:
    """The decision in the shape of the ``evaluate`` contract; money as fixed two-place strings."""
    amounts = decision.amounts
    return {
        "policy": decision.policy_id,
        "policy_version": decision.policy_version,
        "outcome": decision.outcome.value,
        "refund_method": decision.refund_method.value if decision.refund_method else None,
        "currency": amounts.currency,
        "merchandise": str(amounts.merchandise),
        "restocking_fee": str(amounts.restocking_fee),
        "return_shipping_deduction": str(amounts.return_shipping_deduction),
        "shipping_refund": str(amounts.shipping_refund),
        "refund_total": str(decision.refund_total),
        # A fraction, not money: JSON carries it as a number, exact to its four places.
        "fill_fraction": float(decision.fill_fraction) if decision.fill_fraction is not None else None,
        "documents": [document.value for document in decision.documents],
        "reasons": [{"code": reason.code, "text": reason.text} for reason in decision.reasons],
    }
