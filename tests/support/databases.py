"""Real databases for tests: a SQLite file per test, and a fresh PostgreSQL database per test.

PostgreSQL tests skip cleanly on a machine without the server, except in CI (CI=true), where a
missing server fails them loudly: CI must never pass by skipping the shared-database half.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine, make_url

POSTGRES_ADMIN_URL = os.environ.get("RECEIVING_APP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_postgres() -> None:
    failure = _why_postgres_is_unreachable()
    if failure is None:
        return
    message = f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {failure}"
    if in_ci():
        pytest.fail(f"CI needs PostgreSQL for these tests. {message}")
    pytest.skip(message)


@functools.cache
def _why_postgres_is_unreachable() -> str | None:
    """Asked once per test process: each of hundreds of tests opening a connection only to ask cost the
    suite seconds."""
    try:
        with admin_connection() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to reach the server means "no PostgreSQL here"
        return f"{type(error).__name__}: {error}"
    return None


@functools.cache
def _admin_engine() -> Engine:
    """One pooled autocommit engine on the server's maintenance database for the whole test process: making
    an engine and a connection for each database created and dropped cost a third of a PostgreSQL test's
    setup."""
    engine = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    # A forked child (the power-cut and race tests' workers) must not close the parent's pooled connection.
    os.register_at_fork(after_in_child=lambda: engine.dispose(close=False))
    return engine


@contextmanager
def admin_connection() -> Iterator[Connection]:
    """An autocommit connection to the server's maintenance database, for creating and dropping databases."""
    with _admin_engine().connect() as connection:
        yield connection


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, empty database for one test, dropped afterwards (even if other sessions still hold it)."""
    require_postgres()
    name = f"receiving_test_{uuid.uuid4().hex[:12]}"
    with admin_connection() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_connection() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


DATABASES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
