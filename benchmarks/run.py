"""Measure the station's speed figures, print the table, and write docs/performance.md.

    .venv/bin/python benchmarks/run.py [--quick] [--only NAME[,NAME...]] [--size N] [--reuse]

Without options every figure is measured at full scale (a million RMAs; the first run builds the
warehouses, which takes minutes) and docs/performance.md is rewritten. ``--quick`` uses small
sizes for development, and a run with ``--quick``, ``--only`` or another ``--size`` writes its page
under the cache folder instead, so the committed page always holds a full run. ``--list`` names
the figures. PostgreSQL is found at $RECEIVING_APP_BENCH_PG, else $RECEIVING_APP_TEST_PG, else
postgresql+psycopg://postgres@127.0.0.1:5432/postgres; without it, its figures are skipped.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from pathlib import Path

# Run as `python benchmarks/run.py`, Python puts benchmarks/ on the path, not the checkout above it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import data
from benchmarks.context import SCALES, Context, Unavailable
from benchmarks.core import Outcome, profile_markdown, summarise_profile, verdict
from benchmarks.registry import FIGURES

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = Path("/tmp/receiving-bench")
DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
DOCUMENT = ROOT / "docs" / "performance.md"
FINDINGS = ROOT / "benchmarks" / "findings.md"


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="benchmarks/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and short windows, for development")
    parser.add_argument(
        "--smoke", action="store_true", help=argparse.SUPPRESS
    )  # tiny sizes, for tests/benchmarks_smoke
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="measure only these figures (comma-separated or repeated; see --list)",
    )
    parser.add_argument("--size", type=int, help="RMAs in the big warehouses (default: 1,000,000; with --quick 20,000)")
    parser.add_argument(
        "--reuse", action="store_true", help="use the cached warehouses when current, and keep them for next time"
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=DEFAULT_CACHE,
        help=f"where the caches, profiles and partial pages go (default {DEFAULT_CACHE})",
    )
    parser.add_argument(
        "--pg",
        default=os.environ.get("RECEIVING_APP_BENCH_PG") or os.environ.get("RECEIVING_APP_TEST_PG") or DEFAULT_PG,
        help="PostgreSQL server (an admin URL); bench databases are named receiving_bench_*",
    )
    parser.add_argument(
        "--profile",
        choices=("missed", "all", "none"),
        help="profile figures in a second pass (default: missed; with --quick none)",
    )
    parser.add_argument(
        "--output", type=Path, help="where to write the page (default: docs/performance.md for a full run)"
    )
    parser.add_argument(
        "--patience",
        type=float,
        metavar="SECONDS",
        help="before each figure, wait up to this long for other work on the machine to quieten down "
        "(default 300; with --quick 0)",
    )
    parser.add_argument("--list", action="store_true", help="name the figures and stop")
    parser.add_argument(
        "--drop-caches", action="store_true", help="remove the cached warehouses (file and databases) and stop"
    )
    return parser.parse_args(argv)


def selected(only: list[str]) -> list:
    names = [name.strip() for item in only for name in item.split(",") if name.strip()]
    known = {figure.name for figure in FIGURES}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise SystemExit(f"unknown figure {', '.join(unknown)}; the figures are: {', '.join(sorted(known))}")
    return [figure for figure in FIGURES if not names or figure.name in names]


def drop_caches(arguments) -> int:
    for path in sorted(arguments.cache_dir.glob("rmas-*")):
        print(f"removing {path}")
        path.unlink()
    if data.postgres_problem(arguments.pg) is None:
        for name in data.bench_databases(arguments.pg):
            print(f"dropping database {name}")
            data.drop_postgres_database(arguments.pg, name)
    return 0


def profiling_wanted(mode: str, outcome: Outcome) -> bool:
    if mode == "none" or outcome.result is None:
        return False
    return mode == "all" or verdict(outcome.figure.target, outcome.result) != "met"


def profile_pass(ctx: Context, outcome: Outcome, log) -> None:
    """Run the figure again under the profiler (its timings are thrown away) and keep the summary."""
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        outcome.result.profile = "Not profiled: pyinstrument is not installed (`.venv/bin/pip install pyinstrument`)."
        return
    figure = outcome.figure
    log(f"  profiling {figure.name} (a second pass; its timings are not used)")
    ctx.profiling, ctx.profiles, ctx.profile_notes = True, [], []
    ctx.child_profile = ctx.child_profile_file = None
    try:
        figure.measure(ctx)
    except Exception:
        outcome.result.profile = "The profile pass failed:\n\n```\n" + traceback.format_exc() + "```"
        return
    finally:
        ctx.profiling = False
    folder = ctx.cache_dir / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    sections = []
    for index, profiler in enumerate(ctx.profiles):
        saved = folder / f"{figure.name}{'-' + str(index + 1) if index else ''}.txt"
        saved.write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
        profiler.write_html(str(saved.with_suffix(".html")))
        summary = summarise_profile(profiler.last_session.root_frame())
        sections.append(profile_markdown(summary, label="pyinstrument, the timed work only", saved_to=str(saved)))
    if ctx.child_profile:
        sections.append(
            profile_markdown(
                ctx.child_profile, label="pyinstrument in station 1 during the window", saved_to=ctx.child_profile_file
            )
        )
    sections += ctx.profile_notes
    outcome.result.profile = "\n\n".join(sections) if sections else None


def main(argv: list[str] | None = None) -> int:
    arguments = parse(sys.argv[1:] if argv is None else argv)
    if arguments.list:
        for figure in FIGURES:
            print(f"{figure.name:26} {figure.title}" + ("  [pending]" if figure.pending else ""))
        return 0
    if arguments.drop_caches:
        return drop_caches(arguments)

    from benchmarks import audit_figures, machine, report, search_figures

    scale = SCALES["smoke" if arguments.smoke else "quick" if arguments.quick else "full"]
    size = arguments.size or scale.size
    figures = selected(arguments.only)
    full_run = scale.name == "full" and not arguments.only and size == scale.size
    output = arguments.output or (DOCUMENT if full_run else arguments.cache_dir / f"performance-{scale.name}.md")
    profile_mode = arguments.profile or ("none" if scale.name != "full" else "missed")
    patience = arguments.patience if arguments.patience is not None else (300.0 if scale.name == "full" else 0.0)
    command = ".venv/bin/python benchmarks/run.py " + " ".join(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()

    def log(message: str) -> None:
        print(message, flush=True)

    arguments.cache_dir.mkdir(parents=True, exist_ok=True)
    described = machine.describe(arguments.pg, ROOT)
    titles = {
        figure.name: figure.title.format(
            size=f"{size:,}",
            tenth=f"{search_figures.tenth(size):,}",
            stations=scale.stations,
            memory_lines=f"{scale.memory_lines:,}",
            report_lines=f"{scale.report_lines:,}",
            replay_lines=f"{scale.replay_lines:,}",
            **audit_figures.title_sizes(scale.name),
        )
        for figure in FIGURES
    }
    log(f"benchmarks: {len(figures)} figures, {scale.name} scale, {size:,} RMAs; caches in {arguments.cache_dir}")
    ctx = Context(
        scale, size=size, reuse=arguments.reuse, cache_dir=arguments.cache_dir, pg_admin_url=arguments.pg, log=log
    )
    outcomes = []
    try:
        for figure in figures:
            outcome = Outcome(figure)
            outcomes.append(outcome)
            if figure.pending:
                log(f"- {figure.name}: not measured yet ({figure.pending})")
                continue
            if figure.needs_postgres and ctx.postgres_problem():
                outcome.problem = f"skipped: {ctx.postgres_problem()}"
                log(f"- {figure.name}: {outcome.problem}")
                continue
            log(f"- {figure.name}: measuring")
            if patience > 0:
                machine.wait_until_quiet(log, patience_s=patience)
            began = time.perf_counter()
            cpu_before = machine.CpuSnapshot.take()
            try:
                outcome.result = figure.measure(ctx)
                load = machine.load_between(cpu_before, machine.CpuSnapshot.take())
                if load is not None and outcome.result is not None:
                    outcome.other_load = load.other + (load.postgres if not figure.needs_postgres else 0.0)
                    outcome.result.notes.append(
                        f"While this figure ran, the machine was {load.busy * 100:.0f} % busy; work that was not this "
                        f"run's took {outcome.other_load * 100:.0f} % of its CPU"
                        + (
                            f" (PostgreSQL, this run's sessions included: {load.postgres * 100:.0f} %)"
                            if figure.needs_postgres
                            else ""
                        )
                        + "."
                    )
            except Unavailable as reason:
                outcome.problem = f"skipped: {reason}"
            except Exception as error:
                outcome.problem = f"failed: {type(error).__name__}: {error}"
                traceback.print_exc()
            if profiling_wanted(profile_mode, outcome):
                profile_pass(ctx, outcome, log)
            outcome.seconds = time.perf_counter() - began
            row = report.cells(outcome, titles[figure.name])
            log(f"  {row[1]} median, {row[2]} p95" + (f", ratio {row[4]}" if row[4] != "–" else "") + f": {row[6]}")
    finally:
        ctx.close()

    if hasattr(os, "getloadavg"):
        described.append(
            ("Load average at end", " / ".join(f"{value:.2f}" for value in os.getloadavg()) + " (1 / 5 / 15 min)")
        )
    rows = [report.cells(outcome, titles[outcome.figure.name]) for outcome in outcomes]
    print()
    print(report.terminal_table(rows))
    page = report.markdown(
        command=command.strip(),
        scale_name=scale.name,
        size=size,
        machine=described,
        outcomes=outcomes,
        titles=titles,
        findings=report.read_findings(FINDINGS) if full_run else None,
        total_seconds=time.perf_counter() - started,
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(page, encoding="utf-8")
    print(f"\nwritten to {output}")
    failed = [outcome.figure.name for outcome in outcomes if outcome.failed]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
