"""The Settings page's time zone: an admin picks or types the station's zone, which the settings file
keeps; a name no time zone has is refused in words and nothing is saved; anyone else only reads it."""

from __future__ import annotations

import pytest

from receiving_app.gui.pages.settings import SettingsPage
from tests.support.demo_users import USERS

WAIT_MS = 15_000


def shown_page(qtbot, station, user: str) -> SettingsPage:
    page = SettingsPage(station, USERS[user])
    qtbot.add_widget(page)
    with qtbot.waitSignal(page.settings_loaded, timeout=WAIT_MS):
        page.show()
    return page


@pytest.fixture
def page(qtbot, station):
    return shown_page(qtbot, station, "admin")


def typed(page: SettingsPage, text: str) -> None:
    line = page.zone.zone_combo.lineEdit()
    line.setText(text)
    line.textEdited.emit(text)


def test_an_admin_sets_the_station_s_time_zone(qtbot, page, station) -> None:
    combo = page.zone.zone_combo
    assert combo.currentText() == ""  # this computer's, until a zone is chosen
    assert combo.findText("America/Los_Angeles") >= 0 and combo.isEnabled()

    typed(page, "America/Los_Angeles")
    assert page.ui.saveButton.isEnabled()
    with qtbot.waitSignal(page.settings_saved, timeout=WAIT_MS):
        page.ui.saveButton.click()

    assert station.settings_store.load().time_zone == "America/Los_Angeles"
    again = shown_page(qtbot, station, "admin")
    assert again.zone.zone_combo.currentText() == "America/Los_Angeles"
    assert not again.ui.saveButton.isEnabled()  # showing the saved zone is no change


def test_a_name_no_time_zone_has_is_refused_in_words(qtbot, page, station) -> None:
    typed(page, "Pacific/Atlantis")

    with qtbot.waitSignal(page.problem_shown) as problem:
        page.save()

    assert problem.args[0].startswith("Time zone: 'Pacific/Atlantis' is not a time zone this computer knows")
    assert station.settings_store.load().time_zone == ""


def test_a_receiver_reads_the_zone_but_cannot_change_it(qtbot, station) -> None:
    page = shown_page(qtbot, station, "receiver")
    assert not page.zone.zone_combo.isEnabled()
