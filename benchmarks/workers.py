"""Code that runs in processes of its own: receiving stations for the throughput figure, the
station whose memory is read, and the processes whose start is timed for the cold-start figure.

The stations are started by multiprocessing (spawn: a fresh interpreter each, like a real bench
PC) and meet at a barrier after they have bootstrapped and received one warm-up line, so the
window measures receiving only. The memory station is a plain subprocess
(``python -m benchmarks.workers memory IN.json OUT.json``) so that nothing of the runner is in it.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
import traceback
from decimal import Decimal
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make `benchmarks` and `receiving_app` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def rss_bytes() -> int:
    """This process's resident memory now (Linux /proc; elsewhere the peak, which is what is known)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


# Stations receiving at once ------------------------------------------------------------------------


def station_process(index, url, settings_path, lines, seed, window_s, barrier, results, profile_path) -> None:
    """Receive ``lines`` one after another for ``window_s`` seconds after the barrier; report everything."""
    report: dict = {
        "index": index,
        "errors": [],
        "completions": [],
        "latencies": [],
        "documents": [],
        "already_decided": 0,
    }
    try:
        from benchmarks import data
        from receiving_app.bootstrap import bootstrap

        station = bootstrap(url, prepare=False, settings_path=Path(settings_path))
        rng = random.Random(seed)
        photo = data.camera_photo()
        name = f"BENCH-{index + 1:02d}"
        commands = (data.receive_command(line, rng, station=name, damage_photo=photo) for line in lines)
        hot_rows = _watch_hot_rows(station.units.engine)
        warm = station.receiving.receive(next(commands))  # first use of every code path, outside the window
        report["warm_up"] = 1
        report["documents"].extend((document.type, document.number) for document in warm.decision.documents)
    except Exception:
        report["errors"].append(traceback.format_exc())
        barrier.abort()
        results.put(report)
        return
    try:
        barrier.wait(timeout=900)
    except Exception:
        report["errors"].append("the other stations never reached the start")
        results.put(report)
        return

    started = time.monotonic()
    deadline = started + window_s
    cpu_started = time.process_time()
    report["started"] = started
    profiler = None
    if profile_path:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    report["ran_out"] = True
    report["row_holds"] = []
    for command in commands:
        if time.monotonic() >= deadline:
            report["ran_out"] = False
            break
        hot_rows.clear()
        began = time.perf_counter()
        try:
            result = station.receiving.receive(command)
        except Exception as error:  # counted and reported; the window goes on
            report["errors"].append(f"{command.rma_number} line {command.line_no}: {type(error).__name__}: {error}")
            continue
        ended = time.perf_counter()
        report["row_holds"].extend(
            (row, (released or ended) - held_from, held_from - asked)
            for row, asked, held_from, released in hot_rows
            if time.monotonic() - (ended - held_from) <= deadline
        )
        report["latencies"].append(ended - began)
        report["completions"].append(time.monotonic())
        report["already_decided"] += int(result.already_decided)
        report["documents"].extend((document.type, document.number) for document in result.decision.documents)
    report["cpu_s"] = time.process_time() - cpu_started
    if profiler is not None:
        from benchmarks.core import summarise_profile

        profiler.stop()
        Path(profile_path).write_text(profiler.output_text(unicode=True, show_all=False))
        report["profile"] = summarise_profile(profiler.last_session.root_frame())
    station.close()
    results.put(report)


def _watch_hot_rows(engine) -> list:
    """Note, for each row every station queues on that a receive locks (a document counter, the audit
    chain's head), when the receive asked for it, when it got it, and when its transaction committed.

    Each is locked from the statement that takes it until the commit, so the time from getting it to
    the commit is how long this station kept the others waiting. Entries: (row, asked, got, released).
    """
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    taken: list = []
    asking: dict = {}

    @event.listens_for(engine, "before_cursor_execute")
    def _asking(conn, cursor, statement, parameters, context, executemany) -> None:
        for row in hot_rows_taken(statement, parameters):
            asking[row] = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def _got(conn, cursor, statement, parameters, context, executemany) -> None:
        for row in hot_rows_taken(statement, parameters):
            taken.append([row, asking.pop(row), time.perf_counter(), None])

    @event.listens_for(Session, "after_commit")
    def _committed(session) -> None:
        released = time.perf_counter()
        for entry in taken:
            if entry[3] is None:
                entry[3] = released

    return taken


def hot_rows_taken(statement: str, parameters) -> list[str]:
    """The rows every station queues on that a statement locks: the document counters it bumps (one
    statement may bump several, by name), or the audit chain's head."""
    text = statement.lstrip().upper()
    if "DOCUMENT_COUNTERS" in text.split("SET", 1)[0] and "UPDATE" in text:
        values = parameters.values() if isinstance(parameters, dict) else parameters or ()
        return [value for value in values if isinstance(value, str)] or ["?"]
    if text.startswith("SELECT") and "FROM AUDIT_HEAD" in text and "FOR UPDATE" in text:
        return ["audit head"]
    return []


# The station whose memory is read ---------------------------------------------------------------------


def memory_station(arguments: dict) -> dict:
    """Start a station, read RSS; scan and receive every line like a clerk, reading RSS as it goes."""
    at_interpreter_start = rss_bytes()
    from benchmarks import data
    from receiving_app.bootstrap import bootstrap

    station = bootstrap(arguments["url"], prepare=False, settings_path=Path(arguments["settings_path"]))
    station.build_every_service()  # as the window has it done once first painted: "after start" holds them all
    lines = [
        data.LineToReceive(number, line_no, Decimal(full), Decimal(empty))
        for number, line_no, full, empty in arguments["lines"]
    ]
    rng = random.Random(arguments["seed"])
    photo = data.camera_photo()
    data.open_as_the_window_does(station.rma_opening, lines[0].rma_number, station="BENCH-MEM")  # scan-ready
    after_start = rss_bytes()
    tracing = arguments.get("trace_allocations", False)
    if tracing:
        import tracemalloc

        tracemalloc.start(12)
        before = tracemalloc.take_snapshot()
    curve = []
    opened = None
    for count, line in enumerate(lines, start=1):
        if line.rma_number != opened:
            data.open_as_the_window_does(station.rma_opening, line.rma_number, station="BENCH-MEM")
            opened = line.rma_number
        station.receiving.receive(data.receive_command(line, rng, station="BENCH-MEM", damage_photo=photo))
        if count % max(len(lines) // 10, 1) == 0:
            curve.append((count, rss_bytes()))
    result = {
        "at_interpreter_start": at_interpreter_start,
        "after_start": after_start,
        "after_lines": rss_bytes(),
        "curve": curve,
    }
    if tracing:
        after = tracemalloc.take_snapshot()
        top = after.compare_to(before, "traceback")[:12]
        result["allocations"] = [
            {
                "size_diff": stat.size_diff,
                "count_diff": stat.count_diff,
                "where": " <- ".join(
                    f"{Path(frame.filename).name}:{frame.lineno}" for frame in list(stat.traceback)[-4:][::-1]
                ),
            }
            for stat in top
        ]
    station.close()
    return result


# Cold start --------------------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent

# The floor: the least a PySide6 program does to put a window on screen, then say so.
BARE_WINDOW = """\
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.show()
app.processEvents()
print("ready", flush=True)
"""


def bare_window_command() -> list[str]:
    return [sys.executable, "-c", BARE_WINDOW]


def station_command(url: str) -> list[str]:
    """The station as `receiving-app gui --db URL` starts it, played by the quick clerk of start_environment."""
    return [sys.executable, "-m", "benchmarks.ready_probe", "gui", "--db", url]


def start_environment(home: Path, bytecode: Path, *, user: str = "", password: str = "") -> dict[str, str]:
    """Offscreen, with settings, data and logs under ``home`` (never the developer's own station's)
    and compiled bytecode kept in ``bytecode``, as an installed station has it (whatever
    PYTHONDONTWRITEBYTECODE says here); with ``user``, the station signs in as that user and
    reports `sign-in` and `ready` on stdout."""
    from benchmarks.ready_probe import PASSWORD_VARIABLE, READY_PROBE_VARIABLE
    from receiving_app.persistence.chain_key import KEY_FILE_VARIABLE, station_chain_key

    folders = {
        name: home / name.lower() for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPYCACHEPREFIX": str(bytecode),
        **{name: str(folder) for name, folder in folders.items()},
    }
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment.pop(READY_PROBE_VARIABLE, None)
    # The warehouse's chain was sealed with this process's key. A home of its own would give the station a
    # new key, and a station whose key is not the chain's signs nobody in: it is handed the same key.
    key = home / "audit-chain.key"
    key.write_text(station_chain_key().hex())
    key.chmod(0o600)
    environment[KEY_FILE_VARIABLE] = str(key)
    if user:
        environment.update({READY_PROBE_VARIABLE: user, PASSWORD_VARIABLE: password})
    return environment


def time_to_ready(command: list[str], environment: dict[str, str], *, timeout_s: float = 120) -> dict[str, float]:
    """Seconds from ``Popen`` to each line the process prints, up to `ready`; then it is let exit, untimed.

    A line may name its moment and how many seconds late the process printed it (``submitted 0.241``):
    that moment is taken as when it was due."""
    errors = Path(environment["XDG_STATE_HOME"]) / "stderr.txt"
    with open(errors, "wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=environment, cwd=ROOT)
        watchdog = threading.Timer(timeout_s, process.kill)
        watchdog.start()
        moments: dict[str, float] = {}
        try:
            for line in process.stdout:
                name, _, late = line.decode(errors="replace").strip().partition(" ")
                moments[name] = time.perf_counter() - started - float(late or 0)
                if "ready" in moments:
                    break
            process.stdout.close()
            code = process.wait(timeout=timeout_s)
        finally:
            watchdog.cancel()
    if "ready" not in moments or code != 0:
        tail = errors.read_text(errors="replace").strip().splitlines()[-15:]
        raise RuntimeError(
            f"{' '.join(command[:4])} never said ready (exit code {process.returncode}):\n" + "\n".join(tail)
        )
    return moments


def profile_station_start(url: str, out_json: str, out_text: str) -> None:
    """One station start under pyinstrument, from its first import to `ready`, played by the quick clerk of
    ``benchmarks.ready_probe`` (run it with start_environment's variables)."""
    from pyinstrument import Profiler

    from benchmarks.core import summarise_profile

    profiler = Profiler(interval=0.001)
    profiler.start()
    from benchmarks.ready_probe import main as probed_station_main

    probed_station_main(["gui", "--db", url])
    profiler.stop()
    Path(out_text).write_text(profiler.output_text(unicode=True, show_all=False))
    Path(out_json).write_text(json.dumps(summarise_profile(profiler.last_session.root_frame())))


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "memory":
        arguments = json.loads(Path(argv[1]).read_text())
        Path(argv[2]).write_text(json.dumps(memory_station(arguments)))
        return 0
    if len(argv) == 4 and argv[0] == "profile-start":
        profile_station_start(*argv[1:])
        return 0
    print(
        "usage: python -m benchmarks.workers memory IN.json OUT.json\n"
        "       python -m benchmarks.workers profile-start URL OUT.json OUT.txt",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
