"""The station's settings: station id, paper, a printer per document type (each with a Test print),
the scale (protocol and port from the devices found, a live reading and a Test), the scanner's
prefix and suffix, the database in use with its password hidden, and where the outbox sends
(message_settings.py).

Admins edit and save; everyone else reads, and may still test a printer or the scale, which
changes nothing. The settings file is read and written in the background like any other I/O.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QWidget

from receiving_app.devices.discovery import Discovery, list_devices
from receiving_app.devices.scales import (
    PROTOCOLS,
    ScaleError,
    ScaleReading,
    ScaleStatus,
)
from receiving_app.domain.errors import InputError
from receiving_app.gui.forms.ui_pages_settings import Ui_SettingsPage
from receiving_app.gui.operations import OperationRunner
from receiving_app.gui.pages.feedback import (
    clear_message,
    show_message,
    show_problem,
    show_progress,
    show_success,
)
from receiving_app.gui.pages.message_settings import MessageSettingsGroup
from receiving_app.gui.pages.printer_row import PrinterRow
from receiving_app.gui.pages.scale_session import (
    ScaleChoice,
    ScaleSession,
    format_options,
    parse_options,
)
from receiving_app.gui.pages.zone_setting import ZoneSettingGroup
from receiving_app.gui.style import BAD, GOOD, MOVING, READING_POINT_SIZE, sized_font
from receiving_app.services.auth import SignedInUser
from receiving_app.services.settings import DOCUMENT_PRINTER_KEYS, StationSettings
from receiving_app.services.station import Station

SETTINGS_ROLES = frozenset({"admin"})
LIVE_READING_INTERVAL_MS = 500
PAGE_SIZES = (("letter", "Letter (8.5 × 11 in)"), ("a4", "A4 (210 × 297 mm)"))
RECEIPT_LAYOUTS = (("roll", "80 mm receipt roll"), ("page", "Full page"))
MAX_STATION_ID = 64  # the width of the station columns in the database
DEFAULT_INTERKEY_MS = 35
READING_TONES = {ScaleStatus.STABLE: GOOD, ScaleStatus.MOVING: MOVING, ScaleStatus.NOT_RESPONDING: BAD}


def masked_database_url(url: str) -> str:
    """The URL with any password replaced by ***, so the screen never shows a credential."""
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    user, colon, _password = userinfo.partition(":")
    if not at or not colon:
        return url
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def reading_words(reading: ScaleReading) -> str:
    if reading.value is None:
        return str(reading)
    return f"{reading.value} {reading.unit} — {reading.status.value.replace('_', ' ')}"


class SettingsPage(QWidget):
    """Station settings; admins save them through the settings store.

    Signals:
        settings_loaded(): the settings file was read and is on screen.
        settings_saved(object): the StationSettings written to the file.
        scale_read(str): a reading or a scale problem, as shown.
        problem_shown(str): a refusal or failure, as the clerk reads it.
    """

    settings_loaded = Signal()
    settings_saved = Signal(object)
    scale_read = Signal(str)
    problem_shown = Signal(str)

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._station = station
        self._user = signed_in_user
        self._runner = OperationRunner(self)
        self._scale = ScaleSession()
        self._loaded: StationSettings | None = None
        self.may_edit = signed_in_user.role in SETTINGS_ROLES
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        for label in (self.ui.messageLabel, self.ui.scaleMessage):
            clear_message(label)

        for value, title in PAGE_SIZES:
            self.ui.pageSizeCombo.addItem(title, value)
        for value, title in RECEIPT_LAYOUTS:
            self.ui.receiptLayoutCombo.addItem(title, value)
        for protocol, driver in PROTOCOLS.items():
            self.ui.protocolCombo.addItem(f"{protocol} — {driver.description}", protocol)
        self.ui.databaseValue.setText(masked_database_url(station.database_url))
        self.ui.readingLabel.setFont(sized_font(self.font(), READING_POINT_SIZE))

        self.printers: dict[str, PrinterRow] = {}
        for document_type in DOCUMENT_PRINTER_KEYS:
            row = PrinterRow(document_type, {}, self._paper_on_screen, station.printed_folder, self.ui.printersGroup)
            self.ui.printersLayout.addWidget(row)
            self.printers[document_type] = row
        self.messages = MessageSettingsGroup(self.ui.settingsContents)  # the outbox's: SMTP, webhooks
        self.ui.contentsLayout.insertWidget(self.ui.contentsLayout.indexOf(self.ui.databaseGroup) + 1, self.messages)
        self.zone = ZoneSettingGroup.added_to(self.ui.contentsLayout, self.messages, self._changed, self.may_edit)

        self._live_timer = QTimer(self)
        self._live_timer.setInterval(LIVE_READING_INTERVAL_MS)
        self._live_timer.timeout.connect(self._poll_scale)
        self.ui.liveReadingCheck.toggled.connect(self._live_toggled)
        self.ui.testScaleButton.clicked.connect(self.test_scale)
        self.ui.findDevicesButton.clicked.connect(self.find_devices)
        self.ui.protocolCombo.currentIndexChanged.connect(self._protocol_changed)
        self.ui.portCombo.activated.connect(self._port_chosen)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.revert)

        if self.may_edit:
            self.ui.permissionLabel.setVisible(False)
            for edit in (self.ui.stationIdEdit, self.ui.prefixEdit, self.ui.suffixEdit, self.ui.scaleOptionsEdit):
                edit.textEdited.connect(self._changed)
            for spin in (self.ui.idleLockSpin, self.ui.interkeySpin):
                spin.valueChanged.connect(self._changed)
            for combo in (self.ui.pageSizeCombo, self.ui.receiptLayoutCombo, self.ui.protocolCombo):
                combo.currentIndexChanged.connect(self._changed)
            self.ui.portCombo.editTextChanged.connect(self._changed)
            for row in self.printers.values():
                row.changed.connect(self._changed)
            self.messages.changed.connect(self._changed)
        else:
            self.ui.permissionLabel.setText(
                f"Only an admin can change these settings; {signed_in_user.display_name} ({signed_in_user.role}) "
                "can read them and test the printers and the scale."
            )
            self._set_editable(False)
        self._unchanged()
        self._loaded_once = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # Read the file and look for devices when the page is first shown, not when the window
        # is built: a station that never opens Settings never pays for either.
        if not self._loaded_once:
            self._loaded_once = True
            self._load()
            self.find_devices()

    # Loading and showing ------------------------------------------------------------------------

    def _load(self) -> None:
        service = self._station.settings_service
        self._runner.start(service.load, key="load", on_success=self._loaded_file, on_failure=self._problem)

    def _loaded_file(self, loaded: tuple[StationSettings, str | None]) -> None:
        settings, problem = loaded
        self._show(settings)
        if problem:
            show_problem(self.ui.messageLabel, problem)
        self.settings_loaded.emit()

    def _show(self, settings: StationSettings) -> None:
        self._loaded = settings
        self.ui.stationIdEdit.setText(settings.station_id)
        self.ui.idleLockSpin.setValue(settings.idle_lock_minutes)
        self.ui.pageSizeCombo.setCurrentIndex(max(0, self.ui.pageSizeCombo.findData(settings.page_size)))
        self.ui.receiptLayoutCombo.setCurrentIndex(max(0, self.ui.receiptLayoutCombo.findData(settings.receipt_layout)))
        for document_type, row in self.printers.items():
            row.set_settings(settings.printers.get(document_type, {}))
        choice = ScaleChoice.from_settings(settings.scale)
        self.ui.protocolCombo.setCurrentIndex(max(0, self.ui.protocolCombo.findData(choice.protocol)))
        self.ui.portCombo.setCurrentText(choice.port)
        self.ui.scaleOptionsEdit.setText(format_options(choice.options))
        self.ui.prefixEdit.setText(settings.scanner.get("prefix", ""))
        self.ui.suffixEdit.setText(settings.scanner.get("suffix", ""))
        interkey = settings.scanner.get("max_interkey_ms", "")
        self.ui.interkeySpin.setValue(int(interkey) if str(interkey).isdigit() else DEFAULT_INTERKEY_MS)
        self.messages.show_settings(settings)
        self.zone.show_settings(settings)
        self._unchanged()  # filling the boxes is not a change of the clerk's

    def _changed(self) -> None:
        self.ui.saveButton.setEnabled(True)
        self.ui.revertButton.setEnabled(True)

    def _unchanged(self) -> None:
        self.ui.saveButton.setEnabled(False)
        self.ui.revertButton.setEnabled(False)

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            self.ui.stationIdEdit,
            self.ui.idleLockSpin,
            self.ui.pageSizeCombo,
            self.ui.receiptLayoutCombo,
            self.ui.protocolCombo,
            self.ui.portCombo,
            self.ui.scaleOptionsEdit,
            self.ui.prefixEdit,
            self.ui.suffixEdit,
            self.ui.interkeySpin,
        ):
            widget.setEnabled(editable)
        for row in self.printers.values():
            row.set_editable(editable)
        self.messages.set_editable(editable)
        self.ui.saveButton.setVisible(editable)
        self.ui.revertButton.setVisible(editable)

    def _paper_on_screen(self) -> tuple[str, str, str]:
        """Station id, page size and receipt layout as they are on screen, for a test page."""
        return (
            self.ui.stationIdEdit.text().strip() or self._station.settings.station_id,
            self.ui.pageSizeCombo.currentData(),
            self.ui.receiptLayoutCombo.currentData(),
        )

    # Saving -----------------------------------------------------------------------------------------

    def settings_on_screen(self) -> StationSettings:
        """The settings as shown; InputError names the first field that cannot be saved."""
        station_id = self.ui.stationIdEdit.text().strip()
        if not station_id:
            raise InputError("The station ID is empty: every event and document names its station.")
        if len(station_id) > MAX_STATION_ID:
            raise InputError(f"The station ID is longer than {MAX_STATION_ID} characters.")
        base = self._loaded or self._station.settings
        return base.with_changes(
            station_id=station_id,
            idle_lock_minutes=self.ui.idleLockSpin.value(),
            page_size=self.ui.pageSizeCombo.currentData(),
            receipt_layout=self.ui.receiptLayoutCombo.currentData(),
            printers={document_type: row.settings() for document_type, row in self.printers.items() if row.settings()},
            scale=self.scale_choice().as_settings(),
            scanner={
                "prefix": self.ui.prefixEdit.text(),
                "suffix": self.ui.suffixEdit.text(),
                "max_interkey_ms": str(self.ui.interkeySpin.value()),
            },
            **self.messages.changes(),
            **self.zone.changes(),
        )

    def save(self) -> None:
        if not self.may_edit:
            self._problem("Only an admin can change the station's settings.")
            return
        try:
            settings = self.settings_on_screen()
        except InputError as error:
            self._problem(str(error))
            return
        service, user, station_id = self._station.settings_service, self._user, self._station.settings.station_id
        keep_secrets = self.messages.secrets_keeper(settings)
        self.ui.saveButton.setEnabled(False)
        show_progress(self.ui.messageLabel, "Saving…")
        self._runner.start(
            lambda: (keep_secrets(), service.save(settings, by=user, station=station_id)),
            key="save",
            on_success=lambda _: self._saved(settings),
            on_failure=self._save_failed,
        )

    def _saved(self, settings: StationSettings) -> None:
        self._loaded = settings
        self.ui.revertButton.setEnabled(False)
        # The running services were built from the settings at start-up (bootstrap), so the new
        # ones apply from the next start; the clerk is told rather than left guessing.
        show_success(
            self.ui.messageLabel,
            f"Saved to {self._station.settings_store.path}. Restart the station to use the new settings.",
        )
        self.settings_saved.emit(settings)

    def _save_failed(self, message: str) -> None:
        self.ui.saveButton.setEnabled(True)
        self._problem(message)

    def revert(self) -> None:
        if self._loaded is not None:
            self._show(self._loaded)
        clear_message(self.ui.messageLabel)

    # Scale ------------------------------------------------------------------------------------------

    def scale_choice(self) -> ScaleChoice:
        protocol = self.ui.protocolCombo.currentData()
        return ScaleChoice(
            protocol, self.ui.portCombo.currentText().strip(), parse_options(self.ui.scaleOptionsEdit.text(), protocol)
        )

    def _port_chosen(self, index: int) -> None:
        # The list says what each device is; the box keeps only the port, which is what is saved.
        self.ui.portCombo.setEditText(self.ui.portCombo.itemData(index))

    def _protocol_changed(self) -> None:
        driver = PROTOCOLS[self.ui.protocolCombo.currentData()]
        options = ", ".join(f"{option}=…" for option in driver.options)
        self.ui.scaleOptionsEdit.setPlaceholderText(options or "this protocol takes no options")
        self.ui.portCombo.lineEdit().setPlaceholderText("" if driver.needs_port else "not needed")

    def find_devices(self) -> None:
        self.ui.findDevicesButton.setEnabled(False)
        self._runner.start(list_devices, key="devices", on_success=self._show_devices, on_failure=self._devices_failed)

    def _show_devices(self, found: Discovery) -> None:
        self.ui.findDevicesButton.setEnabled(True)
        typed = self.ui.portCombo.currentText()
        # Refilling the list is not the clerk changing the port, so it must not offer a Save.
        was_blocked = self.ui.portCombo.blockSignals(True)
        self.ui.portCombo.clear()
        for device in found.devices:
            self.ui.portCombo.addItem(f"{device.port} — {device.description}", device.port)
        self.ui.portCombo.setCurrentText(typed)
        self.ui.portCombo.blockSignals(was_blocked)
        clear_message(self.ui.scaleMessage)
        self.ui.scaleMessage.setText(" ".join([f"Devices found: {len(found.devices)}.", *found.notes]))
        self.ui.scaleMessage.setVisible(True)

    def _devices_failed(self, message: str) -> None:
        self.ui.findDevicesButton.setEnabled(True)
        show_problem(self.ui.scaleMessage, f"Could not look for devices: {message}")

    def _live_toggled(self, on: bool) -> None:
        if on:
            self._live_timer.start()
            self._poll_scale()
        else:
            self._live_timer.stop()
            self._runner.start(self._scale.close)

    def _poll_scale(self) -> None:
        if self._runner.is_running("scale"):
            return  # the last reading is still coming; never queue readings behind a slow scale
        try:
            choice = self.scale_choice()
        except ScaleError as error:
            self._scale_problem(str(error))
            return
        self._runner.start(
            lambda: self._scale.poll(choice), key="scale", on_success=self._show_reading, on_failure=self._scale_problem
        )

    def test_scale(self) -> None:
        try:
            choice = self.scale_choice()
        except ScaleError as error:
            self._scale_problem(str(error))
            return
        self.ui.testScaleButton.setEnabled(False)
        show_progress(self.ui.scaleMessage, "Waiting for a stable reading…")
        self._runner.start(
            lambda: self._scale.read_stable(choice),
            key="scale-test",
            on_success=self._tested,
            on_failure=self._test_failed,
        )

    def _show_reading(self, reading: ScaleReading) -> None:
        tone = READING_TONES.get(reading.status, BAD)
        text = reading_words(reading)
        show_message(self.ui.readingLabel, text, tone)
        self.scale_read.emit(text)

    def _tested(self, reading: ScaleReading) -> None:
        self.ui.testScaleButton.setEnabled(True)
        self._show_reading(reading)
        show_success(self.ui.scaleMessage, f"The scale answers: a stable {reading.value} {reading.unit}.")

    def _test_failed(self, message: str) -> None:
        self.ui.testScaleButton.setEnabled(True)
        self._scale_problem(message)

    def _scale_problem(self, message: str) -> None:
        # A scale that cannot be read stops the live reading instead of failing twice a second.
        self.ui.liveReadingCheck.setChecked(False)
        show_problem(self.ui.scaleMessage, message)
        self.scale_read.emit(message)

    def hideEvent(self, event) -> None:
        # Leaving the page releases the scale's port for the receiving screen.
        self.ui.liveReadingCheck.setChecked(False)
        super().hideEvent(event)

    def _problem(self, message: str) -> None:
        show_problem(self.ui.messageLabel, message)
        self.problem_shown.emit(message)
