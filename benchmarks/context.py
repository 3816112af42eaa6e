"""What a figure is given: the scale of the run, databases, stations, and a profiler switch.

Databases are made once per run and shared between the figures that need them: the SQLite
and PostgreSQL warehouses of ``--size`` RMAs are copied from their caches on first use, and
everything the run made (copies, work folder) is removed when it ends.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks import data
from benchmarks.core import pyinstrument_profile


@dataclass(frozen=True)
class Scale:
    """How much each figure does. ``full`` is what docs/performance.md reports."""

    name: str
    size: int  # RMAs in the big warehouse
    scans: int  # open-by-scan calls timed, per database
    decisions: int  # policy decisions timed
    receives: int  # single-station receives timed
    documents: int  # credit memos rendered (and as many floor PDFs)
    stations: int  # processes receiving at once
    window_s: float  # how long they receive
    rmas_per_station: int  # RMAs handed to each station (more than it can receive in the window)
    memory_lines: int  # lines received before the memory is read
    memory_runs: int  # fresh processes doing that
    report_lines: int  # lines decided on the day of the daily report
    replay_lines: int  # one seller's decided units a draft policy is replayed over


SCALES = {
    "full": Scale("full", 1_000_000, 2_000, 20_000, 300, 2_000, 8, 30.0, 2_500, 1_000, 3, 100_000, 100_000),
    "quick": Scale("quick", 20_000, 200, 2_000, 40, 30, 8, 5.0, 300, 100, 1, 10_000, 2_000),
    # For the smoke test: every figure runs, nothing is worth reading.
    "smoke": Scale("smoke", 300, 5, 20, 3, 3, 2, 1.0, 10, 3, 1, 40, 20),
}


class Unavailable(Exception):
    """A figure cannot run here (no PostgreSQL); it is reported as skipped with the reason."""


class Context:
    def __init__(
        self,
        scale: Scale,
        *,
        size: int,
        reuse: bool,
        cache_dir: Path,
        pg_admin_url: str,
        log: Callable[[str], None],
        seed: int = 20260324,
    ) -> None:
        self.scale = scale
        self.size = size
        self.reuse = reuse
        self.cache_dir = cache_dir
        self.pg_admin_url = pg_admin_url
        self.log = log
        self.seed = seed
        self.work_dir = cache_dir / f"run-{os.getpid()}"
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.settings_path = self.work_dir / "settings.json"
        self.profiling = False  # set by the runner for the profile pass
        self.profiles: list = []  # pyinstrument profilers of the profile pass
        self.profile_notes: list[str] = []  # other findings of the profile pass (markdown), e.g. allocations
        self.child_profile: dict | None = None  # a profile summary sent by a child process
        self.child_profile_file: str | None = None
        self._urls: dict[str, str] = {}
        self._stations: dict[str, object] = {}
        self._pickers: dict[str, data.RmaPicker] = {}
        self._pg_databases: list[str] = []
        self._pg_problem: str | bool | None = False  # False: not asked yet
        self._pg_cache: str | None = None  # the run's size's
        self._pg_caches: list[str] = []

    # Profiling -------------------------------------------------------------------------------------

    @contextmanager
    def profiled(self, interval: float = 0.0005) -> Iterator[None]:
        """Wrap the measured work: profiled in the profile pass, untouched otherwise."""
        if not self.profiling:
            yield
            return
        with pyinstrument_profile(interval, self.profiles):
            yield

    # Databases -------------------------------------------------------------------------------------

    def sqlite_url(self, size: int | None = None) -> str:
        """A working copy of the SQLite warehouse of ``size`` RMAs (the run's size unless told), shared by
        this run's figures."""
        size = size or self.size
        if f"sqlite-{size}" not in self._urls:
            cache = data.sqlite_cache(self.cache_dir, size, reuse=self.reuse, log=self.log)
            self._urls[f"sqlite-{size}"] = data.sqlite_work_copy(cache, self.work_dir, f"rmas-{size}")
        return self._urls[f"sqlite-{size}"]

    def postgres_problem(self) -> str | None:
        if self._pg_problem is False:
            self._pg_problem = data.postgres_problem(self.pg_admin_url)
        return self._pg_problem  # type: ignore[return-value]

    def postgres_url(self, size: int | None = None) -> str:
        """A working copy of the PostgreSQL warehouse of ``size`` RMAs (the run's size unless told), shared
        by this run's figures."""
        problem = self.postgres_problem()
        if problem:
            raise Unavailable(problem)
        size = size or self.size
        if f"postgresql-{size}" not in self._urls:
            cache = data.postgres_cache(
                self.pg_admin_url, size, reuse=self.reuse, log=self.log, settings_path=self.settings_path
            )
            self._pg_caches.append(cache)
            if size == self.size:
                self._pg_cache = cache
            name = f"receiving_bench_work_{os.getpid()}_{size}"
            self._pg_databases.append(name)
            self._urls[f"postgresql-{size}"] = data.postgres_work_copy(self.pg_admin_url, cache, name)
        return self._urls[f"postgresql-{size}"]

    def sqlite_copy(self, name: str) -> str:
        """Another working copy of the SQLite warehouse, as the cache holds it (not as this run's figures left
        the shared copy)."""
        cache = data.sqlite_cache(self.cache_dir, self.size, reuse=self.reuse, log=self.log)
        return data.sqlite_work_copy(cache, self.work_dir, f"rmas-{self.size}-{name}")

    def postgres_copy(self, name: str) -> str:
        """Another working copy of the PostgreSQL warehouse, as the cache holds it (not as this run's figures
        left the shared copy), dropped at the end: for a floor that replays a figure's statements."""
        self.postgres_url()
        assert self._pg_cache is not None
        database = f"receiving_bench_{name}_{os.getpid()}"
        self._pg_databases.append(database)
        return data.postgres_work_copy(self.pg_admin_url, self._pg_cache, database)

    def station(self, url: str):
        """One station process's services over ``url`` (bootstrapped once, closed at the end)."""
        if url not in self._stations:
            from receiving_app.bootstrap import bootstrap

            self._stations[url] = bootstrap(url, settings_path=self.settings_path)
        return self._stations[url]

    def picker(self, url: str) -> data.RmaPicker:
        """RMA ids not yet used by another figure of this run, on this database."""
        if url not in self._pickers:
            self._pickers[url] = data.RmaPicker(self.size, self.seed)
        return self._pickers[url]

    def close_stations(self) -> None:
        """Let go of every connection, e.g. before copying a PostgreSQL database."""
        for station in self._stations.values():
            station.close()
        self._stations.clear()

    def close(self) -> None:
        self.close_stations()
        for name in self._pg_databases:
            data.drop_postgres_database(self.pg_admin_url, name)
        for cache in self._pg_caches if not self.reuse else ():
            self.log(f"  PostgreSQL: dropping {cache} (with --reuse the warehouse is kept for the next run)")
            data.drop_postgres_database(self.pg_admin_url, cache)
        shutil.rmtree(self.work_dir, ignore_errors=True)
