"""A report written out: as a PDF (documents/daily_report.py draws it) or as CSV, both from the
same tables (``report_tables``) and the same figures at the top, to a file named .pdf or .csv."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

from receiving_app.documents.daily_report import ReportContent, render_report
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.services.report_model import BenchReport, moment_words
from receiving_app.services.report_tables import report_highlights, report_tables

EXPORT_FORMATS = {".pdf": "pdf", ".csv": "csv"}
PERSONAL_DATA_WARNING = (
    "Contains customer personal data, included at an admin's request: keep it secured and do not forward it."
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def report_pdf(report: BenchReport) -> bytes:
    return render_report(_content(report))


def _content(report: BenchReport) -> ReportContent:
    zone = report.start.tzname() or f"{report.start:%z}"
    facts = [
        ("Period", f"{moment_words(report.start)} to {moment_words(report.end)} ({zone})"),
        ("Station", report.station or "All stations"),
        ("Made", moment_words(report.generated_at)),
        ("Audit chain", report.audit_head_words),
        ("Currency", f"{report.currency}: every amount below is in it"),
    ]
    return ReportContent(
        title=report.title,
        footer=report.title,
        facts=tuple(facts),
        highlights=tuple(
            # The tiles are narrow; the Currency line above names the code a "$" could leave in doubt.
            (label, money_text(value) if isinstance(value, Money) else str(value))
            for label, value in report_highlights(report)
        ),
        tables=report_tables(report),
        generated_at=report.generated_at,
        page_size=report.page_size,
        warning=PERSONAL_DATA_WARNING if report.personal_data else "",
    )


def report_csv(report: BenchReport) -> str:
    """The period and the figures at the top, then one section per table: its title on a line of
    its own, a heading row, the rows, a total row; a blank line between sections. Amounts are plain
    decimals under headings naming their currency, counts whole numbers."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(["Returns Receiving Station", report.title])
    writer.writerow(["Period start", report.start.isoformat()])
    writer.writerow(["Period end", report.end.isoformat()])
    writer.writerow(["Station", report.station or "All stations"])
    writer.writerow(["Made", report.generated_at.isoformat()])
    writer.writerow(["Audit chain", report.audit_head_words])
    writer.writerow(["Currency", report.currency])
    writer.writerow(
        ["Customer personal data", "included at an admin's request" if report.personal_data else "not included"]
    )
    for label, value in report_highlights(report):
        writer.writerow([label, str(value)])
    for section in report_tables(report):
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.columns)
        for row in section.rows:
            writer.writerow([_csv_cell(cell) for cell in row])
        if not section.rows:
            writer.writerow([f"Note: {section.empty_text}"])
        if section.totals is not None:
            writer.writerow([_csv_cell(cell) for cell in section.totals])
        if section.note:
            writer.writerow([f"Note: {section.note}"])
    return output.getvalue()


def _csv_cell(value: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if value.startswith(_FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        Decimal(value)
    except ArithmeticError:
        return False
    return True


def export_format(path: str | Path) -> str:
    """'pdf' or 'csv' from the file name's extension; anything else is bad input."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise InputError(f"a report is written as .pdf or .csv, not {suffix or 'a file without an extension'} ({path})")
    return EXPORT_FORMATS[suffix]


def export_report(report: BenchReport, path: str | Path) -> Path:
    """Writes the report to ``path`` as its extension says (.pdf or .csv)."""
    target = Path(path)
    data = report_pdf(report) if export_format(target) == "pdf" else report_csv(report).encode("utf-8")
    try:
        target.write_bytes(data)
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    return target
