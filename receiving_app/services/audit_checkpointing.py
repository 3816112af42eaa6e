"""Verifying the audit trail and, where it was found whole, signing a checkpoint at its head.

The next verify starts from that checkpoint, so that a day's check replays a day's events rather
than every year's. A verify leaves one only when it found the whole trail in order and the chain
has grown by at least ``CHECKPOINT_AFTER`` events past the newest checkpoint it trusts (fewer save
the next verify only milliseconds, and each is a row kept for good); ``audit checkpoint`` leaves
one whenever the chain has grown at all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from receiving_app.domain.audit_checkpoints import Checkpoint, routing_text, signed
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.audit_check import ChainReport, StationRouting, check_audit_trail

CHECKPOINT_AFTER = 1_000
CheckpointWhen = Literal["never", "when due", "always"]


def verify_audit_trail(
    units: UnitOfWorkFactory,
    routing: StationRouting | None = None,
    *,
    full: bool = True,
    checkpoint: CheckpointWhen = "never",
    station: str = "",
) -> ChainReport:
    """The trail checked (from the first event when ``full``, else from the newest good checkpoint),
    then a checkpoint signed at the head it verified, as ``checkpoint`` says."""
    with units.read() as uow:
        report = check_audit_trail(uow, routing, full=full)
    if not _due(report, checkpoint):
        return report
    with units.write() as uow:
        made = signed(
            Checkpoint(report.events, report.head_hash, uow.clock(), station, routing_text(report.routing)),
            uow.chain_key(),
        )
        uow.records.add_audit_checkpoint(made)
        uow.commit()
    return replace(report, checkpoint_made=made.sequence)


def _due(report: ChainReport, checkpoint: CheckpointWhen) -> bool:
    if checkpoint == "never" or report.first_break is not None or report.events == 0:
        return False
    grown = report.events - report.trusted_checkpoint
    return grown >= CHECKPOINT_AFTER if checkpoint == "when due" else grown > 0
