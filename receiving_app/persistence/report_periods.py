"""What every report query shares: its session, one snapshot for all its reads (each planned for its
own values), and the conditions that pick a period's standing decisions (with SQLite's planner kept
off an index where reading the table straight through is faster)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Row, func, select
from sqlalchemy.orm import QueryableAttribute, Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.query_planning import plan_for_their_values

if TYPE_CHECKING:
    from typing import TypeAlias

    NamedRow: TypeAlias = Row[*tuple[Any, ...]]
    """A row read by its columns' names, which each query's docstring lists."""

Value = TypeVar("Value")


class PeriodRecords:
    """The report's reads over the unit of work's session: the period's conditions and its snapshot."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._scan_choices: dict[tuple[datetime, datetime], bool] = {}
        self._currency: str | None = None

    def only_in_currency(self, currency: str | None) -> None:
        """From now on, only the decisions made in ``currency`` (None: in any): a report adds up one
        currency, and a bench serving sellers in two makes one report for each."""
        self._currency = currency

    SCAN_SHARE = 10
    """On SQLite, a period holding more than 1/10 of all decisions is read by scanning the table."""

    def begin_report(self) -> None:
        """Makes the report's several queries read one snapshot, so that its tables agree with each
        other even while stations keep receiving, and has each planned for its own values
        (``query_planning``). Call before the first query of a read unit of work. (SQLite's read
        transaction is a snapshot already; PostgreSQL's default is not.)"""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        plan_for_their_values(self.session)

    def _period(self, start: datetime, end: datetime, station: str | None) -> list[ColumnElement[bool]]:
        decided_at: QueryableAttribute[datetime] | ColumnElement[datetime] = DecisionRow.decided_at
        voided_at: QueryableAttribute[datetime | None] | ColumnElement[datetime | None] = DecisionRow.voided_at
        if self._reads_whole_table(start, end):
            # "+decided_at" hides the index from SQLite's planner (which has no statistics on
            # ranges): for a day holding most of the table, one index probe per row is about
            # three times slower than reading the table straight through. "+voided_at" likewise
            # hides the standing-unit index, whose WHERE voided_at IS NULL would match (20 % slower).
            decided_at, voided_at = self._unindexed(DecisionRow.decided_at), self._unindexed(DecisionRow.voided_at)
        # A voided decision moved no money: it is left out of every total and listed on its own.
        conditions: list[ColumnElement[bool]] = [decided_at >= start, decided_at < end, voided_at.is_(None)]
        if station:
            conditions.append(DecisionRow.station_id == station)
        if self._currency:
            conditions.append(DecisionRow.currency == self._currency)
        return conditions

    @staticmethod
    def _unindexed(column: QueryableAttribute[Value]) -> UnaryExpression[Value]:
        """``+column``: the same value, which SQLite's planner cannot look up in an index."""
        return UnaryExpression(column.expression, operator=custom_op("+"), type_=column.type)

    def _reads_whole_table(self, start: datetime, end: datetime) -> bool:
        if self.session.get_bind().dialect.name != "sqlite":
            return False  # PostgreSQL's planner knows the distribution of decided_at
        choices = self._scan_choices
        if (start, end) not in choices:
            in_period = self.session.execute(
                select(func.count())
                .select_from(DecisionRow)
                .where(DecisionRow.decided_at >= start, DecisionRow.decided_at < end)
            ).scalar_one()  # the decided_at index alone answers this
            highest_id = self.session.execute(select(func.max(DecisionRow.id))).scalar_one() or 0
            choices[(start, end)] = in_period * self.SCAN_SHARE > highest_id
        return choices[(start, end)]
