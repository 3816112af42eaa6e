"""The small lookups a History search makes before it reads a page: which customers its customer
box matches, and which RMA ids the days of its date range span.

Both answer from an index in a few seeks, whatever the size of the history: customers by the
start of their account number or (PostgreSQL's trigram index, SQLite's FTS5 table of trigrams,
migration 0012) any part of their name; a range's RMA ids by the lowest and highest id on each of
its days, which an index of (day, RMA id) holds at either end of the day's entries.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, Date, Integer, and_, bindparam, column, func, select, text
from sqlalchemy.orm import Session

from receiving_app.persistence.order_tables import CustomerRow

_CUSTOMERS = CustomerRow.__table__

BOUND_DAYS_AT_MOST = 1_000  # days of a range looked up one by one for its RMA ids
NO_IDS = (1, 0)
ALL_IDS = (1, 2**31 - 1)  # ids are 32-bit integers on both databases
_LAST_CHARACTER = "\U0010ffff"


def customer_conditions(session: Session, needle: str, *, names: bool) -> list[ColumnElement[bool]]:
    """Customers whose account number starts with ``needle`` and (``names``) whose name contains it,
    ignoring case (``needle`` is case-folded): each its own condition, so that each finds its own index."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    account = func.lower(_CUSTOMERS.c.account_number)
    starts = account.startswith(needle, autoescape=True)
    if sqlite:
        # SQLite's LIKE cannot use an index of an expression; the range it stands for can.
        starts = and_(account >= needle, account < needle + _LAST_CHARACTER, starts)
    conditions = [starts]
    if names:
        contains = func.lower(_CUSTOMERS.c.name).contains(needle, autoescape=True)
        if sqlite and len(needle) >= 3 and _has_customer_names_index(session):
            # The full-text table finds the names holding the text's trigrams; LIKE keeps the match exact.
            phrase = '"' + needle.replace('"', '""') + '"'
            listed = text("SELECT rowid FROM customer_names WHERE customer_names MATCH :phrase").bindparams(
                phrase=phrase
            )
            contains = and_(_CUSTOMERS.c.id.in_(listed.columns(column("rowid", Integer))), contains)
        conditions.append(contains)
    return conditions


def matching_customer_ids(session: Session, needle: str, *, names: bool, at_most: int) -> list[int] | None:
    """The ids of the matching customers, or None when more than ``at_most`` match."""
    found: set[int] = set()
    for condition in customer_conditions(session, needle, names=names):
        found.update(
            session.connection().execute(select(_CUSTOMERS.c.id).where(condition).limit(at_most + 1)).scalars()
        )
        if len(found) > at_most:
            return None
    return sorted(found)


def _has_customer_names_index(session: Session) -> bool:
    """Whether this SQLite has the full-text table (a SQLite built without FTS5 has not); asked once a connection."""
    info = session.connection().info
    if "customer_names_index" not in info:
        found = (
            session.connection()
            .execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customer_names'"))
            .first()
        )
        info["customer_names_index"] = found is not None
    return bool(info["customer_names_index"])


def ids_of_days(
    session: Session, table: str, day: str, rma_id: str, first: date | None, last: date | None
) -> tuple[int, int]:
    """The lowest and highest ``rma_id`` of ``table``'s rows whose ``day`` is from ``first`` to ``last``
    (open ends: as far as the table goes), two seeks a day in its index (day, rma_id). NO_IDS when no
    row falls on those days; ALL_IDS when the range holds too many days to look up one by one."""
    # An open end is as far as the table goes: one min() or max() a statement, which SQLite answers
    # from the end of the day index (asked for both at once, it reads the whole index).
    connection = session.connection()
    if first is None:
        first = _as_date(connection.execute(text(f"SELECT min({day}) FROM {table}")).scalar())
    if last is None:
        last = _as_date(connection.execute(text(f"SELECT max({day}) FROM {table}")).scalar())
    if first is None or last is None or first > last:
        return NO_IDS
    if (last - first).days >= BOUND_DAYS_AT_MOST:
        return ALL_IDS
    per_day = (
        f"(SELECT min({rma_id}) FROM {table} WHERE {day} = days.day) AS low, "
        f"(SELECT max({rma_id}) FROM {table} WHERE {day} = days.day) AS high"
    )
    if session.get_bind().dialect.name == "sqlite":
        days = (
            "WITH RECURSIVE days(day) AS (SELECT :first UNION ALL "
            "SELECT date(day, '+1 day') FROM days WHERE day < :last) "
        )
        query = text(f"{days}SELECT min(low), max(high) FROM (SELECT {per_day} FROM days) AS bounds")
    else:
        days = (
            "SELECT CAST(generate_series(CAST(:first AS date), CAST(:last AS date), interval '1 day') AS date) AS day"
        )
        query = text(f"SELECT min(low), max(high) FROM (SELECT {per_day} FROM ({days}) AS days) AS bounds")
    low, high = (
        session.connection()
        .execute(query.bindparams(bindparam("first", first, type_=Date), bindparam("last", last, type_=Date)))
        .one()
    )
    return (int(low), int(high)) if low is not None else NO_IDS


def _as_date(value: object) -> date | None:
    """A day as a raw query returns it: a date (PostgreSQL) or its ISO text (SQLite)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
