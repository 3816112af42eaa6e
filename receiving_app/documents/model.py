"""What a printed document says: plain frozen values, filled by the services from the database.

Nothing here knows about SQLAlchemy or reportlab. A layout reads a ``DocumentContent`` and draws it;
the same content always gives the same PDF, so an issued document can be produced again byte for byte.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import reduce
from typing import Final, Literal

from receiving_app.domain.decision import Amounts, Decision, DocumentType, Outcome, Reason
from receiving_app.domain.money import Money
from receiving_app.domain.weight_capture import WeightCapture

PageSize = Literal["letter", "a4"]
PAGE_SIZES: Final = ("letter", "a4")
RMA_LABEL: Final = "rma_label"
DocumentKind = DocumentType | Literal["rma_label"]


class DocumentError(ValueError):
    """Content that cannot be printed truthfully: amounts that do not add up, a void without a reason."""


@dataclass(frozen=True, slots=True)
class Party:
    """A name and postal address, printed as given (the services mask what must not be shown)."""

    name: str
    address_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LineDetail:
    """One RMA line with every amount of its decision."""

    line_number: int
    sku: str
    description: str
    quantity: int
    unit_price: Money
    amounts: Amounts
    total: Money  # what the line pays back: the breakdown's total on a refund, nothing otherwise
    unit_number: int = 1
    unit_count: int = 1
    """Which unit of the RMA line this is: units are decided one by one, each on its own document."""

    @property
    def described(self) -> str:
        """The description, naming the unit where the line holds more than one."""
        if self.unit_count == 1:
            return self.description
        return f"{self.description} (unit {self.unit_number} of {self.unit_count})"

    def __post_init__(self) -> None:
        if self.quantity <= 0:
            raise DocumentError(f"line {self.line_number}: quantity must be positive, got {self.quantity}")
        merchandise = self.amounts.merchandise
        if merchandise != self.unit_price * self.quantity:
            raise DocumentError(
                f"line {self.line_number}: merchandise {merchandise} is not {self.quantity} x {self.unit_price}"
            )

    @classmethod
    def from_decision(
        cls,
        *,
        line_number: int,
        sku: str,
        description: str,
        quantity: int,
        unit_price: Money,
        decision: Decision,
    ) -> LineDetail:
        return cls(
            line_number=line_number,
            sku=sku,
            description=description,
            quantity=quantity,
            unit_price=unit_price,
            amounts=decision.amounts,
            total=decision.refund_total,
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the receiver measured and saw, as the inspection recorded it."""

    weight: WeightCapture | None = None  # the one the decision used
    fill_fraction: Decimal | None = None
    """Of a full cartridge, 0 to 1, as the decision stored it."""
    condition: tuple[tuple[str, bool | None], ...] = ()
    """Each check with its finding; None prints as "not checked"."""
    flags: tuple[tuple[str, bool | None], ...] = ()
    contradictions: tuple[str, ...] = ()
    """Where the weight disagreed with what was ticked, each in a sentence."""
    photos: tuple[bytes, ...] = ()
    """The pictures as stored. An upright RGB or gray JPEG of at most 480 px (``photos.printable_photo``)
    is embedded as it is; anything else is made into one each time it is printed."""


@dataclass(frozen=True, slots=True)
class DocumentContent:
    document_type: DocumentKind
    document_number: str
    issued_at: datetime
    station_id: str
    seller: Party
    authorization_word: str
    """What this seller calls the return authorization: RMA, RA or RGA."""
    policy_id: str
    policy_version: str
    customer: Party
    rma_number: str
    order_number: str
    lines: tuple[LineDetail, ...]
    received_by: str
    outcome: Outcome | None = None
    refund_method: str | None = None
    """As the customer recognizes it: "Card ending 4242", "Credit to account 10023"."""
    reasons: tuple[Reason, ...] = ()
    rule_texts: tuple[str, ...] = ()
    """The policy's own words for each rule that denied, printed on a denial notice."""
    refund_timing: str = ""
    evidence: Evidence | None = None
    overridden_by: str | None = None
    override_reason: str | None = None
    finding: str | None = None
    """The reason or choice found at the bench where it differs from the customer's, in words."""
    approved_by: str | None = None
    approval_note: str | None = None
    copy: bool = False
    voided: bool = False
    void_reason: str | None = None
    page_size: PageSize = "letter"
    customer_account: str = ""
    """The customer's account number with the seller, printed where the seller keeps accounts; empty: not printed."""
    credit_memo_number: str | None = None
    """On a restocking-fee receipt, the credit memo of the same decision, the refund the fee was kept from."""

    def __post_init__(self) -> None:
        if self.document_type != RMA_LABEL and not isinstance(self.document_type, DocumentType):
            raise DocumentError(f"unknown document type {self.document_type!r}")
        if self.page_size not in PAGE_SIZES:
            raise DocumentError(f"page size must be one of {', '.join(PAGE_SIZES)}, got {self.page_size!r}")
        if not self.document_number:
            raise DocumentError("a document needs its number")
        if self.voided and not self.void_reason:
            raise DocumentError(f"{self.document_number}: a voided document must say why it was voided")
        if self.overridden_by and not self.override_reason:
            raise DocumentError(f"{self.document_number}: an override must say why")

    @property
    def title(self) -> str:
        if self.document_type == RMA_LABEL:
            return f"{self.authorization_word} label"
        return self.document_type.heading

    @property
    def title_in_sentence(self) -> str:
        """``"credit memo"``, but ``"RGA label"``: an abbreviation keeps its capitals."""
        first, _, rest = self.title.partition(" ")
        if not first.isupper():
            first = first.lower()
        return f"{first} {rest}" if rest else first

    @property
    def authorization_label(self) -> str:
        """``"RA number"`` for a seller that says RA."""
        return f"{self.authorization_word} number"

    @property
    def total(self) -> Money:
        """The document's total: the sum of its line totals."""
        # Started from the first total rather than zero, so that the sum keeps the lines' currency.
        totals = [line.total for line in self.lines]
        return reduce(operator.add, totals) if totals else Money.zero()

    @property
    def currency(self) -> str:
        """The ISO 4217 code of every amount on the document: its lines'."""
        return self.total.currency

    @property
    def summed_amounts(self) -> Amounts:
        """Each amount of the breakdown summed over the lines: the totals row of a document."""
        return Amounts.summed(line.amounts for line in self.lines)

    def require_amounts_add_up(self) -> None:
        """Refuses to print money that does not add up, line by line, rather than print a wrong record."""
        for line in self.lines:
            amounts = line.amounts
            if line.total != amounts.refund_total:
                raise DocumentError(
                    f"{self.document_number} line {line.line_number}: total {line.total} is not "
                    f"{amounts.merchandise} - {amounts.restocking_fee} - {amounts.return_shipping_deduction} "
                    f"+ {amounts.shipping_refund} = {amounts.refund_total}"
                )
