"""`receiving-app gui`, also what runs when no command is given: the station window."""

from __future__ import annotations

import argparse

from receiving_app.cli.shared import Commands, add_command


def add_gui_command(commands: Commands) -> None:
    gui = add_command(commands, "gui", open_station_window, "open the station window (the default)")
    gui.add_argument("--demo", action="store_true", help="fill an empty database with demo data first")


def open_station_window(args: argparse.Namespace) -> int:
    from receiving_app.bootstrap import run_station_window

    return run_station_window(args.db, demo=getattr(args, "demo", False))
