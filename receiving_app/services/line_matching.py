"""Which line of an open RMA a scanned cartridge is: by UPC/EAN/GTIN, or by the SKU typed or scanned.

Pure logic over the read-only views, so the window and the command line match a cartridge the
same way. A UPC-A and the EAN-13 or GTIN-14 of the same product compare equal because the scan
and the catalog are both brought to 14 digits.
"""

from __future__ import annotations

from dataclasses import dataclass

from receiving_app.domain.scan import ScanValue, scanned_as
from receiving_app.services.views import RmaLineView, RmaView

OPEN_LINE = "open"


@dataclass(frozen=True, slots=True)
class LineMatch:
    """The answer to "which line is this cartridge?".

    ``line`` is the line to work on (None when nothing fits); ``message`` says what happened in
    words for the clerk; ``product`` is true when the scan was a product code or an SKU of this
    RMA, false when it could be something else (an RMA number).
    """

    line: RmaLineView | None
    message: str
    product: bool


def _gtin(upc: str | None) -> str | None:
    digits = (upc or "").strip()
    return digits.zfill(14) if digits.isdigit() else None


def match_line(rma: RmaView, scan: ScanValue, *, product: str | None = None) -> LineMatch:
    """The first open line for the scanned product, else the reason there is none.

    ``product`` is the catalog's name for the scanned code where it is known: a cartridge that is
    not on the RMA is then named, so that the clerk can tell what was sent instead."""
    if scan.gtin is not None:
        candidates = [line for line in rma.lines if _gtin(line.upc) == scan.gtin]
        what = scanned_as(scan)
    else:
        wanted = scan.text.strip().upper()
        candidates = [line for line in rma.lines if line.sku.upper() == wanted]
        what = f"SKU {wanted}"
    if not candidates:
        named = f"{what} ({product})" if product else what
        return LineMatch(
            None, f"{named} is not on {rma.number}: set it aside and check the parcel.", scan.gtin is not None
        )
    open_line = next((line for line in candidates if line.status == OPEN_LINE), None)
    if open_line is not None:
        return LineMatch(open_line, f"Line {open_line.line}: {open_line.sku} — {open_line.description}", True)
    done = candidates[0]
    return LineMatch(
        None, f"Line {done.line} ({done.sku}) of {rma.number} is already {done.status.replace('_', ' ')}.", True
    )
