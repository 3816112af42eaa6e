"""Operators and trust: sign-in, lockout, the first admin, and each permission at the service layer
and through the shell."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from receiving_app.services.auth import SignInRefused
from receiving_app.services.commands import Override, ReceiveLine
from receiving_app.services.errors import NotAllowed
from receiving_app.services.users import UserService
from tests.support.cli import run_cli
from tests.support.race import receive_for_race
from tests.support.warehouse import Rma, add_rmas


def events(station) -> list[str]:
    with station.units.read() as uow:
        return [event.event_type for event in uow.records.audit_chain()]


def test_sign_in_by_pin_and_password_and_every_attempt_is_audited(station) -> None:
    assert station.auth.sign_in("receiver", "1111", station="bench-1").role == "receiver"
    assert station.auth.sign_in("supervisor", "supervisor-demo", station="bench-1").is_supervisor
    with pytest.raises(SignInRefused, match="do not match"):
        station.auth.sign_in("receiver", "9999", station="bench-1")
    with pytest.raises(SignInRefused, match="do not match"):
        station.auth.sign_in("nobody", "1111", station="bench-1")
    assert events(station)[-4:] == ["signed_in", "signed_in", "sign_in_failed", "sign_in_failed"]


def test_the_warm_up_before_the_first_sign_in_records_and_changes_nothing(station) -> None:
    before = events(station)
    station.auth.warm_up()
    assert events(station) == before
    assert station.auth.sign_in("receiver", "1111", station="bench-1").role == "receiver"


def test_a_pin_hashed_under_older_parameters_still_signs_in_and_is_rehashed_under_todays(station) -> None:
    from argon2 import PasswordHasher

    from receiving_app.services.passwords import HASHER

    older = PasswordHasher()  # argon2-cffi's default, which the station used before
    with station.units.write() as uow:
        uow.records.user("receiver").secret_hash = older.hash("1111")
        uow.commit()

    assert station.auth.sign_in("receiver", "1111", station="bench-1").name == "receiver"

    with station.units.read() as uow:
        upgraded = uow.records.user("receiver").secret_hash
        signed_in = [event for event in uow.records.audit_chain() if event.event_type == "signed_in"][-1]
    assert not HASHER.check_needs_rehash(upgraded) and HASHER.verify(upgraded, "1111")
    assert json.loads(signed_in.payload)["hash_upgraded"] is True
    station.auth.sign_in("receiver", "1111", station="bench-1")  # and the new hash signs in as well


def test_ten_failures_lock_a_user_out_for_thirty_minutes(station) -> None:
    for _ in range(10):
        with pytest.raises(SignInRefused):
            station.auth.sign_in("receiver", "0000", station="bench-1")
    with pytest.raises(SignInRefused) as locked:
        station.auth.sign_in("receiver", "1111", station="bench-1")
    with pytest.raises(SignInRefused) as unknown:
        station.auth.sign_in("nobody", "1111", station="bench-1")
    assert str(locked.value) == str(unknown.value)  # a locked name answers as an unknown one does
    assert "user_locked_out" in events(station) and events(station)[-2] == "sign_in_refused_locked"

    station.units.clock = lambda: datetime.now(UTC) + timedelta(minutes=31)
    assert station.auth.sign_in("receiver", "1111", station="bench-1").name == "receiver"


def test_a_new_installation_creates_its_first_admin_and_only_then(database_url) -> None:
    from receiving_app.bootstrap import bootstrap

    station = bootstrap(database_url)
    try:
        users = UserService(station.units)
        assert users.needs_first_admin()
        users.create_first_admin("ops", "Ops Lead", "a-long-password", station="bench-1")
        assert not users.needs_first_admin()
        with pytest.raises(NotAllowed):
            users.create_first_admin("other", "Other", "another-password", station="bench-1")
        assert station.auth.sign_in("ops", "a-long-password", station="bench-1").role == "admin"
        assert "user_added" in events(station)
    finally:
        station.close()


def test_only_admins_add_users(station) -> None:
    supervisor = station.auth.sign_in("supervisor", "supervisor-demo", station="bench-1")
    admin = station.auth.sign_in("admin", "admin-demo", station="bench-1")
    with pytest.raises(NotAllowed):
        station.users.add_user(supervisor, "kim", "Kim", "receiver", "2468", station="bench-1")
    station.users.add_user(admin, "kim", "Kim", "receiver", "2468", station="bench-1")
    assert station.auth.sign_in("kim", "2468", station="bench-1").role == "receiver"


def test_a_receiver_cannot_do_a_supervisors_work_through_the_services(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000501"), Rma("RA0000502", account="C2"))
    with pytest.raises(NotAllowed):
        station.receiving.receive(
            ReceiveLine("RA0000501", 1, "receiver", "bench-1", override=Override("receiver", "refund", "mine"))
        )
    station.line_actions.hold("RA0000502", 1, user="receiver", station="bench-1", note="waiting")
    with pytest.raises(NotAllowed):
        station.line_actions.release_hold("RA0000502", 1, user="receiver", station="bench-1")
    _, documents = receive_for_race(station.database_url, tmp_path / "settings.json", "RA0000501", 1, "bench-1")
    with pytest.raises(NotAllowed):
        station.history.void_document(documents[0][1], user="receiver", station="bench-1", reason="oops")


def test_a_receiver_cannot_do_a_supervisors_work_from_the_shell(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000503"))
    _, documents = receive_for_race(station.database_url, tmp_path / "settings.json", "RA0000503", 1, "bench-1")
    memo = documents[0][1]
    environment = {"RECEIVING_APP_DB": station.database_url}

    as_receiver = run_cli(
        "documents",
        "void",
        memo,
        "--user",
        "receiver",
        "--reason",
        "x",
        env={**environment, "RECEIVING_APP_PASSWORD": "1111"},
    )
    pretending = run_cli(
        "documents",
        "void",
        memo,
        "--user",
        "supervisor",
        "--reason",
        "x",
        env={**environment, "RECEIVING_APP_PASSWORD": "1111"},
    )
    no_password = run_cli("documents", "void", memo, "--user", "supervisor", "--reason", "x", env=environment)
    adding = run_cli(
        "users",
        "add",
        "eve",
        "--role",
        "admin",
        "--user",
        "receiver",
        stdin="password-123\n",
        env={**environment, "RECEIVING_APP_PASSWORD": "1111"},
    )

    assert (as_receiver.code, pretending.code, no_password.code, adding.code) == (3, 3, 2, 3)
    assert not station.history.show_rma("RA0000503").decisions[0].documents[0].voided
    supervisor = run_cli(
        "documents",
        "void",
        memo,
        "--user",
        "supervisor",
        "--reason",
        "sent twice",
        env={**environment, "RECEIVING_APP_PASSWORD": "supervisor-demo"},
    )
    assert supervisor.code == 0, supervisor.stderr
    assert station.history.show_rma("RA0000503").decisions[0].documents[0].voided


def test_only_admins_change_settings_and_each_change_is_recorded(station) -> None:
    service = station.settings_service
    settings, _ = service.load()
    changed = settings.with_changes(page_size="a4", idle_lock_minutes=5)
    supervisor = station.auth.sign_in("supervisor", "supervisor-demo", station="bench-1")
    admin = station.auth.sign_in("admin", "admin-demo", station="bench-1")

    with pytest.raises(NotAllowed):
        service.save(changed, by=supervisor, station="bench-1")
    assert service.load()[0].page_size == "letter"
    service.save(changed, by=admin, station="bench-1")

    assert (service.load()[0].page_size, service.load()[0].idle_lock_minutes) == ("a4", 5)
    with station.units.read() as uow:
        last = list(uow.records.audit_chain())[-1]
    assert (last.event_type, last.user) == ("settings_changed", "admin")
    assert '"changed":["idle_lock_minutes","page_size"]' in last.payload
