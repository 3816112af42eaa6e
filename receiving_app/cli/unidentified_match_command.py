"""`receiving-app unidentified match`: an unidentified return turned into an RMA on the customer's order.

Its items are matched by SKU to the order's lines and the RMA is created as `rma create` creates one:
the same policy checks, the same supervisor's authorization over a refusal, the same numbering.
"""

from __future__ import annotations

import argparse

from receiving_app.cli.rma_create_command import SignIns, add_request_options, approval_from_options, print_created
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, open_station
from receiving_app.domain.facts import CustomerChoice, ReturnReason


def add_unidentified_match_action(unidentified_actions: Commands) -> None:
    match = add_action(
        unidentified_actions,
        "match",
        match_unidentified_return,
        "match an unidentified return to the customer's order: it becomes an RMA (asks for the password)",
    )
    match.add_argument("number", metavar="NUMBER", help="the unidentified return's number (UR-...) or license plate")
    match.add_argument("--order", required=True, metavar="ORDER", help="the customer's order its items came from")
    add_request_options(match)
    match.add_argument("--json", action="store_true")


def match_unidentified_return(args: argparse.Namespace) -> int:
    sign_ins = SignIns(args, approval_from_options(args))
    with open_station(args) as station:
        user, station_id, approval = sign_ins.sign_in(station)
        created = station.unidentified_matching.match(
            args.number,
            args.order,
            ReturnReason(args.reason),
            CustomerChoice(args.choice),
            user=user,
            station=station_id,
            approval=approval,
        )
    print_created(created, args.json)
    return EXIT_OK
