"""What a database says it would read for a statement: full reads of the history's big tables, if any.

SQLite's EXPLAIN QUERY PLAN says ``SCAN table`` for a read of a whole table or index, ``SEARCH`` for
a lookup or range. PostgreSQL's EXPLAIN is asked with each row read made costly and sequential scans
and whole-table joins (hash, merge) discouraged, as a database too big to read whole would have them
(a test's few hundred rows are rightly read whole), so that a Seq Scan it still plans, or an index
read without a condition, means no index serves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event

# The tables that grow with the history, and the customers (the search must not read them all either).
WATCHED = frozenset({"rmas", "rma_lines", "decisions", "search_decisions", "orders", "customers", "inspections"})
_SQLITE_SCAN = re.compile(r"^SCAN (\w+?)(?:_\d+)?(?: |$)")
_SQLITE_INDEX = re.compile(r"USING (?:COVERING )?INDEX (\w+)")

Statement = tuple[str, Any]


@contextmanager
def statements_of(engine: Engine) -> Iterator[list[Statement]]:
    """The statements (with their parameters) the engine sends meanwhile."""
    sent: list[Statement] = []

    def note(_connection, _cursor, statement, parameters, _context, _many) -> None:
        sent.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", note)


def full_reads(connection: Connection, statement: str, parameters: Any) -> list[str]:
    """How the statement would read a watched table whole; empty when every read is a lookup or a range."""
    if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
        return []
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
        found = [(detail, _SQLITE_SCAN.match(detail)) for *_, detail in rows]
        return [detail for detail, match in found if match and match.group(1) in WATCHED]
    # As on a big database: every row read costs (a few hundred cost nothing, so PostgreSQL would
    # rightly read them all), nothing is read whole, joins look rows up rather than read both sides.
    for setting in ("enable_seqscan", "enable_hashjoin", "enable_mergejoin", "enable_material"):
        connection.exec_driver_sql(f"SET LOCAL {setting} = off")
    for setting in ("cpu_tuple_cost", "cpu_index_tuple_cost"):
        connection.exec_driver_sql(f"SET LOCAL {setting} = 1")
    plan = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters).scalar_one()
    return [_describe(node) for node in _nodes(plan[0]["Plan"]) if _reads_whole(node)]


def indexes_read(connection: Connection, statement: str, parameters: Any) -> set[str]:
    """The indexes the database would read for the statement, on a database too big to read a table whole."""
    if connection.dialect.name == "sqlite":
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
        return {match.group(1) for *_, detail in rows if (match := _SQLITE_INDEX.search(detail))}
    for setting in ("enable_seqscan", "enable_bitmapscan"):
        connection.exec_driver_sql(f"SET LOCAL {setting} = off")
    plan = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters).scalar_one()
    return {node["Index Name"] for node in _nodes(plan[0]["Plan"]) if "Index Name" in node}


def _nodes(node: dict) -> Iterator[dict]:
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def _reads_whole(node: dict) -> bool:
    if node.get("Relation Name") not in WATCHED:
        return False
    if node["Node Type"] == "Seq Scan":
        return True
    return node["Node Type"] in ("Index Scan", "Index Only Scan") and "Index Cond" not in node


def _describe(node: dict) -> str:
    return f"{node['Node Type']} on {node['Relation Name']}" + (
        f" using {node['Index Name']}" if "Index Name" in node else ""
    )


def plans_reading_whole_tables(engine: Engine, statements: list[Statement]) -> dict[str, list[str]]:
    """For each statement that would read a watched table whole, how (the statement's first 200 characters)."""
    problems: dict[str, list[str]] = {}
    with engine.connect() as connection:
        for statement, parameters in statements:
            with connection.begin():
                found = full_reads(connection, statement, parameters)
            if found:
                problems[" ".join(statement.split())[:200]] = found
    return problems


Explain = Callable[[list[Statement]], dict[str, list[str]]]
