"""`receiving-app rma list` and `rma show`: the RMAs on file, one by one or by status; `rma create` is
in rma_create_command.py, `rma check` in rma_check_command.py."""

from __future__ import annotations

import argparse

from receiving_app.cli.rma_check_command import add_rma_check_action
from receiving_app.cli.rma_create_command import add_rma_create_action
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station, print_json


def add_rma_commands(commands: Commands) -> None:
    rma_actions = add_command_group(commands, "rma", "RMAs on file")
    listing = add_action(rma_actions, "list", list_rmas, "RMAs, optionally by status")
    listing.add_argument("--status", choices=["open", "partially_received", "closed"])
    listing.add_argument("--json", action="store_true")
    show = add_action(rma_actions, "show", show_rma, "one RMA with its lines, decisions, documents and events")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    add_rma_create_action(rma_actions)
    add_rma_check_action(rma_actions)


def list_rmas(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        rmas = station.history.list_rmas(args.status)
    if args.json:
        print_json([rma.as_json() for rma in rmas])
    else:
        for rma in rmas:
            print(f"{rma.number:<16} {rma.status:<20} {rma.policy:<24} {len(rma.lines)} line(s)")
    return EXIT_OK


def show_rma(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        detail = station.history.show_rma(args.number)
    if args.json:
        print_json(detail.as_json())
        return EXIT_OK
    rma = detail.rma
    print(f"{rma.number}  {rma.status}  {rma.seller} ({rma.policy} {rma.policy_version})  order {rma.order_number}")
    for line in rma.lines:
        print(
            f"  line {line.line}: {line.sku} x{line.quantity} {line.reason} -> {line.customer_choice}  [{line.status}]"
        )
    for decision in detail.decisions:
        documents = ", ".join(document.number for document in decision.documents)
        print(f"  decided line {decision.line}: {decision.outcome} {decision.refund_total}  {documents}")
    for event in detail.events:
        print(f"  {event.at:%Y-%m-%d %H:%M:%S} {event.type} by {event.user} at {event.station}")
    return EXIT_OK
