"""`receiving-app print`: a stored document, an RMA's parcel label or a unit's license plate, sent to a
printer by a signed-in user.

A document's first print is the original; a license plate number prints that unit's plate; a number
that is neither but an RMA's prints that RMA's label."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_FAILED, EXIT_OK, Commands, add_command, open_station
from receiving_app.domain.errors import InputError

if TYPE_CHECKING:
    from receiving_app.services.print_outcomes import LabelOutcome
    from receiving_app.services.printing import PrinterFor
    from receiving_app.services.station import Station

    LabelPrint = Callable[..., LabelOutcome]
    """PrintingService.print_rma_label or print_license_plate: (number, printer_for, *, user, station)."""


def add_print_command(commands: Commands) -> None:
    printing = add_command(
        commands,
        "print",
        print_document_or_label,
        "send a document, an RMA's label or a unit's license plate to a printer (a document's first print is "
        "the original; asks for the password)",
    )
    printing.add_argument(
        "number", metavar="NUMBER", help="a document's number, an RMA's for its label, or a license plate (LP...)"
    )
    printing.add_argument(
        "--printer",
        metavar="NAME",
        help="folder:PATH, cups:QUEUE, zpl:HOST[:PORT], escpos:HOST[:PORT], qt:NAME, or a CUPS queue name",
    )
    printing.add_argument("--user", required=True, help="who prints it, signed in (recorded with the print)")


def print_document_or_label(args: argparse.Namespace) -> int:
    from receiving_app.cli.printer_option import printer_settings_from_option

    chosen = printer_settings_from_option(args.printer) if args.printer else None  # a bad spec before any sign-in
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="print documents")

        def printer_for(paper: str) -> Mapping[str, str]:
            return chosen or station.printer_settings(paper)

        with station.units.read() as uow:
            row = uow.records.document(args.number.strip().upper())
            document_type = row.document_type if row else None
            is_plate = uow.records.license_plate(args.number.strip().upper()) is not None
            is_container = uow.records.container(args.number.strip().upper(), lock=False) is not None
        if is_container:
            return _print_label(station.printing.print_manifest, station, args.number, printer_for, user.name)
        if is_plate:
            return _print_label(station.printing.print_license_plate, station, args.number, printer_for, user.name)
        if document_type is None:
            return _print_label(station.printing.print_rma_label, station, args.number, printer_for, user.name)
        outcome = station.printing.print_document(
            args.number, printer_for(document_type), user=user.name, station=station.settings.station_id
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


def _print_label(print_label: LabelPrint, station: Station, number: str, printer_for: PrinterFor, user: str) -> int:
    from receiving_app.services.errors import NotFound

    try:
        label = print_label(number, printer_for, user=user, station=station.settings.station_id)
    except NotFound:
        raise InputError(f"No document or RMA numbered {number} is on file.") from None
    if not label.printed:
        print(f"failed: {label.sentence[:1].lower()}{label.sentence[1:]} (print it again)", file=sys.stderr)
        return EXIT_FAILED
    print(label.sentence)
    return EXIT_OK
