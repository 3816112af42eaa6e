"""The open station's own sender: every half minute, on a worker thread of its own, one pass of the outbox
(services/outbox_sender.py), so customers' e-mails and webhooks leave while the bench works.

It has its own runner, one thread: a pass waiting on a slow mail server never holds up the bench's
work and never lights the window's "Working…" bar. A pass that fails (a mail server's address that
cannot be used, a database that is away) is logged and tried again at the next tick.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from receiving_app.gui.operations import OperationRunner
from receiving_app.services.station import Station

log = logging.getLogger(__name__)

OUTBOX_PASS_MS = 30_000
PASS_KEY = "outbox-pass"


class OutboxSending(QObject):
    def __init__(self, station: Station, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sender = station.outbox_sender
        self._runner = OperationRunner(self, max_threads=1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.send_now)
        self._timer.start(OUTBOX_PASS_MS)

    def send_now(self) -> None:
        """One pass, unless the last one is still going."""
        self._runner.start(
            self._sender.send_pass,
            key=PASS_KEY,
            on_failure=lambda message: log.warning("the outbox could not be sent: %s", message),
        )

    def stop(self) -> None:
        """No further pass; the one going is let finish (its claim would otherwise wait five minutes)."""
        self._timer.stop()
        self._runner.wait_for_done()
