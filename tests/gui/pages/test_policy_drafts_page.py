"""Drafts on the Policies page, by keyboard alone: an admin copies a seller's policy, changes its
fill threshold, replays it over the recorded decisions and publishes it; a mistake names its key
and saves nothing; a receiver sees the policies only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from receiving_app.bootstrap import bootstrap
from receiving_app.gui.pages.policies import PoliciesPage
from receiving_app.gui.pages.policy_publish_dialog import PublishDialog
from receiving_app.gui.pages.policy_replay_view import totals_rows
from receiving_app.gui.style import apply_station_style
from receiving_app.services.station import Station
from tests.support.bench_day import DAY, MORNING_AFTER, BenchClock
from tests.support.demo_users import USERS
from tests.support.policy_history import Calendar, prepared_policy_history

SERVICES = "image-pro-services"
DRAFT = f"{SERVICES}-draft"
SLOW_MS = 30_000  # a replay or a publication on a machine busy with other tests


@pytest.fixture
def station(tmp_path, qapp, database_templates) -> Iterator[Station]:
    apply_station_style(qapp)
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    database_templates.fill(url, "policy history", prepared_policy_history)
    built = bootstrap(url, settings_path=tmp_path / "settings.json", today=Calendar(DAY))
    built.units.clock = BenchClock(MORNING_AFTER)
    yield built
    built.close()


def policies_page(qtbot, station: Station, role: str) -> PoliciesPage:
    page = PoliciesPage(station, USERS[role])
    qtbot.add_widget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard's focus"
    return widget


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def choose_seller_and_start_a_draft(qtbot, page: PoliciesPage, policy_id: str) -> None:
    page.policy_list.setFocus()
    qtbot.waitUntil(page.policy_list.hasFocus)
    press(qtbot, Qt.Key.Key_Home)
    while page.policy_list.currentItem().data(Qt.ItemDataRole.UserRole) != policy_id:
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # the "Draft and replay" tab
    panel = page.draft_panel
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: not panel.runner.busy)
    with qtbot.waitSignal(panel.draft_shown):
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)


def test_an_admin_drafts_replays_and_publishes_by_keyboard(qtbot, station) -> None:
    page = policies_page(qtbot, station, "admin")
    panel = page.draft_panel
    choose_seller_and_start_a_draft(qtbot, page, SERVICES)

    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.form.fields["fill_rule.minimum_fraction"])
    with qtbot.waitSignal(panel.draft_shown):
        type_text(qtbot, "99")
        press(qtbot, Qt.Key.Key_Return)
    assert station.policy_drafts.read(DRAFT).data["fill_rule"]["minimum_fraction"] == "0.99"

    with qtbot.waitSignal(panel.replayed, timeout=SLOW_MS):
        press(qtbot, Qt.Key.Key_F5)
    expected = station.policy_replay.replay(
        station.policy_drafts.read(DRAFT), start=DAY - timedelta(days=30), end=DAY, user="admin", station="test"
    ).comparison
    shown = panel.comparison
    totals = [
        tuple(shown.totals.item(row, column).text() for column in range(4)) for row in range(shown.totals.rowCount())
    ]
    changed = [
        tuple(shown.changed.item(row, column).text() for column in range(3)) for row in range(shown.changed.rowCount())
    ]
    assert expected.changed and expected.after.denied > expected.before.denied
    assert totals == totals_rows(expected.before, expected.after)
    assert changed == [(item.key.rma, str(item.key.line), str(item.key.unit)) for item in expected.changed]
    assert shown.overridden.rowCount() == len(expected.overridden)
    assert shown.chart.chart().series()[0].count() == 2  # recorded and with the draft

    def confirm() -> None:
        dialog = next((widget for widget in QApplication.topLevelWidgets() if isinstance(widget, PublishDialog)), None)
        if dialog is None or not dialog.isVisible():
            return  # not open yet: the timer looks again
        waiting.stop()
        try:
            qtbot.waitUntil(dialog.publish_button.isEnabled, timeout=SLOW_MS)
            assert dialog.effective.date() == QDate(2026, 3, 17)  # tomorrow, unless changed
            differences.extend(dialog.sentences.item(row).text() for row in range(dialog.sentences.count()))
            # Enter in the dialog (its default button): sent to the dialog itself, since an offscreen
            # platform does not always give a new modal dialog the focus while others are open.
            qtbot.keyClick(dialog, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():  # a failed step must not leave the test waiting on a modal dialog
                dialog.reject()

    differences: list[str] = []

    waiting = QTimer(page)
    waiting.timeout.connect(confirm)
    waiting.start(50)
    with qtbot.waitSignal(panel.published, timeout=SLOW_MS):
        press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)

    assert any("0.99" in sentence or "99" in sentence for sentence in differences), differences
    versions = station.policy_publishing.versions(SERVICES)
    assert [(view.version, view.effective_on) for view in versions][-1] == ("2026-03-17", DAY + timedelta(days=1))


@pytest.mark.parametrize(
    ("key", "typed"),
    [("fill_rule.minimum_fraction", "150"), ("reasons.not_needed.windows[0].days", "-5")],
)
def test_an_invalid_figure_names_its_key_and_saves_nothing(qtbot, station, key, typed) -> None:
    page = policies_page(qtbot, station, "admin")
    panel = page.draft_panel
    choose_seller_and_start_a_draft(qtbot, page, SERVICES)
    before = station.policy_drafts.read(DRAFT).text

    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.form.first_field())
    while QApplication.focusWidget() is not panel.form.fields[key]:
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.runner.busy)

    assert panel.message.text().startswith(f"✖ {DRAFT}: {key}: ")
    assert QApplication.focusWidget() is panel.form.fields[key]
    assert station.policy_drafts.read(DRAFT).text == before


def test_a_receiver_sees_the_policies_without_any_draft_control(qtbot, station) -> None:
    page = policies_page(qtbot, station, "receiver")

    assert page.draft_panel is None
    assert page.findChild(QWidget, "policyDraftPanel") is None
    assert page.policy_text.isVisible() and SERVICES in [
        page.policy_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(page.policy_list.count())
    ]
