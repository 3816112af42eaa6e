"""A station in Los Angeles: its report's day runs from its own midnight, and its papers are on its clock.

The station names its zone in its settings file, as an admin saves it on the Settings page; nothing in
the test hands the zone to the report service.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from receiving_app.bootstrap import bootstrap
from receiving_app.services.reports import report_csv, report_pdf
from receiving_app.services.station import Station
from receiving_app.services.station_time import ZONE_VARIABLE
from tests.support.bench_day import BenchClock
from tests.support.database_templates import demo_without_rmas
from tests.support.pdf import reading_text
from tests.support.receiving import receive
from tests.support.warehouse import Rma, add_rmas

LOS_ANGELES = ZoneInfo("America/Los_Angeles")
THE_DAY = date(2026, 12, 2)
HALF_PAST_ELEVEN = datetime(2026, 12, 2, 23, 30, tzinfo=LOS_ANGELES)  # 07:30 UTC on 3 December
RMA = Rma("RA0007001", purchased="2026-11-20", shipped="2026-11-21", delivered="2026-11-24", reported="2026-11-27")


@pytest.fixture
def station(database_url, tmp_path, database_templates, monkeypatch) -> Iterator[Station]:
    """A station whose settings say it is in Los Angeles, whatever this computer's zone."""
    monkeypatch.delenv(ZONE_VARIABLE, raising=False)
    database_templates.fill(database_url, "demo without RMAs", demo_without_rmas)
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"time_zone": "America/Los_Angeles"}))
    built = bootstrap(database_url, settings_path=settings, today=lambda: THE_DAY)
    built.units.clock = BenchClock(HALF_PAST_ELEVEN.astimezone(UTC) - timedelta(hours=1))
    yield built
    built.close()


def decided_late_at_night(station: Station, folder) -> None:
    add_rmas(station, folder, RMA)
    station.units.clock.at(HALF_PAST_ELEVEN.astimezone(UTC))
    receive(station, RMA.number, 1)


def test_a_line_decided_at_half_past_eleven_at_night_counts_on_that_local_day(station, tmp_path) -> None:
    decided_late_at_night(station, tmp_path)
    [decision] = station.history.show_rma(RMA.number).decisions
    assert decision.decided_at.astimezone(UTC).date() == date(2026, 12, 3)  # the next day in UTC

    that_day, next_day = station.reports.daily(THE_DAY), station.reports.daily(THE_DAY + timedelta(days=1))

    assert that_day.lines_received == 1 and next_day.lines_received == 0
    assert that_day.refunded == decision.refund_total
    assert (that_day.start, that_day.end) == (
        datetime(2026, 12, 2, tzinfo=LOS_ANGELES),
        datetime(2026, 12, 3, tzinfo=LOS_ANGELES),
    )
    assert that_day.start.astimezone(UTC) == datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    # The report names its zone once, on the period's line, and its figures name their currency.
    text = reading_text(report_pdf(that_day))
    assert "Period 2026-12-02 00:00 to 2026-12-03 00:00 (PST)" in text
    assert text.count("PST") == 1
    assert "Refunded (USD)" in text and "Currency USD" in text
    assert "Refunded (USD)" in report_csv(that_day)


def test_the_same_line_is_on_the_next_day_for_a_station_on_utc(station, tmp_path) -> None:
    decided_late_at_night(station, tmp_path)
    on_utc = station.reports.in_zone(ZoneInfo("UTC"))
    assert on_utc.daily(THE_DAY).lines_received == 0
    assert on_utc.daily(THE_DAY + timedelta(days=1)).lines_received == 1


def test_the_credit_memo_is_issued_at_the_station_s_time_with_its_zone(station, tmp_path) -> None:
    decided_late_at_night(station, tmp_path)
    [decision] = station.history.show_rma(RMA.number).decisions
    [memo] = [document.number for document in decision.documents if document.type == "credit_memo"]

    text = reading_text(station.history.document(memo, reprint=False).pdf)
    assert "Issued 2026-12-02 23:30 PST" in text
    # A reprint's banner repeats the time without repeating the zone.
    reprint = reading_text(station.history.document(memo, reprint=True).pdf)
    assert f"reprint of credit memo {memo}, issued 2026-12-02 23:30" in reprint and reprint.count("PST") == 1


def test_the_environment_variable_puts_the_station_elsewhere(database_url, tmp_path, database_templates, monkeypatch):
    database_templates.fill(database_url, "demo without RMAs", demo_without_rmas)
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"time_zone": "America/Los_Angeles"}))
    monkeypatch.setenv(ZONE_VARIABLE, "Asia/Tokyo")
    station = bootstrap(database_url, settings_path=settings, today=lambda: THE_DAY)
    try:
        assert station.zone == ZoneInfo("Asia/Tokyo")
        station.units.clock = BenchClock(HALF_PAST_ELEVEN.astimezone(UTC) - timedelta(hours=1))
        decided_late_at_night(station, tmp_path)
        # 23:30 in Los Angeles is 16:30 on the 3rd in Tokyo.
        assert station.reports.daily(date(2026, 12, 3)).lines_received == 1
        assert station.reports.daily(THE_DAY).lines_received == 0
    finally:
        station.close()
