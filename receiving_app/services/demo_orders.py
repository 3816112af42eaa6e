"""The demo's orders that nothing has been returned from yet: what the RMA desk authorizes returns on.

Each seller gets a few: most bought within every window, one bought long enough ago that its returns
fall outside the seller's windows, so that the desk's refusal (and a supervisor's authorization over
it) can be tried on the demo too. They are drawn from a generator of their own, so adding them leaves
every other demo row as it was.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

ColumnValues = dict[str, Any]
ORDERS_PER_SELLER = 3
LONG_AGO_DAYS = 900  # past every seller's longest window (two years from purchase)


def orders_not_returned(
    seed: int,
    *,
    first_order_id: int,
    first_line_id: int,
    seller_ids: Sequence[str],
    customers: Sequence[ColumnValues],
    catalog: Sequence[ColumnValues],
    today: date,
    shipping_prices: Sequence[Any],
) -> tuple[list[ColumnValues], list[ColumnValues]]:
    """Orders (numbered on from the RMAs' orders) and their lines; the last of each seller's is old."""
    rng = random.Random(f"orders not returned {seed}")
    orders: list[ColumnValues] = []
    lines: list[ColumnValues] = []
    order_id, line_id = first_order_id, first_line_id
    for seller in seller_ids:
        for index in range(ORDERS_PER_SELLER):
            customer = customers[rng.randrange(len(customers))]
            age = LONG_AGO_DAYS if index == ORDERS_PER_SELLER - 1 else rng.randint(3, 12)
            purchased = today - timedelta(days=age)
            shipped = purchased + timedelta(days=1)
            orders.append(
                {
                    "id": order_id,
                    "number": f"SO-{order_id:07d}",
                    "seller_id": seller,
                    "customer_id": customer["id"],
                    "purchased_on": purchased,
                    "shipped_on": shipped,
                    "delivered_on": shipped + timedelta(days=2),
                    "shipping_paid": rng.choice(list(shipping_prices)),
                    "payment_method": customer["payment_method"],
                }
            )
            for line_no, item in enumerate(rng.sample(list(catalog), rng.randint(1, 3)), start=1):
                lines.append(
                    {
                        "id": line_id,
                        "order_id": order_id,
                        "line_no": line_no,
                        "sku": item["sku"],
                        "quantity": rng.choice((1, 1, 2)),
                        "unit_price": item["list_price"],
                    }
                )
                line_id += 1
            order_id += 1
    return orders, lines
