"""What a credit memo moves in the books, each part once, and the accounts it moves between.

A decision's amounts say what the policy worked out; a credit memo pays out the refund total, which
never goes below zero. Where the fee and the return label would take it below zero, the seller keeps
only what the credit covered: the ``Settlement`` of a decision caps the fee first, then the label, so
that its parts always add up to the refund printed on the memo. The register, the QuickBooks and Xero
files and the journal all read a credit memo through its settlement, so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from receiving_app.domain.decision import Amounts
from receiving_app.domain.money import Money


class EntryKind(str, Enum):
    """A document's entry in the books: its issue, or the reversal of that issue when it was voided."""

    ISSUED = "issued"
    VOIDED = "voided"


class Part(str, Enum):
    """The parts of a credit memo, in the order its lines are written."""

    MERCHANDISE = "merchandise"
    SHIPPING_REFUND = "shipping_refund"
    RESTOCKING_FEE = "restocking_fee"
    RETURN_LABEL = "return_label"

    @property
    def words(self) -> str:
        return _PART_WORDS[self]

    @property
    def credits_the_customer(self) -> bool:
        """Merchandise and shipping are given back; the fee and the label are kept from the refund."""
        return self in (Part.MERCHANDISE, Part.SHIPPING_REFUND)


_PART_WORDS = {
    Part.MERCHANDISE: "Returned merchandise",
    Part.SHIPPING_REFUND: "Shipping refund",
    Part.RESTOCKING_FEE: "Restocking fee",
    Part.RETURN_LABEL: "Return label",
}


@dataclass(frozen=True, slots=True)
class Settlement:
    """A credit memo's money, each part as it moved: given back, or kept from what was given back."""

    merchandise: Money
    shipping_refund: Money
    restocking_fee: Money
    return_label: Money

    @property
    def refund(self) -> Money:
        return self.merchandise + self.shipping_refund - self.restocking_fee - self.return_label

    def part(self, part: Part) -> Money:
        return {
            Part.MERCHANDISE: self.merchandise,
            Part.SHIPPING_REFUND: self.shipping_refund,
            Part.RESTOCKING_FEE: self.restocking_fee,
            Part.RETURN_LABEL: self.return_label,
        }[part]

    def signed_lines(self) -> tuple[tuple[Part, Money], ...]:
        """The memo's lines as a credit note lists them: what is given back positive, what is kept
        negative; parts of nothing are left out, but a memo always has its merchandise line."""
        lines = []
        for part in Part:
            amount = self.part(part)
            if amount.is_zero and part is not Part.MERCHANDISE:
                continue
            lines.append((part, amount if part.credits_the_customer else Money.zero(amount.currency) - amount))
        return tuple(lines)


def settlement_of(amounts: Amounts) -> Settlement:
    """The parts that add up to the refund total: the fee, then the label, capped at what was credited."""
    credited = amounts.merchandise + amounts.shipping_refund
    fee = min(amounts.restocking_fee, credited)
    label = min(amounts.return_shipping_deduction, credited - fee)
    return Settlement(amounts.merchandise, amounts.shipping_refund, fee, label)


@dataclass(frozen=True, slots=True)
class BookAccounts:
    """The chart-of-accounts codes the exports post to; a station's accounting.toml may change any."""

    sales_returns: str = "4100"  # returned merchandise comes back out of sales here
    shipping_income: str = "4300"  # shipping refunded comes back out of it
    restocking_fees: str = "4200"  # the fees kept are income
    return_labels: str = "4210"  # the return labels charged to customers
    accounts_receivable: str = "1200"  # a refund as credit on the customer's account
    refunds_payable: str = "2150"  # a refund owed back to the original payment

    def for_part(self, part: Part) -> str:
        return {
            Part.MERCHANDISE: self.sales_returns,
            Part.SHIPPING_REFUND: self.shipping_income,
            Part.RESTOCKING_FEE: self.restocking_fees,
            Part.RETURN_LABEL: self.return_labels,
        }[part]

    def refunded_to(self, refund_method: str | None) -> str:
        """Where the refund goes: money back to the original payment is owed until it is paid; a credit on
        the account (and a refund of nothing, which has no method) stands against the customer's account."""
        return self.refunds_payable if refund_method == "original_payment" else self.accounts_receivable


@dataclass(frozen=True, slots=True)
class JournalPair:
    """One part of a credit memo as one balanced entry: the same amount debited to one account and
    credited to another."""

    part: Part
    debit_account: str
    credit_account: str
    amount: Money


def journal_pairs(
    settlement: Settlement, refund_method: str | None, accounts: BookAccounts, kind: EntryKind
) -> tuple[JournalPair, ...]:
    """The memo's parts as debit/credit pairs (none for a part of nothing). What is given back is debited
    to its income account and credited to where the refund goes; what is kept, the other way round. A
    reversal swaps each pair's sides, so that an issue and its void together leave every account as it was."""
    refund_account = accounts.refunded_to(refund_method)
    pairs = []
    for part in Part:
        amount = settlement.part(part)
        if amount.is_zero:
            continue
        income = accounts.for_part(part)
        debit, credit = (income, refund_account) if part.credits_the_customer else (refund_account, income)
        if kind is EntryKind.VOIDED:
            debit, credit = credit, debit
        pairs.append(JournalPair(part, debit, credit, amount))
    return tuple(pairs)
