"""`receiving-app print`: a stored document sent to a printer by a signed-in user; the first print is the original."""

from __future__ import annotations

import argparse
import sys

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_FAILED, EXIT_OK, Commands, add_command, open_station


def add_print_command(commands: Commands) -> None:
    printing = add_command(
        commands,
        "print",
        print_document,
        "send a document to a printer (the first print is the original; asks for the password)",
    )
    printing.add_argument("number", metavar="DOC_NUMBER")
    printing.add_argument(
        "--printer",
        metavar="NAME",
        help="folder:PATH, cups:QUEUE, zpl:HOST[:PORT], escpos:HOST[:PORT], qt:NAME, or a CUPS queue name",
    )
    printing.add_argument("--user", required=True, help="who prints it, signed in (recorded with the print)")


def print_document(args: argparse.Namespace) -> int:
    from receiving_app.cli.printer_option import printer_settings_from_option

    chosen = printer_settings_from_option(args.printer) if args.printer else None  # a bad spec before any sign-in
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="print documents")
        with station.units.read() as uow:
            row = uow.records.document(args.number.strip().upper())
            document_type = row.document_type if row else ""
        settings = chosen or station.printer_settings(document_type)
        outcome = station.printing.print_document(
            args.number, settings, user=user.name, station=station.settings.station_id
        )
    if not outcome.printed:
        print(
            f"failed: {outcome.number} was not printed on {outcome.printer}: {outcome.problem} "
            "(it stays stored; print it again)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(f"{outcome.number} {outcome.done_words} ({outcome.printer})" + (", marked COPY" if outcome.copy else ""))
    return EXIT_OK
