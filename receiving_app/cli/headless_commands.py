"""Every command but the station window's, added to the ``receiving-app`` parser in the order of
``--help``; imported only when the arguments name one of them (``cli.opens_the_window``)."""

from __future__ import annotations

from receiving_app.cli.accounting_commands import add_accounting_commands
from receiving_app.cli.aging_command import add_aging_command
from receiving_app.cli.archive_commands import add_archive_commands
from receiving_app.cli.audit_commands import add_audit_commands
from receiving_app.cli.catalog_commands import add_catalog_commands
from receiving_app.cli.check_in_command import add_check_in_command
from receiving_app.cli.container_commands import add_container_commands
from receiving_app.cli.db_commands import add_database_commands
from receiving_app.cli.device_commands import add_device_commands
from receiving_app.cli.document_commands import add_documents_commands, add_label_command
from receiving_app.cli.evaluate_command import add_evaluate_command
from receiving_app.cli.hold_commands import add_hold_commands
from receiving_app.cli.import_command import add_import_command
from receiving_app.cli.outbox_commands import add_outbox_commands
from receiving_app.cli.policy_commands import add_policy_commands
from receiving_app.cli.print_command import add_print_command
from receiving_app.cli.receive_command import add_receive_command
from receiving_app.cli.report_commands import add_report_commands
from receiving_app.cli.rma_commands import add_rma_commands
from receiving_app.cli.shared import Commands
from receiving_app.cli.stock_command import add_stock_command
from receiving_app.cli.unidentified_commands import add_unidentified_commands
from receiving_app.cli.user_commands import add_user_commands


def add_headless_commands(commands: Commands) -> None:
    add_evaluate_command(commands)
    add_policy_commands(commands)
    add_database_commands(commands)
    add_catalog_commands(commands)
    add_stock_command(commands)
    add_container_commands(commands)
    add_hold_commands(commands)
    add_outbox_commands(commands)
    add_aging_command(commands)
    add_check_in_command(commands)
    add_rma_commands(commands)
    add_unidentified_commands(commands)
    add_receive_command(commands)
    add_audit_commands(commands)
    add_archive_commands(commands)
    add_label_command(commands)
    add_documents_commands(commands)
    add_user_commands(commands)
    add_print_command(commands)
    add_report_commands(commands)
    add_accounting_commands(commands)
    add_device_commands(commands)
    add_import_command(commands)
