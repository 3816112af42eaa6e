"""`receiving-app label` and `documents render|void`: the RMA label and the documents issued, as PDF files.

Each carries the customer's name and address (a document also the card's last digits), so each is
made only for a signed-in user; voiding is a supervisor's."""

from __future__ import annotations

import argparse
from pathlib import Path

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command, add_command_group, open_station
from receiving_app.domain.errors import InputError


def add_label_command(commands: Commands) -> None:
    label = add_command(
        commands, "label", write_rma_label, "the RMA label, its number as a Code 128 barcode (asks for the password)"
    )
    label.add_argument("number")
    label.add_argument("--out", required=True, metavar="FILE.pdf")
    label.add_argument("--user", required=True, help="who asks for it, signed in")


def add_documents_commands(commands: Commands) -> None:
    documents_actions = add_command_group(commands, "documents", "issued documents")
    render = add_action(
        documents_actions,
        "render",
        render_document,
        "a stored document as PDF (a reprint says COPY; asks for the password)",
    )
    render.add_argument("number", metavar="DOC_NUMBER")
    render.add_argument("--out", required=True, metavar="FILE.pdf")
    render.add_argument("--original", action="store_true", help="the exact bytes issued, not a COPY")
    render.add_argument("--user", required=True, help="who asks for it, signed in (recorded with a reprint)")

    void = add_action(documents_actions, "void", void_document, "void a document (supervisors; asks for the password)")
    void.add_argument("number", metavar="DOC_NUMBER")
    void.add_argument("--user", required=True, help="the supervisor voiding it")
    void.add_argument("--reason", required=True)


def write_rma_label(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        sign_in(station, args.user, least_role="receiver", doing="print a label")
        pdf = station.history.rma_label(args.number, station=station.settings.station_id)
    _write_pdf(args.out, pdf)
    print(f"label for {args.number.upper()} written to {args.out}")
    return EXIT_OK


def render_document(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="render a document")
        document = station.history.document(
            args.number, reprint=not args.original, user=user.name, station=station.settings.station_id
        )
    _write_pdf(args.out, document.pdf)
    print(
        f"{document.type} {document.number} written to {args.out}"
        + (" (marked COPY)" if document.copy else " (as issued)")
    )
    return EXIT_OK


def void_document(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="supervisor", doing="void documents")
        station.history.void_document(
            args.number, user=user.name, station=station.settings.station_id, reason=args.reason
        )
    print(f"{args.number.upper()} voided by {user.name}: {args.reason}")
    return EXIT_OK


def _write_pdf(path: str, pdf: bytes) -> None:
    target = Path(path)
    try:
        target.write_bytes(pdf)
    except OSError as error:
        raise InputError(f"--out: cannot write {target}: {error.strerror or error}") from None
