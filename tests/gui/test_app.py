"""The application's start: sign in first, then the station window with who is signed in;
signing out (F10) closes the window and asks the next person to sign in."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from receiving_app.domain.errors import InputError
from receiving_app.gui.app import StationSession
from tests.support.gui_session import running_session, sign_in_by_keys


@pytest.fixture
def session(qtbot, station):
    with running_session(qtbot, station) as started:
        yield started


def test_signing_in_opens_the_window_and_f10_signs_out(qtbot, session) -> None:
    dialog = session.sign_in
    assert dialog.isVisible() and session.window is None
    sign_in_by_keys(qtbot, session, "supervisor", "supervisor-demo")
    window = session.window
    assert window is not None and window.isVisible()
    assert window.findChild(QLabel, "signedInLabel").text() == "Sam Supervisor (supervisor)"
    pages = window.ui.navigationList
    assert [pages.item(row).text() for row in range(pages.count())] == [
        "Receiving",
        "History",
        "Catalog",
        "Policies",
        "Reports",
        "Settings",
        "Check-in",
        "RMA desk",
        "Outbox",
    ]

    qtbot.keyClick(window.receiving.ui.linesTable, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: session.window is None and dialog.isVisible())
    assert dialog.ui.nameEdit.text() == "" and dialog.ui.messageLabel.text() == ""


@pytest.fixture
def quickly_locking(qtbot, station):
    with running_session(qtbot, station, idle_ms=300) as started:
        yield started


def test_an_idle_station_locks_and_the_same_clerk_comes_back_to_the_same_window(
    qtbot, quickly_locking, station
) -> None:
    session = quickly_locking
    sign_in_by_keys(qtbot, session, "receiver", "1111")
    window = session.window

    qtbot.waitUntil(lambda: session.sign_in.isVisible() and not window.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=5_000)
    with station.units.read() as uow:
        assert [event.event_type for event in uow.records.audit_chain()][-1] == "station_locked"

    sign_in_by_keys(qtbot, session, "receiver", "1111")
    assert session.window is window and window.isVisible()


def test_another_person_after_a_lock_gets_a_window_of_their_own(qtbot, quickly_locking) -> None:
    session = quickly_locking
    sign_in_by_keys(qtbot, session, "receiver", "1111")
    first = session.window
    qtbot.waitUntil(lambda: session.sign_in.isVisible(), timeout=5_000)

    sign_in_by_keys(qtbot, session, "supervisor", "supervisor-demo")

    assert session.window is not first and session.user.name == "supervisor"


def test_a_new_installation_creates_its_first_admin_before_anyone_signs_in(qtbot, tmp_path) -> None:
    from receiving_app.bootstrap import bootstrap

    empty = bootstrap(f"sqlite:///{tmp_path / 'new.sqlite3'}", settings_path=tmp_path / "settings.json")
    session = StationSession(empty.settings, lambda: empty)
    qtbot.add_widget(session.sign_in)
    try:
        session.start()
        qtbot.waitUntil(
            lambda: getattr(session, "first_admin", None) is not None and session.first_admin.isVisible(), timeout=5_000
        )
        dialog = session.first_admin
        assert not session.sign_in.isVisible()

        qtbot.keyClicks(dialog.ui.nameEdit, "ops")
        qtbot.keyClicks(dialog.ui.passwordEdit, "long-enough-1")
        qtbot.keyClicks(dialog.ui.confirmEdit, "long-enough-2")
        qtbot.keyClick(dialog.ui.confirmEdit, Qt.Key.Key_Return)
        assert "differ" in dialog.ui.messageLabel.text()

        qtbot.keyClicks(dialog.ui.passwordEdit, "long-enough-1")
        qtbot.keyClicks(dialog.ui.confirmEdit, "long-enough-1")
        with qtbot.waitSignal(dialog.created, timeout=10_000):
            qtbot.keyClick(dialog.ui.confirmEdit, Qt.Key.Key_Return)

        qtbot.waitUntil(session.sign_in.isVisible, timeout=5_000)
        assert session.sign_in.ui.nameEdit.text() == "ops"
        sign_in_by_keys(qtbot, session, "", "long-enough-1")
        assert session.user.role == "admin"
    finally:
        if session.window is not None:
            session.window.close()
        session.shut_down()
        empty.close()


def test_a_sign_in_sent_while_the_station_opens_waits_for_it_then_goes_ahead(qtbot, station) -> None:
    database_opened = threading.Event()

    def slow_to_open():
        database_opened.wait(10)
        return station

    session = StationSession(station.settings, slow_to_open)
    qtbot.add_widget(session.sign_in)
    try:
        session.start()
        qtbot.waitUntil(session.sign_in.isVisible, timeout=5_000)  # on screen before the database is open
        dialog = session.sign_in
        qtbot.keyClicks(dialog.ui.nameEdit, "receiver")
        qtbot.keyClicks(dialog.ui.secretEdit, "1111")
        qtbot.keyClick(dialog.ui.secretEdit, Qt.Key.Key_Return)
        assert "Opening the station's database" in dialog.ui.messageLabel.text()
        assert not dialog.ui.signInButton.isEnabled() and session.window is None

        with qtbot.waitSignal(dialog.signed_in, timeout=10_000):
            database_opened.set()
        assert session.window is not None and session.window.user.name == "receiver"
    finally:
        database_opened.set()
        if session.window is not None:
            session.window.close()
        session.shut_down()


def test_a_database_that_cannot_be_opened_is_said_in_the_sign_in_and_nobody_signs_in(qtbot, station) -> None:
    def unreachable():
        raise InputError("cannot reach the database at postgresql://db.warehouse/receiving: connection refused")

    session = StationSession(station.settings, unreachable)
    qtbot.add_widget(session.sign_in)
    try:
        session.start()
        dialog = session.sign_in
        qtbot.waitUntil(lambda: "could not open its database" in dialog.ui.messageLabel.text(), timeout=5_000)
        assert "connection refused" in dialog.ui.messageLabel.text()
        assert not dialog.ui.signInButton.isEnabled()
        assert isinstance(session.opening_error, InputError)  # the command reports it once the dialog closes

        qtbot.keyClicks(dialog.ui.nameEdit, "receiver")
        qtbot.keyClicks(dialog.ui.secretEdit, "1111")
        qtbot.keyClick(dialog.ui.secretEdit, Qt.Key.Key_Return)
        qtbot.wait(100)
        assert "could not open its database" in dialog.ui.messageLabel.text()
        assert session.window is None and session.user is None
    finally:
        session.shut_down()
