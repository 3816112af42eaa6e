"""The measurements. Each function takes the run's Context and returns a Result of raw samples.

Rules every figure keeps: build inputs and databases outside the timed part; warm up first (the
first call of anything pays for imports and caches a station pays once a day); time only the
work the figure names; put that work inside ``with ctx.profiled():`` so the profile pass sees
exactly what was timed; check the answers, so that a fast wrong answer is not a figure.
"""

from __future__ import annotations

import io
import random
import time
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from benchmarks import data
from benchmarks.context import Context
from benchmarks.core import Result, median, percentile, timed_calls
from benchmarks.machine import CpuSnapshot


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


# Open by scan ----------------------------------------------------------------------------------------


def open_by_scan_sqlite(ctx: Context) -> Result:
    """Opening by scan as the window does (look_up_scan, then record_opened), SQLite warehouse, RMAs picked at
    random, as scanned."""
    return _open_by_scan(ctx, ctx.sqlite_url())


def open_by_scan_postgresql(ctx: Context) -> Result:
    """Opening by scan as the window does, on the PostgreSQL warehouse (same server, TCP), RMAs picked at random,
    as scanned."""
    return _open_by_scan(ctx, ctx.postgres_url())


def _open_by_scan(ctx: Context, url: str) -> Result:
    station = ctx.station(url)
    rng = random.Random(ctx.seed)
    warm_up = min(50, ctx.scale.scans)
    ids = rng.sample(range(1, ctx.size + 1), min(ctx.size, warm_up + ctx.scale.scans))
    numbers = data.rma_numbers(station, ids)
    scans = [data.scanned_forms(number, rng) for number in numbers]
    rma_opening = station.rma_opening
    for scan in scans[:warm_up]:
        data.open_as_the_window_does(rma_opening, scan, station="BENCH-01")
    measured = list(zip(scans[warm_up:], numbers[warm_up:], strict=True)) or list(zip(scans, numbers, strict=True))
    samples, wrong = [], 0
    clock = time.perf_counter
    with ctx.profiled():
        for scan, number in measured:
            started = clock()
            view = data.open_as_the_window_does(rma_opening, scan, station="BENCH-01")
            samples.append(clock() - started)
            wrong += view.number != number
    if wrong:
        raise AssertionError(f"{wrong} scans opened the wrong RMA")
    forms = Counter(
        "prefixed"
        if scan.startswith("]")
        else "padded"
        if scan != scan.strip()
        else "lower case"
        if scan != scan.upper()
        else "as printed"
        for scan, _ in measured
    )
    return Result(
        "time",
        samples,
        notes=[
            f"{len(samples):,} scans of RMAs picked at random among {ctx.size:,} (after {warm_up} warm-up scans); "
            f"scanned {', '.join(f'{count} {form}' for form, count in forms.most_common())}.",
            "Each scan is what the window does: a read of the RMA and its decisions, then a write transaction "
            "that appends an `rma_opened` audit event and commits.",
            f"Slowest scan {_ms(max(samples))}.",
        ],
    )


# Scan → RMA shown in the window -----------------------------------------------------------------------


def scan_to_window(ctx: Context) -> Result:
    """A keyboard-wedge scan into the signed-in station window (offscreen) until the RMA's lines are in the table
    model and the next frame has painted, on the SQLite warehouse, RMAs picked at random."""
    import os
    import sys

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from receiving_app.gui.app import station_window
    from receiving_app.gui.operations import OperationRunner
    from receiving_app.gui.scale_feed import ScaleFeed
    from receiving_app.gui.scan_wedge import ScanWedge
    from receiving_app.gui.style import apply_station_style
    from receiving_app.services.auth import SignedInUser

    class PaintWatch(QObject):
        """Notes the lines table painting; the clock stops at the first paint after the lines arrived."""

        painted = False

        def eventFilter(self, _watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    url = ctx.sqlite_url()
    station = ctx.station(url)
    app = QApplication.instance() or QApplication(["receiving-bench"])
    apply_station_style(app)
    user = SignedInUser("receiver", "Riley Receiver", "receiver")
    # As a sign-in opens it, with the scale feed running.
    runner, scale_feed, wedge = (
        OperationRunner(),
        ScaleFeed(station.settings.scale),
        ScanWedge(station.settings.scanner),
    )
    window = station_window(station, user, runner, wedge, scale_feed)
    window.resize(1920, 1080)
    scale_feed.start()
    window.show()
    window.activateWindow()
    screen, table = window.receiving, window.receiving.ui.linesTable
    watch = PaintWatch()
    table.viewport().installEventFilter(watch)
    shown: list = []

    def lines_arrived(rma) -> None:
        shown.append(rma)
        watch.painted = False

    screen.rma_shown.connect(lines_arrived)
    clock = time.perf_counter
    # The offscreen platform warns whenever a window's size hints change; the run's log is no place for that.
    previous_handler = qInstallMessageHandler(
        lambda kind, context, message: None if "propagateSizeHints" in message else print(message, file=sys.stderr)
    )

    def pump_until(condition, what: str) -> None:
        deadline = clock() + 30
        while not condition():
            if clock() > deadline:
                raise AssertionError(f"the window never {what}")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    def scan(text: str) -> None:
        focus = QApplication.focusWidget() or table
        QTest.keyClicks(focus, text)
        QTest.keyClick(focus, Qt.Key.Key_Return)

    rng = random.Random(ctx.seed + 3)
    warm_up = min(20, ctx.scale.scans)
    ids = rng.sample(range(1, ctx.size + 1), min(ctx.size, warm_up + ctx.scale.scans))
    numbers = data.rma_numbers(station, ids)
    # A wedge scanner types what the label holds (sometimes with its AIM prefix, or in lower case with
    # caps lock on); the padded form is how numbers arrive typed into files, not scanned.
    scans = [data.scanned_forms(number, rng).strip() for number in numbers]
    app.processEvents()

    def settle() -> None:
        """Untimed: a clerk's scans are seconds apart, so the previous scan's decision preview has been asked
        for, has come back and has painted before the next scan."""
        while True:
            pump_until(lambda: not runner.busy, "finished the previous scan's preview")
            app.processEvents()
            app.processEvents()
            if not runner.busy:
                return

    def one_scan(text: str) -> float:
        settle()
        shown.clear()
        started = clock()
        scan(text)
        pump_until(lambda: bool(shown), "showed the RMA")
        pump_until(lambda: watch.painted, "painted the lines")
        return clock() - started

    def showed(number: str) -> bool:
        return shown[-1].number == number and screen.lines.rowCount() == len(shown[-1].lines)

    samples, wrong = [], 0
    try:
        for text, number in zip(scans[:warm_up], numbers[:warm_up], strict=True):
            one_scan(text)
            wrong += not showed(number)
        measured = list(zip(scans[warm_up:], numbers[warm_up:], strict=True)) or list(zip(scans, numbers, strict=True))
        with ctx.profiled():
            for text, number in measured:
                samples.append(one_scan(text))
                wrong += not showed(number)
    finally:
        window.close()
        scale_feed.stop()
        runner.wait_for_done()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        qInstallMessageHandler(previous_handler)
    if wrong:
        raise AssertionError(f"{wrong} scans showed the wrong RMA or not all its lines")
    forms = Counter(
        "prefixed" if text.startswith("]") else "lower case" if text != text.upper() else "as printed"
        for text, _ in measured
    )
    return Result(
        "time",
        samples,
        notes=[
            f"{len(samples):,} scans of RMAs picked at random among {ctx.size:,} (after {warm_up} warm-up scans); "
            f"scanned {', '.join(f'{count} {form}' for form, count in forms.most_common())}.",
            "The station window as a sign-in opens it (offscreen, 1920×1080, simulated scale polling): each scan's "
            "keys and Enter go to the focused widget back to back, through the scan wedge, to `look_up_scan` (the RMA "
            "and its decisions, one read) on a worker thread; the clock stops when the lines are in the table model "
            "and the table has painted its next frame. The `rma_opened` audit event and the line's decision preview "
            "start after that frame; between scans they were let finish, untimed.",
            "A real scanner spreads its keys over a few milliseconds more; that time is the scanner's, not the "
            f"station's. Slowest scan {_ms(max(samples))}.",
        ],
    )


# Cold start --------------------------------------------------------------------------------------------

COLD_STARTS = {"full": 20, "quick": 6, "smoke": 1}  # timed starts of each process (after one untimed each)


def cold_start(ctx: Context) -> Result:
    """A fresh `receiving-app gui` process on the SQLite warehouse: how long a clerk waits on it, from the start until
    the sign-in is on screen, plus from pressing Enter on the PIN until the scan field has the focus; against a fresh
    process that shows a bare PySide6 window."""
    import json
    import subprocess
    import sys

    from benchmarks import workers
    from benchmarks.core import profile_markdown
    from benchmarks.ready_probe import PROBE_TYPING_MS
    from receiving_app.services.demo import DEMO_USERS

    url = ctx.sqlite_url()
    ctx.station(url)  # migrated and its policies recorded, as at a bench that has run before
    user, _, _, password = next(row for row in DEMO_USERS if row[2] == "receiver")
    station = workers.station_command(url)
    bytecode = ctx.work_dir / "cold-start-bytecode"
    station_environment = workers.start_environment(
        ctx.work_dir / "cold-start-station", bytecode, user=user, password=password
    )
    floor_environment = workers.start_environment(ctx.work_dir / "cold-start-floor", bytecode)
    if ctx.profiling:
        out = ctx.cache_dir / "profiles" / "cold_start-station.txt"
        out.parent.mkdir(parents=True, exist_ok=True)
        summary = ctx.work_dir / "cold-start-profile.json"
        profiled = subprocess.run(
            [sys.executable, "-m", "benchmarks.workers", "profile-start", url, str(summary), str(out)],
            cwd=workers.ROOT,
            env=station_environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if profiled.returncode != 0:
            raise RuntimeError("the profiled station start failed:\n" + profiled.stderr[-3000:])
        ctx.profile_notes.append(
            profile_markdown(
                json.loads(summary.read_text()),
                label="pyinstrument over one station start, from its first import to ready",
                saved_to=str(out),
            )
        )
        return Result("time", [])
    runs = COLD_STARTS.get(ctx.scale.name, COLD_STARTS["quick"])
    # One of each first, untimed: it compiles the bytecode, and the operating system then has the files in its
    # cache, as after any earlier start of an installed station.
    workers.time_to_ready(station, station_environment)
    workers.time_to_ready(workers.bare_window_command(), floor_environment)
    starts, floor = [], []
    for index in range(runs):
        pair = [("station", station, station_environment), ("floor", workers.bare_window_command(), floor_environment)]
        for kind, command, environment in pair if index % 2 == 0 else pair[::-1]:
            moments = workers.time_to_ready(command, environment)
            (starts if kind == "station" else floor).append(moments)
    sign_in = [moments["sign-in"] for moments in starts]
    after_enter = [moments["ready"] - moments["submitted"] for moments in starts]
    samples = [before + after for before, after in zip(sign_in, after_enter, strict=True)]
    whole = [moments["ready"] for moments in starts]
    floor_median = median([moments["ready"] for moments in floor])
    return Result(
        "time",
        samples,
        floor_samples=[moments["ready"] for moments in floor],
        floor_label="bare PySide6 window",
        notes=[
            f"{runs} starts of each, alternating which goes first, after one untimed start of each (which compiled the "
            "bytecode, kept as an installed station keeps it); timed from `subprocess.Popen` to each line the process "
            "prints. The floor is `python -c` with a QApplication, a QWidget shown, one `processEvents()` and `print`.",
            f"The station is `receiving-app gui --db <the {ctx.size:,}-RMA warehouse>` (offscreen, settings and logs "
            "of its own), started through `python -m benchmarks.ready_probe`, which runs the same command with a quick "
            f"clerk attached (`RECEIVING_APP_READY_PROBE={user}`): it prints `sign-in` once the sign-in dialog is "
            f"painted, types the demo receiver's name and PIN {PROBE_TYPING_MS:,} ms later (14 keys take a clerk about "
            "2 s), prints `submitted` as it presses Enter, with how late its timer let it (a clerk's keys arrive "
            "when typed, so a window busy when Enter was due counts as waited), and prints `ready` once the station "
            "window is painted and its scan field has the focus: the moment a scan would open an RMA. Both moments are "
            "taken once Qt has painted, as the floor's is after its `processEvents()`. The figure is the clerk's wait: "
            "until the sign-in, plus from Enter to the scan field. While the clerk types, the station opens its "
            "database and builds and paints the window unseen; had that not finished by Enter, the rest would be in "
            "the wait. Its other services and reportlab's layouts are built behind the first window.",
            f"Parts of the wait (medians): the sign-in on screen after {_ms(median(sign_in))} "
            f"({median(sign_in) / floor_median:.2f}× the floor); from Enter to the scan field "
            f"{_ms(median(after_enter))} (the PIN checked with Argon2id, the sign-in recorded, the window shown). The "
            f"whole start, typing included, took {_ms(median(whole))}.",
        ],
    )


# One policy decision -----------------------------------------------------------------------------------


def decision(ctx: Context) -> Result:
    """domain.engine.decide over varied facts: every policy, reason, choice, fill and condition."""
    from receiving_app.bootstrap import load_shipped_policies
    from receiving_app.domain.engine import MissingFact, decide
    from receiving_app.domain.facts import (
        Category,
        Condition,
        CustomerChoice,
        Flags,
        Item,
        PaymentMethod,
        ReturnDates,
        ReturnFacts,
        ReturnReason,
    )
    from receiving_app.domain.money import Money
    from receiving_app.domain.weight import FillMeasurement

    policies = list(load_shipped_policies().values())
    rng = random.Random(ctx.seed)
    today = date(2026, 3, 27)
    cases = []
    while len(cases) < 500:
        purchased = today - timedelta(days=rng.choice((8, 15, 25, 40, 75, 120, 200, 400, 800)))
        delivered = purchased + timedelta(days=rng.randint(2, 7))
        full, empty = Decimal(rng.choice(("815.0", "620.5", "1210.0", "96.4"))), Decimal("0")
        empty = (full * Decimal("0.7")).quantize(Decimal("0.1"))
        opened = rng.random() < 0.2
        facts = ReturnFacts(
            reason=rng.choice(list(ReturnReason)),
            item=Item(
                "TN-660",
                rng.choice(list(Category)),
                Money.of(rng.choice(("54.99", "139.00", "18.49"))),
                rng.randint(1, 3),
            ),
            dates=ReturnDates(
                purchased=purchased,
                shipped=purchased + timedelta(days=1),
                delivered=delivered,
                reported=min(today, delivered + timedelta(days=rng.randint(0, 20))),
                received=today,
            ),
            payment_method=rng.choice(list(PaymentMethod)),
            customer_choice=CustomerChoice.REPLACEMENT if rng.random() < 0.15 else CustomerChoice.REFUND,
            shipping_paid=Money.of(rng.choice(("0.00", "7.95", "12.50"))),
            return_label_cost=Money.of(rng.choice(("0.00", "8.50"))),
            fill=FillMeasurement(empty + (full - empty) * Decimal(str(round(rng.random(), 3))), full, empty),
            condition=Condition(
                unopened=not opened,
                sealed=not opened,
                original_packaging=True,
                box_damage=rng.random() < 0.1,
                labels_intact=True,
            ),
            flags=Flags(
                sold_by_seller=rng.random() < 0.97,
                hp_plus_rejected=rng.random() < 0.05,
                firmware_blocked=False,
                improper_use=False,
            ),
        )
        policy = rng.choice(policies)
        try:
            decide(policy, facts)
        except MissingFact:
            continue
        cases.append((policy, facts))
    outcomes = Counter(decide(policy, facts).outcome.value for policy, facts in cases)  # also the warm-up
    calls = [cases[index % len(cases)] for index in range(ctx.scale.decisions)]
    clock = time.perf_counter
    samples = []
    with ctx.profiled(interval=0.0001):
        for policy, facts in calls:
            started = clock()
            decide(policy, facts)
            samples.append(clock() - started)
    return Result(
        "time",
        samples,
        notes=[
            f"{len(samples):,} calls of `decide(policy, facts)` cycling through {len(cases)} cases over "
            f"{len(policies)} policies and every reason; outcomes "
            f"{', '.join(f'{count} {name}' for name, count in outcomes.most_common())} of the cases.",
        ],
    )


# Receiving one line at one station --------------------------------------------------------------------


def receive_sqlite(ctx: Context) -> Result:
    """ReceivingService.receive: inspection, readings, decision, documents rendered and numbered, audit."""
    url = ctx.sqlite_url()
    station = ctx.station(url)
    rng = random.Random(ctx.seed + 1)
    photo = data.camera_photo()
    warm_up = 3
    lines: list[data.LineToReceive] = []
    while len(lines) < ctx.scale.receives + warm_up:
        lines += data.open_lines(station, ctx.picker(url).take(ctx.scale.receives + warm_up - len(lines)))
    lines = lines[: ctx.scale.receives + warm_up]
    receiving = station.receiving
    samples, outcomes, documents, photos, with_photo = [], Counter(), Counter(), 0, []
    clock = time.perf_counter
    with ctx.profiled():
        opened = None
        for index, line in enumerate(lines):
            if line.rma_number != opened:  # the clerk scans the RMA first; not part of this figure
                data.open_as_the_window_does(station.rma_opening, line.rma_number, station="BENCH-01")
                opened = line.rma_number
            command = data.receive_command(line, rng, station="BENCH-01", damage_photo=photo)
            started = clock()
            result = receiving.receive(command)
            elapsed = clock() - started
            if result.already_decided:
                raise AssertionError(f"{line.rma_number} line {line.line_no} was already decided")
            if index >= warm_up:
                samples.append(elapsed)
                outcomes[result.decision.outcome] += 1
                documents.update(document.type for document in result.decision.documents)
                photos += len(command.photos)
                if command.photos:
                    with_photo.append(elapsed)
    return Result(
        "time",
        samples,
        notes=[
            f"{len(samples):,} lines of RMAs picked at random among {ctx.size:,} (after {warm_up} warm-up lines), "
            f"each with two moving readings and a stable capture; {photos} with a 1280×960 damage photo.",
            f"Outcomes {', '.join(f'{count} {name}' for name, count in outcomes.most_common())}; documents issued "
            f"{', '.join(f'{count} {name}' for name, count in documents.most_common())}.",
            f"Slowest receive {_ms(max(samples))}."
            + (
                f" Lines with a photo: median {_ms(median(with_photo))} (the photo is shrunk for every document that "
                "prints it)."
                if with_photo
                else ""
            ),
        ],
    )


# Stations receiving at once ----------------------------------------------------------------------------


def stations_postgresql(ctx: Context) -> Result:
    """Station processes receive distinct lines for a fixed window on one PostgreSQL database (the warehouse of the
    open-by-scan figure); then the records are checked for duplicates, gaps and a broken audit chain."""
    import multiprocessing

    from benchmarks.workers import station_process

    url = ctx.postgres_url()
    station = ctx.station(url)
    count = ctx.scale.stations
    picker = ctx.picker(url)
    shares = [data.open_lines(station, picker.take(ctx.scale.rmas_per_station)) for _ in range(count)]
    before = _record_counts(station)

    spawn = multiprocessing.get_context("spawn")
    barrier = spawn.Barrier(count + 1)
    results = spawn.Queue()
    profile_path = str(ctx.cache_dir / "profiles" / "stations_postgresql-station-1.txt") if ctx.profiling else None
    if profile_path:
        Path(profile_path).parent.mkdir(parents=True, exist_ok=True)
    processes = [
        spawn.Process(
            target=station_process,
            args=(
                index,
                url,
                str(ctx.settings_path),
                share,
                ctx.seed + index,
                ctx.scale.window_s,
                barrier,
                results,
                profile_path if index == 0 else None,
            ),
            daemon=True,
        )
        for index, share in enumerate(shares)
    ]
    for process in processes:
        process.start()
    barrier.wait(timeout=900)
    started = time.monotonic()
    cpu_before = CpuSnapshot.take()
    waits = _sample_waits(ctx, url, until=started + ctx.scale.window_s)
    cpu_after = CpuSnapshot.take()
    reports = [results.get(timeout=300) for _ in processes]
    for process in processes:
        process.join(timeout=60)

    errors = [error for report in reports for error in report["errors"]]
    if any("Traceback" in error or "never reached" in error for error in errors):
        raise RuntimeError("a station failed:\n" + "\n".join(errors[:3]))
    window = ctx.scale.window_s
    start = min(report["started"] for report in reports)
    end = start + window
    completions = [moment for report in reports for moment in report["completions"]]
    in_window = [moment for moment in completions if moment <= end]
    buckets = [0] * max(int(window), 1)
    for moment in in_window:
        buckets[min(int((moment - start) / window * len(buckets)), len(buckets) - 1)] += 1
    bucket_seconds = window / len(buckets)
    samples = [count_in / bucket_seconds for count_in in buckets]
    rate = len(in_window) / window

    received = sum(len(report["completions"]) + report.get("warm_up", 0) for report in reports)
    after = _record_counts(station)
    told = [tuple(document) for report in reports for document in report["documents"]]
    checks, check_notes = _check_records(
        station, before, after, received, told, already=sum(report["already_decided"] for report in reports)
    )
    latencies = [value for report in reports for value in report["latencies"]]
    cpu = sum(report.get("cpu_s", 0.0) for report in reports)
    first = next(report for report in reports if report["index"] == 0)
    if ctx.profiling and first.get("profile"):
        ctx.child_profile = first["profile"]
        ctx.child_profile_file = profile_path
    ran_out = [report["index"] + 1 for report in reports if report.get("ran_out")]
    holds: dict[str, list[tuple[float, float]]] = {}
    for report in reports:
        for row, held, waited in report.get("row_holds", []):
            holds.setdefault(row, []).append((held, waited))
    notes = [
        f"{count} station processes (spawned, each bootstrapped on its own), {ctx.scale.rmas_per_station:,} RMAs each, "
        f"none shared; after one warm-up line each they met at a barrier and received for {window:g} s.",
        f"**{len(in_window):,} lines received in the window: {rate:.1f} receives/s**; per station "
        + ", ".join(
            str(sum(1 for moment in report["completions"] if moment <= end))
            for report in sorted(reports, key=lambda r: r["index"])
        )
        + ".",
        f"Median and p95 columns: receives in each {bucket_seconds:g}-second interval (p95 column: the slowest 5 % of "
        "intervals).",
        f"One receive under this load: median {_ms(median(latencies))}, p95 {_ms(percentile(latencies, 0.95))}.",
        _cpu_note(cpu, cpu_before, cpu_after, window, len(in_window)),
        *check_notes,
    ]
    if holds:
        notes.append(
            "The rows every station queues on, each locked from the statement that takes it until its transaction "
            "commits: the document counters (one row per type, so that numbers have no gaps; the license plates' "
            "too) and the audit chain's head (once a receive, for the decision's events, its PDFs drawn before it): "
            + "; ".join(
                f"`{row}` taken {len(pairs):,} times, waited for median "
                f"{_ms(median([w for _, w in pairs]))}, then held median {_ms(median([h for h, _ in pairs]))} (p95 "
                f"{_ms(percentile([h for h, _ in pairs], 0.95))}), locked "
                f"{_occupancy(sum(h for h, _ in pairs) / window)} of the window"
                for row, pairs in sorted(holds.items(), key=lambda item: -len(item[1]))
            )
            + ". A row locked close to 100 % of the window is the queue every station stands in."
        )
    if waits:
        notes.append(
            "What the PostgreSQL sessions of the stations were doing, sampled every 50 ms during the window: "
            + ", ".join(f"{state} {share * 100:.0f} %" for state, share in waits)
            + "."
        )
    if errors:
        notes.append(f"{len(errors)} receives failed, e.g. {errors[0]}")
        checks["no failed receives"] = False
    if ran_out:
        notes.append(f"Stations {ran_out} ran out of lines before the window ended: give them more (rmas_per_station).")
    return Result(
        "rate",
        samples,
        notes=notes,
        checks=checks,
        headline=rate,
        headline_label=f"{rate:.1f} receives/s over {window:g} s",
    )


def _occupancy(fraction: float) -> str:
    """Holds are timed in the stations, a little past the server's commit; near 100 % means all the time."""
    return "all (≈100 %)" if fraction >= 0.95 else f"{fraction * 100:.0f} %"


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def _record_counts(station) -> dict:
    from sqlalchemy import func, select

    from receiving_app.persistence.decision_tables import DecisionRow
    from receiving_app.persistence.document_tables import DocumentRow

    with station.units.read() as uow:
        return {
            "decisions": uow.session.execute(select(func.count()).select_from(DecisionRow)).scalar_one(),
            "documents": uow.session.execute(select(func.count()).select_from(DocumentRow)).scalar_one(),
        }


def _check_records(
    station, before: dict, after: dict, received: int, told: list, *, already: int
) -> tuple[dict, list[str]]:
    """0 duplicate decisions or documents, gapless numbers, every reported receive recorded, chain intact."""
    from sqlalchemy import func, select

    from receiving_app.domain.decision import DocumentType
    from receiving_app.persistence.decision_tables import DecisionRow
    from receiving_app.persistence.document_tables import DocumentCounterRow, DocumentRow

    with station.units.read() as uow:
        session = uow.session
        duplicate_decisions = session.execute(
            select(func.count()).select_from(
                select(DecisionRow.rma_line_id).group_by(DecisionRow.rma_line_id).having(func.count() > 1).subquery()
            )
        ).scalar_one()
        duplicate_documents = session.execute(
            select(func.count()).select_from(
                select(DocumentRow.decision_id, DocumentRow.document_type)
                .group_by(DocumentRow.decision_id, DocumentRow.document_type)
                .having(func.count() > 1)
                .subquery()
            )
        ).scalar_one()
        gaps = []
        # The documents' own counters: the others number license plates, unidentified returns and containers.
        document_types = [document_type.value for document_type in DocumentType]
        counters = select(DocumentCounterRow).where(DocumentCounterRow.document_type.in_(document_types))
        for counter in session.execute(counters).scalars():
            sequences = (
                session.execute(
                    select(DocumentRow.sequence)
                    .where(DocumentRow.document_type == counter.document_type)
                    .order_by(DocumentRow.sequence)
                )
                .scalars()
                .all()
            )
            if sequences != list(range(1, counter.last_number + 1)):
                gaps.append(counter.document_type)
    chain = station.history.verify_audit_chain()
    new_decisions = after["decisions"] - before["decisions"]
    checks = {
        "0 duplicate decisions": duplicate_decisions == 0 and already == 0,
        "0 duplicate documents": duplicate_documents == 0 and len(told) == len(set(told)),
        "gapless document numbers": not gaps,
        "every reported receive recorded": new_decisions == received,
        "audit chain verifies": chain.first_break is None,
    }
    notes = [
        f"Checked afterwards: {duplicate_decisions} lines with more than one decision, {duplicate_documents} decisions "
        f"with two documents of a type, {already} receives told `already_decided`, {len(told) - len(set(told))} "
        "document numbers told to two stations; document numbers per type "
        f"{'have gaps in ' + ', '.join(gaps) if gaps else 'gapless'}; {new_decisions:,} new decisions for {received:,} "
        f"receives reported; {after['documents'] - before['documents']:,} documents; audit chain of {chain.events:,} "
        f"events {'verifies' if chain.first_break is None else 'BROKEN: ' + str(chain.first_break)}.",
    ]
    return checks, notes


def _cpu_note(station_cpu: float, before, after, window: float, receives: int) -> str:
    """Where the machine's CPU went during the window: stations, PostgreSQL, other work, the host."""
    from benchmarks.machine import load_between

    per = max(receives, 1)
    note = f"CPU: the station processes used {station_cpu / per * 1000:.1f} ms of CPU per receive"
    load = load_between(before, after)
    if load is None:
        return note + "."
    capacity = _cores() * window
    postgres_seconds = load.postgres * capacity
    other = max(load.busy - station_cpu / capacity - load.postgres, 0.0)
    note += (
        f", PostgreSQL {postgres_seconds / per * 1000:.1f} ms. The machine ({_cores()} cores) was "
        f"{load.busy * 100:.0f} % busy: stations {station_cpu / capacity * 100:.0f} %, PostgreSQL "
        f"{load.postgres * 100:.0f} %, other work on the machine {other * 100:.0f} %"
    )
    if load.steal >= 0.01:
        note += f", and the host took {load.steal * 100:.0f} % (steal)"
    return note + "."


def _statement_head(query: str) -> str:
    """``UPDATE document_counters``, ``SELECT … FROM audit_head``: enough to tell which row is contended."""
    words = (query or "").replace("\n", " ").split()
    if not words:
        return "?"
    verb = words[0].upper()
    if verb == "UPDATE" and len(words) > 1:
        return f"UPDATE {words[1]}"
    if verb == "INSERT" and len(words) > 2:
        return f"INSERT INTO {words[2]}"
    if verb == "SELECT" and "FROM" in (upper := [word.upper() for word in words]):
        table = words[upper.index("FROM") + 1]
        return f"SELECT … FROM {table}" + (" FOR UPDATE" if "UPDATE" in upper[upper.index("FROM") :] else "")
    return " ".join(words[:3])


def _sample_waits(ctx: Context, url: str, *, until: float) -> list[tuple[str, float]]:
    """Sample pg_stat_activity of the bench database until ``until``: active on CPU, waiting on a lock, idle..."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    engine = create_engine(ctx.pg_admin_url, isolation_level="AUTOCOMMIT")
    seen: Counter = Counter()
    try:
        with engine.connect() as connection:
            while time.monotonic() < until:
                rows = connection.execute(
                    text(
                        "SELECT state, wait_event_type, wait_event, left(query, 400) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
                    ),
                    {"name": name},
                ).all()
                for state, wait_type, wait_event, query in rows:
                    if state == "active" and wait_type == "Lock":
                        seen[f"waiting on a lock ({wait_event}) in `{_statement_head(query)}`"] += 1
                    elif state == "active":
                        seen[
                            "running a statement" if wait_type is None else f"waiting on {wait_type}:{wait_event}"
                        ] += 1
                    elif state == "idle in transaction":
                        seen["in a transaction, waiting for the station (Python)"] += 1
                    else:
                        seen[f"{state} (between transactions)"] += 1
                time.sleep(0.05)
    finally:
        engine.dispose()
    total = sum(seen.values()) or 1
    return [(state, number / total) for state, number in seen.most_common(8)]


# Credit memo PDF ---------------------------------------------------------------------------------------


def credit_memo_pdf(ctx: Context) -> Result:
    """documents.render of the worked example's credit memo (barcode, evidence, two photos as the station stores
    them) against a bare reportlab page."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    from receiving_app.bootstrap import load_shipped_policies
    from receiving_app.documents.photos import printable_photo
    from receiving_app.documents.render import render

    policies = load_shipped_policies()
    # Photos as the station stores them when it records the inspection (photos.thumbnail), which is what a memo shows.
    stored = (
        printable_photo(data.thumbnail("#d8e4f0", "front", "PNG")),
        printable_photo(data.thumbnail("#f0e0c8", "label", "JPEG")),
    )
    content = data.credit_memo_content(policies, photos=stored)

    def bare_page() -> bytes:
        buffer = io.BytesIO()
        page = canvas.Canvas(buffer, pagesize=letter)
        page.drawString(72, 720, "Credit memo CM-000123")
        page.showPage()
        page.save()
        return buffer.getvalue()

    for _ in range(3):
        pdf = render(content)
        bare_page()
    if not pdf.startswith(b"%PDF"):
        raise AssertionError("the credit memo is not a PDF")
    samples, floor = [], []
    clock = time.perf_counter
    with ctx.profiled():
        for index in range(ctx.scale.documents):
            order = (render, bare_page) if index % 2 == 0 else (bare_page, render)
            if ctx.profiling:  # the profile is of the memo alone
                order = (render,)
            for job in order:
                started = clock()
                job(content) if job is render else job()
                (samples if job is render else floor).append(clock() - started)

    def variant(photos: tuple[bytes, ...], count: int) -> str:
        memo = data.credit_memo_content(policies, photos=photos)
        render(memo)
        taken = median(timed_calls(lambda: render(memo), count))
        return _ms(taken) + (f" ({taken / median(floor):.1f}× the floor)" if floor else "")

    as_taken = (data.thumbnail("#d8e4f0", "front", "PNG"), data.thumbnail("#f0e0c8", "label", "JPEG"))
    camera = (data.camera_photo(), data.camera_photo(1024, 768))
    return Result(
        "time",
        samples,
        floor_samples=floor,
        floor_label="bare one-page PDF",
        notes=[
            f"{len(samples)} renders of the worked example's one-line credit memo (Code 128 barcode of its number, "
            "weight, fill, condition, flags and two 160×120 photos as the station stores them, print-ready JPEGs made "
            f"when the inspection was recorded; {len(pdf):,} bytes), each next to a bare page (`canvas.Canvas`, one "
            f"`drawString`, {len(bare_page()):,} bytes), alternating which goes first.",
            f"The same memo without photos: median {variant((), ctx.scale.documents)}. With the photos as taken (one "
            f"PNG, one JPEG), made print-ready in the render, as `documents render` does for a photo given in JSON: "
            f"median {variant(as_taken, ctx.scale.documents)}. With two camera-sized photos (1280×960 and 1024×768 "
            f"JPEG), shrunk in the render: median {variant(camera, max(ctx.scale.documents // 10, 2))}.",
        ],
    )


# Memory --------------------------------------------------------------------------------------------------


def daily_report_sqlite(ctx: Context) -> Result:
    """ReportService.daily for one day of decided lines at eight stations, on the SQLite warehouse."""
    return _daily_report(ctx, ctx.sqlite_url())


def daily_report_postgresql(ctx: Context) -> Result:
    """ReportService.daily for one day of decided lines at eight stations, on the PostgreSQL warehouse."""
    return _daily_report(ctx, ctx.postgres_url())


_REPORT_DAYS: dict[str, tuple[date, Counter]] = {}  # the profile pass reports the day the figure built


def _daily_report(ctx: Context, url: str) -> Result:
    from datetime import datetime
    from datetime import time as time_of_day

    from receiving_app.domain.money import Money

    station = ctx.station(url)
    wanted = ctx.scale.report_lines
    if url not in _REPORT_DAYS:
        day = station.reports.today() - timedelta(days=1)
        lines: list[data.LineToReceive] = []
        while len(lines) < wanted:
            lines += data.open_lines(station, ctx.picker(url).take(max(int((wanted - len(lines)) * 0.7), 1)))
        started = time.perf_counter()
        outcomes = data.decide_one_day(
            station,
            lines[:wanted],
            datetime.combine(day, time_of_day.min).astimezone(),
            random.Random(ctx.seed + 6),
            through_service=min(300, wanted),
        )
        ctx.log(f"    decided {wanted:,} lines on {day} in {time.perf_counter() - started:.0f} s")
        _REPORT_DAYS[url] = day, outcomes
    day, outcomes = _REPORT_DAYS[url]
    report = station.reports.daily(day)  # warm-up, and the figures the notes quote
    decided = _decisions_between(station, report.start, report.end)
    totals_match = report.lines_received == len(decided) == wanted and report.refunded == sum(decided, Money.zero())
    repeats = max(ctx.scale.decisions // 400, 5)
    with ctx.profiled():
        samples = timed_calls(lambda: station.reports.daily(day), repeats)
    return Result(
        "time",
        samples,
        notes=[
            f"{repeats} reports of one day ({day}) holding {wanted:,} decided lines at 8 stations by 2 operators, in a "
            f"warehouse of {ctx.size:,} RMAs; outcomes "
            f"{', '.join(f'{count:,} {name}' for name, count in outcomes.most_common())}.",
            f"The report says {report.refunded} refunded that day.",
            "300 of the lines were received through the service; the rest copy their decisions and inspections "
            "(the report reads decisions only). Each report is its own read transaction, as the Reports page runs it.",
            f"Checked: the report's lines and refunded total equal the {len(decided):,} decisions of the day read one "
            f"by one and added up as Money ({'they do' if totals_match else 'they do NOT'}).",
        ],
        checks={"totals match the decisions": totals_match},
    )


def _decisions_between(station, start, end) -> list:
    """The refund total of every decision made in [start, end), read row by row (not summed by the database)."""
    from sqlalchemy import select

    from receiving_app.persistence.decision_tables import DecisionRow

    with station.units.read() as uow:
        return list(
            uow.session.execute(
                select(DecisionRow.refund_total).where(DecisionRow.decided_at >= start, DecisionRow.decided_at < end)
            ).scalars()
        )


def station_memory(ctx: Context) -> Result:
    """RSS of a fresh station process once it is ready for its first scan, and after it scanned and received the
    lines."""
    import json
    import subprocess
    import sys

    url = ctx.sqlite_url()
    station = ctx.station(url)
    wanted = ctx.scale.memory_lines
    runs = 1 if ctx.profiling else ctx.scale.memory_runs
    starts, ends, curves, allocations = [], [], [], None
    for run in range(runs):
        lines: list[data.LineToReceive] = []
        while len(lines) < wanted:
            lines += data.open_lines(station, ctx.picker(url).take(max(int((wanted - len(lines)) * 0.75), 1)))
        lines = lines[:wanted]
        arguments = {
            "url": url,
            "settings_path": str(ctx.settings_path),
            "seed": ctx.seed + run,
            "lines": [(line.rma_number, line.line_no, str(line.full_g), str(line.empty_g)) for line in lines],
            "trace_allocations": ctx.profiling,
        }
        given, answer = ctx.work_dir / f"memory-{run}-in.json", ctx.work_dir / f"memory-{run}-out.json"
        given.write_text(json.dumps(arguments))
        root = Path(__file__).resolve().parent.parent
        subprocess.run(
            [sys.executable, "-m", "benchmarks.workers", "memory", str(given), str(answer)], cwd=root, check=True
        )
        measured = json.loads(answer.read_text())
        starts.append(measured["after_start"])
        ends.append(measured["after_lines"])
        curves.append(measured["curve"])
        allocations = measured.get("allocations", allocations)
    notes = [
        f"{runs} fresh process{'es' if runs > 1 else ''} (`python -m benchmarks.workers memory`), headless: bootstrap "
        f"on the {ctx.size:,}-RMA SQLite warehouse, one scan (scan-ready: *memory after start*), then {wanted:,} lines "
        "scanned and received like a clerk (about one in eight with a 1280×960 damage photo). RSS from "
        "/proc/self/statm.",
        "RSS as the lines went by (first run): "
        + ", ".join(f"{count}: {size / 2**20:.0f} MiB" for count, size in curves[0])
        + ".",
    ]
    if allocations:
        ctx.profile_notes.append(
            "Allocations still held after the lines (tracemalloc, newest frame first):\n\n"
            "| KiB | blocks | where |\n| ---: | ---: | --- |\n"
            + "\n".join(
                f"| {item['size_diff'] / 1024:,.0f} | {item['count_diff']:,} | `{item['where']}` |"
                for item in allocations
            )
        )
    return Result("bytes", ends, floor_samples=starts, floor_label="after start", notes=notes)


# Replaying a draft policy ------------------------------------------------------------------------------


def _in_one_process_note(in_one: list[float], split: list[float]) -> str:
    one, both = median(in_one), median(split)
    return (
        f"The same replays in one process, interleaved with these: median {one * 1000:,.0f} ms (the split gains "
        f"{one / both:.2f}× on this machine)."
    )


def policy_replay(ctx: Context) -> Result:
    """PolicyReplayService.replay of a draft (Image-Pro with a 15 % fill threshold and a 20 % restocking fee)
    over one seller's decided units received on one day, on the SQLite warehouse; floor: ``decide`` alone over
    the same facts."""
    from benchmarks import replay_data
    from receiving_app.domain.engine import decide
    from receiving_app.domain.errors import InputError
    from receiving_app.domain.money_text import money_text
    from receiving_app.domain.policy_toml import changed_data, heading_comments, policy_data, policy_toml
    from receiving_app.services import process_split

    seller, wanted = "image-pro-services", ctx.scale.replay_lines
    url = ctx.sqlite_url()
    station = ctx.station(url)
    day = station.reports.today() - timedelta(days=2)  # received and decided on a day no other figure uses
    started = time.perf_counter()
    lines = replay_data.seller_lines(station, ctx.picker(url), seller, wanted, reported_by=day)
    serviced = replay_data.decide_on(station, lines, day, random.Random(ctx.seed + 9), through_service=min(300, wanted))
    ctx.log(f"    decided {len(lines):,} units of {seller} on {day} in {time.perf_counter() - started:.0f} s")
    installed = station.policies[seller].source_text
    changes = {"fill_rule.minimum_fraction": "0.15", "reasons.not_needed.restocking_fee.percent": "20"}
    edited = policy_toml(changed_data(policy_data(installed, seller), changes), heading_comments(installed))
    draft = station.policy_drafts.save("benchmark", edited, user="admin", station="bench")
    policy = station.policy_drafts.checked(draft.text, draft.name)
    units = station.policy_replay.recorded(seller, day, day)  # the facts a replay reads, read once, untimed

    def replay():
        return station.policy_replay.replay(draft, start=day, end=day, user="admin", station="bench")

    def decide_alone() -> Counter:
        outcomes: Counter = Counter()
        for unit in units:
            try:
                outcomes[decide(policy, unit.facts).outcome.value] += 1
            except InputError:
                outcomes["undecided"] += 1
        return outcomes

    def replay_in_one_process():
        split = process_split.MOST_PROCESSES
        process_split.MOST_PROCESSES = 1
        try:
            return replay()
        finally:
            process_split.MOST_PROCESSES = split

    warm, alone = replay(), decide_alone()  # the warm-up, and the answers the checks compare
    comparison = warm.comparison
    repeats = 1 if ctx.profiling else 5
    samples, floor, in_one = [], [], []
    clock = time.perf_counter
    for _ in range(repeats):
        begun = clock()
        decide_alone()
        floor.append(clock() - begun)
        with ctx.profiled():
            begun = clock()
            replay()
            samples.append(clock() - begun)
        if warm.processes > 1 and not ctx.profiling:  # what the split gains, on this machine
            begun = clock()
            replay_in_one_process()
            in_one.append(clock() - begun)
    processes = "one process" if warm.processes == 1 else f"{warm.processes} processes, each comparing a run of them"
    after = comparison.after
    replayed_outcomes = Counter(
        {
            "denied": after.denied,
            "replacement": after.replacements,
            "refund": after.units - after.denied - after.replacements,
        }
    )
    replayed_outcomes.update(
        item.draft_outcome.value if item.draft_outcome else "undecided" for item in comparison.overridden
    )
    replayed_outcomes["undecided"] += len(comparison.undecided)
    replayed = after.units + len(comparison.overridden) + len(comparison.undecided)
    changed_how = Counter(f"{item.before.outcome.value} → {item.after.outcome.value}" for item in comparison.changed)
    return Result(
        "time",
        samples,
        floor_samples=floor,
        floor_label="`decide` alone",
        notes=[
            f"{repeats} replays of one draft over the {replayed:,} units of {seller} received on {day}, each a read "
            f"transaction streaming their facts (in {processes}) and a write of its `policy_replayed` event; "
            "interleaved with the floor, "
            f"`decide(draft, facts)` over the same {len(units):,} facts read beforehand. In a warehouse of "
            f"{ctx.size:,} RMAs.",
            f"{serviced} of the units were received through the service; the others copy the decision, inspection and "
            "captured weight of one of those (of the same SKU where there is one) onto lines of their own.",
            f"The draft changes {len(comparison.changed):,} units "
            f"({', '.join(f'{count:,} {how}' for how, count in changed_how.most_common())}): refunded "
            f"{money_text(comparison.before.refunded)} → {money_text(after.refunded)}, "
            f"denied {comparison.before.denied:,} → {after.denied:,}.",
            *([_in_one_process_note(in_one, samples)] if in_one else []),
        ],
        checks={
            "every unit replayed": replayed == len(lines) == len(units),
            "the replay decides as `decide` does": replayed_outcomes == alone,
        },
    )
