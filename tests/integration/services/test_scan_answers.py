"""A scan that opens no RMA is answered with what it looked like: an RMA number not on file, an SKU or
a cartridge named with its catalog product, a half-read barcode, or none of these with the prefixes
the sellers' RMA numbers start with (read from the RMAs on file)."""

from __future__ import annotations

import json

import pytest

from receiving_app.domain.scan import parse_scan
from receiving_app.services.rma_opening import ScanProblem
from tests.support.demo_rmas import open_rmas
from tests.support.warehouse import Rma, add_rmas

DEMO_PREFIXES = "4IJ-, RA, RGA- or RMA-"  # the demo's four sellers, as their RMAs on file are numbered
TN_660 = "TN-660 Brother TN-660 high-yield black toner"  # UPC 082002977276 in the demo catalog


def refusal(station, scanned: str, on_screen: str | None = None) -> str:
    with pytest.raises(ScanProblem) as refused:
        station.rma_opening.look_up_scan(parse_scan(scanned), user="receiver", station="bench-1", on_screen=on_screen)
    return str(refused.value)


def last_event(station) -> tuple[str, dict]:
    with station.units.read() as uow:
        event = list(uow.records.audit_chain())[-1]
    return event.event_type, json.loads(event.payload)


@pytest.mark.parametrize("scanned", ["RMA-999999", "rga-100999", "4IJ-000999", "RA9999999"])
def test_an_rma_number_that_is_not_on_file_says_so_not_that_it_is_no_sku(station, scanned) -> None:
    number = scanned.upper()
    assert refusal(station, scanned) == f"No RMA {number} is on file: check the number on the label."
    assert refusal(station, scanned, on_screen=open_rmas(station)[0].number).startswith(f"No RMA {number} is on")
    assert last_event(station) == ("scan_unknown_rma", {"scanned": number})


def test_garbage_is_named_with_every_prefix_the_sellers_use(station) -> None:
    on_screen = open_rmas(station)[0].number
    assert refusal(station, "XQ-77") == (
        "XQ-77 is neither an RMA number on file nor an SKU in the catalog."
        f" The sellers' RMA numbers start with {DEMO_PREFIXES}."
    )
    assert refusal(station, "XQ-77", on_screen) == (
        f"XQ-77 is not an SKU on {on_screen}, nor an RMA number on file."
        f" The sellers' RMA numbers start with {DEMO_PREFIXES}."
    )


def test_a_sellers_new_numbering_is_named_once_its_rmas_are_on_file(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("QZ-000001", seller="4inkjets"))
    assert "QZ-" in refusal(station, "XQ-77")
    assert refusal(station, "QZ-000002") == "No RMA QZ-000002 is on file: check the number on the label."


def test_a_half_read_product_barcode_is_asked_for_again(station) -> None:
    assert refusal(station, "082002977277") == (  # TN-660's UPC with its last digit misread
        "082002977277 looks like a product barcode read wrong (its check digit is off): scan it again."
    )


def test_a_catalog_sku_names_its_product(station) -> None:
    rma = next(rma for rma in open_rmas(station) if all(line.sku != "TN-660" for line in rma.lines))
    assert refusal(station, "tn-660") == (
        "TN-660 is the SKU of Brother TN-660 high-yield black toner: scan the parcel's RMA label first."
    )
    assert refusal(station, "TN-660", rma.number) == (
        f"SKU TN-660 (Brother TN-660 high-yield black toner) is not on {rma.number}: set it aside and check the parcel."
    )


def test_a_upc_keeps_its_leading_zero_and_names_its_catalog_product(station) -> None:
    answer = station.rma_opening.answer_product_scan
    assert answer(parse_scan("082002977276"), on_screen=None) == (
        f"UPC 082002977276 is {TN_660}: scan the parcel's RMA label first."
    )
    # The same product read by a scanner that sends UPC-A as EAN-13, with its symbology identifier.
    assert answer(parse_scan("]E00082002977276"), on_screen=None).startswith(f"EAN 0082002977276 is {TN_660}")
    assert answer(parse_scan("036000291452"), on_screen=None) == (
        "UPC 036000291452 is not in the catalog: scan the parcel's RMA label first."
    )


def test_a_cartridge_that_is_not_on_the_rma_on_screen_is_named(station) -> None:
    rma = next(rma for rma in open_rmas(station) if all(line.upc != "082002977276" for line in rma.lines))
    opened, _ = station.rma_opening.look_up_scan(parse_scan(rma.number), user="receiver", station="bench-1")
    assert station.rma_opening.answer_product_scan(parse_scan("082002977276"), on_screen=opened) == (
        f"UPC 082002977276 ({TN_660}) is not on {rma.number}: set it aside and check the parcel."
    )
