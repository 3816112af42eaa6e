"""How a scan is named back to the clerk: every digit of a product code, and the shape of an RMA number."""

from __future__ import annotations

import pytest

from receiving_app.domain.scan import (
    looks_like_misread_product_code,
    looks_like_rma_number,
    number_prefix,
    parse_scan,
    prefixes_in_words,
    scanned_as,
)

SELLERS_PREFIXES = {"RA", "RMA-", "RGA-", "4IJ-"}


@pytest.mark.parametrize(
    ("scanned", "named"),
    [
        ("036000291452", "UPC 036000291452"),  # the leading zero is printed under the bars: it stays
        ("]E0082002977276", "UPC 082002977276"),
        ("4006381333931", "EAN 4006381333931"),
        ("96385074", "EAN-8 96385074"),
        ("]C1010950110153000310AB-12", "GS1 label with GTIN 09501101530003"),
        ("RMA-999999", "RMA-999999"),
    ],
)
def test_a_scan_is_named_with_every_digit_it_was_read_with(scanned, named) -> None:
    assert scanned_as(parse_scan(scanned)) == named


@pytest.mark.parametrize(
    ("number", "prefix"),
    [("RMA-100004", "RMA-"), ("RA0100001", "RA"), ("4IJ-000001", "4IJ-"), ("RGA-100002", "RGA-"), ("123", "")],
)
def test_an_rma_numbers_prefix_is_what_comes_before_its_serial_digits(number, prefix) -> None:
    assert number_prefix(number) == prefix


@pytest.mark.parametrize(
    ("text", "shaped"),
    [
        ("RMA-999999", True),
        ("rga-100002", True),
        ("4IJ-000123", True),
        ("RA9999999", True),
        ("RMA-", False),  # a prefix without a number
        ("RMX-999999", False),
        ("TN-660", False),
        ("RA12X", False),
    ],
)
def test_an_rma_number_has_a_sellers_prefix_then_digits(text, shaped) -> None:
    assert looks_like_rma_number(text, SELLERS_PREFIXES) is shaped


def test_a_product_code_with_a_wrong_check_digit_is_told_from_other_numbers() -> None:
    assert looks_like_misread_product_code("036000291453")
    assert not looks_like_misread_product_code("036000291452")  # a good UPC
    assert not looks_like_misread_product_code("0360002914")  # no product code is 10 digits long


def test_prefixes_are_named_in_a_sentence_in_alphabetical_order() -> None:
    assert prefixes_in_words(SELLERS_PREFIXES) == "4IJ-, RA, RGA- or RMA-"
    assert prefixes_in_words({"RA"}) == "RA"
