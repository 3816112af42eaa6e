"""Real databases for tests: a SQLite file per test, and a fresh PostgreSQL database per test.

PostgreSQL tests skip cleanly on a machine without the server, except in CI (CI=true), where a
missing server fails them loudly: CI must never pass by skipping the shared-database half.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

POSTGRES_ADMIN_URL = os.environ.get("RECEIVING_APP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_postgres() -> None:
    try:
        engine = create_engine(POSTGRES_ADMIN_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure to reach the server means "no PostgreSQL here"
        message = f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {type(error).__name__}: {error}"
        if in_ci():
            pytest.fail(f"CI needs PostgreSQL for these tests. {message}")
        pytest.skip(message)


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database for one test, dropped afterwards (even if other sessions still hold it)."""
    require_postgres()
    name = f"receiving_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
