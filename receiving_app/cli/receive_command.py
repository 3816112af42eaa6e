"""`receiving-app receive`: one unit of an RMA line inspected, decided and documented, headless."""

from __future__ import annotations

import argparse
from dataclasses import replace

from receiving_app.cli.credentials import APPROVER_PASSWORD_VARIABLE, read_secret, sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_command, open_station, print_json


def add_receive_command(commands: Commands) -> None:
    receive = add_command(
        commands, "receive", receive_unit, "receive one RMA line headless: inspect, decide, issue documents"
    )
    receive.add_argument("number", help="the RMA (RA, RGA) number")
    receive.add_argument("--line", type=int, required=True, help="the line number, from 1")
    receive.add_argument(
        "--unit", type=int, default=1, help="which unit of the line, from 1 to its quantity (default 1)"
    )
    receive.add_argument(
        "--user", required=True, help="who receives, signed in with RECEIVING_APP_PASSWORD or a prompt"
    )
    receive.add_argument("--station", required=True)
    receive.add_argument("--reason", help="the return reason, if not the one on the RMA")
    receive.add_argument(
        "--choice", choices=["refund", "replacement"], help="the customer's choice, if not the one on the RMA"
    )
    receive.add_argument(
        "--weight",
        help="the unit's stable weight, e.g. 812.4g, 28.6oz, 1.79lb, 0.81kg; every ink and toner unit needs one, "
        "within what its SKU can weigh (see `catalog list`)",
    )
    receive.add_argument(
        "--condition",
        help="comma list of what is true: unopened, sealed, original_packaging, labels_intact (the others are false); "
        "left out, the condition was not checked and a decision that rests on it is refused",
    )
    receive.add_argument("--box-damage", action="store_true", help="the box is damaged or marked")
    virgin = receive.add_mutually_exclusive_group()
    virgin.add_argument(
        "--virgin",
        dest="virgin",
        action="store_const",
        const=True,
        help="an OEM empty never refilled (asked when the warehouse's routes sort empties by it)",
    )
    virgin.add_argument(
        "--not-virgin", dest="virgin", action="store_const", const=False, help="an empty refilled before"
    )
    receive.add_argument(
        "--flag",
        action="append",
        default=[],
        metavar="NAME",
        help="a flag that is true (repeatable): hp_plus_rejected, firmware_blocked, improper_use, not_sold_by_seller; "
        "flags not named keep their defaults (bought here, nothing wrong)",
    )
    receive.add_argument(
        "--approved-by",
        metavar="SUPERVISOR",
        help="the supervisor who approves a decision the bench may not make alone, signed in with "
        "RECEIVING_APP_APPROVER_PASSWORD or a prompt",
    )
    receive.add_argument("--approval-note", metavar="TEXT", help="why the supervisor approves it")
    receive.add_argument("--received", help="the day the parcel arrived, YYYY-MM-DD (default today)")
    receive.add_argument("--notes", default="")
    receive.add_argument("--json", action="store_true")


def receive_unit(args: argparse.Namespace) -> int:
    from receiving_app.cli.receive_options import receive_command_from_options

    command = receive_command_from_options(args)
    # Both secrets are read before anyone signs in: one that is missing stops the command with nothing recorded.
    secret = read_secret(f"PIN or password for {args.user}: ")
    approval = command.approval
    approver_secret = (
        read_secret(f"password of {approval.supervisor}, approving: ", APPROVER_PASSWORD_VARIABLE) if approval else ""
    )
    with open_station(args) as station:
        clerk = sign_in(station, args.user, least_role="receiver", doing="receive", secret=secret, at=command.station)
        command = replace(command, user=clerk.name)
        if approval:
            approver = sign_in(
                station,
                approval.supervisor,
                least_role="supervisor",
                doing="approve a decision",
                secret=approver_secret,
                at=command.station,
            )
            command = replace(command, approval=replace(approval, supervisor=approver.name))
        result = station.receiving.receive(command)
    if args.json:
        print_json(result.as_json())
    else:
        state = "already decided" if result.already_decided else "decided"
        documents = ", ".join(f"{document.type} {document.number}" for document in result.decision.documents)
        print(
            f"{result.rma} line {result.line} unit {result.unit} {state}: "
            f"{result.decision.outcome} {result.decision.refund_total}; {documents}"
        )
    return EXIT_OK
