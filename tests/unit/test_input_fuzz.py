"""Ten thousand seeded mutations of valid input per parser of outside input (an `evaluate` scenario, the
catalog and RMA import files, a scan, a typed weight): each is taken within the bounds or refused as bad
input, and `evaluate` always ends with exit 0, 2 or 3 and one line on standard error, never exit 1.
The scale protocols' frames have their own run (tests/unit/devices/test_scale_protocol_fuzz.py)."""

from __future__ import annotations

import pytest

from tests.support.input_fuzzing import INPUT_PARSERS, NORMAL_INPUTS, FuzzedParser, fuzz


@pytest.mark.slow
@pytest.mark.parametrize("parser", INPUT_PARSERS, ids=lambda parser: parser.name)
def test_fuzzed_input_is_taken_within_bounds_or_refused_as_bad_input(parser: FuzzedParser) -> None:
    run = fuzz(parser, NORMAL_INPUTS)

    assert run.inputs == NORMAL_INPUTS
    assert run.uncaught == 0, "\n".join(run.examples)


def test_the_fuzzing_counts_what_escapes() -> None:
    def escapes(fuzzed: float) -> None:
        if fuzzed < 0.5:
            raise ValueError("escaped")

    run = fuzz(FuzzedParser("half escape", lambda rng: rng.random(), escapes), 1_000)

    assert 400 < run.uncaught < 600 and len(run.examples) == 5 and "escaped" in run.examples[0]
