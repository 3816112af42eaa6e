"""`receiving-app register` and `receiving-app export`: the accountant's register of every document issued
or voided, and the numbered batches of credit memos for QuickBooks Online, Xero or a general journal
(docs/accounting.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_command, open_station, print_json

if TYPE_CHECKING:  # the services load with the station, not when the command line is parsed
    from receiving_app.services.accounting_exports import ExportBatch
    from receiving_app.services.accounting_register import Register

FORMATS = ("quickbooks", "xero", "journal")


def add_accounting_commands(commands: Commands) -> None:
    register = add_command(
        commands, "register", show_register, "every document issued or voided in a period, for the accountant"
    )
    register.add_argument("--from", dest="start", metavar="DATE", help="the first local day, YYYY-MM-DD")
    register.add_argument("--to", dest="end", metavar="DATE", help="the last local day, YYYY-MM-DD")
    shape = register.add_mutually_exclusive_group()
    shape.add_argument("--csv", action="store_true", help="the rows as CSV on standard output")
    shape.add_argument("--json", action="store_true")
    export = add_command(
        commands, "export", make_export, "the next numbered batch of credit memos for QuickBooks, Xero or a journal"
    )
    export.add_argument("export_format", choices=FORMATS, metavar="FORMAT", help="quickbooks, xero or journal")
    export.add_argument("--out", metavar="FOLDER", help="where the file goes (default: the station's exports folder)")
    export.add_argument("--user", help="a supervisor, signed in (not needed with --list)")
    export.add_argument("--list", action="store_true", help="list the format's batches instead of making one")
    export.add_argument("--json", action="store_true")


def show_register(args: argparse.Namespace) -> int:
    from receiving_app.services.accounting_register import check_period, parse_register_day

    start, end = parse_register_day(args.start, "--from"), parse_register_day(args.end, "--to")
    check_period(start, end)  # a period refused before the database is opened: nothing is touched
    with open_station(args) as station:
        register = station.register.register(start, end)
    if args.json:
        print_json(register.as_json())
    elif args.csv:
        sys.stdout.write(register.as_csv())
    else:
        _print_register(register)
    return EXIT_OK


def make_export(args: argparse.Namespace) -> int:
    from receiving_app.domain.errors import InputError

    if args.list:
        with open_station(args) as station:
            batches = station.exports.batches(args.export_format)
        if args.json:
            print_json([batch.as_json() for batch in batches])
        else:
            for batch in batches:
                print(_batch_line(batch))
            if not batches:
                print("No batch of this format was made yet.")
        return EXIT_OK
    if not args.user:
        raise InputError("export: --user is needed: a supervisor makes a batch (see --help)")
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="supervisor", doing="export to the books")
        made = station.exports.export(
            args.export_format,
            user=user.name,
            station=station.settings.station_id,
            folder=Path(args.out) if args.out else None,
        )
    if args.json:
        print_json(made.as_json())
    elif hasattr(made, "sentence"):
        print(made.sentence)
    else:
        print(_batch_line(made))
        if made.path is not None:
            print(f"written to {made.path}")
        else:
            print(f"not written yet: {made.problem}")
        if made.more_waiting:
            print("More credit memos wait than one batch holds: run the export again for the next batch.")
    return EXIT_OK


def _batch_line(batch: ExportBatch) -> str:
    from receiving_app.domain.money_text import money_text

    voided = f", {batch.voided} void(s) reversing {money_text(batch.voided_total)}" if batch.voided else ""
    return (
        f"{batch.export_format} batch {batch.number}: {batch.first_document} to {batch.last_document}, "
        f"{batch.issued} credit memo(s) {money_text(batch.issued_total)}{voided}; net {money_text(batch.net_total)}"
        f" ({batch.file_name}, sha256 {batch.sha256[:12]}…)"
    )


def _print_register(register: Register) -> None:
    from receiving_app.domain.money_text import figure_text, money_text

    period = f"{register.start or 'the first day'} to {register.end or 'today'}"
    print(f"Register from {period}: {len(register.rows)} row(s)")
    for row in register.rows:
        void = "  VOID" if row.entry.value == "voided" else ""
        print(
            f"{row.day}  {row.number:<10} {row.document_type:<23} {row.customer_account:<10} "
            f"{row.rma:<12} refund {figure_text(row.refund):>9}  amount {figure_text(row.document_amount):>9}{void}"
        )
    for total in register.totals:
        print(
            f"{total.document_type}: {total.issued} issued, {total.voided} voided; "
            f"refunds {money_text(total.amounts['refund'])}, amount {money_text(total.amounts['document_amount'])}"
        )
