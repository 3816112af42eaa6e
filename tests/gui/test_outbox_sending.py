"""The open station sends its outbox by itself, on a worker: a return checked in while the window is open
has its e-mail written to the station's folder (no mail server here) without anyone asking."""

from __future__ import annotations

import email
import email.policy
import shutil

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.scan import parse_scan
from receiving_app.gui import outbox_sending
from tests.support.gui_session import running_session
from tests.support.gui_station import DATABASE_NAME, write_settings
from tests.support.warehouse import Rma, add_rmas


def test_the_station_sends_its_outbox_in_the_background(qtbot, tmp_path, demo_database, monkeypatch) -> None:
    monkeypatch.setattr(outbox_sending, "OUTBOX_PASS_MS", 50)  # every half minute at the station
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    shutil.copy(demo_database, tmp_path / DATABASE_NAME)
    station = bootstrap(f"sqlite:///{tmp_path / DATABASE_NAME}", settings_path=write_settings(tmp_path))
    folder = tmp_path / "data" / "receiving-app" / "outbox"
    try:
        with running_session(qtbot, station) as session:
            qtbot.waitUntil(lambda: session.outbox_sending is not None, timeout=10_000)
            add_rmas(station, tmp_path, Rma("RA-8101"))
            station.check_in.check_in(parse_scan("RA-8101"), user="receiver", station="dock-1")

            qtbot.waitUntil(lambda: folder.is_dir() and any(folder.glob("*.eml")), timeout=10_000)

        [written] = folder.glob("*.eml")
        message = email.message_from_bytes(written.read_bytes(), policy=email.policy.default)
        assert message["Subject"] == "Return RA-8101: your return has arrived"
        assert [entry.status for entry in station.outbox.messages(("sent",))] == ["sent"]
    finally:
        station.close()
