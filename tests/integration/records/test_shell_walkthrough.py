"""A person can demo, list, receive and show their way through a return from the shell."""

from __future__ import annotations

import pytest

from tests.support.cli import run_cli
from tests.support.databases import DATABASES, fresh_postgres_database


@pytest.fixture(params=DATABASES)
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'shell.sqlite3'}"
    else:
        with fresh_postgres_database() as url:
            yield url


def test_demo_list_receive_show_from_the_shell(empty_database) -> None:
    environment = {"RECEIVING_APP_DB": empty_database, "RECEIVING_APP_PASSWORD": "1111"}  # the demo receiver's PIN
    assert run_cli("db", "upgrade", env=environment).code == 0
    assert run_cli("demo", "--rmas", "40", "--seed", "5", env=environment).code == 0

    listed = run_cli("rma", "list", "--status", "open", "--json", env=environment).json()
    assert len(listed) == 40
    first = next(rma for rma in listed if rma["policy"] == "4inkjets")
    assert set(first) >= {"number", "status", "policy", "lines"}
    assert set(first["lines"][0]) >= {"line", "sku", "category", "quantity", "status"}

    catalog = {item["sku"]: item for item in run_cli("catalog", "list", "--json", env=environment).json()}
    assert all(set(item) >= {"sku", "full_g", "empty_g"} for item in catalog.values())
    full = catalog[first["lines"][0]["sku"]]["full_g"]  # a script sends a weight the cartridge can have
    received = run_cli(
        "receive",
        first["number"],
        "--line",
        "1",
        "--user",
        "receiver",
        "--station",
        "S1",
        "--weight",
        f"{full}g",
        "--condition",
        "unopened,sealed,original_packaging,labels_intact",
        "--json",
        env=environment,
    )
    assert received.code == 0, received.stderr
    decision = received.json()
    assert set(decision) >= {
        "rma",
        "line",
        "outcome",
        "refund_total",
        "restocking_fee",
        "fill_fraction",
        "reasons",
        "documents",
        "already_decided",
    }
    assert decision["already_decided"] is False and decision["documents"]

    again = run_cli(
        "receive", first["number"], "--line", "1", "--user", "receiver", "--station", "S2", "--json", env=environment
    ).json()
    assert again["already_decided"] is True and again["documents"] == decision["documents"]

    shown = run_cli("rma", "show", first["number"], "--json", env=environment).json()
    assert shown["number"] == first["number"] and shown["lines"][0]["status"] == "decided"
    assert shown["events"][0]["type"] == "decision_made"  # with the inspection it was made on
    assert all(set(event) >= {"type", "at", "user", "station"} for event in shown["events"])

    assert run_cli("audit", "verify", env=environment).code == 0
    assert run_cli("demo", env=environment).code == 3  # demo data goes into an empty database only


def test_a_receiver_cannot_void_and_an_unknown_line_is_bad_input(tmp_path) -> None:
    environment = {"RECEIVING_APP_DB": f"sqlite:///{tmp_path / 's.sqlite3'}", "RECEIVING_APP_PASSWORD": "1111"}
    run_cli("demo", "--rmas", "8", env=environment)
    number = run_cli("rma", "list", "--json", env=environment).json()[0]["number"]

    assert (
        run_cli("receive", number, "--line", "99", "--user", "receiver", "--station", "S1", env=environment).code == 2
    )
    assert run_cli("receive", number, "--line", "1", "--user", "ghost", "--station", "S1", env=environment).code == 3
