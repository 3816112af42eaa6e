"""`receiving-app report daily` as scripts call it: the format by extension, exit 2 for a bad date
or extension (one line, no traceback), exit 3 when a non-admin asks for customer details."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.reports import ReportService, report_csv
from tests.support.bench_day import BENCH_ZONE, CUSTOMER, DAY, BenchClock, build_bench_day, local
from tests.support.cli import run_cli
from tests.support.pdf import reading_text


@pytest.fixture
def shell(tmp_path) -> Iterator[tuple[dict[str, str], ReportService]]:
    """The bench day in a SQLite file, and the environment of a shell on a bench five hours behind UTC."""
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    station = bootstrap(url, settings_path=tmp_path / "settings.json", today=lambda: DAY)
    fill_demo_data(station, rmas=0, seed=7)
    station.units.clock = BenchClock(datetime(2026, 3, 15, 12, 0, tzinfo=UTC))
    build_bench_day(station, tmp_path)
    environment = {
        "RECEIVING_APP_DB": url,
        "TZ": "EST5",  # POSIX: five hours behind UTC, no daylight saving, like BENCH_ZONE
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    try:
        yield environment, ReportService(station.units, station.receiving._routing, zone=BENCH_ZONE)
    finally:
        station.close()


def without_made_line(text: str) -> list[str]:
    return [line for line in text.splitlines() if not line.startswith("Made,")]


def test_a_csv_report_is_the_service_s_report(shell, tmp_path) -> None:
    environment, reports = shell
    out = tmp_path / "day.csv"

    run = run_cli("report", "daily", "--date", "2026-03-16", "--out", str(out), env=environment)

    assert run.code == 0, run.stderr
    assert "14 line(s) received" in run.stdout and str(out) in run.stdout
    assert without_made_line(out.read_text(encoding="utf-8")) == without_made_line(report_csv(reports.daily(DAY)))


def test_a_pdf_report_of_one_station(shell, tmp_path) -> None:
    environment, reports = shell
    out = tmp_path / "bench-2.PDF"

    run = run_cli("report", "daily", "--date", "2026-03-16", "--station", "bench-2", "--out", str(out), env=environment)

    assert run.code == 0, run.stderr
    text = reading_text(out.read_bytes())
    assert "Daily report, Monday 2026-03-16, station bench-2" in text
    assert f"Total {reports.daily(DAY, 'bench-2').lines_received}" in text


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--date", "16/03/2026", "--out", "day.pdf"], "not a date"),
        (["--date", "2026-02-30", "--out", "day.csv"], "not a date"),
        (["--out", "day.xlsx"], ".pdf or .csv"),
        (["--out", "day"], ".pdf or .csv"),
        (["--date", "2026-03-16"], "--out"),
        (["--out", "day.csv", "--include-personal-data"], "needs --user"),
    ],
)
def test_bad_input_is_exit_2_with_one_line(shell, tmp_path, arguments, message) -> None:
    environment, _ = shell

    run = run_cli("report", "daily", *arguments, env=environment, cwd=tmp_path)

    assert run.code == 2
    assert message in run.stderr and len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert not any(tmp_path.glob("day*"))


def test_customer_details_need_an_admin(shell, tmp_path) -> None:
    environment, _ = shell
    out = tmp_path / "personal.csv"

    receiver = run_cli(
        "report",
        "daily",
        "--date",
        "2026-03-16",
        "--out",
        str(out),
        "--include-personal-data",
        "--user",
        "receiver",
        env={**environment, "RECEIVING_APP_PASSWORD": "1111"},
    )
    assert receiver.code == 3 and "only an admin" in receiver.stderr and not out.exists()

    admin = run_cli(
        "report",
        "daily",
        "--date",
        "2026-03-16",
        "--out",
        str(out),
        "--include-personal-data",
        "--user",
        "admin",
        env={**environment, "RECEIVING_APP_PASSWORD": "admin-demo"},
    )
    assert admin.code == 0, admin.stderr
    assert CUSTOMER[0] in out.read_text(encoding="utf-8")


def test_without_personal_data_the_file_names_no_customer(shell, tmp_path) -> None:
    environment, _ = shell
    out = tmp_path / "day.csv"

    run = run_cli("report", "daily", "--date", "2026-03-16", "--out", str(out), env=environment)

    assert run.code == 0
    text = out.read_text(encoding="utf-8")
    assert not any(detail in text for detail in CUSTOMER)
    assert not any(detail in run.stdout + run.stderr for detail in CUSTOMER)


def test_an_unwritable_file_is_bad_input(shell, tmp_path) -> None:
    environment, _ = shell

    run = run_cli(
        "report", "daily", "--date", "2026-03-16", "--out", str(tmp_path / "missing" / "day.pdf"), env=environment
    )

    assert run.code == 2 and "cannot write" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_today_is_the_default_day(shell, tmp_path) -> None:
    environment, _ = shell
    out = tmp_path / "today.csv"

    run = run_cli("report", "daily", "--out", str(out), env=environment)

    assert run.code == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith('Returns Receiving Station,"Daily report, ')
    assert Path(out).stat().st_size > 0


def test_a_void_leaves_the_totals_and_is_listed(shell, tmp_path) -> None:
    environment, reports = shell
    station = bootstrap(environment["RECEIVING_APP_DB"], settings_path=tmp_path / "settings.json", today=lambda: DAY)
    try:
        station.units.clock = BenchClock(local(17, 0))
        (decision,) = station.history.show_rma("RA0000802").decisions
        memo = next(document.number for document in decision.documents if document.type == "credit_memo")
        station.history.void_document(memo, user="supervisor", station="bench-1", reason="Entered twice")
    finally:
        station.close()
    out = tmp_path / "day.csv"

    run = run_cli("report", "daily", "--date", "2026-03-16", "--out", str(out), env=environment)

    assert run.code == 0, run.stderr
    report = reports.daily(DAY)
    assert (
        f"13 line(s) received, {report.refunded} refunded, "
        f"1 decision(s) voided ({decision.refund_total} refunded, in no total)" in run.stdout
    )
    assert without_made_line(out.read_text(encoding="utf-8")) == without_made_line(report_csv(report))
    assert f"RA0000802,1,1,Refund,{decision.refund_total}" in out.read_text(encoding="utf-8") and memo in out.read_text(
        encoding="utf-8"
    )
