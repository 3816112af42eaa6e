"""Reading an ``evaluate`` scenario (docs/return-policies.md) into facts, naming the field at fault.

Money arrives as decimal strings and weights as numbers or strings; the JSON is expected to have
been parsed with ``parse_float=Decimal`` so that no number ever passes through a float. Every value is
held to the bounds of ``limits`` before any arithmetic is done with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import (
    CONDITION_FIELDS,
    FLAG_FIELDS,
    Category,
    Condition,
    CustomerChoice,
    Flags,
    Item,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.limits import (
    MAX_GRAMS,
    MAX_QUANTITY,
    POLICY_ID_LENGTH,
    SKU_LENGTH,
    WEIGHT_PLACES,
    OutOfBounds,
    decimal_within,
    money_within,
    shown,
    text_within,
    whole_number_within,
)
from receiving_app.domain.money import Money
from receiving_app.domain.weight import FillError, FillMeasurement


class ScenarioError(InputError):
    """A scenario field that is missing or malformed."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Scenario:
    policy_id: str
    facts: ReturnFacts


E = TypeVar("E", bound=Enum)

_CONDITION_DEFAULTS = {name: name != "box_damage" for name in CONDITION_FIELDS}
_FLAG_DEFAULTS = {name: name == "sold_by_seller" for name in FLAG_FIELDS}


def read_scenario(data: Any) -> Scenario:
    if not isinstance(data, Mapping):
        raise ScenarioError("(scenario)", "must be a JSON object")
    policy_id = _text(data, "policy", "policy", POLICY_ID_LENGTH)
    item = _table(data, "item", "item")
    dates = _read_dates(_table(data, "dates", "dates"))
    facts = ReturnFacts(
        reason=_choice(data, "reason", "reason", ReturnReason),
        customer_choice=_choice(data, "customer_choice", "customer_choice", CustomerChoice, CustomerChoice.REFUND),
        item=Item(
            sku=_text(item, "sku", "item.sku", SKU_LENGTH),
            category=_choice(item, "category", "item.category", Category),
            unit_price=_money(item, "unit_price", "item.unit_price"),
            quantity=_quantity(item),
        ),
        dates=dates,
        payment_method=_choice(data, "payment_method", "payment_method", PaymentMethod),
        shipping_paid=_money(data, "shipping_paid", "shipping_paid", default="0.00"),
        return_label_cost=_money(data, "return_label_cost", "return_label_cost", default="0.00"),
        fill=_read_weight(data.get("weight")),
        condition=Condition(**_booleans(data, "condition", _CONDITION_DEFAULTS)),
        flags=Flags(**_booleans(data, "flags", _FLAG_DEFAULTS)),
    )
    return Scenario(policy_id, facts)


def _table(data: Mapping[str, Any], key: str, field: str) -> Mapping[str, Any]:
    value = data.get(key)
    if value is None:
        raise ScenarioError(field, "is missing")
    if not isinstance(value, Mapping):
        raise ScenarioError(field, "must be an object")
    return value


def _text(data: Mapping[str, Any], key: str, field: str, length: int) -> str:
    value = data.get(key)
    if value is None:
        raise ScenarioError(field, "is missing")
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(field, "must be non-empty text")
    try:
        return text_within(value.strip(), length=length)
    except OutOfBounds as error:
        raise ScenarioError(field, str(error)) from None


def _choice(data: Mapping[str, Any], key: str, field: str, enum: type[E], default: E | None = None) -> E:
    value = data.get(key)
    if value is None:
        if default is not None:
            return default
        raise ScenarioError(field, "is missing")
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise ScenarioError(field, f"must be one of {allowed}, not {shown(value)}") from None


def _money(data: Mapping[str, Any], key: str, field: str, default: str | None = None) -> Money:
    value = data.get(key, default)
    if value is None:
        raise ScenarioError(field, "is missing")
    try:
        return money_within(value)
    except OutOfBounds as error:
        raise ScenarioError(field, str(error)) from None


def _quantity(item: Mapping[str, Any]) -> int:
    value = item.get("quantity")
    if value is None:
        raise ScenarioError("item.quantity", "is missing")
    if isinstance(value, str):  # a JSON number, not digits in quotes
        raise ScenarioError("item.quantity", f"must be a whole number, not the text {shown(value)}")
    try:
        return whole_number_within(value, maximum=MAX_QUANTITY)
    except OutOfBounds as error:
        raise ScenarioError("item.quantity", str(error)) from None


def _required_date(data: Mapping[str, Any], key: str) -> date:
    day = _date(data, key)
    if day is None:
        raise ScenarioError(f"dates.{key}", "is missing")
    return day


def _date(data: Mapping[str, Any], key: str) -> date | None:
    value = data.get(key)
    field = f"dates.{key}"
    if value is None:
        return None
    if not isinstance(value, str):
        raise ScenarioError(field, f'must be a date such as "2026-03-02", not {shown(value)}')
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ScenarioError(field, f"is not a real date in YYYY-MM-DD form: {shown(value)}") from None


def _read_dates(data: Mapping[str, Any]) -> ReturnDates:
    dates = ReturnDates(
        purchased=_required_date(data, "purchased"),
        reported=_required_date(data, "reported"),
        shipped=_date(data, "shipped"),
        delivered=_date(data, "delivered"),
        received=_date(data, "received"),
    )
    # Each pair is "earlier, later": a later date before its earlier one cannot have happened.
    order = [
        ("purchased", "shipped"),
        ("shipped", "delivered"),
        ("purchased", "delivered"),
        ("purchased", "reported"),
        ("reported", "received"),
    ]
    for earlier, later in order:
        first, second = getattr(dates, earlier), getattr(dates, later)
        if first is not None and second is not None and second < first:
            raise ScenarioError(f"dates.{later}", f"{second} is before {earlier} ({first})")
    return dates


def _grams(data: Mapping[str, Any], key: str) -> Decimal:
    field = f"weight.{key}"
    value = data.get(key)
    if value is None:
        raise ScenarioError(field, "is missing")
    try:
        return decimal_within(value, maximum=MAX_GRAMS, places=WEIGHT_PLACES, unit=" g")
    except OutOfBounds as error:
        raise ScenarioError(field, str(error)) from None


def _read_weight(data: Any) -> FillMeasurement | None:
    if data is None:
        return None
    if not isinstance(data, Mapping):
        raise ScenarioError("weight", "must be an object with measured_g, full_g and empty_g, or null")
    measured, full, empty = (_grams(data, key) for key in ("measured_g", "full_g", "empty_g"))
    try:
        return FillMeasurement(measured, full, empty)
    except FillError as error:
        raise ScenarioError("weight.full_g", str(error)) from None


def _booleans(data: Mapping[str, Any], key: str, defaults: Mapping[str, bool]) -> dict[str, bool]:
    table = data.get(key)
    if table is None:
        return dict(defaults)
    if not isinstance(table, Mapping):
        raise ScenarioError(key, "must be an object of true/false fields")
    values = dict(defaults)
    for name, value in table.items():
        if name not in defaults:
            # The name is the sender's: quoted and cut short unless it reads as a field name.
            label = name if isinstance(name, str) and name.isidentifier() and len(name) <= SKU_LENGTH else shown(name)
            raise ScenarioError(f"{key}.{label}", f"is not a known field ({', '.join(defaults)})")
        if not isinstance(value, bool):
            raise ScenarioError(f"{key}.{name}", f"must be true or false, not {shown(value)}")
        values[name] = value
    return values
