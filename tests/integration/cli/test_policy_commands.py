"""`receiving-app policy ...` and `evaluate --policy-version` from the shell: a draft saved, replayed over
the two units decided in one demo database, published by an admin, and a scenario decided under the
published version. The commands run in this process on a copy of that database."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.locations import policies_dir, resources_dir
from tests.support.receiving import receive
from tests.support.signing_in import DEMO_SECRETS, run_in_process
from tests.support.warehouse import Line, Rma, add_rmas

RMA = "RA0000501"
INSTALLED = "2026-12-03"


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Path:
    """Two sealed TN-660 toners of Image-Pro, $54.99 each, not needed: refunded less a 15 % fee of $8.25."""
    folder = tmp_path_factory.mktemp("template")
    station = bootstrap(f"sqlite:///{folder / 'station.sqlite3'}")
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas(station, folder, Rma(RMA, lines=(Line(reason="not_needed", quantity=2),)))
        for unit in (1, 2):
            receive(station, RMA, 1, unit=unit)
    finally:
        station.close()
    return folder / "station.sqlite3"


@pytest.fixture
def fee_file(tmp_path) -> Path:
    """Image-Pro's policy with a 20 % restocking fee in place of 15 %."""
    text = (policies_dir() / "image-pro-services.toml").read_text(encoding="utf-8")
    path = tmp_path / "fee.toml"
    path.write_text(text.replace('percent = "15"', 'percent = "20"'), encoding="utf-8")
    return path


def run(database: Path, *argv: str, monkeypatch, capsys, user: str | None = None):
    arguments = ["--db", f"sqlite:///{database}", *argv]
    if user is not None:
        arguments += ["--user", user]
    secret = DEMO_SECRETS[user] if user else None
    return run_in_process(arguments, monkeypatch=monkeypatch, capsys=capsys, secret=secret)


def test_a_saved_draft_replayed_shows_each_changed_unit_and_the_totals(database, fee_file, monkeypatch, capsys) -> None:
    saved = run(
        database,
        "policy",
        "draft",
        "save",
        str(fee_file),
        "--name",
        "fee",
        monkeypatch=monkeypatch,
        capsys=capsys,
        user="admin",
    )
    assert (saved.code, saved.stdout) == (0, f"saved draft fee of image-pro-services (changes version {INSTALLED})\n")
    today = date.today().isoformat()

    replayed = run(
        database,
        "policy",
        "replay",
        "fee",
        "--from",
        today,
        "--to",
        today,
        "--json",
        monkeypatch=monkeypatch,
        capsys=capsys,
    )

    assert replayed.code == 0, replayed.stderr
    report = json.loads(replayed.stdout)
    before = {"outcome": "refund", "refund_total": "46.74", "restocking_fee": "8.25"}
    after = {"outcome": "refund", "refund_total": "43.99", "restocking_fee": "11.00"}
    assert [
        (
            {key: item["before"][key] for key in before},
            {key: item["after"][key] for key in after},
            item["rma"],
            item["line"],
            item["unit"],
        )
        for item in report["changed"]
    ] == [(before, after, RMA, 1, 1), (before, after, RMA, 1, 2)]
    assert report["changed"][0]["after"]["reasons"] == ["within_return_window", "restocking_fee"]
    totals = report["totals"]
    assert {key: totals["before"][key] for key in ("refunded", "fees", "denied")} == {
        "refunded": "93.48",
        "fees": "16.50",
        "denied": 0,
    }
    assert {key: totals["after"][key] for key in ("refunded", "fees", "denied")} == {
        "refunded": "87.98",
        "fees": "22.00",
        "denied": 0,
    }
    assert (report["policy"], report["draft"], report["from"], report["to"]) == (
        "image-pro-services",
        "fee",
        today,
        today,
    )


def test_a_draft_file_identical_to_the_policy_changes_nothing(database, monkeypatch, capsys) -> None:
    installed = str(policies_dir() / "image-pro-services.toml")

    replayed = run(database, "policy", "replay", installed, "--json", monkeypatch=monkeypatch, capsys=capsys)

    assert replayed.code == 0, replayed.stderr
    report = json.loads(replayed.stdout)
    assert (report["changed"], report["units"]) == ([], 2)
    assert report["totals"]["before"] == report["totals"]["after"]


@pytest.mark.parametrize(
    ("days", "said"),
    [
        (("--from", "2026-13-01"), "error: --from: not a date in YYYY-MM-DD form: '2026-13-01'\n"),
        (("--to", "yesterday"), "error: --to: not a date in YYYY-MM-DD form: 'yesterday'\n"),
        (
            ("--from", "2026-03-02", "--to", "2026-03-01"),
            "error: --from 2026-03-02 is after --to 2026-03-01: give the first day, then the last\n",
        ),
    ],
)
def test_a_replay_with_bad_days_exits_2(database, fee_file, days, said, monkeypatch, capsys) -> None:
    replayed = run(database, "policy", "replay", str(fee_file), *days, monkeypatch=monkeypatch, capsys=capsys)

    assert (replayed.code, replayed.stdout, replayed.stderr) == (2, "", said)


def test_a_draft_for_an_unknown_seller_exits_2_naming_the_key(database, tmp_path, monkeypatch, capsys) -> None:
    text = (policies_dir() / "4inkjets.toml").read_text(encoding="utf-8").replace('id = "4inkjets"', 'id = "acme"')
    (tmp_path / "acme.toml").write_text(text, encoding="utf-8")

    saved = run(
        database,
        "policy",
        "draft",
        "save",
        str(tmp_path / "acme.toml"),
        "--name",
        "acme",
        monkeypatch=monkeypatch,
        capsys=capsys,
        user="admin",
    )

    assert saved.code == 2
    assert saved.stderr.startswith("error: acme: id: 'acme' is no seller of this station (known: 4inkjets, ")


def test_only_an_admin_publishes_and_evaluate_then_answers_under_the_new_version(
    database, fee_file, monkeypatch, capsys
) -> None:
    effective = (date.today() + timedelta(days=1)).isoformat()
    publish = ("policy", "publish", str(fee_file), "--effective", effective, "--json")

    refused = run(database, *publish, monkeypatch=monkeypatch, capsys=capsys, user="supervisor")
    published = run(database, *publish, monkeypatch=monkeypatch, capsys=capsys, user="admin")

    assert (refused.code, refused.stderr) == (
        3,
        "refused: supervisor is a supervisor; only an admin may publish a policy.\n",
    )
    assert published.code == 0, published.stderr
    said = json.loads(published.stdout)
    assert (said["version"], said["effective"], said["replaces"]) == (effective, effective, INSTALLED)
    assert said["differences"] == ["Restocking fee on not needed and ordered wrong returns: 15% → 20%"]

    scenario = str(resources_dir() / "examples" / "spec-scenario.json")
    evaluated = run(
        database, "evaluate", scenario, "--policy-version", effective, monkeypatch=monkeypatch, capsys=capsys
    )
    installed = run(
        database, "evaluate", scenario, "--policy-version", INSTALLED, monkeypatch=monkeypatch, capsys=capsys
    )
    unknown = run(
        database, "evaluate", scenario, "--policy-version", "1999-01-01", monkeypatch=monkeypatch, capsys=capsys
    )

    decided = json.loads(evaluated.stdout)
    assert (decided["policy_version"], decided["restocking_fee"], decided["refund_total"]) == (
        effective,
        "11.00",
        "43.99",
    )
    assert json.loads(installed.stdout)["restocking_fee"] == "8.25"
    assert (unknown.code, unknown.stderr) == (
        2,
        "error: No version '1999-01-01' of the policy 'image-pro-services' is recorded at this station.\n",
    )

    versions = run(
        database, "policy", "versions", "image-pro-services", "--json", monkeypatch=monkeypatch, capsys=capsys
    )
    assert json.loads(versions.stdout) == [
        {"policy": "image-pro-services", "version": INSTALLED, "effective": None, "in_effect": True},
        {"policy": "image-pro-services", "version": effective, "effective": effective, "in_effect": False},
    ]


def test_drafts_are_listed_and_shown(database, fee_file, monkeypatch, capsys) -> None:
    run(
        database,
        "policy",
        "draft",
        "save",
        str(fee_file),
        "--name",
        "fee",
        monkeypatch=monkeypatch,
        capsys=capsys,
        user="admin",
    )

    listed = run(database, "policy", "draft", "list", "--json", monkeypatch=monkeypatch, capsys=capsys)
    shown = run(database, "policy", "draft", "show", "fee", monkeypatch=monkeypatch, capsys=capsys)

    (draft,) = json.loads(listed.stdout)
    assert (draft["name"], draft["policy"], draft["based_on_version"], draft["saved_by"]) == (
        "fee",
        "image-pro-services",
        INSTALLED,
        "admin",
    )
    assert shown.stdout == fee_file.read_text(encoding="utf-8")
