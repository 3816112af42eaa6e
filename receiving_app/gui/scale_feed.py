"""Live readings from the station's scale, polled on a thread of their own.

A serial scale can take a whole timeout to answer (or not answer at all when unplugged), so
the polling never runs on the UI thread: a ``ScalePoller`` lives on a ``QThread`` and reports
each reading by signal. ``ScaleFeed`` is the UI thread's handle on that thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from receiving_app.devices.scales import Scale, ScaleError, SimulatedScale, open_scale, poll_reading
from receiving_app.domain.weight import Weight
from receiving_app.services.views import RmaLineView

POLL_INTERVAL_MS = 200
READ_TIMEOUT_S = 1.0
DEFAULT_SCALE = {"protocol": "simulated"}
# The simulated scale of the demo puts each line's cartridge on the platter at a different fill
# level, so that a demo run shows a refund, a fee and a denial rather than one weight forever.
# Line 1's is a sealed new cartridge (full weight, inside the demo catalog's sealed band of full
# ± 1.5 %), so the demo opens on a clean refund.
DEMO_FILL_LEVELS = (Decimal("1.00"), Decimal("0.62"), Decimal("0.04"), Decimal("0.88"))


def demo_weight_for(line: RmaLineView) -> Weight:
    fill = DEMO_FILL_LEVELS[(line.line - 1) % len(DEMO_FILL_LEVELS)]
    grams = line.empty_g + (line.full_g - line.empty_g) * fill
    return Weight(grams.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


class ScalePoller(QObject):
    """Opens the scale and asks it for a weight every interval, on the thread it was moved to.

    Signals:
        reading(object): each ``ScaleReading``, moving or stable.
        problem(str): why there is no reading (cannot open, garbled frame, a setting to fix).
    """

    reading = Signal(object)
    problem = Signal(str)

    def __init__(self, scale_settings: Mapping[str, str], interval_ms: int) -> None:
        super().__init__()
        options = dict(scale_settings or DEFAULT_SCALE)
        self._protocol = options.pop("protocol", "simulated")
        self._port = options.pop("port", "")
        self._options = options
        self._interval_ms = interval_ms
        self._scale: Scale | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start_polling(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        self._poll()

    @Slot()
    def stop_polling(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._scale is not None:
            self._scale.close()
            self._scale = None

    @Slot(object)
    def place_demo_item(self, weight: Weight) -> None:
        if isinstance(self._scale, SimulatedScale):
            # The last unit comes off and the next goes on: the motion lets the panel capture again.
            self._scale.swap(weight)

    def _poll(self) -> None:
        try:
            if self._scale is None:
                self._scale = open_scale(self._protocol, self._port, **self._options)
            self.reading.emit(poll_reading(self._scale, READ_TIMEOUT_S))
        except ScaleError as error:
            self.problem.emit(str(error))
        except OSError as error:
            # A port that vanished: forget the scale and open it again on the next poll.
            self._scale = None
            self.problem.emit(f"scale on {self._port or self._protocol}: {error.strerror or error}")


class ScaleFeed(QObject):
    """Starts and stops the polling thread and passes its readings on.

    Signals:
        reading(object): a ``ScaleReading`` from the scale.
        problem(str): a message about the scale for the weight panel.
    """

    reading = Signal(object)
    problem = Signal(str)
    _place_requested = Signal(object)

    def __init__(
        self, scale_settings: Mapping[str, str], *, interval_ms: int = POLL_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.protocol = dict(scale_settings or DEFAULT_SCALE).get("protocol", "simulated")
        self._thread = QThread(self)
        self._thread.setObjectName("scale-poller")
        self._poller = ScalePoller(scale_settings, interval_ms)
        self._poller.moveToThread(self._thread)
        self._thread.started.connect(self._poller.start_polling)
        # finished is emitted on the polling thread as it ends: the port is closed there, in order.
        self._thread.finished.connect(self._poller.stop_polling)
        self._thread.finished.connect(self._poller.deleteLater)
        self._poller.reading.connect(self.reading)
        self._poller.problem.connect(self.problem)
        self._place_requested.connect(self._poller.place_demo_item)

    @property
    def is_simulated(self) -> bool:
        return self.protocol == "simulated"

    def start(self) -> None:
        self._thread.start()

    def place_demo_item(self, line: RmaLineView) -> None:
        """On the demo's simulated scale, lift the last cartridge off and set this line's unit on.

        Called for each unit the bench moves to: a short spell of readings in motion comes before
        the new stable weight, so the weight panel captures each unit afresh, unit after unit.
        """
        if self.is_simulated:
            self._place_requested.emit(demo_weight_for(line))

    def stop(self) -> None:
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait(int(READ_TIMEOUT_S * 1000) + 2000)
