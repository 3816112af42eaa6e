"""Long read-only work split between processes: each takes a range of rows from a connection of its
own, and the caller joins what the ranges give back.

Python runs one core per process, and a full audit replay or a policy replay over a hundred thousand
units is seconds of Python. It is split only where forking is safe: on Linux, from a process without
other threads (the command line), never from the window, whose Qt threads a fork could leave holding
a lock. A fork starts no fresh interpreter, which an installed (frozen) station could not: it would
start the station again. The tests use "spawn" (``START_METHOD``), which their own threads leave safe.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

MOST_PROCESSES = 4
START_METHOD = "fork"


def processes_for(rows: int, split_from: int) -> int:
    """How many processes ``rows`` are read in: one below ``split_from`` (processes take longer to
    start than so few rows take to read) or where a split is unsafe, otherwise one per core, each
    with at least half of ``split_from``."""
    forking = START_METHOD == "fork"
    if rows < split_from or (forking and (not sys.platform.startswith("linux") or threading.active_count() > 1)):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(MOST_PROCESSES, cores, rows // (split_from // 2)))


def split_ranges(after: int, up_to: int, parts: int) -> list[tuple[int, int]]:
    """(after, up_to] as at most ``parts`` consecutive ranges (low, high], each of about the same size."""
    step = -(-(up_to - after) // parts)
    return [(low, min(low + step, up_to)) for low in range(after, up_to, step)]


@contextmanager
def objects_frozen() -> Iterator[None]:
    """This process's objects left out of garbage collections while processes forked from it run: a
    collection in a child writes to every object it walks, and so copies the parent's memory page by
    page (a tenth of a split audit replay's time)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def process_pool(
    processes: int, initializer: Callable[..., object] | None = None, initargs: tuple[Any, ...] = ()
) -> Iterator[ProcessPoolExecutor]:
    """``initargs`` reach each process's ``initializer`` as they are when forked (copied only page by
    page as they are written), where a task's arguments are always pickled."""
    context = multiprocessing.get_context(START_METHOD)
    with (
        objects_frozen(),
        ProcessPoolExecutor(processes, mp_context=context, initializer=initializer, initargs=initargs) as pool,
    ):
        yield pool
