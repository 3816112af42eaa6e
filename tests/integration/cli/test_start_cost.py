"""A command loads what it uses and nothing else: `rma list` and `rma show` answer from the database
without reportlab, Qt, Alembic, the accounting exports or e-mail, which cost most of a second a call
when every command loaded them. Checked by what the command imports (the speed is in benchmarks)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.cli import opens_the_window
from tests.support.loaded_modules import modules_loaded_by

# What reading RMAs never needs: the documents' renderer and its libraries, the window's toolkit, the
# migrations (the database is current), the accountant's exports and the outbox's mail.
NOT_FOR_READING = (
    "reportlab",
    "PIL",
    "barcode",
    "receiving_app.documents.render",
    "PySide6",
    "alembic",
    "receiving_app.services.accounting_exports",
    "receiving_app.services.accounting_register",
    "receiving_app.services.outbox_sender",
    "smtplib",
)


@pytest.fixture(scope="module")
def demo(home, tmp_path_factory) -> tuple[Path, list[str]]:
    """A current demo database and the RMA numbers the station lists in it."""
    database = tmp_path_factory.mktemp("start-cost") / "station.sqlite3"
    station = bootstrap(f"sqlite:///{database}")
    try:
        fill_demo_data(station, rmas=3, seed=11)
        numbers = [rma.number for rma in station.history.list_rmas(None)]
    finally:
        station.close()
    return database, numbers


def test_rma_list_lists_the_rmas_without_loading_documents_qt_alembic_or_exports(demo) -> None:
    database, numbers = demo

    run = modules_loaded_by("--db", f"sqlite:///{database}", "rma", "list", "--json")

    assert run.code == 0, run.stderr
    assert [rma["number"] for rma in json.loads(run.stdout)] == numbers
    assert [package for package in NOT_FOR_READING if run.loaded(package)] == []
    # The check sees what was loaded: the records and the history service that read the list.
    assert run.loaded("sqlalchemy") and run.loaded("receiving_app.services.history")


def test_rma_show_answers_without_loading_documents_qt_alembic_or_exports(demo) -> None:
    database, numbers = demo

    run = modules_loaded_by("--db", f"sqlite:///{database}", "rma", "show", numbers[0])

    assert run.code == 0, run.stderr
    assert run.stdout.startswith(f"{numbers[0]}  open")
    assert [package for package in NOT_FOR_READING if run.loaded(package)] == []


def test_the_station_window_starts_without_loading_the_headless_commands() -> None:
    # `--self-test` starts as the window does (no command named) and checks that Qt starts, then stops.
    run = modules_loaded_by("--self-test")

    assert run.code == 0, run.stderr
    assert run.loaded("receiving_app.cli.gui_command")
    assert not run.loaded("receiving_app.cli.headless_commands")
    assert not run.loaded("receiving_app.cli.rma_commands") and not run.loaded("receiving_app.cli.audit_commands")


@pytest.mark.parametrize(
    ("argv", "window"),
    [
        ([], True),
        (["gui"], True),
        (["--db", "sqlite:///rma.sqlite3", "gui", "--help"], True),  # the window's own help
        (["--db", "gui"], True),  # a database URL that reads like the command is still the database's
        (["rma", "list"], False),
        (["--db", "sqlite:///station.sqlite3", "audit", "verify"], False),
        (["--help"], False),  # lists every command
        (["--version"], False),
        (["no-such-command"], False),  # refused with the list of every command
    ],
)
def test_only_the_window_s_arguments_skip_the_headless_commands(argv, window) -> None:
    assert opens_the_window(argv) is window
