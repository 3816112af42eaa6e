"""What the station knows about one returned line when it decides: frozen, validated facts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum

from receiving_app.domain.money import STATION_CURRENCY, Money, MoneyError
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


CONDITION_LABELS = {
    "unopened": "Unopened",
    "sealed": "Sealed",
    "original_packaging": "Original packaging",
    "box_damage": "Box damaged or marked",
    "labels_intact": "Labels intact",
}
SORTING_LABELS = {"virgin": "Virgin empty (never refilled)"}
"""The facts the warehouse's routes may ask for besides the condition: how they read in a list of checks."""
FLAG_LABELS = {
    "sold_by_seller": "Bought from this seller",
    "hp_plus_rejected": "HP+ printer rejected it",
    "firmware_blocked": "Firmware blocked it",
    "improper_use": "Improper use",
}


@dataclass(frozen=True, slots=True)
class Condition:
    """What the clerk saw of the cartridge and its box. None is "not checked": never a yes or a no."""

    unopened: bool | None = None
    sealed: bool | None = None
    original_packaging: bool | None = None
    box_damage: bool | None = None
    labels_intact: bool | None = None

    @classmethod
    def as_sold(cls) -> Condition:
        """New, sealed and saleable: what one deliberate key at the bench (or `evaluate`'s defaults) says."""
        return cls(unopened=True, sealed=True, original_packaging=True, box_damage=False, labels_intact=True)

    @property
    def unchecked(self) -> tuple[str, ...]:
        return tuple(name for name in CONDITION_FIELDS if getattr(self, name) is None)

    @property
    def is_saleable(self) -> bool:
        """Saleable only when every check was made and came out as sold."""
        return self == _AS_SOLD

    def saleable_failures(self) -> list[str]:
        """What stops the item being saleable, in words a customer reads (unchecked fields say nothing)."""
        failures = []
        if self.unopened is False:
            failures.append("it was opened")
        if self.sealed is False:
            failures.append("its seal is broken")
        if self.original_packaging is False:
            failures.append("it is not in its original packaging")
        if self.box_damage:
            failures.append("the box is damaged or marked")
        if self.labels_intact is False:
            failures.append("its labels are not intact")
        return failures

    @property
    def claims_sealed(self) -> bool:
        """Ticked sealed or unopened: a claim that the weight of a new cartridge can contradict."""
        return bool(self.sealed or self.unopened)


_AS_SOLD = Condition.as_sold()  # made once: every decision asks whether a unit is saleable


@dataclass(frozen=True, slots=True)
class Flags:
    """Facts about where the cartridge came from and what happened to it; None is "not checked"."""

    sold_by_seller: bool | None = None
    hp_plus_rejected: bool | None = None
    firmware_blocked: bool | None = None
    improper_use: bool | None = None

    @classmethod
    def as_sold(cls) -> Flags:
        """Bought here and nothing wrong: the defaults of `evaluate` and of the headless `receive`."""
        return cls(sold_by_seller=True, hp_plus_rejected=False, firmware_blocked=False, improper_use=False)

    @property
    def unchecked(self) -> tuple[str, ...]:
        return tuple(name for name in FLAG_FIELDS if getattr(self, name) is None)


def fact_words(value: bool | None) -> str:
    """How a checked or unchecked fact reads on paper and on screen."""
    return "not checked" if value is None else ("yes" if value else "no")


def fact_group(name: str) -> str:
    """ "condition" or "flags": where a fact is given in a scenario and printed on a document."""
    return "condition" if name in CONDITION_FIELDS else "flags"


def fact_label(name: str) -> str:
    """A condition field, a flag, a sorting fact or "weight" in words."""
    return CONDITION_LABELS.get(name) or FLAG_LABELS.get(name) or SORTING_LABELS.get(name) or name.replace("_", " ")


@dataclass(frozen=True, slots=True)
class ReturnDates:
    purchased: date
    reported: date
    shipped: date | None = None
    delivered: date | None = None
    received: date | None = None

    def of(self, event: DateEvent) -> date | None:
        value: date | None = getattr(self, event.value)
        return value


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
    condition: Condition = field(default_factory=Condition.as_sold)
    flags: Flags = field(default_factory=Flags.as_sold)

    def priced_in(self, currency: str) -> ReturnFacts:
        """These facts with their prices in ``currency``, the seller's, as its policy names it.

        An order's prices are kept as plain figures, read as the station's currency until a policy says
        whose they are; they are the seller's figures, so here they take the seller's currency. A price
        that already names a third currency is a mix-up, refused rather than relabeled."""
        price, shipping, label = self.item.unit_price, self.shipping_paid, self.return_label_cost
        if price.currency == shipping.currency == label.currency == currency:
            return self
        for amount in (price, shipping, label):
            if amount.currency not in (currency, STATION_CURRENCY):
                raise MoneyError(f"A {amount.currency} price cannot be decided under a policy in {currency}")
        return replace(
            self,
            item=replace(self.item, unit_price=Money(price.amount, currency)),
            shipping_paid=Money(shipping.amount, currency),
            return_label_cost=Money(label.amount, currency),
        )

    def boolean_fact(self, name: str) -> bool | None:
        """A condition field or a flag by name, as policy exclusions refer to them."""
        holder: Condition | Flags
        if name in CONDITION_FIELDS:
            holder = self.condition
        elif name in FLAG_FIELDS:
            holder = self.flags
        else:
            raise KeyError(name)
        value: bool | None = getattr(holder, name)
        return value
