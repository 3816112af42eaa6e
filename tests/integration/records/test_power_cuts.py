"""A station killed at any moment (SIGKILL, as a power cut) loses nothing it reported and leaves
nothing half-written; receiving the interrupted lines again completes them."""

from __future__ import annotations

import pytest

from tests.support.power_cuts import CAN_CUT_POWER, kill_repeatedly

pytestmark = pytest.mark.skipif(not CAN_CUT_POWER, reason="needs fork and SIGKILL")


def test_two_hundred_power_cuts_lose_nothing(tmp_path) -> None:
    kill_repeatedly(tmp_path, 200)
