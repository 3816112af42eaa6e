"""`receiving-app audit verify`, `audit export-key` and `audit import-key`: whether the
tamper-evident audit trail is still whole, and the key that seals it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from receiving_app.cli.shared import EXIT_OK, EXIT_REFUSED, Commands, add_action, add_command_group, open_station


def add_audit_commands(commands: Commands) -> None:
    audit_actions = add_command_group(commands, "audit", "the tamper-evident audit trail")
    add_action(
        audit_actions,
        "verify",
        verify_audit_chain,
        "replay the sealed chain and check every money and rights row; exit 3 naming the first difference",
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
    from receiving_app.services.audit_check import StationRouting
    from receiving_app.services.settings import routing_digest

    with open_station(args) as station:
        settings = station.settings
        routing = StationRouting(settings.station_id, routing_digest(settings), bool(settings.printers))
        report = station.history.verify_audit_chain(routing)
    if report.first_break is not None:
        print(f"audit chain broken: {report.first_break}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"audit chain intact: {report.events} events, head {report.head_hash[:16]}")
    return EXIT_OK
