"""`receiving-app db backup` and `db restore` on a warehouse's PostgreSQL database: pg_dump's archive
restored with pg_restore into a new, empty database is the same warehouse (whole audit chain, the same
records, the same PDFs); the password reaches the tools through PGPASSWORD and never their command
line; and a restore never goes into a database that holds anything."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap
from receiving_app.services.station import Station
from tests.support.backups import (
    counts_said,
    recorded_call,
    recording_postgres_tools,
    records_in,
    settings_file,
    shell_environment,
    station_with_decisions,
    stored_pdfs,
    with_password,
)
from tests.support.cli import run_cli
from tests.support.databases import fresh_postgres_database

pytestmark = pytest.mark.postgres

PASSWORD = "kept-off-the-command-line"


@dataclass(frozen=True)
class Warehouse:
    station: Station
    url: str
    shell: dict[str, str]  # the database's URL carries PASSWORD; pg_dump and pg_restore write down how they ran
    tools: Path
    backup: Path
    backup_said: str


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Warehouse:
    home = tmp_path_factory.mktemp("warehouse")
    with fresh_postgres_database() as url:
        station = station_with_decisions(url, home, rmas=10)
        try:
            tools = home / "tools"
            shell = {**shell_environment(with_password(url, PASSWORD), home), **recording_postgres_tools(tools)}
            backup = home / "warehouse.dump"
            made = run_cli("db", "backup", str(backup), env=shell)
            assert made.code == 0, made.stderr
            yield Warehouse(station, url, shell, tools, backup, made.stdout)
        finally:
            station.close()


def test_the_backup_is_a_pg_dump_archive_that_says_what_it_holds(warehouse) -> None:
    records = records_in(warehouse.url)
    assert records["decisions"] >= 3 and records["documents"] >= 3

    assert warehouse.backup.read_bytes().startswith(b"PGDMP")
    assert f"{warehouse.backup} ({warehouse.backup.stat().st_size:,} bytes)" in warehouse.backup_said
    assert counts_said(warehouse.backup_said) == (
        f"{records['rmas']} RMAs, {records['decisions']} decisions, "
        f"{records['documents']} documents, {records['audit_events']} audit events"
    )


def test_pg_dump_gets_the_password_from_its_environment_never_its_command_line(warehouse) -> None:
    command_line, password = recorded_call(warehouse.tools, "pg_dump")

    assert "--format=custom" in command_line.splitlines()
    assert PASSWORD not in command_line
    assert password == PASSWORD


def test_an_archive_restored_into_a_new_database_is_the_same_warehouse(warehouse, tmp_path) -> None:
    with fresh_postgres_database() as empty:
        restored = run_cli(
            "db", "restore", str(warehouse.backup), "--db", with_password(empty, PASSWORD), env=warehouse.shell
        )

        assert restored.code == 0, restored.stderr
        assert counts_said(restored.stdout) == counts_said(warehouse.backup_said)
        command_line, password = recorded_call(warehouse.tools, "pg_restore")
        assert "--no-owner" in command_line.splitlines() and PASSWORD not in command_line and password == PASSWORD
        verified = run_cli("audit", "verify", "--db", empty, env=warehouse.shell)
        assert verified.code == 0, verified.stderr
        assert records_in(empty) == records_in(warehouse.url)
        copy = bootstrap(empty, prepare=False, settings_path=settings_file(tmp_path))
        try:
            assert stored_pdfs(copy) == stored_pdfs(warehouse.station) != {}
        finally:
            copy.close()


def test_a_restore_into_a_database_that_holds_records_is_refused_and_changes_nothing(warehouse) -> None:
    before = records_in(warehouse.url)

    refused = run_cli("db", "restore", str(warehouse.backup), env=warehouse.shell)

    assert refused.code == 3
    assert refused.stderr.startswith("refused: the database already holds") and refused.stderr.count("\n") == 1
    assert records_in(warehouse.url) == before
