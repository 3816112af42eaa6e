"""`receiving-app evaluate` holds every value of a scenario to its bounds: a number too large, text too long
or holding a NUL, a document too long or nested too deep, each exits 2 with one line and no traceback.

The three inputs that once ended in a traceback (exit 1) run as real subprocesses; the other bounds run
`main` in this process, which costs milliseconds instead of half a second each."""

from __future__ import annotations

import json

import pytest

from tests.support.cli import run_cli
from tests.support.scenarios import scenario
from tests.support.signing_in import run_in_process

QUANTITY_OF_2_TO_THE_63 = json.dumps(scenario("4inkjets", item={"quantity": 2**63}))
QUANTITY_OF_5000_DIGITS = json.dumps(scenario("4inkjets")).replace('"quantity": 1', '"quantity": ' + "9" * 5000)
NESTED_100_000_DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("stdin", "words"),
    [
        (QUANTITY_OF_2_TO_THE_63, "item.quantity: must be a whole number from 1 to 10000, not 9223372036854775808"),
        (QUANTITY_OF_5000_DIGITS, "item.quantity: must be a whole number from 1 to 10000, not 9999"),
        (NESTED_100_000_DEEP, "standard input is longer than 65536 characters"),
    ],
    ids=["quantity 2^63", "5000-digit quantity", "100000 nested brackets"],
)
def test_what_once_ended_in_a_traceback_exits_2_with_one_line(stdin, words) -> None:
    run = run_cli("evaluate", "-", stdin=stdin)

    assert (run.code, run.stdout) == (2, "")
    assert run.stderr.splitlines() == [run.stderr.strip()] and words in run.stderr
    assert "Traceback" not in run.stderr


BASE = json.dumps(scenario("4inkjets"))


def nested(depth: int) -> str:
    return json.dumps(scenario("4inkjets", flags={"improper_use": False})).replace(
        '"improper_use": false', '"improper_use": ' + "[" * depth + "]" * depth
    )


BOUNDS = [
    ("nested 32 deep, as deep as allowed", nested(30), "flags.improper_use: must be true or false"),
    ("nested 33 deep", nested(31), "nests objects and arrays deeper than 32 levels"),
    ("nested 30,000 deep", nested(30_000), "nests objects and arrays deeper than 32 levels"),
    ("66,000 characters", json.dumps(scenario("4inkjets", notes="n" * 66_000)), "longer than 65536 characters"),
    ("weight 1e999999999", BASE.replace('"812.4"', "1e999999999"), "weight.measured_g: must be at most 100000 g"),
    ("exponent beyond Decimal", BASE.replace('"812.4"', "1e99999999999999999999"), "too large to read"),
    ("weight over 100 kg", json.dumps(scenario("4inkjets", weight={"full_g": "100001"})), "weight.full_g: must be at"),
    (
        "weight in 1e-10 g",
        json.dumps(scenario("4inkjets", weight={"measured_g": "1e-10"})),
        "weight.measured_g: is not",
    ),
    ("NaN weight", BASE.replace('"812.4"', "NaN"), "NaN is not a number a scenario may hold"),
    ("price over a million", json.dumps(scenario("4inkjets", item={"unit_price": "1000000.01"})), "item.unit_price"),
    ("quantity 10,001", json.dumps(scenario("4inkjets", item={"quantity": 10_001})), "item.quantity: must be"),
    ("65-character SKU", json.dumps(scenario("4inkjets", item={"sku": "S" * 65})), "item.sku: is longer than 64"),
    ("NUL in the SKU", json.dumps(scenario("4inkjets", item={"sku": "TN-\x00660"})), "item.sku: holds a NUL character"),
    ("line break in the policy", json.dumps(scenario("4ink\njets")), "policy: holds the control character"),
    ("unknown flag named with a line break", json.dumps(scenario("4inkjets", flags={"a\nb": True})), "flags.'a\\nb'"),
]


@pytest.mark.parametrize(("case", "stdin", "words"), BOUNDS, ids=[case for case, _, _ in BOUNDS])
def test_a_scenario_outside_the_bounds_exits_2_with_one_line_naming_it(case, stdin, words, monkeypatch, capsys) -> None:
    outcome = run_in_process(["evaluate", "-"], monkeypatch=monkeypatch, capsys=capsys, stdin=stdin)

    assert (outcome.code, outcome.stdout) == (2, "")
    assert outcome.stderr.splitlines() == [outcome.stderr.strip()] and words in outcome.stderr


def test_a_scenario_at_the_bounds_is_decided(monkeypatch, capsys) -> None:
    at_the_bounds = scenario(
        "4inkjets",
        item={"sku": "S" * 64, "unit_price": "1000000.00", "quantity": 10_000},
        weight={"measured_g": "100000", "full_g": "100000", "empty_g": "0.000000001"},
    )
    outcome = run_in_process(["evaluate", "-"], monkeypatch=monkeypatch, capsys=capsys, stdin=json.dumps(at_the_bounds))

    assert outcome.code == 0, outcome.stderr
    assert json.loads(outcome.stdout)["merchandise"] == "10000000000.00"
