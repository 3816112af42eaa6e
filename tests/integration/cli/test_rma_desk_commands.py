"""`receiving-app rma create` and `unidentified match`: the RMA desk from a shell, under each seller's policy.

The commands run in this process (``receiving_app.cli.main``) on a copy of one demo database holding an
order of each seller, signed in as the demo's receiver (and its supervisor where one authorizes). The
command's today is the calendar's, so the orders are dated from it."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from tests.support.desk_orders import FoundItem, Order, OrderLine, add_orders, add_unidentified_return
from tests.support.pdf import decode_code128, rasterize_page
from tests.support.signing_in import DEMO_SECRETS, run_in_process
from tests.support.warehouse import Rma, add_rmas

TODAY = date.today()
RECENT = TODAY - timedelta(days=3)
LONG_AGO = TODAY - timedelta(days=3 * 365)
UPS = "1Z999AA10123456784"

# Per seller: the order it authorizes, its first desk number, the order it refuses and the sentence why.
SELLERS = {
    "true-image": ("SO-TI-1", "RMA-000001", "SO-TI-OLD", "covered by the 2-year product warranty"),
    "4inkjets": ("SO-4IJ-1", "4IJ-000008", "SO-4IJ-OLD", "two-year 100% satisfaction guarantee"),
    "image-pro-services": ("SO-IPS-1", "RA-000001", "SO-IPS-OLD", "warranted against defects for 1 year"),
    "image-pro-international": ("SO-IPI-1", "RGA-000001", "SO-IPI-OLD", "within 7 days of receiving the product"),
}


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    """The demo's catalog and users, an order of each seller inside its window and one outside it, one
    4inkjets RMA imported (so 4inkjets numbers on from 4IJ-000007), and an unidentified return of two toners."""
    folder = tmp_path_factory.mktemp("template")
    database = folder / "station.sqlite3"
    station = bootstrap(f"sqlite:///{database}")
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas(station, folder, Rma("4IJ-000007", seller="4inkjets", account="C90009"))
        for seller, (recent, _, old, _) in SELLERS.items():
            add_orders(
                station,
                Order(recent, seller=seller, purchased=RECENT, shipped=RECENT, delivered=RECENT),
                Order(old, seller=seller, purchased=LONG_AGO, shipped=LONG_AGO, delivered=LONG_AGO),
            )
        add_orders(station, Order("SO-MATCH", seller="true-image", lines=(OrderLine("TN-660", 2),), purchased=RECENT))
        add_unidentified_return(station, FoundItem("TN-660", "812.4"), FoundItem("TN-660"), tracking_number=UPS)
    finally:
        station.close()
    return database


def desk(database: Path, *argv: str, monkeypatch, capsys, approver: bool = False):
    return run_in_process(
        ["--db", f"sqlite:///{database}", *argv, "--user", "receiver", "--json"],
        monkeypatch=monkeypatch,
        capsys=capsys,
        secret=DEMO_SECRETS["receiver"],
        approver_secret=DEMO_SECRETS["supervisor"] if approver else None,
    )


def unidentified_number(database: Path) -> str:
    """The number of the template's unidentified return (the demo records some of its own first)."""
    with closing(sqlite3.connect(database)) as connection:
        (number,) = connection.execute("SELECT number FROM unidentified_returns WHERE tracking_number = ?", (UPS,))
        return str(number[0])


def rma_numbers(database: Path) -> list[str]:
    with closing(sqlite3.connect(database)) as connection:
        return [number for (number,) in connection.execute("SELECT number FROM rmas ORDER BY id")]


@pytest.mark.parametrize("seller", sorted(SELLERS))
def test_rma_create_numbers_the_rma_as_the_seller_does(seller, database, monkeypatch, capsys) -> None:
    order, number, _, _ = SELLERS[seller]

    outcome = desk(
        database,
        *("rma", "create", "--order", order, "--line", "1", "--reason", "defective"),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )

    assert (outcome.code, outcome.stderr) == (0, "")
    assert json.loads(outcome.stdout) == {
        "number": number,
        "seller": seller,
        "order": order,
        "lines": [{"line": 1, "order_line": 1, "sku": "TN-660", "quantity": 1}],
        "authorized_by_supervisor": False,
        "supervisor": None,
        "reasons": [],
        "tracking_numbers": [],
    }
    assert rma_numbers(database)[-1] == number


@pytest.mark.parametrize("seller", sorted(SELLERS))
def test_rma_create_outside_the_window_is_refused_until_a_supervisor_authorizes_it(
    seller, database, monkeypatch, capsys
) -> None:
    _, number, old, words = SELLERS[seller]
    create = ("rma", "create", "--order", old, "--line", "1", "--reason", "defective")
    before = rma_numbers(database)

    refused = desk(database, *create, monkeypatch=monkeypatch, capsys=capsys)

    assert (refused.code, refused.stdout) == (3, "")
    assert words in refused.stderr and "A supervisor can authorize it anyway." in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and rma_numbers(database) == before

    approved = desk(
        database,
        *create,
        "--approved-by",
        "supervisor",
        "--approval-note",
        "goodwill for a long-standing customer",
        monkeypatch=monkeypatch,
        capsys=capsys,
        approver=True,
    )

    assert approved.code == 0, approved.stderr
    created = json.loads(approved.stdout)
    assert (created["number"], created["authorized_by_supervisor"], created["supervisor"]) == (
        number,
        True,
        "supervisor",
    )
    assert len(created["reasons"]) == 1 and words in created["reasons"][0]


def test_rma_create_saves_the_label_whose_barcode_reads_the_new_number(database, tmp_path, monkeypatch, capsys) -> None:
    label = tmp_path / "label.pdf"

    outcome = desk(
        database,
        *("rma", "create", "--order", "SO-IPS-1", "--line", "1", "--quantity", "1", "--reason", "not_needed"),
        *("--choice", "replacement", "--tracking", "1z 999 aa1 01 2345 6784", "--label-out", str(label)),
        monkeypatch=monkeypatch,
        capsys=capsys,
    )

    assert outcome.code == 0, outcome.stderr
    created = json.loads(outcome.stdout)
    assert (created["number"], created["tracking_numbers"], created["label"]) == ("RA-000001", [UPS], str(label))
    assert decode_code128(rasterize_page(label.read_bytes(), dpi=203)) == ["RA-000001"]


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (("--order", "SO-NONE", "--line", "1"), "No order numbered SO-NONE"),
        (("--order", "SO-TI-1", "--line", "2"), "has no line 2"),
        (("--order", "SO-TI-1", "--line", "1", "--quantity", "2"), "2 asked, but only 1"),
        (("--order", "SO-TI-1", "--line", "1", "--quantity", "1", "--quantity", "1"), "give one for each --line"),
        (("--order", "SO-TI-1", "--line", "1", "--tracking", "1Z999AA10123456785"), "not a UPS, FedEx or USPS"),
        (("--order", "SO-TI-1", "--line", "1", "--approval-note", "why"), "give it with --approved-by"),
        (("--order", "SO-TI-1", "--line", "1", "--label-out", "/no/such/folder/l.pdf"), "no folder /no/such/folder"),
    ],
)
def test_rma_create_refuses_bad_input_with_exit_code_2_and_writes_nothing(
    options, words, database, monkeypatch, capsys
) -> None:
    before = rma_numbers(database)

    outcome = desk(database, "rma", "create", *options, "--reason", "defective", monkeypatch=monkeypatch, capsys=capsys)

    assert (outcome.code, outcome.stdout) == (2, "")
    assert words in outcome.stderr and len(outcome.stderr.strip().splitlines()) == 1
    assert rma_numbers(database) == before


def test_unidentified_match_turns_the_return_into_an_rma_of_the_order(database, monkeypatch, capsys) -> None:
    match = ("unidentified", "match", unidentified_number(database), "--order", "SO-MATCH", "--reason", "not_needed")

    outcome = desk(database, *match, monkeypatch=monkeypatch, capsys=capsys)

    assert outcome.code == 0, outcome.stderr
    created = json.loads(outcome.stdout)
    assert (created["number"], created["lines"], created["tracking_numbers"]) == (
        "RMA-000001",
        [{"line": 1, "order_line": 1, "sku": "TN-660", "quantity": 2}],
        [UPS],
    )
    again = desk(database, *match, monkeypatch=monkeypatch, capsys=capsys)
    assert again.code == 3 and "was matched to RMA-000001 already" in again.stderr
