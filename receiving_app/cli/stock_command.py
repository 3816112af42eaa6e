"""`receiving-app stock`: the saleable stock restocked returns have added, by SKU and grade."""

from __future__ import annotations

import argparse
from pathlib import Path

from receiving_app.cli.shared import EXIT_OK, Commands, add_command, open_station, print_json


def add_stock_command(commands: Commands) -> None:
    stock = add_command(commands, "stock", show_stock, "on-hand stock from restocked returns, by SKU and grade")
    stock.add_argument("--json", action="store_true")
    stock.add_argument("--csv", metavar="FILE", type=Path, help="write it as CSV (sku, grade, quantity) for the store")


def show_stock(args: argparse.Namespace) -> int:
    from receiving_app.services.stock import stock_csv  # loads the database layer: only when the command runs

    with open_station(args) as station:
        lines = station.stock.on_hand()
    if args.csv is not None:
        args.csv.write_text(stock_csv(lines), encoding="utf-8")
    if args.json:
        print_json([line.as_json() for line in lines])
    elif args.csv is None:
        for line in lines:
            print(f"{line.sku:<16} {line.grade:<9} {line.quantity}")
        if not lines:
            print("No restocked units on hand.")
    return EXIT_OK
