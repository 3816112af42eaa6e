"""Python's cycle collector held off for a stretch of bulk work, and set back as it was afterwards.

A replay of a draft makes some ten small objects for each of a hundred thousand units and keeps few
of them; none of them refer to each other in a cycle, so reference counting frees them as they go.
The cycle collector would still walk them every few hundred allocations, and its passes cost about a
tenth of the replay. Anything that does form a cycle meanwhile is collected once the collector runs
again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """The cycle collector off for the ``with`` block; on again after it (on error too) if it was on."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
