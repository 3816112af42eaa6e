"""Station scales: one reading type, one interface, a driver per protocol, and ``read_stable``."""

from receiving_app.devices.scales.base import (
    GarbledFrame,
    Scale,
    ScaleError,
    ScaleNotResponding,
    ScaleReading,
    ScaleStatus,
    poll_reading,
    read_stable,
)
from receiving_app.devices.scales.registry import PROTOCOLS, Driver, open_scale
from receiving_app.devices.scales.simulated import ManualScale, SimulatedScale

__all__ = [
    "PROTOCOLS",
    "Driver",
    "GarbledFrame",
    "ManualScale",
    "Scale",
    "ScaleError",
    "ScaleNotResponding",
    "ScaleReading",
    "ScaleStatus",
    "SimulatedScale",
    "open_scale",
    "poll_reading",
    "read_stable",
]
