"""`receiving-app check-in` and `receiving-app unidentified ...` from the shell: a cart of labels checked
in once, a garbled one refused alone, and a parcel without an RMA recorded, weighed, shown and rejected.
The commands run in this process on a copy of one demo database with two RMAs on file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from tests.support.parcels import FEDEX_EXPRESS, UPS, add_rmas_with_tracking, parcels
from tests.support.signing_in import DEMO_SECRETS, run_in_process
from tests.support.warehouse import Rma


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    station = bootstrap(f"sqlite:///{folder / 'station.sqlite3'}")
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas_with_tracking(station, folder, (Rma("RA0000601"), ""), (Rma("RA0000602"), UPS))
    finally:
        station.close()
    return folder / "station.sqlite3"


def run(database: Path, *argv: str, monkeypatch, capsys, user: str | None = "receiver"):
    arguments = ["--db", f"sqlite:///{database}", *argv, *(["--user", user] if user else [])]
    return run_in_process(arguments, monkeypatch=monkeypatch, capsys=capsys, secret=DEMO_SECRETS.get(user or ""))


def labels_checked_in(database: Path) -> list[str]:
    station = bootstrap(f"sqlite:///{database}", prepare=False)
    try:
        return [label for label, *_ in parcels(station)]
    finally:
        station.close()


def test_a_cart_is_checked_in_once_and_a_second_pass_says_so(database, monkeypatch, capsys) -> None:
    cart = ("check-in", "RA0000601", f"]C0{UPS}", FEDEX_EXPRESS, "--station", "dock-1", "--json")

    first = run(database, *cart, monkeypatch=monkeypatch, capsys=capsys)
    second = run(database, *cart, monkeypatch=monkeypatch, capsys=capsys)

    assert (first.code, second.code) == (0, 0), first.stderr + second.stderr
    outcomes = json.loads(first.stdout)
    assert [(o["kind"], o["rma"], o["carrier"], o["already_checked_in"]) for o in outcomes] == [
        ("rma", "RA0000601", None, False),
        ("tracking", "RA0000602", "ups", False),
        ("tracking", None, "fedex", False),
    ]
    assert outcomes[1]["message"] == "UPS 1Z 999 AA1 01 2345 6784 arrived: RA0000602."
    assert outcomes[1]["tracking_display"] == "1Z 999 AA1 01 2345 6784"
    assert [o["already_checked_in"] for o in json.loads(second.stdout)] == [True, True, True]
    assert labels_checked_in(database)[-3:] == ["RA0000601", UPS, FEDEX_EXPRESS]


def test_a_garbled_label_is_refused_alone_and_the_others_are_checked_in(database, monkeypatch, capsys) -> None:
    before = labels_checked_in(database)

    done = run(
        database, "check-in", "RA\x0700", "036000291452", "RA0000601", "--station", "dock-1",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip

    assert done.code == 2
    assert done.stdout == "RA0000601 arrived: 1 line.\n"
    refused = done.stderr.splitlines()
    assert refused[0].startswith("error: label 1: garbled scan")
    assert refused[1].startswith("error: label 2: UPC 036000291452 is a product's barcode")
    assert labels_checked_in(database) == [*before, "RA0000601"]


def test_a_parcel_without_an_rma_is_recorded_weighed_listed_shown_and_rejected(database, monkeypatch, capsys) -> None:
    recorded = run(
        database, "unidentified", "record", "--tracking", FEDEX_EXPRESS, "--sender", "Dana Whitfield",
        "--notes", "two toners", "--json", monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert recorded.code == 0, recorded.stderr
    number, lpn = json.loads(recorded.stdout)["number"], json.loads(recorded.stdout)["lpn"]
    assert json.loads(recorded.stdout)["sender"] == "Dana Whitfield"

    added = run(
        database, "unidentified", "add-item", lpn, "--scan", "TN-660", "--weight", "812.4g",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert (added.code, added.stdout) == (
        0,
        f"{number} item 1: TN-660 (Brother TN-660 high-yield black toner), 812.4 g.\n",
    )
    too_heavy = run(
        database, "unidentified", "add-item", number, "--scan", "TN-660", "--weight", "3kg",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert too_heavy.code == 2 and "not what a TN-660 can weigh" in too_heavy.stderr

    listed = run(database, "unidentified", "list", "--json", monkeypatch=monkeypatch, capsys=capsys, user=None)
    assert number in [entry["number"] for entry in json.loads(listed.stdout)]
    shown = run(database, "unidentified", "show", number, "--json", monkeypatch=monkeypatch, capsys=capsys, user=None)
    view = json.loads(shown.stdout)
    assert (view["sender"], view["tracking_number"], view["status"]) == ("D*** W***", FEDEX_EXPRESS, "open")
    assert [(item["sku"], item["grams"], item["weight_source"]) for item in view["items"]] == [
        ("TN-660", "812.4", "manual")
    ]

    rejected = run(
        database, "unidentified", "reject", number, "--reason", "nobody claims it",
        monkeypatch=monkeypatch, capsys=capsys,
    )  # fmt: skip
    assert (rejected.code, rejected.stdout) == (0, f"{number} rejected: nobody claims it\n")
    again = run(
        database, "unidentified", "add-item", number, "--scan", "TN-660", monkeypatch=monkeypatch, capsys=capsys
    )
    assert again.code == 3 and f"{number} was rejected by receiver" in again.stderr
    listed = run(database, "unidentified", "list", "--json", monkeypatch=monkeypatch, capsys=capsys, user=None)
    assert number not in [entry["number"] for entry in json.loads(listed.stdout)]


def test_a_label_that_names_an_rma_is_not_recorded_as_unidentified(database, monkeypatch, capsys) -> None:
    refused = run(database, "unidentified", "record", "--tracking", UPS, monkeypatch=monkeypatch, capsys=capsys)
    assert refused.code == 2
    assert refused.stderr.startswith("error: UPS 1Z 999 AA1 01 2345 6784 is the label of RA0000602")
