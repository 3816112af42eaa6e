"""`receiving-app register` and `receiving-app export` from the shell, on a copy of a demo database where two
returns were decided (one refund less a restocking fee, one whole): the register as CSV, a Xero batch as
JSON with its file, a second run with nothing new, and the refusals that change nothing."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.accounting_register import CSV_COLUMNS
from tests.support.accounting import parsed_csv, parsed_file
from tests.support.receiving import receive
from tests.support.signing_in import DEMO_SECRETS, run_in_process
from tests.support.warehouse import Line, Rma, add_rmas


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    station = bootstrap(f"sqlite:///{folder / 'station.sqlite3'}")
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas(station, folder, Rma("RA0000601", lines=(Line(reason="not_needed"),)), Rma("RA0000602"))
        receive(station, "RA0000601", 1)
        receive(station, "RA0000602", 1)
    finally:
        station.close()
    return folder / "station.sqlite3"


def run(database: Path, *argv: str, monkeypatch, capsys, user: str | None = None):
    arguments = ["--db", f"sqlite:///{database}", *argv, *(("--user", user) if user else ())]
    return run_in_process(arguments, monkeypatch=monkeypatch, capsys=capsys, secret=DEMO_SECRETS.get(user or ""))


def digest(database: Path) -> str:
    return hashlib.sha256(database.read_bytes()).hexdigest()


def test_the_register_as_csv_lists_each_document_with_its_amounts(database, monkeypatch, capsys) -> None:
    today = date.today().isoformat()

    listed = run(database, "register", "--from", today, "--to", today, "--csv", monkeypatch=monkeypatch, capsys=capsys)

    assert listed.code == 0, listed.stderr
    header, rows = parsed_csv(listed.stdout)
    assert header == list(CSV_COLUMNS)
    assert [(row["number"], row["type"], row["entry"]) for row in rows] == [
        ("CM-000001", "credit_memo", "issued"),
        ("RF-000001", "restocking_fee_receipt", "issued"),
        ("CM-000002", "credit_memo", "issued"),
    ]
    memo, receipt, whole = rows
    assert memo["merchandise"] == "54.99" and memo["restocking_fee"] == receipt["document_amount"] != "0.00"
    assert Decimal(memo["merchandise"]) - Decimal(memo["restocking_fee"]) == Decimal(memo["refund"])
    assert memo["refund"] == memo["document_amount"]
    assert memo["customer_account"] == "C90001" and memo["currency"] == "USD" and memo["day"] == today
    assert receipt["refund"] == "0.00" and whole["refund"] == whole["document_amount"] == "54.99"
    assert "Dana" not in listed.stdout  # the customer is named by account only


def test_export_xero_as_json_writes_the_batch_and_a_second_run_makes_none(
    database, tmp_path, monkeypatch, capsys
) -> None:
    out = tmp_path / "books"

    made = run(
        database,
        "export",
        "xero",
        "--out",
        str(out),
        "--json",
        monkeypatch=monkeypatch,
        capsys=capsys,
        user="supervisor",
    )

    assert made.code == 0, made.stderr
    said = json.loads(made.stdout)
    assert {key: said[key] for key in ("format", "batch", "first_document", "last_document", "issued", "voided")} == {
        "format": "xero",
        "batch": 1,
        "first_document": "CM-000001",
        "last_document": "CM-000002",
        "issued": 2,
        "voided": 0,
    }
    written = Path(said["path"])
    assert written == out / "xero-batch-000001.csv" and said["problem"] is None
    assert hashlib.sha256(written.read_bytes()).hexdigest() == said["sha256"]
    header, rows = parsed_file(written)
    assert header[:2] == ["*ContactName", "EmailAddress"] and {row["*InvoiceNumber"] for row in rows} == {
        "CM-000001",
        "CM-000002",
    }
    assert -sum(Decimal(row["*UnitAmount"]) for row in rows) == Decimal(said["net_total"])

    again = run(
        database,
        "export",
        "xero",
        "--out",
        str(out),
        "--json",
        monkeypatch=monkeypatch,
        capsys=capsys,
        user="supervisor",
    )
    assert again.code == 0 and json.loads(again.stdout)["batch"] is None
    listed = run(database, "export", "xero", "--list", "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert [batch["batch"] for batch in json.loads(listed.stdout)] == [1]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("register", "--from", "2026-02-30"), "error: --from: '2026-02-30' is not a date; use YYYY-MM-DD\n"),
        (("register", "--to", "yesterday"), "error: --to: 'yesterday' is not a date; use YYYY-MM-DD\n"),
        (
            ("register", "--from", "2026-03-20", "--to", "2026-03-01"),
            "error: --to 2026-03-01 is before --from 2026-03-20: nothing could be listed\n",
        ),
        (("export", "xero"), "error: export: --user is needed: a supervisor makes a batch (see --help)\n"),
        (("export", "sage", "--user", "supervisor"), None),
    ],
    ids=["not-a-day", "a-word", "backwards", "no-user", "unknown-format"],
)
def test_bad_input_is_said_in_one_line_with_exit_code_2_and_changes_nothing(
    database, argv, said, monkeypatch, capsys
) -> None:
    before = digest(database)

    refused = run(database, *argv, monkeypatch=monkeypatch, capsys=capsys)

    assert refused.code == 2 and refused.stdout == ""
    assert refused.stderr.startswith("error: ") and refused.stderr.count("\n") == 1
    if said is not None:
        assert refused.stderr == said
    assert digest(database) == before


def test_a_receiver_is_refused_with_exit_code_3_and_no_batch(database, tmp_path, monkeypatch, capsys) -> None:
    refused = run(
        database, "export", "journal", "--out", str(tmp_path), monkeypatch=monkeypatch, capsys=capsys, user="receiver"
    )

    assert refused.code == 3 and refused.stderr.startswith("refused: ")
    listed = run(database, "export", "journal", "--list", "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert json.loads(listed.stdout) == [] and not list(tmp_path.glob("*.csv"))
