"""The catalog service on SQLite: listing, admin-only edits, validation like the CSV import, audit."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from receiving_app.domain.money import Money
from receiving_app.services.catalog import (
    CatalogEdit,
    CatalogEditRejected,
    CatalogService,
    check_edit,
)
from receiving_app.services.errors import NotAllowed, NotFound


@pytest.fixture
def catalog(station) -> CatalogService:
    return CatalogService(station.units)


def edit_of(item, **changes) -> CatalogEdit:
    fields = {
        "sku": item.sku,
        "description": item.description,
        "upc": item.upc or "",
        "full_g": str(item.full_g),
        "empty_g": str(item.empty_g),
        "list_price": str(item.list_price),
    }
    return CatalogEdit(**{**fields, **changes})


def catalog_events(station) -> list[dict]:
    with station.units.read() as uow:
        return [
            json.loads(event.payload) | {"user": event.user}
            for event in uow.records.audit_chain()
            if event.event_type == "catalog_item_edited"
        ]


def test_every_demo_item_is_listed_in_sku_order_with_exact_values(catalog) -> None:
    items = catalog.list_items()

    assert len(items) == 49
    assert [item.sku for item in items] == sorted(item.sku for item in items)
    tn660 = next(item for item in items if item.sku == "TN-660")
    assert (tn660.full_g, tn660.empty_g, tn660.list_price, tn660.upc) == (
        Decimal("815.0"),
        Decimal("590.0"),
        Money.of("54.99"),
        "082002977276",
    )


def test_the_demo_catalog_says_who_made_each_item(catalog) -> None:
    listed = [item.as_json() for item in catalog.list_items()]

    # The demo reseller sells compatibles and remanufactured units beside the printer makers' own; the
    # description says which, and the make says the same.
    for item in listed:
        described = "compatible" if "(compatible)" in item["description"] else None
        described = "remanufactured" if "(remanufactured)" in item["description"] else described
        assert item["make"] == (described or "oem"), item["sku"]
    makes = {item["sku"]: item["make"] for item in listed}
    assert (makes["HP-85A"], makes["HP-85A-OEM"], makes["TN-660"]) == ("compatible", "oem", "oem")


def test_an_admin_edit_is_saved_and_recorded_with_what_changed(catalog, station) -> None:
    item = next(item for item in catalog.list_items() if item.sku == "TN-660")

    saved = catalog.update_item(
        edit_of(item, full_g="816.5", empty_g="591", list_price="52.49", description="Brother TN-660 toner (HY)"),
        user="admin",
        station="S1",
    )

    assert (saved.full_g, saved.empty_g, saved.list_price) == (Decimal("816.5"), Decimal(591), Money.of("52.49"))
    assert next(row for row in catalog.list_items() if row.sku == "TN-660") == saved
    [event] = catalog_events(station)
    assert event["user"] == "admin" and event["sku"] == "TN-660"
    assert event["changes"] == {
        "description": {"from": "Brother TN-660 high-yield black toner", "to": "Brother TN-660 toner (HY)"},
        "full_g": {"from": "815.0", "to": "816.5"},
        "empty_g": {"from": "590.0", "to": "591"},
        "list_price": {"from": "54.99", "to": "52.49"},
        # New weights move the range a unit may weigh, by a tenth of the new span.
        "weight_tolerance_g": {"from": "22.5", "to": "22.6"},
    }


def test_a_upc_can_be_removed_and_an_unchanged_save_records_nothing(catalog, station) -> None:
    item = catalog.list_items()[0]

    assert catalog.update_item(edit_of(item, upc=" "), user="admin", station="S1").upc is None
    catalog.update_item(edit_of(catalog.list_items()[0]), user="admin", station="S1")

    assert len(catalog_events(station)) == 1


@pytest.mark.parametrize("user", ["receiver", "supervisor", "nobody"])
def test_only_an_admin_may_edit_the_catalog(catalog, user) -> None:
    item = catalog.list_items()[0]

    with pytest.raises(NotAllowed, match="an admin must"):
        catalog.update_item(edit_of(item, list_price="1.00"), user=user, station="S1")

    assert catalog.list_items()[0] == item


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"full_g": "590.0"}, "full_g", "must be more than the empty weight"),
        ({"full_g": "heavy"}, "full_g", "number of grams"),
        ({"empty_g": "-1"}, "empty_g", "zero or more"),
        ({"upc": "082002977277"}, "upc", "wrong check digit"),
        ({"upc": "12345"}, "upc", "8, 12, 13 or 14 digits"),
        ({"list_price": "54.999"}, "list_price", "fractions of a cent"),
        ({"list_price": "-3.00"}, "list_price", "cannot be negative"),
        ({"list_price": "cheap"}, "list_price", "not a number"),
        ({"list_price": "1e999999"}, "list_price", "not a number"),
        ({"full_g": "1e99999999"}, "full_g", "not a number"),
        ({"full_g": "250000"}, "full_g", "at most 100000 g"),
        ({"description": "  "}, "description", "empty"),
    ],
)
def test_a_bad_field_is_named_and_nothing_is_saved(catalog, station, changes, field, words) -> None:
    item = next(item for item in catalog.list_items() if item.sku == "TN-660")

    with pytest.raises(CatalogEditRejected) as rejected:
        catalog.update_item(edit_of(item, **changes), user="admin", station="S1")

    assert list(rejected.value.problems) == [field] and words in rejected.value.problems[field]
    assert next(row for row in catalog.list_items() if row.sku == "TN-660") == item
    assert catalog_events(station) == []


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(CatalogEditRejected) as rejected:
        check_edit(CatalogEdit("TN-660", "", "1", "x", "y", "z"))

    assert set(rejected.value.problems) == {"description", "upc", "full_g", "empty_g", "list_price"}


def test_a_upc_that_belongs_to_another_item_is_refused(catalog) -> None:
    first, second = catalog.list_items()[:2]

    with pytest.raises(CatalogEditRejected, match=f"already belongs to {second.sku}"):
        catalog.update_item(edit_of(first, upc=second.upc), user="admin", station="S1")


def test_an_unknown_sku_is_not_found(catalog) -> None:
    with pytest.raises(NotFound):
        catalog.update_item(CatalogEdit("NO-SUCH", "x", "", "2", "1", "1.00"), user="admin", station="S1")
