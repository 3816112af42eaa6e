"""`receiving-app import`: a catalog or RMA file taken in whole, or not at all, by a signed-in admin; or,
with --dry-run, read and checked the same way and shown, with nothing written."""

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
    importing.add_argument(
        "--mapping", metavar="NAME", help="a saved mapping: shopify, loop, odoo-rma, generic-erp, or a .toml file"
    )
    importing.add_argument("--seller", metavar="ID", help="the seller of every RMA, for a file without a seller column")
    importing.add_argument(
        "--dry-run", action="store_true", help="check the file and show its first rows as read; write nothing"
    )


def import_csv(args: argparse.Namespace) -> int:
    from receiving_app.services.importing import ImportOptions, import_catalog, import_rmas

    importer = import_catalog if args.kind == "catalog" else import_rmas
    options = ImportOptions(mapping=args.mapping, seller=args.seller, dry_run=args.dry_run)
    with open_station(args) as station:
        # Only an admin edits the catalog at the window; an RMA file brings customers' personal data in,
        # and a dry run shows it too.
        admin = sign_in(station, args.user, least_role="admin", doing=f"import {args.kind}", at=args.station)
        summary = importer(station.units, Path(args.file), user=admin.name, station=args.station, options=options)
    if summary.dry_run:
        print(f"dry run: {summary.rows} {summary.kind} row(s) read from a {summary.delimiter}-separated file")
        print("columns: " + ", ".join(f'{column} <- "{heading}"' for column, heading in summary.headings))
        for row, fields in summary.preview:
            print(f"row {row}: " + ", ".join(f"{column}={value}" for column, value in fields))
        print(f"would create {summary.created} and update {summary.updated}; nothing was written")
    else:
        print(f"imported {summary.rows} {summary.kind} row(s): {summary.created} created, {summary.updated} updated")
    for spelling in summary.spellings:
        print(f"  {spelling}")
    return EXIT_OK
