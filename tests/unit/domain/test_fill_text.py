"""One rounding rule for a fill level, wherever it is shown: one decimal place, half-up, "%" straight
after the number. The screens and papers that show a fill say it through ``fill_text`` (checked here
over the source); tests/gui/test_words_that_fit.py renders them and compares what they show."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from receiving_app.domain.engine import decide
from receiving_app.domain.facts import Category, Item, PaymentMethod, ReturnDates, ReturnFacts, ReturnReason
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.money import Money
from receiving_app.domain.weight import FillMeasurement
from tests.support.scenarios import shipped_policies

PACKAGE = Path(__file__).resolve().parents[3] / "receiving_app"

SHOWS_A_FILL = (
    "domain/engine.py",  # the reason a policy gives for a cartridge below its minimum
    "gui/decision_panel.py",
    "gui/weight_panel.py",
    "gui/pages/rma_detail.py",
    "services/report_tables.py",  # the daily report's paper and CSV, and the Reports page
    "documents/sections.py",  # the inspection on the credit memo and the denial notice
)

# A fraction turned into a percentage by hand, or Qt's own percent text ("%p%").
PERCENT_BY_HAND = re.compile(r"(?:fill\w*|fraction)\)?\s*\*\s*100|%p%")
NOT_A_FILL_SHOWN = {
    # A policy's minimum is the seller's number, written as the seller wrote it ("10%").
    "domain/policy.py": "minimum_fraction * 100",
    "gui/pages/policies.py": "minimum_fraction * 100",
    # The gauge's bar is drawn in whole percents; its words come from fill_text.
    "gui/weight_panel.py": "(fraction * 100).to_integral_value()",
}


@pytest.mark.parametrize(
    ("fraction", "shown"),
    [
        ("0.0388", "3.9%"),
        ("0.0400", "4.0%"),
        ("0.0395", "4.0%"),  # half-up, not to even
        ("0.0385", "3.9%"),
        ("0.0384", "3.8%"),
        ("0.9884", "98.8%"),
        ("1.0000", "100.0%"),
        ("0", "0.0%"),
    ],
)
def test_a_fill_is_one_decimal_rounded_half_up_with_the_sign_after_it(fraction: str, shown: str) -> None:
    assert fill_text(Decimal(fraction)) == shown


def test_the_policys_reason_for_a_nearly_empty_cartridge_says_its_fill_the_same_way() -> None:
    fill = FillMeasurement(Decimal("598.73"), Decimal("815.0"), Decimal("590.0"))
    facts = ReturnFacts(
        reason=ReturnReason.NOT_NEEDED,
        item=Item("TN-660", Category.TONER, Money.of("54.99"), 1),
        dates=ReturnDates(date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 3), date(2026, 3, 6), date(2026, 3, 16)),
        payment_method=PaymentMethod.CARD,
        fill=fill,
    )

    decision = decide(shipped_policies()["image-pro-services"], facts)

    assert decision.fill_fraction == Decimal("0.0388")
    below = next(reason.text for reason in decision.reasons if reason.code == "below_fill_threshold")
    assert "598.73 g, 3.9% of its toner left." in below


def test_every_module_that_shows_a_fill_writes_it_with_fill_text() -> None:
    for module in SHOWS_A_FILL:
        source = (PACKAGE / module).read_text(encoding="utf-8")
        assert "import fill_text" in source and "fill_text(" in source, f"{module} shows a fill without fill_text"


def test_no_module_turns_a_fill_into_a_percentage_by_hand() -> None:
    by_hand = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module == "domain/fill_text.py" or module.startswith("gui/forms/"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PERCENT_BY_HAND.search(line) and NOT_A_FILL_SHOWN.get(module, "\0") not in line:
                by_hand.append(f"{module}:{number}: {line.strip()}")
    assert by_hand == [], "write a fill with domain.fill_text.fill_text"
