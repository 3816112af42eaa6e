"""`receiving-app check-in LABEL [LABEL ...]`: parcels checked in at the dock by their labels, headless.

Each label is taken as the scanner would send it (an RMA number, a carrier's tracking barcode with its
GS1 separators, or any other label). A parcel already checked in is said so and is not a failure; a
scan that cannot be read, or is no parcel's label, is refused with nothing recorded for it, while the
others are checked in.
"""

from __future__ import annotations

import argparse
import sys

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_BAD_INPUT, EXIT_OK, Commands, add_command, open_station, print_json
from receiving_app.domain.errors import InputError
from receiving_app.domain.scan import ScanValue, parse_scan


def add_check_in_command(commands: Commands) -> None:
    check_in = add_command(
        commands, "check-in", check_in_parcels, "check parcels in at the dock by their labels (asks for the password)"
    )
    check_in.add_argument(
        "labels",
        nargs="+",
        metavar="LABEL",
        help="a parcel's label as scanned: its RMA number or its carrier's UPS, FedEx or USPS tracking barcode",
    )
    check_in.add_argument("--user", required=True, help="who checks them in, signed in with RECEIVING_APP_PASSWORD")
    check_in.add_argument("--station", required=True, help="the station (the dock) checking them in")
    check_in.add_argument("--json", action="store_true")


def check_in_parcels(args: argparse.Namespace) -> int:
    scans: list[tuple[int, ScanValue]] = []
    refused = 0
    for position, label in enumerate(args.labels, 1):
        try:
            scans.append((position, parse_scan(label)))
        except InputError as problem:
            refused += _refused(position, problem)
    outcomes = []
    if scans:  # with none readable, nobody needs to sign in
        with open_station(args) as station:
            user = sign_in(station, args.user, least_role="receiver", doing="check parcels in", at=args.station)
            for position, scan in scans:
                try:
                    outcomes.append(station.check_in.check_in(scan, user=user.name, station=args.station))
                except InputError as problem:
                    refused += _refused(position, problem)
    if args.json:
        print_json([outcome.as_json() for outcome in outcomes])
    else:
        for outcome in outcomes:
            print(outcome.message)
    return EXIT_BAD_INPUT if refused else EXIT_OK


def _refused(position: int, problem: InputError) -> int:
    """One line on standard error for a label that was not checked in; counts it."""
    print(f"error: label {position}: {problem}", file=sys.stderr)
    return 1
