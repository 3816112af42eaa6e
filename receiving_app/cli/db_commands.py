"""`receiving-app demo` and `receiving-app db upgrade`: filling and upgrading the station's database."""

from __future__ import annotations

import argparse
import sys

from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command, add_command_group, open_station
from receiving_app.domain.errors import InputError


def add_database_commands(commands: Commands) -> None:
    demo = add_command(commands, "demo", fill_demo_database, "fill an empty database with demo data")
    demo.add_argument("--rmas", type=int, default=200, help="how many open RMAs (default 200)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")

    db_actions = add_command_group(commands, "db", "database maintenance")
    add_action(db_actions, "upgrade", upgrade_schema, "bring the schema to the newest migration")


def upgrade_schema(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import upgrade_database

    before, after = upgrade_database(args.db)
    print(
        f"database at revision {after}" + (f" (was {before or 'empty'})" if before != after else " (already current)")
    )
    return EXIT_OK


def fill_demo_database(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import fill_demo_data

    if args.rmas < 0:
        raise InputError("--rmas cannot be negative")
    with open_station(args) as station:
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
