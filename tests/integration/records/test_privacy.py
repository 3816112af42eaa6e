"""Customer data stays where it belongs: no full card number anywhere, and customer names, emails
and phones only in the customer's own record and on the customer's own documents."""

from __future__ import annotations

import re

from sqlalchemy import LargeBinary, String, Text, select

from receiving_app.persistence.all_tables import STATION_METADATA
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.order_tables import CustomerRow
from tests.support.cli import run_cli
from tests.support.pdf import pdf_text
from tests.support.race import receive_for_race
from tests.support.warehouse import Line, Rma, add_rmas

# A standalone run of 13 to 19 digits (not part of a hex hash or an identifier) that passes Luhn.
DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])\d{13,19}(?![0-9A-Za-z])")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def has_card_number(text: str) -> bool:
    joined = re.sub(r"(?<=\d)[ -](?=\d)", "", text)  # "4111 1111 1111 1111" is one number
    return any(luhn_valid(run) for run in DIGIT_RUN.findall(joined))


WHERE_CUSTOMER_DATA_BELONGS = {CustomerRow.__tablename__}


def every_text_value(station):
    """(table, column, value) for every text cell in the database."""
    with station.units.read() as uow:
        for table in STATION_METADATA.sorted_tables:
            columns = [
                column
                for column in table.columns
                if isinstance(column.type, (String, Text, LargeBinary)) or hasattr(column.type, "impl")
            ]
            for row in uow.session.execute(select(*columns)).all():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, bytes):
                        value = value.decode("latin-1")
                    if isinstance(value, str):
                        yield table.name, column.name, value


def test_the_card_detector_finds_a_card_number_and_ignores_hashes() -> None:
    assert has_card_number("paid with 4111 1111 1111 1111 yesterday")
    assert not has_card_number("f3ec2dafaf487f5df9e16a82197a32fd4d0d8727f7a9bd1fd251657452869597")
    assert not has_card_number("order 4111111111111112")  # fails Luhn: not a card


def test_no_table_log_or_export_holds_a_card_number_or_customer_details_where_it_must_not(station, tmp_path) -> None:
    add_rmas(
        station, tmp_path, Rma("RA0000601", lines=(Line(reason="not_needed"), Line(sku="DR-630", unit_price="39.99")))
    )
    receive_for_race(station.database_url, tmp_path / "settings.json", "RA0000601", 1, "bench-1")
    receive_for_race(station.database_url, tmp_path / "settings.json", "RA0000601", 2, "bench-1")
    environment = {"RECEIVING_APP_DB": station.database_url, "XDG_STATE_HOME": str(tmp_path / "state")}
    outputs = {
        "rma list": run_cli("rma", "list", "--json", env=environment).stdout,
        "rma show": run_cli("rma", "show", "RA0000601", "--json", env=environment).stdout,
        "failed command": run_cli(
            "receive",
            "RA0000601",
            "--line",
            "7",
            "--user",
            "receiver",
            "--station",
            "S1",
            env={**environment, "RECEIVING_APP_PASSWORD": "1111"},
        ).stderr,
    }
    logs = {path.name: path.read_text() for path in (tmp_path / "state").rglob("*.log")}
    customer = ("Dana Whitfield", "dana@example.com", "(555) 010-2030", "12 Elm St")

    for table, column, value in every_text_value(station):
        if table == DocumentRow.__tablename__ and column == "pdf":
            continue  # compressed PDF streams; their text is read below
        assert not has_card_number(value), f"{table}.{column}"
        if table not in WHERE_CUSTOMER_DATA_BELONGS:
            assert not any(detail in value for detail in customer), f"customer details in {table}.{column}"
    for number in ("CM-000001", "RF-000001", "CM-000002"):
        text = pdf_text(station.history.document(number, reprint=False).pdf)
        assert not has_card_number(text), number
        assert "Card ending 4242" in text or "restocking" in text.lower(), number
    for name, text in {**outputs, **logs}.items():
        assert not has_card_number(text), name
        assert not any(detail in text for detail in customer), name
