"""Judging one unit at the bench: the policy's decision on the facts the clerk set, and what it may not decide alone.

``decide`` in ``engine.py`` answers "what does the policy say?". The bench asks more: was every
fact the answer rests on checked, was the unit weighed, is the weight one this cartridge can
have, does it contradict what was ticked, and does a reason or choice found at the bench lower
what the seller keeps? The answers that need a supervisor are collected, not raised, so that the
screen can show them before Enter and the service can refuse without one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from receiving_app.domain.decision import Decision, Outcome
from receiving_app.domain.engine import MissingFact, decide, decide_with_override
from receiving_app.domain.facts import CustomerChoice, ReturnFacts, ReturnReason, fact_group, fact_label
from receiving_app.domain.inspection import Contradiction, WeightLimits, finding_needs_supervisor, must_be_weighed
from receiving_app.domain.policy import Policy
from receiving_app.domain.routing import Routed
from receiving_app.domain.weight import FillMeasurement
from receiving_app.domain.weight_capture import WeightCapture


@dataclass(frozen=True, slots=True)
class Stated:
    """What the customer said on the RMA."""

    reason: ReturnReason
    choice: CustomerChoice


@dataclass(frozen=True, slots=True)
class Judgement:
    decision: Decision
    engine_outcome: str  # what the rules alone said ("unknown" if they lacked a fact under an override)
    contradictions: tuple[Contradiction, ...]
    finding: str | None  # why the reason or choice found at the bench needs a supervisor
    route: Routed | None = None
    """Where the unit goes, once the warehouse's routing file has sorted it (the station's service does)."""

    @property
    def needs_supervisor(self) -> tuple[str, ...]:
        return (
            *(contradiction.text for contradiction in self.contradictions),
            *([self.finding] if self.finding else []),
        )


def judge(
    policy: Policy,
    facts: ReturnFacts,
    *,
    stated: Stated,
    limits: WeightLimits,
    weighing: WeightCapture | None,
    override: tuple[Outcome, str] | None = None,
) -> Judgement:
    """Raises MissingFact naming every fact still to check (unless a supervisor overrides), and
    ImplausibleWeight for a weight no such cartridge can have."""
    if weighing is not None:
        limits.require_plausible(weighing.grams, weighing.as_read)
        facts = _with_fill(facts, limits, weighing.grams)
    _require_bench_facts(policy, facts, weighing, checks=override is None)
    contradictions = limits.contradictions(weighing.grams, facts.condition) if weighing else ()
    if override is None:
        decision = decide(policy, facts)
        engine_outcome = decision.outcome.value
    else:
        try:
            engine_outcome = decide(policy, facts).outcome.value
        except MissingFact:
            engine_outcome = "unknown"
        decision = decide_with_override(policy, facts, *override)
    return Judgement(decision, engine_outcome, contradictions, _finding(policy, facts, stated, decision, override))


def _with_fill(facts: ReturnFacts, limits: WeightLimits, grams: Decimal) -> ReturnFacts:
    return replace(facts, fill=FillMeasurement(grams, limits.full_g, limits.empty_g))


def _require_bench_facts(policy: Policy, facts: ReturnFacts, weighing: WeightCapture | None, *, checks: bool) -> None:
    unchecked = (
        [name for name in policy.checks_needed(facts.reason) if facts.boolean_fact(name) is None] if checks else []
    )
    missing = [fact_label(name).lower() for name in unchecked]
    unweighed = weighing is None and must_be_weighed(facts.item.category)
    if unweighed:
        missing.append("weight")
    if not missing:
        return
    field = f"{fact_group(unchecked[0])}.{unchecked[0]}" if unchecked else "weight"
    problem = f"not checked yet ({', '.join(missing)})"
    if unweighed and not unchecked:
        problem = f"every {facts.item.category.value} unit is weighed before it is decided; weigh it first"
    raise MissingFact(field, problem, tuple(missing))


def _finding(
    policy: Policy, found: ReturnFacts, stated: Stated, decision: Decision, override: tuple[Outcome, str] | None
) -> str | None:
    if (found.reason, found.customer_choice) == (stated.reason, stated.choice) or override is not None:
        return None  # an override is a supervisor's decision already
    try:
        as_stated = decide(policy, replace(found, reason=stated.reason, customer_choice=stated.choice))
    except MissingFact:
        as_stated = None
    return finding_needs_supervisor(
        as_stated, decision, stated.reason, found.reason, stated.choice, found.customer_choice
    )
