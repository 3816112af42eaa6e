"""A small history for the search tests: demo RMAs authorized over two months, most lines decided.

Three lines are received through the service (a refund, a replacement, a denial); every other
decided unit copies one of those decisions onto a unit of its own, as the benchmarks' history
does at scale. Decisions fall on a few instants only, so that many RMAs share a decision time;
some are voided and decided again, some open lines are on hold. The copies are inserted with plain
SQL, so the triggers of migration 0012 file them for the search as they would any decision.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, insert, select, text

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.domain.facts import CustomerChoice, Flags, ReturnReason
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.inspection_tables import InspectionRow
from receiving_app.services.commands import Approval
from tests.support.receiving import as_sold

HISTORY_RMAS = 240
FIRST_DAY = date(2026, 1, 5)
DAYS = 60
DECIDED_SHARE = 0.8  # of the lines, oldest first
# Decisions fall on these hours of a day only, so that many share one time to the microsecond.
DECISION_HOURS = (9, 13)


def build_search_history(url: str, folder: Path) -> None:
    station = bootstrap(url, settings_path=folder / "settings.json", today=lambda: date(2026, 3, 16))
    try:
        fill_demo_data(station, rmas=HISTORY_RMAS, seed=11)
        engine = station.units.engine
        _spread_over_days(engine)
        lines = _lines(engine)
        templates = _receive_three(station, engine, lines)
        _decide(engine, lines, templates)
        if engine.dialect.name == "postgresql":
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(text("ANALYZE"))  # as autovacuum would have, on a live server
    finally:
        station.close()


def _lines(engine: Engine) -> list[tuple[int, int, str, int, int, str]]:
    """(line id, RMA id, RMA number, line no, quantity, status) of every line, in id order."""
    with engine.connect() as connection:
        return [
            tuple(row)  # type: ignore[misc]
            for row in connection.execute(
                text(
                    "SELECT line.id, line.rma_id, rma.number, line.line_no, line.quantity, line.status "
                    "FROM rma_lines AS line JOIN rmas AS rma ON rma.id = line.rma_id ORDER BY line.id"
                )
            )
        ]


def _receive_three(station, engine: Engine, lines) -> list[int]:
    """A refund, a replacement and a denial received through the service; their decision ids."""
    chosen = [line for line in lines if line[4] == 1][:3]
    for (_, _, number, line_no, _, _), kind in zip(chosen, ("refund", "replacement", "denied"), strict=True):
        full = station.history.show_rma(number).rma.lines[line_no - 1].full_g
        command = as_sold(
            number,
            line_no,
            "receiver",
            "S1",
            reason=ReturnReason.DEFECTIVE,
            customer_choice=CustomerChoice.REPLACEMENT if kind == "replacement" else CustomerChoice.REFUND,
            weight=WeightCapture(value=full, unit="g", grams=full, stable=True, source="manual"),
            approval=Approval("supervisor", "found defective at the bench"),
        )
        if kind == "denied":
            command = replace(command, flags=replace(Flags.as_sold(), sold_by_seller=False))
        station.receiving.receive(command)
    with engine.connect() as connection:
        return list(connection.execute(select(DecisionRow.id).order_by(DecisionRow.id)).scalars())


def _spread_over_days(engine: Engine) -> None:
    """RMA ids in the order of authorization, four a day from FIRST_DAY."""
    with engine.begin() as connection:
        for day in range(DAYS):
            connection.execute(
                text("UPDATE rmas SET reported_on = :day WHERE id BETWEEN :low AND :high"),
                {"day": FIRST_DAY + timedelta(days=day), "low": day * 4 + 1, "high": day * 4 + 4},
            )


def _decide(engine: Engine, lines, template_ids: list[int]) -> None:
    rng = random.Random(3)
    with engine.connect() as connection:
        templates = [
            row._asdict() for row in connection.execute(select(DecisionRow).where(DecisionRow.id.in_(template_ids)))
        ]
        inspections = {
            row.id: row._asdict()
            for row in connection.execute(
                select(InspectionRow).where(InspectionRow.id.in_([t["inspection_id"] for t in templates]))
            )
        }
        reported = dict(connection.execute(text("SELECT id, reported_on FROM rmas")).all())
        taken = set(connection.execute(select(DecisionRow.rma_line_id, DecisionRow.unit_no)).all())
    decided = lines[: int(len(lines) * DECIDED_SHARE)]
    next_id = max(template_ids) + 100
    decisions, inspection_rows, on_hold = [], [], []
    for index, (line_id, rma_id, _, _, quantity, _) in enumerate(decided):
        day = reported[rma_id]
        day = day if isinstance(day, date) else date.fromisoformat(str(day))
        for unit in range(1, quantity + 1):
            if (line_id, unit) in taken:
                continue
            at = datetime(day.year, day.month, day.day, DECISION_HOURS[index % 2], tzinfo=UTC) + timedelta(days=2)
            template = templates[(index + unit) % len(templates)]
            voided = rng.random() < 0.05
            for decided_at, voided_at in ([(at - timedelta(hours=1), at)] if voided else []) + [(at, None)]:
                next_id += 1
                inspection = dict(inspections[template["inspection_id"]])
                inspection.update(id=next_id, rma_line_id=line_id, unit_no=unit, inspected_at=decided_at)
                decision = dict(template)
                decision.update(
                    id=next_id,
                    rma_line_id=line_id,
                    unit_no=unit,
                    inspection_id=next_id,
                    decided_at=decided_at,
                    voided_at=voided_at,
                    voided_by="supervisor" if voided_at else None,
                    void_reason="Weighed with the wrong SKU" if voided_at else None,
                )
                inspection_rows.append(inspection)
                decisions.append(decision)
    for line_id, *_ in lines[len(decided) :: 5]:
        on_hold.append(line_id)
    with engine.begin() as connection:
        connection.execute(insert(InspectionRow), inspection_rows)
        connection.execute(insert(DecisionRow), decisions)
        connection.execute(text("UPDATE rma_lines SET status = 'decided' WHERE id <= :last"), {"last": decided[-1][0]})
        for line_id in on_hold:
            connection.execute(text("UPDATE rma_lines SET status = 'on_hold' WHERE id = :id"), {"id": line_id})
        if engine.dialect.name == "postgresql":
            for table in ("inspections", "decisions"):
                connection.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
                )
