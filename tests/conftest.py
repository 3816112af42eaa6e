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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (and the installer build) start first: pytest-xdist hands out modules in
    collection order, and a thousand power cuts started last would leave one worker running alone
    at the end."""
    items.sort(key=lambda item: not any(item.get_closest_marker(name) for name in ("slow", "installer")))
