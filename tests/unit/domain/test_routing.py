"""The shipped routing file sends each decided cartridge where the warehouse wants it.

The base unit is a sealed, full HP toner cartridge refunded as not needed; each case changes only
what it names. A unit is never routed past a fact nobody checked: the clerk is asked for it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from receiving_app.domain.decision import Outcome
from receiving_app.domain.facts import Category, Condition, ReturnReason
from receiving_app.domain.money import Money
from receiving_app.domain.routing import Make, NeedsFacts, Routed, RoutingTable, UnitForRouting
from receiving_app.locations import warehouse_dir
from receiving_app.persistence.route_files import load_routing

SEALED = Condition.as_sold()
OPENED = Condition(unopened=False, sealed=False, original_packaging=True, box_damage=False, labels_intact=True)
UNCHECKED = Condition()

BASE = UnitForRouting(
    outcome=Outcome.REFUND,
    reason=ReturnReason.NOT_NEEDED,
    category=Category.TONER,
    brand="HP",
    make=Make.OEM,
    fill_fraction=Decimal("0.98"),
    condition=SEALED,
    virgin=None,
    contradicted=False,
)


def unit(**changes: Any) -> UnitForRouting:
    return dataclasses.replace(BASE, **changes)


@pytest.fixture(scope="module")
def table() -> RoutingTable:
    return load_routing(warehouse_dir() / "routes.toml")


@dataclass(frozen=True)
class Case:
    id: str
    changes: dict[str, Any]
    route: str
    rule: int


ROUTED = [
    Case("sealed and full", {}, "restock_new", 5),
    Case("opened, 60% left", {"condition": OPENED, "fill_fraction": Decimal("0.60")}, "restock_open_box", 6),
    Case(
        "Brother OEM empty at 3%, never refilled",
        {"brand": "Brother", "condition": OPENED, "fill_fraction": Decimal("0.03"), "virgin": True},
        "empties_virgin",
        7,
    ),
    Case(
        "HP LaserJet OEM toner empty, refilled before",
        {"condition": OPENED, "fill_fraction": Decimal("0.03"), "virgin": False},
        "oem_recycling",
        8,
    ),
    Case(
        "brand written in lower case",
        {"brand": " hp ", "condition": OPENED, "fill_fraction": Decimal("0.03"), "virgin": False},
        "oem_recycling",
        8,
    ),
    Case(
        "Canon OEM toner empty, refilled before",
        {"brand": "Canon", "condition": OPENED, "fill_fraction": Decimal("0.03"), "virgin": False},
        "empties_other",
        9,
    ),
    Case("denied", {"outcome": Outcome.DENIED, "condition": OPENED}, "hold_for_customer", 2),
    Case("weight contradicts the ticks", {"contradicted": True}, "quarantine", 1),
    Case("a contradiction outranks a denial", {"contradicted": True, "outcome": Outcome.DENIED}, "quarantine", 1),
    Case(
        "defective remanufactured",
        {"reason": ReturnReason.DEFECTIVE, "make": Make.REMANUFACTURED, "condition": OPENED},
        "return_to_vendor",
        3,
    ),
    Case("sealed drum, not weighed", {"category": Category.DRUM, "fill_fraction": None}, "restock_new", 4),
    Case(
        "opened drum, not weighed",
        {"category": Category.DRUM, "fill_fraction": None, "condition": OPENED},
        "scrap",
        10,
    ),
    Case(
        "compatible ink at 30%",
        {"category": Category.INK, "make": Make.COMPATIBLE, "condition": OPENED, "fill_fraction": Decimal("0.30")},
        "scrap",
        10,
    ),
    Case("exactly 95% and sealed", {"fill_fraction": Decimal("0.95")}, "restock_new", 5),
    Case("just under 95%, sealed", {"fill_fraction": Decimal("0.9499")}, "restock_open_box", 6),
    Case(
        "exactly 10% is not empty",
        {"make": Make.COMPATIBLE, "condition": OPENED, "fill_fraction": Decimal("0.10")},
        "scrap",
        10,
    ),
]


@pytest.mark.parametrize("case", ROUTED, ids=lambda case: case.id)
def test_the_default_file_routes_each_unit(table: RoutingTable, case: Case) -> None:
    answer = table.route_for(unit(**case.changes))

    assert isinstance(answer, Routed), answer
    assert (answer.route.name, answer.rule) == (case.route, case.rule)
    assert answer.because == table.rules[case.rule - 1].why
    assert table.kind_of(answer.route).label


ASKED = [
    pytest.param(
        {"condition": OPENED, "fill_fraction": Decimal("0.03"), "virgin": None},
        ("virgin",),
        id="OEM empty, virgin not answered",
    ),
    pytest.param({"condition": OPENED, "fill_fraction": None}, ("weight",), id="opened toner not weighed"),
    pytest.param(
        {"condition": dataclasses.replace(OPENED, box_damage=None), "fill_fraction": None},
        ("box_damage", "weight"),
        id="opened toner, neither weighed nor the box checked",
    ),
    pytest.param(
        {"condition": UNCHECKED},
        ("box_damage", "labels_intact", "original_packaging", "sealed", "unopened"),
        id="full toner with nothing checked",
    ),
]


@pytest.mark.parametrize(("changes", "facts"), ASKED)
def test_an_unchecked_fact_is_asked_for_rather_than_passed_over(
    table: RoutingTable, changes: dict[str, Any], facts: tuple[str, ...]
) -> None:
    assert table.route_for(unit(**changes)) == NeedsFacts(facts)


def test_a_rule_whose_known_test_fails_is_skipped_though_another_of_its_facts_is_unknown(table: RoutingTable) -> None:
    # The virgin rule asks only OEM empties; a compatible empty fails its make test, so nobody is
    # asked whether it was refilled and it goes on to the other empties.
    compatible = unit(make=Make.COMPATIBLE, condition=OPENED, fill_fraction=Decimal("0.03"), virgin=None)
    # The open-box rule fails on the weight, so the box it never needed is not asked for.
    light = unit(
        make=Make.COMPATIBLE,
        condition=dataclasses.replace(OPENED, box_damage=None),
        fill_fraction=Decimal("0.30"),
    )

    compatible_answer = table.route_for(compatible)
    light_answer = table.route_for(light)

    assert isinstance(compatible_answer, Routed) and compatible_answer.route.name == "empties_other"
    assert isinstance(light_answer, Routed) and light_answer.route.name == "scrap"


def test_the_default_routes_carry_their_grade_value_and_hold(table: RoutingTable) -> None:
    routes = table.routes

    assert (routes["restock_new"].stock_grade, routes["restock_open_box"].stock_grade) == ("new", "open_box")
    assert routes["empties_virgin"].value == Money.of("3.00")
    assert routes["hold_for_customer"].hold_days_default == 30
    assert routes["hold_for_customer"].after_hold == "empties_other"
    assert routes["scrap"].value is None and routes["scrap"].stock_grade is None
    assert table.kind_of(routes["oem_recycling"]).max_kg == Decimal("31")
    assert (table.kinds["stock_tote"].max_units, table.kinds["stock_tote"].max_kg) == (40, Decimal("25"))
    assert table.version == "2026-12-03"
    assert table.source_text == (warehouse_dir() / "routes.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "changes", "before", "after"),
    [
        (
            'fill_at_least = "0.50"',
            'fill_at_least = "0.70"',
            {"condition": OPENED, "fill_fraction": Decimal("0.60")},
            "restock_open_box",
            "scrap",
        ),
        (
            'brand = ["HP"]',
            'brand = ["HP", "Canon"]',
            {"brand": "Canon", "condition": OPENED, "fill_fraction": Decimal("0.03"), "virgin": False},
            "empties_other",
            "oem_recycling",
        ),
    ],
    ids=["a higher open-box threshold", "a second brand in the take-back rule"],
)
def test_an_edited_file_changes_the_route_without_a_code_change(
    tmp_path: Path, table: RoutingTable, old: str, new: str, changes: dict[str, Any], before: str, after: str
) -> None:
    text = (warehouse_dir() / "routes.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} must appear once in routes.toml"
    edited = tmp_path / "routes.toml"
    edited.write_text(text.replace(old, new), encoding="utf-8")
    returned = unit(**changes)

    original_answer = table.route_for(returned)
    edited_answer = load_routing(edited).route_for(returned)

    assert isinstance(original_answer, Routed) and original_answer.route.name == before
    assert isinstance(edited_answer, Routed) and edited_answer.route.name == after


@pytest.mark.parametrize("fill", [0.5, Decimal("1.01"), Decimal("-0.01"), Decimal("NaN")], ids=repr)
def test_a_unit_refuses_a_fill_that_is_not_a_fraction(fill: Any) -> None:
    with pytest.raises(ValueError, match="fill_fraction"):
        unit(fill_fraction=fill)
