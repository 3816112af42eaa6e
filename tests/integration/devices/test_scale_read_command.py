"""`receiving-app scale read` gets one stable weight from each serial protocol through a real pty."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.support.cli import run_cli
from tests.support.pty_devices import silent
from tests.support.simulated_scales import CASES, IDS, Case


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_scale_read_prints_the_stable_weight_in_exact_grams(case: Case) -> None:
    device = case.scale()
    try:
        options = [argument for key, value in case.options.items() for argument in ("--option", f"{key}={value}")]
        run = run_cli(
            "scale", "read", "--port", device.path, "--protocol", case.protocol, "--timeout", "5", *options, "--json"
        )
    finally:
        device.close()

    assert run.code == 0, run.stderr
    reading = run.json()
    assert Decimal(reading["grams"]) == case.grams
    assert (reading["stable"], reading["unit"]) == (True, case.unit)
    assert reading["raw"]


def test_a_silent_scale_is_one_clear_line_and_exit_2() -> None:
    device = silent()
    try:
        run = run_cli("scale", "read", "--port", device.path, "--protocol", "mt-sics", "--timeout", "1")
    finally:
        device.close()
    assert run.code == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "not responding" in run.stderr
    assert "Traceback" not in run.stderr


def test_devices_list_names_what_it_found_or_why_not() -> None:
    run = run_cli("devices", "list", "--json")
    assert run.code == 0, run.stderr
    found = run.json()
    assert set(found) == {"devices", "notes"}
    assert all(set(device) >= {"kind", "port", "description"} for device in found["devices"])
