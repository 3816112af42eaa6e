"""The Register tab's table: one row per document issued or voided, as ``services.accounting_register`` lists
them; a money column's title names its currency (the station's, as the reports' do)."""

from __future__ import annotations

from receiving_app.domain.money import STATION_CURRENCY
from receiving_app.domain.money_text import column_heading, figure_text
from receiving_app.gui.pages.models import Column, RecordTableModel, words
from receiving_app.services.accounting_register import RegisterRow


def _money(title: str, column: str, *, hide_order: int | None = None) -> Column:
    return Column(
        column_heading(title, STATION_CURRENCY),
        lambda row: figure_text(row.money(column)),
        lambda row: row.money(column).amount,
        numeric=True,
        hide_order=hide_order,
    )


def _entry(row: RegisterRow) -> str:
    return "Void" if row.entry.value == "voided" else "Issued"


class RegisterModel(RecordTableModel):
    COLUMNS = (
        Column("Day", lambda row: row.day.isoformat()),
        Column("Document", lambda row: row.number),
        Column("Type", lambda row: words(row.document_type)),
        Column("Entry", _entry),
        Column("Account", lambda row: row.customer_account),
        Column("RMA", lambda row: row.rma, hide_order=3),
        _money("Merchandise", "merchandise", hide_order=2),
        _money("Fee", "restocking_fee", hide_order=4),
        _money("Refund", "refund"),
        _money("Amount", "document_amount"),
        Column("Method", lambda row: words(row.refund_method) if row.refund_method else "", hide_order=1),
        Column("Policy", lambda row: f"{row.policy} {row.policy_version}", hide_order=0),
        Column("Void reason", lambda row: row.void_reason or "", stretch=True),
    )
