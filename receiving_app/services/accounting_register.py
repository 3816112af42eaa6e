"""The accountant's register: every document issued or voided in a period, one row each, and a void as
a row of its own that reverses what the document counted, so that a period's totals are what stands.

A row's day is the local day (the bench's clock) of its issue, or of its void. A credit memo's row
carries the decision's money part by part as it moved (``domain.accounting.Settlement``: merchandise
and shipping given back, the restocking fee and return label kept, the refund); the other documents
carry none of it, so that a column adds up to each amount once. ``document_amount`` is what the
document itself prints as its amount: a credit memo's refund, a restocking-fee receipt's fee, nothing
for a denial notice or a replacement slip. No customer is named, only by account number; a void's
reason is cleaned of the customer's details as the reports clean notes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from receiving_app.domain.accounting import EntryKind, Settlement, settlement_of
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import figure_text
from receiving_app.persistence.accounting_records import CREDIT_MEMO, DocumentFacts
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.export_files import safe_cell
from receiving_app.services.report_days import local, midnight
from receiving_app.services.report_privacy import clean_note

MONEY_COLUMNS = ("merchandise", "shipping_refund", "restocking_fee", "return_label", "refund", "document_amount")
CSV_COLUMNS = (
    "entry",
    "day",
    "number",
    "type",
    "customer_account",
    "rma",
    "line",
    "unit",
    "sku",
    *MONEY_COLUMNS,
    "currency",
    "refund_method",
    "policy",
    "policy_version",
    "issued_on",
    "voided_on",
    "void_reason",
    "station",
)
FEE_RECEIPT = "restocking_fee_receipt"


@dataclass(frozen=True, slots=True)
class RegisterRow:
    entry: EntryKind
    day: date
    at: datetime  # the moment of the issue or void, for the order of the rows
    number: str
    document_type: str
    sequence: int
    customer_account: str
    rma: str
    line: int
    unit: int
    sku: str
    merchandise: Money
    shipping_refund: Money
    restocking_fee: Money
    return_label: Money
    refund: Money
    document_amount: Money
    refund_method: str | None
    policy: str
    policy_version: str
    issued_on: date
    voided_on: date | None
    void_reason: str | None
    station: str

    @property
    def currency(self) -> str:
        return self.document_amount.currency

    def money(self, column: str) -> Money:
        value: Money = getattr(self, column)
        return value

    def as_json(self) -> dict[str, Any]:
        return {
            "entry": self.entry.value,
            "day": self.day.isoformat(),
            "number": self.number,
            "type": self.document_type,
            "customer_account": self.customer_account,
            "rma": self.rma,
            "line": self.line,
            "unit": self.unit,
            "sku": self.sku,
            **{column: figure_text(self.money(column)) for column in MONEY_COLUMNS},
            "currency": self.currency,
            "refund_method": self.refund_method,
            "policy": self.policy,
            "policy_version": self.policy_version,
            "issued_on": self.issued_on.isoformat(),
            "voided_on": self.voided_on.isoformat() if self.voided_on else None,
            "void_reason": self.void_reason,
            "station": self.station,
        }

    def csv_cells(self) -> list[str]:
        said = self.as_json()
        return ["" if said[column] is None else str(said[column]) for column in CSV_COLUMNS]


@dataclass(frozen=True, slots=True)
class RegisterTotal:
    """One document type's rows in one currency: how many issued and voided, and each amount summed
    (voids reversing), so that each figure is what stands for the period."""

    document_type: str
    currency: str
    issued: int
    voided: int
    amounts: dict[str, Money]

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.document_type,
            "currency": self.currency,
            "issued": self.issued,
            "voided": self.voided,
            **{column: figure_text(amount) for column, amount in self.amounts.items()},
        }


@dataclass(frozen=True, slots=True)
class Register:
    start: date | None
    end: date | None
    rows: tuple[RegisterRow, ...]

    @property
    def totals(self) -> tuple[RegisterTotal, ...]:
        return register_totals(self.rows)

    def as_json(self) -> dict[str, Any]:
        """The shape of ``register --json`` (docs/accounting.md)."""
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "rows": [row.as_json() for row in self.rows],
            "totals": [total.as_json() for total in self.totals],
        }

    def as_csv(self) -> str:
        output = io.StringIO()
        writer = csv.writer(output, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        # A void's reason is typed at the bench: one a spreadsheet would run as a formula gets an apostrophe.
        writer.writerows([safe_cell(cell) for cell in row.csv_cells()] for row in self.rows)
        return output.getvalue()


def register_totals(rows: Iterable[RegisterRow]) -> tuple[RegisterTotal, ...]:
    grouped: dict[tuple[str, str], list[RegisterRow]] = {}
    for row in rows:
        grouped.setdefault((row.document_type, row.currency), []).append(row)
    totals = []
    for (document_type, currency), listed in sorted(grouped.items()):
        amounts = {column: sum((row.money(column) for row in listed), Money.zero(currency)) for column in MONEY_COLUMNS}
        issued = sum(1 for row in listed if row.entry is EntryKind.ISSUED)
        totals.append(RegisterTotal(document_type, currency, issued, len(listed) - issued, amounts))
    return tuple(totals)


def parse_register_day(text: str | None, option: str) -> date | None:
    """A ``--from`` or ``--to`` day (YYYY-MM-DD), or None when it is not given."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{option}: {text!r} is not a date; use YYYY-MM-DD") from None


def check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise InputError(f"--to {end.isoformat()} is before --from {start.isoformat()}: nothing could be listed")


class AccountingRegisterService:
    """The register over one database; ``zone`` is the bench's time zone (None: this machine's)."""

    def __init__(self, units: UnitOfWorkFactory, zone: tzinfo | None = None) -> None:
        self._units = units
        self._zone = zone

    def register(self, start: date | None = None, end: date | None = None) -> Register:
        """Every issue and void from the local day ``start`` to ``end``, both included (None: no bound)."""
        check_period(start, end)
        since = midnight(start, self._zone) if start is not None else None
        until = midnight(end + timedelta(days=1), self._zone) if end is not None else None
        with self._units.read() as uow:
            documents = uow.records.register_documents(since, until)
        rows = [row for facts in documents for row in self._rows_of(facts, since, until)]
        return Register(start, end, tuple(sorted(rows, key=lambda row: (row.at, row.sequence, row.entry.value))))

    def _rows_of(self, facts: DocumentFacts, since: datetime | None, until: datetime | None) -> Iterator[RegisterRow]:
        if _within(facts.issued_at, since, until):
            yield self._row(facts, EntryKind.ISSUED, facts.issued_at)
        if facts.voided_at is not None and _within(facts.voided_at, since, until):
            yield self._row(facts, EntryKind.VOIDED, facts.voided_at)

    def _row(self, facts: DocumentFacts, kind: EntryKind, at: datetime) -> RegisterRow:
        currency = facts.refund_total.currency
        nothing = Money.zero(currency)
        settled = (
            settlement_of(facts.amounts)
            if facts.document_type == CREDIT_MEMO
            else Settlement(nothing, nothing, nothing, nothing)
        )
        printed = {CREDIT_MEMO: facts.refund_total, FEE_RECEIPT: facts.amounts.restocking_fee}.get(
            facts.document_type, nothing
        )

        def signed(amount: Money) -> Money:
            return nothing - amount if kind is EntryKind.VOIDED else amount

        voided_on = local(facts.voided_at, self._zone).date() if facts.voided_at else None
        reason = clean_note(facts.void_reason, facts, personal=False) if facts.void_reason else None
        return RegisterRow(
            entry=kind,
            day=local(at, self._zone).date(),
            at=at,
            number=facts.number,
            document_type=facts.document_type,
            sequence=facts.sequence,
            customer_account=facts.customer_account,
            rma=facts.rma_number,
            line=facts.line,
            unit=facts.unit,
            sku=facts.sku,
            merchandise=signed(settled.merchandise),
            shipping_refund=signed(settled.shipping_refund),
            restocking_fee=signed(settled.restocking_fee),
            return_label=signed(settled.return_label),
            refund=signed(settled.refund),
            document_amount=signed(printed),
            refund_method=facts.refund_method,
            policy=facts.policy_id,
            policy_version=facts.policy_version,
            issued_on=local(facts.issued_at, self._zone).date(),
            voided_on=voided_on,
            void_reason=reason,
            station=facts.station_id,
        )


def _within(moment: datetime, since: datetime | None, until: datetime | None) -> bool:
    return (since is None or moment >= since) and (until is None or moment < until)
