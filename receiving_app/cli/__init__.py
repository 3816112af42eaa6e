"""The ``receiving-app`` command (docs/cli.md): the station window and its headless commands.

Exit codes are a contract: 0 done, 2 bad input or usage (one line on stderr), 3 refused by a
business rule, 1 anything else (one line on stderr saying what failed and what to do; its
traceback, without the values the work carried, in the log). A value the database finds too long
is bad input: its column is named.
Each command group lives in a module of its own; this one parses and runs, and keeps the contract.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from receiving_app import APP_NAME, __version__
from receiving_app.cli.gui_command import add_gui_command, open_station_window
from receiving_app.cli.log_file import open_log_file
from receiving_app.cli.shared import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, EXIT_REFUSED, OneLineParser
from receiving_app.domain.errors import InputError, RuleRefusal

log = logging.getLogger(__name__)


def build_parser(*, only_the_window: bool = False) -> argparse.ArgumentParser:
    """Every command, or only the station window's (``only_the_window``): the window starts without
    importing the headless commands or building their parsers, a tenth of the clerk's wait for it."""
    parser = OneLineParser(prog=APP_NAME, description="Returns receiving station.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="SQLAlchemy URL (or RECEIVING_APP_DB); default: a SQLite file in your data folder",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="check that policies load, a decision is made and Qt starts"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    add_gui_command(commands)  # first: the order here is the order of `--help`
    if not only_the_window:
        from receiving_app.cli.headless_commands import add_headless_commands

        add_headless_commands(commands)
    return parser


def opens_the_window(argv: Sequence[str]) -> bool:
    """The arguments name no command but ``gui`` (or none, which opens the window too), and ask for no
    help or version, which list every command."""
    tokens = iter(argv)
    for token in tokens:
        if token in ("-h", "--help", "--version"):
            return False
        if token == "--db":
            next(tokens, None)
        elif not token.startswith("-"):
            return token == "gui"
    return True


def _run_self_test() -> int:
    from receiving_app.bootstrap import self_test

    print(self_test())
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    log_path = open_log_file()
    return run_under_the_contract(lambda: _run(argv), log_path, database_url=lambda: _database_url(argv))


def _run(argv: Sequence[str] | None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    args = build_parser(only_the_window=opens_the_window(arguments)).parse_args(arguments)
    if args.self_test:
        return _run_self_test()
    handler = getattr(args, "handler", open_station_window)
    return handler(args)


def run_under_the_contract(
    command: Callable[[], int],
    log_path: Path | None = None,
    *,
    database_url: Callable[[], str | None] | None = None,
) -> int:
    """One command run under the exit-code contract, however it ends; the evaluate fuzzing runs handlers through it.

    ``database_url`` names the database the command used, for a failure of that database to name it.
    """
    try:
        return command()
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RuleRefusal as error:
        print(f"refused: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_FAILED
    except Exception as error:  # the contract: anything else is logged and reported in one line
        return _report_failure(error, log_path, database_url)


def _report_failure(error: Exception, log_path: Path | None, database_url: Callable[[], str | None] | None) -> int:
    """One line on stderr saying what failed and what to do; the detail, without any value the
    work carried, in the log. A value the database could not take is bad input (exit 2)."""
    from receiving_app.services.failure_log import logged_failure
    from receiving_app.services.failures import describe_failure

    failure = describe_failure(error, database_url=database_url)
    log.error("command failed: %s\n%s", failure.sentence, logged_failure(error))
    if failure.bad_input:
        print(f"error: {failure.sentence}", file=sys.stderr)
        return EXIT_BAD_INPUT
    where = f" (details in {log_path})" if log_path else ""
    print(f"failed: {failure.sentence}{where}", file=sys.stderr)
    return EXIT_FAILED


def _database_url(argv: Sequence[str] | None) -> str | None:
    """The database the command opened, by the rule bootstrap opens it with. The arguments are
    parsed again: the contract is handed the command, not its arguments (and a command whose
    arguments did not parse fails with exit code 2 before it could use a database)."""
    from receiving_app.bootstrap import settings_store
    from receiving_app.services.failures import database_in_use

    explicit = getattr(build_parser().parse_args(argv), "db", None)
    try:
        return database_in_use(explicit, settings_store().load().database_url or None)
    except OSError:  # the default database's folder cannot be made: the failure is still said, unnamed
        return None


if __name__ == "__main__":
    sys.exit(main())
