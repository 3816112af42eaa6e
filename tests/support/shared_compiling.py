"""Every engine a test process makes compiles a statement once for all of them.

SQLAlchemy keeps what it compiled per engine, keyed by the engine's dialect object. The station makes one
engine in its life; the suite makes one for each test (every test has a database of its own), so each
test compiled the station's statements anew: about a third of a database test's time. Here the engines
of one backend share one dialect object (the first to have connected, and so been set up), and with it
one cache of compiled statements. They keep their own pools and connections; the dialect is the same for
every database of a backend on one server.
What the station does outside the suite does not change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy import create_engine as create_own_engine
from sqlalchemy.util import LRUCache

from receiving_app.persistence import database

_SHARED: dict[tuple[str, str], tuple[Any, LRUCache]] = {}


def _engine_compiling_with_the_others(url: Any, **options: Any) -> Engine:
    engine = create_own_engine(url, **options)
    key = (engine.dialect.name, engine.dialect.driver)
    if key in _SHARED:
        dialect, compiled = _SHARED[key]
        engine.dialect = dialect
        engine.update_execution_options(compiled_cache=compiled)
        return engine

    @event.listens_for(engine, "connect", once=True)
    def share_once_set_up(_connection: object, _record: object) -> None:
        # SQLAlchemy's own listener, which runs before this one, sets the dialect up on the first
        # connection (the server's version, its settings): only a dialect set up is shared.
        _SHARED.setdefault(key, (engine.dialect, LRUCache(2000)))

    return engine


@contextmanager
def engines_compiling_once() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(database, "create_engine", _engine_compiling_with_the_others)
        yield
