"""The spellings of real export files: headings matched whatever their case and punctuation, the delimiter
found, money, weights, dates and the station's words read as people write them, and each reading said;
every problem of a row named with its spreadsheet row; a mapping file checked when loaded."""

from __future__ import annotations

import re

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.services.import_files import parse_rows
from receiving_app.services.import_mappings import MappingError, load_mapping, mapping_from_file, shipped_mapping_names
from receiving_app.services.import_rows import (
    ALL_CATALOG_COLUMNS,
    CATALOG_COLUMNS,
    RMA_COLUMNS,
    catalog_item,
    checked,
    rma_line,
)
from receiving_app.services.import_spellings import ValueReading

ITEM = ["TN-1", "", "", "Brother", "Toner", "toner", "800", "600", "49.99"]


def read_catalog(text: str, reading: ValueReading | None = None):
    """The checked rows, the problems, and the spellings report of a catalog file's text."""
    table = parse_rows(text.encode("utf-8"), "file.csv", CATALOG_COLUMNS)
    reading = reading or ValueReading(decimal_comma=table.decimal_comma)
    good, problems = checked(table, catalog_item, reading)
    return good, problems, reading.report()


def one_item(header: list[str], cells: list[str], delimiter: str = ",") -> dict:
    good, problems, _ = read_catalog(delimiter.join(header) + "\n" + delimiter.join(cells) + "\n")
    assert problems == []
    [(_, item)] = good
    return item


@pytest.mark.parametrize("spelling", ["list_price", "List Price", "list-price", "LIST_PRICE", "List price:", "Price"])
def test_a_heading_is_matched_whatever_its_case_spaces_and_punctuation(spelling) -> None:
    header = [*CATALOG_COLUMNS[:-1], spelling]
    assert str(one_item(header, ITEM)["list_price"]) == "49.99"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_found_and_a_byte_order_mark_is_ignored(delimiter) -> None:
    text = "\ufeff" + delimiter.join(CATALOG_COLUMNS) + "\r\n" + delimiter.join(ITEM) + "\r\n"
    table = parse_rows(text.encode("utf-8"), "file.csv", CATALOG_COLUMNS)
    assert table.delimiter == delimiter and table.rows[0][1]["sku"] == "TN-1"


def test_a_file_missing_a_column_names_it_in_one_line() -> None:
    header = [column for column in CATALOG_COLUMNS if column != "brand"]
    with pytest.raises(InputError, match=re.escape("file.csv: row 1: missing column(s) brand")) as refused:
        parse_rows((";".join(header) + "\nx\n").encode(), "file.csv", CATALOG_COLUMNS)
    assert len(str(refused.value).splitlines()) == 1


@pytest.mark.parametrize(
    ("cell", "delimiter", "price"),
    [("$45.99", ",", "45.99"), ("45,99", ";", "45.99"), ('"1,234.50"', ",", "1234.50"), ("1.234,50", ";", "1234.50")],
)
def test_money_is_read_as_written(cell, delimiter, price) -> None:
    assert str(one_item(list(CATALOG_COLUMNS), [*ITEM[:-1], cell], delimiter)["list_price"]) == price


@pytest.mark.parametrize(
    ("cell", "grams"), [("1180 g", "1180"), ("1.18 kg", "1180.00"), ("1180g", "1180"), ("1180", "1180")]
)
def test_a_weight_is_read_in_grams_or_kilograms(cell, grams) -> None:
    assert str(one_item(list(CATALOG_COLUMNS), [*ITEM[:6], cell, *ITEM[7:]])["full_g"]) == grams


def test_a_category_is_read_whatever_its_case() -> None:
    assert one_item(list(CATALOG_COLUMNS), [*ITEM[:5], "Toner", *ITEM[6:]])["category"] == "toner"


def test_the_report_says_how_each_spelling_was_read_and_in_how_many_rows() -> None:
    rows = "".join(f"TN-{n},,,Brother,Toner,Toner,800,600,$45.99\n" for n in range(3))
    _, problems, report = read_catalog(",".join(CATALOG_COLUMNS) + "\n" + rows)
    assert problems == []
    assert sorted(report) == ['category: read "Toner" as toner (3 rows)', 'list_price: read "$45.99" as 45.99 (3 rows)']


RMA_HEADER = (
    "rma_number,seller,reported_on,order_number,purchased_on,payment_method,customer_account,customer_name,"
    "sku,quantity,unit_price,reason"
)


@pytest.mark.parametrize(
    ("written", "read", "said"),
    [
        ("2026-03-09", "2026-03-09", None),
        ("12/31/2025", "2025-12-31", 'reported_on: read "12/31/2025" as 2025-12-31 (month first) (1 row)'),
        ("31.12.2025", "2025-12-31", 'reported_on: read "31.12.2025" as 2025-12-31 (day first) (1 row)'),
        (
            "03/04/2026",
            "2026-03-04",
            'reported_on: read "03/04/2026" as 2026-03-04 (month first; it could also be 2026-04-03) (1 row)',
        ),
        (
            "2026-03-09 14:03:22 -0500",
            "2026-03-09",
            'reported_on: read "2026-03-09 14:03:22 -0500" as 2026-03-09 (the date of a date and time) (1 row)',
        ),
    ],
)
def test_a_date_is_read_iso_us_or_dotted_and_an_ambiguous_one_is_said_to_be_month_first(written, read, said) -> None:
    row = f"RA1,image-pro-services,{written},SO-1,2025-01-02,card,C1,Dana Whitfield,TN-660,1,54.99,defective"
    table = parse_rows(f"{RMA_HEADER}\n{row}\n".encode(), "file.csv", RMA_COLUMNS)
    reading = ValueReading()
    [(_, fields)], problems = checked(table, rma_line, reading)
    assert problems == [] and str(fields["reported_on"]) == read
    assert reading.report() == ([said] if said else [])


def test_every_problem_of_a_row_is_named_with_its_spreadsheet_row() -> None:
    text = (
        ",".join(CATALOG_COLUMNS)
        + '\nTN-1,,,Brother,"Two-line\ndescription",toner,800,600,49.99\n'  # row 2, over two lines: one problem
        + "TN-2,,,,Toner,paper,heavy,600,49.99\n"  # row 3: no brand, unknown category, a weight that is no number
    )
    _, problems, _ = read_catalog(text)
    assert [problem.split(":")[0] for problem in problems] == ["row 2", "row 3", "row 3", "row 3"]
    assert problems[0].startswith("row 2: description holds the control character")
    assert "row 3: full_g is not a number such as 12.5: 'heavy'" in problems
    assert "row 3: brand is empty" in problems
    assert "row 3: category must be one of ink, toner, drum, replacement_part, not 'paper'" in problems


def test_a_name_in_any_alphabet_is_taken_and_a_letter_no_document_can_print_is_refused() -> None:
    header = ",".join(CATALOG_COLUMNS)
    _, problems, _ = read_catalog(f"{header}\nTN-1,,,Łódź Ελλάδα Москва,Nguyễn toner,toner,800,600,49.99\n")
    assert problems == []
    _, problems, _ = read_catalog(f"{header}\nTN-1,,,Brother,漢 toner,toner,800,600,49.99\n")
    assert problems == ["row 2: description has characters the documents cannot print: 漢 (U+6F22)"]


def test_the_shipped_mappings_load_and_each_says_its_source() -> None:
    names = shipped_mapping_names()
    assert names == ["generic-erp", "loop", "odoo-rma", "shopify"]
    for name in names:
        kind = "rmas"
        mapping = load_mapping(name, kind, CATALOG_COLUMNS + RMA_COLUMNS)
        assert mapping.source and kind in mapping.kinds


def test_a_mapping_for_another_kind_is_refused_naming_the_file_and_key() -> None:
    with pytest.raises(MappingError, match=re.escape("mapping loop.toml: kinds: serves rmas files, not catalog")):
        load_mapping("loop", "catalog", CATALOG_COLUMNS + RMA_COLUMNS)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('source = "x"\nkinds = ["rmas"]\n[columns.rmas]\n"Item" = "skew"\n', "columns.rmas.\"Item\": 'skew' is not"),
        ('source = "x"\nkinds = ["returns"]\n', "kinds: must be a list of catalog and rmas"),
        ('kinds = ["rmas"]\n', "source: must say which export"),
        (
            'source = "x"\nkinds = ["rmas"]\n[values.reason]\n"Broken" = "broken"\n',
            'values.reason."Broken": must be one of',
        ),
        ('source = "x"\nkinds = ["rmas"]\ncolour = 1\n', "colour: is not a key of a mapping file"),
        ("source = \n", "(syntax)"),
    ],
)
def test_a_bad_mapping_file_is_refused_naming_the_file_and_the_key(tmp_path, text, words) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match=re.escape(f"mapping mine.toml: {words}")):
        mapping_from_file(path, CATALOG_COLUMNS + RMA_COLUMNS)


def test_an_unknown_mapping_name_lists_the_shipped_ones() -> None:
    with pytest.raises(
        InputError, match="no mapping 'magento': the station ships generic-erp, loop, odoo-rma, shopify"
    ):
        load_mapping("magento", "rmas", RMA_COLUMNS)


def test_the_optional_weight_columns_are_read_when_a_file_has_them() -> None:
    header = [*CATALOG_COLUMNS, "Weight Tolerance", "sealed_min_g", "Sealed Max"]
    table = parse_rows(
        f"{','.join(header)}\n{','.join([*ITEM, '12.5', '790', '805 g'])}\n".encode(), "f", ALL_CATALOG_COLUMNS
    )
    [(_, item)], problems = checked(table, catalog_item)
    assert problems == []
    assert [str(item[key]) for key in ("weight_tolerance_g", "sealed_min_g", "sealed_max_g")] == ["12.5", "790", "805"]


def read_all_columns(text: str, reading: ValueReading | None = None):
    """The checked rows, the problems, and the spellings report of a catalog file that may give any column."""
    table = parse_rows(text.encode("utf-8"), "file.csv", ALL_CATALOG_COLUMNS)
    reading = reading or ValueReading()
    good, problems = checked(table, catalog_item, reading)
    return good, problems, reading.report()


def read_makes(heading: str, cells: list[str]):
    """The make of each good row of a catalog file whose make column is headed ``heading``; the problems;
    and the spellings report."""
    rows = "".join(f"TN-{n},,,Brother,Toner,toner,800,600,49.99,{cell}\n" for n, cell in enumerate(cells))
    good, problems, report = read_all_columns(",".join([*CATALOG_COLUMNS, heading]) + "\n" + rows)
    return [item["make"] for _, item in good], problems, report


@pytest.mark.parametrize(
    ("written", "make"),
    [
        ("oem", "oem"),
        ("OEM", "oem"),
        ("Original", "oem"),
        ("GENUINE", "oem"),
        ("compatible", "compatible"),
        ("Generic", "compatible"),
        ("aftermarket", "compatible"),
        ("Remanufactured", "remanufactured"),
        ("reman", "remanufactured"),
        ("Refurbished", "remanufactured"),
        ("recycled", "remanufactured"),
    ],
)
def test_a_make_is_read_in_the_trades_words_and_the_report_says_how(written, make) -> None:
    makes, problems, report = read_makes("make", [written])
    assert (makes, problems) == ([make], [])
    assert report == ([] if written == make else [f'make: read "{written}" as {make} (1 row)'])


@pytest.mark.parametrize("heading", ["make", "Make", "manufacturer type", "Manufacturer Type", "OEM/Compatible"])
def test_a_make_column_is_found_under_its_common_headings_and_the_brand_stays_the_brand(heading) -> None:
    text = f"sku,brand,description,category,full_g,empty_g,list_price,{heading}\n"
    table = parse_rows(f"{text}TN-1,Brother,Toner,toner,800,600,49.99,compatible\n".encode(), "f", ALL_CATALOG_COLUMNS)
    [(_, item)], problems = checked(table, catalog_item)
    assert problems == [] and table.headings["make"] == heading
    assert (item["brand"], item["make"]) == ("Brother", "compatible")


def test_a_make_left_out_or_left_empty_is_the_printer_makers_own() -> None:
    [(_, item)], problems, _ = read_all_columns(f"{','.join(CATALOG_COLUMNS)}\n{','.join(ITEM)}\n")
    assert problems == [] and item["make"] == "oem"
    makes, problems, report = read_makes("Make", ["", "Generic", ""])
    assert (makes, problems) == (["oem", "compatible", "oem"], [])
    assert report == ['make: read "Generic" as compatible (1 row)']


def test_a_make_the_station_cannot_read_is_named_with_its_row_beside_the_rows_other_problems() -> None:
    good, problems, _ = read_all_columns(
        ",".join([*CATALOG_COLUMNS, "make"])
        + "\nTN-1,,,Brother,Toner,toner,800,600,49.99,reman\n"  # row 2: good
        + "TN-2,,,Brother,Toner,paper,800,600,49.99,knock-off\n"  # row 3: unknown category and make
        + "TN-3,,,Brother,Toner,toner,800,600,$,clone\n"  # row 4: no price and an unknown make
    )
    assert [item["sku"] for _, item in good] == ["TN-1"]
    assert problems == [
        "row 3: category must be one of ink, toner, drum, replacement_part, not 'paper'",
        "row 3: make must be one of oem, compatible, remanufactured, not 'knock-off'",
        "row 4: make must be one of oem, compatible, remanufactured, not 'clone'",
        "row 4: list_price is not a number such as 12.5: '$'",
    ]


def test_a_mapping_may_give_its_sources_own_word_for_a_make(tmp_path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('source = "x"\nkinds = ["catalog"]\n[values.make]\n"Rebuilt" = "remanufactured"\n')
    words = mapping_from_file(path, ALL_CATALOG_COLUMNS).values
    text = ",".join([*CATALOG_COLUMNS, "make"]) + "\n" + ",".join([*ITEM, "rebuilt"]) + "\n"
    [(_, item)], problems, report = read_all_columns(text, ValueReading(words=words))
    assert (item["make"], problems, report) == (
        "remanufactured",
        [],
        ['make: read "rebuilt" as remanufactured (1 row)'],
    )
    path.write_text('source = "x"\nkinds = ["catalog"]\n[values.make]\n"Clone" = "clone"\n')
    with pytest.raises(
        MappingError, match=re.escape('values.make."Clone": must be one of oem, compatible, remanufactured')
    ):
        mapping_from_file(path, ALL_CATALOG_COLUMNS)
