"""`receiving-app evaluate`: one scenario decided by the shipped policies, with no database."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from receiving_app.cli.shared import EXIT_OK, Commands, add_command, print_json
from receiving_app.domain.errors import InputError


def add_evaluate_command(commands: Commands) -> None:
    evaluate = add_command(
        commands, "evaluate", evaluate_scenario, "decide one scenario (docs/return-policies.md) and print JSON"
    )
    evaluate.add_argument("file", metavar="FILE|-", help="scenario JSON file, or - for standard input")


def evaluate_scenario(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import load_shipped_policies
    from receiving_app.domain.decision import decision_as_json
    from receiving_app.domain.engine import decide
    from receiving_app.domain.scenario import ScenarioError, read_scenario

    scenario = read_scenario(_read_json_input(args.file))
    policies = load_shipped_policies()
    policy = policies.get(scenario.policy_id)
    if policy is None:
        raise ScenarioError("policy", f"unknown policy {scenario.policy_id!r} (known: {', '.join(sorted(policies))})")
    print_json(decision_as_json(decide(policy, scenario.facts)))
    return EXIT_OK


def _read_json_input(name: str) -> object:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text") from None
    from decimal import Decimal  # the station window's start does not need it

    try:
        # Decimal for every JSON number, so no float ever reaches money or weight.
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise InputError(f"{name} is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
