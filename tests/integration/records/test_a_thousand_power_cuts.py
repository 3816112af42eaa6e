"""A thousand power cuts in a row, in a module of its own: the longest test of the suite runs on one
worker while the other runs the rest (pytest-xdist distributes whole modules)."""

from __future__ import annotations

import pytest

from tests.support.power_cuts import CAN_CUT_POWER, kill_repeatedly

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not CAN_CUT_POWER, reason="needs fork and SIGKILL")]


def test_a_thousand_power_cuts_lose_nothing(tmp_path) -> None:
    kill_repeatedly(tmp_path, 1000)
