"""Prepared databases, built once per test process and copied for each test that wants one.

Migrating a new database and filling it with the demo catalog costs a fifth of a second on SQLite
and most of a second on PostgreSQL; copying a prepared one costs a few milliseconds (a file copy,
or PostgreSQL's CREATE DATABASE ... TEMPLATE). A test still gets a database of its own.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.support.databases import POSTGRES_ADMIN_URL, admin_connection, require_postgres

Prepare = Callable[[str, Path], None]  # fills the database at the URL; the folder is for its files


class DatabaseTemplates:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._sqlite: dict[str, Path] = {}
        self._postgres: dict[str, str] = {}

    def fill(self, url: str, name: str, prepare: Prepare) -> None:
        """Makes the (new, empty) database at ``url`` a copy of the template ``name``."""
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            shutil.copyfile(self._sqlite_template(name, prepare), parsed.database)
            return
        template = self._postgres_template(name, prepare)
        with admin_connection() as connection:
            connection.execute(text(f'DROP DATABASE "{parsed.database}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{parsed.database}" TEMPLATE "{template}"'))

    def drop_all(self) -> None:
        if self._postgres:
            with admin_connection() as connection:
                for template in self._postgres.values():
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)'))

    def _sqlite_template(self, name: str, prepare: Prepare) -> Path:
        if name not in self._sqlite:
            folder = self._folder / f"sqlite-{name}"
            folder.mkdir()
            path = folder / "template.sqlite3"
            prepare(f"sqlite:///{path}", folder)
            self._sqlite[name] = path
        return self._sqlite[name]

    def _postgres_template(self, name: str, prepare: Prepare) -> str:
        if name not in self._postgres:
            require_postgres()
            database = f"receiving_template_{uuid.uuid4().hex[:12]}"
            with admin_connection() as connection:
                connection.execute(text(f'CREATE DATABASE "{database}"'))
            self._postgres[name] = database
            folder = self._folder / f"postgres-{name}"
            folder.mkdir()
            prepare(make_url(POSTGRES_ADMIN_URL).set(database=database).render_as_string(hide_password=False), folder)
        return self._postgres[name]


def database_templates_for_session(folder: Path) -> Iterator[DatabaseTemplates]:
    templates = DatabaseTemplates(folder)
    try:
        yield templates
    finally:
        templates.drop_all()


def demo_without_rmas(url: str, folder: Path) -> None:
    """The demo catalog, sellers and users, no RMAs: what the records and report tests start from."""
    from receiving_app.bootstrap import bootstrap, fill_demo_data

    station = bootstrap(url, settings_path=folder / "settings.json", today=lambda: date(2026, 3, 16))
    try:
        fill_demo_data(station, rmas=0, seed=7)
    finally:
        station.close()
