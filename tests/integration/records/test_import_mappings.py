"""Files exported by Shopify, Loop Returns, Odoo (OCA rma) and an ERP import with their shipped mappings; a
file's spellings are read and said; a dry run writes nothing; every problem of a row is named with its row."""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_app.services.importing import ImportOptions, ImportRejected, import_catalog, import_rmas
from tests.support.cli import run_cli
from tests.support.signing_in import row_counts_beside_sign_ins

SAMPLES = Path(__file__).parents[2] / "data" / "imports"
SELLER = "image-pro-services"


def rma_lines(station, number: str) -> list[tuple[int, str, int, str, str]]:
    """Each line of the RMA as the bench shows it: line, SKU, quantity, reason and the customer's choice."""
    rma = station.history.show_rma(number).rma
    return [(line.line, line.sku, line.quantity, line.reason, line.customer_choice) for line in rma.lines]


def catalog_entry(station, sku: str) -> tuple[str, str, str, str, str | None]:
    with station.units.read() as uow:
        item = uow.records.catalog_item(sku)
        return (item.category, str(item.full_g), str(item.empty_g), str(item.list_price), item.upc)


def import_sample(station, importer, name: str, mapping: str | None, seller: str | None = SELLER):
    options = ImportOptions(mapping=mapping, seller=seller)
    return importer(station.units, SAMPLES / name, user="admin", station="test", options=options)


def test_a_shopify_products_export_becomes_catalog_items(station) -> None:
    summary = import_sample(station, import_catalog, "shopify-products.csv", "shopify", seller=None)

    assert (summary.created, summary.updated) == (2, 0)
    assert catalog_entry(station, "TN-880") == ("toner", "1180", "862", "89.99", "085001234500")
    assert catalog_entry(station, "DR-820") == ("drum", "702", "655", "119.00", "085001234517")
    assert 'category: read "Toner Cartridge" as toner (1 row)' in summary.spellings


def test_a_shopify_orders_export_becomes_an_rma_with_the_order_details_filled_down(station) -> None:
    summary = import_sample(station, import_rmas, "shopify-orders.csv", "shopify")

    assert summary.created == 1
    assert rma_lines(station, "#1001-R1") == [
        (1, "TN-660", 1, "defective", "refund"),
        (2, "DR-630", 1, "not_needed", "refund"),
    ]
    shown = station.history.show_rma("#1001-R1").rma
    assert (shown.order_number, str(shown.purchased), str(shown.shipped)) == ("#1001", "2026-03-02", "2026-03-03")
    assert (shown.customer_account, shown.payment_method) == ("robin.quell@example.com", "card")


def test_a_loop_returns_export_becomes_an_rma(station) -> None:
    summary = import_sample(station, import_rmas, "loop-returns.csv", "loop")

    assert rma_lines(station, "RTN-48213") == [
        (1, "HP-58A", 1, "defective", "refund"),
        (2, "LC3013BK", 2, "damaged_in_transit", "replacement"),
    ]
    assert (
        'reported_on: read "03/09/2026" as 2026-03-09 (month first; it could also be 2026-09-03) (2 rows)'
        in summary.spellings
    )
    assert 'unit_price: read "$59.99" as 59.99 (1 row)' in summary.spellings


def test_an_odoo_rma_export_becomes_one_rma_per_row(station) -> None:
    import_sample(station, import_rmas, "odoo-rma.csv", "odoo-rma")

    assert rma_lines(station, "RMA/2026/0007") == [(1, "TN-660", 2, "wrong_item_shipped", "replacement")]
    assert rma_lines(station, "RMA/2026/0008") == [(1, "DR-630", 1, "defective", "refund")]


def test_a_generic_erp_export_imports_items_and_returns_from_semicolon_files(station) -> None:
    import_sample(station, import_catalog, "generic-erp-items.csv", "generic-erp", seller=None)
    import_sample(station, import_rmas, "generic-erp-returns.csv", "generic-erp")

    assert catalog_entry(station, "HP-30X") == ("toner", "1180.00", "842", "64.50", "085001234524")
    assert catalog_entry(station, "HP-32A-DR")[3] == "1049.00"
    assert rma_lines(station, "RR-000311") == [
        (1, "TN-760", 1, "damaged_in_transit", "refund"),
        (2, "DR-730", 1, "not_needed", "refund"),
    ]


def test_a_semicolon_file_with_title_case_headings_and_decimal_commas_imports_without_a_mapping(station) -> None:
    summary = import_sample(station, import_rmas, "title-case-semicolon.csv", None, seller=None)

    assert summary.delimiter == "semicolon"
    assert rma_lines(station, "RA0000611") == [
        (1, "TN-660", 1, "defective", "refund"),
        (2, "HP-58A", 2, "not_needed", "replacement"),
    ]
    with station.units.read() as uow:
        prices = [str(line.order_line.unit_price) for line in uow.records.rma("RA0000611").lines]
    assert sorted(prices) == ["1234.50", "45.99"]
    assert 'unit_price: read "45,99" as 45.99 (1 row)' in summary.spellings


def test_three_problems_in_one_row_are_all_named_with_its_row_and_nothing_is_written(station, tmp_path) -> None:
    path = tmp_path / "rmas.csv"
    good = (SAMPLES / "title-case-semicolon.csv").read_text(encoding="utf-8-sig").splitlines()
    bad = good[2].replace("12/20/2025", "31/31/2025").replace(";2;$1.234,50;", ";two;$1.234,50;")
    path.write_text("\n".join([good[0], good[1], bad.replace("Not needed", "changed my mind")]) + "\n")

    with pytest.raises(ImportRejected) as rejected:
        import_rmas(station.units, path, user="admin", station="test")

    assert [problem.split(":", 1)[0] for problem in rejected.value.problems] == ["row 3"] * 3
    assert " ".join(rejected.value.problems).count("purchased_on is not a date") == 1
    assert any("quantity must be a whole number from 1 to 10000, not 'two'" in p for p in rejected.value.problems)
    assert any("reason must be one of" in p and "'changed my mind'" in p for p in rejected.value.problems)
    assert station.history.list_rmas() == []


def test_a_dry_run_shows_the_rows_as_read_and_writes_nothing(station) -> None:
    before = row_counts_beside_sign_ins(station)

    run = run_cli(
        "--db",
        station.database_url,
        "import",
        "rmas",
        str(SAMPLES / "title-case-semicolon.csv"),
        "--dry-run",
        "--user",
        "admin",
        env={"RECEIVING_APP_PASSWORD": "admin-demo"},
    )

    assert run.code == 0, run.stderr
    assert "row 2: rma_number=RA0000611, seller=image-pro-services, reported_on=2025-12-31" in run.stdout
    assert "unit_price=$45.99" in run.stdout and "unit_price=$1,234.50" in run.stdout
    assert "customer_name=A*** P***" in run.stdout and "Penrose" not in run.stdout
    assert 'unit_price: read "45,99" as 45.99 (1 row)' in run.stdout
    assert "nothing was written" in run.stdout
    assert row_counts_beside_sign_ins(station) == before
    assert station.history.list_rmas() == []


def test_a_dry_run_of_a_catalog_changes_no_item(station) -> None:
    summary = import_catalog(
        station.units,
        SAMPLES / "generic-erp-items.csv",
        user="admin",
        station="test",
        options=ImportOptions(mapping="generic-erp", dry_run=True),
    )

    assert (summary.dry_run, summary.created) == (True, 2)
    assert dict(summary.preview[0][1])["full_g"] == "1180.00"
    assert [item.sku for item in station.catalog.list_items() if item.sku.startswith("HP-3")] == []
