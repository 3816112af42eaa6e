"""Which column of an import file feeds which station column: common spellings of the headings, and the
saved mappings of the sources people export from (``resources/mappings/*.toml``), checked when loaded.

A heading is compared by its letters and digits only, case aside: "Unit Price", "unit-price" and
"UNIT_PRICE" are all ``unit_price``. A mapping's headings are tried first, then the station's own
column names, then the synonyms below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import Category, CustomerChoice, PaymentMethod, ReturnReason
from receiving_app.domain.routing import Make
from receiving_app.locations import resources_dir
from receiving_app.persistence.toml_files import read_toml

IMPORT_KINDS = ("catalog", "rmas")

# Headings that common exports use for a station column, beyond the column's own name.
SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "sku": ("Variant SKU", "Lineitem sku", "Line Item SKU", "Item SKU", "Product SKU", "Item Number", "Item No."),
    "oem_part_number": ("OEM Part Number", "OEM", "Manufacturer Part Number", "MPN", "Part Number"),
    "upc": ("Barcode", "Variant Barcode", "GTIN", "EAN", "UPC Code"),
    # "Make" was once taken as the brand; it now names the make column, where "make" means who made it.
    "brand": ("Vendor", "Manufacturer"),
    "description": ("Title", "Product Name", "Item Description", "Name"),
    "category": ("Type", "Product Type", "Item Category"),
    "make": ("Manufacturer Type", "OEM/Compatible"),
    "full_g": ("Full Weight", "Full Weight (g)", "Weight Full", "Full Grams"),
    "empty_g": ("Empty Weight", "Empty Weight (g)", "Weight Empty", "Empty Grams"),
    "weight_tolerance_g": ("Weight Tolerance", "Tolerance (g)"),
    "sealed_min_g": ("Sealed Min", "Sealed Minimum (g)"),
    "sealed_max_g": ("Sealed Max", "Sealed Maximum (g)"),
    "list_price": ("Price", "Variant Price", "Retail Price", "MSRP"),
    "rma_number": ("RMA", "RMA No.", "RMA #", "Return ID", "Return Number", "RA Number", "RGA Number"),
    "seller": ("Seller ID", "Store", "Shop"),
    "reported_on": ("Return Date", "Return Created", "Requested On", "RMA Date"),
    "return_label_cost": ("Label Cost", "Return Shipping Cost"),
    "order_number": ("Order Name", "Order Number", "Order No.", "Order #", "Order", "Sales Order"),
    "purchased_on": ("Order Date", "Purchase Date", "Purchased"),
    "shipped_on": ("Ship Date", "Shipped", "Fulfilled at"),
    "delivered_on": ("Delivery Date", "Delivered"),
    "shipping_paid": ("Shipping", "Shipping Charged", "Freight"),
    "payment_method": ("Payment", "Paid With", "Payment Type"),
    "customer_account": ("Customer ID", "Customer Number", "Customer No.", "Account Number", "Account"),
    "customer_name": ("Customer", "Customer Full Name", "Billing Name", "Ship To Name"),
    "customer_email": ("Email", "E-mail", "Customer E-mail"),
    "customer_phone": ("Phone", "Telephone", "Billing Phone"),
    "customer_address": ("Address", "Billing Address", "Ship To Address"),
    "card_last4": ("Card Last 4", "Last 4", "Card Last Four"),
    "line": ("Line No.", "Line Number", "Line #"),
    "quantity": ("Qty", "Quantity Returned", "Return Quantity", "Lineitem quantity"),
    "unit_price": ("Price Each", "Lineitem price", "Line Item Price", "Item Price"),
    "reason": ("Return Reason", "Reason Code", "Return Reason Code"),
    "customer_choice": ("Outcome", "Resolution", "Requested Outcome", "Return Type"),
    "tracking_numbers": (
        "Tracking Number",
        "Tracking No.",
        "Tracking #",
        "Return Tracking Number",
        "Return Tracking",
        "Tracking",
    ),
}

# The columns that take one of the station's words, and those words.
CHOICES: Mapping[str, tuple[str, ...]] = {
    column: tuple(str(member.value) for member in words)
    for column, words in (
        ("category", Category),
        ("make", Make),
        ("payment_method", PaymentMethod),
        ("reason", ReturnReason),
        ("customer_choice", CustomerChoice),
    )
}

_NOT_A_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


class MappingError(InputError):
    """A mapping file that cannot be used, naming the file and the key."""

    def __init__(self, source: str, key: str, problem: str) -> None:
        super().__init__(f"mapping {source}: {key}: {problem}")


def normalized(text: str) -> str:
    """A heading or a value as compared: its letters and digits, case aside."""
    return _NOT_A_LETTER_OR_DIGIT.sub("", text).casefold()


@dataclass(frozen=True)
class KindMapping:
    """How one kind of file from one source is read: each (normalized) heading's station columns, and
    values set for every row where the file has no column for them."""

    headings: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    constants: Mapping[str, str] = field(default_factory=dict)
    # A station column whose value groups rows, of which only the first carries the shared cells (as
    # Shopify writes an order's details on its first line item only): the others take them from above.
    fill_down_by: str | None = None

    def station_columns(self, heading: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], bool]:
        """The station columns a file's heading feeds (none for a heading the station does not use), and
        whether the mapping named them (rather than the station recognizing the heading)."""
        mapped = self.headings.get(normalized(heading))
        return (mapped, True) if mapped is not None else (recognized_column(heading, columns), False)


@dataclass(frozen=True)
class ColumnMapping:
    """One source's mapping: by kind of import, and the source's words for a column's values (normalized)
    with the station's word for each, by station column."""

    name: str
    source: str
    kinds: Mapping[str, KindMapping]
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


def recognized_column(heading: str, columns: tuple[str, ...]) -> tuple[str, ...]:
    """The station column a heading names, by the column's own name or a common synonym."""
    key = normalized(heading)
    for column in columns:
        if key == normalized(column) or key in (normalized(synonym) for synonym in SYNONYMS.get(column, ())):
            return (column,)
    return ()


HEADINGS_ONLY = ColumnMapping("(headings only)", "", {kind: KindMapping() for kind in IMPORT_KINDS})


def mappings_dir() -> Path:
    return resources_dir() / "mappings"


def shipped_mapping_names() -> list[str]:
    return sorted(path.stem for path in mappings_dir().glob("*.toml"))


def load_mapping(name: str, kind: str, columns: tuple[str, ...]) -> ColumnMapping:
    """The shipped mapping ``name`` (or a ``.toml`` file's path), checked to serve ``kind``."""
    path = Path(name) if name.endswith(".toml") else mappings_dir() / f"{name}.toml"
    if not path.is_file():
        known = ", ".join(shipped_mapping_names())
        raise InputError(f"no mapping {name!r}: the station ships {known}, or name a .toml file")
    mapping = mapping_from_file(path, columns)
    if kind not in mapping.kinds:
        raise MappingError(path.name, "kinds", f"serves {', '.join(mapping.kinds)} files, not {kind}")
    return mapping


def mapping_from_file(path: Path, columns: tuple[str, ...]) -> ColumnMapping:
    """The mapping in ``path``; ``columns`` are every station column of every kind it may name."""
    source = path.name
    data, _text = read_toml(path, MappingError)
    unknown = sorted(set(data) - {"source", "kinds", "columns", "constants", "values", "fill_down"})
    if unknown:
        raise MappingError(source, unknown[0], "is not a key of a mapping file")
    described = data.get("source")
    if not isinstance(described, str) or not described.strip():
        raise MappingError(source, "source", "must say which export the file follows")
    kinds = data.get("kinds")
    if not isinstance(kinds, list) or not kinds or any(kind not in IMPORT_KINDS for kind in kinds):
        raise MappingError(source, "kinds", f"must be a list of {' and '.join(IMPORT_KINDS)}")
    return ColumnMapping(
        name=path.stem,
        source=described.strip(),
        kinds={
            kind: KindMapping(
                _headings(source, data, kind, columns),
                _constants(source, data, kind, columns),
                _fill_down_by(source, data, kind, columns),
            )
            for kind in kinds
        },
        values=_value_words(source, data.get("values", {}), columns),
    )


def _table(source: str, value: object, key: str) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise MappingError(source, key, "must be a table")
    return value


def _station_column(source: str, key: str, column: object, columns: tuple[str, ...]) -> str:
    if not isinstance(column, str) or column not in columns:
        raise MappingError(source, key, f"{column!r} is not a station column (see docs/imports.md)")
    return column


def _headings(
    source: str, data: Mapping[str, object], kind: str, columns: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    table = _table(source, _table(source, data.get("columns", {}), "columns").get(kind, {}), f"columns.{kind}")
    headings: dict[str, tuple[str, ...]] = {}
    for heading, target in table.items():
        key = f'columns.{kind}."{heading}"'
        targets = target if isinstance(target, list) else [target]  # an empty list: a heading to leave unread
        if not normalized(heading):
            raise MappingError(source, key, "needs a heading with letters or digits")
        headings[normalized(heading)] = tuple(_station_column(source, key, column, columns) for column in targets)
    return headings


def _constants(source: str, data: Mapping[str, object], kind: str, columns: tuple[str, ...]) -> dict[str, str]:
    table = _table(source, _table(source, data.get("constants", {}), "constants").get(kind, {}), f"constants.{kind}")
    constants = {}
    for column, value in table.items():
        key = f"constants.{kind}.{column}"
        if not isinstance(value, str):
            raise MappingError(source, key, "must be text")
        constants[_station_column(source, key, column, columns)] = value
    return constants


def _fill_down_by(source: str, data: Mapping[str, object], kind: str, columns: tuple[str, ...]) -> str | None:
    column = _table(source, data.get("fill_down", {}), "fill_down").get(kind)
    return None if column is None else _station_column(source, f"fill_down.{kind}", column, columns)


def _value_words(source: str, values: object, columns: tuple[str, ...]) -> dict[str, dict[str, str]]:
    words: dict[str, dict[str, str]] = {}
    for column, table in _table(source, values, "values").items():
        if _station_column(source, f"values.{column}", column, columns) not in CHOICES:
            raise MappingError(source, f"values.{column}", f"only {', '.join(CHOICES)} take the station's words")
        spelled = words.setdefault(column, {})
        for word, meaning in _table(source, table, f"values.{column}").items():
            if not isinstance(meaning, str) or meaning not in CHOICES[column]:
                raise MappingError(
                    source, f'values.{column}."{word}"', f"must be one of {', '.join(CHOICES[column])}, not {meaning!r}"
                )
            spelled[normalized(word)] = meaning
    return words
