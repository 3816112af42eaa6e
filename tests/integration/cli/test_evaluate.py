"""`receiving-app evaluate` as a subprocess: a decision on stdout, or exit 2 and one clear line."""

from __future__ import annotations

import json

import pytest

from receiving_app.locations import resources_dir
from tests.support.cli import run_cli
from tests.support.scenarios import scenario

EXAMPLES = resources_dir() / "examples"


def test_evaluate_prints_the_spec_example_decision_from_a_file() -> None:
    run = run_cli("evaluate", str(EXAMPLES / "spec-scenario.json"))
    assert run.code == 0, run.stderr
    assert run.json() == json.loads((EXAMPLES / "spec-decision.json").read_text())


def test_evaluate_reads_standard_input() -> None:
    run = run_cli("evaluate", "-", stdin=json.dumps(scenario("4inkjets", reason="not_needed")))
    assert run.code == 0, run.stderr
    decision = run.json()
    assert (decision["outcome"], decision["refund_total"], decision["refund_method"]) == (
        "refund",
        "54.99",
        "original_payment",
    )


BAD_INPUTS = [
    ("unknown policy", scenario("acme-returns"), "policy"),
    ("missing reason", scenario("4inkjets", reason=None), "reason"),
    ("unknown reason", scenario("4inkjets", reason="changed_mind"), "reason"),
    ("malformed price", scenario("4inkjets", item={"unit_price": "12,50"}), "item.unit_price"),
    (
        "price as float-looking fraction of a cent",
        scenario("4inkjets", item={"unit_price": "12.505"}),
        "item.unit_price",
    ),
    ("negative price", scenario("4inkjets", item={"unit_price": "-5.00"}), "item.unit_price"),
    ("zero quantity", scenario("4inkjets", item={"quantity": 0}), "item.quantity"),
    ("impossible calendar date", scenario("4inkjets", dates={"reported": "2026-02-30"}), "dates.reported"),
    ("reported before purchased", scenario("4inkjets", dates={"reported": "2026-03-01"}), "dates.reported"),
    ("shipped before purchased", scenario("4inkjets", dates={"shipped": "2026-03-01"}), "dates.shipped"),
    (
        "date the policy needs is missing",
        scenario("image-pro-international", dates={"delivered": None}),
        "dates.delivered",
    ),
    (
        "shipment date missing for a 30-days-from-shipment rule",
        scenario("image-pro-services", reason="not_needed", dates={"shipped": None}),
        "dates.shipped",
    ),
    ("required weight missing", scenario("image-pro-services", weight=None), "weight"),
    ("full not above empty", scenario("4inkjets", weight={"full_g": "590", "empty_g": "590"}), "weight.full_g"),
    ("negative weight", scenario("4inkjets", weight={"measured_g": "-3"}), "weight.measured_g"),
    ("weight not a number", scenario("4inkjets", weight={"measured_g": "heavy"}), "weight.measured_g"),
    ("condition not boolean", scenario("4inkjets", condition={"sealed": "yes"}), "condition.sealed"),
    ("unknown flag", scenario("4inkjets", flags={"water_damage": True}), "flags.water_damage"),
    ("unknown payment method", scenario("4inkjets", payment_method="bitcoin"), "payment_method"),
]


@pytest.mark.parametrize(("case", "data", "field"), BAD_INPUTS, ids=[case for case, _, _ in BAD_INPUTS])
def test_bad_scenarios_exit_2_with_one_line_naming_the_field(case, data, field) -> None:
    run = run_cli("evaluate", "-", stdin=json.dumps(data))
    assert run.code == 2, run.stdout
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert field in lines[0]
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("stdin", "args", "expected"),
    [
        ("{not json", ("evaluate", "-"), "not valid JSON"),
        ("[1, 2]", ("evaluate", "-"), "JSON object"),
        ("", ("evaluate", "/nonexistent/scenario.json"), "cannot read"),
        ("", ("evaluate",), "FILE"),
        ("", ("evaulate", "x.json"), "invalid choice"),
    ],
)
def test_unusable_input_and_usage_mistakes_exit_2_with_one_line(stdin, args, expected) -> None:
    run = run_cli(*args, stdin=stdin)
    assert run.code == 2
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert expected in run.stderr
    assert "Traceback" not in run.stderr


def test_version_is_printed() -> None:
    run = run_cli("--version")
    assert run.code == 0
    assert run.stdout.startswith("receiving-app ")
