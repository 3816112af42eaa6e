"""CSV imports are all-or-nothing, and every problem of every row is reported with its row number."""

from __future__ import annotations

import json

import pytest

from receiving_app.services.importing import ImportRejected, import_catalog, import_rmas
from tests.support.cli import run_cli

CATALOG_HEADER = "sku,oem_part_number,upc,brand,description,category,full_g,empty_g,list_price\n"
GOOD_ITEM = "TN-999,TN999,036000291452,Brother,Test toner,toner,800.0,600.0,49.99\n"


def catalog_item(station, sku) -> tuple[str, str] | None:
    """(full weight, list price) as printed, or None when the SKU is not in the catalog."""
    with station.units.read() as uow:
        item = uow.records.catalog_item(sku)
        return (str(item.full_g), str(item.list_price)) if item else None


def test_a_good_catalog_file_adds_and_updates_items(station, tmp_path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG_HEADER + GOOD_ITEM + "TN-660,TN660,,Brother,Brother TN-660 toner,toner,820.5,590.0,52.99\n")

    summary = import_catalog(station.units, path, user="admin", station="test")

    assert (summary.created, summary.updated) == (1, 1)
    assert catalog_item(station, "TN-660") == ("820.5", "52.99")
    assert catalog_item(station, "TN-999") == ("800.0", "49.99")


def test_a_catalog_file_with_bad_rows_writes_nothing_and_names_every_row(station, tmp_path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(
        CATALOG_HEADER
        + GOOD_ITEM
        + "TN-998,,036000291453,Brother,Bad check digit,toner,800,600,49.99\n"  # row 3
        + "TN-997,,,Brother,Full below empty,toner,500,600,49.99\n"  # row 4
        + "TN-996,,,Brother,Unknown category,paper,800,600,49.99\n"  # row 5
        + "TN-995,,,Brother,Price with fractions of a cent,toner,800,600,49.999\n"  # row 6
        + "TN-999,,,Brother,Repeats line 2,toner,800,600,49.99\n"  # row 7
        + "TN-994,,,Brother,Negative weight,toner,800,-1,49.99\n"  # row 8
    )

    with pytest.raises(ImportRejected) as rejected:
        import_catalog(station.units, path, user="admin", station="test")

    assert [problem.split(":")[0] for problem in rejected.value.problems] == [f"row {n}" for n in (3, 4, 5, 6, 7, 8)]
    assert catalog_item(station, "TN-999") is None


def listed_makes(station) -> dict[str, str]:
    """Each SKU's make, as `catalog list --json` prints it."""
    run = run_cli("--db", station.database_url, "catalog", "list", "--json")
    assert run.code == 0, run.stderr
    return {item["sku"]: item["make"] for item in run.json()}


def imported_make_changes(station) -> list[dict[str, dict]]:
    """For each catalog import in the audit trail, each item's change of make."""
    with station.units.read() as uow:
        events = [event for event in uow.records.audit_chain() if event.event_type == "catalog_imported"]
    return [
        {
            item["sku"]: item["changes"]["make"]
            for item in json.loads(event.payload)["items"]
            if "make" in item["changes"]
        }
        for event in events
    ]


TN_760 = "TN-760,TN760,086931098026,Brother,Brother TN-760 high-yield black toner,toner,838.5,602.0,59.99"


def test_a_catalog_file_says_who_made_each_item_and_the_listing_shows_it(station, tmp_path) -> None:
    path = tmp_path / "catalog.csv"
    rows = [
        CATALOG_HEADER.strip() + ",Make",
        GOOD_ITEM.strip() + ",Genuine",
        TN_760 + ",Reman",  # a demo item, on file as the printer maker's own
        "CP-1,,,Image Pro,Compatible toner,toner,800,600,19.99,aftermarket",
        "CP-2,,,Image Pro,Toner of no stated make,toner,800,600,19.99,",
    ]
    path.write_text("\n".join(rows) + "\n")

    summary = import_catalog(station.units, path, user="admin", station="test")

    assert (summary.created, summary.updated) == (3, 1)
    assert 'make: read "Reman" as remanufactured (1 row)' in summary.spellings
    makes = listed_makes(station)
    assert [makes[sku] for sku in ("TN-999", "TN-760", "CP-1", "CP-2", "TN-660")] == [
        "oem",
        "remanufactured",
        "compatible",
        "oem",
        "oem",  # not in the file: left as it was
    ]
    [changes] = imported_make_changes(station)
    assert changes["TN-760"] == {"from": "oem", "to": "remanufactured"}


def test_a_catalog_file_without_a_make_column_puts_an_item_back_to_the_printer_makers_own(station, tmp_path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG_HEADER.strip() + ",make\n" + TN_760 + ",compatible\n")
    import_catalog(station.units, path, user="admin", station="test")
    path.write_text(CATALOG_HEADER + TN_760 + "\n")

    summary = import_catalog(station.units, path, user="admin", station="test")

    assert summary.updated == 1 and listed_makes(station)["TN-760"] == "oem"
    assert imported_make_changes(station) == [
        {"TN-760": {"from": "oem", "to": "compatible"}},
        {"TN-760": {"from": "compatible", "to": "oem"}},
    ]


def test_a_make_the_station_cannot_read_is_named_with_its_row_and_the_rows_other_problems(station, tmp_path) -> None:
    path = tmp_path / "catalog.csv"
    rows = [
        CATALOG_HEADER.strip() + ",make",
        GOOD_ITEM.strip() + ",oem",
        "TN-998,,,Brother,Full below empty,toner,500,600,49.99,knockoff",  # row 3
    ]
    path.write_text("\n".join(rows) + "\n")

    with pytest.raises(ImportRejected) as rejected:
        import_catalog(station.units, path, user="admin", station="test")

    assert rejected.value.problems == [
        "row 3: full_g (500) must be greater than empty_g (600)",
        "row 3: make must be one of oem, compatible, remanufactured, not 'knockoff'",
    ]
    assert catalog_item(station, "TN-999") is None


RMA_HEADER = (
    "rma_number,seller,reported_on,return_label_cost,order_number,purchased_on,shipped_on,delivered_on,shipping_paid,"
    "payment_method,customer_account,customer_name,customer_email,customer_phone,customer_address,card_last4,line,sku,"
    "quantity,unit_price,reason,customer_choice\n"
)


def rma_row(
    number="RA0000401",
    line="1",
    sku="TN-660",
    card="4242",
    reason="defective",
    seller="image-pro-services",
    reported="2026-03-09",
) -> str:
    return (
        f"{number},{seller},{reported},0.00,SO-{number},2026-03-02,2026-03-03,2026-03-06,7.95,card,C77,Dana Whitfield,"
        f"d@example.com,555,1 Elm St|Springfield,{card},{line},{sku},1,54.99,{reason},refund\n"
    )


def test_a_good_rma_file_creates_rmas_with_their_lines(station, tmp_path) -> None:
    path = tmp_path / "rmas.csv"
    path.write_text(RMA_HEADER + rma_row() + rma_row(line="2", sku="DR-630") + rma_row("RA0000402"))

    summary = import_rmas(station.units, path, user="admin", station="test")

    assert summary.created == 2
    rma = station.history.show_rma("RA0000401").rma
    assert [(line.line, line.sku) for line in rma.lines] == [(1, "TN-660"), (2, "DR-630")]


def test_an_rma_file_with_bad_rows_writes_nothing_and_names_every_row(station, tmp_path) -> None:
    path = tmp_path / "rmas.csv"
    path.write_text(
        RMA_HEADER
        + rma_row()
        + rma_row("RA0000403", sku="NO-SUCH-SKU")  # row 3
        + rma_row("RA0000404", card="4111111111111111")  # row 4: a full card number is never stored
        + rma_row("RA0000405", reason="changed_mind")  # row 5
        + rma_row("RA0000406", seller="acme")  # row 6
        + rma_row("RA0000407", reported="2026-02-01")  # row 7: reported before purchase
        + "RA0000408,too,few,cells\n"  # row 8
    )

    with pytest.raises(ImportRejected) as rejected:
        import_rmas(station.units, path, user="admin", station="test")

    rows_named = [problem.split(":")[0] for problem in rejected.value.problems]
    assert list(dict.fromkeys(rows_named)) == [f"row {n}" for n in (3, 4, 5, 6, 7, 8)]
    assert station.history.list_rmas() == []


def test_the_import_command_exits_2_with_one_line_naming_the_rows(station, tmp_path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(CATALOG_HEADER + GOOD_ITEM + "TN-997,,,Brother,Full below empty,toner,500,600,49.99\n")

    run = run_cli(
        "--db",
        station.database_url,
        "import",
        "catalog",
        str(path),
        "--user",
        "admin",
        env={"RECEIVING_APP_PASSWORD": "admin-demo"},
    )

    assert run.code == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "row 3: full_g" in run.stderr
    assert catalog_item(station, "TN-999") is None
