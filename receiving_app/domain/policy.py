"""A seller's return policy as data: the records ``policy_file.py`` reads and validates from a seller's
file, and ``engine.py`` interprets. Nothing here knows any seller by name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from receiving_app.domain.currencies import DEFAULT_CURRENCY
from receiving_app.domain.errors import FileKeyError
from receiving_app.domain.facts import (
    CONDITION_FIELDS,
    Category,
    DateEvent,
    ReturnReason,
)
from receiving_app.domain.windows import within_days, within_years

DEFAULT_ARRIVAL_DAYS = 30
"""A parcel's time to arrive after its authorization when the seller's policy names none."""
MAX_ARRIVAL_DAYS = 365


class PolicyError(FileKeyError):
    """A policy file that cannot be used, naming the file and the key."""


@dataclass(frozen=True, slots=True)
class Window:
    counted_from: DateEvent
    days: int | None = None
    years: int | None = None

    def contains(self, start: date, reported: date) -> bool:
        """Whether a return reported on ``reported`` is inside this window counted from ``start``."""
        if self.years is not None:
            return within_years(start, reported, self.years)
        if self.days is not None:
            return within_days(start, reported, self.days)
        raise ValueError("a window counts days or years")  # the loader never makes one without

    @property
    def limit_words(self) -> str:
        if self.years is not None:
            return f"{self.years} year" + ("" if self.years == 1 else "s")
        return str(self.days)


@dataclass(frozen=True, slots=True)
class FactRule:
    """Deny with ``code`` when the named condition field or flag equals ``denies_when``."""

    fact: str
    denies_when: bool
    code: str
    text: str


@dataclass(frozen=True, slots=True)
class Fee:
    percent: Decimal
    text: str

    def sentence(self) -> str:
        return self.text.replace("{percent}", format_percent(self.percent))


@dataclass(frozen=True, slots=True)
class ReasonRules:
    windows: tuple[Window, ...] = ()
    window_text: str = ""
    exclusions: tuple[FactRule, ...] = ()
    denied_code: str | None = None
    denied_text: str = ""
    saleable_required: bool = False
    saleable_text: str = ""
    restocking_fee: Fee | None = None
    restocking_fee_by_category: tuple[tuple[Category, Fee], ...] = ()
    deduct_return_label: bool = False
    deduct_return_label_text: str = ""

    def fee_for(self, category: Category) -> Fee | None:
        for fee_category, fee in self.restocking_fee_by_category:
            if fee_category is category:
                return fee
        return self.restocking_fee


@dataclass(frozen=True, slots=True)
class FillRule:
    categories: frozenset[Category]
    minimum_fraction: Decimal
    text: str

    def sentence(self) -> str:
        return self.text.replace("{minimum}", format_percent(self.minimum_fraction * 100) + "%")


@dataclass(frozen=True, slots=True)
class Policy:
    id: str
    version: str
    seller: str
    authorization: str
    refund_timing: str
    account_credit_for_open_account: bool
    replacement_allowed: bool
    covered_categories: frozenset[Category]
    coverage_text: str
    flag_rules: tuple[FactRule, ...]
    fill_rule: FillRule | None
    reasons: Mapping[ReturnReason, ReasonRules]
    source: str = ""
    source_text: str = ""  # the file as written, stored with the version so old decisions can be explained
    hold_denied_days: int | None = None
    """How long a denied cartridge is kept for the customer to ask back; None: as the warehouse's routes say."""
    arrival_days: int = DEFAULT_ARRIVAL_DAYS
    """How many days after its authorization an RMA's parcel should have reached the warehouse; past them the
    RMA is late (the aging view and the daily report list it). Not a rule of any decision."""
    currency: str = DEFAULT_CURRENCY
    """The ISO 4217 code of the seller's prices: every amount decided under the policy is in it."""

    def rules_for(self, reason: ReturnReason) -> ReasonRules:
        return self.reasons[reason]

    def weight_required_for(self, category: Category) -> bool:
        return self.fill_rule is not None and category in self.fill_rule.categories

    def checks_needed(self, reason: ReturnReason) -> tuple[str, ...]:
        """The condition fields and flags a decision for this reason rests on, in the order they are read.

        Only these must be checked before deciding; the others may stay unchecked and print so.
        """
        rules = self.rules_for(reason)
        needed = [rule.fact for rule in (*self.flag_rules, *rules.exclusions)]
        if rules.saleable_required:
            needed.extend(CONDITION_FIELDS)
        return tuple(dict.fromkeys(needed))

    def rule_text(self, reason: ReturnReason, code: str) -> str | None:
        """The policy's own words for the rule behind a denial code, as a denial notice quotes them."""
        rules = self.rules_for(reason)
        if code == "product_not_covered":
            return self.coverage_text
        if code == "outside_window":
            return rules.window_text
        if code == "not_saleable":
            return rules.saleable_text
        if code == "below_fill_threshold" and self.fill_rule:
            return self.fill_rule.sentence()
        if code == rules.denied_code:
            return rules.denied_text
        for rule in (*self.flag_rules, *rules.exclusions):
            if rule.code == code:
                return rule.text
        return None


def format_percent(percent: Decimal) -> str:
    """``Decimal("15")`` → ``"15"``, ``Decimal("12.5")`` → ``"12.5"``."""
    return format(percent.normalize(), "f")
