"""The bench's own rules around the policy engine: which facts a decision rests on, which weights a
cartridge can have, when a weight contradicts the ticks, when a finding needs a supervisor, and the
lifecycle of units, lines and RMAs."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest

from receiving_app.domain.engine import MissingFact
from receiving_app.domain.facts import Condition, CustomerChoice, Flags, ReturnReason
from receiving_app.domain.inspection import ImplausibleWeight, WeightLimits, default_tolerance_g
from receiving_app.domain.judgement import Stated, judge
from receiving_app.domain.lifecycle import LineStatus, RmaStatus, UnitState, line_status_of, rma_status_of
from receiving_app.domain.scenario import read_scenario
from receiving_app.domain.weight_capture import WeightCapture
from tests.support.scenarios import scenario, shipped_policies

SCALE_815 = WeightCapture(Decimal("815.0"), "g", Decimal("815.0"), True, "mt-sics")
TN660 = WeightLimits("TN-660", Decimal("815.0"), Decimal("590.0"), Decimal("22.5"), Decimal("802.8"), Decimal("827.2"))


def facts_for(policy: str, **changes):
    return read_scenario(scenario(policy, **changes)).facts


def test_the_checks_a_decision_rests_on_follow_the_policy_and_the_reason() -> None:
    policies = shipped_policies()
    assert policies["4inkjets"].checks_needed(ReturnReason.NOT_NEEDED) == ("sold_by_seller",)
    assert policies["true-image"].checks_needed(ReturnReason.DEFECTIVE) == (
        "sold_by_seller",
        "hp_plus_rejected",
        "firmware_blocked",
    )
    assert policies["image-pro-services"].checks_needed(ReturnReason.NOT_NEEDED) == (
        "sold_by_seller",
        "unopened",
        "sealed",
        "original_packaging",
        "box_damage",
        "labels_intact",
    )


def test_every_unchecked_fact_and_a_missing_weight_are_named_together() -> None:
    facts = replace(facts_for("image-pro-services", reason="not_needed"), condition=Condition(sealed=True), fill=None)
    stated = Stated(ReturnReason.NOT_NEEDED, CustomerChoice.REFUND)

    with pytest.raises(MissingFact) as missing:
        judge(shipped_policies()["image-pro-services"], facts, stated=stated, limits=TN660, weighing=None)

    assert missing.value.still_to_check == (
        "unopened",
        "original packaging",
        "box damaged or marked",
        "labels intact",
        "weight",
    )


def test_unchecked_facts_the_decision_does_not_rest_on_may_stay_unchecked() -> None:
    facts = replace(facts_for("4inkjets"), condition=Condition(), flags=replace(Flags(), sold_by_seller=True))
    judgement = judge(
        shipped_policies()["4inkjets"],
        facts,
        stated=Stated(facts.reason, facts.customer_choice),
        limits=TN660,
        weighing=SCALE_815,
    )
    assert judgement.decision.outcome.value == "refund" and judgement.needs_supervisor == ()


@pytest.mark.parametrize(
    ("grams", "plausible"), [("567.5", True), ("567.4", False), ("837.5", True), ("837.6", False), ("0", False)]
)
def test_a_weight_is_plausible_between_empty_and_full_widened_by_the_tolerance(grams, plausible) -> None:
    if plausible:
        TN660.require_plausible(Decimal(grams), f"{grams} g")
    else:
        with pytest.raises(ImplausibleWeight, match=re.escape("567.5 g to 837.5 g")):
            TN660.require_plausible(Decimal(grams), f"{grams} g")


def test_the_default_tolerance_is_a_tenth_of_the_span_and_at_least_two_grams() -> None:
    assert default_tolerance_g(Decimal("815.0"), Decimal("590.0")) == Decimal("22.5")
    assert default_tolerance_g(Decimal("39.0"), Decimal("28.7")) == Decimal("2.0")


@pytest.mark.parametrize(
    ("grams", "condition", "codes"),
    [
        ("815.0", Condition.as_sold(), ()),
        ("700.0", Condition.as_sold(), ("sealed_weight_mismatch",)),
        ("700.0", replace(Condition.as_sold(), unopened=False, sealed=False), ()),
        ("830.0", replace(Condition.as_sold(), unopened=False, sealed=False), ("heavier_than_full",)),
        ("830.0", Condition.as_sold(), ("heavier_than_full", "sealed_weight_mismatch")),
        ("700.0", Condition(), ()),  # nothing ticked, nothing to contradict
    ],
)
def test_a_weight_contradicts_a_ticked_seal_outside_the_band_and_any_unit_heavier_than_full(
    grams, condition, codes
) -> None:
    assert tuple(item.code for item in TN660.contradictions(Decimal(grams), condition)) == codes


def test_a_finding_that_raises_the_sellers_share_needs_no_supervisor_and_one_that_lowers_it_does() -> None:
    policy = shipped_policies()["image-pro-services"]
    weighing = SCALE_815
    as_found = facts_for("image-pro-services", reason="not_needed")
    stated_defective = Stated(ReturnReason.DEFECTIVE, CustomerChoice.REFUND)
    stated_not_needed = Stated(ReturnReason.NOT_NEEDED, CustomerChoice.REFUND)

    raised = judge(policy, as_found, stated=stated_defective, limits=TN660, weighing=weighing)
    lowered = judge(
        policy,
        replace(as_found, reason=ReturnReason.DEFECTIVE),
        stated=stated_not_needed,
        limits=TN660,
        weighing=weighing,
    )

    assert raised.finding is None
    assert lowered.finding is not None and "not needed to defective" in lowered.finding


@pytest.mark.parametrize(
    ("units", "on_hold", "status"),
    [
        ([UnitState.OPEN, UnitState.OPEN], False, LineStatus.OPEN),
        ([UnitState.DECIDED, UnitState.OPEN], False, LineStatus.OPEN),
        ([UnitState.DECIDED, UnitState.OPEN], True, LineStatus.ON_HOLD),
        ([UnitState.DECIDED, UnitState.NOT_RECEIVED], False, LineStatus.DECIDED),
        ([UnitState.NOT_RECEIVED, UnitState.NOT_RECEIVED], False, LineStatus.NOT_RECEIVED),
    ],
)
def test_a_lines_status_is_what_its_units_say(units, on_hold, status) -> None:
    assert line_status_of(units, on_hold=on_hold) is status


def test_an_rma_closes_when_every_line_is_done() -> None:
    assert rma_status_of([LineStatus.OPEN, LineStatus.ON_HOLD]) is RmaStatus.OPEN
    assert rma_status_of([LineStatus.DECIDED, LineStatus.OPEN]) is RmaStatus.PARTIALLY_RECEIVED
    assert rma_status_of([LineStatus.DECIDED, LineStatus.NOT_RECEIVED]) is RmaStatus.CLOSED
