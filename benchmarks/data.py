"""Databases and inputs for the figures: demo warehouses, cached; RMAs to scan; lines to receive.

Building a million-RMA warehouse takes minutes, so it is built once into a cache and copied for
each run (the runs write: every scan is an audit event). The SQLite cache is a file under
/tmp/receiving-bench; the PostgreSQL cache is a database named ``receiving_bench_cache_<size>``
that each run copies with ``CREATE DATABASE … TEMPLATE``. A cache is used again only when it was
built from the same demo generator, schema, catalog and policies (its key says so).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import receiving_app
from receiving_app.domain.scan import parse_scan
from receiving_app.locations import resources_dir

DEMO_SEED = 7
Log = Callable[[str], None]

PACKAGE = Path(receiving_app.__file__).resolve().parent
KEY_SOURCES = (
    PACKAGE / "services" / "demo.py",
    *sorted((PACKAGE / "persistence").glob("*_tables.py")),
    PACKAGE / "persistence" / "migrations" / "versions",
    resources_dir() / "demo",
    resources_dir() / "policies",
)


def cache_key(size: int) -> str:
    """Changes whenever anything that shapes the demo warehouse changes."""
    digest = hashlib.sha256(f"size={size};seed={DEMO_SEED};format=1".encode())
    for source in KEY_SOURCES:
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _build_demo(url: str, size: int, settings_path: Path, log: Log) -> None:
    from receiving_app.bootstrap import bootstrap, fill_demo_data

    station = bootstrap(url, settings_path=settings_path)
    try:
        started = time.perf_counter()
        step = max(size // 10, 1)

        def progress(message: str) -> None:
            done = int(message.split(" of ")[0].replace(",", ""))
            if done % step < 20_000 or done == size:
                log(f"    {message} ({time.perf_counter() - started:.0f} s)")

        fill_demo_data(station, rmas=size, seed=DEMO_SEED, progress=progress)
    finally:
        station.close()


# SQLite -------------------------------------------------------------------------------------------


def sqlite_cache(cache_dir: Path, size: int, *, reuse: bool, log: Log) -> Path:
    """The cached SQLite warehouse of ``size`` RMAs, built unless ``reuse`` finds a current one."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"rmas-{size}.sqlite3"
    stamp = path.with_suffix(".json")
    key = cache_key(size)
    if reuse and path.exists() and stamp.exists() and json.loads(stamp.read_text()).get("key") == key:
        log(f"  SQLite: reusing {path}")
        return path
    if reuse and path.exists():
        log(f"  SQLite: {path} is out of date (demo, schema or policies changed); building it again")
    building = path.with_suffix(".building.sqlite3")
    for leftover in (building, Path(f"{building}-wal"), Path(f"{building}-shm")):
        leftover.unlink(missing_ok=True)
    log(f"  SQLite: building {size:,} demo RMAs into {path} (once; --reuse uses it next time)")
    started = time.perf_counter()
    _build_demo(f"sqlite:///{building}", size, cache_dir / "settings.json", log)
    building.replace(path)
    stamp.write_text(
        json.dumps(
            {
                "key": key,
                "size": size,
                "built": datetime.now().isoformat(timespec="seconds"),
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    )
    return path


def sqlite_work_copy(cache: Path, work_dir: Path, name: str) -> str:
    target = work_dir / f"{name}.sqlite3"
    shutil.copyfile(cache, target)
    return f"sqlite:///{target}"


# PostgreSQL ---------------------------------------------------------------------------------------


def postgres_problem(admin_url: str) -> str | None:
    """Why PostgreSQL cannot be used, or None."""
    try:
        engine = create_engine(admin_url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as error:  # any failure to reach the server means "no PostgreSQL here"
        return f"PostgreSQL is not reachable at {admin_url}: {type(error).__name__}: {str(error).splitlines()[0]}"
    return None


def database_url(admin_url: str, name: str) -> str:
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def _admin(admin_url: str):
    return create_engine(admin_url, isolation_level="AUTOCOMMIT")


def postgres_cache_name(size: int, *, reuse: bool) -> str:
    """The kept cache when reusing; otherwise a name of this process's own, so that runs never collide."""
    return f"receiving_bench_cache_{size}" if reuse else f"receiving_bench_build_{os.getpid()}_{size}"


def postgres_cache(admin_url: str, size: int, *, reuse: bool, log: Log, settings_path: Path) -> str:
    """The name of the cached PostgreSQL warehouse, built unless ``reuse`` finds a current one."""
    name = postgres_cache_name(size, reuse=reuse)
    key = cache_key(size)
    admin = _admin(admin_url)
    try:
        with admin.connect() as connection:
            comment = connection.execute(
                text("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :name"),
                {"name": name},
            ).first()
        if reuse and comment is not None and comment[0] == key:
            log(f"  PostgreSQL: reusing database {name}")
            return name
        log(f"  PostgreSQL: building {size:,} demo RMAs into database {name}")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        _build_demo(database_url(admin_url, name), size, settings_path, log)
        built = create_engine(database_url(admin_url, name), isolation_level="AUTOCOMMIT")
        with built.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))  # the state autovacuum would reach on a live server
        built.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"COMMENT ON DATABASE \"{name}\" IS '{key}'"))
        return name
    finally:
        admin.dispose()


def postgres_work_copy(admin_url: str, cache_name: str, name: str) -> str:
    """A copy of the cache made by copying files (PostgreSQL 15 would otherwise write the whole
    warehouse through its WAL, and the checkpoints that follow would run during the measurements)."""
    admin = _admin(admin_url)
    try:
        with admin.connect() as connection:
            major = int(connection.execute(text("SHOW server_version_num")).scalar_one()) // 10000
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            strategy = " STRATEGY FILE_COPY" if major >= 15 else ""
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{cache_name}"{strategy}'))
            connection.execute(text("CHECKPOINT"))
    finally:
        admin.dispose()
    return database_url(admin_url, name)


def drop_postgres_database(admin_url: str, name: str) -> None:
    admin = _admin(admin_url)
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def bench_databases(admin_url: str) -> list[str]:
    admin = _admin(admin_url)
    try:
        with admin.connect() as connection:
            return list(
                connection.execute(
                    text("SELECT datname FROM pg_database WHERE datname LIKE 'receiving\\_bench\\_%'")
                ).scalars()
            )
    finally:
        admin.dispose()


# Which RMAs and lines a figure works on --------------------------------------------------------------


class RmaPicker:
    """Hands out RMA ids at random, each at most once per database, so figures never share a line."""

    def __init__(self, size: int, seed: int) -> None:
        self._size = size
        self._rng = random.Random(seed)
        self._used: set[int] = set()

    def take(self, count: int) -> list[int]:
        if len(self._used) + count > self._size:
            raise RuntimeError(
                f"the demo holds {self._size:,} RMAs; {count:,} more than the {len(self._used):,} used are not there"
            )
        taken: list[int] = []
        while len(taken) < count:
            candidate = self._rng.randint(1, self._size)
            if candidate not in self._used:
                self._used.add(candidate)
                taken.append(candidate)
        return taken


@dataclass(frozen=True)
class LineToReceive:
    rma_number: str
    line_no: int
    full_g: Decimal
    empty_g: Decimal


def rma_numbers(station, rma_ids: Sequence[int]) -> list[str]:
    """The numbers of these RMAs, in the order given."""
    from sqlalchemy import select

    from receiving_app.persistence.rma_tables import RmaRow

    numbers: dict[int, str] = {}
    with station.units.read() as uow:
        for start in range(0, len(rma_ids), 500):
            chunk = list(rma_ids[start : start + 500])
            numbers.update(
                uow.session.execute(select(RmaRow.id, RmaRow.number).where(RmaRow.id.in_(chunk))).tuples().all()
            )
    return [numbers[rma_id] for rma_id in rma_ids]


def open_lines(station, rma_ids: Sequence[int]) -> list[LineToReceive]:
    """Every open line of these RMAs, RMA by RMA in the order given, lines in order."""
    from sqlalchemy import select

    from receiving_app.persistence.catalog_tables import CatalogItemRow
    from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

    by_rma: dict[int, list[LineToReceive]] = {}
    with station.units.read() as uow:
        for start in range(0, len(rma_ids), 500):
            chunk = list(rma_ids[start : start + 500])
            rows = (
                uow.session.execute(
                    select(RmaRow.id, RmaRow.number, RmaLineRow.line_no, CatalogItemRow.full_g, CatalogItemRow.empty_g)
                    .join(RmaLineRow, RmaLineRow.rma_id == RmaRow.id)
                    .join(CatalogItemRow, CatalogItemRow.sku == RmaLineRow.sku)
                    .where(RmaRow.id.in_(chunk), RmaLineRow.status == "open")
                    .order_by(RmaRow.id, RmaLineRow.line_no)
                )
                .tuples()
                .all()
            )
            for rma_id, number, line_no, full_g, empty_g in rows:
                by_rma.setdefault(rma_id, []).append(LineToReceive(number, line_no, full_g, empty_g))
    return [line for rma_id in rma_ids for line in by_rma.get(rma_id, [])]


def scanned_forms(number: str, rng: random.Random) -> str:
    """How a number arrives: mostly as printed, sometimes with a symbology prefix, typed in lower case, or padded."""
    roll = rng.random()
    if roll < 0.70:
        return number
    if roll < 0.85:
        return f"]C0{number}"
    if roll < 0.95:
        return number.lower()
    return f"  {number} "


def open_as_the_window_does(rma_opening, scan: str, *, station: str):
    """Open an RMA by its scan as the bench window does: read it, then record that it was opened."""
    view, _decisions = rma_opening.look_up_scan(parse_scan(scan), user="receiver", station=station)
    rma_opening.record_opened(view.number, user="receiver", station=station)
    return view


# Receiving commands -----------------------------------------------------------------------------------


def receive_command(line: LineToReceive, rng: random.Random, *, station: str, damage_photo: bytes):
    """A realistic bench receipt: two moving readings, one stable capture, every check made, sometimes a photo.

    A sealed cartridge weighs what a full one does (a lighter one would need a supervisor); an
    opened one anything from empty to full.
    """
    from receiving_app.domain.facts import Condition, Flags
    from receiving_app.domain.weight_capture import WeightCapture
    from receiving_app.services.commands import PhotoAttachment, ReceiveLine

    damaged = rng.random() < 0.12
    opened = not damaged and rng.random() < 0.15
    span = line.full_g - line.empty_g
    fill = Decimal(str(round(rng.uniform(0.0, 1.0), 3))) if opened else Decimal(1)
    grams = (line.empty_g + span * fill).quantize(Decimal("0.1"))
    now = datetime.now(UTC)
    moving = tuple(
        WeightCapture(
            grams + Decimal(offset),
            "g",
            grams + Decimal(offset),
            False,
            "mt-sics",
            now - timedelta(milliseconds=400 - 150 * index),
        )
        for index, offset in enumerate(("14.2", "-3.1"))
    )
    condition = Condition(
        unopened=not opened,
        sealed=not opened,
        original_packaging=True,
        box_damage=damaged,
        labels_intact=True,
    )
    return ReceiveLine(
        line.rma_number,
        line.line_no,
        "receiver",
        station,
        condition=condition,
        flags=Flags.as_sold(),
        weight=WeightCapture(grams, "g", grams, True, "mt-sics", now),
        readings_seen=moving,
        notes="Corner of the box crushed" if damaged else "",
        photos=(PhotoAttachment("damage-1.jpg", "image/jpeg", damage_photo),) if damaged else (),
        # An opened cartridge is looked at for signs of a refill (the routes sort an OEM empty on it): none.
        virgin=True if opened else None,
    )


# A bench day for the daily report ------------------------------------------------------------------


def decide_one_day(
    station, lines: Sequence[LineToReceive], day_start: datetime, rng: random.Random, *, through_service: int
) -> Counter:
    """Decides every one of ``lines`` on the day that starts at ``day_start``, spread over its 24 hours,
    eight stations and two operators; returns the outcomes.

    The first ``through_service`` lines are received through ``ReceivingService.receive`` (real
    decisions under the four policies, with documents and audit). Receiving 100,000 lines that way
    takes most of an hour, so the others are copies of those decisions and their inspections,
    written in bulk onto lines of their own. The report reads decisions only; the copies have no
    documents, readings or audit events.
    """
    from sqlalchemy import func, select, update

    from receiving_app.persistence.decision_tables import DecisionRow
    from receiving_app.persistence.inspection_tables import InspectionRow
    from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
    from receiving_app.persistence.row_sealing import mark_written

    photo = thumbnail("#c8b49a", "box", "JPEG")
    sampled = list(lines[:through_service])
    for line in sampled:
        station.receiving.receive(receive_command(line, rng, station="BENCH-01", damage_photo=photo))

    def moment(index: int) -> datetime:
        return day_start + timedelta(seconds=(index + rng.random()) * 86_400 / len(lines))

    decision_columns = [column.key for column in DecisionRow.__table__.columns]
    inspection_columns = [column.key for column in InspectionRow.__table__.columns]
    outcomes: Counter = Counter()
    with station.units.write() as uow:
        session = uow.session
        line_ids = {}
        for start in range(0, len(lines), 500):
            chunk = lines[start : start + 500]
            numbers = {line.rma_number for line in chunk}
            line_ids.update(
                ((number, line_no), line_id)
                for number, line_no, line_id in session.execute(
                    select(RmaRow.number, RmaLineRow.line_no, RmaLineRow.id)
                    .join(RmaLineRow, RmaLineRow.rma_id == RmaRow.id)
                    .where(RmaRow.number.in_(numbers))
                )
            )
        templates = (
            session.execute(
                select(DecisionRow).where(
                    DecisionRow.rma_line_id.in_([line_ids[(line.rma_number, line.line_no)] for line in sampled])
                )
            )
            .scalars()
            .all()
        )
        for index, decision in enumerate(templates):
            decision.decided_at = decision.inspection.inspected_at = moment(index)
            outcomes[decision.outcome] += 1
        session.flush()
        next_inspection = (session.execute(select(func.max(InspectionRow.id))).scalar_one() or 0) + 1
        next_decision = (session.execute(select(func.max(DecisionRow.id))).scalar_one() or 0) + 1
        copies = lines[len(sampled) :]
        for start in range(0, len(copies), 5_000):
            inspections, decisions, decided_lines = [], [], []
            for offset, line in enumerate(copies[start : start + 5_000]):
                index = len(sampled) + start + offset
                template = templates[index % len(templates)]
                line_id = line_ids[(line.rma_number, line.line_no)]
                at = moment(index)
                inspection = {key: getattr(template.inspection, key) for key in inspection_columns}
                station_id, operator = f"BENCH-{index % 8 + 1:02d}", ("receiver", "supervisor")[index % 2]
                inspection.update(
                    id=next_inspection, rma_line_id=line_id, inspected_at=at, station_id=station_id, user_name=operator
                )
                decision = {key: getattr(template, key) for key in decision_columns}
                decision.update(
                    id=next_decision,
                    rma_line_id=line_id,
                    inspection_id=next_inspection,
                    decided_at=at,
                    station_id=station_id,
                    decided_by=operator,
                )
                inspections.append(inspection)
                decisions.append(decision)
                decided_lines.append(line_id)
                outcomes[template.outcome] += 1
                next_inspection += 1
                next_decision += 1
            uow.records.bulk_insert(InspectionRow, inspections)
            uow.records.bulk_insert(DecisionRow, decisions)
            session.execute(update(RmaLineRow).where(RmaLineRow.id.in_(decided_lines)).values(status="decided"))
            mark_written(session, RmaLineRow, [(line,) for line in decided_lines])  # sealed, as the station would
        uow.records.catch_up_id_sequences(InspectionRow, DecisionRow)
        uow.commit()
    if station.units.engine.dialect.name == "postgresql":
        # A day's decisions arrive over its hours, and autovacuum counts them as they do: the planner of a
        # live server knows the day holds thousands. Written in one go, they are unknown to it until
        # autovacuum's next round, and a report run before then is planned for a day of one decision.
        with station.units.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("ANALYZE decisions, inspections, rma_lines, search_decisions")
            )
    return outcomes


# Pictures -------------------------------------------------------------------------------------------


def thumbnail(color: str, label: str, image_format: str) -> bytes:
    """A small photo-like picture, the same bytes every time (as the document tests use)."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (160, 120), color)
    pen = ImageDraw.Draw(picture)
    pen.rectangle((30, 25, 130, 95), outline="black", width=4)
    pen.text((40, 50), label, fill="black")
    output = io.BytesIO()
    picture.save(output, format=image_format)
    return output.getvalue()


def camera_photo(width: int = 1280, height: int = 960) -> bytes:
    """A camera-sized JPEG with texture (noise compresses like a real photo, a flat colour does not)."""
    from PIL import Image, ImageDraw, ImageFilter

    noise = Image.effect_noise((width, height), 40).filter(ImageFilter.GaussianBlur(1.2))
    picture = Image.merge(
        "RGB", (noise, noise.point(lambda value: value * 0.9), noise.point(lambda value: value * 0.7))
    )
    pen = ImageDraw.Draw(picture)
    pen.rectangle((width // 5, height // 5, width * 4 // 5, height * 4 // 5), outline="black", width=12)
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=90)
    return output.getvalue()


# Document content -------------------------------------------------------------------------------------


def credit_memo_content(policies, photos: tuple[bytes, ...]):
    """The credit memo of the worked example in docs/return-policies.md: Image-Pro, not needed,
    15 % fee, open account, weighed, with photos."""
    from datetime import date

    from receiving_app.documents.model import DocumentContent, Evidence, LineDetail, Party
    from receiving_app.domain.decision import DocumentType
    from receiving_app.domain.engine import decide
    from receiving_app.domain.facts import Category, Item, PaymentMethod, ReturnDates, ReturnFacts, ReturnReason
    from receiving_app.domain.money import Money
    from receiving_app.domain.weight import FillMeasurement
    from receiving_app.domain.weight_capture import WeightCapture

    policy = policies["image-pro-services"]
    facts = ReturnFacts(
        reason=ReturnReason.NOT_NEEDED,
        item=Item("TN-660", Category.TONER, Money.of("54.99"), 1),
        dates=ReturnDates(
            purchased=date(2026, 3, 2),
            shipped=date(2026, 3, 3),
            delivered=date(2026, 3, 6),
            reported=date(2026, 3, 20),
            received=date(2026, 3, 27),
        ),
        payment_method=PaymentMethod.OPEN_ACCOUNT,
        fill=FillMeasurement(Decimal("812.4"), Decimal("815.0"), Decimal("590.0")),
    )
    decision = decide(policy, facts)
    condition_labels = (
        ("unopened", "Unopened"),
        ("sealed", "Sealed"),
        ("original_packaging", "Original packaging"),
        ("box_damage", "Box damage"),
        ("labels_intact", "Labels intact"),
    )
    return DocumentContent(
        document_type=DocumentType.CREDIT_MEMO,
        document_number="CM-000123",
        issued_at=datetime(2026, 3, 27, 14, 5, tzinfo=timezone(timedelta(hours=-5))),
        station_id="BENCH-02",
        seller=Party(policy.seller, ("Returns - Dock B", "5510 Commerce Drive", "Columbus, OH 43228")),
        authorization_word=policy.authorization,
        policy_id=decision.policy_id,
        policy_version=decision.policy_version,
        customer=Party(
            "Northwind Dental Clinic", ("Attn: Maria Alvarez", "1418 Harbor Road, Suite 200", "Portland, OR 97201")
        ),
        rma_number="RA1004233",
        order_number="SO-0558120",
        lines=(
            LineDetail.from_decision(
                line_number=1,
                sku="TN-660",
                description="Brother TN-660 high-yield black toner",
                quantity=1,
                unit_price=Money.of("54.99"),
                decision=decision,
            ),
        ),
        received_by="Riley Receiver (receiver)",
        outcome=decision.outcome,
        refund_method="Credit to account C10023",
        reasons=decision.reasons,
        refund_timing=policy.refund_timing,
        evidence=Evidence(
            weight=WeightCapture(facts.fill.measured_g, "g", facts.fill.measured_g, True, "mt-sics"),
            fill_fraction=facts.fill.reported_fraction,
            condition=tuple((label, getattr(facts.condition, name)) for name, label in condition_labels),
            flags=(("Sold by this seller", True), ("Rejected by an HP+ printer", False)),
            photos=photos,
        ),
    )
