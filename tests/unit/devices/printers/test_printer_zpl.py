from __future__ import annotations

import re

from receiving_app.devices.printers.zpl import ZplPrinter

GRAPHIC_FIELD = re.compile(r"\^FO0,(\d+)\^GFA,(\d+),(\d+),(\d+),([^\^]*)\^FS")


def graphic_fields(zpl: str) -> list[tuple[int, int, int, int, str]]:
    return [
        (int(top), int(binary), int(total), int(per_row), data)
        for top, binary, total, per_row, data in GRAPHIC_FIELD.findall(zpl)
    ]


def dot_is_black(data: str, bytes_per_row: int, x: int, y: int) -> bool:
    byte = int(data[2 * (y * bytes_per_row + x // 8) :][:2], 16)
    return bool(byte & (0x80 >> (x % 8)))


def test_a_four_by_three_label_is_one_graphic_field_812_dots_wide_and_609_long(make_pdf, make_job) -> None:
    zpl = ZplPrinter("printer.invalid").render(make_job(make_pdf(width_in=4, height_in=3)))

    assert zpl.startswith("^XA")
    assert zpl.endswith("^XZ")
    assert zpl.count("^XA") == 1 and zpl.count("^XZ") == 1
    assert "^PW812" in zpl and "^LL609" in zpl  # 4 by 3 inches at 203 dots per inch
    ((top, binary, total, per_row, data),) = graphic_fields(zpl)
    assert top == 0
    assert per_row == 102  # 812 dots rounded up to whole bytes
    assert total == binary == 102 * 609
    assert re.fullmatch(r"[0-9A-F]*", data)
    assert len(data) == 2 * total


def test_black_is_a_one_bit_and_the_square_sits_top_left(make_pdf, make_job) -> None:
    zpl = ZplPrinter("printer.invalid").render(make_job(make_pdf()))
    ((_, _, _, per_row, data),) = graphic_fields(zpl)
    assert dot_is_black(data, per_row, 100, 100)
    assert not dot_is_black(data, per_row, 400, 100)
    assert not dot_is_black(data, per_row, 100, 400)
    # The four dots past 812 that pad each row to 102 bytes stay white.
    assert all(not dot_is_black(data, per_row, x, y) for x in range(812, 816) for y in (0, 100, 608))


def test_a_four_by_six_label_is_split_into_bands_within_the_zpl_byte_limit(make_pdf, make_job) -> None:
    zpl = ZplPrinter("printer.invalid").render(make_job(make_pdf(width_in=4, height_in=6)))
    fields = graphic_fields(zpl)
    assert len(fields) == 2
    assert all(total <= 99_999 for _, _, total, _, _ in fields)
    assert [top for top, *_ in fields] == [0, fields[0][2] // 102]
    assert sum(total for _, _, total, _, _ in fields) == 102 * 1218


def test_copies_of_a_single_label_use_the_print_quantity(make_pdf, make_job) -> None:
    zpl = ZplPrinter("printer.invalid").render(make_job(make_pdf(), copies=3))
    assert zpl.count("^XA") == 1
    assert "^PQ3" in zpl


def test_copies_of_a_multi_page_document_come_out_collated(make_pdf, make_job) -> None:
    zpl = ZplPrinter("printer.invalid").render(make_job(make_pdf(pages=2), copies=2))
    labels = zpl.split("^XZ")[:-1]
    assert len(labels) == 4
    assert all("^PQ1" in label for label in labels)
    first, second, third, fourth = (graphic_fields(label)[0][4] for label in labels)
    assert first == third and second == fourth and first != second


def test_a_300_dpi_printer_gets_a_1200_dot_wide_label(make_pdf, make_job) -> None:
    zpl = ZplPrinter("printer.invalid", dpi=300, width_dots=1200).render(make_job(make_pdf()))
    fields = graphic_fields(zpl)
    assert "^PW1200" in zpl and "^LL900" in zpl
    assert {per_row for _, _, _, per_row, _ in fields} == {150}
    assert sum(total for _, _, total, _, _ in fields) == 150 * 900
