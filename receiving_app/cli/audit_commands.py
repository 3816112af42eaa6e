"""`receiving-app audit verify`, `audit checkpoint`, `audit export-key` and `audit import-key`:
whether the tamper-evident audit trail is still whole, where it was last found whole, and the key
that seals it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli.shared import EXIT_OK, EXIT_REFUSED, Commands, add_action, add_command_group, open_station

if TYPE_CHECKING:
    from receiving_app.services.audit_check import ChainReport
    from receiving_app.services.audit_checkpointing import CheckpointWhen


def add_audit_commands(commands: Commands) -> None:
    audit_actions = add_command_group(commands, "audit", "the tamper-evident audit trail")
    verify = add_action(
        audit_actions,
        "verify",
        verify_audit_chain,
        "replay the sealed chain from its last signed checkpoint and check the rows written since; "
        "exit 3 naming the first difference",
    )
    checkpoint = add_action(
        audit_actions,
        "checkpoint",
        make_checkpoint,
        "verify as `audit verify` does, then sign a checkpoint at the chain's head (e.g. at the end of each day)",
    )
    for action in (verify, checkpoint):
        action.add_argument(
            "--full",
            action="store_true",
            help="replay every event from the first and check every money and rights row and every checkpoint",
        )
    export = add_action(audit_actions, "export-key", export_key, "write this station's audit key to a new file")
    export.add_argument("file", type=Path)
    install = add_action(
        audit_actions, "import-key", import_key, "install the warehouse's audit key (before the first write)"
    )
    install.add_argument("file", type=Path)


def export_key(args: argparse.Namespace) -> int:
    from receiving_app.services.chain_keys import export_chain_key

    export_chain_key(args.file)
    print(f"audit key written to {args.file} (readable by you only); keep it as safe as a password")
    return EXIT_OK


def import_key(args: argparse.Namespace) -> int:
    from receiving_app.services.chain_keys import import_chain_key

    import_chain_key(args.file)
    print("audit key installed: this station now seals and checks the chain with it")
    return EXIT_OK


def verify_audit_chain(args: argparse.Namespace) -> int:
    return _verify(args, "when due")


def make_checkpoint(args: argparse.Namespace) -> int:
    return _verify(args, "always")


def _verify(args: argparse.Namespace, checkpoint: CheckpointWhen) -> int:
    from receiving_app.services.audit_check import StationRouting
    from receiving_app.services.settings import routing_digest

    with open_station(args) as station:
        settings = station.settings
        routing = StationRouting(settings.station_id, routing_digest(settings), bool(settings.printers))
        report = station.history.verify_audit_chain(
            routing, full=args.full, checkpoint=checkpoint, station=settings.station_id
        )
    if report.first_break is not None:
        print(f"audit chain broken: {report.first_break}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"audit chain intact: {report.events} events, head {report.head_hash[:16]}; {_how_far(report)}")
    return EXIT_OK


def _how_far(report: ChainReport) -> str:
    if report.checked_from:
        said = (
            f"{report.replayed} events replayed from the checkpoint at event {report.checked_from} "
            "(--full replays them all)"
        )
    else:
        said = f"all {report.replayed} events replayed"
    if report.processes > 1:
        said += f" in {report.processes} processes"
    if report.rows_checked is not None:
        said += f", {report.rows_checked.rows} sealed rows held against their records"
        if report.rows_checked.processes > 1:
            said += f" in {report.rows_checked.processes} processes"
    if report.checkpoint_made is not None:
        said += f"; checkpoint signed at event {report.checkpoint_made}"
    return said
