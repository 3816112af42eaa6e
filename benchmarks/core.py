"""What a figure is, what it measured, and whether it met its target.

A figure is a function ``measure(ctx) -> Result`` plus one ``Figure`` line in registry.py. The
function takes its databases, station and random numbers from the ``Context``, times only the
work the figure names, and, when the runner profiles it, wraps that same work in
``with ctx.profiled():``. Figures report samples; medians, p95s and ratios are computed here.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from benchmarks.context import Context

Kind = Literal["time", "rate", "bytes"]


# Statistics --------------------------------------------------------------------------------------


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile: the value below which ``fraction`` of the samples lie."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def timed_calls(call: Callable[[], object], count: int) -> list[float]:
    """Seconds taken by each of ``count`` calls."""
    clock = time.perf_counter
    samples = []
    for _ in range(count):
        started = clock()
        call()
        samples.append(clock() - started)
    return samples


# Results and targets -----------------------------------------------------------------------------


@dataclass
class Result:
    """What one figure measured. Samples are seconds ("time"), events per second ("rate") or bytes."""

    kind: Kind
    samples: list[float]
    floor_samples: list[float] = field(default_factory=list)
    floor_label: str = ""
    notes: list[str] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)  # conditions besides the number: "0 duplicates"
    headline: float | None = None  # the value a rate target is judged on (e.g. the whole window's rate)
    headline_label: str = ""
    profile: str | None = None  # markdown summary of the profile pass, filled in by the runner

    @property
    def median(self) -> float:
        return median(self.samples)

    @property
    def p95(self) -> float:
        """The bad end: the 95th percentile of times and sizes, the 5th of rates."""
        return percentile(self.samples, 0.05 if self.kind == "rate" else 0.95)

    @property
    def floor_median(self) -> float | None:
        return median(self.floor_samples) if self.floor_samples else None

    @property
    def ratio(self) -> float | None:
        floor = self.floor_median
        return self.median / floor if floor else None

    def format(self, value: float | None) -> str:
        return format_value(self.kind, value)


def format_value(kind: Kind, value: float | None) -> str:
    if value is None:
        return "–"
    if kind == "time":
        milliseconds = value * 1000
        if milliseconds < 1:
            return f"{milliseconds:.3f} ms"
        if milliseconds < 100:
            return f"{milliseconds:.2f} ms"
        return f"{milliseconds:,.0f} ms"
    if kind == "rate":
        return f"{value:,.1f} /s"
    return f"{value / 2**20:,.1f} MiB" if value >= 2**20 else f"{value / 2**10:,.1f} KiB"


@dataclass(frozen=True)
class Target:
    text: str
    check: Callable[[Result], bool]


def p95_at_most(milliseconds: float) -> Target:
    return Target(f"p95 ≤ {milliseconds:g} ms", lambda result: result.p95 <= milliseconds / 1000)


def kib_at_most(kib: float) -> Target:
    return Target(f"median ≤ {kib:g} KiB", lambda result: result.median <= kib * 1024)


def median_at_most(milliseconds: float) -> Target:
    return Target(f"median ≤ {milliseconds:g} ms", lambda result: result.median <= milliseconds / 1000)


def ratio_at_most(times: float) -> Target:
    return Target(f"≤ {times:g}× floor", lambda result: result.ratio is not None and result.ratio <= times)


def rate_at_least(per_second: float, what: str) -> Target:
    """Judged on the headline (the whole window's rate) and every check of the result."""
    return Target(
        f"≥ {per_second:g} {what}/s, " + "0 duplicates",
        lambda result: (result.headline if result.headline is not None else result.median) >= per_second,
    )


def verdict(target: Target | None, result: Result) -> str:
    if target is None:
        return "–"
    met = target.check(result) and all(result.checks.values())
    return "met" if met else "**MISSED**"


# Figures -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One row of the table. ``pending`` (the reason) marks a slot that cannot be measured yet."""

    name: str  # for --only
    title: str
    target: Target | None
    floor: str = "–"
    measure: Callable[[Context], Result] | None = None
    needs_postgres: bool = False
    pending: str | None = None
    target_text: str | None = None  # for pending rows, whose Target cannot be checked yet

    @property
    def target_label(self) -> str:
        if self.target is not None:
            return self.target.text
        return self.target_text or "–"


@dataclass
class Outcome:
    """A figure after the run: measured, failed, skipped or pending."""

    figure: Figure
    result: Result | None = None
    problem: str | None = None  # why it has no result
    seconds: float = 0.0
    other_load: float | None = None  # share of the CPU other work (and other PostgreSQL sessions) took meanwhile

    @property
    def verdict(self) -> str:
        if self.result is None:
            return "not measured"
        return verdict(self.figure.target, self.result)

    @property
    def failed(self) -> bool:
        return self.result is None and self.figure.pending is None and not (self.problem or "").startswith("skipped")


# Profiles ----------------------------------------------------------------------------------------


@contextmanager
def pyinstrument_profile(interval: float, sink: list) -> Iterator[None]:
    """Profile the block with pyinstrument and append the session to ``sink``."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=interval)
    profiler.start()
    try:
        yield
    finally:
        profiler.stop()
        sink.append(profiler)


def summarise_profile(root, *, top: int = 12, own_code: str = "receiving_app") -> dict:
    """Where the time went: the hottest functions by self time, and our own functions by total time.

    ``root`` is a pyinstrument root frame. Returned as plain data, so that a child process can
    send it to the runner as JSON.
    """
    total = root.time or 1e-12
    self_time: dict[tuple, float] = {}
    inclusive: dict[tuple, float] = {}

    def key(frame) -> tuple:
        return (frame.function or "?", frame.file_path_short or frame.file_path or "?", frame.line_no or 0)

    def walk(frame, on_path: frozenset) -> None:
        real_children = [child for child in frame.children if not child.is_synthetic]
        if not frame.is_synthetic:
            frame_key = key(frame)
            self_time[frame_key] = (
                self_time.get(frame_key, 0.0) + frame.time - sum(child.time for child in real_children)
            )
            if frame_key not in on_path:
                inclusive[frame_key] = inclusive.get(frame_key, 0.0) + frame.time
                on_path = on_path | {frame_key}
        for child in real_children:
            walk(child, on_path)

    walk(root, frozenset())

    def rows(table: dict[tuple, float], keep: Callable[[tuple], bool]) -> list[dict]:
        ranked = sorted(((value, name) for name, value in table.items() if keep(name)), reverse=True)[:top]
        return [
            {"function": name[0], "where": f"{name[1]}:{name[2]}", "seconds": value, "percent": 100 * value / total}
            for value, name in ranked
        ]

    return {
        "total_seconds": total,
        "by_self_time": rows(self_time, lambda name: True),
        "own_code_by_total_time": rows(inclusive, lambda name: own_code in name[1]),
    }


def profile_markdown(summary: dict, *, label: str, saved_to: str | None) -> str:
    lines = [
        f"Profile ({label}; {summary['total_seconds']:.2f} s sampled)"
        + (f", full tree in `{saved_to}`" if saved_to else "")
        + ":",
        "",
    ]
    for heading, rows in (
        ("hottest functions by self time", summary["by_self_time"]),
        ("the station's own functions by total time", summary["own_code_by_total_time"]),
    ):
        lines += [f"*{heading}*", "", "| % of time | function | where |", "| ---: | --- | --- |"]
        lines += [f"| {row['percent']:.1f} % | `{row['function']}` | `{row['where']}` |" for row in rows]
        lines.append("")
    return "\n".join(lines)
