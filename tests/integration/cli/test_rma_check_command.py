"""`receiving-app rma check`: the RMA desk's check from a shell, under today's version of the seller's
policy or under one published to take effect next week, writing nothing.

The commands run in this process on a copy of one demo database holding an Image-Pro order shipped 13
days ago, and a version of Image-Pro's policy published from next week that takes back a not-needed
return for 10 days from the shipment in place of 30."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from tests.support.desk_orders import Order, OrderLine, add_orders
from tests.support.desk_versions import INSTALLED, SHORTER_WINDOW, publish_windows
from tests.support.signing_in import event_types, run_in_process

TODAY = date.today()
NEXT_WEEK = TODAY + timedelta(days=7)
ORDER = "SO-CHECK-1"


@dataclass(frozen=True)
class Template:
    database: Path
    version: str  # the version published from next week


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Template:
    folder = tmp_path_factory.mktemp("template")
    station = bootstrap(f"sqlite:///{folder / 'station.sqlite3'}")
    try:
        fill_demo_data(station, rmas=0, seed=7)
        shipped = TODAY - timedelta(days=13)
        lines = (OrderLine("TN-660", 2), OrderLine("DR-630", 1))
        add_orders(station, Order(ORDER, lines=lines, purchased=shipped, shipped=shipped, delivered=shipped))
        version = publish_windows(station, SHORTER_WINDOW, NEXT_WEEK).version
    finally:
        station.close()
    return Template(folder / "station.sqlite3", version)


@pytest.fixture
def database(template, tmp_path) -> Path:
    copy = tmp_path / "station.sqlite3"
    copy.write_bytes(template.database.read_bytes())
    return copy


def check(database: Path, *argv: str, monkeypatch, capsys):
    arguments = ["--db", f"sqlite:///{database}", "rma", "check", ORDER, *argv, "--reason", "not_needed"]
    return run_in_process(arguments, monkeypatch=monkeypatch, capsys=capsys)


def test_the_check_under_todays_version_authorizes_each_line(database, monkeypatch, capsys) -> None:
    checked = check(database, monkeypatch=monkeypatch, capsys=capsys)

    assert (checked.code, checked.stderr) == (0, "")
    assert checked.stdout == (
        f"Order {ORDER} (image-pro-services): Under version {INSTALLED}, in force today.\n"
        "  line 1 TN-660 x2: authorized\n"
        "  line 2 DR-630 x1: authorized\n"
    )


def test_the_check_under_next_weeks_version_refuses_each_line_and_says_today_still_decides(
    template, database, monkeypatch, capsys
) -> None:
    before = event_types(database)

    checked = check(database, "1", "--policy-version", template.version, monkeypatch=monkeypatch, capsys=capsys)

    assert (checked.code, checked.stderr) == (0, "")
    heading, line, *more = checked.stdout.splitlines()
    assert heading == (
        f"Order {ORDER} (image-pro-services): Under version {template.version} (deciding from {NEXT_WEEK}), "
        f"windows counted to {NEXT_WEEK}. An RMA created now is authorized under version {INSTALLED}, in force today."
    )
    assert line.startswith(
        "  line 1 TN-660 x2: refused: Reported 20 days after purchase (limit 60) and 20 days after shipment "
        "(limit 10): outside the return window."
    )
    assert more == []
    assert event_types(database) == before  # a check writes nothing, not even an event


def test_a_day_picks_the_version_in_effect_on_it_and_json_says_which(template, database, monkeypatch, capsys) -> None:
    day = NEXT_WEEK + timedelta(days=1)

    checked = check(database, "--policy-version", day.isoformat(), "--json", monkeypatch=monkeypatch, capsys=capsys)

    said = json.loads(checked.stdout)
    assert (said["authorized"], [line["authorized"] for line in said["lines"]]) == (False, [False, False])
    assert said["rules"] == {
        "version": template.version,
        "effective": NEXT_WEEK.isoformat(),
        "in_force_today": False,
        "in_force_version": INSTALLED,
        "counted_to": day.isoformat(),
    }


def test_an_unknown_version_is_bad_input_naming_the_sellers_versions(template, database, monkeypatch, capsys) -> None:
    checked = check(database, "--policy-version", "v2", monkeypatch=monkeypatch, capsys=capsys)

    assert (checked.code, checked.stdout) == (2, "")
    assert checked.stderr == (
        "error: The policy 'image-pro-services' has no version 'v2'; its versions are "
        f"{template.version} (from {NEXT_WEEK}), {INSTALLED} (installed, in force today). "
        "Give one of them, or a day (YYYY-MM-DD) for the rules in effect on it.\n"
    )
