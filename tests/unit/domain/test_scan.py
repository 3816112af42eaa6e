"""What a scan means: AIM identifiers stripped, GS1 labels read, product codes checked, garbage refused."""

from __future__ import annotations

import random
import string
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receiving_app.domain.errors import InputError
from receiving_app.domain.scan import ScanError, ScanKind, ScanValue, gs1_check_digit, parse_scan

TODAY = date(2026, 5, 1)
GS = "\x1d"
GTIN = "09501101530003"  # GS1's own example GTIN-14, check digit 3


def scan(raw: str) -> ScanValue:
    return parse_scan(raw, today=TODAY)


@pytest.mark.parametrize(
    ("body", "check"), [("0950110153000", 3), ("01234567890", 5), ("400638133393", 1), ("9638507", 4)]
)
def test_check_digits_follow_the_gs1_rule(body, check) -> None:
    assert gs1_check_digit(body) == check


@pytest.mark.parametrize(
    ("raw", "text", "symbology"),
    [
        ("RMA-2026-00042", "RMA-2026-00042", None),
        ("  RMA-2026-00042\r\n", "RMA-2026-00042", None),
        ("\x02RMA-2026-00042\x03", "RMA-2026-00042", None),
        ("]C0RMA-2026-00042", "RMA-2026-00042", "]C0"),
        ("]A0TN-660", "TN-660", "]A0"),
        ("]Q1 CM-000123 \n", "CM-000123", "]Q1"),
        ("12345", "12345", None),  # a short number: an SKU or an RMA number, not a product code
        ("012345678906", "012345678906", None),  # UPC-A length, wrong check digit, no symbology: typed text
    ],
)
def test_free_text_is_trimmed_and_loses_its_symbology_identifier(raw, text, symbology) -> None:
    assert scan(raw) == ScanValue(kind=ScanKind.TEXT, text=text, symbology=symbology)


@pytest.mark.parametrize(
    ("raw", "gtin", "symbology"),
    [
        ("012345678905", "00012345678905", None),  # UPC-A
        ("]E00012345678905", "00012345678905", "]E0"),  # the same product, sent as EAN-13
        ("4006381333931", "04006381333931", None),  # EAN-13
        ("]E496385074", "00000096385074", "]E4"),  # EAN-8
        ("]E3400638133393112", "04006381333931", "]E3"),  # EAN-13 with a 2-digit add-on
        (GTIN, GTIN, None),  # GTIN-14
    ],
)
def test_product_codes_are_checked_and_given_as_gtin_14(raw, gtin, symbology) -> None:
    value = scan(raw)
    assert (value.kind, value.gtin, value.symbology) == (ScanKind.GTIN, gtin, symbology)


def test_a_upc_and_its_ean_13_are_the_same_product() -> None:
    assert scan("012345678905").gtin == scan("]E00012345678905").gtin


def test_an_ean_scan_with_a_wrong_check_digit_is_a_misread() -> None:
    with pytest.raises(ScanError, match="did not read correctly"):
        scan("]E04006381333932")


@pytest.mark.parametrize(
    "raw",
    [
        f"]C101{GTIN}10AB-12{GS}21SN0001{GS}17271231",
        f"]C101{GTIN}17271231 10AB-12{GS}21SN0001".replace(" ", ""),
        f"{GS}01{GTIN}17271231 10AB-12{GS}21SN0001".replace(" ", ""),  # FNC1 sent as a leading GS
        f"]d201{GTIN}21SN0001{GS}10AB-12{GS}17271231",
        f"(01){GTIN}(17)271231(10)AB-12(21)SN0001",
        f"(01) {GTIN} (10) AB-12 (17) 271231 (21) SN0001",  # typed with spaces
    ],
)
def test_gs1_labels_give_gtin_batch_serial_and_expiry(raw) -> None:
    value = scan(raw)
    assert value.kind is ScanKind.GS1
    assert (value.gtin, value.batch, value.serial, value.expiry) == (GTIN, "AB-12", "SN0001", date(2027, 12, 31))
    assert set(value.elements) == {("01", GTIN), ("10", "AB-12"), ("21", "SN0001"), ("17", "271231")}


def test_a_gs1_label_from_a_scanner_that_sends_no_symbology_identifier_is_still_read() -> None:
    value = scan(f"01{GTIN}17271231")
    assert (value.kind, value.gtin, value.expiry) == (ScanKind.GS1, GTIN, date(2027, 12, 31))


def test_a_long_number_that_only_starts_like_a_gs1_label_is_text() -> None:
    assert scan(f"01{GTIN}8899").kind is ScanKind.TEXT


def test_gs1_text_is_the_human_readable_form_in_scan_order() -> None:
    value = scan(f"]C101{GTIN}10AB-12{GS}3103000812")
    assert value.text == f"(01){GTIN}(10)AB-12(3103)000812"
    assert value.elements == (("01", GTIN), ("10", "AB-12"), ("3103", "000812"))


@pytest.mark.parametrize(
    ("expiry", "meaning"),
    [
        ("271231", date(2027, 12, 31)),
        ("280200", date(2028, 2, 29)),  # day 00: the last day of the month (a leap year here)
        ("990101", date(1999, 1, 1)),  # more than 50 years ahead: the previous century
        ("760101", date(2076, 1, 1)),  # exactly 50 years ahead: still this century
    ],
)
def test_expiry_dates_follow_the_gs1_century_rule(expiry, meaning) -> None:
    assert scan(f"(01){GTIN}(17){expiry}").expiry == meaning


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "empty scan"),
        ("   \r\n", "empty scan"),
        ("]C0", "empty scan"),
        ("RMA\x07-42", "garbled scan: character 4"),
        ("RMA-42\x00X", "garbled scan"),
        ("RMA-\u00e942", "garbled scan"),  # a wrong keyboard layout
        ("R" * 251, "too long"),
        ("R" * 5000, "too long"),
        (f"]C101{GTIN[:-1]}4", "wrong check digit"),
        (f"]C101{GTIN[:8]}", "must have 14 digits, not 8"),
        (f"]C101{GTIN}10{'X' * 21}", "longer than 20"),
        (f"]C101{GTIN}10{GS}21SN1", r"\(10\) batch is empty"),
        (f"]C101{GTIN}17271331", "not a date"),
        (f"]C101{GTIN}17270230", "not a date"),
        (f"]C101{GTIN}1727AB31", "digits only"),
        (f"]C101{GTIN}10AB 12", "characters GS1 does not allow"),
        (f"]C101{GTIN}01{GTIN}", "appears twice"),
        (f"]C18899{GTIN}", "unknown application identifier"),
        (f"(01){GTIN}(89)X", "unknown application identifier"),
    ],
)
def test_unusable_scans_are_refused_with_a_message_the_clerk_can_act_on(raw, message) -> None:
    with pytest.raises(ScanError, match=message):
        scan(raw)


def test_scan_errors_are_input_errors() -> None:
    assert issubclass(ScanError, InputError)
    with pytest.raises(InputError):
        parse_scan(b"RMA-42")  # type: ignore[arg-type]


def test_without_a_fixed_day_the_century_is_judged_from_today() -> None:
    assert parse_scan(f"(01){GTIN}(17)271231").expiry == date(2027, 12, 31)


# --- fuzzing -------------------------------------------------------------------------------

LONG_RUN = 25_000  # under `slow`: 50 times the normal run, from a seeded generator

ai_parts = st.sampled_from(["01", "10", "17", "21", "3103", "00", "99", "(01)", "(10)", "(17)", "(", ")", GS])
scan_alphabet = st.sampled_from([*string.printable, GS, "\x00", "\x7f", "\u00e9", "]", "\u200b"])
pieces = st.one_of(ai_parts, st.text(scan_alphabet, max_size=6), st.just(GTIN), st.sampled_from(["]C1", "]E0", "]d2"]))
scans = st.one_of(st.text(max_size=60), st.lists(pieces, max_size=12).map("".join))


def check_scan(raw: str) -> None:
    try:
        value = scan(raw)
    except ScanError as error:
        assert str(error)
        return
    assert value.text and value.text == value.text.strip()
    assert all(" " <= character <= "~" for character in value.text)
    if value.gtin is not None:
        assert len(value.gtin) == 14 and gs1_check_digit(value.gtin[:-1]) == int(value.gtin[-1])
    if value.kind is ScanKind.TEXT:
        assert (value.gtin, value.batch, value.serial, value.expiry) == (None, None, None, None)


# Known AIs of every length and kind, plus a few that are not AIs at all.
gs1_ais = st.sampled_from(
    [
        "00",
        "01",
        "02",
        "10",
        "11",
        "17",
        "20",
        "21",
        "240",
        "30",
        "3103",
        "3922",
        "402",
        "414",
        "422",
        "7003",
        "8020",
        "90",
        "99",
        "9",
        "5",
        "",
    ]
)
gs1_data = st.one_of(
    st.just(GTIN),
    st.text(st.sampled_from("0123456789"), max_size=20),
    st.text(st.sampled_from(string.ascii_letters + string.digits + "-./_ %"), max_size=24),
)
gs1_elements = st.tuples(gs1_ais, gs1_data, st.sampled_from(["", GS, GS + GS]))
gs1_strings = st.tuples(
    st.sampled_from(["]C1", "]d2", "]Q3", "]e0", GS, ""]),
    st.lists(gs1_elements, min_size=1, max_size=6),
    st.booleans(),
).map(
    lambda drawn: (
        drawn[0] + "".join(f"({ai}){data}" if drawn[2] else ai + data + separator for ai, data, separator in drawn[1])
    )
)


@settings(max_examples=500, deadline=None)
@given(scans)
def test_fuzzed_scans_give_a_value_or_a_scan_error(raw) -> None:
    check_scan(raw)


@settings(max_examples=500, deadline=None)
@given(gs1_strings)
def test_fuzzed_gs1_strings_give_a_value_or_a_scan_error(raw) -> None:
    check_scan(raw)


def long_run_scans(seed: int) -> list[str]:
    """LONG_RUN scans of the shapes ``scans`` draws (any text, or pieces of codes run together), from a
    seeded generator: hypothesis spends ~2 ms drawing each, the parser microseconds checking it."""
    rng = random.Random(seed)
    alphabet = [*string.printable, GS, "\x00", "\x7f", "\u00e9", "]", "\u200b", "\ufffd", "\u0416", "\U0001f600"]
    pieces = [
        "01",
        "10",
        "17",
        "21",
        "3103",
        "00",
        "99",
        "(01)",
        "(10)",
        "(17)",
        "(",
        ")",
        GS,
        GTIN,
        "]C1",
        "]E0",
        "]d2",
    ]

    def text(size: int) -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, size)))

    return [
        text(60)
        if rng.random() < 0.5
        else "".join(rng.choice(pieces) if rng.random() < 0.6 else text(6) for _ in range(rng.randint(0, 12)))
        for _ in range(LONG_RUN)
    ]


def long_run_gs1_strings(seed: int) -> list[str]:
    """LONG_RUN GS1 element strings of the shapes ``gs1_strings`` draws, from a seeded generator."""
    rng = random.Random(seed)
    ais = ["00", "01", "02", "10", "11", "17", "20", "21", "240", "30", "3103", "3922", "402", "414", "422", "7003"]
    ais += ["8020", "90", "99", "9", "5", ""]
    letters = string.ascii_letters + string.digits + "-./_ %"

    def data() -> str:
        kind = rng.randrange(3)
        if kind == 0:
            return GTIN
        characters, longest = ("0123456789", 20) if kind == 1 else (letters, 24)
        return "".join(rng.choice(characters) for _ in range(rng.randint(0, longest)))

    def element(bracketed: bool) -> str:
        ai = rng.choice(ais)
        return f"({ai}){data()}" if bracketed else ai + data() + rng.choice(["", GS, GS + GS])

    scans = []
    for _ in range(LONG_RUN):
        bracketed = rng.random() < 0.5
        elements = "".join(element(bracketed) for _ in range(rng.randint(1, 6)))
        scans.append(rng.choice(["]C1", "]d2", "]Q3", "]e0", GS, ""]) + elements)
    return scans


@pytest.mark.slow
def test_fuzzed_scans_at_length() -> None:
    for raw in long_run_scans(seed=2026):
        check_scan(raw)


@pytest.mark.slow
def test_fuzzed_gs1_strings_at_length() -> None:
    for raw in long_run_gs1_strings(seed=2027):
        check_scan(raw)
