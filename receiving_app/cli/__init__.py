"""The ``receiving-app`` command (docs/cli.md): the station window and its headless commands.

Exit codes are a contract: 0 done, 2 bad input or usage (one line on stderr), 3 refused by a
business rule, 1 anything else (logged with its traceback, one line on stderr).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from receiving_app import APP_NAME, __version__
from receiving_app.domain.errors import InputError, RuleRefusal

if TYPE_CHECKING:
    from receiving_app.services.station import Station

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_REFUSED = 0, 1, 2, 3

log = logging.getLogger(__name__)


class _OneLineParser(argparse.ArgumentParser):
    """Usage mistakes print one line, not argparse's usage block."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{self.prog}: {message} (see --help)")


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _read_json_input(name: str) -> object:
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text") from None
    from decimal import Decimal  # the station window's start does not need it

    try:
        # Decimal for every JSON number, so no float ever reaches money or weight.
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise InputError(f"{name} is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None


def cmd_evaluate(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import load_shipped_policies
    from receiving_app.domain.decision import decision_as_json
    from receiving_app.domain.engine import decide
    from receiving_app.domain.scenario import ScenarioError, read_scenario

    scenario = read_scenario(_read_json_input(args.file))
    policies = load_shipped_policies()
    policy = policies.get(scenario.policy_id)
    if policy is None:
        raise ScenarioError("policy", f"unknown policy {scenario.policy_id!r} (known: {', '.join(sorted(policies))})")
    _print_json(decision_as_json(decide(policy, scenario.facts)))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import run_station_window

    return run_station_window(args.db, demo=getattr(args, "demo", False))


@contextmanager
def _station(args: argparse.Namespace) -> Iterator[Station]:
    """The station's services for one command, closed (pool and all) when the command ends."""
    from receiving_app.bootstrap import bootstrap

    station = bootstrap(args.db)
    try:
        yield station
    finally:
        station.close()


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import upgrade_database

    before, after = upgrade_database(args.db)
    print(
        f"database at revision {after}" + (f" (was {before or 'empty'})" if before != after else " (already current)")
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import fill_demo_data

    if args.rmas < 0:
        raise InputError("--rmas cannot be negative")
    with _station(args) as station:
        summary = fill_demo_data(
            station,
            rmas=args.rmas,
            seed=args.seed,
            progress=lambda message: print(message, file=sys.stderr) if args.rmas >= 100_000 else None,
        )
    print(
        f"demo data: {summary.catalog_items} catalog items, {summary.customers} customers, "
        f"{summary.rmas} RMAs with {summary.rma_lines} lines, users receiver/supervisor/admin"
    )
    return EXIT_OK


def cmd_rma_list(args: argparse.Namespace) -> int:
    with _station(args) as station:
        rmas = station.history.list_rmas(args.status)
    if args.json:
        _print_json([rma.as_json() for rma in rmas])
    else:
        for rma in rmas:
            print(f"{rma.number:<16} {rma.status:<20} {rma.policy:<24} {len(rma.lines)} line(s)")
    return EXIT_OK


def cmd_catalog_list(args: argparse.Namespace) -> int:
    with _station(args) as station:
        items = station.catalog.list_items()
    if args.json:
        _print_json([item.as_json() for item in items])
    else:
        for item in items:
            lowest, highest = item.plausible_g
            print(
                f"{item.sku:<16} {item.category:<16} full {item.full_g} g, empty {item.empty_g} g (weighs {lowest}-{highest} g)  {item.description}"
            )
    return EXIT_OK


def cmd_rma_show(args: argparse.Namespace) -> int:
    with _station(args) as station:
        detail = station.history.show_rma(args.number)
    if args.json:
        _print_json(detail.as_json())
    else:
        rma = detail.rma
        print(f"{rma.number}  {rma.status}  {rma.seller} ({rma.policy} {rma.policy_version})  order {rma.order_number}")
        for line in rma.lines:
            print(
                f"  line {line.line}: {line.sku} x{line.quantity} {line.reason} -> {line.customer_choice}  [{line.status}]"
            )
        for decision in detail.decisions:
            documents = ", ".join(document.number for document in decision.documents)
            print(f"  decided line {decision.line}: {decision.outcome} {decision.refund_total}  {documents}")
        for event in detail.events:
            print(f"  {event.at:%Y-%m-%d %H:%M:%S} {event.type} by {event.user} at {event.station}")
    return EXIT_OK


def cmd_receive(args: argparse.Namespace) -> int:
    from receiving_app.cli.receive_options import receive_command_from_options

    command = receive_command_from_options(args)
    with _station(args) as station:
        result = station.receiving.receive(command)
    if args.json:
        _print_json(result.as_json())
    else:
        state = "already decided" if result.already_decided else "decided"
        documents = ", ".join(f"{document.type} {document.number}" for document in result.decision.documents)
        print(
            f"{result.rma} line {result.line} unit {result.unit} {state}: {result.decision.outcome} {result.decision.refund_total}; {documents}"
        )
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    with _station(args) as station:
        report = station.history.verify_audit_chain()
    if report.first_break is not None:
        print(f"audit chain broken: {report.first_break}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"audit chain intact: {report.events} events")
    return EXIT_OK


def _write_pdf(path: str, pdf: bytes) -> None:
    target = Path(path)
    try:
        target.write_bytes(pdf)
    except OSError as error:
        raise InputError(f"--out: cannot write {target}: {error.strerror or error}") from None


def cmd_label(args: argparse.Namespace) -> int:
    with _station(args) as station:
        pdf = station.history.rma_label(args.number, station=station.settings.station_id)
    _write_pdf(args.out, pdf)
    print(f"label for {args.number.upper()} written to {args.out}")
    return EXIT_OK


def cmd_documents_render(args: argparse.Namespace) -> int:
    with _station(args) as station:
        document = station.history.document(
            args.number, reprint=not args.original, user=args.user, station=station.settings.station_id
        )
    _write_pdf(args.out, document.pdf)
    print(
        f"{document.type} {document.number} written to {args.out}"
        + (" (marked COPY)" if document.copy else " (as issued)")
    )
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from receiving_app.cli.printer_option import printer_settings_from_option

    with _station(args) as station:
        with station.units.read() as uow:
            row = uow.records.document(args.number.strip().upper())
            document_type = row.document_type if row else ""
        settings = (
            printer_settings_from_option(args.printer) if args.printer else station.printer_settings(document_type)
        )
        outcome = station.printing.print_document(
            args.number, settings, user=args.user, station=station.settings.station_id
        )
    if not outcome.printed:
        print(
            f"failed: {outcome.number} was not printed on {outcome.printer}: {outcome.problem} (it stays stored; print it again)",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print(f"{outcome.number} printed on {outcome.printer}" + (" (marked COPY)" if outcome.copy else ""))
    return EXIT_OK


PASSWORD_VARIABLE = "RECEIVING_APP_PASSWORD"


def _secret(prompt: str) -> str:
    """A PIN or password from RECEIVING_APP_PASSWORD, or asked for when a person is at the terminal."""
    import getpass
    import os

    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise InputError(f"this command needs a password: set {PASSWORD_VARIABLE} or run it at a terminal")


def _signed_in(station, user: str):
    """Commands beyond receiving act as a signed-in user, checked like a sign-in at the window."""
    return station.auth.sign_in(user, _secret(f"PIN or password for {user}: "), station=station.settings.station_id)


def cmd_documents_void(args: argparse.Namespace) -> int:
    with _station(args) as station:
        user = _signed_in(station, args.user)
        station.history.void_document(
            args.number, user=user.name, station=station.settings.station_id, reason=args.reason
        )
    print(f"{args.number.upper()} voided by {args.user}: {args.reason}")
    return EXIT_OK


def cmd_users_create_admin(args: argparse.Namespace) -> int:
    with _station(args) as station:
        station.users.create_first_admin(
            args.name,
            args.display_name or args.name,
            _secret(f"password for {args.name}: "),
            station=station.settings.station_id,
        )
    print(f"first admin {args.name} created")
    return EXIT_OK


def cmd_users_add(args: argparse.Namespace) -> int:
    import getpass

    with _station(args) as station:
        admin = _signed_in(station, args.user)
        secret = (
            getpass.getpass(f"new PIN or password for {args.name}: ")
            if sys.stdin.isatty()
            else sys.stdin.readline().strip()
        )
        station.users.add_user(
            admin, args.name, args.display_name or args.name, args.role, secret, station=station.settings.station_id
        )
    print(f"{args.role} {args.name} added")
    return EXIT_OK


def cmd_users_list(args: argparse.Namespace) -> int:
    with _station(args) as station:
        users = station.users.list_users()
    for user in users:
        state = "locked" if user.locked else ("active" if user.active else "inactive")
        print(f"{user.name:<16} {user.role:<11} {state:<8} {user.display_name}")
    return EXIT_OK


def cmd_report_daily(args: argparse.Namespace) -> int:
    from datetime import date

    from receiving_app.services.reports import export_format, export_report, parse_report_day

    export_format(args.out)  # a bad extension or date is refused before the database is opened
    day = parse_report_day(args.date, date.today())
    if args.include_personal_data and not args.user:
        raise InputError("--include-personal-data needs --user: the admin asking for it")
    with _station(args) as station:
        user = _signed_in(station, args.user).name if args.include_personal_data else None
        report = station.reports.daily(day, args.station, include_personal_data=args.include_personal_data, user=user)
        export_report(report, args.out)
    voided = (
        f", {len(report.voids)} decision(s) voided ({report.voided_refunds} refunded, in no total)"
        if report.voids
        else ""
    )
    print(
        f"{report.title}: {report.lines_received} line(s) received, {report.refunded} refunded{voided}; written to {args.out}"
    )
    return EXIT_OK


def cmd_scale_read(args: argparse.Namespace) -> int:
    from receiving_app.devices.scales import open_scale, read_stable

    malformed = [option for option in args.option if "=" not in option]
    if malformed:
        raise InputError(f"--option takes KEY=VALUE, not {malformed[0]!r}")
    options = dict(option.split("=", 1) for option in args.option)
    with open_scale(args.protocol, args.port, **options) as scale:
        reading = read_stable(scale, timeout=args.timeout, poll_interval=0.2)
    result = {
        "grams": format(reading.grams, "f"),
        "stable": True,
        "unit": reading.unit,
        "value": format(reading.value, "f"),
        "raw": reading.raw.decode("ascii", "backslashreplace"),
        "protocol": args.protocol,
        "port": args.port,
    }
    if args.json:
        _print_json(result)
    else:
        print(f"{result['grams']} g (the scale said {result['value']} {result['unit']}, stable)")
    return EXIT_OK


def cmd_devices_list(args: argparse.Namespace) -> int:
    from receiving_app.devices.discovery import list_devices

    found = list_devices()
    if args.json:
        _print_json(
            {
                "devices": [
                    {
                        "kind": device.kind,
                        "port": device.port,
                        "description": device.description,
                        "vendor_id": device.vendor_id,
                        "product_id": device.product_id,
                    }
                    for device in found.devices
                ],
                "notes": list(found.notes),
            }
        )
    else:
        for device in found.devices:
            print(f"{device.kind:<12} {device.port:<28} {device.description}")
        for note in found.notes:
            print(f"note: {note}")
        if not found.devices:
            print("no serial ports or HID scales found")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from receiving_app.services.importing import import_catalog, import_rmas

    importer = import_catalog if args.kind == "catalog" else import_rmas
    with _station(args) as station:
        summary = importer(station.units, Path(args.file), user=args.user, station=args.station)
    print(f"imported {summary.rows} {summary.kind} row(s): {summary.created} created, {summary.updated} updated")
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import self_test

    print(self_test())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineParser(prog=APP_NAME, description="Returns receiving station.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="SQLAlchemy URL (or RECEIVING_APP_DB); default: a SQLite file in your data folder",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="check that policies load, a decision is made and Qt starts"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)
    db_option = _db_option()

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text, parents=[db_option])
        sub.set_defaults(handler=handler)
        return sub

    gui = command("gui", cmd_gui, "open the station window (the default)")
    gui.add_argument("--demo", action="store_true", help="fill an empty database with demo data first")
    evaluate = command("evaluate", cmd_evaluate, "decide one scenario (docs/return-policies.md) and print JSON")
    evaluate.add_argument("file", metavar="FILE|-", help="scenario JSON file, or - for standard input")

    demo = command("demo", cmd_demo, "fill an empty database with demo data")
    demo.add_argument("--rmas", type=int, default=200, help="how many open RMAs (default 200)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")

    db = command("db", lambda args: _usage(db), "database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=_OneLineParser)
    upgrade = db_commands.add_parser("upgrade", help="bring the schema to the newest migration", parents=[_db_option()])
    upgrade.set_defaults(handler=cmd_db_upgrade)

    catalog = command("catalog", lambda args: _usage(catalog), "the cartridge catalog")
    catalog_commands = catalog.add_subparsers(dest="catalog_command", metavar="ACTION", parser_class=_OneLineParser)
    catalog_list = catalog_commands.add_parser(
        "list", help="every SKU with its full and empty weights and the weights a unit can have", parents=[_db_option()]
    )
    catalog_list.add_argument("--json", action="store_true")
    catalog_list.set_defaults(handler=cmd_catalog_list)

    rma = command("rma", lambda args: _usage(rma), "RMAs on file")
    rma_commands = rma.add_subparsers(dest="rma_command", metavar="ACTION", parser_class=_OneLineParser)
    listing = rma_commands.add_parser("list", help="RMAs, optionally by status", parents=[_db_option()])
    listing.add_argument("--status", choices=["open", "partially_received", "closed"])
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_rma_list)
    show = rma_commands.add_parser(
        "show", help="one RMA with its lines, decisions, documents and events", parents=[_db_option()]
    )
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_rma_show)

    receive = command("receive", cmd_receive, "receive one RMA line headless: inspect, decide, issue documents")
    receive.add_argument("number", help="the RMA (RA, RGA) number")
    receive.add_argument("--line", type=int, required=True, help="the line number, from 1")
    receive.add_argument(
        "--unit", type=int, default=1, help="which unit of the line, from 1 to its quantity (default 1)"
    )
    receive.add_argument("--user", required=True)
    receive.add_argument("--station", required=True)
    receive.add_argument("--reason", help="the return reason, if not the one on the RMA")
    receive.add_argument(
        "--choice", choices=["refund", "replacement"], help="the customer's choice, if not the one on the RMA"
    )
    receive.add_argument(
        "--weight",
        help="the unit's stable weight, e.g. 812.4g, 28.6oz, 1.79lb, 0.81kg; every ink and toner unit needs one, "
        "within what its SKU can weigh (see `catalog list`)",
    )
    receive.add_argument(
        "--condition",
        help="comma list of what is true: unopened, sealed, original_packaging, labels_intact (the others are false); "
        "left out, the condition was not checked and a decision that rests on it is refused",
    )
    receive.add_argument("--box-damage", action="store_true", help="the box is damaged or marked")
    receive.add_argument(
        "--flag",
        action="append",
        default=[],
        metavar="NAME",
        help="a flag that is true (repeatable): hp_plus_rejected, firmware_blocked, improper_use, not_sold_by_seller; "
        "flags not named keep their defaults (bought here, nothing wrong)",
    )
    receive.add_argument(
        "--approved-by",
        metavar="SUPERVISOR",
        help="the supervisor who approves a decision the bench may not make alone",
    )
    receive.add_argument("--approval-note", metavar="TEXT", help="why the supervisor approves it")
    receive.add_argument("--received", help="the day the parcel arrived, YYYY-MM-DD (default today)")
    receive.add_argument("--notes", default="")
    receive.add_argument("--json", action="store_true")

    audit = command("audit", lambda args: _usage(audit), "the tamper-evident audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", parser_class=_OneLineParser)
    verify = audit_commands.add_parser(
        "verify", help="replay the hash chain; exit 3 naming the first broken event", parents=[_db_option()]
    )
    verify.set_defaults(handler=cmd_audit_verify)

    label = command("label", cmd_label, "the RMA label with its number as a Code 128 barcode")
    label.add_argument("number")
    label.add_argument("--out", required=True, metavar="FILE.pdf")

    documents = command("documents", lambda args: _usage(documents), "issued documents")
    documents_commands = documents.add_subparsers(
        dest="documents_command", metavar="ACTION", parser_class=_OneLineParser
    )
    render = documents_commands.add_parser(
        "render", help="a stored document as PDF (a reprint says COPY)", parents=[_db_option()]
    )
    render.add_argument("number", metavar="DOC_NUMBER")
    render.add_argument("--out", required=True, metavar="FILE.pdf")
    render.add_argument("--original", action="store_true", help="the exact bytes issued, not a COPY")
    render.add_argument("--user", default="system")
    render.set_defaults(handler=cmd_documents_render)

    void = documents_commands.add_parser(
        "void", help="void a document (supervisors; asks for the password)", parents=[_db_option()]
    )
    void.add_argument("number", metavar="DOC_NUMBER")
    void.add_argument("--user", required=True, help="the supervisor voiding it")
    void.add_argument("--reason", required=True)
    void.set_defaults(handler=cmd_documents_void)

    users = command("users", lambda args: _usage(users), "station users")
    users_commands = users.add_subparsers(dest="users_command", metavar="ACTION", parser_class=_OneLineParser)
    first_admin = users_commands.add_parser(
        "create-admin", help="the first admin of a new installation", parents=[_db_option()]
    )
    first_admin.add_argument("name")
    first_admin.add_argument("--display-name", default="")
    first_admin.set_defaults(handler=cmd_users_create_admin)
    add_user = users_commands.add_parser(
        "add", help="add a user (admins; the new secret is read from the terminal or stdin)", parents=[_db_option()]
    )
    add_user.add_argument("name")
    add_user.add_argument("--role", required=True, choices=["receiver", "supervisor", "admin"])
    add_user.add_argument("--display-name", default="")
    add_user.add_argument("--user", required=True, help="the admin adding the user")
    add_user.set_defaults(handler=cmd_users_add)
    list_users = users_commands.add_parser("list", help="users and their roles", parents=[_db_option()])
    list_users.set_defaults(handler=cmd_users_list)

    printing = command("print", cmd_print, "send a document to a printer (the first print is the original)")
    printing.add_argument("number", metavar="DOC_NUMBER")
    printing.add_argument(
        "--printer",
        metavar="NAME",
        help="folder:PATH, cups:QUEUE, zpl:HOST[:PORT], escpos:HOST[:PORT], qt:NAME, or a CUPS queue name",
    )
    printing.add_argument("--user", default="system")

    report = command("report", lambda args: _usage(report), "shift and daily reports")
    report_commands = report.add_subparsers(dest="report_command", metavar="ACTION", parser_class=_OneLineParser)
    daily = report_commands.add_parser(
        "daily", help="one day's report as PDF or CSV (by the extension of --out)", parents=[_db_option()]
    )
    daily.add_argument("--date", help="YYYY-MM-DD, today or yesterday (default today)")
    daily.add_argument("--station", help="one station's work (default: every station)")
    daily.add_argument("--out", required=True, metavar="FILE.pdf|FILE.csv")
    daily.add_argument(
        "--include-personal-data",
        action="store_true",
        help="customer details of held lines (admins; asks for the password)",
    )
    daily.add_argument("--user", help="the admin asking for personal data")
    daily.set_defaults(handler=cmd_report_daily)

    scale = command("scale", lambda args: _usage(scale), "station scales")
    scale_commands = scale.add_subparsers(dest="scale_command", metavar="ACTION", parser_class=_OneLineParser)
    scale_read = scale_commands.add_parser("read", help="one stable reading from a scale", parents=[_db_option()])
    scale_read.add_argument("--port", default="", help="e.g. /dev/ttyUSB0, COM3, or the HID path")
    scale_read.add_argument("--protocol", required=True, help="mt-sics, toledo-8217, scp-01, cas, hid-pos or simulated")
    scale_read.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a stable weight")
    scale_read.add_argument(
        "--option", action="append", default=[], metavar="KEY=VALUE", help="driver option, e.g. baudrate=9600"
    )
    scale_read.add_argument("--json", action="store_true")
    scale_read.set_defaults(handler=cmd_scale_read)

    devices = command("devices", lambda args: _usage(devices), "serial ports and HID scales on this station")
    devices_commands = devices.add_subparsers(dest="devices_command", metavar="ACTION", parser_class=_OneLineParser)
    devices_list = devices_commands.add_parser("list", help="serial ports and HID scales found", parents=[_db_option()])
    devices_list.add_argument("--json", action="store_true")
    devices_list.set_defaults(handler=cmd_devices_list)

    importing = command("import", cmd_import, "all-or-nothing CSV import")
    importing.add_argument("kind", choices=["catalog", "rmas"])
    importing.add_argument("file", metavar="FILE.csv")
    importing.add_argument("--user", default="system", help="who is importing (recorded in the audit trail)")
    importing.add_argument("--station", default="cli")
    return parser


def _db_option() -> argparse.ArgumentParser:
    """--db works before or after the command; given after it, it wins."""
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="SQLAlchemy URL (or RECEIVING_APP_DB)")
    return holder


def _usage(parser: argparse.ArgumentParser) -> int:
    raise InputError(f"{parser.prog}: say which action (see --help)")


def _configure_logging() -> Path | None:
    """Log to a file in the user's log directory; never to the user's terminal."""
    try:
        from platformdirs import user_log_dir

        folder = Path(user_log_dir(APP_NAME, appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "receiving-app.log"
        logging.basicConfig(filename=path, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        return path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    log_path = _configure_logging()
    try:
        args = build_parser().parse_args(argv)
        if args.self_test:
            return cmd_self_test(args)
        handler = getattr(args, "handler", cmd_gui)
        return handler(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RuleRefusal as error:
        print(f"refused: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_FAILED
    except Exception as error:  # the contract: anything else is logged and reported in one line
        log.exception("command failed")
        where = f" (details in {log_path})" if log_path else ""
        print(f"failed: {type(error).__name__}: {error}{where}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
