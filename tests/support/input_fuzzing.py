"""Every parser of outside input, fed seeded mutations: each input must be taken, within the bounds, or refused
with the project's InputError (for `evaluate`: exit 0, 2 or 3 and one line on standard error, never 1).

The tests run ten thousand inputs per parser; scripts/fuzz.py runs the same generators for as many as asked.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
import unicodedata
from collections.abc import Callable, Mapping
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from receiving_app.cli import run_under_the_contract
from receiving_app.cli.evaluate_command import evaluate_scenario
from receiving_app.domain.errors import InputError
from receiving_app.domain.limits import MAX_AMOUNT, MAX_FREE_TEXT, MAX_GRAMS, MAX_LINE_NUMBER, MAX_QUANTITY
from receiving_app.domain.money import Money
from receiving_app.domain.scan import ScanError, parse_scan
from receiving_app.domain.weight import Weight, WeightError
from receiving_app.services.import_files import parse_rows
from receiving_app.services.import_rows import (
    ALL_CATALOG_COLUMNS,
    RMA_COLUMNS,
    TEXT_WIDTHS,
    catalog_item,
    checked,
    rma_line,
)
from tests.support.frame_fuzzing import PROTOCOLS
from tests.support.input_mutations import (
    mutated_catalog_file,
    mutated_rma_file,
    mutated_scan,
    mutated_scenario,
    mutated_weight,
)

NORMAL_INPUTS = 10_000  # per parser, in the normal run
SCAN_DAY = date(2026, 3, 16)
_STORED_DECIMAL_TEXT = 48  # ExactDecimal keeps a weight's text in a column this wide
_EXAMPLES_KEPT = 5
_INPUT_SHOWN = 300


@dataclass(frozen=True)
class FuzzedParser:
    name: str
    make: Callable[[random.Random], Any] = field(repr=False)
    check: Callable[[Any], None] = field(repr=False)  # raises when the outcome breaks the contract


@dataclass
class FuzzRun:
    parser: str
    inputs: int = 0
    uncaught: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)  # the first failures, each with its input cut short


def fuzz(parser: FuzzedParser, count: int, seed: int = 2026) -> FuzzRun:
    """``count`` inputs from ``parser``'s generator (the same ones for the same seed), each checked."""
    rng = random.Random(f"{parser.name}:{seed}")
    run = FuzzRun(parser.name)
    started = time.perf_counter()
    for _ in range(count):
        fuzzed = parser.make(rng)
        run.inputs += 1
        try:
            parser.check(fuzzed)
        except Exception as failure:
            run.uncaught += 1
            if len(run.examples) < _EXAMPLES_KEPT:
                run.examples.append(f"{failure!r} for {fuzzed!r:.{_INPUT_SHOWN}}")
    run.seconds = time.perf_counter() - started
    return run


def _one_line(message: str) -> None:
    assert message and len(message.splitlines()) == 1, f"not one line: {message!r:.{_INPUT_SHOWN}}"


# --- evaluate --------------------------------------------------------------------------------


def check_evaluate(text: str) -> None:
    """Through the command's own handler and exit-code contract, reading the scenario from standard input."""
    stdout, stderr = io.StringIO(), io.StringIO()
    stdin, sys.stdin = sys.stdin, io.StringIO(text)
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            code = run_under_the_contract(lambda: evaluate_scenario(argparse.Namespace(file="-")))
    finally:
        sys.stdin = stdin
    said = stderr.getvalue()
    assert code in (0, 2, 3), f"exit {code}: {said[:_INPUT_SHOWN]}"
    if code == 0:
        assert said == "" and isinstance(json.loads(stdout.getvalue()), dict)
        return
    assert stdout.getvalue() == "" and "Traceback" not in said
    _one_line(said.removesuffix("\n"))


# --- import files ----------------------------------------------------------------------------


def _check_import(content: bytes, columns: tuple[str, ...], check_row: Callable[[dict[str, str]], Any]) -> None:
    try:
        rows = parse_rows(content, "fuzzed.csv", columns)
    except InputError as error:
        _one_line(str(error))
        return
    good, problems = checked(rows, check_row)
    for problem in problems:
        _one_line(problem)
        assert problem.startswith("row "), problem
    for _, fields in good:
        for key, value in fields.items():
            _assert_storable(key, value)


def _assert_storable(key: str, value: object) -> None:
    """A checked value fits the column it goes into, on PostgreSQL as on SQLite."""
    if isinstance(value, str):
        assert "\x00" not in value and len(value) <= TEXT_WIDTHS.get(key, MAX_FREE_TEXT), (key, value[:80])
        # An address keeps its line breaks; every other text is one line without control characters.
        allowed, refused = ("\t\n\r", {"Cc", "Cs"}) if key == "customer_address" else ("", {"Cc", "Cs", "Zl", "Zp"})
        assert value.isprintable() or not any(
            character not in allowed and unicodedata.category(character) in refused for character in value
        ), (key, value[:80])
    elif isinstance(value, Decimal):
        assert 0 <= value <= MAX_GRAMS and len(format(value, "f")) <= _STORED_DECIMAL_TEXT, (key, value)
    elif isinstance(value, Money):
        assert 0 <= value.amount <= MAX_AMOUNT, (key, value)
    elif isinstance(value, int):
        assert 1 <= value <= (MAX_QUANTITY if key == "quantity" else MAX_LINE_NUMBER), (key, value)


def check_catalog_file(content: bytes) -> None:
    _check_import(content, ALL_CATALOG_COLUMNS, catalog_item)


def check_rma_file(content: bytes) -> None:
    _check_import(content, RMA_COLUMNS, rma_line)


# --- scans and typed weights -----------------------------------------------------------------


def check_scan(raw: str) -> None:
    try:
        value = parse_scan(raw, today=SCAN_DAY)
    except ScanError as error:
        _one_line(str(error))
        return
    assert value.text and all(" " <= character <= "~" for character in value.text), value


def check_weight(text: str) -> None:
    try:
        weight = Weight.parse(text)
    except WeightError as error:
        _one_line(str(error))
        return
    assert 0 <= weight.in_grams <= MAX_GRAMS, weight


INPUT_PARSERS = [
    FuzzedParser("evaluate", mutated_scenario, check_evaluate),
    FuzzedParser("catalog-csv", mutated_catalog_file, check_catalog_file),
    FuzzedParser("rma-csv", mutated_rma_file, check_rma_file),
    FuzzedParser("scan", mutated_scan, check_scan),
    FuzzedParser("weight", mutated_weight, check_weight),
]
FRAME_PARSERS = [FuzzedParser(f"scale-{protocol.name}", protocol.frame, protocol.check) for protocol in PROTOCOLS]
PARSERS: Mapping[str, FuzzedParser] = {parser.name: parser for parser in (*INPUT_PARSERS, *FRAME_PARSERS)}
