"""How a fill level is written for people: one rule, so that the decision panel, the weight gauge,
History, the reports, the printed papers and the reasons a policy gives all say the same number.

The rule: percent of a full cartridge to one decimal place, rounded half-up, with the sign straight
after it ("98.8%", "4.0%", "100.0%"). One decimal is what a scale can honestly tell about a
cartridge (a gram or two of toner), and always writing it keeps a column of fills aligned.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_ONE_DECIMAL = Decimal("0.1")


def fill_text(fraction: Decimal) -> str:
    """A fill level given as a fraction of a full cartridge (0 to 1): ``Decimal("0.0388")`` is "3.9%"."""
    return f"{(fraction * 100).quantize(_ONE_DECIMAL, rounding=ROUND_HALF_UP)}%"
