"""What the bench does to a line or unit besides deciding it: hold the line (F3), record the unit as
not arrived (F4), a supervisor's override (F6) or release of a hold (F8), and damage photos (F7)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from receiving_app.gui.accepting import receive_key
from receiving_app.gui.dialogs import NoteDialog, OverrideDialog, ReleaseHoldDialog, verify_supervisor
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.photos import PHOTO_FILE_FILTER, CameraDialog, read_photo_files, station_has_camera
from receiving_app.gui.style import BAD, GOOD, MOVING
from receiving_app.services.commands import Override

if TYPE_CHECKING:
    from receiving_app.gui.receiving_screen import ReceivingScreen


class LineActions:
    """The screen's line and unit actions other than Enter."""

    def __init__(self, screen: ReceivingScreen) -> None:
        self._screen = screen

    def hold_line(self) -> None:
        screen = self._screen
        line = screen.current_line
        if screen.rma is None or line is None:
            screen.workable("hold")
            return
        if line.status != "open":
            screen.feedback(BAD, f"Line {line.line} is {line.status.replace('_', ' ')}: nothing to hold.", alarm=True)
            return
        dialog = NoteDialog("Hold line", f"Why does line {line.line} ({line.sku}) wait?", required=True, parent=screen)
        dialog.note_given.connect(lambda note: self._change("hold", line.line, note))
        dialog.open()

    def mark_not_received(self) -> None:
        screen = self._screen
        if not screen.workable("mark as not received"):
            return
        line, unit, where = screen.current_line, screen.current_unit, screen.where()
        dialog = NoteDialog(
            "Did not arrive",
            f"{where} ({line.sku}) was not in the parcel. A note (optional):",
            required=False,
            parent=screen,
        )
        dialog.note_given.connect(lambda note: self._change("not_received", line.line, note, unit=unit))
        dialog.open()

    def override_line(self) -> None:
        screen = self._screen
        if not screen.workable("override"):
            return
        dialog = OverrideDialog(screen)
        auth, station_id = screen.station.auth, screen.station.settings.station_id
        dialog.override_requested.connect(
            lambda supervisor, password, outcome, reason: verify_supervisor(
                dialog,
                screen.runner,
                auth,
                station_id,
                supervisor,
                password,
                lambda signed_in: screen.acceptor.accept(Override(signed_in.name, outcome, reason)),
            )
        )
        dialog.open()

    def release_line(self) -> None:
        screen = self._screen
        line = screen.current_line
        if screen.rma is None or line is None:
            screen.feedback(
                BAD, "Scan an RMA and pick its line on hold (↑/↓ or scan the cartridge) to release it.", alarm=True
            )
            return
        if line.status != "on_hold":
            screen.feedback(
                BAD,
                f"Line {line.line} is {line.status.replace('_', ' ')}, not on hold: nothing to release.",
                alarm=True,
            )
            return
        dialog = ReleaseHoldDialog(
            f"Line {line.line} ({line.sku}) is on hold: {line.hold_note}. A supervisor releases it for receiving.",
            screen,
        )
        dialog.open_for(
            screen.runner,
            screen.station.auth,
            screen.station.settings.station_id,
            lambda signed_in, note: self._change("release", line.line, note, by=signed_in.name),
        )

    def _change(self, change: str, line_no: int, note: str, *, by: str | None = None, unit: int | None = None) -> None:
        """Hold a line, record a unit as not received, or release a hold (``by`` the supervisor who did)."""
        screen = self._screen
        number, user, station_id = screen.rma.number, by or screen.user.name, screen.station.settings.station_id
        line_actions, history = screen.station.line_actions, screen.station.history
        where = screen.where() if unit is not None else f"Line {line_no}"

        def change_it():
            if change == "hold":
                line_actions.hold(number, line_no, user=user, station=station_id, note=note)
            elif change == "release":
                line_actions.release_hold(number, line_no, user=user, station=station_id, note=note)
            else:
                line_actions.mark_not_received(number, line_no, user=user, station=station_id, note=note, unit=unit)
            return history.show_rma(number)

        def changed(detail) -> None:
            screen.show_detail(detail)
            if change == "release":
                screen.select_line(line_no)
                screen.feedback(GOOD, f"Line {line_no} is released by {user}: weigh and inspect it.", keep=True)
                return
            done = "is on hold" if change == "hold" else "is recorded as not received"
            closing = screen.advance_after(line_no, unit)
            screen.feedback(MOVING, f"{where} {done}.{closing}", keep=True)

        screen.runner.start(
            change_it,
            owner=screen,
            key=receive_key(number, line_no),
            on_success=changed,
            on_failure=lambda message: screen.feedback(BAD, message, alarm=True),
        )

    # Photos --------------------------------------------------------------------------------------

    def add_photo(self) -> None:
        screen = self._screen
        if not screen.workable("add a photo to"):
            return
        if station_has_camera():
            camera = CameraDialog(screen)
            camera.photo_taken.connect(lambda photo: screen.inspection_panel.add_photos([photo]))
            camera.open()
            return
        names, _ = QFileDialog.getOpenFileNames(screen, "Damage photos", "", PHOTO_FILE_FILTER)
        if names:
            self.attach_photo_files([Path(name) for name in names])

    def attach_photo_files(self, paths: Sequence[Path]) -> None:
        """Read photo files in the background and add them to the unit's inspection."""
        screen = self._screen
        where = screen.where()
        screen.runner.start(
            lambda: read_photo_files(paths),
            owner=screen,
            on_success=lambda photos: self._photos_read(photos, where),
            on_failure=lambda message: screen.feedback(BAD, message, alarm=True),
        )

    def _photos_read(self, photos, where: str) -> None:
        screen = self._screen
        if screen.where() != where or not screen.unit_is_open():
            screen.feedback(
                BAD,
                f"The photos were for {where}, which is no longer on screen: add them again there "
                f"({key_label(Command.PHOTO)}).",
                alarm=True,
            )
            return
        screen.inspection_panel.add_photos(photos)
        screen.feedback(GOOD, f"{len(photos)} photo(s) added to {where[:1].lower()}{where[1:]}.")
