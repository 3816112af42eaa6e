"""Every command that changes records or prints a customer's details signs its user in and checks the
role: a wrong secret, an unknown name, a locked-out name and a role too low are each refused with exit
3 and one line, and nothing but the sign-in's own events is written.

The commands run in this process (``receiving_app.cli.main``) on a copy of one database prepared for
the module: a subprocess per case would cost a second each."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.services.auth import MAX_FAILED_ATTEMPTS, REFUSED, SignInRefused
from tests.support.race import receive_for_race
from tests.support.signing_in import (
    DEMO_SECRETS,
    SIGN_IN_EVENTS,
    event_types,
    records_beside_sign_ins,
    run_in_process,
)
from tests.support.warehouse import Line, Rma, add_rmas, rma_file

CATALOG_HEADER = "sku,oem_part_number,upc,brand,description,category,full_g,empty_g,list_price\n"
AS_SOLD = ("--condition", "unopened,sealed,original_packaging,labels_intact", "--received", "2026-03-16")
LOCKED_SECRET = "locked-out-pass"
LOCKED_USERS = {"receiver": "locked-supervisor", "supervisor": "locked-supervisor", "admin": "locked-admin"}
ROLE_BELOW = {"supervisor": "receiver", "admin": "supervisor"}


@dataclass(frozen=True)
class Template:
    database: Path
    document: str  # a credit memo issued on RA0003001
    catalog_file: Path
    rma_file: Path


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Iterator[None]:
    """One user's folders for the module: the template is sealed with the audit chain key that the
    commands then write with, and nothing lands in the tester's own folders."""
    folder = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            patch.setenv(variable, str(folder / variable.lower()))
        yield


@pytest.fixture(scope="module")
def template(home, tmp_path_factory) -> Template:
    """The demo catalog and users, RA0003001 received (with its documents), RA0003002 still open, two users
    locked out by ten wrong passwords each, and a catalog file and an RMA file to import."""
    folder = tmp_path_factory.mktemp("signed")
    database, settings = folder / "station.sqlite3", folder / "settings.json"
    url = f"sqlite:///{database}"
    station = bootstrap(url, settings_path=settings, today=lambda: date(2026, 3, 16))
    try:
        fill_demo_data(station, rmas=0, seed=7)
        add_rmas(station, folder, Rma("RA0003001"), Rma("RA0003002", lines=(Line(reason="not_needed"),)))
        _, documents = receive_for_race(url, settings, "RA0003001", 1, "bench-1")
        admin = station.auth.sign_in("admin", "admin-demo", station="setup")
        for role, name in (("supervisor", "locked-supervisor"), ("admin", "locked-admin")):
            station.users.add_user(admin, name, name, role, LOCKED_SECRET, station="setup")
            for _ in range(MAX_FAILED_ATTEMPTS):
                with pytest.raises(SignInRefused):
                    station.auth.sign_in(name, "wrong-password", station="setup")
    finally:
        station.close()
    catalog = folder / "catalog.csv"
    catalog.write_text(
        CATALOG_HEADER
        + "TN-660,TN660,,Brother,Brother TN-660 toner,toner,820.5,590.0,52.99\n"
        + "TN-999,TN999,036000291452,Brother,Test toner,toner,800.0,600.0,49.99\n"
    )
    return Template(database, documents[0][1], catalog, rma_file(folder, Rma("RA0003101")))


@pytest.fixture
def shell(template, tmp_path, monkeypatch) -> Path:
    """A copy of the template database for one test."""
    database = tmp_path / "station.sqlite3"
    shutil.copy(template.database, database)
    monkeypatch.delenv("RECEIVING_APP_DB", raising=False)
    return database


@dataclass(frozen=True)
class Command:
    least_role: str
    arguments: Callable[[Template, Path, str], list[str]]  # (template, the test's folder, the user named)
    effect: str | None  # the audit event the command writes when it is allowed
    artefact: str | None = None  # the file or folder (in the test's folder) it writes when allowed
    approving: bool = False  # the user named approves; the receiver receives, signed in
    stdin: str = ""


COMMANDS = {
    "receive": Command(
        "receiver",
        lambda t, _, user: [
            *("receive", "RA0003002", "--line", "1", "--user", user, "--station", "S1"),
            *(*AS_SOLD, "--weight", "815g"),
        ],
        "decision_made",
    ),
    "receive --approved-by": Command(
        "supervisor",
        lambda t, _, user: [
            *("receive", "RA0003002", "--line", "1", "--user", "receiver", "--station", "S1"),
            *(*AS_SOLD, "--weight", "700g", "--approved-by", user, "--approval-note", "resealed by the customer"),
        ],
        "decision_approved",
        approving=True,
    ),
    "import catalog": Command(
        "admin", lambda t, _, user: ["import", "catalog", str(t.catalog_file), "--user", user], "catalog_imported"
    ),
    "import rmas": Command(
        "admin", lambda t, _, user: ["import", "rmas", str(t.rma_file), "--user", user], "rma_imported"
    ),
    "label": Command(
        "receiver",
        lambda t, folder, user: ["label", "RA0003001", "--out", str(folder / "label.pdf"), "--user", user],
        None,
        "label.pdf",
    ),
    "documents render": Command(
        "receiver",
        lambda t, folder, user: ["documents", "render", t.document, "--out", str(folder / "copy.pdf"), "--user", user],
        "document_reprinted",
        "copy.pdf",
    ),
    "documents void": Command(
        "supervisor",
        lambda t, _, user: ["documents", "void", t.document, "--user", user, "--reason", "sent twice"],
        "document_voided",
    ),
    "print": Command(
        "receiver",
        lambda t, folder, user: ["print", t.document, "--printer", f"folder:{folder / 'printed'}", "--user", user],
        "document_printed",
        "printed",
    ),
    "users add": Command(
        "admin",
        lambda t, _, user: ["users", "add", "kim", "--role", "receiver", "--user", user],
        "user_added",
        stdin="2468\n",
    ),
    "report daily --include-personal-data": Command(
        "admin",
        lambda t, folder, user: [
            *("report", "daily", "--date", "2026-03-16", "--out", str(folder / "day.csv")),
            *("--include-personal-data", "--user", user),
        ],
        None,
        "day.csv",
    ),
}

# Who tries, with which secret: each refused for another reason.
ATTEMPTS: dict[str, Callable[[str], tuple[str, str]]] = {
    "wrong secret": lambda role: (role, "not-the-secret"),
    "unknown user": lambda role: ("nobody", DEMO_SECRETS[role]),
    "locked out": lambda role: (LOCKED_USERS[role], LOCKED_SECRET),
    "role too low": lambda role: (ROLE_BELOW[role], DEMO_SECRETS[ROLE_BELOW[role]]),
}


def refused_cases():
    for name, command in COMMANDS.items():
        for attempt in ATTEMPTS:
            if attempt != "role too low" or command.least_role in ROLE_BELOW:  # any role may receive and print
                yield pytest.param(name, attempt, id=f"{name}: {attempt}")


def run(command: Command, template: Template, folder: Path, user: str, secret: str, monkeypatch, capsys):
    argv = ["--db", f"sqlite:///{folder / 'station.sqlite3'}", *command.arguments(template, folder, user)]
    if command.approving:  # the receiver receives, signed in; the user tried is the approving supervisor
        return run_in_process(
            argv,
            monkeypatch=monkeypatch,
            capsys=capsys,
            secret=DEMO_SECRETS["receiver"],
            approver_secret=secret,
            stdin=command.stdin,
        )
    return run_in_process(argv, monkeypatch=monkeypatch, capsys=capsys, secret=secret, stdin=command.stdin)


def made(path: Path) -> bool:
    return path.is_file() or (path.is_dir() and any(path.iterdir()))


@pytest.mark.parametrize(("name", "attempt"), list(refused_cases()))
def test_a_command_refuses_who_may_not_sign_in_or_may_not_do_it(
    template, shell, tmp_path, monkeypatch, capsys, name, attempt
) -> None:
    command = COMMANDS[name]
    user, secret = ATTEMPTS[attempt](command.least_role)
    events_before, records_before = event_types(shell), records_beside_sign_ins(shell)

    outcome = run(command, template, tmp_path, user, secret, monkeypatch, capsys)

    assert (outcome.code, outcome.stdout) == (3, "")
    assert len(outcome.stderr.splitlines()) == 1 and outcome.stderr.startswith("refused: ")
    if attempt == "role too low":
        needed = "an admin" if command.least_role == "admin" else "a supervisor or an admin"
        assert f"{user} is a {ROLE_BELOW[command.least_role]}; only {needed} may " in outcome.stderr
    else:  # a stranger learns nothing: unknown, locked and wrong secret read the same
        assert outcome.stderr == f"refused: {REFUSED}\n"
    written = event_types(shell)[len(events_before) :]
    assert written and set(written) <= SIGN_IN_EVENTS, written
    assert records_beside_sign_ins(shell) == records_before
    assert command.artefact is None or not made(tmp_path / command.artefact)


@pytest.mark.parametrize("name", COMMANDS)
def test_the_same_command_by_a_user_of_the_role_it_needs_is_done(
    template, shell, tmp_path, monkeypatch, capsys, name
) -> None:
    command = COMMANDS[name]
    role = command.least_role

    outcome = run(command, template, tmp_path, role, DEMO_SECRETS[role], monkeypatch, capsys)

    assert outcome.code == 0, outcome.stderr
    assert command.effect is None or command.effect in event_types(shell)
    assert command.artefact is None or made(tmp_path / command.artefact)


def test_receiving_as_a_locked_out_supervisor_is_refused_even_with_the_right_password(
    template, shell, tmp_path, monkeypatch, capsys
) -> None:
    url = f"sqlite:///{shell}"
    station = bootstrap(url, prepare=False, settings_path=tmp_path / "settings.json")
    try:
        for _ in range(MAX_FAILED_ATTEMPTS):
            with pytest.raises(SignInRefused):
                station.auth.sign_in("supervisor", "a-guess", station="bench-2")
    finally:
        station.close()
    before = event_types(shell)
    assert before[-1] == "user_locked_out"

    outcome = run(COMMANDS["receive"], template, tmp_path, "supervisor", "supervisor-demo", monkeypatch, capsys)

    assert (outcome.code, outcome.stderr) == (3, f"refused: {REFUSED}\n")
    assert event_types(shell)[len(before) :] == ["sign_in_refused_locked"]  # no inspection, no decision


def test_without_a_secret_the_command_stops_at_exit_2_and_records_nothing(
    template, shell, tmp_path, monkeypatch, capsys
) -> None:
    before = event_types(shell)
    argv = ["--db", f"sqlite:///{shell}", *COMMANDS["import catalog"].arguments(template, tmp_path, "admin")]

    outcome = run_in_process(argv, monkeypatch=monkeypatch, capsys=capsys)

    assert outcome.code == 2 and "RECEIVING_APP_PASSWORD" in outcome.stderr
    assert event_types(shell) == before


def test_a_catalog_import_records_each_weight_and_price_it_changes(template, shell, monkeypatch, capsys) -> None:
    database = ["--db", f"sqlite:///{shell}"]
    listed = run_in_process([*database, "catalog", "list", "--json"], monkeypatch=monkeypatch, capsys=capsys)
    toner = next(item for item in json.loads(listed.stdout) if item["sku"] == "TN-660")
    changed_file = shell.parent / "catalog.csv"
    with changed_file.open("w", newline="", encoding="utf-8") as handle:
        rows = csv.writer(handle)
        rows.writerow(CATALOG_HEADER.strip().split(","))
        kept = [toner[key] or "" for key in ("sku", "oem_part_number", "upc", "brand", "description", "category")]
        rows.writerow([*kept, toner["full_g"], "400.0", "47.58"])  # a lighter empty cartridge, a lower price
        rows.writerow(["TN-999", "TN999", "", "Brother", "Test toner", "toner", "800.0", "600.0", "49.99"])

    outcome = run_in_process(
        [*database, "import", "catalog", str(changed_file), "--user", "admin"],
        monkeypatch=monkeypatch,
        capsys=capsys,
        secret="admin-demo",
    )

    assert outcome.code == 0, outcome.stderr
    with closing(sqlite3.connect(shell)) as connection:
        user, payload = connection.execute(
            "SELECT user_name, payload FROM audit_events WHERE event_type = 'catalog_imported'"
        ).fetchone()
    items = {item["sku"]: item["changes"] for item in json.loads(payload)["items"]}
    assert user == "admin"
    assert items["TN-660"]["empty_g"] == {"from": toner["empty_g"], "to": "400.0"}
    assert items["TN-660"]["list_price"] == {"from": toner["list_price"], "to": "47.58"}
    assert not {"full_g", "description", "brand", "sku"} & set(items["TN-660"])  # what did not change is not listed
    assert items["TN-999"]["full_g"] == {"from": None, "to": "800.0"}
    assert items["TN-999"]["list_price"] == {"from": None, "to": "49.99"}
