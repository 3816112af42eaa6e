"""Opening an RMA at the bench by its scan, and leaving it for another with lines still open.

A scan is an RMA's number, the carrier's tracking number of its return parcel, or the license plate of
one of its units. The scan arrives parsed
(``domain.scan.ScanValue``): the wedge or the scan field parsed it once, and it is not flattened to
text and parsed again here. Each step is recorded in the audit trail, refused scans too: a garbled
scan or an unknown number says who scanned what, and where.

A scan that opens nothing is answered with what it looked like: an RMA number that is not on file,
an SKU or a cartridge's barcode (named with its catalog product), a half-read product barcode, or
none of these, with the prefixes the sellers' RMA numbers start with. Those prefixes are read from
the RMAs on file, so that a seller's numbering is known from the day its RMAs are imported. The
license plate (or tracking number) of a return that came without an RMA is answered with that
unidentified return, which waits for the back office to match it.

An RMA opened at the bench whose parcel nobody checked in at the dock arrives when it is opened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.policy import Policy
from receiving_app.domain.scan import (
    ScanKind,
    ScanValue,
    looks_like_misread_product_code,
    looks_like_rma_number,
    number_prefix,
    prefixes_in_words,
    scanned_as,
)
from receiving_app.domain.tracking import TrackingNumber, tracking_number_in
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.parcel_tables import UnidentifiedReturnRow
from receiving_app.persistence.records import Records
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.check_in import bench_arrival
from receiving_app.services.disposition import LICENSE_PLATE_PREFIX
from receiving_app.services.line_matching import match_line
from receiving_app.services.mapping import check_in_weights, decision_view, rma_view
from receiving_app.services.rma_lines import installed_policy
from receiving_app.services.views import DecisionView, RmaView


class ScanProblem(InputError):
    """A scan that opened nothing: garbled, or no RMA has that number. Recorded, then shown."""


class UnidentifiedReturnScanned(ScanProblem):
    """The scan is the license plate (or tracking number) of a return that came without an RMA: it opens
    no RMA until the back office matches it. Not recorded as an unknown scan: the station knows it."""

    def __init__(self, scanned: str, row: UnidentifiedReturnRow, matched_rma: str | None = None) -> None:
        waits = {
            "open": "it waits to be matched by the back office",
            "matched": f"it became {matched_rma}: scan that RMA's label",
        }.get(row.status, "it was rejected")
        super().__init__(f"{scanned} is unidentified return {row.number} ({row.status}): {waits}.")
        self.number = row.number
        self.lpn = row.lpn
        self.status = row.status


class RmaOpeningService:
    def __init__(self, units: UnitOfWorkFactory, policies: Mapping[str, Policy]) -> None:
        self._units = units
        self._policies = policies

    def look_up_scan(
        self,
        scan: ScanValue,
        *,
        user: str,
        station: str,
        on_screen: str | None = None,
        mask_customer: bool = True,
    ) -> tuple[RmaView, tuple[DecisionView, ...]]:
        """The RMA a scan names and the decisions already made on its lines, for the bench to show.

        Read without the write lock, so that the RMA shows at once even while another station is
        recording; the bench then records the opening with ``record_opened``. A scan that names no
        RMA is recorded and raised as ScanProblem, saying what it looked like; ``on_screen`` is the
        number of the RMA the bench shows, which an SKU may have been meant for.
        """
        number = scan.text.upper()
        tracking = tracking_number_in(scan)
        with self._units.read() as uow:
            # A unit's license plate opens the RMA the unit came in on, a parcel's tracking number its RMA.
            # Only a plate's text is looked up as one: the lookup joins four tables, for every scan.
            named = uow.records.rma_number_of_license_plate(number) if number.startswith(LICENSE_PLATE_PREFIX) else None
            if named is None and tracking is not None:
                named = uow.records.rma_number_of_tracking_number(tracking.number)
            row = uow.records.rma(named or number)
            if row is not None:
                line_numbers = {line.id: line.line_no for line in row.lines}
                decided = uow.records.decisions_for_rma(row.id)
                decisions = tuple(decision_view(decision, line_numbers[decision.rma_line_id]) for decision in decided)
                units = uow.records.unit_states_of_lines(row.lines, decided)
                policy = installed_policy(self._policies, row.seller_id)
                view = rma_view(
                    row,
                    policy,
                    units,
                    mask_customer=mask_customer,
                    tracking_numbers=uow.records.tracking_numbers_of_rma(row.id),
                    check_in=check_in_weights(uow.records.check_in_weights_of_lines(list(line_numbers))),
                )
                return view, decisions
            unidentified = _unidentified_return(uow.records, number, tracking)
            if unidentified is not None:
                became = unidentified.matched_rma_id
                matched = uow.records.rma_numbers_by_id([became]).get(became) if became is not None else None
                raise UnidentifiedReturnScanned(
                    f"{tracking.carrier.label} {tracking.display}" if tracking else number, unidentified, matched
                )
            problem = _not_an_rma(uow.records, scan, on_screen, tracking)
        self._record(AuditEvent("scan_unknown_rma", user, station, None, {"scanned": number}))
        raise ScanProblem(problem)

    def answer_product_scan(self, scan: ScanValue, *, on_screen: RmaView | None) -> str:
        """What the bench says of a cartridge's barcode that picked no line of ``on_screen``: the
        catalog product it is, and what to do with it. Only read: a cartridge scanned is no event."""
        with self._units.read() as uow:
            product = _catalog_name(uow.records, scan.gtin or "")
        if on_screen is not None:
            return match_line(on_screen, scan, product=product).message
        if product is None:
            return f"{scanned_as(scan)} is not in the catalog: scan the parcel's RMA label first."
        return f"{scanned_as(scan)} is {product}: scan the parcel's RMA label first."

    def record_opened(self, number: str, *, user: str, station: str, scanned: ScanValue | None = None) -> None:
        """The audit event of an RMA shown by ``look_up_scan``, after its parcel's arrival "at the bench"
        when nobody checked it in at the dock, in one transaction; ``scanned`` is the scan that opened it
        (a tracking number is kept as the parcel's label; otherwise the RMA's number is)."""
        tracking = tracking_number_in(scanned) if scanned is not None else None
        with self._units.write() as uow:
            # The opening is the arrival's record: the parcel was in the clerk's hands when it was scanned.
            bench_arrival(uow, number, tracking, user=user, station=station, announce=False)
            uow.record(AuditEvent("rma_opened", user, station, number, _opened_payload(number, tracking)))
            uow.commit()

    def record_left(self, number: str, open_lines: Sequence[int], *, user: str, station: str) -> None:
        """The bench moved to another RMA while lines of this one were still open."""
        self._record(AuditEvent("rma_left_open", user, station, number, {"open_lines": list(open_lines)}))

    def record_refused_scan(self, problem: str, *, user: str, station: str) -> None:
        """A scan that could not be parsed: what was wrong with it, never the characters it held."""
        self._record(AuditEvent("scan_rejected", user, station, None, {"problem": problem}))

    def _record(self, event: AuditEvent) -> None:
        with self._units.write() as uow:
            uow.record(event)
            uow.commit()


def _opened_payload(number: str, tracking: TrackingNumber | None) -> dict[str, str]:
    if tracking is None:
        return {"scanned": number}
    return {"scanned": number, "tracking_number": tracking.number}


def _unidentified_return(
    records: Records, number: str, tracking: TrackingNumber | None
) -> UnidentifiedReturnRow | None:
    if tracking is not None:
        return records.open_unidentified_return_by_tracking_number(tracking.number)
    return records.unidentified_return_by_lpn(number)


def _not_an_rma(records: Records, scan: ScanValue, on_screen: str | None, tracking: TrackingNumber | None) -> str:
    """Why a scan opened no RMA, by what it looked like."""
    number = scan.text.upper()
    if tracking is not None:
        return (
            f"{tracking.carrier.label} {tracking.display} matches no RMA on file: "
            "check the parcel in and record it as an unidentified return."
        )
    prefixes = {number_prefix(latest) for latest in records.latest_rma_numbers()} - {""}
    if looks_like_rma_number(number, prefixes):
        return f"No RMA {number} is on file: check the number on the label."
    if looks_like_misread_product_code(number):
        return f"{number} looks like a product barcode read wrong (its check digit is off): scan it again."
    item = records.catalog_item(number)
    if item is not None and on_screen is not None:
        return f"SKU {item.sku} ({item.description}) is not on {on_screen}: set it aside and check the parcel."
    if item is not None:
        return f"{item.sku} is the SKU of {item.description}: scan the parcel's RMA label first."
    starts = (
        f" The sellers' RMA numbers start with {prefixes_in_words(prefixes)}."
        if prefixes
        else " No RMA is on file yet: the sellers' RMAs are to be imported first."
    )
    if on_screen is not None:
        return f"{scanned_as(scan)} is not an SKU on {on_screen}, nor an RMA number on file.{starts}"
    return f"{scanned_as(scan)} is neither an RMA number on file nor an SKU in the catalog.{starts}"


def _catalog_name(records: Records, gtin: str) -> str | None:
    """ "TN-660 Brother TN-660 high-yield black toner": the catalog item a 14-digit GTIN names."""
    item = catalog_item_of_gtin(records, gtin)
    return f"{item.sku} {item.description}" if item is not None else None


def catalog_item_of_gtin(records: Records, gtin: str) -> CatalogItemRow | None:
    """The catalog item a 14-digit GTIN names."""
    # The catalog keeps a code as printed under the bars (UPC-A 12 digits, EAN 13, EAN-8 8) or whole.
    for length in (12, 13, 8, 14):
        if len(gtin) == 14 and not gtin[: 14 - length].strip("0"):
            item = records.catalog_item_by_upc(gtin[14 - length :])
            if item is not None:
                return item
    return None


def catalog_item_of_scan(records: Records, scan: ScanValue) -> CatalogItemRow | None:
    """The catalog item a cartridge's scan names: by its barcode's GTIN, else by its SKU as read."""
    if scan.gtin is not None:
        return catalog_item_of_gtin(records, scan.gtin)
    if scan.kind is ScanKind.TEXT:
        return records.catalog_item(scan.text) or records.catalog_item(scan.text.upper())
    return None
