"""Settings: test prints through the chosen backend, the scale test and live reading, saving for
admins only, and a database URL that never shows its password."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from receiving_app.gui.pages.settings import SettingsPage, masked_database_url
from tests.support.demo_users import USERS

WAIT_MS = 15_000


@pytest.fixture
def open_settings(qtbot, station):
    def make(role: str = "admin") -> SettingsPage:
        page = SettingsPage(station, USERS[role])
        qtbot.add_widget(page)
        with qtbot.waitSignal(page.settings_loaded, timeout=WAIT_MS):
            page.show()
        return page

    return make


def choose_backend(row, backend: str, **fields: str) -> None:
    row.backend_combo.setCurrentIndex(row.backend_combo.findData(backend))
    for key, value in fields.items():
        row.edits[(backend, key)].setText(value)


def test_the_saved_settings_are_shown(open_settings, printed) -> None:
    page = open_settings()

    assert page.ui.stationIdEdit.text() == "S1"
    row = page.printers["credit_memo"]
    assert row.backend == "folder" and row.edits[("folder", "folder")].text() == str(printed)
    assert page.ui.protocolCombo.currentData() == "simulated"
    assert not page.ui.saveButton.isEnabled()


def test_a_test_print_to_a_folder_printer_succeeds(qtbot, open_settings, tmp_path) -> None:
    page = open_settings()
    row = page.printers["rma_label"]
    choose_backend(row, "folder", folder=str(tmp_path / "tests"))

    with qtbot.waitSignal(row.test_finished, timeout=WAIT_MS) as finished:
        row.test_button.click()

    assert finished.args[0] is True, finished.args[1]
    assert row.result.text().startswith("✔ Test page saved to folder (Save PDFs to folder")
    [pdf] = (tmp_path / "tests").glob("*.pdf")
    page_box = PdfReader(pdf).pages[0].mediabox
    assert (round(float(page_box.width) / 72, 1), round(float(page_box.height) / 72, 1)) == (4.0, 6.0)  # a label's size
    assert "Test print for the RMA label printer of station S1" in " ".join(
        PdfReader(pdf).pages[0].extract_text().split()
    )


def test_a_test_print_to_a_closed_port_shows_the_printers_error(qtbot, open_settings, closed_port) -> None:
    page = open_settings()
    row = page.printers["credit_memo"]
    choose_backend(row, "zpl", host="127.0.0.1", port=str(closed_port), timeout="2")

    with qtbot.waitSignal(row.test_finished, timeout=WAIT_MS) as finished:
        row.test_button.click()

    assert finished.args[0] is False
    assert "refused the connection" in finished.args[1]
    assert row.result.text().startswith("✖") and "refused the connection" in row.result.text()
    assert row.test_button.isEnabled()


def test_a_printer_setting_the_backend_refuses_is_shown_not_raised(qtbot, open_settings) -> None:
    page = open_settings()
    row = page.printers["denial_notice"]
    choose_backend(row, "zpl", host="127.0.0.1", port="ninety")

    with qtbot.waitSignal(row.test_finished, timeout=WAIT_MS) as finished:
        row.test_button.click()

    assert finished.args == [False, "Printer setting 'port' must be a positive whole number, got 'ninety'"]


def test_an_admin_saves_through_the_settings_store(qtbot, open_settings, station, tmp_path) -> None:
    page = open_settings()
    page.ui.stationIdEdit.setText("BENCH-2")
    page.ui.stationIdEdit.textEdited.emit("BENCH-2")
    choose_backend(page.printers["replacement_slip"], "cups", queue="front-office")
    page.ui.prefixEdit.setText("]C1")
    assert page.ui.saveButton.isEnabled()

    with qtbot.waitSignal(page.settings_saved, timeout=WAIT_MS):
        page.ui.saveButton.click()

    saved = station.settings_store.load()
    assert saved.station_id == "BENCH-2" and saved.scanner["prefix"] == "]C1"
    assert saved.printers["replacement_slip"] == {"backend": "cups", "queue": "front-office"}
    assert "Restart the station" in page.ui.messageLabel.text()


def test_an_empty_station_id_is_refused_in_words(qtbot, open_settings, station) -> None:
    page = open_settings()
    page.ui.stationIdEdit.clear()

    with qtbot.waitSignal(page.problem_shown) as problem:
        page.save()

    assert "station ID is empty" in problem.args[0]
    assert station.settings_store.load().station_id == "S1"


@pytest.mark.parametrize("role", ["receiver", "supervisor"])
def test_others_read_the_settings_and_may_still_test_a_printer(qtbot, open_settings, role, printed) -> None:
    page = open_settings(role)

    assert not page.ui.saveButton.isVisibleTo(page) and not page.ui.stationIdEdit.isEnabled()
    assert not page.printers["credit_memo"].backend_combo.isEnabled()
    assert "Only an admin" in page.ui.permissionLabel.text()
    with qtbot.waitSignal(page.printers["credit_memo"].test_finished, timeout=WAIT_MS) as finished:
        page.printers["credit_memo"].test_button.click()
    assert finished.args[0] is True
    assert list(printed.glob("TEST-credit_memo*.pdf"))


def test_the_scale_test_waits_for_a_stable_reading(qtbot, open_settings) -> None:
    page = open_settings()
    page.ui.scaleOptionsEdit.setText("weight=812.4 g, settle_readings=2")

    with qtbot.waitSignal(page.scale_read, timeout=WAIT_MS) as reading:
        page.ui.testScaleButton.click()

    assert reading.args == ["812.4 g — stable"]
    assert "stable 812.4 g" in page.ui.scaleMessage.text()


def test_the_live_reading_shows_the_scale_settling(qtbot, open_settings) -> None:
    page = open_settings()
    page.ui.scaleOptionsEdit.setText("weight=28.6 oz, settle_readings=1")
    readings = []
    page.scale_read.connect(readings.append)

    page.ui.liveReadingCheck.setChecked(True)
    qtbot.waitUntil(lambda: "28.6 oz — stable" in readings, timeout=WAIT_MS)
    page.ui.liveReadingCheck.setChecked(False)

    assert readings[0].endswith("moving")
    assert page.ui.readingLabel.text().startswith("✔ 28.6 oz")


def test_a_mistyped_scale_option_is_named(qtbot, open_settings) -> None:
    page = open_settings()
    page.ui.scaleOptionsEdit.setText("wieght=800 g")

    with qtbot.waitSignal(page.scale_read) as reading:
        page.ui.testScaleButton.click()

    assert reading.args[0] == "The simulated scale has no option 'wieght' (its options: weight, settle_readings)."


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql+psycopg://clerk:s3cr%40t@db.example:5432/warehouse",
            "postgresql+psycopg://clerk:***@db.example:5432/warehouse",
        ),
        ("postgresql+psycopg://clerk@db.example/warehouse", "postgresql+psycopg://clerk@db.example/warehouse"),
        ("sqlite:////var/lib/station/station.sqlite3", "sqlite:////var/lib/station/station.sqlite3"),
    ],
)
def test_the_database_url_never_shows_a_password(url, shown) -> None:
    assert masked_database_url(url) == shown


def test_the_page_shows_the_database_in_use(open_settings, station) -> None:
    assert open_settings("receiver").ui.databaseValue.text() == station.database_url
