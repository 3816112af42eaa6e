"""`receiving-app evaluate`: one scenario decided by the shipped policies, with no database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from receiving_app.cli.shared import EXIT_OK, Commands, add_command, open_station, print_json
from receiving_app.domain.errors import InputError

if TYPE_CHECKING:
    from decimal import Decimal

    from receiving_app.domain.policy import Policy

# Python will not make an int of more than 4,300 digits; no field takes more than eighteen.
_LONGEST_JSON_INT = 18


def add_evaluate_command(commands: Commands) -> None:
    evaluate = add_command(
        commands, "evaluate", evaluate_scenario, "decide one scenario (docs/return-policies.md) and print JSON"
    )
    evaluate.add_argument("file", metavar="FILE|-", help="scenario JSON file, or - for standard input")
    evaluate.add_argument(
        "--policy-version",
        metavar="V",
        help="decide under this version of the policy (a published one, read from the database)",
    )


def evaluate_scenario(args: argparse.Namespace) -> int:
    from receiving_app.domain.decision import decision_as_json
    from receiving_app.domain.engine import decide
    from receiving_app.domain.scenario import ScenarioError, read_scenario

    scenario = read_scenario(_read_json_input(args.file))
    policies = _shipped_policies()
    policy = policies.get(scenario.policy_id)
    if policy is None:
        raise ScenarioError("policy", f"unknown policy {scenario.policy_id!r} (known: {', '.join(sorted(policies))})")
    version = getattr(args, "policy_version", None)  # the input fuzzing hands the handler a file alone
    if version is not None and version != policy.version:
        policy = _recorded_version(args, scenario.policy_id, version)
    print_json(decision_as_json(decide(policy, scenario.facts)))
    return EXIT_OK


def _recorded_version(args: argparse.Namespace, policy_id: str, version: str) -> Policy:
    """Another version than the installed file's: published at the station, or decided under before."""
    with open_station(args) as station:
        return station.policy_publishing.recorded_version(policy_id, version)


@cache
def _shipped_policies() -> Mapping[str, Policy]:
    # The shipped files cannot change under a running process, and scripts/fuzz.py evaluates millions in one.
    from receiving_app.bootstrap import load_shipped_policies

    return load_shipped_policies()


def _read_json_input(name: str) -> object:
    # Imported here, as the command runs: the station window's start does not need it.
    from receiving_app.domain.limits import MAX_JSON_CHARACTERS, MAX_JSON_DEPTH

    # One character past the limit is enough to know the document is too long: never read a whole huge file.
    source = "standard input" if name == "-" else name
    try:
        if name == "-":
            text = sys.stdin.read(MAX_JSON_CHARACTERS + 1)
        else:
            with open(name, encoding="utf-8") as file:
                text = file.read(MAX_JSON_CHARACTERS + 1)
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{source} is not UTF-8 text") from None
    if len(text) > MAX_JSON_CHARACTERS:
        raise InputError(
            f"{source} is longer than {MAX_JSON_CHARACTERS} characters; a scenario is one small JSON object"
        )
    try:
        # A Decimal for every JSON number, so no float ever reaches money or weight.
        document = json.loads(text, parse_float=_json_decimal, parse_int=_json_int, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{source} is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:  # the parser's own stack gave out, hundreds of levels past the limit
        raise InputError(f"{source} nests objects and arrays deeper than {MAX_JSON_DEPTH} levels") from None
    if _depth_over_limit(document, MAX_JSON_DEPTH):
        raise InputError(f"{source} nests objects and arrays deeper than {MAX_JSON_DEPTH} levels")
    return document


def _json_decimal(text: str) -> Decimal:
    """A JSON number with a fraction or exponent, as an exact Decimal (never a float)."""
    from decimal import Decimal, InvalidOperation

    try:
        return Decimal(text)
    except InvalidOperation:  # an exponent of twenty digits or more: Decimal itself cannot hold it
        from receiving_app.domain.limits import shown

        raise InputError(f"the number {shown(text)} is too large to read") from None


def _json_int(text: str) -> int | Decimal:
    """A JSON whole number; one too long for any field stays a Decimal, which that field's check refuses by name."""
    from decimal import Decimal

    return int(text) if len(text) <= _LONGEST_JSON_INT else Decimal(text)


def _refuse_constant(name: str) -> object:
    raise InputError(f"{name} is not a number a scenario may hold (JSON has no NaN or Infinity)")


def _depth_over_limit(document: object, limit: int) -> bool:
    waiting: list[tuple[object, int]] = [(document, 1)]
    while waiting:
        value, depth = waiting.pop()
        if isinstance(value, (dict, list)):
            if depth > limit:
                return True
            children = value.values() if isinstance(value, dict) else value
            waiting.extend((child, depth + 1) for child in children)
    return False
