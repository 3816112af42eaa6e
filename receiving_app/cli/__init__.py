"""The ``receiving-app`` command (docs/cli.md): the station window and its headless commands.

Exit codes are a contract: 0 done, 2 bad input or usage (one line on stderr), 3 refused by a
business rule, 1 anything else (logged with its traceback, one line on stderr).
Each command group lives in a module of its own; this one parses and runs, and keeps the contract.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from receiving_app import APP_NAME, __version__
from receiving_app.cli.audit_commands import add_audit_commands
from receiving_app.cli.catalog_commands import add_catalog_commands
from receiving_app.cli.db_commands import add_database_commands
from receiving_app.cli.device_commands import add_device_commands
from receiving_app.cli.document_commands import add_documents_commands, add_label_command
from receiving_app.cli.evaluate_command import add_evaluate_command
from receiving_app.cli.gui_command import add_gui_command, open_station_window
from receiving_app.cli.import_command import add_import_command
from receiving_app.cli.print_command import add_print_command
from receiving_app.cli.receive_command import add_receive_command
from receiving_app.cli.report_commands import add_report_commands
from receiving_app.cli.rma_commands import add_rma_commands
from receiving_app.cli.shared import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, EXIT_REFUSED, OneLineParser
from receiving_app.cli.user_commands import add_user_commands
from receiving_app.domain.errors import InputError, RuleRefusal

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
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
    # The order here is the order of `--help`.
    add_gui_command(commands)
    add_evaluate_command(commands)
    add_database_commands(commands)
    add_catalog_commands(commands)
    add_rma_commands(commands)
    add_receive_command(commands)
    add_audit_commands(commands)
    add_label_command(commands)
    add_documents_commands(commands)
    add_user_commands(commands)
    add_print_command(commands)
    add_report_commands(commands)
    add_device_commands(commands)
    add_import_command(commands)
    return parser


def _run_self_test() -> int:
    from receiving_app.bootstrap import self_test

    print(self_test())
    return EXIT_OK


def _configure_logging() -> Path | None:
    """Log to a file in the user's log directory; never to the user's terminal."""
    try:
        from platformdirs import user_log_dir

        folder = Path(user_log_dir(APP_NAME, appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "receiving-app.log"
        logging.basicConfig(filename=path, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        return path
    except OSError:
        return None


def main(argv: Sequence[str] | None = None) -> int:
    log_path = _configure_logging()
    try:
        args = build_parser().parse_args(argv)
        if args.self_test:
            return _run_self_test()
        handler = getattr(args, "handler", open_station_window)
        return handler(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RuleRefusal as error:
        print(f"refused: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_FAILED
    except Exception as error:  # the contract: anything else is logged and reported in one line
        log.exception("command failed")
        where = f" (details in {log_path})" if log_path else ""
        print(f"failed: {type(error).__name__}: {error}{where}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
