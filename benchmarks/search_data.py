"""A year of history for the search figures: the demo warehouse, authorized day by day over a year
in the order of its ids, with every line but the newest few percent received and decided a few days
after its authorization.

The figures of docs/performance.md count a history by its decided lines (a busy warehouse decides
about a million a year). The demo generator puts every RMA in the last four weeks and decides
nothing, so the history is built from it: its RMAs are spread over 365 days (ids in the order of
authorization, as a station numbers them), 300 lines are received through ``ReceivingService``
(real decisions under the four policies), and every other decided unit copies one of those
decisions and its inspection onto a unit of its own, decided one to nine days after its RMA was
authorized. A few decisions are voided and decided again, and a few open lines are on hold, as
on a real floor. The copies are written with Core statements outside any unit of work: the search
figures read, and nothing here is sealed or audited.

Cached like the warehouses of ``data``: ``history-<lines>.sqlite3`` under the cache folder and the
database ``receiving_bench_history_<lines>``, keyed by the demo, the schema and this file.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, insert, select, text, update

from benchmarks import data

LINES_PER_RMA = 1.4  # the demo's mix: 70 % of RMAs return one line, 20 % two, 10 % three
OPEN_SHARE = 0.03  # the newest lines, not received yet
HISTORY_DAYS = 365
TEMPLATES = 300  # lines received through the service, whose decisions the others copy (fewer in a small history)
VOIDED_SHARE = 0.005  # decisions voided and decided again
ON_HOLD_SHARE = 0.05  # of the open lines
CHUNK = 5_000
SEED = 11


@dataclass(frozen=True)
class HistoryShape:
    rmas: int
    lines: int
    decided_lines: int
    decisions: int
    voided: int
    first_day: date
    last_day: date


def rmas_for(decided_lines: int) -> int:
    return max(40, math.ceil(decided_lines * (1 + OPEN_SHARE) / LINES_PER_RMA))


def history_key(decided_lines: int) -> str:
    digest = hashlib.sha256(data.cache_key(rmas_for(decided_lines)).encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:20]


def build_history(url: str, decided_lines: int, settings_path: Path, log: data.Log) -> HistoryShape:
    """Fill the empty database at ``url`` with a year of history holding ``decided_lines`` decided lines."""
    from receiving_app.bootstrap import bootstrap

    rmas = rmas_for(decided_lines)
    data._build_demo(url, rmas, settings_path, log)
    rng = random.Random(SEED)
    today = date.today()
    first_day = today - timedelta(days=HISTORY_DAYS)
    station = bootstrap(url, settings_path=settings_path)
    try:
        engine: Engine = station.units.engine
        started = time.perf_counter()
        lines = _line_facts(engine)
        decided = min(decided_lines, len(lines) - max(1, len(lines) // 100))
        # Received while the demo's dates are still recent, so that the policies decide them as they would.
        received = _receive_templates(station, lines[:decided], rng)
        log(f"    {len(received)} lines received through the service ({time.perf_counter() - started:.0f} s)")
        _spread_over_a_year(engine, rmas, first_day)
        lines = _line_facts(engine)
        templates = _date_templates(engine, [line for line in lines[:decided] if line.line_id in received], rng)
        log(f"    {rmas:,} RMAs spread over {HISTORY_DAYS} days ({time.perf_counter() - started:.0f} s)")
        decisions, voided = _decide_the_rest(engine, lines[:decided], templates, rng, log, started)
        _set_statuses(engine, lines, decided, rng)
        if engine.dialect.name == "postgresql":
            with engine.begin() as connection:
                for table in ("inspections", "decisions"):
                    connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                        )
                    )
        log(f"    {decided:,} lines decided ({decisions:,} decisions) ({time.perf_counter() - started:.0f} s)")
    finally:
        station.close()
    return HistoryShape(rmas, len(lines), decided, decisions, voided, first_day, today)


def _spread_over_a_year(engine: Engine, rmas: int, first_day: date) -> None:
    """Authorization days in id order, as many RMAs a day; each made at the station at noon that day."""
    per_day = rmas / HISTORY_DAYS
    with engine.begin() as connection:
        for day_index in range(HISTORY_DAYS):
            low, high = math.floor(day_index * per_day) + 1, math.floor((day_index + 1) * per_day)
            if high < low:
                continue
            day = first_day + timedelta(days=day_index)
            connection.execute(
                text("UPDATE rmas SET reported_on = :day, created_at = :made WHERE id BETWEEN :low AND :high"),
                {"day": day, "made": datetime.combine(day, clock_time(12), tzinfo=UTC), "low": low, "high": high},
            )


@dataclass(frozen=True)
class LineFact:
    line_id: int
    rma_id: int
    rma_number: str
    line_no: int
    quantity: int
    reported_on: date


def _line_facts(engine: Engine) -> list[LineFact]:
    from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

    with engine.connect() as connection:
        rows = connection.execute(
            select(
                RmaLineRow.id,
                RmaLineRow.rma_id,
                RmaRow.number,
                RmaLineRow.line_no,
                RmaLineRow.quantity,
                RmaRow.reported_on,
            )
            .join(RmaRow, RmaRow.id == RmaLineRow.rma_id)
            .order_by(RmaLineRow.id)
        ).all()
    return [LineFact(*row) for row in rows]


def _moment(line: LineFact, rng: random.Random, now: datetime) -> datetime:
    """One to nine days after the authorization, during a working day; never in the future."""
    day = line.reported_on + timedelta(days=rng.randint(1, 9))
    at = datetime.combine(day, clock_time(7), tzinfo=UTC) + timedelta(seconds=rng.randrange(10 * 3600))
    return min(at, now - timedelta(minutes=rng.randint(5, 600)))


def _receive_templates(station, lines: list[LineFact], rng: random.Random) -> set[int]:
    """Receive unit 1 of TEMPLATES lines through the service; the ids of the lines received."""
    chosen = sorted(rng.sample(range(len(lines)), min(TEMPLATES, len(lines) // 20 + 3, len(lines))))
    picked = [lines[index] for index in chosen]
    by_number = {(line.rma_number, line.line_no): line for line in picked}
    photo = data.thumbnail("#c8b49a", "box", "JPEG")
    received: set[int] = set()
    for to_receive in data.open_lines(station, sorted({line.rma_id for line in picked})):
        line = by_number.get((to_receive.rma_number, to_receive.line_no))
        if line is None:
            continue
        station.receiving.receive(data.receive_command(to_receive, rng, station="BENCH-01", damage_photo=photo))
        received.add(line.line_id)
    return received


def _date_templates(engine: Engine, lines: list[LineFact], rng: random.Random) -> list[int]:
    """Move the received decisions (and their inspections) to their day in the year; their ids."""
    from receiving_app.persistence.decision_tables import DecisionRow
    from receiving_app.persistence.inspection_tables import InspectionRow

    now = datetime.now(UTC)
    with engine.begin() as connection:
        for line in lines:
            at = _moment(line, rng, now)
            connection.execute(update(DecisionRow).where(DecisionRow.rma_line_id == line.line_id).values(decided_at=at))
            connection.execute(
                update(InspectionRow)
                .where(InspectionRow.rma_line_id == line.line_id)
                .values(inspected_at=at, received_on=at.date())
            )
        return list(
            connection.execute(
                select(DecisionRow.id).where(DecisionRow.rma_line_id.in_([line.line_id for line in lines]))
            ).scalars()
        )


def _decide_the_rest(
    engine: Engine, lines: list[LineFact], template_ids: list[int], rng: random.Random, log: data.Log, started: float
) -> tuple[int, int]:
    """Every unit of ``lines`` not decided yet gets a copy of a template decision; returns (decisions, voided)."""
    from receiving_app.persistence.decision_tables import DecisionRow
    from receiving_app.persistence.inspection_tables import InspectionRow

    decision_table, inspection_table = DecisionRow.__table__, InspectionRow.__table__
    with engine.connect() as connection:
        templates = [
            row._asdict()
            for row in connection.execute(select(decision_table).where(decision_table.c.id.in_(template_ids)))
        ]
        inspections = {
            row.id: row._asdict()
            for row in connection.execute(
                select(inspection_table).where(
                    inspection_table.c.id.in_([template["inspection_id"] for template in templates])
                )
            )
        }
        decided_units = set(connection.execute(select(DecisionRow.rma_line_id, DecisionRow.unit_no)).all())
        next_decision = (connection.execute(select(func.max(DecisionRow.id))).scalar_one() or 0) + 1
        next_inspection = (connection.execute(select(func.max(InspectionRow.id))).scalar_one() or 0) + 1
    now = datetime.now(UTC)
    written = voided = 0
    step = max(len(lines) // 10, 1)

    def units() -> Iterator[tuple[LineFact, int]]:
        for line in lines:
            for unit in range(1, line.quantity + 1):
                if (line.line_id, unit) not in decided_units:
                    yield line, unit

    pending_decisions: list[dict] = []
    pending_inspections: list[dict] = []
    for index, (line, unit) in enumerate(units()):
        template = templates[index % len(templates)]
        at = _moment(line, rng, now)
        station_id, operator = f"BENCH-{index % 8 + 1:02d}", ("receiver", "supervisor")[index % 2]
        copies = [(at, None)]
        if rng.random() < VOIDED_SHARE:  # decided once, voided an hour later, decided again
            copies.insert(0, (at - timedelta(hours=1), at - timedelta(minutes=5)))
        for decided_at, voided_at in copies:
            inspection = dict(inspections[template["inspection_id"]])
            inspection.update(
                id=next_inspection,
                rma_line_id=line.line_id,
                unit_no=unit,
                inspected_at=decided_at,
                received_on=decided_at.date(),
                station_id=station_id,
                user_name=operator,
            )
            decision = dict(template)
            decision.update(
                id=next_decision,
                rma_line_id=line.line_id,
                unit_no=unit,
                inspection_id=next_inspection,
                decided_at=decided_at,
                station_id=station_id,
                decided_by=operator,
                voided_at=voided_at,
                voided_by="supervisor" if voided_at else None,
                void_reason="Weighed with the wrong SKU on the scale" if voided_at else None,
            )
            pending_inspections.append(inspection)
            pending_decisions.append(decision)
            next_inspection += 1
            next_decision += 1
            written += 1
            voided += voided_at is not None
        if len(pending_decisions) >= CHUNK:
            _write(engine, inspection_table, pending_inspections, decision_table, pending_decisions)
        if index % step == step - 1:
            log(f"    {index + 1:,} units decided ({time.perf_counter() - started:.0f} s)")
    _write(engine, inspection_table, pending_inspections, decision_table, pending_decisions)
    return written + len(template_ids), voided


def _write(engine: Engine, inspection_table, inspections: list[dict], decision_table, decisions: list[dict]) -> None:
    if decisions:
        with engine.begin() as connection:
            connection.execute(insert(inspection_table), inspections)
            connection.execute(insert(decision_table), decisions)
    inspections.clear()
    decisions.clear()


def _set_statuses(engine: Engine, lines: list[LineFact], decided: int, rng: random.Random) -> None:
    """Decided lines say so, a few open ones are on hold; an RMA is closed once all its lines are decided."""
    last_decided = lines[decided - 1]
    open_lines = [line.line_id for line in lines[decided:]]
    held = sorted(rng.sample(open_lines, int(len(open_lines) * ON_HOLD_SHARE)))
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE rma_lines SET status = 'decided' WHERE id <= :last"), {"last": last_decided.line_id}
        )
        for start in range(0, len(held), 1_000):
            listed = ", ".join(str(line_id) for line_id in held[start : start + 1_000])
            connection.execute(
                text(
                    "UPDATE rma_lines SET status = 'on_hold', hold_note = 'Waiting for the seller' "
                    f"WHERE id IN ({listed})"
                )
            )
        boundary = last_decided.rma_id
        complete = all(line.rma_id != boundary for line in lines[decided:])
        connection.execute(
            text("UPDATE rmas SET status = 'closed' WHERE id < :boundary OR (id = :boundary AND :complete)"),
            {"boundary": boundary, "complete": complete},
        )
        if not complete:
            connection.execute(text("UPDATE rmas SET status = 'partially_received' WHERE id = :id"), {"id": boundary})


# Caches ----------------------------------------------------------------------------------------------


def sqlite_history(cache_dir: Path, decided_lines: int, *, reuse: bool, log: data.Log) -> Path:
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"history-{decided_lines}.sqlite3"
    stamp = path.with_suffix(".json")
    key = history_key(decided_lines)
    if reuse and path.exists() and stamp.exists() and json.loads(stamp.read_text()).get("key") == key:
        log(f"  SQLite: reusing {path}")
        return path
    building = path.with_suffix(".building.sqlite3")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    log(f"  SQLite: building a year of history with {decided_lines:,} decided lines into {path}")
    started = time.perf_counter()
    shape = build_history(f"sqlite:///{building}", decided_lines, cache_dir / "settings.json", log)
    building.replace(path)
    stamp.write_text(json.dumps({"key": key, "seconds": round(time.perf_counter() - started, 1), **_shape(shape)}))
    return path


def postgres_history(admin_url: str, decided_lines: int, *, reuse: bool, log: data.Log, settings_path: Path) -> str:
    name = f"receiving_bench_history_{decided_lines}" if reuse else f"receiving_bench_hbuild_{decided_lines}"
    key = history_key(decided_lines)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            comment = connection.execute(
                text("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :name"),
                {"name": name},
            ).first()
        if reuse and comment is not None and comment[0] and comment[0].startswith(key):
            log(f"  PostgreSQL: reusing database {name}")
            return name
        log(f"  PostgreSQL: building a year of history with {decided_lines:,} decided lines into database {name}")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        url = data.database_url(admin_url, name)
        shape = build_history(url, decided_lines, settings_path, log)
        built = create_engine(url, isolation_level="AUTOCOMMIT")
        with built.connect() as connection:
            connection.execute(text("VACUUM (FULL, ANALYZE) rmas"))  # the year's spread rewrote every RMA
            connection.execute(text("VACUUM (FULL, ANALYZE) rma_lines"))
            connection.execute(text("VACUUM ANALYZE"))
        built.dispose()
        with admin.connect() as connection:
            described = json.dumps(_shape(shape)).replace("'", "")
            connection.execute(text(f"COMMENT ON DATABASE \"{name}\" IS '{key} {described}'"))
        return name
    finally:
        admin.dispose()


def shape_of(station) -> dict:
    """What the history holds, counted."""
    with station.units.engine.connect() as connection:

        def one(sql: str):
            return connection.execute(text(sql)).scalar_one()

        return {
            "rmas": one("SELECT count(*) FROM rmas"),
            "lines": one("SELECT count(*) FROM rma_lines"),
            "decided_lines": one("SELECT count(*) FROM rma_lines WHERE status = 'decided'"),
            "decisions": one("SELECT count(*) FROM decisions WHERE voided_at IS NULL"),
            "voided": one("SELECT count(*) FROM decisions WHERE voided_at IS NOT NULL"),
            "first_day": one("SELECT min(reported_on) FROM rmas"),
            "last_day": one("SELECT max(reported_on) FROM rmas"),
        }


def _shape(shape: HistoryShape) -> dict:
    return {
        "rmas": shape.rmas,
        "lines": shape.lines,
        "decided_lines": shape.decided_lines,
        "decisions": shape.decisions,
        "voided": shape.voided,
        "first_day": shape.first_day.isoformat(),
        "last_day": shape.last_day.isoformat(),
    }
