"""`receiving-app rma check`: what the seller's policy says of a return of an order's lines, asked as
the RMA desk asks it, writing nothing. `--policy-version` asks under another version than today's, so
that customer service can tell a customer what the rules will be once a published version takes effect;
`rma create` authorizes under today's all the same."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from receiving_app.cli.rma_create_command import CHOICES, REASONS
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, open_station, print_json
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import CustomerChoice, ReturnReason

if TYPE_CHECKING:
    from receiving_app.services.desk_rules import VersionedVerdict
    from receiving_app.services.rma_desk import RmaDeskService


def add_rma_check_action(rma_actions: Commands) -> None:
    check = add_action(
        rma_actions,
        "check",
        check_request,
        "what the seller's policy says of returning an order's lines under today's version or another; writes nothing",
    )
    check.add_argument("order", metavar="ORDER", help="the order's number")
    check.add_argument(
        "lines",
        nargs="*",
        type=int,
        metavar="LINE",
        help="order lines to return, every unit of each still returnable (default: every line with units left)",
    )
    check.add_argument("--reason", required=True, choices=REASONS, help="the customer's reason")
    check.add_argument("--choice", choices=CHOICES, default="refund", help="refund or replacement (default refund)")
    check.add_argument("--seller", metavar="ID", help="the seller the desk would authorize for (default: the order's)")
    check.add_argument(
        "--policy-version",
        metavar="V",
        help="ask under this version of the seller's policy, by its name or by a day (YYYY-MM-DD) for the version "
        "in effect then (default: the version in force today, which rma create authorizes under)",
    )
    check.add_argument("--json", action="store_true")


def check_request(args: argparse.Namespace) -> int:
    from receiving_app.services.desk_views import RequestedLine, RmaRequest

    if any(line < 1 for line in args.lines):
        raise InputError("LINE: an order's lines are numbered from 1")
    with open_station(args) as station:
        desk = station.rma_desk
        lines = args.lines or _lines_left(desk, args.order)
        request = RmaRequest(
            order_number=args.order,
            lines=tuple(RequestedLine(line) for line in lines),
            reason=ReturnReason(args.reason),
            customer_choice=CustomerChoice(args.choice),
            seller=args.seller,
        )
        verdict = desk.check(request, args.policy_version)
    if args.json:
        print_json(verdict.as_json())
    else:
        _say(verdict)
    return EXIT_OK


def _lines_left(desk: RmaDeskService, number: str) -> list[int]:
    order = desk.order(number)
    left = [line.line_no for line in order.lines if line.returnable > 0]
    if not left:
        raise InputError(f"Every unit of order {order.number} is on an RMA already.")
    return left


def _say(verdict: VersionedVerdict) -> None:
    print(f"Order {verdict.order_number} ({verdict.seller}): {verdict.rules.sentence()}")
    for line in verdict.lines:
        said = "authorized" if line.authorized else "refused: " + " ".join(reason.text for reason in line.refusals)
        print(f"  line {line.line_no} {line.sku} x{line.quantity}: {said}")
