"""Where a decided cartridge goes next, as data the warehouse edits.

A routing table maps what the bench knows about one decided unit to a route: a place in the
warehouse, a container to put it in and one sentence telling the clerk what to do. The table is read
from a file (``routing_file.py`` validates it; ``persistence/route_files.py`` loads it), so a
warehouse can move its empties to another buyer without a code change.

The rules are tried in order, and a rule never passes over a fact nobody checked: when one of its
tests reads an unknown fact and none of its tests on known facts has failed, the answer is the list
of facts to check, not the next rule. Otherwise a later rule would route the unit on a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from receiving_app.domain.decision import Outcome
from receiving_app.domain.errors import FileKeyError
from receiving_app.domain.facts import CONDITION_FIELDS, Category, Condition, ReturnReason
from receiving_app.domain.money import Money


class RoutingError(FileKeyError):
    """A routing file that cannot be used, naming the file and the key."""


class Make(str, Enum):
    OEM = "oem"
    COMPATIBLE = "compatible"
    REMANUFACTURED = "remanufactured"


WEIGHT_FACT = "weight"
"""The fact a fill test needs when the unit was not weighed."""


@dataclass(frozen=True, slots=True)
class UnitForRouting:
    """What the bench knows about one unit once its refund or denial is decided."""

    outcome: Outcome
    reason: ReturnReason
    category: Category
    brand: str
    make: Make
    fill_fraction: Decimal | None  # None: not weighed
    condition: Condition
    virgin: bool | None  # an OEM empty never refilled, as the clerk answered; None: not answered
    contradicted: bool  # the weight contradicted the ticked condition and a supervisor let it stand

    def __post_init__(self) -> None:
        fill = self.fill_fraction
        if fill is not None and (
            not isinstance(fill, Decimal) or not fill.is_finite() or not Decimal(0) <= fill <= Decimal(1)
        ):
            # The exact fraction of an overfilled or underweight cartridge strays outside 0..1; the
            # reported fraction is clamped, and that is the one the thresholds here are written for.
            raise ValueError(f"fill_fraction must be a Decimal from 0 to 1 (the reported fraction), not {fill!r}")


@dataclass(frozen=True, slots=True)
class ContainerKind:
    name: str
    label: str
    max_units: int | None
    max_kg: Decimal | None


@dataclass(frozen=True, slots=True)
class Route:
    name: str
    label: str
    container_kind: str
    instruction: str
    stock_grade: str | None
    value: Money | None
    hold_days_default: int | None
    after_hold: str | None

    @property
    def is_hold(self) -> bool:
        return self.hold_days_default is not None


@dataclass(frozen=True, slots=True)
class ChoiceTest:
    """The unit's outcome, reason, category, make or brand is one of ``allowed`` (brands in lower case)."""

    key: str
    allowed: frozenset[str]

    @property
    def fact(self) -> str:
        return self.key

    def verdict(self, unit: UnitForRouting) -> bool | None:
        if self.key == "brand":
            return unit.brand.strip().casefold() in self.allowed
        value: Enum = getattr(unit, self.key)
        return str(value.value) in self.allowed


@dataclass(frozen=True, slots=True)
class FillTest:
    """The measured fill is at least ``threshold`` (``at_least``) or below it."""

    key: str
    threshold: Decimal
    at_least: bool

    @property
    def fact(self) -> str:
        return WEIGHT_FACT

    def verdict(self, unit: UnitForRouting) -> bool | None:
        if unit.fill_fraction is None:
            return None
        if self.at_least:
            return unit.fill_fraction >= self.threshold
        return unit.fill_fraction < self.threshold


@dataclass(frozen=True, slots=True)
class FlagTest:
    """A condition field, ``virgin`` or ``contradicted`` equals ``expected``."""

    key: str
    expected: bool

    @property
    def fact(self) -> str:
        return self.key

    def verdict(self, unit: UnitForRouting) -> bool | None:
        holder: object = unit.condition if self.key in CONDITION_FIELDS else unit
        actual: bool | None = getattr(holder, self.key)
        if actual is None:
            return None
        return actual is self.expected


RuleTest = ChoiceTest | FillTest | FlagTest


@dataclass(frozen=True, slots=True)
class Rule:
    route: str
    why: str
    tests: tuple[RuleTest, ...] = ()


@dataclass(frozen=True, slots=True)
class Routed:
    route: Route
    rule: int  # 1-based, as the file's rules are counted by people
    because: str


@dataclass(frozen=True, slots=True)
class NeedsFacts:
    facts: tuple[str, ...]


RouteAnswer = Routed | NeedsFacts


@dataclass(frozen=True)
class RoutingTable:
    version: str
    source_text: str
    kinds: Mapping[str, ContainerKind]
    routes: Mapping[str, Route]
    rules: tuple[Rule, ...]

    def route_for(self, unit: UnitForRouting) -> RouteAnswer:
        """The first rule the unit matches, or the unknown facts that stop the first rule it might match."""
        for number, rule in enumerate(self.rules, 1):
            unknown: set[str] = set()
            failed = False
            for test in rule.tests:
                verdict = test.verdict(unit)
                if verdict is None:
                    unknown.add(test.fact)
                elif not verdict:
                    failed = True
                    break
            if failed:
                continue
            if unknown:
                return NeedsFacts(tuple(sorted(unknown)))
            return Routed(self.routes[rule.route], number, rule.why)
        # The loader requires a last rule without tests, so only a table built by hand gets here.
        raise ValueError("the routing table has no rule for this unit; its last rule must have no tests")

    def kind_of(self, route: Route) -> ContainerKind:
        return self.kinds[route.container_kind]
