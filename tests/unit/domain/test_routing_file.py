"""A routing file is validated on load, and every mistake names the file and the key.

Each case edits one line of the shipped routes.toml; rules are counted from 1 in the key paths.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_app.domain.routing import RoutingError
from receiving_app.locations import warehouse_dir
from receiving_app.persistence.route_files import load_routing

LAST_WHY = 'why = "No rule above kept it for sale, for the vendor or for its empty."'


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = (warehouse_dir() / "routes.toml").read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} must appear once in routes.toml"
    target = tmp_path / "routes.toml"
    target.write_text(text.replace(old, new), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        pytest.param(
            'fill_below = "0.10", virgin',
            'fill_below = "ten percent", virgin',
            "rules[7].when.fill_below",
            'must be a fraction between 0 and 1 as text, such as "0.10"',
            id="fraction not a number",
        ),
        pytest.param(
            'fill_at_least = "0.50"',
            'fill_at_least = "1.5"',
            "rules[6].when.fill_at_least",
            "must be a fraction between 0 and 1",
            id="fraction above 1",
        ),
        pytest.param(
            'fill_at_least = "0.50"',
            "fill_at_least = 0.5",
            "rules[6].when.fill_at_least",
            "as text",
            id="fraction as a float",
        ),
        pytest.param(
            'category = ["ink", "toner"], fill_below = "0.10" }',
            'category = ["ink", "toner"], fill_below = "0" }',
            "rules[9].when.fill_below",
            "must be above 0",
            id="nothing is below zero",
        ),
        pytest.param(
            "when = { contradicted = true }",
            'when = { contradicted = true, color = "red" }',
            "rules[1].when.color",
            "is not a key this file understands",
            id="unknown test",
        ),
        pytest.param(
            'version = "2026-12-03"',
            'version = "2026-12-03"\nowner = "dock 2"',
            "owner",
            "is not a key this file understands",
            id="unknown top-level key",
        ),
        pytest.param(
            'label = "Scrap"',
            'label = "Scrap"\ncolor = "gray"',
            "routes.scrap.color",
            "is not a key this file understands",
            id="unknown route key",
        ),
        pytest.param(
            'route = "scrap"',
            'route = "landfill"',
            "rules[10].route",
            "names no route of this file: 'landfill'",
            id="unknown route",
        ),
        pytest.param(
            'container = "recycling_bin"',
            'container = "dumpster"',
            "routes.scrap.container",
            "names no container of this file: 'dumpster'",
            id="unknown container",
        ),
        pytest.param(
            'outcome = ["denied"]',
            'outcome = ["refused"]',
            "rules[2].when.outcome[0]",
            "unknown outcome 'refused' (use refund, replacement, denied)",
            id="unknown outcome",
        ),
        pytest.param(
            'make = ["oem"], fill_below = "0.10", virgin',
            'make = "oem", fill_below = "0.10", virgin',
            "rules[7].when.make",
            "must be a non-empty list",
            id="a choice not given as a list",
        ),
        pytest.param(
            "when = { contradicted = true }",
            'when = { contradicted = "yes" }',
            "rules[1].when.contradicted",
            "must be true or false",
            id="a flag given as text",
        ),
        pytest.param(
            LAST_WHY,
            LAST_WHY + '\nwhen = { make = ["oem"] }',
            "rules[10].when",
            "the last rule must have no tests",
            id="non-catch-all last rule",
        ),
        pytest.param(
            'when = { outcome = ["denied"] }',
            "",
            "rules[2]",
            "the rules after it are never reached",
            id="catch-all before the last rule",
        ),
        pytest.param('version = "2026-12-03"', "", "version", "is missing", id="missing version"),
        pytest.param(
            'after_hold = "empties_other"',
            'after_hold = "hold_for_customer"',
            "routes.hold_for_customer.after_hold",
            "is a hold route itself",
            id="after_hold pointing at a hold route",
        ),
        pytest.param(
            'after_hold = "empties_other"',
            'after_hold = "landfill"',
            "routes.hold_for_customer.after_hold",
            "names no route of this file: 'landfill'",
            id="after_hold pointing at no route",
        ),
        pytest.param(
            'after_hold = "empties_other"',
            "",
            "routes.hold_for_customer.after_hold",
            "is missing",
            id="hold without an end",
        ),
        pytest.param(
            'label = "Scrap"',
            'label = "Scrap"\nafter_hold = "empties_other"',
            "routes.scrap.after_hold",
            "belongs to a hold route only",
            id="after_hold without a hold",
        ),
        pytest.param(
            'value = "3.00"',
            'value = "3.005"',
            "routes.empties_virgin.value",
            'such as "3.00"',
            id="value in fractions of a cent",
        ),
        pytest.param(
            'value = "3.00"',
            'value = "-3.00"',
            "routes.empties_virgin.value",
            "zero or more",
            id="negative value",
        ),
        pytest.param(
            'stock_grade = "open_box"',
            'stock_grade = "used"',
            "routes.restock_open_box.stock_grade",
            "must be one of new, open_box",
            id="unknown stock grade",
        ),
        pytest.param(
            "hold_days = 30",
            "hold_days = 0",
            "routes.hold_for_customer.hold_days",
            "a whole number of 1 or more",
            id="hold of zero days",
        ),
        pytest.param(
            'max_kg = "31"',
            'max_kg = "heavy"',
            "containers.hp_planet_partners_box.max_kg",
            "a weight in kilograms",
            id="container weight not a number",
        ),
        pytest.param(
            "max_units = 60",
            'max_units = "60"',
            "containers.quarantine_cage.max_units",
            "a whole number",
            id="container count as text",
        ),
        pytest.param(
            "[routes.scrap]",
            '[routes.landfill]\nlabel = "Landfill"\ncontainer = "recycling_bin"\ninstruction = "Bin it."\n\n'
            "[routes.scrap]",
            "routes.landfill",
            "is never chosen by any rule",
            id="route never chosen",
        ),
        pytest.param(
            'label = "Back to stock, new"',
            'label = ""',
            "routes.restock_new.label",
            "must be non-empty text",
            id="empty label",
        ),
        pytest.param(
            'fill_at_least = "0.50", box_damage',
            'fill_at_least = "0.50", fill_below = "0.50", box_damage',
            "rules[6].when",
            "fill_at_least must be below fill_below",
            id="fill range no unit can be in",
        ),
        pytest.param(
            'version = "2026-12-03"',
            'version = "2026-12-03',
            "(syntax)",
            "",
            id="unreadable TOML",
        ),
    ],
)
def test_every_mistake_names_the_file_and_the_key(tmp_path: Path, old: str, new: str, key: str, problem: str) -> None:
    path = _edited(tmp_path, old, new)

    with pytest.raises(RoutingError) as raised:
        load_routing(path)

    assert (raised.value.source, raised.value.key) == ("routes.toml", key)
    assert str(raised.value).startswith(f"routes.toml: {key}: ")
    assert problem in raised.value.problem


def test_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(RoutingError, match=r"^routes\.toml: \(file\): cannot be read"):
        load_routing(tmp_path / "routes.toml")


def test_a_file_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "routes.toml"
    path.write_bytes('version = "2026-12-03"\n# caf\xe9\n'.encode("latin-1"))

    with pytest.raises(RoutingError, match=r"^routes\.toml: \(file\): is not UTF-8 text"):
        load_routing(path)
