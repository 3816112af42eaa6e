"""`receiving-app container`: open a container for a route, put units in it by their license plates,
close it, reopen it (supervisors), and list or show containers. Every change signs its --user in."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from receiving_app.cli.credentials import sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station, print_json

if TYPE_CHECKING:  # the services load with the station, not when the command line is parsed
    from receiving_app.services.containers import ContainerView


def add_container_commands(commands: Commands) -> None:
    actions = add_command_group(commands, "container", "containers that sorted units go into")
    opening = add_action(actions, "open", open_container, "open a container for a route (asks for the password)")
    opening.add_argument("route", help="the route's name in the routing file, such as oem_recycling")
    placing = add_action(actions, "place", place_unit, "put a unit into a container by its license plate")
    placing.add_argument("lpn", metavar="LICENSE_PLATE")
    placing.add_argument("container", metavar="CONTAINER")
    closing = add_action(actions, "close", close_container, "close a container by hand")
    closing.add_argument("container", metavar="CONTAINER")
    reopening = add_action(actions, "reopen", reopen_container, "reopen a closed container (supervisors)")
    reopening.add_argument("container", metavar="CONTAINER")
    reopening.add_argument("--reason", required=True, help="why it is opened again")
    for action in (opening, placing, closing, reopening):
        action.add_argument("--user", required=True, help="who does it, signed in")
        action.add_argument("--json", action="store_true")
    listing = add_action(actions, "list", list_containers, "the containers, all or those open or closed")
    listing.add_argument("--status", choices=("open", "closed"))
    listing.add_argument("--json", action="store_true")
    showing = add_action(actions, "show", show_container, "one container: what it holds and its limits")
    showing.add_argument("container", metavar="CONTAINER")
    showing.add_argument("--json", action="store_true")


def open_container(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="open containers")
        view = station.containers.open_container(args.route, user=user.name, station=station.settings.station_id)
    return _said(args, view, f"{view.code} opened for {view.route}")


def place_unit(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="put units in containers")
        placed = station.containers.place(args.lpn, args.container, user=user.name, station=station.settings.station_id)
        said = f"{placed.lpn} is in {placed.container.code}"
        if placed.closed:
            # A container that fills closes, and its manifest prints to go on it.
            manifest = station.printing.print_manifest(
                placed.container.code, station.printer_settings, user=user.name, station=station.settings.station_id
            )
            said += f"; {placed.container.code} is {placed.container.closed_because} and closed. {manifest.sentence}"
    return _said(args, placed.container, said)


def close_container(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="receiver", doing="close containers")
        view = station.containers.close(args.container, user=user.name, station=station.settings.station_id)
        manifest = station.printing.print_manifest(
            view.code, station.printer_settings, user=user.name, station=station.settings.station_id
        )
    return _said(args, view, f"{view.code} closed with {view.units} units. {manifest.sentence}")


def reopen_container(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        user = sign_in(station, args.user, least_role="supervisor", doing="reopen containers")
        view = station.containers.reopen(
            args.container, supervisor=user.name, station=station.settings.station_id, reason=args.reason
        )
    return _said(args, view, f"{view.code} is open again")


def list_containers(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        views = station.containers.list_containers(args.status)
    if args.json:
        print_json([view.as_json() for view in views])
    else:
        for view in views:
            print(_line(view))
    return EXIT_OK


def show_container(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        view = station.containers.show(args.container)
    return _said(args, view, _line(view))


def _said(args: argparse.Namespace, view: ContainerView, sentence: str) -> int:
    if args.json:
        print_json(view.as_json())
    else:
        print(sentence)
    return EXIT_OK


def _line(view: ContainerView) -> str:
    shown = view.as_json()
    limit = f" of {shown['max_kg']} kg" if shown["max_kg"] else ""
    return f"{view.code} {view.route:<18} {view.status:<6} {view.units} units, {shown['weight_kg']} kg{limit}"
