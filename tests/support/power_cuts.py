"""Power cuts at the bench: a child process receives unit after unit and is killed (SIGKILL) at a
random moment; the parent checks that every receive the child reported is on file and that the
records are whole, then starts the next child."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time

from sqlalchemy import select

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.services.errors import LineNotOpen
from receiving_app.services.process_split import objects_frozen
from tests.support.invariants import assert_records_are_whole
from tests.support.receiving import as_sold

CAN_CUT_POWER = hasattr(signal, "SIGKILL") and os.name == "posix"
# Checking the whole records reads the whole audit chain and every document not read back by an
# earlier check, so its cost grows with the kills; every 200th kill, and after the last, finds a
# damaged record all the same (nothing repairs one in between).
WHOLENESS_EVERY = 200


def units_to_receive(station) -> list[tuple[str, int, int, object]]:
    """Every open unit of the open RMAs, as (RMA, line, unit, full weight), in receiving order."""
    waiting = [*station.history.list_rmas("open"), *station.history.list_rmas("partially_received")]
    return [
        (rma.number, line.line, unit, line.full_g)
        for rma in waiting
        for line in rma.lines
        if line.status == "open"
        for unit in line.open_units
    ]


def receive_until_killed(bench, work: list, report_fd: int) -> None:
    """The child: say "ready", then receive the units in turn until it is killed."""
    os.write(report_fd, b"ready\n")
    receive_units(bench, work, report_fd)


def receive_units(station, work: list, report_fd: int) -> None:
    """Receive the units in turn, writing "RMA line unit" after each commit.

    The parent hands over the units it has not seen committed, so a child does not list thousands of
    RMAs before it starts. A unit the last child committed but was killed before reporting is
    received again: the station answers with the decision it already holds, as a rescan at the
    bench would get."""
    for number, line, unit, full_g in work:
        weight = WeightCapture(full_g, "g", full_g, True, "manual")
        try:
            result = station.receiving.receive(
                as_sold(number, line, "receiver", "bench-crash", unit=unit, weight=weight)
            )
        except LineNotOpen:
            continue
        os.write(report_fd, f"{result.rma} {result.line} {result.unit}\n".encode())


def missing(station, reported: set[tuple[str, int, int]]) -> set[tuple[str, int, int]]:
    """The reported (RMA, line, unit) receives that have no decision on file, read in one statement:
    every cut asks, and reading each RMA and then its decisions took 12 ms a cut."""
    numbers = {number for number, _line, _unit in reported}
    with station.units.read() as uow:
        rows = uow.session.execute(
            select(RmaRow.number, RmaLineRow.line_no, DecisionRow.unit_no)
            .join(RmaLineRow, RmaLineRow.rma_id == RmaRow.id)
            .join(DecisionRow, DecisionRow.rma_line_id == RmaLineRow.id)
            .where(RmaRow.number.in_(numbers))
        )
        on_file = {(number, line, unit) for number, line, unit in rows}
    return reported - on_file


def cut_repeatedly(station, bench, work: list, kills: int) -> tuple[list, set[str]]:
    """Fork ``bench`` and kill the child ``kills`` times, checking after each cut; the units still
    to receive and the documents read back are returned."""
    fork = multiprocessing.get_context("fork")
    rng = random.Random(2026)
    read_back: set[str] = set()
    for kill in range(1, kills + 1):
        read_end, write_end = os.pipe()
        child = fork.Process(target=receive_until_killed, args=(bench, work, write_end))
        child.start()
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            # Kill while it receives, not while it starts up: after its first commit, at a random
            # moment of the receive that follows. The first receive took as long as a receive takes
            # on this machine (a little longer: it opened the connection), so a moment drawn from
            # its length falls anywhere in the next one, on a quick machine as on a slow one.
            assert pipe.readline() == "ready\n"
            ready_at = time.monotonic()
            first_commit = pipe.readline()
            time.sleep(rng.uniform(0.0, time.monotonic() - ready_at))
            os.kill(child.pid, signal.SIGKILL)
            child.join()
            lines = [entry.split() for entry in (first_commit + pipe.read()).splitlines()]
        committed = {(number, int(line), int(unit)) for number, line, unit in lines}
        work = [entry for entry in work if entry[:3] not in committed]
        assert missing(station, committed) == set(), "reported committed but missing (RMA, line, unit)"
        if kill % WHOLENESS_EVERY == 0:
            assert_records_are_whole(station, read_back)
    return work, read_back


def kill_repeatedly(tmp_path, kills: int) -> None:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    settings = tmp_path / "settings.json"
    station = bootstrap(url, settings_path=settings)
    fill_demo_data(station, rmas=max(300, kills * 3), seed=11)
    # The bench has been receiving before the first cut: it receives one unit here, then lets its
    # connections go (a SQLite connection must not cross a fork) and keeps what it learned, its
    # compiled statements and its fonts. Each child is that bench forked, so it spends its short life
    # receiving, as a station that has run all day does, rather than warming up.
    bench = bootstrap(url, prepare=False, settings_path=settings)
    first, *work = units_to_receive(station)
    receive_units(bench, [first], os.open(os.devnull, os.O_WRONLY))
    bench.units.engine.dispose()
    # Without it, a child's garbage collections copied the bench's memory: a fifth of each cut's time.
    with objects_frozen():
        work, read_back = cut_repeatedly(station, bench, work, kills)

    # The RMA the last child was in the middle of is finished by a station started afresh; the RMAs
    # no child reached are left as they came (receiving them all would only repeat what the kills did).
    touched = {rma.number for rma in station.history.list_rmas() if rma.status != "open"}
    interrupted = [entry for entry in work if entry[0] in touched]
    restarted = bootstrap(url, prepare=False, settings_path=settings)
    receive_units(restarted, interrupted, os.open(os.devnull, os.O_WRONLY))
    restarted.close()
    assert_records_are_whole(station, read_back)
    statuses = {rma.number: rma.status for rma in station.history.list_rmas()}
    assert touched and {statuses[number] for number in touched} == {"closed"}
    assert {status for number, status in statuses.items() if number not in touched} == {"open"}
    station.close()
