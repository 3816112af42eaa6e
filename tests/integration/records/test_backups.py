"""`receiving-app db backup` and `db restore` on a SQLite station: a backup restored into an empty file
is the same station (whole audit chain, the same records, the same PDFs); a restore never goes into a
database that holds anything; a folder keeps this station's newest N backups and nothing else is
touched; a file is never overwritten unless asked; PostgreSQL without pg_dump says what is missing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap
from receiving_app.services.station import Station
from tests.support.backups import (
    STATION_ID,
    after_the_second_of,
    counts_said,
    file_said,
    records_in,
    settings_file,
    shell_environment,
    station_with_decisions,
    stored_pdfs,
)
from tests.support.cli import run_cli

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Bench:
    station: Station
    url: str
    shell: dict[str, str]
    backup: Path  # made once by `db backup`, for the tests that restore it
    backup_said: str


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Bench:
    home = tmp_path_factory.mktemp("bench")
    url = f"sqlite:///{home / 'station.sqlite3'}"
    station = station_with_decisions(url, home)
    shell = shell_environment(url, home)
    backup = home / "tonight.sqlite"
    made = run_cli("db", "backup", str(backup), env=shell)
    assert made.code == 0, made.stderr
    yield Bench(station, url, shell, backup, made.stdout)
    station.close()


def test_the_backup_says_its_file_its_size_and_what_it_holds(bench) -> None:
    records = records_in(bench.url)
    assert records["decisions"] >= 3 and records["documents"] >= 3

    assert bench.backup_said.count("\n") == 1
    assert bench.backup.stat().st_mode & 0o077 == 0  # customers' details: for the station's user only
    assert f"{bench.backup} ({bench.backup.stat().st_size:,} bytes)" in bench.backup_said
    assert counts_said(bench.backup_said) == (
        f"{records['rmas']} RMAs, {records['decisions']} decisions, "
        f"{records['documents']} documents, {records['audit_events']} audit events"
    )


def test_a_backup_restored_into_an_empty_file_is_the_same_station(bench, tmp_path) -> None:
    restored_url = f"sqlite:///{tmp_path / 'new bench' / 'station.sqlite3'}"

    restored = run_cli("db", "restore", str(bench.backup), "--db", restored_url, env=bench.shell)

    assert restored.code == 0, restored.stderr
    assert counts_said(restored.stdout) == counts_said(bench.backup_said)
    verified = run_cli("audit", "verify", "--db", restored_url, env=bench.shell)
    assert verified.code == 0, verified.stderr
    assert records_in(restored_url) == records_in(bench.url)
    copy = bootstrap(restored_url, prepare=False, settings_path=settings_file(tmp_path))
    try:
        assert stored_pdfs(copy) == stored_pdfs(bench.station) != {}
    finally:
        copy.close()


def test_a_restore_into_a_database_that_holds_records_is_refused_and_changes_nothing(bench) -> None:
    before = records_in(bench.url)

    refused = run_cli("db", "restore", str(bench.backup), env=bench.shell)

    assert refused.code == 3
    assert refused.stderr.startswith("refused: the database already holds") and refused.stderr.count("\n") == 1
    assert refused.stdout == ""
    assert records_in(bench.url) == before
    assert bench.station.history.verify_audit_chain().first_break is None


def test_a_backup_never_overwrites_a_file_unless_told_to(bench, tmp_path) -> None:
    precious = tmp_path / "precious.sqlite"
    precious.write_bytes(b"last month's backup")

    kept = run_cli("db", "backup", str(precious), env=bench.shell)
    replaced = run_cli("db", "backup", str(precious), "--replace", env=bench.shell)

    assert kept.code == 2 and kept.stdout == ""
    assert kept.stderr.startswith("error:") and "--replace" in kept.stderr and kept.stderr.count("\n") == 1
    assert replaced.code == 0, replaced.stderr
    assert precious.read_bytes().startswith(SQLITE_HEADER)
    assert counts_said(replaced.stdout) == counts_said(bench.backup_said)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["precious.sqlite"]  # nothing half written left


def test_a_folder_keeps_this_station_s_newest_backups_and_nothing_else_is_touched(bench, tmp_path) -> None:
    folder = tmp_path / "nightly"
    folder.mkdir()
    others = {
        "notes.txt": b"not a backup",
        "bench-2-20260101-020000.sqlite": b"another station's backup",
        f"{STATION_ID}-copy.sqlite": b"a copy someone named by hand",
    }
    for name, content in others.items():
        (folder / name).write_bytes(content)

    made = []
    for run in range(3):
        if run:
            after_the_second_of(made[-1])
        backed_up = run_cli("db", "backup", "--to-folder", str(folder), "--keep", "2", env=bench.shell)
        assert backed_up.code == 0, backed_up.stderr
        made.append(file_said(backed_up.stdout))

    assert all(path.name.startswith(f"{STATION_ID}-") and path.suffix == ".sqlite" for path in made)
    assert f"removed {made[0].name}" in backed_up.stdout
    assert sorted(path.name for path in folder.iterdir()) == sorted([*others, made[1].name, made[2].name])
    assert all((folder / name).read_bytes() == content for name, content in others.items())
    assert all(path.read_bytes().startswith(SQLITE_HEADER) for path in made[1:])


def test_without_pg_dump_a_postgresql_backup_says_what_is_needed(bench, tmp_path) -> None:
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    backup = tmp_path / "warehouse.dump"

    failed = run_cli(
        "db",
        "backup",
        str(backup),
        "--db",
        "postgresql+psycopg://postgres@127.0.0.1:5432/test",
        env={**bench.shell, "PATH": str(empty_path)},
    )

    assert failed.code == 1
    assert failed.stderr.count("\n") == 1 and "pg_dump" in failed.stderr and "PostgreSQL client" in failed.stderr
    assert not backup.exists()
