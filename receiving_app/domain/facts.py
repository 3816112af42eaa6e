"""What the station knows about one returned line when it decides: frozen, validated facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from receiving_app.domain.money import Money
from receiving_app.domain.weight import FillMeasurement


class ReturnReason(str, Enum):
    DEFECTIVE = "defective"
    NOT_NEEDED = "not_needed"
    ORDERED_WRONG = "ordered_wrong"
    DAMAGED_IN_TRANSIT = "damaged_in_transit"
    WRONG_ITEM_SHIPPED = "wrong_item_shipped"

    @property
    def is_seller_error(self) -> bool:
        """Seller errors never carry a fee or deduction and refund the shipping, under every policy."""
        return self is ReturnReason.WRONG_ITEM_SHIPPED

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class CustomerChoice(str, Enum):
    REFUND = "refund"
    REPLACEMENT = "replacement"


class Category(str, Enum):
    INK = "ink"
    TONER = "toner"
    DRUM = "drum"
    REPLACEMENT_PART = "replacement_part"


class PaymentMethod(str, Enum):
    CARD = "card"
    PAYPAL = "paypal"
    CHECK = "check"
    OPEN_ACCOUNT = "open_account"


class DateEvent(str, Enum):
    """The dates a window can be counted from, with the noun a customer reads."""

    PURCHASED = "purchased"
    SHIPPED = "shipped"
    DELIVERED = "delivered"

    @property
    def noun(self) -> str:
        return {"purchased": "purchase", "shipped": "shipment", "delivered": "delivery"}[self.value]


CONDITION_FIELDS = ("unopened", "sealed", "original_packaging", "box_damage", "labels_intact")
FLAG_FIELDS = ("sold_by_seller", "hp_plus_rejected", "firmware_blocked", "improper_use")


@dataclass(frozen=True, slots=True)
class Condition:
    unopened: bool = True
    sealed: bool = True
    original_packaging: bool = True
    box_damage: bool = False
    labels_intact: bool = True

    @property
    def is_saleable(self) -> bool:
        return (
            self.unopened
            and self.sealed
            and self.original_packaging
            and not self.box_damage
            and self.labels_intact
        )

    def saleable_failures(self) -> list[str]:
        """What stops the item being saleable, in words a customer reads."""
        failures = []
        if not self.unopened:
            failures.append("it was opened")
        if not self.sealed:
            failures.append("its seal is broken")
        if not self.original_packaging:
            failures.append("it is not in its original packaging")
        if self.box_damage:
            failures.append("the box is damaged or marked")
        if not self.labels_intact:
            failures.append("its labels are not intact")
        return failures


@dataclass(frozen=True, slots=True)
class Flags:
    sold_by_seller: bool = True
    hp_plus_rejected: bool = False
    firmware_blocked: bool = False
    improper_use: bool = False


@dataclass(frozen=True, slots=True)
class ReturnDates:
    purchased: date
    reported: date
    shipped: date | None = None
    delivered: date | None = None
    received: date | None = None

    def of(self, event: DateEvent) -> date | None:
        return getattr(self, event.value)


@dataclass(frozen=True, slots=True)
class Item:
    sku: str
    category: Category
    unit_price: Money
    quantity: int

    @property
    def merchandise(self) -> Money:
        return self.unit_price * self.quantity


@dataclass(frozen=True, slots=True)
class ReturnFacts:
    """Everything a policy may look at for one RMA line."""

    reason: ReturnReason
    item: Item
    dates: ReturnDates
    payment_method: PaymentMethod
    customer_choice: CustomerChoice = CustomerChoice.REFUND
    shipping_paid: Money = field(default_factory=Money.zero)
    return_label_cost: Money = field(default_factory=Money.zero)
    fill: FillMeasurement | None = None
    condition: Condition = field(default_factory=Condition)
    flags: Flags = field(default_factory=Flags)

    def boolean_fact(self, name: str) -> bool:
        """A condition field or a flag by name, as policy exclusions refer to them."""
        if name in CONDITION_FIELDS:
            return getattr(self.condition, name)
        if name in FLAG_FIELDS:
            return getattr(self.flags, name)
        raise KeyError(name)
