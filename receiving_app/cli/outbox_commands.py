"""`receiving-app outbox`: the messages to customers and webhooks (docs/messages.md); one sending pass
for a station without a window, the queue, and a supervisor's retry or cancel."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station, print_json

if TYPE_CHECKING:  # the services load with the station, not when the command line is parsed
    from receiving_app.services.outbox import OutboxEntry


def add_outbox_commands(commands: Commands) -> None:
    actions = add_command_group(commands, "outbox", "e-mails to customers and webhooks: send, list, retry, cancel")
    sending = add_action(actions, "send", send_pass, "deliver every message that is due, once")
    sending.add_argument("--json", action="store_true")
    listing = add_action(actions, "list", list_messages, "messages waiting or failed (or of --status), newest first")
    listing.add_argument(
        "--status",
        action="append",
        metavar="STATUS",
        help="pending, sending, sent, failed, cancelled or skipped; repeat for several (default: the first three)",
    )
    listing.add_argument("--json", action="store_true")
    retrying = add_action(actions, "retry", retry_message, "send a pending or failed message at the next pass")
    retrying.add_argument("id", type=int, metavar="ID")
    retrying.add_argument("--user", required=True, help="a supervisor, signed in")
    retrying.add_argument("--json", action="store_true")
    cancelling = add_action(actions, "cancel", cancel_message, "never send a pending or failed message")
    cancelling.add_argument("id", type=int, metavar="ID")
    cancelling.add_argument("--reason", required=True, help="why it is not to be sent")
    cancelling.add_argument("--user", required=True, help="a supervisor, signed in")
    cancelling.add_argument("--json", action="store_true")


def send_pass(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        result = station.outbox_sender.send_pass()
    if args.json:
        print_json(result.as_json())
    else:
        print(f"delivered {result.delivered}, waiting {result.waiting}, failed {result.failed}")
    return EXIT_OK


def list_messages(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        entries = station.outbox.messages(args.status) if args.status else station.outbox.messages()
    if args.json:
        print_json([entry.as_json() for entry in entries])
        return EXIT_OK
    for entry in entries:
        print(_line(entry))
    if not entries:
        print("No message waits.")
    return EXIT_OK


def retry_message(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="supervisor", doing="retry messages")
        entry = station.outbox.retry(args.id, user=user.name, station=station.settings.station_id)
    _said(args, entry)
    return EXIT_OK


def cancel_message(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="supervisor", doing="cancel messages")
        entry = station.outbox.cancel(args.id, reason=args.reason, user=user.name, station=station.settings.station_id)
    _said(args, entry)
    return EXIT_OK


def _said(args: argparse.Namespace, entry: OutboxEntry) -> None:
    if args.json:
        print_json(entry.as_json())
    else:
        print(_line(entry))


def _line(entry: OutboxEntry) -> str:
    why = f"  {entry.last_error}" if entry.last_error else ""
    return (
        f"#{entry.id} {entry.status:<9} {entry.kind:<7} {entry.event_type:<17} {entry.rma or '-':<12} "
        f"tries {entry.attempts}  {entry.receiver}{why}"
    )
