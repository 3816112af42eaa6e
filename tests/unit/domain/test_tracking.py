"""A carrier's tracking number in a label scan: recognized by format and check digit, never guessed.

Where the sample numbers come from:
- UPS: 1Z999AA10123456784 (printed 1Z 999 AA1 01 2345 6784) is the example number of UPS's developer
  documentation; the other 1Z numbers are the valid UPS test numbers of tracking_number_data, a
  public collection of courier formats.
- FedEx Express: 012345678983 is the worked example of FedEx's check digit that FedEx's web
  services support gave out; the other 12-digit numbers are tracking_number_data's. 123456789012,
  often taken for an invalid number, passes both FedEx's check and the UPC check.
- FedEx Ground and the FedEx 22- and 34-digit barcodes: tracking_number_data's test numbers, and
  a FedEx label whose barcode 1071804952390002087800925989385163 prints as "9259 8938 5163",
  quoted in a public bug report about a receiving screen.
- USPS IMpb, with and without "420" + ZIP: tracking_number_data's USPS test numbers.
- UPU S10: 47312482 with check digit 9 is the worked example of the S10 check digit; RB123456785US is
  tracking_number_data's.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from receiving_app.domain.scan import ScanKind, gs1_check_digit, parse_scan
from receiving_app.domain.tracking import (
    Carrier,
    TrackingNumber,
    normalized_tracking_text,
    tracking_number_from_text,
    tracking_number_in,
)

GS = "\x1d"


def scanned(raw: str) -> TrackingNumber | None:
    return tracking_number_in(parse_scan(raw))


def ups(number: str) -> TrackingNumber:
    return TrackingNumber(Carrier.UPS, number)


def fedex(number: str) -> TrackingNumber:
    return TrackingNumber(Carrier.FEDEX, number)


def usps(number: str) -> TrackingNumber:
    return TrackingNumber(Carrier.USPS, number)


UPS_SAMPLES = ["1Z999AA10123456784", "1Z5R89390357567127", "1Z879E930346834440", "1Z410E7W0392751591"]
FEDEX_EXPRESS_SAMPLES = ["012345678983", "986578788855", "477179081230", "799531274483", "790535312317"]
FEDEX_GROUND_SAMPLES = ["041441760228964", "568283610012000", "568283610012734"]
USPS_SAMPLES = [
    "9400111201080805483016",
    "9361289878700317633795",
    "9505511069605048600624",
    "9101123456789000000013",
    "92748931507708513018050063",
]
S10_SAMPLES = ["EA473124829US", "RB123456785US"]
SAMPLES = [
    *map(ups, UPS_SAMPLES),
    *map(fedex, FEDEX_EXPRESS_SAMPLES),
    *map(fedex, FEDEX_GROUND_SAMPLES),
    *map(usps, USPS_SAMPLES),
    *map(usps, S10_SAMPLES),
]


def test_carriers_are_named_as_people_write_them() -> None:
    assert [carrier.label for carrier in Carrier] == ["UPS", "FedEx", "USPS"]
    assert Carrier("fedex") is Carrier.FEDEX


@pytest.mark.parametrize("expected", SAMPLES, ids=lambda sample: sample.number)
def test_published_numbers_are_recognized_when_scanned_and_typed(expected: TrackingNumber) -> None:
    assert scanned(expected.number) == expected
    assert tracking_number_from_text(expected.number) == expected


@pytest.mark.parametrize("number", UPS_SAMPLES)
def test_a_ups_barcode_sent_with_its_code_128_identifier_is_recognized(number: str) -> None:
    assert scanned(f"]C0{number}") == ups(number)


@pytest.mark.parametrize("expected", SAMPLES, ids=lambda sample: sample.number)
def test_a_wrong_check_digit_is_not_a_tracking_number(expected: TrackingNumber) -> None:
    number = expected.number
    position = len(number) - (3 if number.endswith("US") else 1)  # an S10 number ends in its country
    one_off = number[:position] + str((int(number[position]) + 1) % 10) + number[position + 1 :]
    assert scanned(one_off) is None
    assert tracking_number_from_text(one_off) is None


@pytest.mark.parametrize(
    "number",
    ["1Z1111111111111111", "996578788855", "568283610012732", "9400100000000000000000", "RB123456786US"],
)
def test_numbers_published_as_invalid_are_refused(number: str) -> None:
    assert tracking_number_from_text(number) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9611020987654312345672", fedex("987654312345672")),
        ("]C19611020987654312345672", fedex("987654312345672")),
        ("9612804882227378545377", fedex("882227378545377")),
        ("1071804952390002087800925989385163", fedex("925989385163")),
        ("1001921334250001000300779017972697", fedex("779017972697")),
        ("9622001560001234567100794808390594", fedex("794808390594")),
        ("]C19622001900000000000000776632517510", fedex("776632517510")),
    ],
)
def test_fedex_label_barcodes_give_the_tracking_number_they_carry(raw: str, expected: TrackingNumber) -> None:
    assert scanned(raw) == expected


def test_a_fedex_34_digit_barcode_must_carry_a_valid_number() -> None:
    assert scanned("1071804952390002087800925989385164") is None  # check digit
    assert scanned("1071804952390002087810925989385163") is None  # no "00" before the number


# A 5-digit ZIP and a ZIP+4 (100233424, 102820000) as tracking_number_data's USPS labels carry them.
ZIP5_LABEL = ("22153", "9101026837331000039521")
ZIP9_LABELS = [("100233424", "9200190132607600833457"), ("102820000", "9261290113185417468510")]


@pytest.mark.parametrize(("zip_code", "number"), [ZIP5_LABEL, *ZIP9_LABELS])
@pytest.mark.parametrize(
    "sent",
    [
        lambda zip_code, number: f"]C1420{zip_code}{GS}{number}",  # GS1-128: identifier, FNC1 as GS
        lambda zip_code, number: f"420{zip_code}{GS}{number}",  # FNC1 as GS, no symbology identifier
        lambda zip_code, number: f"(420){zip_code}({number[:2]}){number[2:]}",  # the human-readable form
        lambda zip_code, number: f"420{zip_code}{number}",  # bare digits: the ZIP Code's end is not marked
        lambda zip_code, number: f"]C0420{zip_code}{number}",  # sent as plain Code 128
    ],
    ids=["gs1-128", "gs-only", "human-readable", "bare-digits", "code-128"],
)
def test_usps_labels_lose_their_routing_zip_however_the_scanner_sends_them(
    sent: Callable[[str, str], str], zip_code: str, number: str
) -> None:
    assert scanned(sent(zip_code, number)) == usps(number)


def test_bare_routing_digits_reach_the_tracking_module_as_text() -> None:
    zip_code, number = ZIP5_LABEL
    assert parse_scan(f"420{zip_code}{number}").kind is ScanKind.TEXT
    assert parse_scan(f"]C1420{zip_code}{GS}{number}").elements == (("420", zip_code), (number[:2], number[2:]))


def test_typed_routing_digits_lose_the_zip_too() -> None:
    assert tracking_number_from_text("420 22153 9101 0268 3733 1000 0395 21") == usps("9101026837331000039521")


def test_when_both_zip_lengths_leave_a_valid_number_the_common_22_digit_one_wins() -> None:
    # ZIP+4 12345-9300: a 5-digit ZIP would leave 9300 9400…, a valid 26-digit number as well.
    raw = "420123459300" + "9400111201080805483016"
    assert tracking_number_from_text("93009400111201080805483016") is not None
    assert scanned(raw) == usps("9400111201080805483016")


@pytest.mark.parametrize(
    "raw",
    [
        "]C142022153",  # the routing barcode alone, as UPS and FedEx labels also carry it
        "]C142022153" + GS + "9101026837331000039522",  # wrong check digit
        "]C142022153" + GS + "9901026837331000039521",  # AI 99 is not a USPS channel
        "]C142022153" + GS + "9101026837331000039521" + GS + "10AB",  # more than routing and number
        "42022153" + "9101026837331000039522",
    ],
)
def test_usps_routing_without_a_valid_number_is_no_tracking_number(raw: str) -> None:
    assert scanned(raw) is None


@pytest.mark.parametrize(
    ("number", "display"),
    [
        (ups("1Z999AA10123456784"), "1Z 999 AA1 01 2345 6784"),
        (fedex("012345678983"), "0123 4567 8983"),
        (fedex("041441760228964"), "0414 4176 0228 964"),
        (usps("9400111201080805483016"), "9400 1112 0108 0805 4830 16"),
        (usps("92748931507708513018050063"), "9274 8931 5077 0851 3018 0500 63"),
        (usps("EA473124829US"), "EA 473 124 829 US"),
    ],
)
def test_numbers_are_displayed_grouped_as_printed_on_labels(number: TrackingNumber, display: str) -> None:
    assert number.display == display


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1z 999 aa1 01 2345 6784", ups("1Z999AA10123456784")),
        (" 9400 1112 0108 0805 4830 16 ", usps("9400111201080805483016")),
        ("0123-4567-8983", fedex("012345678983")),
        ("ea 473 124 829 us", usps("EA473124829US")),
    ],
)
def test_typed_numbers_may_have_spaces_dashes_and_lower_case(typed: str, expected: TrackingNumber) -> None:
    assert tracking_number_from_text(typed) == expected


def test_typed_text_is_normalized_to_the_stored_form() -> None:
    assert normalized_tracking_text(" 1z 999-aa1\t01 ") == "1Z999AA101"


@pytest.mark.parametrize("raw", ["012345678905", "]E00012345678905", "4006381333931", "09501101530003"])
def test_a_product_barcode_is_not_a_tracking_number(raw: str) -> None:
    assert parse_scan(raw).kind is ScanKind.GTIN
    assert scanned(raw) is None


def test_twelve_digits_valid_as_both_upc_and_fedex_are_a_product_when_scanned_and_fedex_when_typed() -> None:
    assert parse_scan("123456789012").kind is ScanKind.GTIN
    assert scanned("123456789012") is None
    assert tracking_number_from_text("123456789012") == fedex("123456789012")


def test_twelve_digits_that_fail_the_upc_check_and_pass_fedex_are_fedex() -> None:
    assert parse_scan("012345678983").kind is ScanKind.TEXT
    assert scanned("012345678983") == fedex("012345678983")


@pytest.mark.parametrize(
    "raw",
    [
        "RMA-100004",
        "4IJ-000001",
        "RMA-2026-00042",
        "TN-660",
        "(01)09501101530003(10)AB-12",  # a GS1 product label
        "AA473124829GB",  # an S10 number of another country's post
        "1Z999AA1012345678",  # one character short
    ],
)
def test_rma_numbers_skus_and_other_labels_are_not_tracking_numbers(raw: str) -> None:
    assert scanned(raw) is None
    assert tracking_number_from_text(raw) is None


# --- a misread digit --------------------------------------------------------------------------

# The GS1 mod 10 forms catch every single wrong digit (weights 3 and 1 are prime to 10); UPS's
# weights 1 and 2 and the mod 11 forms do not, so they are left out here.
MOD10_FORMS = [("91", 20), ("94", 22), ("92", 26), ("93", 30), ("95", 34), ("", 15)]


@st.composite
def mod10_numbers(draw: st.DrawFn) -> str:
    prefix, length = draw(st.sampled_from(MOD10_FORMS))
    body = prefix + draw(st.text("0123456789", min_size=length - len(prefix) - 1, max_size=length - len(prefix) - 1))
    return body + str(gs1_check_digit(body))


@given(number=mod10_numbers(), position=st.integers(min_value=0), shift=st.integers(min_value=1, max_value=9))
def test_a_usps_or_fedex_ground_number_with_one_digit_changed_is_refused(
    number: str, position: int, shift: int
) -> None:
    original = tracking_number_from_text(number)
    assert original is not None and original.number == number
    position %= len(number)
    changed = number[:position] + str((int(number[position]) + shift) % 10) + number[position + 1 :]
    misread = tracking_number_from_text(changed)
    # "94…" misread as "96…" is FedEx's 22-digit Ground barcode, which checks only its last 15 digits.
    assert misread is None or misread.carrier is not original.carrier


@pytest.mark.parametrize("number", USPS_SAMPLES + FEDEX_GROUND_SAMPLES)
def test_no_single_wrong_digit_of_a_published_mod10_number_is_read_as_that_carriers(number: str) -> None:
    carrier = Carrier.USPS if number.startswith("9") else Carrier.FEDEX
    for position in range(len(number)):
        for digit in "0123456789".replace(number[position], ""):
            misread = tracking_number_from_text(number[:position] + digit + number[position + 1 :])
            assert misread is None or misread.carrier is not carrier


def test_a_usps_label_whose_scanner_drops_the_separator_after_the_zip_code_is_still_read() -> None:
    number = "9101026837331000039521"
    scan = parse_scan(f"]C142022153{number}")
    assert scan.kind is ScanKind.TEXT
    assert tracking_number_in(scan) == usps(number)
