"""Failures of the disk and of a SQLite file, raised for real, each said in one line of what to do;
and the log's second guard, which blanks whatever is shaped like personal data.

A full disk cannot be made cheaply without mounting one, so it is met here where the kernel and
SQLite really report it: writing to /dev/full (ENOSPC), and a database held to a few pages.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError

from receiving_app.cli.log_file import RedactingFormatter
from receiving_app.services.failure_log import logged_failure
from receiving_app.services.failures import describe_failure
from receiving_app.services.redaction import redacted

DISK_FULL = "the disk is full: free space and try again"


def _raised(work) -> BaseException:
    try:
        work()
    except BaseException as error:  # the test wants the error itself, whatever it is
        return error
    raise AssertionError("the work did not fail")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_write_to_a_full_disk_is_said_as_such() -> None:
    def write_to_a_full_disk() -> None:
        with open("/dev/full", "wb") as full:
            full.write(b"a credit memo")

    failure = describe_failure(_raised(write_to_a_full_disk))

    assert failure.sentence == DISK_FULL and not failure.bad_input


def test_a_database_with_no_room_left_is_a_full_disk(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'station.sqlite3'}", hide_parameters=True)
    event.listen(engine, "connect", lambda connection, _: connection.execute("PRAGMA max_page_count=3"))

    def fill() -> None:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE notes (body TEXT)"))
            for _ in range(20):
                connection.execute(text("INSERT INTO notes VALUES (:body)"), {"body": "x" * 2000})

    error = _raised(fill)
    engine.dispose()

    assert isinstance(error, OperationalError) and "full" in str(error.orig)
    assert describe_failure(error).sentence == DISK_FULL


def test_a_database_locked_by_another_program_names_the_file(tmp_path) -> None:
    path = tmp_path / "station.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE rmas (number TEXT)")
    holder.execute("BEGIN EXCLUSIVE")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0}, hide_parameters=True)
    try:
        error = _raised(lambda: engine.connect().execute(text("SELECT * FROM rmas")))
    finally:
        engine.dispose()
        holder.close()

    failure = describe_failure(error, database_url=lambda: f"sqlite:///{path}")

    assert failure.sentence == (
        f"the database file {path} is locked by another program: wait or close that program, then try again"
    )


def test_an_error_the_sqlite_module_raises_itself_is_still_said_and_logged(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'station.sqlite3'}")
    with engine.connect() as connection:
        driver_connection = connection.connection.driver_connection
    driver_connection.close()  # as a pool might hold a connection another thread closed
    error = _raised(lambda: driver_connection.execute("SELECT 1"))
    engine.dispose()

    assert describe_failure(error).sentence == (
        "the station's database file failed (ProgrammingError): "
        "try again; if it fails again, show the log to whoever looks after the database"
    )
    assert "ProgrammingError: no SQLite code: Cannot operate on a closed database." in logged_failure(error)


def test_an_unexpected_error_is_named_without_the_personal_data_its_message_carried() -> None:
    error = _raised(lambda: {}["dana@example.com"])

    assert describe_failure(error).sentence == "something went wrong (KeyError: '[e-mail]')"


def test_the_log_of_a_failure_keeps_its_frames_and_not_the_values_of_the_statement(tmp_path) -> None:
    # An engine that shows its values, as one without hide_parameters would: the log must not rely on it.
    engine = create_engine(f"sqlite:///{tmp_path / 'station.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE customers (email TEXT CHECK (email NOT LIKE '%.test'))"))

    email = "quentin@mailhost.test"

    def insert() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO customers VALUES (:email)"), {"email": email})

    error = _raised(insert)
    engine.dispose()
    logged = logged_failure(error)

    assert email in str(error)  # what the raw text would have logged
    assert email not in logged
    assert "SQLITE_CONSTRAINT_CHECK" in logged and "INSERT INTO customers" in logged
    assert "in insert" in logged  # the frame where it was raised


@pytest.mark.parametrize(
    ("text_with_data", "expected"),
    [
        ("mail dana.w+returns@example.co.uk today", "mail [e-mail] today"),
        ("card 4111 1111 1111 1111 used", "card [card] used"),
        ("card 4111-1111-1111-1111 used", "card [card] used"),
        ("call (555) 010-2030 or 555.010.2030", "call [phone] or [phone]"),
        ("call +44 20 7946 0958 now", "call [phone] now"),
        ("hash $argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA done", "hash [hash] done"),
        ("hash '$2b$12$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234' done", "hash '[hash]' done"),
    ],
)
def test_personal_data_is_blanked_by_its_shape(text_with_data, expected) -> None:
    assert redacted(text_with_data) == expected


def test_what_is_not_personal_data_is_left_alone() -> None:
    work = "RA0002001 line 2 on 2026-03-16 at 10:20:30, refund 46.74, TN-660 weighs 812.4 g, SQLSTATE 23514"
    assert redacted(work) == work


def test_the_log_formatter_blanks_message_and_traceback_but_not_the_time() -> None:
    try:
        raise ValueError("no order for dana@example.com")
    except ValueError:
        record = logging.LogRecord("t", logging.ERROR, __file__, 1, "customer %s", ("(555) 010-2030",), sys.exc_info())
    record.created = 1_773_656_430.123  # a time whose digits look like a phone number
    formatted = RedactingFormatter("%(created)f %(message)s").format(record)

    assert formatted.startswith("1773656430.123000 customer [phone]")
    assert "no order for [e-mail]" in formatted and "dana@" not in formatted


def test_a_database_url_that_does_not_parse_is_named_without_its_password(capsys) -> None:
    from receiving_app.cli import main

    assert main(["--db", "postgresql+psycopg//clerk:hunter2@db.lan/returns", "audit", "verify"]) == 2
    error = capsys.readouterr().err
    assert "not a database URL" in error and "hunter2" not in error and "clerk:***@db.lan" in error
