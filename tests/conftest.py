"""Suite-wide guards: no float may ever reach a Decimal, and Qt runs without a screen."""

from __future__ import annotations

import decimal
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def trap_float_operations():
    """Mixing floats into Decimal arithmetic raises during every test, wherever it happens."""
    context = decimal.getcontext()
    previous = context.traps[decimal.FloatOperation]
    context.traps[decimal.FloatOperation] = True
    yield
    context.traps[decimal.FloatOperation] = previous
