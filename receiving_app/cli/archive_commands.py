"""`receiving-app archive make` and `archive list`: the oldest audit events and document PDFs moved
out of the live database into archive files that `audit verify --full` and `documents render` still
read (services/archiving.py)."""

from __future__ import annotations

import argparse
from calendar import monthrange
from datetime import date
from pathlib import Path

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station
from receiving_app.domain.errors import InputError

MOST_MONTHS = 1200


def add_archive_commands(commands: Commands) -> None:
    archive_actions = add_command_group(commands, "archive", "the oldest records, moved to archive files")
    make = add_action(
        archive_actions,
        "make",
        make_archive,
        "move the audit events and document PDFs older than a day into a new archive file "
        "(supervisors; asks for the password)",
    )
    older = make.add_mutually_exclusive_group(required=True)
    older.add_argument(
        "--before", metavar="YYYY-MM-DD", help="what was recorded before this day (the bench's midnight)"
    )
    older.add_argument(
        "--older-than-months", type=int, metavar="N", help="what was recorded before this day N months ago"
    )
    make.add_argument("--to", required=True, type=Path, metavar="FILE", help="the new archive file (never overwritten)")
    make.add_argument("--user", required=True, help="the supervisor making it")
    add_action(archive_actions, "list", list_archives, "the archives made, oldest first, and where each file is")


def make_archive(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="supervisor", doing="archive records")
        before = _before(args)
        made = station.archives.make(before=before, to=args.to, user=user.name, station=station.settings.station_id)
    stretch = made.stretch
    print(
        f"archived {stretch.events} audit events ({stretch.first_sequence} to {stretch.last_sequence}) and "
        f"{stretch.documents} document PDFs recorded before {before:%Y-%m-%d} to {stretch.file}; "
        "keep the file where it is (or put it back there): `audit verify --full` and `documents render` read it"
    )
    return EXIT_OK


def list_archives(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        archives = station.archives.archives()
    if not archives:
        print("no archives: every record is in the database")
    for stretch in archives:
        here = "" if Path(stretch.file).is_file() else "  (the file is not there)"
        print(
            f"events {stretch.first_sequence}–{stretch.last_sequence} ({stretch.events}), {stretch.documents} PDFs, "
            f"made {stretch.made_at:%Y-%m-%d %H:%M} UTC by {stretch.made_by}: {stretch.file}{here}"
        )
    return EXIT_OK


def _before(args: argparse.Namespace) -> date:
    if args.before is not None:
        try:
            return date.fromisoformat(args.before)
        except ValueError:
            raise InputError(f"--before: not a date in YYYY-MM-DD form: {args.before!r}") from None
    months = args.older_than_months
    if not 1 <= months <= MOST_MONTHS:
        raise InputError(f"--older-than-months: a number of months from 1 to {MOST_MONTHS}, not {months}")
    today = date.today()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    return date(year, month + 1, min(today.day, monthrange(year, month + 1)[1]))  # 31 March less a month: 28 Feb
