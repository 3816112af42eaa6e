"""A station whose audit chain grows a received line at a time, its checkpoints as the database
holds them, and what someone with the database but not the chain key can do to them."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from receiving_app.persistence.row_sealing import sealed_table_names
from receiving_app.services.audit_check import ChainReport
from receiving_app.services.station import Station
from tests.support.receiving import receive
from tests.support.warehouse import Line, Rma, add_rmas

A_KEY_NOT_THE_STATIONS = bytes(range(32))


@dataclass
class GrowingChain:
    """A station and the RMAs it receives, one at a time, each adding a dozen or so events."""

    station: Station
    folder: Path
    received: int = 0

    def receive_another(self) -> int:
        """Receives one more unit (on an RMA of its own); returns the chain's length afterwards."""
        self.received += 1
        number = f"RA000{7000 + self.received}"
        add_rmas(self.station, self.folder, Rma(number, lines=(Line(),)))
        receive(self.station, number, 1)
        return self.head()

    def head(self) -> int:
        with self.station.units.read() as uow:
            return uow.records.audit_head().sequence

    def checkpoint(self) -> ChainReport:
        """A checkpoint signed at the head, as `audit checkpoint` makes it."""
        report = self.station.history.verify_audit_chain(full=False, checkpoint="always", station="bench-1")
        assert report.first_break is None and report.checkpoint_made == report.events, report.first_break
        return report

    def verify(self, *, full: bool = False) -> ChainReport:
        return self.station.history.verify_audit_chain(full=full)

    def sql(self, statement: str, **parameters: object) -> None:
        with self.station.units.engine.begin() as connection:
            connection.execute(text(statement), parameters)

    def sealed_rows(self) -> int:
        """How many rows that decide money or rights the database holds."""
        with self.station.units.engine.connect() as connection:
            return sum(
                connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in sealed_table_names()
            )

    def event_of_type(self, event_type: str, *, after: int = 0) -> int:
        with self.station.units.engine.connect() as connection:
            return connection.execute(
                text("SELECT min(sequence) FROM audit_events WHERE event_type = :type AND sequence > :after"),
                {"type": event_type, "after": after},
            ).scalar_one()

    def checkpoints(self) -> list[tuple[int, str]]:
        with self.station.units.engine.connect() as connection:
            return [
                (row.sequence, row.station_id)
                for row in connection.execute(text("SELECT sequence, station_id FROM audit_checkpoints ORDER BY id"))
            ]

    def forge_checkpoint(self, sequence: int) -> datetime:
        """A checkpoint at ``sequence`` with that event's true hash, signed with another key."""
        made_at = datetime(2026, 3, 16, 18, 0, tzinfo=UTC)
        with self.station.units.engine.begin() as connection:
            digest = connection.execute(
                text("SELECT hash FROM audit_events WHERE sequence = :s"), {"s": sequence}
            ).scalar_one()
            signature = hmac.new(A_KEY_NOT_THE_STATIONS, f"checkpoint:{sequence}".encode(), hashlib.sha256)
            connection.execute(
                text(
                    "INSERT INTO audit_checkpoints (sequence, hash, made_at, station_id, routing, signature) "
                    "VALUES (:sequence, :hash, :made_at, 'bench-9', '{}', :signature)"
                ),
                {
                    "sequence": sequence,
                    "hash": bytes(digest).hex(),  # the event keeps its hash's bytes, a checkpoint its hex digits
                    "made_at": made_at.replace(tzinfo=None),
                    "signature": signature.hexdigest(),
                },
            )
        return made_at


def grown(station: Station, folder: Path, units: int) -> GrowingChain:
    growing = GrowingChain(station, folder)
    for _unit in range(units):
        growing.receive_another()
    return growing
