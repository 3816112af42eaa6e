"""`receiving-app aging`: what waits longer than it should (RMAs not arrived, parcels not inspected, lines on
hold, returns without an RMA), with the limits that make it late."""

from __future__ import annotations

import argparse

from receiving_app.cli.shared import EXIT_OK, Commands, add_command, open_station, print_json


def add_aging_command(commands: Commands) -> None:
    aging = add_command(
        commands, "aging", show_aging, "RMAs not arrived, parcels not inspected, lines on hold, returns without an RMA"
    )
    aging.add_argument("--json", action="store_true")


def show_aging(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        view = station.aging.aging()
    if args.json:
        print_json(view.as_json())
        return EXIT_OK
    print(f"Aging as of {view.as_of:%Y-%m-%d %H:%M}")
    for listed in view.lists:
        print(f"\n{listed.title} ({view.limits.words(listed.key)}): {listed.count}")
        for row in listed.rows:
            where = f"line {row.line}" if row.line is not None else row.place
            print(f"  {row.number:<14} {row.seller:<36} {row.since_words:<16} {row.age_words:>9}  {where}".rstrip())
        if listed.unlisted:
            print(f"  … and {listed.unlisted} more")
        if listed.count:
            print(f"  {listed.action}")
    return EXIT_OK
