"""What a History search should find, worked out the plain way: every RMA, line and standing decision
read with simple SQL, and the criteria tested on each in Python. Slow, and obviously right."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine, text

from receiving_app.persistence.rma_search_plans import DECIDED_OUTCOMES, RmaCriteria


@dataclass(frozen=True)
class _Line:
    sku: str
    status: str
    decisions: tuple[tuple[str, datetime], ...]  # (outcome, decided at) of each standing decision


@dataclass(frozen=True)
class _Rma:
    id: int
    number: str
    reported_on: date
    account: str
    name: str
    lines: tuple[_Line, ...]


def history_as_read_plainly(engine: Engine) -> list[_Rma]:
    with engine.connect() as connection:
        rmas = connection.execute(
            text(
                "SELECT rma.id, rma.number, rma.reported_on, customer.account_number, customer.name FROM rmas AS rma "
                "JOIN orders AS o ON o.id = rma.order_id JOIN customers AS customer ON customer.id = o.customer_id"
            )
        ).all()
        lines = connection.execute(text("SELECT id, rma_id, sku, status FROM rma_lines ORDER BY id")).all()
        decisions = connection.execute(
            text("SELECT rma_line_id, outcome, decided_at FROM decisions WHERE voided_at IS NULL")
        ).all()
    by_line: dict[int, list[tuple[str, datetime]]] = {}
    for line_id, outcome, decided_at in decisions:
        by_line.setdefault(line_id, []).append((outcome, _utc(decided_at)))
    by_rma: dict[int, list[_Line]] = {}
    for line_id, rma_id, sku, status in lines:
        by_rma.setdefault(rma_id, []).append(_Line(sku, status, tuple(by_line.get(line_id, ()))))
    return [
        _Rma(rma_id, number, _day(reported), account, name, tuple(by_rma.get(rma_id, ())))
        for rma_id, number, reported, account, name in rmas
    ]


def expected_numbers(history: list[_Rma], criteria: RmaCriteria) -> list[str]:
    """The numbers of the matching RMAs, newest on file first."""
    return [rma.number for rma in sorted(history, key=lambda rma: -rma.id) if _matches(rma, criteria)]


def _matches(rma: _Rma, criteria: RmaCriteria) -> bool:
    if not rma.number.startswith(criteria.number_prefix):
        return False
    needle = criteria.customer.casefold()
    if needle and not (
        rma.account.lower().startswith(needle) or (criteria.match_customer_names and needle in rma.name.lower())
    ):
        return False
    if criteria.reported_from and rma.reported_on < criteria.reported_from:
        return False
    if criteria.reported_to and rma.reported_on > criteria.reported_to:
        return False
    return not _asks_about_lines(criteria) or any(_line_matches(line, criteria) for line in rma.lines)


def _asks_about_lines(criteria: RmaCriteria) -> bool:
    return bool(criteria.sku or criteria.outcome or criteria.decided_from or criteria.decided_before)


def _line_matches(line: _Line, criteria: RmaCriteria) -> bool:
    if criteria.sku and line.sku != criteria.sku:
        return False
    if criteria.pending and line.status not in ("open", "on_hold"):
        return False
    if not (criteria.outcome in DECIDED_OUTCOMES or criteria.decided_from or criteria.decided_before):
        return True
    return any(
        (criteria.outcome not in DECIDED_OUTCOMES or outcome == criteria.outcome)
        and (criteria.decided_from is None or decided_at >= criteria.decided_from)
        and (criteria.decided_before is None or decided_at < criteria.decided_before)
        for outcome, decided_at in line.decisions
    )


def _utc(value: object) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.replace(tzinfo=UTC)


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
