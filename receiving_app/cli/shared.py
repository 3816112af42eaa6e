"""What every command of ``receiving-app`` is built from: the exit codes, the parser that fails in
one line, the --db option, JSON output and the station opened for one command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

from receiving_app.domain.errors import InputError

if TYPE_CHECKING:
    from receiving_app.services.station import Station

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_REFUSED = 0, 1, 2, 3

Handler = Callable[[argparse.Namespace], int]
Commands = argparse._SubParsersAction  # a parser's COMMAND (or a group's ACTION) choices


class OneLineParser(argparse.ArgumentParser):
    """Usage mistakes print one line, not argparse's usage block."""

    def error(self, message: str) -> NoReturn:
        raise InputError(f"{self.prog}: {message} (see --help)")


def db_option() -> argparse.ArgumentParser:
    """--db works before or after the command; given after it, it wins."""
    holder = argparse.ArgumentParser(add_help=False)
    holder.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="SQLAlchemy URL (or RECEIVING_APP_DB)")
    return holder


def add_command(commands: Commands, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=help_text, description=help_text, parents=[db_option()])
    command.set_defaults(handler=handler)
    return command


def add_command_group(commands: Commands, name: str, help_text: str) -> Commands:
    """A command made of actions (`rma list`, `rma show`); given without one, it is a usage mistake."""
    group = add_command(commands, name, lambda args: _say_which_action(group), help_text)
    return group.add_subparsers(dest=f"{name}_command", metavar="ACTION", parser_class=OneLineParser)


def add_action(actions: Commands, name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
    action = actions.add_parser(name, help=help_text, parents=[db_option()])
    action.set_defaults(handler=handler)
    return action


def _say_which_action(group: argparse.ArgumentParser) -> NoReturn:
    raise InputError(f"{group.prog}: say which action (see --help)")


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


@contextmanager
def open_station(args: argparse.Namespace) -> Iterator[Station]:
    """The station's services for one command, closed (pool and all) when the command ends."""
    from receiving_app.bootstrap import bootstrap

    station = bootstrap(args.db)
    try:
        yield station
    finally:
        station.close()
