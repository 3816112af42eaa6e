"""`receiving-app outbox ...` from the shell: the queue listed, one sending pass writing the e-mails to the
station's folder (no mail server here), and a supervisor's cancel and retry. The commands run in this
process on a copy of a demo database where one return arrived and was decided."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.domain.scan import parse_scan
from tests.support.receiving import receive
from tests.support.signing_in import DEMO_SECRETS, run_in_process
from tests.support.warehouse import Rma, add_rmas


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    station = bootstrap(f"sqlite:///{folder / 'station.sqlite3'}")
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas(station, folder, Rma("RA0000501"))
        station.check_in.check_in(parse_scan("RA0000501"), user="receiver", station="dock-1")
        receive(station, "RA0000501", 1)
    finally:
        station.close()
    return folder / "station.sqlite3"


def run(database: Path, *argv: str, monkeypatch, capsys, user: str | None = None):
    arguments = ["--db", f"sqlite:///{database}", *argv, *(("--user", user) if user else ())]
    return run_in_process(arguments, monkeypatch=monkeypatch, capsys=capsys, secret=DEMO_SECRETS.get(user or ""))


def test_one_pass_writes_the_waiting_e_mails_to_the_station_s_folder(database, home, monkeypatch, capsys) -> None:
    listed = run(database, "outbox", "list", "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert listed.code == 0, listed.stderr
    waiting = json.loads(listed.stdout)
    assert [(entry["event_type"], entry["status"], entry["receiver"]) for entry in waiting] == [
        ("line.decided", "pending", "customer"),
        ("rma.arrived", "pending", "customer"),
    ]

    sent = run(database, "outbox", "send", "--json", monkeypatch=monkeypatch, capsys=capsys)

    assert (sent.code, json.loads(sent.stdout)) == (0, {"delivered": 2, "waiting": 0, "failed": 0})
    written = sorted((home / "xdg_data_home" / "receiving-app" / "outbox").glob("*.eml"))
    subjects = {email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["Subject"] for path in written}
    assert subjects == {"Return RA0000501: your return has arrived", "Return RA0000501: credit of $54.99"}
    again = run(database, "outbox", "send", monkeypatch=monkeypatch, capsys=capsys)
    assert again.stdout == "delivered 0, waiting 0, failed 0\n"
    done = run(database, "outbox", "list", "--status", "sent", "--json", monkeypatch=monkeypatch, capsys=capsys)
    assert {entry["status"] for entry in json.loads(done.stdout)} == {"sent"}


def test_a_supervisor_cancels_with_a_reason_and_a_receiver_may_not(database, monkeypatch, capsys) -> None:
    arrival = next(
        entry["id"]
        for entry in json.loads(
            run(database, "outbox", "list", "--json", monkeypatch=monkeypatch, capsys=capsys).stdout
        )
        if entry["event_type"] == "rma.arrived"
    )
    why = ("--reason", "the customer asked not to be e-mailed")

    refused = run(
        database, "outbox", "cancel", str(arrival), *why, monkeypatch=monkeypatch, capsys=capsys, user="receiver"
    )
    cancelled = run(
        database,
        "outbox",
        "cancel",
        str(arrival),
        *why,
        "--json",
        monkeypatch=monkeypatch,
        capsys=capsys,
        user="supervisor",
    )
    retried = run(database, "outbox", "retry", str(arrival), monkeypatch=monkeypatch, capsys=capsys, user="supervisor")

    assert refused.code == 3 and "only a supervisor or an admin may cancel messages" in refused.stderr
    assert cancelled.code == 0, cancelled.stderr
    assert (json.loads(cancelled.stdout)["status"], json.loads(cancelled.stdout)["cancel_reason"]) == (
        "cancelled",
        "the customer asked not to be e-mailed",
    )
    assert retried.code == 3
    assert retried.stderr.startswith(f"refused: Message #{arrival} is cancelled")


def test_an_smtp_address_with_a_password_is_bad_input(database, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RECEIVING_APP_SMTP_URL", "smtp://returns:hunter2@mail.example.com")
    sent = run(database, "outbox", "send", monkeypatch=monkeypatch, capsys=capsys)
    assert sent.code == 2
    assert sent.stderr.startswith("error: the SMTP address must not carry a password")
    assert "hunter2" not in sent.stderr


def test_an_unknown_status_is_bad_input(database, monkeypatch, capsys) -> None:
    listed = run(database, "outbox", "list", "--status", "delivered", monkeypatch=monkeypatch, capsys=capsys)
    assert listed.code == 2
    assert listed.stderr == (
        "error: status: 'delivered' is not one of pending, sending, sent, failed, cancelled, skipped\n"
    )
