"""The machine a run measured: printed with the table, because absolute times mean little without it."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path


def _first(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip().strip('"')
    except OSError:
        return None
    return None


def cpu_model() -> str:
    return _first("/proc/cpuinfo", "model name") or platform.processor() or platform.machine()


def memory_total() -> str:
    kib = _first("/proc/meminfo", "MemTotal")
    if kib:
        return f"{int(kib.split()[0]) / 2**20:.1f} GiB"
    return "unknown"


def operating_system() -> str:
    pretty = _first("/etc/os-release", "PRETTY_NAME=")
    return f"{pretty} ({platform.system()} {platform.release()})" if pretty else platform.platform()


def postgres_version(admin_url: str) -> str:
    try:
        from sqlalchemy import create_engine, text

        engine = create_engine(admin_url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            version = connection.execute(text("SHOW server_version")).scalar_one()
        engine.dispose()
        return (
            f"{version} (127.0.0.1, same machine)" if "127.0.0.1" in admin_url or "localhost" in admin_url else version
        )
    except Exception as error:  # the run goes on without PostgreSQL
        return f"not reachable ({type(error).__name__})"


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def source_revision(root: Path) -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "receiving_app", "resources", "benchmarks"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return f"{commit} (with uncommitted changes)" if dirty else commit or "unknown"


def describe(admin_url: str, root: Path) -> list[tuple[str, str]]:
    cores = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else cores
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return [
        ("Date", datetime.now().astimezone().isoformat(timespec="minutes")),
        ("CPU", cpu_model()),
        ("Cores", f"{cores} logical" + (f", {usable} usable by this process" if usable != cores else "")),
        ("RAM", memory_total()),
        ("OS", operating_system()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("SQLite", sqlite3.sqlite_version),
        ("PostgreSQL", postgres_version(admin_url)),
        (
            "Libraries",
            ", ".join(
                f"{name} {package_version(name)}"
                for name in ("SQLAlchemy", "psycopg", "reportlab", "Pillow", "PySide6-Essentials")
            ),
        ),
        (
            "Load average at start",
            " / ".join(f"{value:.2f}" for value in load) + " (1 / 5 / 15 min)" if load else "unknown",
        ),
        ("Source", source_revision(root)),
    ]


# How busy the machine is with work that is not ours ----------------------------------------------------


def postgres_ticks() -> int:
    """CPU clock ticks used so far by the PostgreSQL server: its live processes, and (through the
    postmaster's count of its waited-for children) the backends that have already exited."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            content = stat.read_text()
        except OSError:
            continue
        name_end = content.rfind(")")
        if content[content.find("(") + 1 : name_end] != "postgres":
            continue
        fields = content[name_end + 2 :].split()
        total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
    return total


@dataclass(frozen=True)
class CpuSnapshot:
    total: int  # clock ticks of all cores since boot
    idle: int
    steal: int
    postgres: int
    own_seconds: float  # this process and its finished children

    @classmethod
    def take(cls) -> CpuSnapshot | None:
        try:
            fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
        except OSError:
            return None
        own = os.times()
        return cls(
            sum(fields),
            fields[3] + fields[4],
            fields[7] if len(fields) > 7 else 0,
            postgres_ticks(),
            own.user + own.system + own.children_user + own.children_system,
        )


@dataclass(frozen=True)
class Load:
    """Shares of the machine's CPU over an interval."""

    busy: float
    ours: float  # the runner and its children
    postgres: float
    other: float  # everything else: other people's work on a shared machine
    steal: float


def load_between(before: CpuSnapshot | None, after: CpuSnapshot | None) -> Load | None:
    if before is None or after is None or after.total == before.total:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    capacity = (after.total - before.total) / ticks  # core-seconds
    busy = 1 - (after.idle - before.idle) / (after.total - before.total)
    ours = (after.own_seconds - before.own_seconds) / capacity
    postgres = (after.postgres - before.postgres) / ticks / capacity
    steal = (after.steal - before.steal) / (after.total - before.total)
    return Load(busy, ours, postgres, max(busy - ours - postgres, 0.0), steal)


def wait_until_quiet(log, *, threshold: float = 0.25, patience_s: float = 300.0) -> Load | None:
    """Wait (up to ``patience_s``) until other work takes at most ``threshold`` of the CPU for 2 seconds."""
    waited = 0.0
    while True:
        before = CpuSnapshot.take()
        time.sleep(2.0)
        load = load_between(before, CpuSnapshot.take())
        if load is None or load.other + load.postgres <= threshold:
            return load
        if waited >= patience_s:
            log(
                f"  the machine stayed busy with other work ({(load.other + load.postgres) * 100:.0f} % of its CPU); "
                "measuring anyway"
            )
            return load
        if waited == 0:
            log(
                "  waiting for other work to quieten down "
                f"({(load.other + load.postgres) * 100:.0f} % of the CPU is busy)"
            )
        time.sleep(8.0)
        waited += 10.0
