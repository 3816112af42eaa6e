"""An import file is bounded before its rows are checked (its size, rows, columns, cells, NUL), and every
row's values to what their columns can hold; each refusal names the line and the field."""

from __future__ import annotations

import csv
import re
import time

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.domain.limits import MAX_IMPORT_BYTES
from receiving_app.services import import_files
from receiving_app.services.import_files import parse_rows, read_rows
from receiving_app.services.import_rows import CATALOG_COLUMNS, RMA_COLUMNS, catalog_item, checked, rma_line

CATALOG_HEADER = ",".join(CATALOG_COLUMNS)
GOOD_ITEM = "TN-999,TN999,036000291452,Brother,Test toner,toner,800.0,600.0,49.99"
RMA_HEADER = ",".join(RMA_COLUMNS)


GOOD_RMA_ROW = (
    "RA0000401,image-pro-services,2026-03-09,0.00,SO-1,2026-03-02,2026-03-03,2026-03-06,7.95,card,C77,"
    "Dana Whitfield,d@example.com,555,1 Elm St|Springfield,4242,1,TN-660,1,54.99,defective,refund"
)


def rma_row(**cells: str) -> str:
    [good] = csv.reader([GOOD_RMA_ROW])
    return ",".join({**dict(zip(RMA_COLUMNS, good, strict=True)), **cells}.values())


def problems_of(text: str, columns=CATALOG_COLUMNS, check=catalog_item) -> list[str]:
    return checked(parse_rows(text.encode(), "file.csv", columns), check)[1]


def test_a_weight_of_1e999999999_is_refused_at_once_naming_its_line_and_field() -> None:
    started = time.perf_counter()
    problems = problems_of(f"{CATALOG_HEADER}\nTN-1,,,Brother,Toner,toner,1e999999999,600,49.99\n")
    assert time.perf_counter() - started < 0.1
    assert problems == ["row 2: full_g is not a number such as 12.5: '1e999999999'"]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("TN-1,,,Brother,Toner,toner,100000.5,600,49.99", "row 2: full_g must be at most 100000 g, not '100000.5'"),
        ("TN-1,,,Brother,Toner,toner,800,NaN,49.99", "row 2: empty_g is not a number"),
        ("TN-1,,,Brother,Toner,toner,800,600,1000000.01", "row 2: list_price must be at most 1000000.00"),
        (f"{'S' * 1000},,,Brother,Toner,toner,800,600,49.99", "row 2: sku is longer than 64 characters (1000)"),
        (f"TN-1,{'P' * 65},,Brother,Toner,toner,800,600,49.99", "row 2: oem_part_number is longer than 64"),
        (f"TN-1,,,Brother,{'D' * 201},toner,800,600,49.99", "row 2: description is longer than 200"),
        ("TN-1,,,Bro\x00ther,Toner,toner,800,600,49.99", "row 2: brand holds a NUL character"),
        ('TN-1,,,Brother,"Two\nlines",toner,800,600,49.99', "row 2: description holds the control character"),
        (f"TN-1,,,Brother,{'D' * 4097},toner,800,600,49.99", "row 2: description is longer than 4096 characters"),
    ],
)
def test_a_catalog_value_its_column_cannot_hold_is_named_with_its_line(row, problem) -> None:
    [found] = problems_of(f"{CATALOG_HEADER}\n{row}\n")
    assert found.startswith(problem), found


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ({"line": str(2**63)}, "row 2: line must be a whole number from 1 to 10000"),
        ({"quantity": "9" * 4000}, "row 2: quantity must be a whole number from 1 to 10000"),
        ({"quantity": "9" * 5000}, "row 2: quantity is longer than 4096 characters"),
        ({"quantity": "10001"}, "row 2: quantity must be a whole number from 1 to 10000"),
        ({"rma_number": "R" * 33}, "row 2: rma_number is longer than 32 characters"),
        ({"customer_phone": "5" * 41}, "row 2: customer_phone is longer than 40 characters"),
        ({"card_last4": "４２４２"}, "row 2: card_last4 must be exactly the last 4 digits"),
        ({"unit_price": "1e9"}, "row 2: unit_price is not a number"),
        ({"customer_name": "Dana\tWhitfield"}, "row 2: customer_name holds the control character"),
    ],
)
def test_an_rma_value_its_column_cannot_hold_is_named_with_its_line(cells, problem) -> None:
    [found] = problems_of(f"{RMA_HEADER}\n{rma_row(**cells)}\n", RMA_COLUMNS, rma_line)
    assert found.startswith(problem), found


def test_an_address_keeps_its_line_breaks() -> None:
    row = rma_row(customer_address='"1 Elm St|Springfield\nIL"')
    [(_, fields)] = checked(parse_rows(f"{RMA_HEADER}\n{row}\n".encode(), "f", RMA_COLUMNS), rma_line)[0]
    assert fields["customer_address"] == "1 Elm St\nSpringfield\nIL"


def test_an_rma_number_is_held_to_its_column_once_in_capitals() -> None:
    # "ß" is one letter, but "SS" in capitals: the stored number is the one measured.
    [found] = problems_of(f"{RMA_HEADER}\n{rma_row(rma_number='RA' + 'ß' * 16)}\n", RMA_COLUMNS, rma_line)
    assert found.startswith("row 2: rma_number is longer than 32 characters (34)")


def test_a_file_too_large_is_refused_without_being_read_whole(tmp_path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as file:
        file.truncate(MAX_IMPORT_BYTES + 1)
    with pytest.raises(InputError, match=re.escape("huge.csv is larger than 16 MiB")):
        read_rows(path, CATALOG_COLUMNS)


def test_a_file_with_too_many_rows_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(import_files, "MAX_IMPORT_ROWS", 3)
    with pytest.raises(InputError, match=re.escape("file.csv has more than 3 rows")):
        parse_rows(f"{CATALOG_HEADER}\n".encode() + f"{GOOD_ITEM}\n".encode() * 4, "file.csv", CATALOG_COLUMNS)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (",".join(f"c{n}" for n in range(65)) + "\nx\n", "row 1: 65 columns, more than the 64"),
        (f"{CATALOG_HEADER}\n{'x' * 200_000}\n", "row 2: field larger than field limit"),
        ("sku,\x00\nx\n", "missing column"),
    ],
)
def test_a_file_that_cannot_be_read_as_rows_is_refused_in_one_line(text, words) -> None:
    with pytest.raises(InputError, match=words) as refused:
        parse_rows(text.encode(), "file.csv", CATALOG_COLUMNS)
    assert len(str(refused.value).splitlines()) == 1


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            f"{GOOD_ITEM},{'x' * 4096},{'x' * 4096},{'x' * 4096},{'x' * 4096},x",
            "row 2: is longer than 16384 characters",
        ),
        (f"{GOOD_ITEM},a\x00b", "row 2: extra holds a NUL character"),
    ],
)
def test_a_row_too_long_or_with_a_nul_even_in_an_unused_column_is_named(row, problem) -> None:
    header = f"{CATALOG_HEADER},extra,more,still,yet,last"
    assert problems_of(f"{header}\n{row}\n") == [problem]
