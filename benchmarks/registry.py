"""Every figure of docs/performance.md, in the order of the table: one line each.

To add a figure: write ``def my_figure(ctx) -> Result`` in figures.py and add one ``Figure(...)``
line here. A pending figure is a line with ``pending="why it cannot be measured yet"`` and no
``measure``; it shows in the table as "not measured yet" until the line gets its function.
Titles may use {size} (RMAs in the big warehouse), {tenth} (a tenth of it), {stations}, {memory_lines}, {report_lines},
{replay_lines}, and {audit_short}, {audit_long} and {audit_day} (events: audit_figures.SIZES).
"""

from __future__ import annotations

from benchmarks import (
    audit_figures,
    figures,
    receiving_figures,
    search_figures,
    storage_figures,
    warehouse_audit_figures,
)
from benchmarks.core import Figure, kib_at_most, median_at_most, p95_at_most, rate_at_least, ratio_at_most

FIGURES: tuple[Figure, ...] = (
    Figure(
        "scan_to_window",
        "scan → RMA shown in the window, {size} RMAs (SQLite)",
        p95_at_most(16),
        floor="one 60 Hz frame (16.7 ms)",
        measure=figures.scan_to_window,
    ),
    Figure(
        "open_by_scan_sqlite",
        "open-by-scan in the service layer, {size} RMAs, SQLite",
        p95_at_most(5),
        measure=figures.open_by_scan_sqlite,
    ),
    Figure(
        "open_by_scan_postgresql",
        "open-by-scan in the service layer, {size} RMAs, PostgreSQL",
        p95_at_most(5),
        measure=figures.open_by_scan_postgresql,
        needs_postgres=True,
    ),
    Figure("decision", "one policy decision in-process", p95_at_most(0.5), measure=figures.decision),
    Figure(
        "receive_sqlite",
        "receive one line (inspection, decision, documents, audit), one station, SQLite",
        median_at_most(50),
        measure=figures.receive_sqlite,
    ),
    Figure(
        "receive_postgresql",
        "receive one line, one station, PostgreSQL",
        # The station's own work (the ORM, the decision, the PDFs) at most 3 times its statements' round trips.
        ratio_at_most(4),
        floor="its statements alone, through psycopg",
        measure=receiving_figures.receive_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "database_per_line_sqlite",
        "database bytes per decided line (documents, photos, audit and all), SQLite",
        kib_at_most(6),
        measure=storage_figures.database_per_line_sqlite,
    ),
    Figure(
        "database_per_line_postgresql",
        "database bytes per decided line, PostgreSQL",
        kib_at_most(6),
        measure=storage_figures.database_per_line_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "stations_postgresql",
        "{stations} stations (processes) receiving at once on one PostgreSQL",
        rate_at_least(200, "receives"),
        measure=figures.stations_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "credit_memo_pdf",
        "credit memo PDF with barcode and evidence",
        # 3.5, not 3: the memo embeds its two fonts (any customer's alphabet prints), which a bare
        # page with a base-14 font does not; the embedding costs about 0.05 ms of a memo's 0.8.
        ratio_at_most(3.5),
        floor="a bare one-page reportlab PDF (canvas, one line)",
        measure=figures.credit_memo_pdf,
    ),
    Figure(
        "cold_start",
        "cold start to scan-ready (the clerk's wait)",
        ratio_at_most(2),
        floor="a bare PySide6 window's start (whole process)",
        measure=figures.cold_start,
    ),
    Figure(
        "daily_report_sqlite",
        "daily report over {report_lines} inspections, SQLite",
        median_at_most(300),
        measure=figures.daily_report_sqlite,
    ),
    Figure(
        "daily_report_postgresql",
        "daily report over {report_lines} inspections, PostgreSQL",
        median_at_most(300),
        measure=figures.daily_report_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "policy_replay",
        "replay a draft policy over {replay_lines} decided units of one seller, SQLite",
        median_at_most(5000),
        floor="`decide` alone over the same facts",
        measure=figures.policy_replay,
    ),
    Figure(
        "station_memory",
        "station memory (RSS) after {memory_lines} received lines (in one process)",
        ratio_at_most(1.5),
        floor="memory after start",
        measure=figures.station_memory,
    ),
    Figure(
        "audit_full_short_sqlite",
        "`audit verify --full` over {audit_short} events, SQLite",
        median_at_most(1000),
        floor="SHA-256 alone over the same bytes",
        measure=audit_figures.audit_full_short_sqlite,
    ),
    Figure(
        "audit_full_long_sqlite",
        "`audit verify --full` over {audit_long} events, SQLite",
        median_at_most(10000),
        floor="SHA-256 alone over the same bytes",
        measure=audit_figures.audit_full_long_sqlite,
    ),
    Figure(
        "audit_day_sqlite",
        "`audit verify` of a day ({audit_day} events) from its checkpoint, {audit_long} before it, SQLite",
        median_at_most(1000),
        floor="SHA-256 alone over the day's bytes",
        measure=audit_figures.audit_day_sqlite,
    ),
    Figure(
        "audit_full_short_postgresql",
        "`audit verify --full` over {audit_short} events, PostgreSQL",
        median_at_most(1000),
        floor="SHA-256 alone over the same bytes",
        measure=audit_figures.audit_full_short_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "audit_full_long_postgresql",
        "`audit verify --full` over {audit_long} events, PostgreSQL",
        median_at_most(10000),
        floor="SHA-256 alone over the same bytes",
        measure=audit_figures.audit_full_long_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "audit_day_postgresql",
        "`audit verify` of a day ({audit_day} events) from its checkpoint, {audit_long} before it, PostgreSQL",
        median_at_most(1000),
        floor="SHA-256 alone over the day's bytes",
        measure=audit_figures.audit_day_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "audit_warehouse_sqlite",
        "`audit verify --full` of the warehouse of {size} RMAs, its own chain and every sealed row, SQLite",
        median_at_most(10000),
        floor="SHA-256 alone over the events' and rows' bytes",
        measure=warehouse_audit_figures.audit_warehouse_sqlite,
    ),
    Figure(
        "audit_warehouse_sqlite_tenth",
        "`audit verify --full` of a warehouse of {tenth} RMAs, its own chain and every sealed row, SQLite",
        median_at_most(10000),
        floor="SHA-256 alone over the events' and rows' bytes",
        measure=warehouse_audit_figures.audit_warehouse_sqlite_tenth,
    ),
    Figure(
        "audit_warehouse_postgresql",
        "`audit verify --full` of the warehouse of {size} RMAs, its own chain and every sealed row, PostgreSQL",
        median_at_most(10000),
        floor="SHA-256 alone over the events' and rows' bytes",
        measure=warehouse_audit_figures.audit_warehouse_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "audit_warehouse_postgresql_tenth",
        "`audit verify --full` of a warehouse of {tenth} RMAs, its own chain and every sealed row, PostgreSQL",
        median_at_most(10000),
        floor="SHA-256 alone over the events' and rows' bytes",
        measure=warehouse_audit_figures.audit_warehouse_postgresql_tenth,
        needs_postgres=True,
    ),
    Figure(
        "search_sqlite",
        "History searches, each kind, over a year of {size} decided lines, SQLite",
        p95_at_most(search_figures.TARGET_MS),
        floor="the newest page of RMAs by primary key, through sqlite3",
        measure=search_figures.search_sqlite,
    ),
    Figure(
        "search_postgresql",
        "History searches, each kind, over a year of {size} decided lines, PostgreSQL",
        p95_at_most(search_figures.TARGET_MS),
        floor="the newest page of RMAs by primary key, through psycopg",
        measure=search_figures.search_postgresql,
        needs_postgres=True,
    ),
    Figure(
        "search_sqlite_tenth",
        "History searches, each kind, over a year of {tenth} decided lines, SQLite",
        p95_at_most(search_figures.TARGET_MS),
        floor="the newest page of RMAs by primary key, through sqlite3",
        measure=search_figures.search_sqlite_tenth,
    ),
    Figure(
        "search_postgresql_tenth",
        "History searches, each kind, over a year of {tenth} decided lines, PostgreSQL",
        p95_at_most(search_figures.TARGET_MS),
        floor="the newest page of RMAs by primary key, through psycopg",
        measure=search_figures.search_postgresql_tenth,
        needs_postgres=True,
    ),
)
