"""Reading a seller's policy file into a validated Policy: every mistake is reported with the file and the
key path that is wrong ("4inkjets.toml: reasons.defective.windows[0].days: ...")."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from receiving_app.domain.currencies import DEFAULT_CURRENCY, currency_problem
from receiving_app.domain.facts import CONDITION_FIELDS, FLAG_FIELDS, Category, DateEvent, ReturnReason
from receiving_app.domain.policy import (
    DEFAULT_ARRIVAL_DAYS,
    MAX_ARRIVAL_DAYS,
    FactRule,
    Fee,
    FillRule,
    Policy,
    PolicyError,
    ReasonRules,
    Window,
)


class _Reader:
    """Walks one policy mapping, turning each mistake into a PolicyError with its key path."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str) -> PolicyError:
        return PolicyError(self.source, key, problem)

    def table(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any]:
        table = self.optional_table(data, key, path)
        if table is None:
            raise self.fail(path, "is missing")
        return table

    def optional_table(self, data: Mapping[str, Any], key: str, path: str) -> Mapping[str, Any] | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(path, "must be a table")
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str, *, required: bool = True) -> str:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(path, "is missing")
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, "must be non-empty text")
        return value.strip()

    def flag(self, data: Mapping[str, Any], key: str, path: str, *, default: bool | None = None) -> bool:
        value = data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(path, "must be true or false" if key in data else "is missing")
        return value

    def whole_number(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(path, "must be a whole number of zero or more")
        return value

    def percent(self, value: Any, path: str) -> Decimal:
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise self.fail(path, 'must be a percentage as text, such as "15"')
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            raise self.fail(path, f"is not a number: {value!r}") from None
        if not number.is_finite() or not Decimal(0) <= number <= Decimal(100):
            raise self.fail(path, "must be between 0 and 100")
        return number

    def fraction(self, value: Any, path: str) -> Decimal:
        problem = 'must be a fraction between 0 and 1 as text, such as "0.10"'
        if not isinstance(value, str):
            raise self.fail(path, problem)
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(path, problem) from None
        if not number.is_finite() or not Decimal(0) < number < Decimal(1):
            raise self.fail(path, problem)
        return number

    def category(self, value: Any, path: str) -> Category:
        try:
            return Category(value)
        except ValueError:
            raise self.fail(path, f"unknown category {value!r} ({_choices(Category)})") from None

    def categories(self, data: Mapping[str, Any], key: str, path: str) -> frozenset[Category]:
        values = data.get(key)
        if not isinstance(values, list) or not values:
            raise self.fail(path, "must be a non-empty list of categories")
        return frozenset(self.category(value, f"{path}[{index}]") for index, value in enumerate(values))

    def fact_rule(self, data: Any, path: str, *, known: tuple[str, ...], fact_key: str) -> FactRule:
        if not isinstance(data, Mapping):
            raise self.fail(path, "must be a table")
        fact = data.get(fact_key)
        if fact not in known:
            raise self.fail(f"{path}.{fact_key}", f"must be one of {', '.join(known)}")
        return FactRule(
            fact=fact,
            denies_when=self.flag(data, "denies_when", f"{path}.denies_when"),
            code=self.text(data, "code", f"{path}.code"),
            text=self.text(data, "text", f"{path}.text"),
        )

    def window(self, data: Any, path: str) -> Window:
        if not isinstance(data, Mapping):
            raise self.fail(path, "must be a table")
        try:
            counted_from = DateEvent(data.get("from"))
        except ValueError:
            raise self.fail(f"{path}.from", f"must be one of {_choices(DateEvent)}") from None
        has_days, has_years = "days" in data, "years" in data
        if has_days == has_years:
            raise self.fail(path, "needs exactly one of days or years")
        if has_days:
            return Window(counted_from, days=self.whole_number(data["days"], f"{path}.days"))
        return Window(counted_from, years=self.whole_number(data["years"], f"{path}.years"))

    def fee(self, data: Any, path: str) -> Fee:
        if not isinstance(data, Mapping):
            raise self.fail(path, "must be a table")
        return Fee(self.percent(data.get("percent"), f"{path}.percent"), self.text(data, "text", f"{path}.text"))

    def reason_rules(self, data: Mapping[str, Any], path: str, reason: ReturnReason) -> ReasonRules:
        denied = self.optional_table(data, "denied", f"{path}.denied")
        windows_data = data.get("windows", [])
        if not isinstance(windows_data, list):
            raise self.fail(f"{path}.windows", "must be a list of windows")
        windows = tuple(self.window(item, f"{path}.windows[{i}]") for i, item in enumerate(windows_data))
        if not windows and denied is None:
            raise self.fail(f"{path}.windows", "a reason that is not denied outright needs at least one window")
        exclusions_data = data.get("exclusions", [])
        if not isinstance(exclusions_data, list):
            raise self.fail(f"{path}.exclusions", "must be a list")
        exclusions = tuple(
            self.fact_rule(item, f"{path}.exclusions[{i}]", known=CONDITION_FIELDS + FLAG_FIELDS, fact_key="fact")
            for i, item in enumerate(exclusions_data)
        )
        saleable_required = self.flag(data, "saleable_required", f"{path}.saleable_required", default=False)
        fee_data = data.get("restocking_fee")
        by_category_data = (
            self.optional_table(data, "restocking_fee_by_category", f"{path}.restocking_fee_by_category") or {}
        )
        deduct = self.flag(data, "deduct_return_label", f"{path}.deduct_return_label", default=False)
        if reason.is_seller_error and (fee_data is not None or by_category_data or deduct):
            raise self.fail(path, "a seller error never carries a restocking fee or a deduction")
        return ReasonRules(
            windows=windows,
            window_text=self.text(data, "window_text", f"{path}.window_text", required=bool(windows)),
            exclusions=exclusions,
            denied_code=self.text(denied, "code", f"{path}.denied.code") if denied else None,
            denied_text=self.text(denied, "text", f"{path}.denied.text") if denied else "",
            saleable_required=saleable_required,
            saleable_text=self.text(data, "saleable_text", f"{path}.saleable_text", required=saleable_required),
            restocking_fee=self.fee(fee_data, f"{path}.restocking_fee") if fee_data is not None else None,
            restocking_fee_by_category=tuple(
                (
                    self.category(name, f"{path}.restocking_fee_by_category.{name}"),
                    self.fee(fee, f"{path}.restocking_fee_by_category.{name}"),
                )
                for name, fee in by_category_data.items()
            ),
            deduct_return_label=deduct,
            deduct_return_label_text=self.text(
                data, "deduct_return_label_text", f"{path}.deduct_return_label_text", required=deduct
            ),
        )

    def reasons(self, data: Mapping[str, Any]) -> dict[ReturnReason, ReasonRules]:
        table = self.table(data, "reasons", "reasons")
        for name in table:
            if name not in {reason.value for reason in ReturnReason}:
                raise self.fail(f"reasons.{name}", f"unknown reason ({_choices(ReturnReason)})")
        resolved: dict[ReturnReason, ReasonRules] = {}
        aliases: dict[ReturnReason, tuple[ReturnReason, str]] = {}
        for reason in ReturnReason:
            path = f"reasons.{reason.value}"
            entry = self.table(table, reason.value, path)
            if "same_as" in entry:
                target = entry["same_as"]
                if target not in table or target == reason.value:
                    raise self.fail(f"{path}.same_as", "must name another reason of this policy")
                if len(entry) != 1:
                    raise self.fail(path, "a reason with same_as takes no other keys")
                aliases[reason] = (ReturnReason(target), f"{path}.same_as")
            else:
                resolved[reason] = self.reason_rules(entry, path, reason)
        for reason, (target, path) in aliases.items():
            if target not in resolved:
                raise self.fail(path, "must name a reason that has its own rules, not another same_as")
            if reason.is_seller_error != target.is_seller_error:
                raise self.fail(path, "a seller error cannot share rules with a customer's reason")
            resolved[reason] = resolved[target]
        return resolved

    def fill_rule(self, data: Mapping[str, Any]) -> FillRule | None:
        table = self.optional_table(data, "fill_rule", "fill_rule")
        if table is None:
            return None
        minimum = self.fraction(table.get("minimum_fraction"), "fill_rule.minimum_fraction")
        return FillRule(
            categories=self.categories(table, "categories", "fill_rule.categories"),
            minimum_fraction=minimum,
            text=self.text(table, "text", "fill_rule.text"),
        )


def _choices(enum: type[Enum]) -> str:
    return ", ".join(str(member.value) for member in enum)


def policy_from_mapping(data: Mapping[str, Any], source: str, source_text: str = "") -> Policy:
    """Validate a parsed policy file. Raises PolicyError naming ``source`` and the key."""
    reader = _Reader(source)
    coverage = reader.table(data, "coverage", "coverage")
    flag_rules_data = data.get("flag_rules", [])
    if not isinstance(flag_rules_data, list):
        raise reader.fail("flag_rules", "must be a list")
    return Policy(
        id=reader.text(data, "id", "id"),
        version=reader.text(data, "version", "version"),
        seller=reader.text(data, "seller", "seller"),
        authorization=reader.text(data, "authorization", "authorization"),
        refund_timing=reader.text(data, "refund_timing", "refund_timing"),
        account_credit_for_open_account=reader.flag(
            data, "account_credit_for_open_account", "account_credit_for_open_account"
        ),
        replacement_allowed=reader.flag(data, "replacement_allowed", "replacement_allowed"),
        covered_categories=reader.categories(coverage, "categories", "coverage.categories"),
        coverage_text=reader.text(coverage, "text", "coverage.text"),
        flag_rules=tuple(
            reader.fact_rule(item, f"flag_rules[{i}]", known=FLAG_FIELDS, fact_key="flag")
            for i, item in enumerate(flag_rules_data)
        ),
        fill_rule=reader.fill_rule(data),
        reasons=reader.reasons(data),
        source=source,
        source_text=source_text,
        hold_denied_days=_hold_days(reader, data.get("hold_denied_days")),
        arrival_days=_arrival_days(reader, data.get("arrival_days")),
        currency=_currency(reader, data.get("currency")),
    )


def _currency(reader: _Reader, value: Any) -> str:
    if value is None:
        return DEFAULT_CURRENCY
    problem = currency_problem(value)
    if problem is not None:
        raise reader.fail("currency", problem)
    return str(value)


def _hold_days(reader: _Reader, value: Any) -> int | None:
    if value is None:
        return None
    days = reader.whole_number(value, "hold_denied_days")
    if days < 1:
        raise reader.fail("hold_denied_days", "must be at least 1 day")
    return days


def _arrival_days(reader: _Reader, value: Any) -> int:
    if value is None:
        return DEFAULT_ARRIVAL_DAYS
    days = reader.whole_number(value, "arrival_days")
    if not 1 <= days <= MAX_ARRIVAL_DAYS:
        raise reader.fail("arrival_days", f"must be from 1 to {MAX_ARRIVAL_DAYS} days")
    return days
