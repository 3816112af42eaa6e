"""The cartridge catalog: every item for the catalog page, and an admin's edit of one item.

An edit is checked by the same rules as a catalog CSV import (full weight above empty, a UPC with
a valid check digit and no other owner, a price in whole cents), but every field's problem is
reported at once, keyed by field, so the editor can show each beside its box. Each saved edit is
an audit event naming what changed from what to what.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.errors import InputError
from receiving_app.domain.inspection import WeightLimits, default_tolerance_g
from receiving_app.domain.limits import MAX_GRAMS, WEIGHT_PLACES, OutOfBounds, decimal_within, money_within
from receiving_app.domain.money import Money
from receiving_app.domain.scan import has_valid_check_digit
from receiving_app.persistence.catalog_tables import CatalogItemRow
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.errors import NotAllowed, NotFound

EDITING_ROLES = frozenset({"admin"})
UPC_LENGTHS = (8, 12, 13, 14)  # UPC-E/EAN-8, UPC-A, EAN-13, GTIN-14
MAX_DESCRIPTION = 200  # the column's width


def may_edit_catalog(role: str) -> bool:
    return role in EDITING_ROLES


@dataclass(frozen=True, slots=True)
class CatalogItemView:
    sku: str
    oem_part_number: str
    upc: str | None
    brand: str
    description: str
    category: str
    full_g: Decimal
    empty_g: Decimal
    list_price: Money
    weight_tolerance_g: Decimal
    sealed_min_g: Decimal | None = None
    sealed_max_g: Decimal | None = None
    make: str = "oem"  # oem, compatible or remanufactured: where a returned unit goes depends on it

    @property
    def plausible_g(self) -> tuple[Decimal, Decimal]:
        """The weights a unit of this SKU can have at the bench (the service refuses any other)."""
        limits = WeightLimits(self.sku, self.full_g, self.empty_g, self.weight_tolerance_g)
        return limits.lowest_g, limits.highest_g

    def as_json(self) -> dict[str, Any]:
        lowest, highest = self.plausible_g
        grams = _grams_json
        return {
            "sku": self.sku,
            "oem_part_number": self.oem_part_number,
            "upc": self.upc,
            "brand": self.brand,
            "description": self.description,
            "category": self.category,
            "make": self.make,
            "full_g": grams(self.full_g),
            "empty_g": grams(self.empty_g),
            "weight_tolerance_g": grams(self.weight_tolerance_g),
            "plausible_g": [grams(lowest), grams(highest)],
            "sealed_g": [grams(self.sealed_min_g), grams(self.sealed_max_g)] if self.sealed_min_g is not None else None,
            "list_price": str(self.list_price),
        }


@dataclass(frozen=True, slots=True)
class CatalogEdit:
    """An item's editable fields exactly as typed; ``check_edit`` turns them into values."""

    sku: str
    description: str
    upc: str  # empty: the item has no UPC
    full_g: str
    empty_g: str
    list_price: str


@dataclass(frozen=True, slots=True)
class CheckedEdit:
    sku: str
    description: str
    upc: str | None
    full_g: Decimal
    empty_g: Decimal
    list_price: Money


class CatalogEditRejected(InputError):
    """Nothing was saved; ``problems`` maps each wrong field to what is wrong with it."""

    def __init__(self, sku: str, problems: Mapping[str, str]) -> None:
        super().__init__(f"{sku or 'The item'} was not saved: " + "; ".join(problems.values()))
        self.problems = dict(problems)


def check_edit(edit: CatalogEdit) -> CheckedEdit:
    """The edit as values, or CatalogEditRejected naming every wrong field. Needs no database, so
    the editor can call it before sending anything; ``update_item`` calls it again regardless."""
    problems: dict[str, str] = {}
    description = edit.description.strip()
    if not description:
        problems["description"] = "The description is empty."
    elif len(description) > MAX_DESCRIPTION:
        problems["description"] = f"The description is longer than {MAX_DESCRIPTION} characters."
    upc = _upc(edit.upc.strip(), problems)
    full = _grams(edit.full_g, "full_g", "Full weight", problems)
    empty = _grams(edit.empty_g, "empty_g", "Empty weight", problems)
    if full is not None and empty is not None and full <= empty:
        problems["full_g"] = f"Full weight ({full} g) must be more than the empty weight ({empty} g)."
    price = _price(edit.list_price, problems)
    if problems or full is None or empty is None or price is None:  # a value is missing only beside its problem
        raise CatalogEditRejected(edit.sku, problems)
    return CheckedEdit(edit.sku.strip(), description, upc, full, empty, price)


def _upc(text: str, problems: dict[str, str]) -> str | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit() and len(text) in UPC_LENGTHS):
        problems["upc"] = f"UPC {text!r} must be 8, 12, 13 or 14 digits."
    elif not has_valid_check_digit(text):
        problems["upc"] = f"UPC {text} has a wrong check digit: check it against the box."
    return text


def _grams(text: str, key: str, label: str, problems: dict[str, str]) -> Decimal | None:
    # Checked as text before any Decimal is made: "1e99999999" would cost seconds and memory.
    text = text.strip().removesuffix("g").strip()
    try:
        return decimal_within(text, maximum=MAX_GRAMS, places=WEIGHT_PLACES, unit=" g")
    except OutOfBounds as problem:
        problems[key] = f"{label} must be a number of grams, zero or more, such as 815.0; it {problem}."
        return None


def _price(text: str, problems: dict[str, str]) -> Money | None:
    try:
        return money_within(text.strip().removeprefix("$").strip())
    except OutOfBounds as problem:
        problems["list_price"] = f"The list price (whole cents, such as 54.99) {problem}."
        return None


class CatalogService:
    def __init__(self, units: UnitOfWorkFactory) -> None:
        self._units = units

    def list_items(self) -> tuple[CatalogItemView, ...]:
        with self._units.read() as uow:
            return tuple(_view(row) for row in uow.records.catalog())

    def update_item(self, edit: CatalogEdit, *, user: str, station: str) -> CatalogItemView:
        """Save an admin's edit of one item; returns the item as saved."""
        checked = check_edit(edit)
        with self._units.write() as uow:
            person = uow.records.user(user)
            if person is None or not person.active or not may_edit_catalog(person.role):
                raise NotAllowed(f"{user} may not edit the catalog; an admin must.")
            row = uow.records.catalog_item(checked.sku)
            if row is None:
                raise NotFound(f"No catalog item has SKU {checked.sku}.")
            if checked.upc is not None:
                holder = uow.records.catalog_item_by_upc(checked.upc)
                if holder is not None and holder.sku != row.sku:
                    raise CatalogEditRejected(row.sku, {"upc": f"UPC {checked.upc} already belongs to {holder.sku}."})
            changes = {}
            for key in ("description", "upc", "full_g", "empty_g", "list_price"):
                before, after = getattr(row, key), getattr(checked, key)
                if before != after:
                    changes[key] = {"from": before, "to": after}
                    setattr(row, key, after)
            if "full_g" in changes or "empty_g" in changes:
                # New weights mean a new plausible range: the tolerance follows them by the station's rule.
                tolerance = default_tolerance_g(row.full_g, row.empty_g)
                if tolerance != row.weight_tolerance_g:
                    changes["weight_tolerance_g"] = {"from": row.weight_tolerance_g, "to": tolerance}
                    row.weight_tolerance_g = tolerance
            if changes:
                uow.record(AuditEvent("catalog_item_edited", user, station, None, {"sku": row.sku, "changes": changes}))
                uow.commit()
            return _view(row)


def _grams_json(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _view(row: CatalogItemRow) -> CatalogItemView:
    return CatalogItemView(
        sku=row.sku,
        oem_part_number=row.oem_part_number,
        upc=row.upc,
        brand=row.brand,
        description=row.description,
        category=row.category,
        full_g=row.full_g,
        empty_g=row.empty_g,
        list_price=row.list_price,
        weight_tolerance_g=row.weight_tolerance_g,
        sealed_min_g=row.sealed_min_g,
        sealed_max_g=row.sealed_max_g,
        make=row.make,
    )
