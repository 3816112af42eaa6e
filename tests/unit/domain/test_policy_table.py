"""Every cell of the policy table in docs/return-policies.md, each boundary from both sides.

Each row is a return as the bench would see it and what the customer must be told. The base return
(tests/support/scenarios.py) is a $54.99 toner cartridge bought 2026-03-02 by card, shipped 03-03,
delivered 03-06, reported 03-09, with $7.95 shipping paid and a $6.50 return label, nearly full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from receiving_app.domain.decision import decision_as_json
from tests.support.scenarios import decide_scenario, scenario

OPENED = {"condition": {"unopened": False, "sealed": False}}
DAMAGED_BOX = {"condition": {"box_damage": True}}
DRUM = {"item": {"category": "drum", "sku": "DR-630"}, "weight": None}
PART = {"item": {"category": "replacement_part", "sku": "FUSER-110"}, "weight": None}
INK = {
    "item": {"category": "ink", "sku": "HP-952XL"},
    "weight": {"measured_g": "60.0", "full_g": "61.0", "empty_g": "30.0"},
}


def reported(day: str, **dates: str) -> dict[str, Any]:
    return {"dates": {"reported": day, "received": None, **dates}}


@dataclass(frozen=True)
class Case:
    id: str
    policy: str
    changes: dict[str, Any]
    outcome: str
    codes: tuple[str, ...] = ()  # every denial code, in order, for a denial
    money: dict[str, Any] = field(default_factory=dict)  # decision keys that must match exactly


def refund(
    total: str,
    fee: str = "0.00",
    deduction: str = "0.00",
    shipping: str = "0.00",
    method: str | None = "original_payment",
) -> dict[str, Any]:
    return {
        "refund_total": total,
        "restocking_fee": fee,
        "return_shipping_deduction": deduction,
        "shipping_refund": shipping,
        "refund_method": method,
    }


NOTHING_MOVES = {
    "refund_total": "0.00",
    "restocking_fee": "0.00",
    "return_shipping_deduction": "0.00",
    "shipping_refund": "0.00",
    "refund_method": None,
}

TRUE_IMAGE = [
    Case("covers toner", "true-image", {}, "refund", money=refund("54.99")),
    Case("covers ink", "true-image", INK, "refund", money=refund("54.99")),
    Case("covers drums", "true-image", DRUM, "refund", money=refund("54.99")),
    Case("replacement parts not covered", "true-image", PART, "denied", ("product_not_covered",), NOTHING_MOVES),
    Case("not sold by seller", "true-image", {"flags": {"sold_by_seller": False}}, "denied", ("not_sold_by_seller",)),
    Case(
        "HP+ rejected, defective", "true-image", {"flags": {"hp_plus_rejected": True}}, "denied", ("hp_plus_rejected",)
    ),
    Case(
        "HP+ rejected, not needed",
        "true-image",
        {"reason": "not_needed", "flags": {"hp_plus_rejected": True}},
        "denied",
        ("hp_plus_rejected",),
    ),
    Case("defective: last day of 2 years", "true-image", reported("2028-03-02"), "refund", money=refund("54.99")),
    Case("defective: day after 2 years", "true-image", reported("2028-03-03"), "denied", ("outside_window",)),
    Case(
        "defective: leap day + 2 years is 28 Feb",
        "true-image",
        reported("2026-02-28", purchased="2024-02-29", shipped="2024-03-01", delivered="2024-03-04"),
        "refund",
    ),
    Case(
        "defective: leap day + 2 years, 1 March is late",
        "true-image",
        reported("2026-03-01", purchased="2024-02-29", shipped="2024-03-01", delivered="2024-03-04"),
        "denied",
        ("outside_window",),
    ),
    Case(
        "defective: firmware blocked",
        "true-image",
        {"flags": {"firmware_blocked": True}},
        "denied",
        ("firmware_blocked",),
    ),
    Case("defective: no condition required", "true-image", {**OPENED, **DAMAGED_BOX}, "refund", money=refund("54.99")),
    Case("defective: no fill rule", "true-image", {"weight": {"measured_g": "590.0"}}, "refund", money=refund("54.99")),
    Case(
        "not needed: 15% fee and label deducted",
        "true-image",
        {"reason": "not_needed"},
        "refund",
        money=refund("40.24", fee="8.25", deduction="6.50"),
    ),
    Case(
        "ordered wrong: 15% fee and label deducted",
        "true-image",
        {"reason": "ordered_wrong"},
        "refund",
        money=refund("40.24", fee="8.25", deduction="6.50"),
    ),
    Case("not needed: day 30", "true-image", {"reason": "not_needed", **reported("2026-04-01")}, "refund"),
    Case(
        "not needed: day 31",
        "true-image",
        {"reason": "not_needed", **reported("2026-04-02")},
        "denied",
        ("outside_window",),
    ),
    Case("not needed: opened", "true-image", {"reason": "not_needed", **OPENED}, "denied", ("not_saleable",)),
    Case("not needed: box damaged", "true-image", {"reason": "not_needed", **DAMAGED_BOX}, "denied", ("not_saleable",)),
    Case(
        "not needed: labels not intact",
        "true-image",
        {"reason": "not_needed", "condition": {"labels_intact": False}},
        "denied",
        ("not_saleable",),
    ),
    Case(
        "not needed: no original packaging",
        "true-image",
        {"reason": "not_needed", "condition": {"original_packaging": False}},
        "denied",
        ("not_saleable",),
    ),
    Case(
        "not needed: late and opened lists both",
        "true-image",
        {"reason": "not_needed", **reported("2026-05-02"), **OPENED},
        "denied",
        ("outside_window", "not_saleable"),
    ),
    Case(
        "fee rounds half-up: 15% of 10.30 is 1.55",
        "true-image",
        {"reason": "not_needed", "item": {"unit_price": "10.30"}, "return_label_cost": "0.00"},
        "refund",
        money=refund("8.75", fee="1.55"),
    ),
    Case(
        "refund floored at zero",
        "true-image",
        {"reason": "not_needed", "item": {"unit_price": "5.00"}, "return_label_cost": "9.00"},
        "refund",
        money=refund("0.00", fee="0.75", deduction="9.00", method=None),
    ),
    Case(
        "damaged in transit as defective",
        "true-image",
        {"reason": "damaged_in_transit", **OPENED},
        "refund",
        money=refund("54.99"),
    ),
    Case(
        "damaged in transit: day after 2 years",
        "true-image",
        {"reason": "damaged_in_transit", **reported("2028-03-03")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "damaged in transit: firmware blocked",
        "true-image",
        {"reason": "damaged_in_transit", "flags": {"firmware_blocked": True}},
        "denied",
        ("firmware_blocked",),
    ),
    Case(
        "wrong item: shipping refunded, no fee",
        "true-image",
        {"reason": "wrong_item_shipped", **OPENED},
        "refund",
        money=refund("62.94", shipping="7.95"),
    ),
    Case(
        "wrong item: last day of 2 years",
        "true-image",
        {"reason": "wrong_item_shipped", **reported("2028-03-02")},
        "refund",
    ),
    Case(
        "wrong item: day after 2 years",
        "true-image",
        {"reason": "wrong_item_shipped", **reported("2028-03-03")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "open account still refunds the original payment",
        "true-image",
        {"payment_method": "open_account"},
        "refund",
        money=refund("54.99"),
    ),
    Case(
        "replacement moves no money",
        "true-image",
        {"reason": "not_needed", "customer_choice": "replacement"},
        "replacement",
        money=NOTHING_MOVES,
    ),
    Case(
        "denial beats replacement",
        "true-image",
        {"reason": "not_needed", "customer_choice": "replacement", **OPENED},
        "denied",
        ("not_saleable",),
    ),
    Case(
        "several denials all listed",
        "true-image",
        {
            **PART,
            "flags": {"sold_by_seller": False, "hp_plus_rejected": True, "firmware_blocked": True},
            **reported("2029-01-01"),
        },
        "denied",
        ("product_not_covered", "not_sold_by_seller", "hp_plus_rejected", "firmware_blocked", "outside_window"),
    ),
]

IMAGE_PRO_SERVICES = [
    Case("covers replacement parts without weighing", "image-pro-services", PART, "refund", money=refund("54.99")),
    Case("no HP+ rule", "image-pro-services", {"flags": {"hp_plus_rejected": True}}, "refund"),
    Case(
        "not sold by seller",
        "image-pro-services",
        {"flags": {"sold_by_seller": False}},
        "denied",
        ("not_sold_by_seller",),
    ),
    Case(
        "defective: last day of 1 year", "image-pro-services", reported("2027-03-02"), "refund", money=refund("54.99")
    ),
    Case("defective: day after 1 year", "image-pro-services", reported("2027-03-03"), "denied", ("outside_window",)),
    Case(
        "defective: leap day + 1 year is 28 Feb",
        "image-pro-services",
        reported("2025-02-28", purchased="2024-02-29", shipped="2024-03-01", delivered="2024-03-04"),
        "refund",
    ),
    Case(
        "defective: leap day + 1 year, 1 March is late",
        "image-pro-services",
        reported("2025-03-01", purchased="2024-02-29", shipped="2024-03-01", delivered="2024-03-04"),
        "denied",
        ("outside_window",),
    ),
    Case(
        "defective: labels removed",
        "image-pro-services",
        {"condition": {"labels_intact": False}},
        "denied",
        ("labels_removed",),
    ),
    Case(
        "defective: improper use",
        "image-pro-services",
        {"flags": {"improper_use": True}},
        "denied",
        ("warranty_exclusion",),
    ),
    Case(
        "defective: both exclusions",
        "image-pro-services",
        {"condition": {"labels_intact": False}, "flags": {"improper_use": True}},
        "denied",
        ("labels_removed", "warranty_exclusion"),
    ),
    Case("defective: opened is fine", "image-pro-services", OPENED, "refund", money=refund("54.99")),
    Case(
        "defective: firmware is no exclusion here",
        "image-pro-services",
        {"flags": {"firmware_blocked": True}},
        "refund",
    ),
    Case(
        "not needed: 15% fee, no label deduction",
        "image-pro-services",
        {"reason": "not_needed"},
        "refund",
        money=refund("46.74", fee="8.25"),
    ),
    Case(
        "ordered wrong: 15% fee",
        "image-pro-services",
        {"reason": "ordered_wrong"},
        "refund",
        money=refund("46.74", fee="8.25"),
    ),
    Case(
        "not needed: day 60 from purchase and day 25 from shipment",
        "image-pro-services",
        {"reason": "not_needed", **reported("2026-05-01", shipped="2026-04-06", delivered="2026-04-08")},
        "refund",
    ),
    Case(
        "not needed: day 61 from purchase",
        "image-pro-services",
        {"reason": "not_needed", **reported("2026-05-02", shipped="2026-04-06", delivered="2026-04-08")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "not needed: day 30 from shipment",
        "image-pro-services",
        {"reason": "not_needed", **reported("2026-04-02")},
        "refund",
    ),
    Case(
        "not needed: day 31 from shipment",
        "image-pro-services",
        {"reason": "not_needed", **reported("2026-04-03")},
        "denied",
        ("outside_window",),
    ),
    Case("not needed: opened", "image-pro-services", {"reason": "not_needed", **OPENED}, "denied", ("not_saleable",)),
    Case(
        "damaged in transit: freight excluded",
        "image-pro-services",
        {"reason": "damaged_in_transit"},
        "denied",
        ("freight_damage_excluded",),
    ),
    Case(
        "wrong item: shipping refunded",
        "image-pro-services",
        {"reason": "wrong_item_shipped"},
        "refund",
        money=refund("62.94", shipping="7.95"),
    ),
    Case(
        "wrong item: day 30 from shipment",
        "image-pro-services",
        {"reason": "wrong_item_shipped", **reported("2026-04-02")},
        "refund",
    ),
    Case(
        "wrong item: day 31 from shipment",
        "image-pro-services",
        {"reason": "wrong_item_shipped", **reported("2026-04-03")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "fill exactly 10% passes",
        "image-pro-services",
        {"weight": {"measured_g": "612.5"}},
        "refund",
        money={"fill_fraction": 0.1},
    ),
    Case(
        "fill just under 10% denied",
        "image-pro-services",
        {"weight": {"measured_g": "612.4"}},
        "denied",
        ("below_fill_threshold",),
        {"fill_fraction": 0.0996},
    ),
    Case(
        "fill rule for ink",
        "image-pro-services",
        {**INK, "weight": {"measured_g": "33.0"}},
        "denied",
        ("below_fill_threshold",),
    ),
    Case(
        "fill rule on a seller error too",
        "image-pro-services",
        {"reason": "wrong_item_shipped", "weight": {"measured_g": "600"}},
        "denied",
        ("below_fill_threshold",),
    ),
    Case(
        "fill below empty is reported as 0",
        "image-pro-services",
        {"weight": {"measured_g": "500"}},
        "denied",
        ("below_fill_threshold",),
        {"fill_fraction": 0.0},
    ),
    Case(
        "fill above full is reported as 1",
        "image-pro-services",
        {"weight": {"measured_g": "900"}},
        "refund",
        money={"fill_fraction": 1.0},
    ),
    Case(
        "drum is not weighed",
        "image-pro-services",
        {**DRUM, "weight": {"measured_g": "1", "full_g": "900", "empty_g": "800"}},
        "refund",
    ),
    Case(
        "open account gets account credit",
        "image-pro-services",
        {"payment_method": "open_account"},
        "refund",
        money=refund("54.99", method="account_credit"),
    ),
    Case(
        "paypal gets original payment",
        "image-pro-services",
        {"payment_method": "paypal"},
        "refund",
        money=refund("54.99"),
    ),
    Case(
        "replacement moves no money",
        "image-pro-services",
        {"customer_choice": "replacement", "payment_method": "open_account"},
        "replacement",
        money=NOTHING_MOVES,
    ),
]

FOUR_INKJETS = [
    Case(
        "not needed: opened, no fee, no condition",
        "4inkjets",
        {"reason": "not_needed", **OPENED},
        "refund",
        money=refund("54.99"),
    ),
    Case(
        "ordered wrong: no fee", "4inkjets", {"reason": "ordered_wrong", **DAMAGED_BOX}, "refund", money=refund("54.99")
    ),
    Case("not needed: last day of 2 years", "4inkjets", {"reason": "not_needed", **reported("2028-03-02")}, "refund"),
    Case(
        "not needed: day after 2 years",
        "4inkjets",
        {"reason": "not_needed", **reported("2028-03-03")},
        "denied",
        ("outside_window",),
    ),
    Case("defective: last day of 2 years", "4inkjets", reported("2028-03-02"), "refund"),
    Case("defective: day after 2 years", "4inkjets", reported("2028-03-03"), "denied", ("outside_window",)),
    Case(
        "damaged in transit as defective",
        "4inkjets",
        {"reason": "damaged_in_transit", **reported("2028-03-03")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "wrong item: packing error refunds shipping",
        "4inkjets",
        {"reason": "wrong_item_shipped"},
        "refund",
        money=refund("62.94", shipping="7.95"),
    ),
    Case(
        "wrong item: day after 2 years",
        "4inkjets",
        {"reason": "wrong_item_shipped", **reported("2028-03-03")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "no store credit for open accounts",
        "4inkjets",
        {"payment_method": "open_account"},
        "refund",
        money=refund("54.99"),
    ),
    Case("covers parts", "4inkjets", PART, "refund"),
    Case(
        "no HP+ or firmware rule",
        "4inkjets",
        {"flags": {"hp_plus_rejected": True, "firmware_blocked": True, "improper_use": True}},
        "refund",
    ),
    Case("not sold by seller", "4inkjets", {"flags": {"sold_by_seller": False}}, "denied", ("not_sold_by_seller",)),
    Case("replacement", "4inkjets", {"customer_choice": "replacement"}, "replacement", money=NOTHING_MOVES),
]

IMAGE_PRO_INTERNATIONAL = [
    Case("defective: 20% fee", "image-pro-international", {}, "refund", money=refund("43.99", fee="11.00")),
    Case("defective: parts carry 30%", "image-pro-international", PART, "refund", money=refund("38.49", fee="16.50")),
    Case(
        "30% rounds half-up: 16.55 gives 4.97",
        "image-pro-international",
        {**PART, "item": {**PART["item"], "unit_price": "16.55"}},
        "refund",
        money=refund("11.58", fee="4.97"),
    ),
    Case("defective: day 7 after delivery", "image-pro-international", reported("2026-03-13"), "refund"),
    Case(
        "defective: day 8 after delivery",
        "image-pro-international",
        reported("2026-03-14"),
        "denied",
        ("outside_window",),
    ),
    Case("defective: no condition", "image-pro-international", OPENED, "refund"),
    Case(
        "not needed: 20% fee, saleable",
        "image-pro-international",
        {"reason": "not_needed"},
        "refund",
        money=refund("43.99", fee="11.00"),
    ),
    Case(
        "not needed: opened", "image-pro-international", {"reason": "not_needed", **OPENED}, "denied", ("not_saleable",)
    ),
    Case(
        "ordered wrong: day 8",
        "image-pro-international",
        {"reason": "ordered_wrong", **reported("2026-03-14")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "damaged in transit: no condition, 20% fee",
        "image-pro-international",
        {"reason": "damaged_in_transit", **OPENED, **DAMAGED_BOX},
        "refund",
        money=refund("43.99", fee="11.00"),
    ),
    Case(
        "damaged in transit: day 8",
        "image-pro-international",
        {"reason": "damaged_in_transit", **reported("2026-03-14")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "wrong item: no fee, shipping refunded",
        "image-pro-international",
        {"reason": "wrong_item_shipped", **PART},
        "refund",
        money=refund("62.94", shipping="7.95"),
    ),
    Case(
        "wrong item: day 8",
        "image-pro-international",
        {"reason": "wrong_item_shipped", **reported("2026-03-14")},
        "denied",
        ("outside_window",),
    ),
    Case(
        "open account gets account credit",
        "image-pro-international",
        {"payment_method": "open_account"},
        "refund",
        money=refund("43.99", fee="11.00", method="account_credit"),
    ),
    Case(
        "replacement moves no money",
        "image-pro-international",
        {"customer_choice": "replacement"},
        "replacement",
        money=NOTHING_MOVES,
    ),
    Case("no HP+ rule", "image-pro-international", {"flags": {"hp_plus_rejected": True}}, "refund"),
]

CASES = TRUE_IMAGE + IMAGE_PRO_SERVICES + FOUR_INKJETS + IMAGE_PRO_INTERNATIONAL


@pytest.mark.parametrize("case", CASES, ids=[f"{case.policy}: {case.id}" for case in CASES])
def test_policy_decides_as_the_table_says(case: Case) -> None:
    decision = decision_as_json(decide_scenario(scenario(case.policy, **case.changes)))

    assert decision["outcome"] == case.outcome
    denial_codes = tuple(reason["code"] for reason in decision["reasons"] if case.outcome == "denied")
    assert denial_codes == case.codes
    for key, value in case.money.items():
        assert decision[key] == value, key
    expected_documents = {
        "denied": ["denial_notice"],
        "replacement": ["replacement_slip"],
        "refund": ["credit_memo"] + (["restocking_fee_receipt"] if decision["restocking_fee"] != "0.00" else []),
    }[case.outcome]
    assert decision["documents"] == expected_documents
    assert all(reason["text"].strip().endswith(".") for reason in decision["reasons"])
