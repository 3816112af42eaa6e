"""A database failure in the window reads as the command line's one sentence, and neither the
clerk's message nor the log holds the values the failed statement carried."""

from __future__ import annotations

import logging

from sqlalchemy import create_engine, text

from receiving_app.gui.operations import OperationRunner


def test_a_refused_row_reads_as_one_sentence_and_is_logged_without_its_values(
    qtbot, runner: OperationRunner, caplog, tmp_path
):
    # An engine that puts its values in its errors (one made without hide_parameters): the window
    # must not rely on the engine to keep them out.
    engine = create_engine(f"sqlite:///{tmp_path / 'station.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE customers (phone TEXT CHECK (phone NOT LIKE '+%'))"))
    phone = "+1 (555) 867-5309"

    def insert() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO customers VALUES (:phone)"), {"phone": phone})

    with caplog.at_level(logging.ERROR):
        operation = runner.start(insert)
        with qtbot.waitSignal(operation.failed) as failed:
            pass
    engine.dispose()

    message = failed.args[0]
    assert message.startswith("The database refused the change (CHECK constraint failed: ")
    assert message.endswith("It has been logged.") and "\n" not in message
    assert phone not in message and "[SQL" not in message
    assert "background operation failed" in caplog.text and "SQLITE_CONSTRAINT_CHECK" in caplog.text
    assert phone not in caplog.text


def test_a_file_that_is_not_a_database_is_said_as_on_the_command_line(qtbot, runner: OperationRunner, tmp_path):
    garbage = tmp_path / "station.sqlite3"
    garbage.write_bytes(bytes(range(256)) * 16)
    engine = create_engine(f"sqlite:///{garbage}")

    def read() -> None:
        with engine.connect() as connection:
            connection.execute(text("SELECT * FROM rmas"))

    operation = runner.start(read)
    with qtbot.waitSignal(operation.failed) as failed:
        pass
    engine.dispose()

    assert failed.args == ["The station's database file is not a station database: check --db. It has been logged."]
