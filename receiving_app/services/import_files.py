"""Reading an import file's bytes into rows of station columns, each with its spreadsheet row number.

The file may be UTF-8 (with or without a byte order mark) or UTF-16 with one, as spreadsheets save
"Unicode text"; its delimiter is a comma, a semicolon or a tab, whichever its heading row uses most.
Headings are matched to station columns by a mapping (import_mappings). Row numbers are a spreadsheet's:
the heading row is row 1, a blank line is a row too, and a quoted cell spanning lines stays one row.
The file, its rows and its cells are bounded before any value is checked.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from receiving_app.domain.errors import InputError
from receiving_app.domain.limits import MAX_CSV_CELL, MAX_CSV_COLUMNS, MAX_CSV_ROW, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS
from receiving_app.services.import_mappings import KindMapping

NumberedRow = tuple[int, dict[str, str]]  # the spreadsheet row number, and the row's cells by station column
ROW_ERROR = "__error__"  # the one key of a row too big to check, saying why

# The cells that belong to one line of an RMA rather than to the RMA, its order or its customer.
LINE_COLUMNS = frozenset({"line", "sku", "quantity", "unit_price", "reason", "customer_choice"})

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}

# Columns a file may leave out: each has a default or may be empty.
OPTIONAL_COLUMNS = frozenset(
    {
        "oem_part_number",
        "upc",
        "make",
        "weight_tolerance_g",
        "sealed_min_g",
        "sealed_max_g",
        "return_label_cost",
        "shipped_on",
        "delivered_on",
        "shipping_paid",
        "customer_email",
        "customer_phone",
        "customer_address",
        "card_last4",
        "line",
        "customer_choice",
        "tracking_numbers",
    }
)


@dataclass(frozen=True)
class ImportTable:
    """A file's rows by station column, its delimiter, and which heading feeds each station column."""

    rows: list[NumberedRow]
    delimiter: str
    headings: dict[str, str]

    @property
    def decimal_comma(self) -> bool:
        # A file whose cells are parted by semicolons was saved where the comma is the decimal mark.
        return self.delimiter == ";"


def read_rows(path: Path, columns: tuple[str, ...], mapping: KindMapping | None = None) -> ImportTable:
    # One byte past the limit is enough to know the file is too large: never read a whole huge file.
    try:
        with path.open("rb") as file:
            content = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if len(content) > MAX_IMPORT_BYTES:
        raise InputError(f"{path.name} is larger than {MAX_IMPORT_BYTES // 2**20} MiB: split it into smaller files")
    return parse_rows(content, path.name, columns, mapping)


def parse_rows(
    content: bytes, file_name: str, columns: tuple[str, ...], mapping: KindMapping | None = None
) -> ImportTable:
    """The rows of one file's bytes, each with its row number; a row too big to check is marked with why."""
    mapping = mapping or KindMapping()
    text = _text(content, file_name)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    row_number = 0  # the row being read, for the csv module's own refusals
    try:
        file_headings = next(reader, [])
        row_number = 1
        feeds = _feeds(file_headings, file_name, columns, mapping)
        constants = {column: value for column, value in mapping.constants.items() if column not in feeds}
        rows: list[NumberedRow] = []
        for cells in reader:
            row_number += 1
            if not cells:
                continue  # a blank line, as a spreadsheet leaves at the end
            if len(rows) == MAX_IMPORT_ROWS:
                raise InputError(f"{file_name} has more than {MAX_IMPORT_ROWS} rows: split it into smaller files")
            rows.append((row_number, _row(file_headings, feeds, cells) | constants))
    except csv.Error as error:  # only a cell of over 128 KiB gets past the csv module's own checks
        raise InputError(f"{file_name}: row {row_number + 1}: {error}") from None
    if not rows:
        raise InputError(f"{file_name}: has a heading row but no rows")
    if mapping.fill_down_by is not None:
        _fill_down(rows, mapping.fill_down_by, columns)
    if "line" in columns and "line" not in feeds and "line" not in constants:
        _number_lines(rows)
    headings = {column: file_headings[index] for column, index in feeds.items()}
    return ImportTable(rows, delimiter, headings)


def _text(content: bytes, file_name: str) -> str:
    try:
        if content.startswith((b"\xff\xfe", b"\xfe\xff")):
            return content.decode("utf-16")
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{file_name} is not UTF-8 text (save it as UTF-8 CSV)") from None


def _delimiter(text: str) -> str:
    heading_row = text.split("\n", 1)[0]
    counts = {delimiter: heading_row.count(delimiter) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter])  # the first of equals: a comma


def _feeds(headings: list[str], file_name: str, columns: tuple[str, ...], mapping: KindMapping) -> dict[str, int]:
    """The position of the heading that feeds each station column. A heading the mapping names wins over
    one the station recognizes; of equals, the first."""
    if len(headings) > MAX_CSV_COLUMNS:
        raise InputError(
            f"{file_name}: row 1: {len(headings)} columns, more than the {MAX_CSV_COLUMNS} a file may have"
        )
    chosen: dict[str, tuple[bool, int]] = {}
    for position, heading in enumerate(headings):
        targets, named = mapping.station_columns(heading.strip(), columns)
        for column in targets:
            if column not in chosen or (named and not chosen[column][0]):
                chosen[column] = (named, position)
    feeds = {column: position for column, (_, position) in chosen.items()}
    missing = [
        column
        for column in columns
        if column not in feeds and column not in OPTIONAL_COLUMNS and column not in mapping.constants
    ]
    if missing:
        raise InputError(
            f"{file_name}: row 1: missing column(s) {', '.join(missing)}: no heading names them "
            "(docs/imports.md lists each column and the headings taken for it)"
        )
    return feeds


def _row(headings: list[str], feeds: dict[str, int], cells: list[str]) -> dict[str, str]:
    """The row's cells by station column (missing cells empty), or only ``ROW_ERROR`` saying why it cannot
    be checked. Every cell is bounded, those of columns the station does not use too."""
    if len(cells) > len(headings):
        return {ROW_ERROR: "has more cells than the heading row"}
    if sum(map(len, cells)) > MAX_CSV_ROW:
        return {ROW_ERROR: f"is longer than {MAX_CSV_ROW} characters"}
    for heading, cell in zip(headings, cells, strict=False):
        named = heading.strip() or "a column without a name"
        if len(cell) > MAX_CSV_CELL:
            return {ROW_ERROR: f"{named} is longer than {MAX_CSV_CELL} characters"}
        if "\x00" in cell:
            return {ROW_ERROR: f"{named} holds a NUL character"}
    return {column: cells[position].strip() if position < len(cells) else "" for column, position in feeds.items()}


def _fill_down(rows: list[NumberedRow], key: str, columns: tuple[str, ...]) -> None:
    """Each row of a group (rows one after another with the same ``key``) takes its empty shared cells from
    the row above; a line's own cells (its SKU, quantity, price, reason) are never copied."""
    shared = [column for column in columns if column not in LINE_COLUMNS]
    above: dict[str, str] = {}
    for _, row in rows:
        if ROW_ERROR in row:
            continue
        if row.get(key) and row.get(key) == above.get(key):
            row.update({column: above[column] for column in shared if not row.get(column) and above.get(column)})
        above = row


def _number_lines(rows: list[NumberedRow]) -> None:
    """A file without line numbers numbers each RMA's lines in the order of its rows."""
    seen: Counter[str] = Counter()
    for _, row in rows:
        if ROW_ERROR not in row:
            number = row.get("rma_number", "").upper()
            seen[number] += 1
            row["line"] = str(seen[number])
