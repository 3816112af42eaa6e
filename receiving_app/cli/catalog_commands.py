"""`receiving-app catalog list`: the cartridges the station knows, with the weights they can have."""

from __future__ import annotations

import argparse

from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station, print_json


def add_catalog_commands(commands: Commands) -> None:
    catalog_actions = add_command_group(commands, "catalog", "the cartridge catalog")
    listing = add_action(
        catalog_actions,
        "list",
        list_catalog,
        "every SKU with its full and empty weights and the weights a unit can have",
    )
    listing.add_argument("--json", action="store_true")


def list_catalog(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        items = station.catalog.list_items()
    if args.json:
        print_json([item.as_json() for item in items])
    else:
        for item in items:
            lowest, highest = item.plausible_g
            print(
                f"{item.sku:<16} {item.category:<16} full {item.full_g} g, empty {item.empty_g} g "
                f"(weighs {lowest}-{highest} g)  {item.description}"
            )
    return EXIT_OK
