"""Printer ports on 127.0.0.1: one that listens, one that refuses, one that never answers."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest


class RawPortServer:
    """A printer's raw port (9100) on 127.0.0.1: accepts one connection and keeps what it gets."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(10)
        self.port = self._listener.getsockname()[1]
        self._received = bytearray()
        self._thread = threading.Thread(target=self._receive_one_connection, daemon=True)
        self._thread.start()

    def _receive_one_connection(self) -> None:
        try:
            connection, _ = self._listener.accept()
        except TimeoutError:
            return
        with connection:
            connection.settimeout(10)
            while chunk := connection.recv(65536):
                self._received += chunk

    def received(self) -> bytes:
        """Everything sent, once the sender has closed its side (or after 10 s at most)."""
        self._thread.join(timeout=10)
        assert not self._thread.is_alive(), "the sender never closed the connection"
        return bytes(self._received)

    def close(self) -> None:
        self._listener.close()
        self._thread.join(timeout=10)


@pytest.fixture
def raw_port_server() -> Iterator[RawPortServer]:
    server = RawPortServer()
    yield server
    server.close()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def unresponsive_port() -> Iterator[int]:
    """A port whose listener never accepts and whose backlog is full, so a new connection
    hangs exactly as with a printer that is switched off behind a switch."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            yield port
