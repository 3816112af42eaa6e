"""`receiving-app report daily`: one day's work as a PDF or CSV report."""

from __future__ import annotations

import argparse

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station
from receiving_app.domain.errors import InputError


def add_report_commands(commands: Commands) -> None:
    report_actions = add_command_group(commands, "report", "shift and daily reports")
    daily = add_action(
        report_actions, "daily", write_daily_report, "one day's report as PDF or CSV (by the extension of --out)"
    )
    daily.add_argument("--date", help="YYYY-MM-DD, today or yesterday (default today)")
    daily.add_argument("--station", help="one station's work (default: every station)")
    daily.add_argument(
        "--time-zone",
        metavar="ZONE",
        help="whose midnight ends the day and whose clock the times are on, an IANA name such as "
        "America/Los_Angeles (default: RECEIVING_APP_TIME_ZONE, else the station's time_zone setting, else this "
        "computer's)",
    )
    daily.add_argument(
        "--currency",
        metavar="CODE",
        help="the decisions in this ISO 4217 currency only, such as EUR: a day of decisions in two currencies "
        "needs one report for each (default: the one currency of the day's decisions)",
    )
    daily.add_argument("--out", required=True, metavar="FILE.pdf|FILE.csv")
    daily.add_argument(
        "--include-personal-data",
        action="store_true",
        help="customer details of held lines (admins; asks for the password)",
    )
    daily.add_argument("--user", help="the admin asking for personal data")


def write_daily_report(args: argparse.Namespace) -> int:
    from datetime import date

    from receiving_app.services.reports import export_format, export_report, parse_report_day
    from receiving_app.services.station_time import named_zone

    export_format(args.out)  # a bad extension, date or zone is refused before the database is opened
    parse_report_day(args.date, date.today())
    zone = named_zone(args.time_zone) if args.time_zone else None
    if args.include_personal_data and not args.user:
        raise InputError("--include-personal-data needs --user: the admin asking for it")
    with open_station(args) as station:
        user = (
            sign_in(station, args.user, least_role="admin", doing="see customers' personal data").name
            if args.include_personal_data
            else None
        )
        reports = station.reports.in_zone(zone) if zone is not None else station.reports
        # "today" and "yesterday" are the station's, which may not be this computer's.
        day = parse_report_day(args.date, reports.today())
        report = reports.daily(
            day,
            args.station,
            include_personal_data=args.include_personal_data,
            user=user,
            currency=args.currency.strip().upper() if args.currency else None,
        )
        export_report(report, args.out)
    voided = (
        f", {len(report.voids)} decision(s) voided ({report.voided_refunds} refunded, in no total)"
        if report.voids
        else ""
    )
    print(
        f"{report.title}: {report.lines_received} line(s) received, {report.refunded} refunded{voided}; "
        f"written to {args.out}"
    )
    return EXIT_OK
