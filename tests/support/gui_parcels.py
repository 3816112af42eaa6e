"""Parcels for the window's tests: the demo's RMAs whose parcels are still on their way, by carrier, and
a scale feed the test drives reading by reading."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject, Signal

from receiving_app.devices.scales import ScaleReading, ScaleStatus
from receiving_app.domain.tracking import Carrier, TrackingNumber, tracking_number_from_text
from receiving_app.services.station import Station
from receiving_app.services.views import RmaView
from tests.support.demo_rmas import open_rmas
from tests.support.parcels import parcels


def not_arrived(station: Station) -> list[RmaView]:
    """The demo's open RMAs whose parcel nobody has checked in yet, each with its tracking number."""
    arrived = {rma for _label, _kind, _carrier, rma, _where in parcels(station)}
    return [rma for rma in open_rmas(station) if rma.number not in arrived and rma.tracking_numbers]


def not_arrived_by(station: Station, carrier: Carrier) -> tuple[RmaView, TrackingNumber]:
    """An RMA still on its way whose return parcel ``carrier`` carries, and its tracking number."""
    for rma in not_arrived(station):
        tracking = tracking_number_from_text(rma.tracking_numbers[0])
        if tracking is not None and tracking.carrier is carrier:
            return rma, tracking
    raise AssertionError(f"the demo has no {carrier.label} parcel on its way")


class DrivenScaleFeed(QObject):
    """Stands in for ``gui.scale_feed.ScaleFeed``: each reading is the one the test sends, when it sends it.

    Signals:
        reading(object): a ``ScaleReading``.
        problem(str): never sent; the window connects to it as to the real feed's.
    """

    reading = Signal(object)
    problem = Signal(str)
    protocol = "simulated"
    is_simulated = False  # no demo cartridge is set on the pan by the window

    def place_demo_item(self, _line) -> None:
        pass

    def set_on_pan(self, grams: str) -> None:
        """A cartridge set on the pan: a moving reading, then a stable one."""
        weight = Decimal(grams)
        self.reading.emit(ScaleReading(weight, weight, "g", ScaleStatus.MOVING, b""))
        self.still(grams)

    def still(self, grams: str) -> None:
        """The pan untouched: one more stable reading of what is on it."""
        weight = Decimal(grams)
        self.reading.emit(ScaleReading(weight, weight, "g", ScaleStatus.STABLE, b""))

    def start(self) -> None:
        pass

    def stop(self) -> None:
        pass
