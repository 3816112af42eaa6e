"""History searches on SQLite and PostgreSQL: each kind reads its tables by index (never whole), finds
what a plain reading of every RMA finds, in the same order, and pages by keyset without a gap or a repeat."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, timedelta

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.errors import InputError
from receiving_app.persistence.rma_search_plans import SearchPlan
from receiving_app.persistence.schema import MIGRATIONS
from receiving_app.services.search import DateField, OutcomeFilter, RmaSearch, SearchService, records_criteria
from tests.support.query_plans import plans_reading_whole_tables, statements_of
from tests.support.search_history import FIRST_DAY, build_search_history
from tests.support.search_reference import expected_numbers, history_as_read_plainly

Kind = Callable[[dict], RmaSearch]

DECIDED = DateField.DECIDED
KINDS: dict[str, Kind] = {
    "everything, newest first": lambda _: RmaSearch(),
    "part of a customer's name": lambda known: RmaSearch(customer=known["name"][2:7].upper()),
    "a customer's account": lambda known: RmaSearch(customer=known["account"].lower()),
    "the start of an account": lambda known: RmaSearch(customer=known["account"][:-1]),
    "the start of a number": lambda known: RmaSearch(number=known["number"][:-1].lower()),
    "a SKU": lambda known: RmaSearch(sku=known["sku"]),
    "refunded": lambda _: RmaSearch(outcome=OutcomeFilter.REFUND),
    "replaced": lambda _: RmaSearch(outcome=OutcomeFilter.REPLACEMENT),
    "denied": lambda _: RmaSearch(outcome=OutcomeFilter.DENIED),
    "not decided yet": lambda _: RmaSearch(outcome=OutcomeFilter.PENDING),
    "received on a day": lambda known: RmaSearch(date_field=DECIDED, date_from=known["day"], date_to=known["day"]),
    "received over ten days": lambda known: RmaSearch(
        date_field=DECIDED, date_from=known["day"], date_to=known["day"] + timedelta(days=9)
    ),
    "received since a day": lambda known: RmaSearch(date_field=DECIDED, date_from=known["day"]),
    "authorized on a day": lambda known: RmaSearch(date_from=known["day"], date_to=known["day"]),
    "authorized over twenty days": lambda known: RmaSearch(
        date_from=known["day"], date_to=known["day"] + timedelta(days=19)
    ),
    "authorized until a day": lambda known: RmaSearch(date_to=known["day"]),
    "a SKU denied": lambda known: RmaSearch(sku=known["sku"], outcome=OutcomeFilter.DENIED),
    "a SKU not decided yet": lambda known: RmaSearch(sku=known["sku"], outcome=OutcomeFilter.PENDING),
    "an account refunded": lambda known: RmaSearch(customer=known["account"], outcome=OutcomeFilter.REFUND),
    "refunded on a day": lambda known: RmaSearch(
        outcome=OutcomeFilter.REFUND, date_field=DECIDED, date_from=known["day"], date_to=known["day"]
    ),
    "a SKU received over ten days": lambda known: RmaSearch(
        sku=known["sku"], date_field=DECIDED, date_from=known["day"], date_to=known["day"] + timedelta(days=9)
    ),
    "a name authorized over twenty days": lambda known: RmaSearch(
        customer=known["name"][2:7], date_from=known["day"], date_to=known["day"] + timedelta(days=19)
    ),
    "a number's start not decided yet": lambda known: RmaSearch(
        number=known["number"][:-2], outcome=OutcomeFilter.PENDING
    ),
}


@pytest.fixture
def history(database_url, tmp_path, database_templates):
    """A station on two months of history (tests/support/search_history.py), searched in UTC days."""
    database_templates.fill(database_url, "search history", build_search_history)
    station = bootstrap(database_url, settings_path=tmp_path / "settings.json", today=lambda: date(2026, 3, 16))
    yield station
    station.close()


@pytest.fixture
def known(history) -> dict:
    """Values to search for, taken from the history: an older RMA's customer, number and SKU, a day in it."""
    with history.units.engine.connect() as connection:
        name, account, number, sku = connection.execute(
            text(
                "SELECT customer.name, customer.account_number, rma.number, line.sku FROM rmas AS rma "
                "JOIN orders AS o ON o.id = rma.order_id JOIN customers AS customer ON customer.id = o.customer_id "
                "JOIN rma_lines AS line ON line.rma_id = rma.id WHERE rma.id = 57"
            )
        ).first()
    return {"name": name, "account": account, "number": number, "sku": sku, "day": FIRST_DAY + timedelta(days=20)}


def history_numbers(station) -> list[str]:
    with station.units.engine.connect() as connection:
        return connection.execute(text("SELECT number FROM rmas")).scalars().all()


def every_page(service: SearchService, search: RmaSearch) -> list[list[str]]:
    """The numbers on each page of the search, following each page's token to the next."""
    pages, after = [], ""
    while True:
        result = service.search(replace(search, limit=7, after=after), user="admin")
        pages.append([rma.number for rma in result.rmas])
        if result.next_page is None:
            assert result.more is False
            return pages
        assert result.more is True and len(result.rmas) == 7
        after = result.next_page


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_search_finds_what_a_plain_reading_finds_newest_first_page_by_page(history, known, kind) -> None:
    search = KINDS[kind](known)
    expected = expected_numbers(
        history_as_read_plainly(history.units.engine), records_criteria(search, sees_names=True, zone=UTC)
    )

    pages = every_page(SearchService(history.units, zone=UTC), search)

    found = [number for page in pages for number in page]
    assert found == expected
    assert len(set(found)) == len(found)
    assert len(expected) > 0 and (kind == "everything, newest first" or len(expected) < len(history_numbers(history)))


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_search_reads_its_tables_by_index_never_whole(history, known, kind) -> None:
    search = KINDS[kind](known)
    service = SearchService(history.units, zone=UTC)
    engine = history.units.engine
    with statements_of(engine) as sent:
        first = service.search(replace(search, limit=5), user="admin")
        if first.next_page:
            service.search(replace(search, limit=5, after=first.next_page), user="admin")
        # Every way in the search could take on a bigger history, not only the one it took here.
        criteria = records_criteria(search, sees_names=True, zone=UTC)
        with history.units.read() as uow:
            plan = SearchPlan(uow.session, criteria)
            plan.page(before=None, count=5)
            bounds = plan.bounds(None)
            for driver in plan.drivers():
                for ordered in {driver.ordered, False}:
                    uow.session.execute(plan.query(driver, bounds, ordered=ordered, count=5)).all()

    assert plans_reading_whole_tables(engine, sent) == {}


def test_the_plan_check_sees_a_table_read_whole(history) -> None:
    engine = history.units.engine
    unindexed = "SELECT id FROM rma_lines WHERE hold_note = 'Waiting for the seller'"  # no index has hold_note
    no_parameters = {} if engine.dialect.name == "postgresql" else ()

    assert plans_reading_whole_tables(engine, [(unindexed, no_parameters)]) != {}


def test_pages_neither_repeat_nor_skip_rmas_decided_at_the_same_moment(history, known) -> None:
    first, last = known["day"], known["day"] + timedelta(days=2)
    service = SearchService(history.units, zone=UTC)
    with history.units.engine.connect() as connection:
        decisions, moments = connection.execute(
            text(
                "SELECT count(*), count(DISTINCT decided_at) FROM decisions "
                "WHERE voided_at IS NULL AND decided_at >= :start AND decided_at < :end"
            ),
            {"start": f"{first} 00:00:00", "end": f"{last + timedelta(days=1)} 00:00:00"},
        ).one()
    assert decisions > 2 * moments  # many decisions share each moment

    search = RmaSearch(date_field=DECIDED, date_from=first, date_to=last, limit=3)
    pages, after = [], ""
    while True:
        result = service.search(replace(search, after=after), user="admin")
        pages.append([rma.number for rma in result.rmas])
        if not result.next_page:
            break
        after = result.next_page
    listed = [number for page in pages for number in page]
    everything = [rma.number for rma in service.search(replace(search, limit=1000), user="admin").rmas]

    assert len(pages) > 2
    assert listed == everything
    assert len(set(listed)) == len(listed)


def test_a_page_token_that_is_not_one_is_refused_in_words(history) -> None:
    service = SearchService(history.units, zone=UTC)

    with pytest.raises(InputError, match="not a page of this search"):
        service.search(RmaSearch(after="12; DROP TABLE rmas"), user="admin")


def test_upgrading_files_every_standing_decision_made_before_the_search_table_existed(history) -> None:
    engine = history.units.engine
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    standing = "SELECT id FROM decisions WHERE voided_at IS NULL ORDER BY id"
    filed = "SELECT decision_id FROM search_decisions ORDER BY decision_id"
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0011")
        command.upgrade(config, "head")
    with engine.connect() as connection:
        assert connection.execute(text(filed)).scalars().all() == connection.execute(text(standing)).scalars().all()
        voided = connection.execute(text("SELECT count(*) FROM decisions WHERE voided_at IS NOT NULL")).scalar_one()
    assert voided > 0
