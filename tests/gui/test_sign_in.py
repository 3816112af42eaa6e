"""Signing in at the start: a receiver's PIN lets them in, a wrong one says so and lets nobody in."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from receiving_app.gui.sign_in import SignInDialog


@pytest.fixture
def dialog(qtbot, station, runner) -> SignInDialog:
    widget = SignInDialog(station.auth, station.settings.station_id, runner)
    qtbot.add_widget(widget)
    widget.show()
    return widget


def test_a_receiver_signs_in_with_the_pin(qtbot, dialog) -> None:
    qtbot.keyClicks(dialog.ui.nameEdit, "receiver")
    qtbot.keyClick(dialog.ui.nameEdit, "\r")
    qtbot.keyClicks(dialog.ui.secretEdit, "1111")
    with qtbot.waitSignal(dialog.signed_in, timeout=10_000) as signed_in:
        qtbot.keyClick(dialog.ui.secretEdit, "\r")
    user = signed_in.args[0]
    assert (user.name, user.role) == ("receiver", "receiver")
    assert not dialog.isVisible()


def test_a_wrong_pin_is_refused_with_a_message_and_nobody_signs_in(qtbot, dialog, runner) -> None:
    signed_in = []
    dialog.signed_in.connect(signed_in.append)
    qtbot.keyClicks(dialog.ui.nameEdit, "receiver")
    qtbot.keyClicks(dialog.ui.secretEdit, "9999")
    qtbot.keyClick(dialog.ui.secretEdit, "\r")
    qtbot.waitUntil(lambda: "do not match" in dialog.ui.messageLabel.text(), timeout=10_000)
    assert signed_in == [] and dialog.user is None
    assert dialog.ui.secretEdit.text() == ""
    assert dialog.ui.messageLabel.text().startswith("✖")


def test_an_empty_form_asks_for_both_fields(dialog) -> None:
    dialog.ui.signInButton.click()
    assert "Type your user name" in dialog.ui.messageLabel.text()


def test_the_window_shows_who_is_signed_in(window) -> None:
    label = window.findChild(QLabel, "signedInLabel")
    assert (label.text(), label.toolTip()) == ("Riley Receiver (receiver)", "Signed in: Riley Receiver (receiver)")
