"""Seeded mutations of valid inputs (scenarios, import files, scans, typed weights) for fuzzing the parsers.

Each generator starts from a document the station accepts and changes it: a value swapped for a huge
number, a deep nesting, a long or NUL-laden or foreign text, or the text itself with characters flipped,
inserted, deleted, repeated or cut off. Starting from valid documents gets past the syntax checks to the
field checks behind them; random.Random(seed) makes the same inputs on every run, a hundred times faster
than hypothesis draws them.
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable, Sequence
from typing import Any

from receiving_app.domain.facts import Category, CustomerChoice, PaymentMethod, ReturnReason
from receiving_app.domain.scan import GROUP_SEPARATOR
from receiving_app.services.import_rows import CATALOG_COLUMNS, RMA_COLUMNS
from tests.support.scenarios import BASE_SCENARIO, merged

HUGE_NUMBERS = [
    "1e999999999",
    "-1e999999999",
    "1e-999999999",
    "1E+9999",
    "9" * 5000,
    str(2**63),
    str(-(2**63)),
    str(2**64),
    "1000000.01",
    "100000.000000001",
    "0.0000000001",
    "-0",
    "-0.01",
    "10001",
]
ODD_TEXTS = [
    "",
    " ",
    "\x00",
    "TN-\x00660",
    "\n",
    "\r\n",
    "\t",
    '"',
    ",",
    "|",
    "\\",
    "é",
    "\U0001f600",
    "\u202e",
    "\u2028",
    "\x85",
    "\ufeff",
    "\ud800",
    "１２３４",
    "٥٤.٩٩",
    "NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "0x1A",
    "1_000",
    "54,99",
    " 54.99 ",
    "2026-02-30",
    "2026-W10-1",
    "20260302",
    "+",
    ".",
]
PLAUSIBLE = [
    *(member.value for enum in (ReturnReason, CustomerChoice, Category, PaymentMethod) for member in enum),
    "2026-03-02",
    "2026-03-20",
    "12.50",
    "0.00",
    "812.4",
    "590",
    "3",
    "1",
    "TN-660",
    "image-pro-services",
    "4inkjets",
    "true-image",
]
# Past a column's width, a cell, a row, and (rarely, as they cost the most to make) a whole scenario.
LONG_LENGTHS = (65, 201, 1_000, 5_000, 70_000)
LONG_WEIGHTS = (30, 30, 20, 15, 5)
# Just within and past the nesting limit, past the JSON parser's own stack, and the 100,000 of the brief.
NEST_DEPTHS = (31, 33, 500, 5_000, 100_000)
NEST_WEIGHTS = (30, 30, 20, 15, 5)
HUGE_CELL = "__huge_cell__"  # replaced by 200,000 characters once the file is written


def long_text(rng: random.Random) -> str:
    length = rng.choices(LONG_LENGTHS, LONG_WEIGHTS)[0]
    return rng.choice(["x", "9", "é", "\x00", "[", "{", '"']) * length


def nest_depth(rng: random.Random) -> int:
    return rng.choices(NEST_DEPTHS, NEST_WEIGHTS)[0]


def nasty_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(HUGE_NUMBERS)
    if roll < 0.75:
        return rng.choice(ODD_TEXTS)
    if roll < 0.85:
        return long_text(rng)
    return rng.choice(PLAUSIBLE)


def mutated_text(rng: random.Random, text: str, tokens: Callable[[random.Random], str]) -> str:
    """``text`` with 1 to 4 characters flipped, tokens inserted, spans deleted or repeated, or its end cut off."""
    for _ in range(rng.randint(1, 4)):
        action = rng.choice(("flip", "insert", "insert", "delete", "repeat", "truncate", "nest"))
        at = rng.randint(0, len(text))
        if action == "flip" and text:
            at = min(at, len(text) - 1)
            text = text[:at] + chr(ord(text[at]) ^ (1 << rng.randrange(16))) + text[at + 1 :]
        elif action == "insert":
            text = text[:at] + tokens(rng) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + rng.randint(1, 12) :]
        elif action == "repeat":
            text = text[:at] + text[at : at + rng.randint(1, 40)] * rng.randint(2, 50) + text[at:]
        elif action == "truncate":
            text = text[:at]
        elif action == "nest":
            depth = nest_depth(rng)
            opening, closing = rng.choice([("[", "]"), ('{"a":', "}")])
            text = text[:at] + opening * depth + "1" + closing * depth + text[at:]
    return text


def mutated_bytes(rng: random.Random, data: bytes, tokens: Callable[[random.Random], str]) -> bytes:
    """``data`` with 1 to 4 bits flipped, bytes or encoded tokens inserted, spans deleted or repeated, or cut off."""
    frame = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        action = rng.choice(("flip", "insert", "token", "delete", "repeat", "truncate"))
        at = rng.randint(0, len(frame))
        if action == "flip" and frame:
            frame[min(at, len(frame) - 1)] ^= 1 << rng.randrange(8)
        elif action == "insert":
            frame[at:at] = rng.randbytes(rng.randint(1, 4))
        elif action == "token":
            frame[at:at] = tokens(rng).encode("utf-8", "surrogatepass")
        elif action == "delete":
            del frame[at : at + rng.randint(1, 12)]
        elif action == "repeat":
            frame[at:at] = frame[at : at + rng.randint(1, 80)] * rng.randint(2, 50)
        elif action == "truncate":
            del frame[at:]
    return bytes(frame)


# --- evaluate scenarios ----------------------------------------------------------------------

SCENARIOS = [
    merged(BASE_SCENARIO, {"policy": policy, **changes})
    for policy, changes in [
        ("4inkjets", {}),
        ("image-pro-services", {"reason": "not_needed", "payment_method": "open_account"}),
        ("true-image", {"condition": {"unopened": True, "sealed": True}, "flags": {"hp_plus_rejected": False}}),
        ("image-pro-international", {"customer_choice": "replacement", "item": {"quantity": 2}}),
        ("4inkjets", {"weight": None, "item": {"category": "drum"}}),
    ]
]


class _Raw:
    """JSON text put in a document as it is, where json.dumps could not write it (5,000 digits, NaN, 1e999999999)."""

    def __init__(self, text: str) -> None:
        self.text = text


def _json_value(rng: random.Random) -> Any:
    """A value for a scenario's field: often absurd, sometimes one the field takes, to reach the decision."""
    roll = rng.random()
    if roll < 0.2:
        return _Raw(rng.choice([*HUGE_NUMBERS, "NaN", "Infinity", "-Infinity", "1.5", "-0.0", "1E400", "1e-7"]))
    if roll < 0.28:
        depth = nest_depth(rng)
        return _Raw("[" * depth + "]" * depth)
    if roll < 0.4:
        return rng.choice([None, True, False, 0, -1, 1, 10_000, 10_001, [], {}, ["TN-660"], {"a": 1}])
    if roll < 0.65:
        return rng.choice([*PLAUSIBLE, 1, 2, 5, True, False])
    return nasty_text(rng)


def _paths(document: dict[str, Any]) -> list[tuple[str, ...]]:
    """The key path of every value of a scenario, nested ones too."""
    found: list[tuple[str, ...]] = []
    for key, value in document.items():
        found.append((key,))
        if isinstance(value, dict):
            found.extend((key, *path) for path in _paths(value))
    return found


# Each scenario as JSON text (json.loads makes a fresh copy faster than deepcopy) and its values' paths.
SCENARIO_TEXTS = [(json.dumps(scenario), _paths(scenario)) for scenario in SCENARIOS]


def mutated_scenario(rng: random.Random) -> str:
    """A scenario as JSON text with 1 to 3 values changed, and a third of the time its text mutated too."""
    text, paths = rng.choice(SCENARIO_TEXTS)
    document = json.loads(text)
    raws: list[str] = []
    for _ in range(rng.randint(1, 3)):
        *parents, key = rng.choice(paths)
        container = document
        for parent in parents:
            container = container.get(parent) if isinstance(container, dict) else None
        if not isinstance(container, dict):
            continue  # an earlier change replaced the object this value was in
        roll = rng.random()
        if roll < 0.1:
            container.pop(key, None)
            continue
        if roll < 0.2:
            key = nasty_text(rng)[:80]
        value = _json_value(rng)
        if isinstance(value, _Raw):
            raws.append(value.text)
            value = f"__raw_{len(raws) - 1}__"
        container[key] = value
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    for number, raw in enumerate(raws):
        text = text.replace(f'"__raw_{number}__"', raw)
    return mutated_text(rng, text, nasty_text) if rng.random() < 0.3 else text


# --- import files ----------------------------------------------------------------------------

CATALOG_ROWS = [
    ["TN-999", "TN999", "036000291452", "Brother", "Test toner", "toner", "800.0", "600.0", "49.99"],
    ["TN-660", "TN660", "", "Brother", "Brother TN-660 toner", "toner", "820.5", "590.0", "52.99"],
    ["DR-630", "", "", "Brother", "Drum", "drum", "450", "449.5", "0.00"],
]
CATALOG_OPTIONAL = ["weight_tolerance_g", "sealed_min_g", "sealed_max_g"]
RMA_ROWS = list(
    csv.reader(
        [
            "RA0000401,image-pro-services,2026-03-09,0.00,SO-RA0000401,2026-03-02,2026-03-03,2026-03-06,7.95,card,"
            "C77,Dana Whitfield,d@example.com,555,1 Elm St|Springfield,4242,1,TN-660,1,54.99,defective,refund",
            "ra0000402,4inkjets,2026-03-20,6.50,SO-9,2026-03-02,,,,open_account,C78,Lee Park,,,,,2,DR-630,3,120.00,"
            "not_needed,",
        ]
    )
)


def _csv_text(rng: random.Random, table: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=rng.choice(["\n", "\r\n"])).writerows(table)
    return buffer.getvalue()


def _mutated_import(rng: random.Random, header: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    table = [list(header)] + [list(rng.choice(rows)) for _ in range(rng.randint(1, 4))]
    for _ in range(rng.randint(0, 3)):
        row = rng.choice(table[1:]) if rng.random() < 0.9 else table[0]
        roll = rng.random()
        if roll < 0.05 or not row:
            row.append(nasty_text(rng))  # a cell more than the header has
            continue
        cell = rng.randrange(len(row))
        if roll < 0.1:
            del row[cell:]
        elif roll < 0.12:
            row[cell] = HUGE_CELL
        else:
            row[cell] = nasty_text(rng)
    # The csv module's own limit on a cell is 131,072 characters; its writer takes seconds to quote such a cell.
    text = _csv_text(rng, table).replace(HUGE_CELL, "x" * 200_000)
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        data = b"\xef\xbb\xbf" + data  # a spreadsheet's byte-order mark
    return mutated_bytes(rng, data, nasty_text) if rng.random() < 0.4 else data


def mutated_catalog_file(rng: random.Random) -> bytes:
    extra = rng.sample(CATALOG_OPTIONAL, rng.randint(0, len(CATALOG_OPTIONAL)))
    rows = [[*row, *(rng.choice(["", "2.0", "801", "799.5"]) for _ in extra)] for row in CATALOG_ROWS]
    return _mutated_import(rng, [*CATALOG_COLUMNS, *extra], rows)


def mutated_rma_file(rng: random.Random) -> bytes:
    return _mutated_import(rng, RMA_COLUMNS, RMA_ROWS)


# --- scans and typed weights -----------------------------------------------------------------

GTIN = "09501101530003"
SCANS = [
    GTIN,
    "036000291452",
    "]E0036000291452",
    f"]C101{GTIN}17271231",
    f"]C101{GTIN}10AB-12{GROUP_SEPARATOR}3103000812",
    f"]d201{GTIN}21SN-77{GROUP_SEPARATOR}10LOT9",
    f"(01){GTIN}(17)271231(10)AB-12",
    "RA0000401",
    "TN-660",
    "  RMA-42\r\n",
]
SCAN_PIECES = ["01", "10", "17", "21", "3103", "(01)", "(", ")", GROUP_SEPARATOR, GTIN, "]C1", "]E0", "]d2", "9" * 300]


def scan_token(rng: random.Random) -> str:
    return rng.choice(SCAN_PIECES) if rng.random() < 0.5 else nasty_text(rng)


def mutated_scan(rng: random.Random) -> str:
    return mutated_text(rng, rng.choice(SCANS), scan_token)


WEIGHTS = ["812.4g", "28.6 oz", "1.79lb", "0.81kg", "812", " 812.4 g ", "220 lb"]
WEIGHT_PIECES = ["1e999999999", "9" * 40, "-", ".", "lb", "kg", "oz", "g", "0.0000000001", "\x00", "é", " "]


def weight_token(rng: random.Random) -> str:
    return rng.choice(WEIGHT_PIECES) if rng.random() < 0.5 else nasty_text(rng)


def mutated_weight(rng: random.Random) -> str:
    return mutated_text(rng, rng.choice(WEIGHTS), weight_token)
