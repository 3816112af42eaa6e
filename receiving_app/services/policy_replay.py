"""Replaying a draft over the bench's recorded facts: what it would have decided for every unit of
its seller received in a range of days, beside what each unit got (``domain.policy_comparison``).

Each standing decision (the latest of its unit that is not voided) is decided again from the
facts it was decided on: the inspection's condition and flags, the captured weight against the
catalog's full and empty weights, the order's and the RMA's dates and money, the reason and choice
decided on, and the order's shipping and the RMA's return label as far as earlier decisions had
left them at the time. A replay changes nothing; it leaves one audit event, ``policy_replayed``.

Deciding a unit again is tens of microseconds of Python, so a replay over more than ``SPLIT_FROM``
units is split between processes where that is safe (``process_split``): each compares a run of the
decisions, by id, read in a transaction of its own, and the runs are joined as one comparison.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.currencies import DEFAULT_CURRENCY
from receiving_app.domain.decision import Outcome
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import (
    Category,
    Condition,
    CustomerChoice,
    Flags,
    PaymentMethod,
    ReturnDates,
    ReturnReason,
)
from receiving_app.domain.money import Money
from receiving_app.domain.policy import Policy
from receiving_app.domain.policy_comparison import (
    Comparison,
    RecordedUnit,
    Totals,
    UnitKey,
    UnitResult,
    compare,
    joined,
)
from receiving_app.domain.weight import FillMeasurement
from receiving_app.persistence.policy_replay_records import DecidedUnitSpan, PolicyReplayRecords
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.paused_collector import paused_collector
from receiving_app.services.policy_drafts import DraftView, PolicyDraftService
from receiving_app.services.process_split import process_pool, processes_for, split_ranges
from receiving_app.services.unit_facts import unit_facts

SPLIT_FROM = 40_000  # units; fewer are compared sooner than processes start
Run = tuple[int | None, int | None]
"""A run of the units for one process: their decisions' ids after the first and up to the second (None: open)."""

_REASONS = {reason.value: reason for reason in ReturnReason}
_CHOICES = {choice.value: choice for choice in CustomerChoice}
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}
_CATEGORIES = {category.value: category for category in Category}
_PAYMENTS = {method.value: method for method in PaymentMethod}


@dataclass(frozen=True, slots=True)
class ReplayReport:
    draft: DraftView
    start: date | None
    end: date | None
    comparison: Comparison
    processes: int = 1
    """How many processes compared the units."""

    def as_json(self) -> dict[str, object]:
        """The shape of ``policy replay --json`` (docs/cli.md)."""
        comparison = self.comparison
        return {
            "policy": self.draft.policy_id,
            "draft": self.draft.name,
            "sha256": self.draft.sha256,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "units": comparison.units_compared,
            "changed": [
                {**_where(item.key, item.received_on), "before": _result(item.before), "after": _result(item.after)}
                for item in comparison.changed
            ],
            "overridden": [
                {
                    **_where(item.key, item.received_on),
                    "recorded": _result(item.recorded),
                    "draft_outcome": item.draft_outcome.value if item.draft_outcome else None,
                }
                for item in comparison.overridden
            ],
            "undecided": [
                {**_where(item.key, item.received_on), "recorded": _result(item.recorded), "problem": item.problem}
                for item in comparison.undecided
            ],
            "totals": {"before": _totals(comparison.before), "after": _totals(comparison.after)},
            "days": [
                {"day": day.day.isoformat(), "before": _totals(day.before), "after": _totals(day.after)}
                for day in comparison.days
            ],
        }


class PolicyReplayService:
    def __init__(self, units: UnitOfWorkFactory, drafts: PolicyDraftService) -> None:
        self._units = units
        self._drafts = drafts

    def replay(
        self, draft: DraftView, *, start: date | None, end: date | None, user: str, station: str
    ) -> ReplayReport:
        """The draft decided over its seller's units received from ``start`` to ``end`` (both included;
        None: without that bound), compared with what they got."""
        _require_range(start, end)
        policy = self._drafts.checked(draft.text, draft.name)
        with self._units.read() as uow:
            # Counting the units costs a fraction of a second: only where they could be split at all.
            splittable = uow.records.another_process_can_open() and processes_for(sys.maxsize, SPLIT_FROM) > 1
            span = uow.records.decided_unit_span(policy.id, start, end) if splittable else None
            url = uow.records.connection_url()
        processes = processes_for(span.units, SPLIT_FROM) if span else 1
        runs: list[Run] = _runs(span, processes) if span and processes > 1 else [(None, None)]
        if len(runs) == 1:
            with self._units.read() as uow:
                comparison = _compared(uow, policy, start, end, None, None)
        else:
            comparison = self._split(url, policy, start, end, runs)
        with self._units.write() as uow:
            uow.record(
                AuditEvent(
                    "policy_replayed",
                    user,
                    station,
                    None,
                    {
                        "policy": policy.id,
                        "draft": draft.name,
                        "sha256": draft.sha256,
                        "from": start.isoformat() if start else None,
                        "to": end.isoformat() if end else None,
                        "units": comparison.units_compared,
                        "changed": len(comparison.changed),
                        "overridden": len(comparison.overridden),
                        "undecided": len(comparison.undecided),
                    },
                )
            )
            uow.commit()
        return ReplayReport(draft, start, end, comparison, len(runs))

    def _split(self, url: str, policy: Policy, start: date | None, end: date | None, runs: list[Run]) -> Comparison:
        """The first run compared in this process while the others are in processes of their own: one
        process fewer to start, and one run fewer to send back."""
        with process_pool(len(runs) - 1) as pool:
            later = [pool.submit(_compare_in_a_process, url, policy, start, end, *run) for run in runs[1:]]
            with self._units.read() as uow:
                first = _compared(uow, policy, start, end, *runs[0])
            return joined([first, *(part.result() for part in later)])

    def recorded(self, policy_id: str, start: date | None = None, end: date | None = None) -> list[RecordedUnit]:
        """The seller's decided units with the facts they were decided on, as a replay reads them."""
        _require_range(start, end)
        with self._units.read() as uow:
            return list(recorded_units(uow.records, policy_id, start, end))


def _runs(span: DecidedUnitSpan, processes: int) -> list[Run]:
    """The units' decisions split by id into up to ``processes`` runs (after_id, up_to_id]; the first and
    last open-ended, so that a unit decided since the span was read is in the last."""
    runs = split_ranges(span.first_id - 1, span.last_id, processes)
    return [
        (None if index == 0 else low, None if index == len(runs) - 1 else high)
        for index, (low, high) in enumerate(runs)
    ]


def _compared(
    uow: UnitOfWork, policy: Policy, start: date | None, end: date | None, after_id: int | None, up_to_id: int | None
) -> Comparison:
    with paused_collector():
        units = recorded_units(
            uow.records, policy.id, start, end, currency=policy.currency, after_id=after_id, up_to_id=up_to_id
        )
        return compare(policy, units)


def _compare_in_a_process(
    url: str, policy: Policy, start: date | None, end: date | None, after_id: int | None, up_to_id: int | None
) -> Comparison:
    """One run of the units, from a connection of this process's own (the parent's stay the parent's)."""
    from receiving_app.persistence.database import create_database_engine

    engine = create_database_engine(url)
    try:
        with UnitOfWorkFactory(engine).read() as uow:
            return _compared(uow, policy, start, end, after_id, up_to_id)
    finally:
        engine.dispose()


def recorded_units(
    records: PolicyReplayRecords,
    policy_id: str,
    start: date | None,
    end: date | None,
    *,
    currency: str = DEFAULT_CURRENCY,
    after_id: int | None = None,
    up_to_id: int | None = None,
) -> Iterator[RecordedUnit]:
    """Streamed: a hundred thousand units are read a batch at a time, each amount made once, in the seller's
    ``currency`` (its prices and decisions are kept as plain cents); only those whose decisions' ids are in
    (after_id, up_to_id] where those are given."""
    catalog = {
        sku: (_CATEGORIES[category], full, empty) for sku, (category, full, empty) in records.catalog_weights().items()
    }
    cells = records.cell_readers()
    used_up = _UsedUp(records.refunds_that_used_up(policy_id), cells.time)
    money, codes = _MoneyByCents(currency), _ReasonCodes()

    # The cells a unit's dates, checks, weight and recorded result are made of repeat over thousands of
    # units: each distinct set is converted and made once.
    def made_dates(purchased: Any, reported: Any, shipped: Any, delivered: Any, received: Any) -> ReturnDates:
        day = cells.date
        return ReturnDates(day(purchased), day(reported), day(shipped), day(delivered), day(received))  # type: ignore[arg-type]

    def made_fill(grams: Any, sku: str) -> FillMeasurement:
        _category, full_g, empty_g = catalog[sku]
        return FillMeasurement(cells.grams(grams), full_g, empty_g)  # type: ignore[arg-type]

    def made_result(
        outcome: str, refund: int, fee: int, deduction: int, shipping: int, reasons: tuple[str, ...]
    ) -> UnitResult:
        return UnitResult(_OUTCOMES[outcome], money[refund], money[fee], money[deduction], money[shipping], reasons)

    dates = _MadeOnce(made_dates)
    conditions = _MadeOnce(lambda *seen: Condition(*map(cells.check, seen)))
    flag_sets = _MadeOnce(lambda *checked: Flags(*map(cells.check, checked)))
    fills = _MadeOnce(made_fill)
    results = _MadeOnce(made_result)
    for row in records.decided_units(policy_id, start, end, after_id=after_id, up_to_id=up_to_id):
        sku = row.sku
        unit_dates = dates[row.purchased_on, row.reported_on, row.shipped_on, row.delivered_on, row.received_on]
        facts = unit_facts(
            reason=_REASONS[row.reason],
            choice=_CHOICES[row.customer_choice],
            sku=sku,
            category=catalog[sku][0],
            unit_price=money[row.unit_price],
            dates=unit_dates,
            payment_method=_PAYMENTS[row.payment_method],
            shipping_paid=money[row.shipping_paid],
            shipping_refunded=money[used_up.shipping(row.order_id, row.id, row.decided_at)],
            label_cost=money[row.return_label_cost],
            label_deducted=money[used_up.label(row.rma_id, row.id, row.decided_at)],
            condition=conditions[row.condition],
            flags=flag_sets[row.flags],
            fill=fills[row.grams, sku] if row.grams is not None else None,
        )
        recorded = results[
            row.outcome,
            row.refund_total,
            row.restocking_fee,
            row.return_shipping_deduction,
            row.shipping_refund,
            codes.of(row.reasons),
        ]
        key = UnitKey(row.rma_number, row.line_no, row.unit_no)
        yield RecordedUnit(key, unit_dates.received, facts, recorded, row.overridden_by is not None)


class _MadeOnce(dict[tuple[Any, ...], Any]):
    """``made[cells]`` is ``make(*cells)``, made the first time those cells are met and kept."""

    def __init__(self, make: Callable[..., Any]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, cells: tuple[Any, ...]) -> Any:
        made = self[cells] = self._make(*cells)
        return made


class _MoneyByCents(dict[int, Money]):
    """Each amount made once (prices and fees repeat over thousands of units), looked up as ``money[cents]``."""

    def __init__(self, currency: str) -> None:
        super().__init__()
        self._currency = currency

    def __missing__(self, cents: int) -> Money:
        made = self[cents] = Money(Decimal(cents).scaleb(-2), self._currency)
        return made


class _ReasonCodes(dict[str, tuple[str, ...]]):
    """The codes of a decision's reasons, from its stored JSON: each distinct text read once."""

    def __missing__(self, stored: str) -> tuple[str, ...]:
        codes = self[stored] = _codes(json.loads(stored))
        return codes

    def of(self, stored: str | list[dict[str, str]]) -> tuple[str, ...]:
        return self[stored] if isinstance(stored, str) else _codes(stored)


def _codes(reasons: list[dict[str, str]]) -> tuple[str, ...]:
    return tuple(reason["code"] for reason in reasons)


class _UsedUp:
    """What earlier decisions had refunded of each order's shipping and deducted of each RMA's label
    when a unit was decided: those made before it and not voided by then."""

    def __init__(self, rows: Iterator[Any], time: Callable[[Any], datetime | None]) -> None:
        self._time = time  # a unit's decision time comes raw: it is read only for an order or RMA found here
        self._shipping: dict[int, list[tuple[int, datetime, datetime | None, int]]] = {}
        self._label: dict[int, list[tuple[int, datetime, datetime | None, int]]] = {}
        for row in rows:
            if row.shipping_refund:
                self._shipping.setdefault(row.order_id, []).append(
                    (row.id, row.decided_at, row.voided_at, row.shipping_refund)
                )
            if row.return_shipping_deduction:
                self._label.setdefault(row.rma_id, []).append(
                    (row.id, row.decided_at, row.voided_at, row.return_shipping_deduction)
                )

    def shipping(self, order_id: int, decision_id: int, decided_at: Any) -> int:
        earlier = self._shipping.get(order_id)
        return _before(earlier, decision_id, self._time(decided_at)) if earlier else 0

    def label(self, rma_id: int, decision_id: int, decided_at: Any) -> int:
        earlier = self._label.get(rma_id)
        return _before(earlier, decision_id, self._time(decided_at)) if earlier else 0


def _before(earlier: list[tuple[int, datetime, datetime | None, int]], decision_id: int, at: Any) -> int:
    return sum(
        cents for made, _decided, voided, cents in earlier if made < decision_id and (voided is None or voided > at)
    )


def _require_range(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and start > end:
        raise InputError(f"--from {start} is after --to {end}: give the first day, then the last")


def _where(key: UnitKey, received_on: date) -> dict[str, object]:
    return {"rma": key.rma, "line": key.line, "unit": key.unit, "received": received_on.isoformat()}


def _result(result: UnitResult) -> dict[str, object]:
    return {
        "outcome": result.outcome.value,
        "refund_total": str(result.refund_total),
        "restocking_fee": str(result.restocking_fee),
        "return_shipping_deduction": str(result.return_shipping_deduction),
        "shipping_refund": str(result.shipping_refund),
        "reasons": list(result.reasons),
    }


def _totals(totals: Totals) -> dict[str, object]:
    return {
        "units": totals.units,
        "refunded": str(totals.refunded),
        "fees": str(totals.fees),
        "label_deducted": str(totals.label_deducted),
        "shipping_refunded": str(totals.shipping_refunded),
        "denied": totals.denied,
        "replacements": totals.replacements,
        "denied_by_reason": dict(totals.denied_by_reason),
    }
