"""A demo station with decisions and their documents, the shell that backs it up, and what a person
compares after a backup and its restore: the counts the command printed, the records themselves
(counted here with plain SQL, not by the code under test) and a stored PDF's bytes."""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, table
from sqlalchemy.engine import make_url

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.station import Station
from tests.support.databases import in_ci
from tests.support.demo_rmas import WEIGHED, open_rmas
from tests.support.receiving import receive

STATION_ID = "bench-1"


def settings_file(home: Path) -> Path:
    """Where ``receiving-app`` run with ``shell_environment(home)`` finds its settings."""
    return home / "config" / "receiving-app" / "settings.json"


def shell_environment(database_url: str, home: Path, station_id: str = STATION_ID) -> dict[str, str]:
    """A shell whose station is ``station_id`` on ``database_url``, its files kept under ``home``."""
    settings = settings_file(home)
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"station_id": station_id}), encoding="utf-8")
    return {
        "RECEIVING_APP_DB": database_url,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
    }


def station_with_decisions(database_url: str, home: Path, *, rmas: int = 20, received: int = 3) -> Station:
    """The demo (``rmas`` open RMAs) with ``received`` units received as sold: decisions with credit memos."""
    station = bootstrap(database_url, settings_path=settings_file(home))
    fill_demo_data(station, rmas=rmas, seed=3)
    single_units = [
        rma
        for rma in open_rmas(station, lines=1)
        if rma.lines[0].quantity == 1 and rma.lines[0].category in WEIGHED and rma.lines[0].customer_choice == "refund"
    ]
    for rma in single_units[:received]:
        receive(station, rma.number, 1)
    return station


def stored_pdfs(station: Station) -> dict[str, bytes]:
    """Every issued document's PDF as stored, by document number."""
    numbers = [
        document.number
        for rma in station.history.list_rmas()
        for decision in station.history.show_rma(rma.number).decisions
        for document in decision.documents
    ]
    return {number: station.history.document(number, reprint=False).pdf for number in numbers}


def records_in(database_url: str) -> dict[str, int]:
    """The rows of every table of the database, counted with plain SQL."""
    engine = create_engine(make_url(database_url))
    try:
        with engine.connect() as connection:
            return {
                name: connection.execute(select(func.count()).select_from(table(name))).scalar_one()
                for name in inspect(connection).get_table_names()
            }
    finally:
        engine.dispose()


def counts_said(stdout: str) -> str:
    """The counts a backup or restore printed after its file and size ("20 RMAs, 3 decisions, ...")."""
    return stdout.strip().split("): ", 1)[1].split(";")[0]


def file_said(stdout: str) -> Path:
    """The file a backup or restore printed."""
    return Path(stdout.strip().split(" to ", 1)[-1].split(" (", 1)[0])


def after_the_second_of(backup: Path) -> None:
    """Wait until the second a folder's backup is named after has passed, so the next one is named apart."""
    named = datetime.strptime("-".join(backup.stem.rsplit("-", 2)[-2:]), "%Y%m%d-%H%M%S")
    while datetime.now() < named + timedelta(seconds=1):
        time.sleep(0.02)


def with_password(database_url: str, password: str) -> str:
    """The URL with a password in it (the test server trusts every local connection, so any will do)."""
    return make_url(database_url).set(password=password).render_as_string(hide_password=False)


def recording_postgres_tools(folder: Path) -> dict[str, str]:
    """A PATH whose pg_dump and pg_restore first write down, in ``folder``, their command line and the
    PGPASSWORD they were given, then run the real tools; returns the environment that puts them first."""
    folder.mkdir(parents=True, exist_ok=True)
    for tool in ("pg_dump", "pg_restore"):
        real = shutil.which(tool)
        if real is None:
            message = f"{tool} is not installed (the PostgreSQL client package)"
            if in_ci():
                pytest.fail(message)
            pytest.skip(message)
        wrapper = folder / tool
        wrapper.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" > "{folder}/{tool}.command-line"\n'
            f'printf "%s" "$PGPASSWORD" > "{folder}/{tool}.password"\n'
            f'exec "{real}" "$@"\n',
            encoding="utf-8",
        )
        wrapper.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def recorded_call(folder: Path, tool: str) -> tuple[str, str]:
    """The last command line ``tool`` was given under ``recording_postgres_tools(folder)``, and its PGPASSWORD."""
    return (folder / f"{tool}.command-line").read_text(encoding="utf-8"), (folder / f"{tool}.password").read_text(
        encoding="utf-8"
    )
