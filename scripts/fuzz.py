"""Fuzz the station's parsers of outside input for as long as asked, with the generators the tests use.

    python scripts/fuzz.py --inputs 1000000 [--parser NAME ...] [--seed S]

Each parser (evaluate's scenario JSON, the catalog and RMA import files, scans, typed weights and every
scale protocol's frames) gets that many seeded mutations of valid inputs; every one must be taken within
the bounds or refused as bad input. Prints inputs, uncaught and rate per parser, with the first uncaught
inputs, and exits 1 if any input escaped. The same seed gives the same inputs; the tests use 2026.
"""

from __future__ import annotations

import argparse
import decimal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.input_fuzzing import PARSERS, fuzz  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs per parser (default 10000)")
    parser.add_argument("--parser", action="append", choices=sorted(PARSERS), help="only this parser (repeatable)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    # As under the tests: a float mixed into Decimal arithmetic is an error wherever it happens.
    decimal.getcontext().traps[decimal.FloatOperation] = True
    escaped = 0
    for name in args.parser or list(PARSERS):
        run = fuzz(PARSERS[name], args.inputs, args.seed)
        escaped += run.uncaught
        rate = run.inputs / run.seconds if run.seconds else 0.0
        print(f"{name}: {run.inputs} inputs, {run.uncaught} uncaught ({run.seconds:.1f} s, {rate:,.0f}/s)", flush=True)
        for example in run.examples:
            print(f"  {example}", flush=True)
    return 1 if escaped else 0


if __name__ == "__main__":
    sys.exit(main())
