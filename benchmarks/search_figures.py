"""The History search figures: every kind of search the page offers, and their combinations, over a
year of history with ``--size`` decided lines and with a tenth of them (the slope), on SQLite and
PostgreSQL; floor: a raw indexed query through the driver (the newest page of RMAs by primary key, the
columns the list shows), measured between the searches in the same run.

The histories are built once and cached (benchmarks/search_data.py), and each run searches a copy.
A search is ``SearchService.search`` as the History page calls it: the page of RMAs, their lines'
outcomes and the summaries the list shows, in one read transaction. Each kind is searched for many
values drawn from the history (names, accounts, numbers, SKUs, days), so that its p95 is that of
the kind, not of one lucky value; every RMA listed is checked against its search.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from benchmarks import data, search_data
from benchmarks.context import Context, Unavailable
from benchmarks.core import Result, median, percentile

TARGET_MS = 50
FEWEST_LINES = 400  # about 300 RMAs: more than a page of 200
SEARCHES = {"full": 40, "quick": 12, "smoke": 2}  # values searched for, per kind
FLOOR_SQL = (
    "SELECT id, number, status, seller_id, order_id, reported_on FROM rmas WHERE id < {mark} ORDER BY id DESC LIMIT 200"
)


def search_sqlite(ctx: Context) -> Result:
    """SearchService.search as the History page calls it, each kind of search many times over, on a year of
    SQLite history; floor: the newest 200 RMAs by primary key through sqlite3."""
    return _searches(ctx, "sqlite", ctx.size)


def search_postgresql(ctx: Context) -> Result:
    """SearchService.search as the History page calls it, each kind many times over, on a year of PostgreSQL
    history (same server, TCP); floor: the newest 200 RMAs by primary key through psycopg."""
    return _searches(ctx, "postgresql", ctx.size)


def search_sqlite_tenth(ctx: Context) -> Result:
    """The same searches over a year of a tenth as many decided lines, SQLite: with the figure at the full
    size, how the searches grow with the history."""
    return _searches(ctx, "sqlite", tenth(ctx.size))


def search_postgresql_tenth(ctx: Context) -> Result:
    """The same searches over a year of a tenth as many decided lines, PostgreSQL."""
    return _searches(ctx, "postgresql", tenth(ctx.size))


def tenth(size: int) -> int:
    """A tenth of the lines, but never so few that the searches' next page has nothing on it (the smoke
    test's tiny history)."""
    return max(size // 10, FEWEST_LINES)


# The histories of this run ------------------------------------------------------------------------------

_URLS: dict[tuple[int, str, int], str] = {}


def _history_url(ctx: Context, backend: str, lines: int) -> str:
    key = (id(ctx), backend, lines)
    if key not in _URLS:
        if backend == "sqlite":
            cache = search_data.sqlite_history(ctx.cache_dir, lines, reuse=ctx.reuse, log=ctx.log)
            _URLS[key] = data.sqlite_work_copy(cache, ctx.work_dir, f"history-{lines}")
        else:
            problem = ctx.postgres_problem()
            if problem:
                raise Unavailable(problem)
            cache = search_data.postgres_history(
                ctx.pg_admin_url, lines, reuse=ctx.reuse, log=ctx.log, settings_path=ctx.settings_path
            )
            if not ctx.reuse:
                ctx._pg_databases.append(cache)  # built for this run alone: dropped with its copies
            name = f"receiving_bench_history_work_{lines}_{id(ctx) % 10**6}"
            ctx._pg_databases.append(name)
            _URLS[key] = data.postgres_work_copy(ctx.pg_admin_url, cache, name)
    return _URLS[key]


# What is searched for ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Known:
    """Values drawn from the history to search for."""

    names: list[str]
    accounts: list[str]
    numbers: list[str]
    skus: list[str]
    first_day: date
    last_day: date


def _known(station) -> Known:
    from sqlalchemy import func, select

    from receiving_app.persistence.order_tables import CustomerRow
    from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

    with station.units.read() as uow:
        session = uow.session
        customers = session.execute(select(CustomerRow.name, CustomerRow.account_number)).all()
        highest = session.execute(select(func.max(RmaRow.id))).scalar_one()
        sample = random.Random(5).sample(range(1, highest + 1), min(highest, 400))
        numbers = list(session.execute(select(RmaRow.number).where(RmaRow.id.in_(sample))).scalars())
        skus = sorted(session.execute(select(RmaLineRow.sku).distinct()).scalars())
        first, last = session.execute(select(func.min(RmaRow.reported_on), func.max(RmaRow.reported_on))).one()
    return Known([name for name, _ in customers], [account for _, account in customers], numbers, skus, first, last)


Kind = Callable[[Known, random.Random, int], object]


def _kinds() -> dict[str, Kind]:
    from receiving_app.services.search import DateField, OutcomeFilter, RmaSearch

    outcomes = [OutcomeFilter.REFUND, OutcomeFilter.REPLACEMENT, OutcomeFilter.DENIED, OutcomeFilter.PENDING]
    decided = DateField.DECIDED

    def day(known: Known, rng: random.Random, span: int = 1) -> dict:
        first = known.first_day + timedelta(days=rng.randrange(max(1, (known.last_day - known.first_day).days - span)))
        return {"date_from": first, "date_to": first + timedelta(days=span - 1)}

    def part(known: Known, rng: random.Random) -> str:
        surname = rng.choice(known.names).split()[0 if rng.random() < 0.5 else -1]
        start = rng.randrange(max(1, len(surname) - 4))
        return surname[start : start + 5]

    return {
        "newest first, no criteria": lambda k, r, i: RmaSearch(),
        "a customer's name": lambda k, r, i: RmaSearch(customer=r.choice(k.names)),
        "part of a name (5 letters)": lambda k, r, i: RmaSearch(customer=part(k, r)),
        "an account": lambda k, r, i: RmaSearch(customer=r.choice(k.accounts)),
        "a number's start": lambda k, r, i: RmaSearch(number=r.choice(k.numbers)[:-2]),
        "a SKU": lambda k, r, i: RmaSearch(sku=r.choice(k.skus)),
        "an outcome (each of four)": lambda k, r, i: RmaSearch(outcome=outcomes[i % 4]),
        "received on a day": lambda k, r, i: RmaSearch(date_field=decided, **day(k, r)),
        "received over 30 days": lambda k, r, i: RmaSearch(date_field=decided, **day(k, r, 30)),
        "authorized on a day": lambda k, r, i: RmaSearch(**day(k, r)),
        "authorized over 30 days": lambda k, r, i: RmaSearch(**day(k, r, 30)),
        "a SKU with an outcome": lambda k, r, i: RmaSearch(sku=r.choice(k.skus), outcome=outcomes[i % 4]),
        "an account with an outcome": lambda k, r, i: RmaSearch(customer=r.choice(k.accounts), outcome=outcomes[i % 3]),
        "an outcome received on a day": lambda k, r, i: RmaSearch(
            outcome=outcomes[i % 3], date_field=decided, **day(k, r)
        ),
        "a SKU received over 30 days": lambda k, r, i: RmaSearch(
            sku=r.choice(k.skus), date_field=decided, **day(k, r, 30)
        ),
        "part of a name authorized over 30 days": lambda k, r, i: RmaSearch(customer=part(k, r), **day(k, r, 30)),
        "the next page of an outcome": lambda k, r, i: RmaSearch(outcome=outcomes[i % 4]),
    }


# The figure -------------------------------------------------------------------------------------------


def _searches(ctx: Context, backend: str, lines: int) -> Result:
    url = _history_url(ctx, backend, lines)
    station = ctx.station(url)
    known = _known(station)
    floor = _floor(url)
    rng = random.Random(ctx.seed)
    count = 1 if ctx.profiling else SEARCHES[ctx.scale.name]
    per_kind: dict[str, list[float]] = {}
    floor_samples: list[float] = []
    wrong: list[str] = []
    listed = 0
    clock = time.perf_counter
    for name, kind in _kinds().items():
        wanted = [kind(known, rng, index) for index in range(count + 2)]
        if name.startswith("the next page"):  # the first page listed beforehand, untimed: its token is the search
            wanted = [_first_page(station, search) for search in wanted]
        for search in wanted[:2]:  # warm-up: the first search of a kind pays for its statements' compiling
            station.search.search(search, user="admin")
        samples = per_kind.setdefault(name, [])
        for index, search in enumerate(wanted[2:]):
            started = clock()
            floor(index)
            floor_samples.append(clock() - started)
            with ctx.profiled():
                started = clock()
                result = station.search.search(search, user="admin")
                samples.append(clock() - started)
            listed += len(result.rmas)
            wrong += [f"{name}: {problem}" for problem in _mismatches(search, result)]
    floor.close()
    if wrong:
        raise AssertionError(f"{len(wrong)} RMAs listed by searches they do not match, e.g. {wrong[:3]}")
    samples = [sample for kind_samples in per_kind.values() for sample in kind_samples]
    shape = search_data.shape_of(station)
    return Result(
        "time",
        samples,
        floor_samples=floor_samples,
        floor_label="the newest 200 RMAs by primary key, through the driver",
        notes=[
            f"{count} searches of each of {len(per_kind)} kinds (after 2 warm-up searches each), values drawn at "
            f"random from the history, {_history_words(shape, lines)}. Each search lists a page of 200 RMAs (the "
            "page's size), their lines' outcomes and totals, as the History page shows them; "
            f"{listed:,} RMAs listed in all, each checked against its search.",
            "Median and p95 columns: over every search of every kind. Each kind on its own:\n\n"
            + "\n".join(
                f"  {row}"
                for row in (
                    "| kind | median | p95 |",
                    "| --- | ---: | ---: |",
                    *(
                        f"| {name} | {_ms(median(values))} | {_ms(percentile(values, 0.95))} |"
                        for name, values in per_kind.items()
                    ),
                )
            ),
            "Floor: `" + FLOOR_SQL.format(mark="?") + "` through the raw driver, before each search.",
        ],
        checks={
            f"every kind's p95 ≤ {TARGET_MS} ms": all(
                percentile(values, 0.95) <= TARGET_MS / 1000 for values in per_kind.values()
            ),
            "every RMA listed matches its search": not wrong,
        },
    )


def _first_page(station, search):
    """The search with the token of its second page (a small history's outcome may have one page only:
    then everything's second page)."""
    from receiving_app.services.search import RmaSearch

    for candidate in (search, RmaSearch()):
        token = station.search.search(candidate, user="admin").next_page
        if token is not None:
            return replace(candidate, after=token)
    raise AssertionError("the history holds a single page of RMAs: no next page to measure")


def _mismatches(search, result) -> list[str]:
    """What the search asked for that an RMA listed does not show (what a summary can show)."""
    problems = []
    for rma in result.rmas:
        checks = {
            "number": rma.number.startswith(search.number.upper()),
            "customer": not search.customer
            or rma.customer_account.lower().startswith(search.customer.lower())
            or search.customer.lower() in rma.customer_name.lower(),
            "SKU": not search.sku or search.sku in rma.skus,
            "outcome": not search.outcome.value
            or (
                any(state in ("open", "on_hold") for state in rma.line_states)
                if search.outcome.value == "pending"
                else search.outcome.value in rma.line_states
            ),
            "authorized": search.date_field.value != "reported"
            or (
                (not search.date_from or rma.reported >= search.date_from)
                and (not search.date_to or rma.reported <= search.date_to)
            ),
        }
        problems += [f"{rma.number} does not match its {what}" for what, ok in checks.items() if not ok]
    return problems


class _Floor:
    """The newest page of RMAs by primary key through the raw driver: the cheapest list a database can give."""

    def __init__(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            self._connection = sqlite3.connect(parsed.database)
            self._query = FLOOR_SQL.format(mark="?")
        else:
            import psycopg

            self._connection = psycopg.connect(
                host=parsed.host,
                port=parsed.port,
                user=parsed.username,
                password=parsed.password,
                dbname=parsed.database,
            )
            self._query = FLOOR_SQL.format(mark="%s")
        cursor = self._connection.cursor()
        cursor.execute("SELECT max(id) FROM rmas")
        self._highest = cursor.fetchone()[0] + 1

    def __call__(self, index: int) -> None:
        cursor = self._connection.cursor()
        cursor.execute(self._query, (self._highest - (index % 50) * 200,))
        cursor.fetchall()
        self._connection.rollback()

    def close(self) -> None:
        self._connection.close()


def _floor(url: str) -> _Floor:
    return _Floor(url)


def _history_words(shape: dict, decided_lines: int) -> str:
    return (
        f"a year ({shape['first_day']} to {shape['last_day']}) of {shape['rmas']:,} RMAs, {shape['lines']:,} lines, "
        f"{shape['decided_lines']:,} of them decided ({shape['decisions']:,} standing decisions and "
        f"{shape['voided']:,} voided)"
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"
