"""Building evaluate scenarios for tests: a plausible base return, changed only where a test says."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from receiving_app.domain.decision import Decision
from receiving_app.domain.engine import decide
from receiving_app.domain.policy import Policy
from receiving_app.domain.scenario import read_scenario
from receiving_app.locations import policies_dir
from receiving_app.persistence.policy_files import load_policies

BASE_SCENARIO: dict[str, Any] = {
    "reason": "defective",
    "customer_choice": "refund",
    "item": {"sku": "TN-660", "category": "toner", "unit_price": "54.99", "quantity": 1},
    "dates": {
        "purchased": "2026-03-02",
        "shipped": "2026-03-03",
        "delivered": "2026-03-06",
        "reported": "2026-03-09",
        "received": "2026-03-16",
    },
    "payment_method": "card",
    "shipping_paid": "7.95",
    "return_label_cost": "6.50",
    "weight": {"measured_g": "812.4", "full_g": "815.0", "empty_g": "590.0"},
}


def merged(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` applied; nested objects merge key by key, None removes a key."""
    result = copy.deepcopy(dict(base))
    for key, value in changes.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def scenario(policy: str, **changes: Any) -> dict[str, Any]:
    return merged(BASE_SCENARIO, {"policy": policy, **changes})


@cache
def shipped_policies() -> Mapping[str, Policy]:
    return load_policies(policies_dir())


def decide_scenario(data: Mapping[str, Any]) -> Decision:
    # Round-trip through JSON text exactly as `evaluate` reads it, so numbers arrive as Decimal.
    parsed = json.loads(json.dumps(data), parse_float=Decimal)
    read = read_scenario(parsed)
    return decide(shipped_policies()[read.policy_id], read.facts)
