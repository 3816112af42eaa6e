"""Replaying a draft policy over the units already decided: what it would change, unit by unit and in
total, on the history of tests/support/policy_history.py (demo RMAs and the bench day, all received
on its day)."""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal

import pytest

from receiving_app.domain.decision import Amounts
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.services import policy_replay, process_split
from receiving_app.services.station import Station
from tests.support.bench_day import DAY
from tests.support.policy_history import WEIGHED, events_named, every_table_count, standing_units

SERVICES = "image-pro-services"


def replay(station: Station, draft, start=None, end=None):
    return station.policy_replay.replay(draft, start=start, end=end, user="admin", station="office")


def copy_of(station: Station, seller: str, name: str = "draft", **changes):
    """A draft of the seller's policy in effect, with ``changes`` (key paths) made to it."""
    draft = station.policy_drafts.start(name, seller, user="admin", station="office")
    return station.policy_drafts.revise(name, changes, user="admin", station="office") if changes else draft


def key(unit) -> tuple[str, int, int]:
    return (unit.rma, unit.decision.line, unit.decision.unit)


def changed_keys(report) -> set[tuple[str, int, int]]:
    return {(item.key.rma, item.key.line, item.key.unit) for item in report.comparison.changed}


@pytest.mark.parametrize("seller", ["true-image", "image-pro-services", "4inkjets", "image-pro-international"])
def test_a_draft_identical_to_the_policy_changes_nothing(station, seller) -> None:
    decided = standing_units(station, seller)
    overridden = [unit for unit in decided if unit.decision.overridden_by]

    report = replay(station, copy_of(station, seller))

    comparison = report.comparison
    assert comparison.changed == ()
    assert comparison.undecided == ()
    assert comparison.before == comparison.after
    assert comparison.units_compared == len(decided) - len(overridden) > 10
    assert [(item.key.rma, item.key.line, item.key.unit) for item in comparison.overridden] == [
        key(unit) for unit in overridden
    ]


def test_the_history_holds_what_a_replay_must_reconstruct(station) -> None:
    """The identical replays above are only worth something if the history decided on what a replay
    must put back together: shipping already refunded, a return label already deducted, an override."""
    amounts = [unit.decision.amounts for seller in (SERVICES, "true-image") for unit in standing_units(station, seller)]
    assert any(not item.shipping_refund.is_zero for item in amounts)
    assert any(not item.return_shipping_deduction.is_zero for item in amounts)
    assert any(unit.decision.overridden_by for unit in standing_units(station, SERVICES))


def test_a_fill_threshold_of_99_percent_denies_every_ink_and_toner_unit_below_it_and_nothing_else(station) -> None:
    decided = [unit for unit in standing_units(station, SERVICES) if not unit.decision.overridden_by]
    below = [
        unit
        for unit in decided
        if unit.line.category in WEIGHED and _fill_below(unit, Decimal("0.99")) and unit.decision.outcome != "denied"
    ]
    refunded_below = [unit for unit in below if unit.decision.outcome == "refund"]
    assert len(refunded_below) >= 5

    report = replay(station, copy_of(station, SERVICES, **{"fill_rule.minimum_fraction": "0.99"}))

    comparison = report.comparison
    # Every refunded unit below 99 % is denied now; so is a replacement below it (a replacement is
    # paid in goods); no other unit changes.
    assert changed_keys(report) == {key(unit) for unit in below}
    for item in comparison.changed:
        assert item.after.outcome.value == "denied"
        assert "below_fill_threshold" in item.after.reasons
        assert item.after.refund_total == Money.zero()
    refunds = sum((unit.decision.refund_total for unit in refunded_below), Money.zero())
    fees = sum((unit.decision.amounts.restocking_fee for unit in refunded_below), Money.zero())
    assert comparison.after.refunded == comparison.before.refunded - refunds
    assert comparison.after.fees == comparison.before.fees - fees
    assert comparison.after.denied == comparison.before.denied + len(below)
    # Every weighed unit below 99 % now carries the rule, those denied on other rules before as well.
    assert comparison.after.denied_by_reason["below_fill_threshold"] == sum(
        1 for unit in decided if unit.line.category in WEIGHED and _fill_below(unit, Decimal("0.99"))
    )


def _fill_below(unit, fraction: Decimal) -> bool:
    return unit.decision.fill_fraction is not None and unit.decision.fill_fraction < fraction


def test_a_20_percent_restocking_fee_changes_each_fee_by_the_one_rounding_rule(station) -> None:
    decided = [unit for unit in standing_units(station, SERVICES) if not unit.decision.overridden_by]
    with_fee = [unit for unit in decided if not unit.decision.amounts.restocking_fee.is_zero]
    assert len(with_fee) >= 5

    report = replay(station, copy_of(station, SERVICES, **{"reasons.not_needed.restocking_fee.percent": "20"}))

    expected, added = {}, Money.zero()
    for unit in with_fee:
        was = unit.decision.amounts
        fee = was.merchandise.percent(Decimal(20))  # 20 % of $54.99 is $11.00, half-up to the cent
        expected[key(unit)] = (fee, Amounts(was.merchandise, fee, was.return_shipping_deduction, was.shipping_refund))
        added += fee - was.restocking_fee
    after = {(item.key.rma, item.key.line, item.key.unit): item.after for item in report.comparison.changed}
    assert set(after) == set(expected)
    for unit_key, (fee, amounts) in expected.items():
        assert after[unit_key].restocking_fee == fee
        assert after[unit_key].refund_total == amounts.refund_total
    comparison = report.comparison
    assert comparison.after.fees == comparison.before.fees + added
    assert comparison.after.refunded == comparison.before.refunded - added
    assert comparison.after.denied == comparison.before.denied


def test_a_unit_decided_by_a_supervisor_is_listed_apart_with_what_the_draft_alone_would_say(station) -> None:
    as_installed = replay(station, copy_of(station, SERVICES, "same")).comparison
    stricter = replay(station, copy_of(station, SERVICES, **{"fill_rule.minimum_fraction": "0.99"})).comparison

    # The supervisor denied RA0000810 where the policy refunds it; weighed 98.8 % full, the draft denies it too.
    for comparison, draft_says in ((as_installed, "refund"), (stricter, "denied")):
        (overridden,) = comparison.overridden
        assert (overridden.key.rma, overridden.recorded.outcome.value) == ("RA0000810", "denied")
        assert overridden.draft_outcome.value == draft_says
        assert "RA0000810" not in {item.key.rma for item in comparison.changed}
    assert as_installed.before == stricter.before  # in no total either way


def test_a_replay_writes_nothing_but_its_audit_event(station) -> None:
    draft = copy_of(station, SERVICES, **{"fill_rule.minimum_fraction": "0.99"})
    counts = every_table_count(station)

    report = replay(station, draft, DAY, DAY)

    assert every_table_count(station) == {**counts, "audit_events": counts["audit_events"] + 1}
    assert events_named(station, "policy_replayed") == [
        {
            "policy": SERVICES,
            "draft": "draft",
            "sha256": draft.sha256,
            "from": DAY.isoformat(),
            "to": DAY.isoformat(),
            "units": report.comparison.units_compared,
            "changed": len(report.comparison.changed),
            "overridden": 1,
            "undecided": 0,
        }
    ]


def test_a_replay_takes_the_units_received_on_its_days(station) -> None:
    draft = copy_of(station, SERVICES)
    every_day = replay(station, draft).comparison.units_compared

    assert replay(station, draft, DAY, DAY).comparison.units_compared == every_day
    assert replay(station, draft, DAY + timedelta(days=1)).comparison.units_compared == 0
    assert replay(station, draft, None, DAY - timedelta(days=1)).comparison.units_compared == 0


def test_a_replay_whose_days_run_backwards_is_refused(station) -> None:
    draft = copy_of(station, SERVICES)
    events = len(events_named(station, "policy_replayed"))

    with pytest.raises(InputError, match="after --to"):
        replay(station, draft, DAY, DAY - timedelta(days=1))

    assert len(events_named(station, "policy_replayed")) == events


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="a split needs two cores")
def test_a_replay_split_between_two_processes_gives_what_one_process_gives(station, monkeypatch) -> None:
    """Each process compares a run of the decisions from a connection of its own; joined, the runs give
    what one process gives, unit for unit, day for day and in every total (the history's units were all
    received on one day, which both runs hold)."""
    draft = copy_of(
        station,
        SERVICES,
        **{"fill_rule.minimum_fraction": "0.99", "reasons.not_needed.restocking_fee.percent": "20"},
    )
    in_one = replay(station, draft)
    assert in_one.processes == 1 and in_one.comparison.changed

    monkeypatch.setattr(policy_replay, "SPLIT_FROM", 10)
    monkeypatch.setattr(process_split, "MOST_PROCESSES", 2)
    # The tests' own threads (and pytest-xdist's) make forking unsafe here; a fresh interpreter is not.
    monkeypatch.setattr(process_split, "START_METHOD", "spawn")
    in_two = replay(station, draft)

    assert in_two.processes == 2
    assert in_two.comparison == in_one.comparison
    assert in_two.as_json() == in_one.as_json()
