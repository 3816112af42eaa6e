"""`receiving-app holds`: denied cartridges kept for their customers; list those whose hold ends soon,
move on those whose hold has ended, and record a unit the customer asked back."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station, print_json
from receiving_app.domain.errors import InputError

if TYPE_CHECKING:  # the services load with the station, not when the command line is parsed
    from receiving_app.services.holds import HoldView

MAX_DAYS_AHEAD = 3650


def add_hold_commands(commands: Commands) -> None:
    actions = add_command_group(commands, "holds", "denied cartridges kept for their customers")
    listing = add_action(actions, "list", list_holds, "units still held whose hold ends within --within days")
    listing.add_argument("--within", type=int, default=7, metavar="DAYS", help="days ahead (default 7)")
    listing.add_argument("--json", action="store_true")
    ending = add_action(actions, "end", end_holds, "move every unit whose hold has ended on to its next route")
    ending.add_argument("--user", required=True, help="who does it, signed in")
    ending.add_argument("--json", action="store_true")
    reclaiming = add_action(actions, "reclaim", reclaim_unit, "record a held unit the customer asked back")
    reclaiming.add_argument("lpn", metavar="LICENSE_PLATE")
    reclaiming.add_argument("--tracking", required=True, help="the tracking number of the shipment taking it back")
    reclaiming.add_argument("--user", required=True, help="who does it, signed in")
    reclaiming.add_argument("--json", action="store_true")


def list_holds(args: argparse.Namespace) -> int:
    if not 0 <= args.within <= MAX_DAYS_AHEAD:
        raise InputError(f"--within: give a number of days from 0 to {MAX_DAYS_AHEAD}")
    with open_station(args) as station:
        holds = station.holds.ending_soon(date.today(), args.within)
    _said(args, holds, f"No hold ends within {args.within} days.")
    return EXIT_OK


def end_holds(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="end holds")
        ended = station.holds.end_due(date.today(), user=user.name, station=station.settings.station_id)
    _said(args, ended, "No hold has ended.")
    return EXIT_OK


def reclaim_unit(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="record reclaimed units")
        view = station.holds.reclaim(args.lpn, args.tracking, user=user.name, station=station.settings.station_id)
    _said(args, (view,), "")
    return EXIT_OK


def _said(args: argparse.Namespace, holds: tuple[HoldView, ...], nothing: str) -> None:
    if args.json:
        print_json([hold.as_json() for hold in holds])
        return
    for hold in holds:
        state = hold.ended or "held"
        print(f"{hold.lpn} {hold.rma:<12} {hold.sku:<14} until {hold.held_until}  {state}, {hold.route}")
    if not holds:
        print(nothing)
