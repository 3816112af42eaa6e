"""HID POS scale data reports (usage page 0x8D) as hidapi hands them over."""

from __future__ import annotations

GRAM, KILOGRAM, OUNCE, POUND = 2, 3, 11, 12  # the report's unit codes


def report(status: int, unit: int, exponent: int, weight: int) -> list[int]:
    """A Scale Data Report as hidapi returns it: a list of ints."""
    return [3, status, unit, exponent & 0xFF, weight & 0xFF, weight >> 8]
