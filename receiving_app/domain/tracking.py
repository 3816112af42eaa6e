"""A carrier's tracking number in a parcel label scan, for checking parcels in at the dock.

Each parcel's label is scanned once: either the RMA barcode the customer printed or the carrier's
own barcode. This module says whether a scan (or a number a clerk typed) is a UPS, FedEx or USPS
tracking number, and gives it in one canonical form (upper case, no spaces, no routing prefix) to
store and look up. A number whose check digit is wrong is not a tracking number: nothing is guessed,
and the caller goes on to try the RMA number or records an unidentified parcel.

What is recognized, each with its check digit verified:
- UPS: "1Z", 6 characters of shipper account, 2 of service, 7 of package, a check digit. The check
  digit is UPS's modified mod 10 over the 15 characters after "1Z", letters counted as
  (code point - 63) mod 10: A=2 … H=9, I=0, J=1 … Z=7.
- FedEx Express: 12 digits; the first 11 weighted 1, 3, 7, 1, 3, 7… from the right, the sum
  mod 11 is the check digit (10 counts as 0). The 34-digit barcode of a FedEx label (Express ones
  begin with 1, Ground ones with 96) ends in "00" and that 12-digit number, which is what it carries.
- FedEx Ground: 15 digits with the GS1 mod 10 check digit (FedEx Ground bar code and label layout
  specification); its older 22-digit "96" barcode carries it as its last 15 digits.
- USPS Intelligent Mail package barcode (IMpb): 20, 22, 26, 30 or 34 digits beginning 91 to 95, with
  the GS1 mod 10 check digit. On the label it follows the GS1 routing element (420) and the ship-to
  ZIP Code (5 or 9 digits), which is not part of the number. A scanner that sends the GS1 separators
  gives the two apart; one that sends bare digits gives "420" + ZIP + number, read with a 5-digit ZIP
  and with a ZIP+4, keeping the reading that leaves a valid number. Should both do so, the reading
  that leaves the common 22-digit number wins, else the 5-digit ZIP.
- USPS international and Priority Mail Express (UPU S10): 2 letters, 8 digits, a check digit, "US";
  the digits weighted 8, 6, 4, 2, 3, 5, 9, 7, the check digit 11 minus the sum mod 11 (10 counts
  as 0, 11 as 5).
Not recognized, for want of a reference to verify them by: FedEx SmartPost's 20-digit form (its
labels carry the 22-digit USPS number, which is recognized as USPS), FedEx's 32-digit legacy barcode,
and SSCC-18 labels (any shipper's, naming no carrier).

A product code and a FedEx Express number can be the same 12 digits: about one FedEx number in ten
also passes the UPC check. A scan that `parse_scan` read as a product code (its UPC or EAN check
digit holds) is a product, never a tracking number: a bare 12-digit barcode on a parcel is the UPC
on the box far more often than a FedEx number, which FedEx labels carry inside their 34-digit
barcode. Twelve digits that fail the UPC check and pass FedEx's are FedEx's. Typed text knows no
such doubt (the clerk typed it as a tracking number), so `tracking_number_from_text` takes twelve
digits that pass FedEx's check even when they also pass the UPC check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from itertools import cycle

from receiving_app.domain.scan import ScanKind, ScanValue, has_valid_check_digit


class Carrier(str, Enum):
    UPS = "ups"
    FEDEX = "fedex"
    USPS = "usps"

    @property
    def label(self) -> str:
        """The carrier's name as people write it."""
        return _CARRIER_LABELS[self]


_CARRIER_LABELS = {Carrier.UPS: "UPS", Carrier.FEDEX: "FedEx", Carrier.USPS: "USPS"}


@dataclass(frozen=True, slots=True)
class TrackingNumber:
    """A carrier's tracking number; ``number`` is the canonical form that is stored and looked up."""

    carrier: Carrier
    number: str

    @property
    def display(self) -> str:
        """The number grouped as the carrier prints it under the barcode."""
        number = self.number
        if _UPS_NUMBER.fullmatch(number):
            return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:10]} {number[10:14]} {number[14:]}"
        if _S10_NUMBER.fullmatch(number):
            return f"{number[:2]} {number[2:5]} {number[5:8]} {number[8:11]} {number[11:]}"
        return " ".join(number[start : start + 4] for start in range(0, len(number), 4))


_UPS_NUMBER = re.compile(r"1Z[0-9A-Z]{15}[0-9]")
_S10_NUMBER = re.compile(r"[A-Z]{2}[0-9]{9}US")
_TYPING_SEPARATORS = re.compile(r"[\s-]+")

_USPS_ROUTING_AI = "420"
_USPS_LENGTHS = (20, 22, 26, 30, 34)
_USPS_CHANNELS = ("91", "92", "93", "94", "95")
_ZIP_LENGTHS = (5, 9)  # the ship-to ZIP Code after "420": five digits, or ZIP+4
_COMMON_USPS_LENGTH = 22


# --- check digits ----------------------------------------------------------------------------


def _ups_check_holds(number: str) -> bool:
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in number[2:17]]
    total = sum(value * (2 if position % 2 else 1) for position, value in enumerate(values))
    return (10 - total % 10) % 10 == int(number[17])


def _fedex_express_check_holds(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(reversed(digits[:11]), cycle((1, 3, 7)), strict=False))
    return total % 11 % 10 == int(digits[11])


def _s10_check_holds(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[2:10], (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    check = 11 - total % 11
    return {10: 0, 11: 5}.get(check, check) == int(number[10])


# --- the formats -----------------------------------------------------------------------------


def _usps_number(digits: str) -> TrackingNumber | None:
    if len(digits) in _USPS_LENGTHS and digits[:2] in _USPS_CHANNELS and has_valid_check_digit(digits):
        return TrackingNumber(Carrier.USPS, digits)
    return None


def _usps_after_routing(digits: str) -> TrackingNumber | None:
    """ "420" + ZIP + IMpb number, scanned without the separator that ends the ZIP."""
    readings = [
        found
        for zip_length in _ZIP_LENGTHS
        if (found := _usps_number(digits[len(_USPS_ROUTING_AI) + zip_length :])) is not None
    ]
    common = [reading for reading in readings if len(reading.number) == _COMMON_USPS_LENGTH]
    if common:
        return common[0]
    return readings[0] if readings else None


def _fedex_number(digits: str) -> TrackingNumber | None:
    express = len(digits) == 12 and _fedex_express_check_holds(digits)
    ground = len(digits) == 15 and has_valid_check_digit(digits)
    if express or ground:
        return TrackingNumber(Carrier.FEDEX, digits)
    if len(digits) == 22 and digits.startswith("96") and has_valid_check_digit(digits[-15:]):
        return TrackingNumber(Carrier.FEDEX, digits[-15:])
    if (
        len(digits) == 34
        and digits.startswith(("1", "96"))
        and digits[-14:-12] == "00"
        and _fedex_express_check_holds(digits[-12:])
    ):
        return TrackingNumber(Carrier.FEDEX, digits[-12:])
    return None


def _recognized(text: str) -> TrackingNumber | None:
    """The tracking number ``text`` (normalized) is, whatever a product code would say."""
    if _UPS_NUMBER.fullmatch(text):
        return TrackingNumber(Carrier.UPS, text) if _ups_check_holds(text) else None
    if _S10_NUMBER.fullmatch(text):
        return TrackingNumber(Carrier.USPS, text) if _s10_check_holds(text) else None
    if not (text.isdigit() and text.isascii()):
        return None
    if text.startswith(_USPS_ROUTING_AI) and (routed := _usps_after_routing(text)) is not None:
        return routed
    return _usps_number(text) or _fedex_number(text)


def _in_gs1_elements(elements: tuple[tuple[str, str], ...]) -> TrackingNumber | None:
    """An IMpb read as GS1: (420) ZIP, then the number, which GS1 reads as a company AI 91 to 99."""
    if len(elements) == 2 and elements[0][0] == _USPS_ROUTING_AI:
        ai, data = elements[1]
        return _usps_number(ai + data) if ai.startswith("9") else None
    if len(elements) == 1 and elements[0][0].startswith("9"):
        ai, data = elements[0]
        return _recognized(ai + data)  # a USPS number without routing, or a FedEx "96" barcode
    return None


# --- the public answers ----------------------------------------------------------------------


def tracking_number_in(scan: ScanValue) -> TrackingNumber | None:
    """The tracking number a scan carries, None if it is not one (a product code never is one)."""
    if scan.kind is ScanKind.GTIN:
        return None
    if scan.kind is ScanKind.GS1:
        return _in_gs1_elements(scan.elements)
    return _recognized(normalized_tracking_text(scan.text))


def normalized_tracking_text(text: str) -> str:
    """Typed text as a tracking number is stored: without spaces or dashes, in upper case."""
    return _TYPING_SEPARATORS.sub("", text).upper()


def tracking_number_from_text(text: str) -> TrackingNumber | None:
    """The tracking number a clerk typed (spaces and dashes allowed), None if it is not one."""
    return _recognized(normalized_tracking_text(text))
