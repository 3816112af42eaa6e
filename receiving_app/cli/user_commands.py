"""`receiving-app users create-admin|add|list`: who may work at the station, and in which role."""

from __future__ import annotations

import argparse
import sys

from receiving_app.cli.credentials import read_secret, sign_in
from receiving_app.cli.shared import EXIT_OK, Commands, add_action, add_command_group, open_station


def add_user_commands(commands: Commands) -> None:
    users_actions = add_command_group(commands, "users", "station users")
    first_admin = add_action(users_actions, "create-admin", create_first_admin, "the first admin of a new installation")
    first_admin.add_argument("name")
    first_admin.add_argument("--display-name", default="")

    new_user = add_action(
        users_actions,
        "add",
        add_user,
        "add a user (admins; the new secret is read from the terminal or stdin)",
    )
    new_user.add_argument("name")
    new_user.add_argument("--role", required=True, choices=["receiver", "supervisor", "admin"])
    new_user.add_argument("--display-name", default="")
    new_user.add_argument("--user", required=True, help="the admin adding the user")

    add_action(users_actions, "list", list_users, "users and their roles")


def create_first_admin(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        station.users.create_first_admin(
            args.name,
            args.display_name or args.name,
            read_secret(f"password for {args.name}: "),
            station=station.settings.station_id,
        )
    print(f"first admin {args.name} created")
    return EXIT_OK


def add_user(args: argparse.Namespace) -> int:
    import getpass

    with open_station(args) as station:
        admin = sign_in(station, args.user, least_role="admin", doing="add users")
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


def list_users(args: argparse.Namespace) -> int:
    with open_station(args) as station:
        users = station.users.list_users()
    for user in users:
        state = "locked" if user.locked else ("active" if user.active else "inactive")
        print(f"{user.name:<16} {user.role:<11} {state:<8} {user.display_name}")
    return EXIT_OK
