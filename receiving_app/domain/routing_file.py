"""A warehouse's routing file, validated into a RoutingTable.

The file is edited by whoever runs the warehouse, so every mistake is refused with the file and the
key path that is wrong ("routes.toml: rules[3].when.fill_below: ..."). Rules are counted from 1 in
those paths, as they are on the screen when a unit is routed, so "rule 3" is the same rule in both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from receiving_app.domain.decision import Outcome
from receiving_app.domain.facts import CONDITION_FIELDS, Category, ReturnReason
from receiving_app.domain.money import Money, MoneyError
from receiving_app.domain.routing import (
    ChoiceTest,
    ContainerKind,
    FillTest,
    FlagTest,
    Make,
    Route,
    RoutingError,
    RoutingTable,
    Rule,
    RuleTest,
)

FILE_KEYS = ("version", "containers", "routes", "rules")
CONTAINER_KEYS = ("label", "max_units", "max_kg")
ROUTE_KEYS = ("label", "container", "instruction", "stock_grade", "value", "hold_days", "after_hold")
RULE_KEYS = ("route", "why", "when")
STOCK_GRADES = ("new", "open_box")

CHOICE_KEYS: Mapping[str, type[Enum]] = {
    "outcome": Outcome,
    "reason": ReturnReason,
    "category": Category,
    "make": Make,
}
FILL_KEYS = ("fill_at_least", "fill_below")
FLAG_KEYS = (*CONDITION_FIELDS, "virgin", "contradicted")
WHEN_KEYS = (*CHOICE_KEYS, "brand", *FILL_KEYS, *FLAG_KEYS)

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_FRACTION_PROBLEM = 'must be a fraction between 0 and 1 as text, such as "0.10"'


class _Reader:
    """Walks one routing mapping, turning each mistake into a RoutingError with its key path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> RoutingError:
        return RoutingError(self.source, key, problem)

    def only_keys(self, data: Mapping[str, Any], allowed: Iterable[str], path: str) -> None:
        known = tuple(allowed)
        for key in data:
            if key not in known:
                where = f"{path}.{key}" if path else key
                raise self.fail(where, f"is not a key this file understands (use {', '.join(known)})")

    def named_tables(self, data: Mapping[str, Any], key: str) -> Mapping[str, Mapping[str, Any]]:
        """A table of tables keyed by name, such as ``[routes.scrap]``: present, non-empty, well named."""
        table = data.get(key)
        if table is None:
            raise self.fail(key, "is missing")
        if not isinstance(table, Mapping) or not table:
            raise self.fail(key, f"must hold at least one [{key}.NAME] table")
        for name, entry in table.items():
            if not _NAME.match(name):
                raise self.fail(f"{key}.{name}", 'a name is lower-case letters, digits and "_", such as "stock_tote"')
            if not isinstance(entry, Mapping):
                raise self.fail(f"{key}.{name}", "must be a table")
        return table

    def text(self, data: Mapping[str, Any], key: str, path: str) -> str:
        value = data.get(key)
        if value is None:
            raise self.fail(path, "is missing")
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "must be non-empty text")
        return value.strip()

    def optional_text(self, data: Mapping[str, Any], key: str, path: str) -> str | None:
        return self.text(data, key, path) if key in data else None

    def positive_whole_number(self, data: Mapping[str, Any], key: str, path: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(path, "must be a whole number of 1 or more")
        return value

    def kilograms(self, data: Mapping[str, Any], key: str, path: str) -> Decimal | None:
        value = data.get(key)
        if value is None:
            return None
        problem = 'must be a weight in kilograms above 0 as text, such as "25"'
        if not isinstance(value, str):
            raise self.fail(path, problem)
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise self.fail(path, problem) from None
        if not number.is_finite() or number <= 0:
            raise self.fail(path, problem)
        return number

    def money(self, data: Mapping[str, Any], key: str, path: str) -> Money | None:
        value = data.get(key)
        if value is None:
            return None
        problem = 'must be an amount of zero or more as text, such as "3.00"'
        if not isinstance(value, str):
            raise self.fail(path, problem)
        try:
            amount = Money.of(value)
        except MoneyError:
            raise self.fail(path, problem) from None
        if amount.amount < 0:
            raise self.fail(path, problem)
        return amount

    def fraction(self, value: Any, path: str, *, at_least: bool) -> Decimal:
        if not isinstance(value, str):
            raise self.fail(path, _FRACTION_PROBLEM)
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise self.fail(path, _FRACTION_PROBLEM) from None
        if not number.is_finite() or not Decimal(0) <= number <= Decimal(1):
            raise self.fail(path, _FRACTION_PROBLEM)
        if not at_least and number == 0:
            raise self.fail(path, "must be above 0: no cartridge is below empty")
        return number

    def choices(self, value: Any, path: str, key: str) -> frozenset[str]:
        if not isinstance(value, list) or not value:
            raise self.fail(path, f'must be a non-empty list, such as ["{self._example(key)}"]')
        allowed = set()
        for index, item in enumerate(value):
            where = f"{path}[{index}]"
            if not isinstance(item, str) or not item.strip():
                raise self.fail(where, "must be non-empty text")
            if key == "brand":
                allowed.add(item.strip().casefold())
                continue
            enum = CHOICE_KEYS[key]
            if item not in {str(member.value) for member in enum}:
                raise self.fail(where, f"unknown {key} {item!r} (use {_choices(enum)})")
            allowed.add(item)
        return frozenset(allowed)

    @staticmethod
    def _example(key: str) -> str:
        return "HP" if key == "brand" else str(next(iter(CHOICE_KEYS[key])).value)

    def containers(self, data: Mapping[str, Any]) -> dict[str, ContainerKind]:
        kinds = {}
        for name, entry in self.named_tables(data, "containers").items():
            path = f"containers.{name}"
            self.only_keys(entry, CONTAINER_KEYS, path)
            kinds[name] = ContainerKind(
                name=name,
                label=self.text(entry, "label", f"{path}.label"),
                max_units=self.positive_whole_number(entry, "max_units", f"{path}.max_units"),
                max_kg=self.kilograms(entry, "max_kg", f"{path}.max_kg"),
            )
        return kinds

    def route(self, name: str, entry: Mapping[str, Any], kinds: Mapping[str, ContainerKind]) -> Route:
        path = f"routes.{name}"
        self.only_keys(entry, ROUTE_KEYS, path)
        container = self.text(entry, "container", f"{path}.container")
        if container not in kinds:
            raise self.fail(
                f"{path}.container", f"names no container of this file: {container!r} (use {', '.join(kinds)})"
            )
        stock_grade = self.optional_text(entry, "stock_grade", f"{path}.stock_grade")
        if stock_grade is not None and stock_grade not in STOCK_GRADES:
            raise self.fail(f"{path}.stock_grade", f"must be one of {', '.join(STOCK_GRADES)}")
        hold_days = self.positive_whole_number(entry, "hold_days", f"{path}.hold_days")
        after_hold = self.optional_text(entry, "after_hold", f"{path}.after_hold")
        if hold_days is not None and after_hold is None:
            raise self.fail(f"{path}.after_hold", "is missing: a route with hold_days must say where a unit goes next")
        if hold_days is None and after_hold is not None:
            raise self.fail(f"{path}.after_hold", "belongs to a hold route only; add hold_days or remove it")
        return Route(
            name=name,
            label=self.text(entry, "label", f"{path}.label"),
            container_kind=container,
            instruction=self.text(entry, "instruction", f"{path}.instruction"),
            stock_grade=stock_grade,
            value=self.money(entry, "value", f"{path}.value"),
            hold_days_default=hold_days,
            after_hold=after_hold,
        )

    def routes(self, data: Mapping[str, Any], kinds: Mapping[str, ContainerKind]) -> dict[str, Route]:
        routes = {name: self.route(name, entry, kinds) for name, entry in self.named_tables(data, "routes").items()}
        for route in routes.values():
            if route.after_hold is None:
                continue
            target = routes.get(route.after_hold)
            where = f"routes.{route.name}.after_hold"
            if target is None:
                raise self.fail(where, f"names no route of this file: {route.after_hold!r}")
            if target.is_hold:
                raise self.fail(
                    where, f"{target.name!r} is a hold route itself; a hold must end in a route that keeps it"
                )
        return routes

    def tests(self, when: Any, path: str) -> tuple[RuleTest, ...]:
        if not isinstance(when, Mapping):
            raise self.fail(path, "must be a table of tests, such as { contradicted = true }")
        self.only_keys(when, WHEN_KEYS, path)
        tests: list[RuleTest] = []
        for key, value in when.items():
            where = f"{path}.{key}"
            if key in FILL_KEYS:
                at_least = key == "fill_at_least"
                tests.append(FillTest(key, self.fraction(value, where, at_least=at_least), at_least=at_least))
            elif key in FLAG_KEYS:
                if not isinstance(value, bool):
                    raise self.fail(where, "must be true or false")
                tests.append(FlagTest(key, value))
            else:
                tests.append(ChoiceTest(key, self.choices(value, where, key)))
        fills = {test.key: test.threshold for test in tests if isinstance(test, FillTest)}
        if len(fills) == 2 and fills["fill_at_least"] >= fills["fill_below"]:
            raise self.fail(path, "fill_at_least must be below fill_below, or no unit can match")
        return tuple(tests)

    def rules(self, data: Mapping[str, Any], routes: Mapping[str, Route]) -> tuple[Rule, ...]:
        items = data.get("rules")
        if items is None:
            raise self.fail("rules", "is missing")
        if not isinstance(items, list) or not items:
            raise self.fail("rules", "must list at least one [[rules]] table")
        rules = []
        for number, item in enumerate(items, 1):
            path = f"rules[{number}]"
            if not isinstance(item, Mapping):
                raise self.fail(path, "must be a table")
            self.only_keys(item, RULE_KEYS, path)
            route = self.text(item, "route", f"{path}.route")
            if route not in routes:
                raise self.fail(f"{path}.route", f"names no route of this file: {route!r}")
            tests = self.tests(item["when"], f"{path}.when") if "when" in item else ()
            rules.append(Rule(route=route, why=self.text(item, "why", f"{path}.why"), tests=tests))
        last = len(rules)
        for number, rule in enumerate(rules, 1):
            if number < last and not rule.tests:
                raise self.fail(f"rules[{number}]", "has no tests, so the rules after it are never reached")
        if rules[-1].tests:
            raise self.fail(f"rules[{last}].when", "the last rule must have no tests, so that every unit gets a route")
        return tuple(rules)


def _choices(enum: type[Enum]) -> str:
    return ", ".join(str(member.value) for member in enum)


def routing_from_mapping(data: Mapping[str, Any], source: str, text: str = "") -> RoutingTable:
    """Validate a parsed routing file. Raises RoutingError naming ``source`` and the key."""
    reader = _Reader(source)
    reader.only_keys(data, FILE_KEYS, "")
    version = reader.text(data, "version", "version")
    kinds = reader.containers(data)
    routes = reader.routes(data, kinds)
    rules = reader.rules(data, routes)
    reached = {rule.route for rule in rules} | {route.after_hold for route in routes.values() if route.after_hold}
    for name in routes:
        if name not in reached:
            raise reader.fail(f"routes.{name}", "is never chosen by any rule, nor reached when a hold ends")
    return RoutingTable(version=version, source_text=text, kinds=kinds, routes=routes, rules=rules)
