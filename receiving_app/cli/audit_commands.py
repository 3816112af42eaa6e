"""`receiving-app audit verify`: whether the tamper-evident audit trail is still whole."""

from __future__ import annotations

import argparse
import sys

from receiving_app.cli.shared import EXIT_OK, EXIT_REFUSED, Commands, add_action, add_command_group, open_station


def add_audit_commands(commands: Commands) -> None:
    audit_actions = add_command_group(commands, "audit", "the tamper-evident audit trail")
    add_action(
        audit_actions, "verify", verify_audit_chain, "replay the hash chain; exit 3 naming the first broken event"
    )


def verify_audit_chain(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        report = station.history.verify_audit_chain()
    if report.first_break is not None:
        print(f"audit chain broken: {report.first_break}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"audit chain intact: {report.events} events")
    return EXIT_OK
