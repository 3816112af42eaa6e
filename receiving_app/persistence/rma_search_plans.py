"""How History finds a page of RMAs among millions: which index each search reads, and which way.

History lists the RMAs that match, newest on file (highest id) first, a page at a time; the next
page is the RMAs below the last one listed (a keyset), never an OFFSET. Each criterion that has an
index of its own is a way in (a *driver*): a number's start, a customer's orders, an authorization
or decision day, a SKU, an outcome, the lines still to receive. Counts that stop at
``COLLECT_AT_MOST`` say how many rows each would hand out, and the page is then found one of two ways:

* **Walk.** An index that ends with the RMA id (the RMAs' own; a SKU's, an outcome's or the
  pending lines') is read downwards from the top of the page, testing every other criterion on each
  entry, until the page is full. A criterion that matches many rows fills a page within a few
  hundred entries; one that matches few ends the walk when its entries end.
* **Collect.** When another driver hands out far fewer rows than the walk would read, those are
  read through its index, tested, and sorted.

A date range bounds both: the newest and the oldest RMA authorized, or decided, on each of its
days is a seek each (search_lookups.py), so a walk over last March starts at March's newest RMA
and stops at its oldest.

The criteria on lines (SKU, outcome, pending, decision time) must hold for one and the same line
and decision: the search reads the standing decisions (search_tables.py) when it asks about an
outcome or a time, the RMA lines when it asks only about SKU or pending, the RMAs otherwise.

SQLite plans by rules (the station never runs ANALYZE, so there are no statistics): a term written
``+column`` is one it cannot look up in an index, which is how each query leaves it the one index
meant. PostgreSQL plans by statistics, and each query leaves it the same indexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Date, Integer, Select, and_, exists, func, literal, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.search_lookups import ALL_IDS, customer_conditions, ids_of_days, matching_customer_ids
from receiving_app.persistence.search_tables import SearchDecisionRow

COLLECT_AT_MOST = 4_000  # rows a driver may hand out to be collected and sorted; counts stop above it
CUSTOMERS_AT_MOST = 300  # customers listed by id; when more match, each RMA's customer is tested instead
DECIDED_OUTCOMES = ("refund", "replacement", "denied")
PENDING_STATUSES = ("open", "on_hold")
# Written into the SQL as literals: SQLite uses a partial index only for a query that names its terms.
_PENDING: list[ColumnElement[str]] = [literal_column(f"'{status}'") for status in PENDING_STATUSES]

Level = Literal["rma", "line", "decision"]
Column = ColumnElement[Any]
# Core tables, not the ORM's classes: a page is ids, and the ORM's handling of aliases and rows costs
# more than the queries (a millisecond a search).
_RMAS, _LINES, _FILED = RmaRow.__table__, RmaLineRow.__table__, SearchDecisionRow.__table__
_ORDERS, _CUSTOMERS = OrderRow.__table__, CustomerRow.__table__
_TABLES: dict[Level, Any] = {"rma": _RMAS, "line": _LINES, "decision": _FILED}


@dataclass(frozen=True, slots=True)
class RmaCriteria:
    """What the RMAs must match; empty criteria are ignored. Texts come trimmed, number and SKU upper case."""

    number_prefix: str = ""
    customer: str = ""
    match_customer_names: bool = False  # else the customer box matches account numbers only
    sku: str = ""
    reported_from: date | None = None
    reported_to: date | None = None
    outcome: str = ""  # refund, replacement, denied, or pending (a line open or on hold)
    decided_from: datetime | None = None
    decided_before: datetime | None = None

    @property
    def by_decision(self) -> bool:
        """A standing decision must match (its outcome or its time), beside its line's SKU and status."""
        return self.outcome in DECIDED_OUTCOMES or self.decided_from is not None or self.decided_before is not None

    @property
    def pending(self) -> bool:
        return self.outcome == "pending"

    @property
    def asked(self) -> int:
        """How many criteria are given (a date range is one)."""
        given = (self.number_prefix, self.customer, self.sku, self.outcome, self.reported, self.decided)
        return sum(bool(criterion) for criterion in given)

    @property
    def reported(self) -> bool:
        return self.reported_from is not None or self.reported_to is not None

    @property
    def decided(self) -> bool:
        return self.decided_from is not None or self.decided_before is not None

    def decided_days(self) -> tuple[date | None, date | None]:
        """The first and last UTC day of the decision range (the days of ``search_decisions.decided_on``)."""
        last = self.decided_before - timedelta(microseconds=1) if self.decided_before else None
        return (self.decided_from.date() if self.decided_from else None, last.date() if last else None)


@dataclass(frozen=True, slots=True)
class Driver:
    """A way in: the index of one criterion (``all``: none, the table in RMA order) on a table of ``level``."""

    criterion: str
    level: Level
    ordered: bool  # the index ends with the RMA id: read in order, it hands out RMAs newest first


@dataclass(frozen=True, slots=True)
class Bounds:
    low: int
    high: int

    @property
    def empty(self) -> bool:
        return self.low > self.high

    def within(self, low: int, high: int) -> Bounds:
        return Bounds(max(self.low, low), min(self.high, high))


class SearchPlan:
    """One search's way to its pages, over one session; ``choice`` says how the last page was found."""

    def __init__(self, session: Session, criteria: RmaCriteria) -> None:
        self._session = session
        self._criteria = criteria
        self._sqlite = session.get_bind().dialect.name == "sqlite"
        self._level: Level = (
            "decision" if criteria.by_decision else "line" if criteria.sku or criteria.pending else "rma"
        )
        self._customer_ids: list[int] | None = None
        self._customers_resolved = False
        self.choice: tuple[str, Driver] | None = None  # ("walk" or "collect", the driver read)

    def page(self, *, before: int | None, count: int) -> list[int]:
        """The ids of the ``count`` newest matching RMAs below ``before`` (all, without it), newest first."""
        criteria = self._criteria
        if criteria.customer and not self._customers_resolved:
            needle = criteria.customer.casefold()
            self._customer_ids = matching_customer_ids(
                self._session, needle, names=criteria.match_customer_names, at_most=CUSTOMERS_AT_MOST
            )
            self._customers_resolved = True
        if self._customer_ids == []:
            return []
        bounds = self.bounds(before)
        if bounds.empty:
            return []
        self.choice = self.choose(bounds)
        way, driver = self.choice
        return list(
            self._session.connection().execute(self.query(driver, bounds, ordered=way == "walk", count=count)).scalars()
        )

    def choose(self, bounds: Bounds) -> tuple[str, Driver]:
        """Walk the ordered index that hands out the fewest rows, unless another hands out far fewer."""
        drivers = self.drivers()
        alone = [driver for driver in drivers if driver.criterion != "all"]
        if not alone or (len(alone) == 1 and alone[0].ordered and self._criteria.asked == 1):
            # One criterion whose index is in RMA order (or none): every entry read is a match, nothing to count.
            return "walk", (alone or drivers)[0]
        counted = {driver: self._count(driver, bounds) for driver in drivers}
        walk = min((driver for driver in counted if driver.ordered), key=lambda driver: counted[driver])
        best = min(counted, key=lambda driver: counted[driver])
        if counted[walk] <= COLLECT_AT_MOST and counted[walk] <= 2 * counted[best]:
            return "walk", walk  # the walk reads at most a few thousand entries, and sorts nothing
        if counted[best] <= COLLECT_AT_MOST:
            return "collect", best
        return "walk", walk

    def drivers(self) -> list[Driver]:
        criteria, level = self._criteria, self._level
        drivers: list[Driver] = []  # where counts tie, the first is taken: the likeliest to be few first
        if criteria.number_prefix:
            drivers.append(Driver("number", "rma", ordered=False))
        if self._customer_ids is not None:
            drivers.append(Driver("customer", "rma", ordered=False))
        if criteria.reported:
            drivers.append(Driver("reported", "rma", ordered=False))
        if criteria.decided:
            drivers.append(Driver("decided", "decision", ordered=False))
        if criteria.sku:
            drivers.append(Driver("sku", level, ordered=True))
        if criteria.outcome in DECIDED_OUTCOMES:
            drivers.append(Driver("outcome", "decision", ordered=True))
        if criteria.pending and level == "line":
            drivers.append(Driver("pending", "line", ordered=True))
        if level != "line":  # a line search has its SKU's or the pending lines' index to walk
            drivers.append(Driver("all", level, ordered=True))
        return drivers

    # Queries --------------------------------------------------------------------------------------------

    def query(self, driver: Driver, bounds: Bounds, *, ordered: bool, count: int) -> Select[Any]:
        """The page's RMA ids through ``driver``'s index: in its order (a walk), or sorted (a collect)."""
        source = _TABLES[driver.level].alias()
        rma_id: Column = source.c.id if driver.level == "rma" else source.c.rma_id
        terms = [*self._driver_terms(driver, source), self._within(driver, rma_id, bounds)]
        # A walk reads the index in RMA order; a collect sorts what the driver's index hands out, by a
        # key no index is in the order of (so that the planner does not walk one instead).
        key = rma_id if ordered else self._unindexed(rma_id) if self._sqlite else rma_id + literal(0)
        if driver.level == "rma":
            query = select(key)
            terms += [*self._rma_terms(source, leave_out=driver.criterion), *self._line_exists(rma_id)]
        else:
            query = select(key).distinct()  # an RMA's lines and decisions are many rows
            terms += self._level_terms(source, leave_out=driver.criterion)
            rma = _RMAS.alias()
            rma_terms = self._rma_terms(rma, leave_out="")
            if rma_terms:
                terms.append(self._each_row(rma, rma.c.id == rma_id, *rma_terms))
        return query.where(*terms).order_by(key.desc()).limit(count)

    def _count(self, driver: Driver, bounds: Bounds) -> int:
        """The rows ``driver``'s index hands out within ``bounds``, counted up to COLLECT_AT_MOST + 1."""
        if driver.criterion == "all" and driver.level == "rma":
            return bounds.high - bounds.low + 1  # ids are handed out one after another
        source = _TABLES[driver.level].alias()
        rma_id: Column = source.c.id if driver.level == "rma" else source.c.rma_id
        if driver.criterion == "customer":
            # Their orders, which the index of orders by customer counts without reading an RMA: as many.
            rows = select(_ORDERS.c.id).where(_ORDERS.c.customer_id.in_(self._customer_ids or []))
        else:
            rows = select(rma_id).where(*self._driver_terms(driver, source), self._within(driver, rma_id, bounds))
        capped = rows.limit(COLLECT_AT_MOST + 1).subquery()
        return int(self._session.connection().execute(select(func.count()).select_from(capped)).scalar_one())

    def _within(self, driver: Driver, rma_id: Column, bounds: Bounds) -> Column:
        """The RMA id within the page's bounds: part of the index read when that index is in RMA order,
        else tested on each row, so that the driver's own index is the one read."""
        return (rma_id if driver.ordered else self._unindexed(rma_id)).between(bounds.low, bounds.high)

    def _driver_terms(self, driver: Driver, source: Any) -> list[Column]:
        """The criterion of ``driver`` as its index reads it."""
        criteria = self._criteria
        match driver.criterion:
            case "number":
                return [self._number_term(source.c.number, indexed=True)]
            case "customer":
                orders = select(_ORDERS.c.id).where(_ORDERS.c.customer_id.in_(self._customer_ids or []))
                return [source.c.order_id.in_(orders)]
            case "reported":
                return self._reported_terms(source.c.reported_on)
            case "decided":
                first, last = criteria.decided_days()
                days = [
                    *([source.c.decided_on >= first] if first else []),
                    *([source.c.decided_on <= last] if last else []),
                ]
                return [*days, *self._decided_terms(source)]
            case "sku":
                return [source.c.sku == criteria.sku]
            case "outcome":
                return [source.c.outcome == criteria.outcome]
            case "pending":
                return [source.c.status.in_(_PENDING)]
        return []

    # Terms ----------------------------------------------------------------------------------------------

    def _unindexed(self, column: Column) -> Column:
        """``+column`` on SQLite: the same value, which its planner cannot look up in an index."""
        if not self._sqlite:
            return column
        return UnaryExpression(column, operator=custom_op("+"), type_=column.type)

    def _unindexed_day(self, day: Column) -> Column:
        """The day, as neither planner can look it up in an index: on PostgreSQL ``day + 0`` (the same
        date). Left indexable there, a month's range plus the page's order made it read the month's
        every RMA through the day index and sort them, where the walk by id stops at a page's matches."""
        if self._sqlite:
            return self._unindexed(day)
        return day.op("+", return_type=Date)(literal(0, Integer))

    def _number_term(self, number: Column, *, indexed: bool) -> Column:
        prefix = self._criteria.number_prefix
        if self._sqlite:
            # SQLite's LIKE ignores case and so cannot use the index; its GLOB is case-sensitive and
            # does. Numbers are stored upper case, like the prefix.
            escaped = "".join(f"[{character}]" if character in "*?[" else character for character in prefix)
            return (number if indexed else self._unindexed(number)).op("GLOB")(escaped + "*")
        starts = number.startswith(prefix, autoescape=True)
        # upper(number) is the number; PostgreSQL's index of it compares byte by byte (rma_tables.py).
        return and_(func.upper(number).startswith(prefix, autoescape=True), starts) if indexed else starts

    def _reported_terms(self, reported_on: Column) -> list[Column]:
        criteria = self._criteria
        return [
            *([reported_on >= criteria.reported_from] if criteria.reported_from is not None else []),
            *([reported_on <= criteria.reported_to] if criteria.reported_to is not None else []),
        ]

    def _decided_terms(self, decision: Any) -> list[Column]:
        criteria = self._criteria
        return [
            *([decision.c.decided_at >= criteria.decided_from] if criteria.decided_from is not None else []),
            *([decision.c.decided_at < criteria.decided_before] if criteria.decided_before is not None else []),
        ]

    def _rma_terms(self, rma: Any, *, leave_out: str) -> list[Column]:
        """The criteria on the RMA itself, but ``leave_out``'s, tested on each RMA reached."""
        criteria = self._criteria
        terms: list[Column] = []
        if criteria.number_prefix and leave_out != "number":
            terms.append(self._number_term(rma.c.number, indexed=False))
        if criteria.reported and leave_out != "reported":
            terms += self._reported_terms(self._unindexed_day(rma.c.reported_on))
        if criteria.customer and leave_out != "customer":
            terms.append(self._customer_term(rma.c.order_id))
        return terms

    def _customer_term(self, order_id: Column) -> Column:
        """The RMA's order is a matching customer's."""
        if self._customer_ids is not None:
            matching: Column = _ORDERS.c.customer_id.in_(self._customer_ids)
        else:
            conditions = customer_conditions(
                self._session, self._criteria.customer.casefold(), names=self._criteria.match_customer_names
            )
            matching = or_(*(_ORDERS.c.customer_id.in_(select(_CUSTOMERS.c.id).where(c)) for c in conditions))
        return self._each_row(_ORDERS, _ORDERS.c.id == order_id, matching)

    def _level_terms(self, source: Any, *, leave_out: str) -> list[Column]:
        """The line criteria on a line or a standing decision, but ``leave_out``'s."""
        criteria = self._criteria
        terms: list[Column] = []
        if criteria.sku and leave_out != "sku":
            terms.append(self._unindexed(source.c.sku) == criteria.sku)
        if self._level == "line":
            if criteria.pending and leave_out != "pending":
                terms.append(self._unindexed(source.c.status).in_(_PENDING))
            return terms
        if criteria.outcome in DECIDED_OUTCOMES and leave_out != "outcome":
            terms.append(self._unindexed(source.c.outcome) == criteria.outcome)
        if leave_out != "decided":
            terms += self._decided_terms(source)
        if criteria.pending:
            line = _LINES.alias()
            terms.append(self._each_row(line, line.c.id == source.c.rma_line_id, line.c.status.in_(_PENDING)))
        return terms

    def _line_exists(self, rma_id: Column) -> list[Column]:
        """An RMA reached by its own index has a line (and decision) matching the line criteria."""
        if self._level == "rma":
            return []
        source = _TABLES[self._level].alias()
        return [self._each_row(source, source.c.rma_id == rma_id, *self._level_terms(source, leave_out=""))]

    def _each_row(self, table: Any, *conditions: Column) -> Column:
        """EXISTS, tested on each row the driver's index hands out. PostgreSQL would otherwise make a
        join of it, and plan that join for the whole table when its estimates say so (a customer's
        name part matching "most" orders); a subquery with an OFFSET is one it leaves as it is."""
        rows = select(literal(1)).select_from(table).where(*conditions)
        return exists(rows if self._sqlite else rows.offset(0))

    # Bounds ---------------------------------------------------------------------------------------------

    def bounds(self, before: int | None) -> Bounds:
        """The RMA ids a match can have: below ``before``, within the date ranges' days."""
        criteria = self._criteria
        bounds = Bounds(1, before - 1 if before is not None else ALL_IDS[1])
        if criteria.reported:
            ids = ids_of_days(self._session, "rmas", "reported_on", "id", criteria.reported_from, criteria.reported_to)
            bounds = bounds.within(*ids)
        if criteria.decided:
            first, last = criteria.decided_days()
            bounds = bounds.within(*ids_of_days(self._session, "search_decisions", "decided_on", "rma_id", first, last))
        return bounds
