"""A station's service made the first time it is asked for, so that a command loads only what it uses.

``receiving-app rma list`` uses the history and nothing else: built eagerly, the other services would
load reportlab, the accounting exports and e-mail for it, most of a second of every call. The window
asks for every service on its worker once its first window has painted (``Station.build_every_service``),
so no clerk's scan waits for one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, Protocol, TypeVar, cast, overload

Service = TypeVar("Service")


class MakesServices(Protocol):
    """What a service is built from: the station's builders, by attribute name, and the lock they are built under."""

    @property
    def builders(self) -> Mapping[str, Callable[[Any], object]]: ...

    @property
    def building(self) -> threading.RLock: ...


class BuiltOnUse(Generic[Service]):
    """A class attribute of the station: its builder runs on the first access, and the result is kept.

    Kept in the instance's ``__dict__``, which Python reads before a descriptor that only gets, so a
    later access costs a plain attribute look-up; the frozen dataclass's ``__setattr__`` is bypassed
    on purpose, as ``functools.cached_property`` does. Built under the station's lock (reentrant:
    one service's builder may ask for another), so two threads never make two of one service.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, station: None, owner: type) -> BuiltOnUse[Service]: ...

    @overload
    def __get__(self, station: MakesServices, owner: type) -> Service: ...

    def __get__(self, station: MakesServices | None, owner: type) -> BuiltOnUse[Service] | Service:
        if station is None:
            return self
        with station.building:
            kept = vars(station)
            if self.name not in kept:
                kept[self.name] = station.builders[self.name](station)
            return cast(Service, kept[self.name])
