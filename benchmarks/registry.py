"""Every figure of docs/performance.md, in the order of the table: one line each.

To add a figure: write ``def my_figure(ctx) -> Result`` in figures.py and add one ``Figure(...)``
line here. A pending figure is a line with ``pending="why it cannot be measured yet"`` and no
``measure``; it shows in the table as "not measured yet" until the line gets its function.
Titles may use {size} (RMAs in the big warehouse), {stations} and {memory_lines}.
"""

from __future__ import annotations

from benchmarks import figures
from benchmarks.core import Figure, median_at_most, p95_at_most, rate_at_least, ratio_at_most

FIGURES: tuple[Figure, ...] = (
    Figure("scan_to_window", "scan → RMA shown in the window, 1,000,000 RMAs (SQLite)", None, floor="one 60 Hz frame (16.7 ms)", target_text="p95 ≤ 16 ms", pending="needs the station window's scan → RMA view path and a way to drive it offscreen from a scan to the painted table (issue 3, in progress)"),
    Figure("open_by_scan_sqlite", "open-by-scan in the service layer, {size} RMAs, SQLite", p95_at_most(5), measure=figures.open_by_scan_sqlite),
    Figure("open_by_scan_postgresql", "open-by-scan in the service layer, {size} RMAs, PostgreSQL", p95_at_most(5), measure=figures.open_by_scan_postgresql, needs_postgres=True),
    Figure("decision", "one policy decision in-process", p95_at_most(0.5), measure=figures.decision),
    Figure("receive_sqlite", "receive one line (inspection, decision, documents, audit), one station, SQLite", median_at_most(50), measure=figures.receive_sqlite),
    Figure("stations_postgresql", "{stations} stations (processes) receiving at once on one PostgreSQL", rate_at_least(100, "receives"), measure=figures.stations_postgresql, needs_postgres=True),
    Figure("credit_memo_pdf", "credit memo PDF with barcode and evidence", ratio_at_most(3), floor="a bare one-page reportlab PDF (canvas, one line)", measure=figures.credit_memo_pdf),
    Figure("cold_start", "cold start to scan-ready (whole process)", None, floor="a bare PySide6 window's start (whole process)", target_text="≤ 2× floor", pending="needs the station window to signal scan-ready (focus in the scan field, database open) so a child process can report the moment (issue 3, in progress)"),
    Figure("daily_report", "daily report over 100,000 inspections", None, target_text="≤ 300 ms", pending="the report service has just landed (ReportService.daily, services/reports.py); the figure still needs a cached warehouse holding 100,000 inspections on one day"),
    Figure("station_memory", "station memory (RSS) after {memory_lines} received lines (in one process)", ratio_at_most(1.5), floor="memory after start", measure=figures.station_memory),
)
