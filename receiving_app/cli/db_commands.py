"""`receiving-app demo` and `receiving-app db upgrade|backup|restore`: filling, upgrading, backing up and
restoring the station's database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli.shared import (
    EXIT_FAILED,
    EXIT_OK,
    Commands,
    add_action,
    add_command,
    add_command_group,
    open_station,
)
from receiving_app.domain.errors import InputError

if TYPE_CHECKING:
    from receiving_app.services.backups import BackupReport


def add_database_commands(commands: Commands) -> None:
    demo = add_command(commands, "demo", fill_demo_database, "fill an empty database with demo data")
    demo.add_argument("--rmas", type=int, default=200, help="how many open RMAs (default 200)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")

    db_actions = add_command_group(commands, "db", "database maintenance")
    add_action(db_actions, "upgrade", upgrade_schema, "bring the schema to the newest migration")
    backup = add_action(
        db_actions, "backup", back_up_database, "a checked copy of the database, made while stations may use it"
    )
    backup.add_argument("file", metavar="FILE", nargs="?", help="the backup file to write")
    backup.add_argument("--replace", action="store_true", help="overwrite FILE if it exists")
    backup.add_argument(
        "--to-folder", metavar="DIR", help="write DIR/<station-id>-YYYYMMDD-HHMMSS.sqlite (or .dump) instead of FILE"
    )
    backup.add_argument(
        "--keep",
        type=int,
        metavar="N",
        help="with --to-folder: keep this station's newest N backups (default: the backup_keep setting, 7)",
    )
    restore = add_action(db_actions, "restore", restore_database, "a backup into an empty database")
    restore.add_argument("file", metavar="FILE", help="a file written by db backup")


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
    if summary.parcels:
        print(f"parcels checked in: {summary.parcels}, returns without an RMA: {summary.unidentified}")
    if summary.open_orders:
        print(
            "orders with nothing returned yet (for the RMA desk): "
            f"{summary.open_orders[0]} to {summary.open_orders[-1]}"
        )
    return EXIT_OK


def back_up_database(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import settings_store
    from receiving_app.services.backups import BackupToolMissing, station_backups

    if (args.file is None) == (args.to_folder is None):
        raise InputError("db backup: give either FILE or --to-folder DIR")
    if args.to_folder is None and args.keep is not None:
        raise InputError("db backup: --keep goes with --to-folder")
    if args.to_folder is not None and args.replace:
        raise InputError("db backup: --replace goes with FILE; backups in a folder are never overwritten")
    settings = settings_store().load()
    backups = station_backups(args.db, settings)
    try:
        if args.to_folder is None:
            report = backups.back_up(Path(args.file), replace_existing=args.replace)
        else:
            keep = settings.backup_keep if args.keep is None else args.keep
            report = backups.back_up_to_folder(Path(args.to_folder), keep)
    except BackupToolMissing as error:
        print(f"failed: {error}", file=sys.stderr)
        return EXIT_FAILED
    removed = f"; removed {', '.join(path.name for path in report.removed)}" if report.removed else ""
    print(f"backed up to {_file_and_counts(report)}{removed}")
    return EXIT_OK


def restore_database(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import settings_store
    from receiving_app.services.backups import BackupToolMissing, station_backups

    try:
        report = station_backups(args.db, settings_store().load()).restore(Path(args.file))
    except BackupToolMissing as error:
        print(f"failed: {error}", file=sys.stderr)
        return EXIT_FAILED
    print(f"restored {_file_and_counts(report)}")
    return EXIT_OK


def _file_and_counts(report: BackupReport) -> str:
    """The same words after a backup and after its restore, for a person to compare."""
    counts = report.counts
    return (
        f"{report.file} ({report.size:,} bytes): {counts.rmas} RMAs, {counts.decisions} decisions, "
        f"{counts.documents} documents, {counts.audit_events} audit events"
    )
