"""`receiving-app import`: a catalog or RMA CSV file taken in whole, or not at all."""

from __future__ import annotations

import argparse
from pathlib import Path

from receiving_app.cli.shared import EXIT_OK, Commands, add_command, open_station


def add_import_command(commands: Commands) -> None:
    importing = add_command(commands, "import", import_csv, "all-or-nothing CSV import")
    importing.add_argument("kind", choices=["catalog", "rmas"])
    importing.add_argument("file", metavar="FILE.csv")
    importing.add_argument("--user", default="system", help="who is importing (recorded in the audit trail)")
    importing.add_argument("--station", default="cli")


def import_csv(args: argparse.Namespace) -> int:
    from receiving_app.services.importing import import_catalog, import_rmas

    importer = import_catalog if args.kind == "catalog" else import_rmas
    with open_station(args) as station:
        summary = importer(station.units, Path(args.file), user=args.user, station=args.station)
    print(f"imported {summary.rows} {summary.kind} row(s): {summary.created} created, {summary.updated} updated")
    return EXIT_OK
