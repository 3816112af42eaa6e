"""The headless `receive` decides only on facts it was given: a missing fact, an impossible weight or
a contradiction is refused with one line, a clear exit code, and nothing written."""

from __future__ import annotations

from datetime import date

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from tests.support.cli import run_cli
from tests.support.signing_in import row_counts_beside_sign_ins
from tests.support.warehouse import Line, Rma, add_rmas

RECEIVE = ("receive", "RA0002001", "--line", "1", "--user", "receiver", "--station", "S1")
AS_SOLD = ("--condition", "unopened,sealed,original_packaging,labels_intact")


@pytest.fixture
def warehouse(tmp_path):
    """A station database holding one image-pro-services RMA: a TN-660 returned as not needed."""
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    station = bootstrap(url, settings_path=tmp_path / "settings.json", today=lambda: date(2026, 3, 16))
    fill_demo_data(station, rmas=0, seed=7)
    add_rmas(station, tmp_path, Rma("RA0002001", lines=(Line(reason="not_needed"),)))
    yield station, {"RECEIVING_APP_DB": url, "RECEIVING_APP_PASSWORD": "1111"}  # the demo receiver's PIN
    station.close()


@pytest.mark.parametrize(
    ("options", "code", "words"),
    [
        ((*AS_SOLD,), 2, "weigh"),  # not weighed
        (("--weight", "815g"), 2, "condition.unopened: not checked"),  # condition left out: unknown
        ((*AS_SOLD, "--weight", "840g"), 2, "567.5 g to 837.5 g"),  # above full by more than the tolerance
        ((*AS_SOLD, "--weight", "500g"), 2, "567.5 g to 837.5 g"),  # below empty
        ((*AS_SOLD, "--weight", "99999999999g"), 2, "at most 100000 g"),  # absurd: past what any bench weighs
        ((*AS_SOLD, "--weight", "2lb"), 2, "907.2 g"),  # a unit that looks wrong names the grams it meant
        ((*AS_SOLD, "--weight", "abc"), 2, "not a weight"),
        (
            (*AS_SOLD, "--weight", "700g"),
            3,
            "Ticked sealed, but it weighs 700.0 g",
        ),  # sealed but light: a supervisor decides
    ],
)
def test_receive_refuses_what_it_may_not_decide_and_writes_nothing(warehouse, options, code, words) -> None:
    station, environment = warehouse
    before = row_counts_beside_sign_ins(station)

    run = run_cli(*RECEIVE, *options, "--json", env=environment)

    assert (run.code, run.stdout) == (code, "")
    assert words in run.stderr and len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert row_counts_beside_sign_ins(station) == before


def test_a_supervisors_approval_lets_a_contradiction_stand_and_is_printed_in_the_output(warehouse) -> None:
    _, environment = warehouse

    run = run_cli(
        *RECEIVE,
        *AS_SOLD,
        "--weight",
        "700g",
        "--approved-by",
        "supervisor",
        "--approval-note",
        "opened and resealed by the customer",
        "--json",
        env={**environment, "RECEIVING_APP_APPROVER_PASSWORD": "supervisor-demo"},
    )

    assert run.code == 0, run.stderr
    decided = run.json()
    assert decided["approved_by"] == "supervisor" and decided["contradictions"] and decided["unit"] == 1


def test_the_condition_given_means_the_listed_fields_are_true_and_the_others_false(warehouse) -> None:
    station, environment = warehouse

    run = run_cli(
        *RECEIVE, "--condition", "original_packaging,labels_intact", "--weight", "640g", "--json", env=environment
    )

    assert run.code == 0, run.stderr
    assert run.json()["outcome"] == "denied"  # opened: not saleable
    condition = station.history.show_rma("RA0002001").inspections[0].condition
    assert condition == {
        "unopened": False,
        "sealed": False,
        "original_packaging": True,
        "box_damage": False,
        "labels_intact": True,
    }


def test_catalog_list_gives_every_sku_its_weights(warehouse) -> None:
    _, environment = warehouse

    items = run_cli("catalog", "list", "--json", env=environment).json()

    toner = next(item for item in items if item["sku"] == "TN-660")
    assert (toner["full_g"], toner["empty_g"], toner["plausible_g"]) == ("815.0", "590.0", ["567.5", "837.5"])
    assert all({"sku", "full_g", "empty_g"} <= set(item) for item in items)
