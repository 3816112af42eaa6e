"""`receiving-app import`: a catalog or RMA CSV file taken in whole, or not at all, by a signed-in admin."""

from __future__ import annotations

import argparse
from pathlib import Path

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_command, open_station


def add_import_command(commands: Commands) -> None:
    importing = add_command(commands, "import", import_csv, "all-or-nothing CSV import (admins; asks for the password)")
    importing.add_argument("kind", choices=["catalog", "rmas"])
    importing.add_argument("file", metavar="FILE.csv")
    importing.add_argument("--user", required=True, help="the admin importing (recorded in the audit trail)")
    importing.add_argument("--station", default="cli")


def import_csv(args: argparse.Namespace) -> int:
    from receiving_app.services.importing import import_catalog, import_rmas

    importer = import_catalog if args.kind == "catalog" else import_rmas
    with open_station(args) as station:
        # Only an admin edits the catalog at the window; an RMA file brings customers' personal data in.
        admin = sign_in(station, args.user, least_role="admin", doing=f"import {args.kind}", at=args.station)
        summary = importer(station.units, Path(args.file), user=admin.name, station=args.station)
    print(f"imported {summary.rows} {summary.kind} row(s): {summary.created} created, {summary.updated} updated")
    return EXIT_OK
