"""`receiving-app rma create`: the RMA desk headless. An order's lines are checked under the seller's
policy and, if it authorizes them (or a supervisor does over its refusal), become a new RMA numbered
as the seller numbers its own; its label can be saved as a PDF at once.

The supervisor's sign-in and the options both desk commands share (`unidentified match` too) are here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import APPROVER_PASSWORD_VARIABLE, read_secret, sign_in
from receiving_app.cli.shared import EXIT_FAILED, EXIT_OK, Commands, add_action, open_station, print_json
from receiving_app.domain.errors import InputError
from receiving_app.domain.facts import CustomerChoice, ReturnReason

if TYPE_CHECKING:
    from receiving_app.services.commands import Approval
    from receiving_app.services.desk_views import CreatedRma
    from receiving_app.services.station import Station

REASONS = [reason.value for reason in ReturnReason]
CHOICES = [choice.value for choice in CustomerChoice]


def add_rma_create_action(rma_actions: Commands) -> None:
    create = add_action(
        rma_actions,
        "create",
        create_rma,
        "authorize a return of an order's lines under the seller's policy and create its RMA (asks for the password)",
    )
    create.add_argument("--order", required=True, metavar="ORDER", help="the order's number")
    create.add_argument(
        "--line", type=int, action="append", required=True, metavar="N", help="an order line to return (repeatable)"
    )
    create.add_argument(
        "--quantity",
        type=int,
        action="append",
        metavar="Q",
        help="how many of each --line, in the same order (default: every unit still returnable)",
    )
    add_request_options(create)
    create.add_argument(
        "--tracking",
        action="append",
        default=[],
        metavar="NUMBER",
        help="the return shipment's UPS, FedEx or USPS tracking number (repeatable)",
    )
    create.add_argument(
        "--seller", metavar="ID", help="the seller the desk authorizes for (default: the order's; another is refused)"
    )
    create.add_argument("--label-out", metavar="FILE.pdf", help="save the new RMA's label as a PDF")
    create.add_argument("--json", action="store_true")


def add_request_options(command: argparse.ArgumentParser) -> None:
    """--reason, --choice, --user, a supervisor's --approved-by with --approval-note, and --station."""
    command.add_argument("--reason", required=True, choices=REASONS, help="the customer's reason")
    command.add_argument("--choice", choices=CHOICES, default="refund", help="refund or replacement (default refund)")
    command.add_argument(
        "--user", required=True, help="who authorizes it, signed in with RECEIVING_APP_PASSWORD or a prompt"
    )
    command.add_argument(
        "--approved-by",
        metavar="SUPERVISOR",
        help="the supervisor who authorizes it over the policy's refusal, signed in with "
        "RECEIVING_APP_APPROVER_PASSWORD or a prompt",
    )
    command.add_argument("--approval-note", metavar="TEXT", help="why the supervisor authorizes it")
    command.add_argument("--station", metavar="ID", help="the station recorded with it (default: this station's id)")


def approval_from_options(args: argparse.Namespace) -> Approval | None:
    from receiving_app.services.commands import Approval

    if args.approved_by is None:
        if args.approval_note:
            raise InputError("--approval-note: give it with --approved-by, the supervisor who authorizes")
        return None
    if not (args.approval_note or "").strip():
        raise InputError("--approved-by: a supervisor's authorization needs --approval-note saying why")
    return Approval(args.approved_by, args.approval_note.strip())


class SignIns:
    """The clerk's and the approving supervisor's secrets, read before anyone signs in: one that is
    missing stops the command with nothing recorded."""

    def __init__(self, args: argparse.Namespace, approval: Approval | None) -> None:
        self._user = args.user
        self._at: str | None = args.station
        self._approval = approval
        self._secret = read_secret(f"PIN or password for {args.user}: ")
        self._approver_secret = (
            read_secret(f"password of {approval.supervisor}, authorizing: ", APPROVER_PASSWORD_VARIABLE)
            if approval
            else ""
        )

    def sign_in(self, station: Station) -> tuple[str, str, Approval | None]:
        """The clerk's name, the station recorded, and the approval under the supervisor's signed-in name."""
        from dataclasses import replace

        at = self._at or station.settings.station_id
        clerk = sign_in(
            station, self._user, least_role="receiver", doing="authorize returns", secret=self._secret, at=at
        )
        if self._approval is None:
            return clerk.name, at, None
        approver = sign_in(
            station,
            self._approval.supervisor,
            least_role="supervisor",
            doing="authorize a return the policy refuses",
            secret=self._approver_secret,
            at=at,
        )
        return clerk.name, at, replace(self._approval, supervisor=approver.name)


def create_rma(args: argparse.Namespace) -> int:
    from receiving_app.services.desk_views import RequestedLine, RmaRequest

    request = RmaRequest(
        order_number=args.order,
        lines=tuple(RequestedLine(line, quantity) for line, quantity in _lines_and_quantities(args)),
        reason=ReturnReason(args.reason),
        customer_choice=CustomerChoice(args.choice),
        tracking_numbers=tuple(args.tracking),
        seller=args.seller,
    )
    label_out = Path(args.label_out) if args.label_out else None
    if label_out is not None and not label_out.parent.is_dir():
        raise InputError(f"--label-out: there is no folder {label_out.parent}")
    sign_ins = SignIns(args, approval_from_options(args))
    with open_station(args) as station:
        user, station_id, approval = sign_ins.sign_in(station)
        created = station.rma_desk.create(request, user=user, station=station_id, approval=approval)
        label_problem = _save_label(station, created.number, label_out, station_id) if label_out else None
    print_created(created, args.json, label=label_out if label_problem is None else None)
    if label_problem is not None:
        print(
            f"failed: {created.number} was created, but its label could not be written to {label_out}: "
            f"{label_problem} (save it with `receiving-app label {created.number} --out FILE.pdf`)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    return EXIT_OK


def print_created(created: CreatedRma, as_json: bool, *, label: Path | None = None) -> None:
    if as_json:
        print_json({**created.as_json(), **({"label": str(label)} if label else {})})
        return
    lines = ", ".join(f"line {line.line} {line.sku} x{line.quantity}" for line in created.lines)
    print(f"{created.number} created for {created.seller} (order {created.order_number}): {lines}")
    if created.supervisor:
        print(f"  authorized by {created.supervisor} over: {' '.join(created.verdict.reasons)}")
    if label:
        print(f"  label written to {label}")


def _lines_and_quantities(args: argparse.Namespace) -> list[tuple[int, int | None]]:
    quantities: list[int | None] = list(args.quantity) if args.quantity else [None] * len(args.line)
    if len(quantities) != len(args.line):
        raise InputError(f"--quantity: give one for each --line ({len(args.line)}), or none for every unit left")
    if any(line < 1 for line in args.line):
        raise InputError("--line: an order's lines are numbered from 1")
    return list(zip(args.line, quantities, strict=True))


def _save_label(station: Station, number: str, path: Path, station_id: str) -> str | None:
    """Writes the RMA's label; what went wrong, if anything."""
    try:
        path.write_bytes(station.history.rma_label(number, station=station_id))
    except OSError as error:
        return error.strerror or str(error)
    return None
