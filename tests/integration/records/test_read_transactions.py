"""How a read ends its transaction: with COMMIT when it changed nothing, so that PostgreSQL's driver
keeps the statements it prepared (it forgets them all at every ROLLBACK, and each was planned afresh),
and with ROLLBACK when anything in it was changed or it failed, so that a read never writes; and how
a report's prepared statements are planned."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import insert, select, text

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.money import Money
from receiving_app.domain.scan import parse_scan
from receiving_app.persistence.catalog_tables import CatalogItemRow
from tests.support.database_templates import demo_without_rmas
from tests.support.databases import fresh_postgres_database
from tests.support.receiving import receive, weighed
from tests.support.warehouse import Rma, add_rmas

OPENINGS = 8  # more than the driver's threshold (five runs of a statement) before it prepares one
REPORTS = 12  # PostgreSQL weighs a plan made without the values after five runs of a prepared statement


def test_rmas_opened_again_and_again_are_read_through_prepared_statements(tmp_path, database_templates) -> None:
    with fresh_postgres_database() as url:
        database_templates.fill(url, "demo without RMAs", demo_without_rmas)
        station = bootstrap(url, settings_path=tmp_path / "settings.json", today=lambda: date(2026, 3, 16))
        try:
            add_rmas(station, tmp_path, Rma("RA0000301"))
            station.units.engine.dispose()  # one connection from here on: each opening runs on it
            for _ in range(OPENINGS):
                view, _decisions = station.rma_opening.look_up_scan(
                    parse_scan("RA0000301"), user="receiver", station="bench-1"
                )
            assert view.number == "RA0000301"
            with station.units.read() as uow:
                prepared = uow.session.execute(text("SELECT statement FROM pg_prepared_statements")).scalars().all()
            assert any("FROM rmas" in statement and "rmas.number" in statement for statement in prepared), prepared
        finally:
            station.close()


def prepared_statements(station) -> list[tuple[str, int, int]]:
    """(text, plans made without its values, plans made for its values) of each statement the
    station's one connection holds prepared."""
    with station.units.read() as uow:
        rows = uow.session.execute(
            text("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")
        ).all()
    return [(statement, generic, custom) for statement, generic, custom in rows]


SEARCHES_AND_REPORTS = {
    "the daily report": (lambda station: station.reports.daily(station.reports.today()), "FROM decisions"),
    "an order search at the RMA desk": (lambda station: station.rma_desk.find_orders("SO-"), "FROM orders"),
}


@pytest.mark.parametrize("read", SEARCHES_AND_REPORTS)
def test_a_report_or_search_run_again_and_again_is_planned_for_its_own_values_each_time(
    tmp_path, database_templates, read: str
) -> None:
    """A plan made without a day's values read the daily report's 100,000 lines in 250 ms instead of 180:
    the statements of a report or a search are prepared like any other, but never run with such a plan."""
    ask, reading = SEARCHES_AND_REPORTS[read]
    with fresh_postgres_database() as url:
        database_templates.fill(url, "demo without RMAs", demo_without_rmas)
        station = bootstrap(url, settings_path=tmp_path / "settings.json", today=lambda: date(2026, 3, 16))
        try:
            add_rmas(station, tmp_path, Rma("RA0000302"))
            receive(station, "RA0000302", 1, weight=weighed("812.4g"))
            station.units.engine.dispose()
            for _ in range(REPORTS):
                ask(station)
            reads = [row for row in prepared_statements(station) if reading in row[0]]
            assert reads, "its statements were not prepared"
            assert [(statement, generic) for statement, generic, _custom in reads if generic] == []
            assert all(custom >= REPORTS - 5 for _statement, _generic, custom in reads)
        finally:
            station.close()


def a_cartridge(sku: str) -> CatalogItemRow:
    return CatalogItemRow(
        sku=sku,
        brand="Test",
        description="A cartridge a read must not add",
        category="toner",
        full_g=Decimal("900"),
        empty_g=Decimal("300"),
        list_price=Money(Decimal("10.00"), "USD"),
    )


def vars_of(row: CatalogItemRow) -> dict[str, object]:
    return {key: value for key, value in vars(row).items() if not key.startswith("_")}


def on_file(station, sku: str) -> bool:
    with station.units.read() as uow:
        return uow.session.scalar(select(CatalogItemRow.sku).where(CatalogItemRow.sku == sku)) is not None


@pytest.mark.parametrize("how", ["held", "flushed", "inserted by a statement"])
def test_a_read_that_changed_something_leaves_nothing_behind(station, how: str) -> None:
    with station.units.read() as uow:
        if how == "inserted by a statement":
            uow.session.execute(insert(CatalogItemRow), [vars_of(a_cartridge("TEST-READ"))])
        else:
            uow.session.add(a_cartridge("TEST-READ"))
        if how == "flushed":
            uow.session.flush()
    assert not on_file(station, "TEST-READ")


def test_a_read_that_failed_leaves_nothing_behind(station) -> None:
    with pytest.raises(LookupError), station.units.read() as uow:
        uow.session.add(a_cartridge("TEST-FAIL"))
        uow.session.flush()
        raise LookupError("the read went wrong after a change")
    assert not on_file(station, "TEST-FAIL")
