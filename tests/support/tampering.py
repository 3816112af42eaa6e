"""What someone with write access to the database, but without the station's chain key, can do.

A station with a few decided units, one of them voided, is built once and copied for each attempt
(a file copy on SQLite, a template database on PostgreSQL). The forgeries recompute every hash the
way the station does, because the algorithm is no secret; only the key is.
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, select, text, update
from sqlalchemy.engine import Connection, make_url

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.domain.audit import event_hash, head_seal, seal_of
from receiving_app.persistence.audit_tables import AuditEventRow, AuditHeadRow
from receiving_app.services.auth import SignInRefused
from receiving_app.services.station import Station
from tests.support.databases import admin_connection, fresh_postgres_database
from tests.support.receiving import receive
from tests.support.warehouse import Line, Rma, add_rmas

A_KEY_NOT_THE_STATIONS = bytes(range(32))


def build_bench(url: str, folder: Path) -> None:
    """Refunds with and without a fee, a denial, a void, a locked-out receiver: every kind of row."""
    station = bootstrap(url, settings_path=folder / "settings.json", today=lambda: date(2026, 3, 16))
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas(
            station,
            folder,
            Rma("RA0000401", lines=(Line(reason="not_needed"), Line(sku="DR-630", unit_price="39.99"))),
            Rma("RA0000402", lines=(Line(),)),
        )
        receive(station, "RA0000401", 1)
        receive(station, "RA0000401", 2)
        voided = receive(station, "RA0000402", 1)
        station.history.void_document(
            voided.decision.documents[0].number, user="supervisor", station="bench-1", reason="scanned twice"
        )
        for _attempt in range(10):
            with suppress(SignInRefused):
                station.auth.sign_in("receiver", "not the pin", station="bench-1")
    finally:
        station.close()


@contextmanager
def sqlite_copies(folder: Path) -> Iterator[Callable[[], str]]:
    original = folder / "bench.sqlite3"
    build_bench(f"sqlite:///{original}", folder)

    def copy() -> str:
        target = folder / f"copy-{uuid.uuid4().hex[:8]}.sqlite3"
        shutil.copyfile(original, target)
        return f"sqlite:///{target}"

    yield copy


@contextmanager
def postgres_copies(folder: Path) -> Iterator[Callable[[], str]]:
    made: list[str] = []
    with fresh_postgres_database() as template_url:
        build_bench(template_url, folder)
        template = make_url(template_url).database

        def copy() -> str:
            name = f"receiving_copy_{uuid.uuid4().hex[:12]}"
            with admin_connection() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
            made.append(name)
            return make_url(template_url).set(database=name).render_as_string(hide_password=False)

        try:
            yield copy
        finally:
            with admin_connection() as connection:
                for name in made:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextmanager
def opened(url: str, folder: Path) -> Iterator[Station]:
    station = bootstrap(url, prepare=False, settings_path=folder / "settings.json")
    try:
        yield station
    finally:
        station.close()


def tamper(url: str, *statements: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))
    engine.dispose()


def swap_a_pdf(url: str) -> str:
    """Replaces the first stored PDF with another file, digest and all; returns its number."""
    engine = create_engine(url)
    with engine.begin() as connection:
        number, pdf = connection.execute(
            text("SELECT number, pdf FROM documents WHERE pdf IS NOT NULL ORDER BY id LIMIT 1")
        ).one()
        forged = bytes(pdf) + b"\n% another file with the same name\n"
        connection.execute(
            text("UPDATE documents SET pdf = :pdf, pdf_sha256 = :digest WHERE number = :number"),
            {"pdf": forged, "digest": hashlib.sha256(forged).hexdigest(), "number": number},
        )
    engine.dispose()
    return number


def rehash_chain(url: str, *, key: bytes | None = None, first_changed: int = 1) -> None:
    """Recomputes every link from ``first_changed`` on, and the head, as a forger would: with no key
    the old seals stay (they no longer match), with a key of their own they seal it anew."""
    engine = create_engine(url)
    with engine.begin() as connection:
        _relink(connection, key, first_changed)
    engine.dispose()


def _relink(connection: Connection, key: bytes | None, first_changed: int) -> None:
    events = AuditEventRow.__table__
    rows = connection.execute(select(events).order_by(events.c.sequence)).all()
    previous = "0" * 64
    for row in rows:
        digest = event_hash(
            previous,
            row.sequence,
            row.event_type,
            row.at,
            row.user_name,
            row.station_id,
            row.rma_number,
            row.payload,
            row.sealed_rows or "",
        )
        if row.sequence >= first_changed:
            seal = seal_of(key, digest) if key else row.seal
            connection.execute(
                update(events)
                .where(events.c.sequence == row.sequence)
                .values(previous_hash=previous, hash=digest, seal=seal)
            )
        previous = digest
    last = rows[-1].sequence if rows else 0
    head = {"last_sequence": last, "last_hash": previous}
    if key:
        head["seal"] = head_seal(key, last, previous)
    connection.execute(update(AuditHeadRow.__table__).values(**head))
