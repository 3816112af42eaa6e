"""What the bench must establish about one unit before it may be decided, and what it may not believe.

The policy engine decides on facts; this module says which facts the bench owes it beyond the
policy's own needs (every ink and toner unit is weighed, under every policy), whether a weight is
one a cartridge of that SKU can have at all, and when a weight contradicts what the clerk ticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from receiving_app.domain.decision import Decision, Outcome
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import Category, Condition, CustomerChoice, ReturnReason
from receiving_app.domain.money_text import money_text

# Every ink and toner unit is weighed at the bench, whatever the policy: the weight is evidence
# for the customer and the seller, and where the cartridge goes next depends on it.
WEIGHED_AT_THE_BENCH = frozenset({Category.INK, Category.TONER})

# Without a tolerance on its catalog row, a cartridge may weigh this share of its full-to-empty
# span below its empty weight or above its full weight (moulding, chips and labels vary), and at
# least MINIMUM_TOLERANCE_G.
DEFAULT_TOLERANCE_SHARE = Decimal("0.10")
MINIMUM_TOLERANCE_G = Decimal("2.0")


def must_be_weighed(category: Category) -> bool:
    return category in WEIGHED_AT_THE_BENCH


def default_tolerance_g(full_g: Decimal, empty_g: Decimal) -> Decimal:
    share = ((full_g - empty_g) * DEFAULT_TOLERANCE_SHARE).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return max(share, MINIMUM_TOLERANCE_G)


class ImplausibleWeight(InputError):
    """A weight no cartridge of this SKU can have: a wrong unit, a wrong SKU, or something else on the pan."""


@dataclass(frozen=True, slots=True)
class Contradiction:
    """A weight that disagrees with what was ticked, in a sentence a supervisor reads before deciding."""

    code: str
    text: str


@dataclass(frozen=True, slots=True)
class WeightLimits:
    """What one SKU can weigh, from its catalog row (grams)."""

    sku: str
    full_g: Decimal
    empty_g: Decimal
    tolerance_g: Decimal
    sealed_min_g: Decimal | None = None
    sealed_max_g: Decimal | None = None

    @property
    def lowest_g(self) -> Decimal:
        return max(self.empty_g - self.tolerance_g, Decimal(0))

    @property
    def highest_g(self) -> Decimal:
        return self.full_g + self.tolerance_g

    def require_plausible(self, grams: Decimal, as_read: str) -> None:
        """Refuses a weight outside what this cartridge can weigh, naming the range."""
        if self.lowest_g <= grams <= self.highest_g:
            return
        shown = as_read if as_read.endswith(" g") else f"{as_read} ({_grams(grams)})"
        raise ImplausibleWeight(
            f"weight: {shown} is not what a {self.sku} can weigh ({_grams(self.lowest_g)} to "
            f"{_grams(self.highest_g)}); check the unit and that this is the {self.sku}, then weigh it again"
        )

    def contradictions(self, grams: Decimal, condition: Condition) -> tuple[Contradiction, ...]:
        found = []
        if grams > self.full_g:
            found.append(
                Contradiction(
                    "heavier_than_full",
                    f"It weighs {_grams(grams)}, more than a full {self.sku} ({_grams(self.full_g)}): "
                    "refilled, the wrong SKU, or something else in the box.",
                )
            )
        lightest, heaviest = self.sealed_min_g, self.sealed_max_g
        if (
            condition.claims_sealed
            and lightest is not None
            and heaviest is not None
            and not lightest <= grams <= heaviest
        ):
            ticked = "sealed" if condition.sealed else "unopened"
            found.append(
                Contradiction(
                    "sealed_weight_mismatch",
                    f"Ticked {ticked}, but it weighs {_grams(grams)} where a sealed new {self.sku} weighs "
                    f"{_grams(lightest)} to {_grams(heaviest)}: refilled, swapped or the wrong SKU.",
                )
            )
        return tuple(found)


def _grams(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,} g"


def finding_needs_supervisor(
    stated: Decision | None,
    found: Decision,
    stated_reason: ReturnReason,
    found_reason: ReturnReason,
    stated_choice: CustomerChoice,
    found_choice: CustomerChoice,
) -> str | None:
    """Why a reason or choice found at the bench needs a supervisor, or None when the clerk may record it.

    A finding that lowers what the seller keeps (a denial becomes a refund or replacement, more
    money is refunded, a smaller fee is kept) needs a supervisor; so does any change of the
    customer's own choice, and a change whose effect cannot be compared (the stated reason lacks
    a fact the found one does not need). A finding that keeps the seller's share as it was, or
    raises it, is the clerk's to record.
    """
    if (stated_reason, stated_choice) == (found_reason, found_choice):
        return None
    if stated_choice is not found_choice:
        return (
            f"The customer asked for a {stated_choice.value}; changing it to a {found_choice.value} needs a supervisor."
        )
    change = f"The return reason changes from {stated_reason.label} to {found_reason.label}"
    if stated is None:
        return f"{change}; its effect cannot be compared, so a supervisor decides."
    if stated.outcome is Outcome.DENIED and found.outcome is not Outcome.DENIED:
        return f"{change}, which turns a denial into a {found.outcome.value}: a supervisor decides."
    if found.refund_total > stated.refund_total or found.amounts.restocking_fee < stated.amounts.restocking_fee:
        return (
            f"{change}, which refunds {money_text(found.refund_total)} instead of {money_text(stated.refund_total)}"
            f" (fee {money_text(found.amounts.restocking_fee)} instead of"
            f" {money_text(stated.amounts.restocking_fee)}): a supervisor decides."
        )
    return None
