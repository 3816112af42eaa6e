"""The three files a batch can be written as (docs/accounting.md says why each looks as it does).

- ``quickbooks``: QuickBooks Online's credit note import (Tools, Import data, credit notes): one row per
  line of a credit memo, the lines of one memo sharing its number; the columns are named after the
  fields the importer maps them to.
- ``xero``: Xero's sales invoice import template, with its columns in its order and the required ones
  starred as the template stars them. Xero imports a document whose total is negative as a credit note,
  so a credit memo's lines are written with their signs turned; its reversal, positive, comes in as
  an invoice that cancels it.
- ``journal``: a general journal, one balanced debit/credit pair per part of a memo
  (``domain.accounting.journal_pairs``), for any other ledger.

A void of a credit memo already exported is written as a reversal: the memo's lines with the opposite
signs, numbered ``<memo>-VOID``, on the day of the void. Amounts are written bare with two places
(``money_text.figure_text``); where the format has a currency column, the amount's own currency goes in
it. No customer's name or address is written: the customer is named by the account number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from receiving_app.domain.accounting import EntryKind, Settlement, journal_pairs
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import figure_text
from receiving_app.services.accounting_settings import AccountingSettings

VOID_SUFFIX = "-VOID"
QUICKBOOKS_COLUMNS = (
    "Credit Memo No",
    "Customer",
    "Credit Memo Date",
    "Item(Product/Service)",
    "Item Description",
    "Item Quantity",
    "Item Rate",
    "Item Amount",
    "Memo",
)
XERO_COLUMNS = (
    "*ContactName",
    "EmailAddress",
    "POAddressLine1",
    "POAddressLine2",
    "POAddressLine3",
    "POAddressLine4",
    "POCity",
    "PORegion",
    "POPostalCode",
    "POCountry",
    "*InvoiceNumber",
    "Reference",
    "*InvoiceDate",
    "*DueDate",
    "InventoryItemCode",
    "*Description",
    "*Quantity",
    "*UnitAmount",
    "Discount",
    "*AccountCode",
    "*TaxType",
    "TrackingName1",
    "TrackingOption1",
    "TrackingName2",
    "TrackingOption2",
    "Currency",
    "BrandingTheme",
)
JOURNAL_COLUMNS = (
    "Batch",
    "Entry",
    "Date",
    "Document",
    "Kind",
    "Customer account",
    "Account",
    "Description",
    "Debit",
    "Credit",
    "Currency",
)
COLUMNS = {"quickbooks": QUICKBOOKS_COLUMNS, "xero": XERO_COLUMNS, "journal": JOURNAL_COLUMNS}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class BookEntry:
    """A credit memo's issue, or the reversal of it, as a batch writes it."""

    number: str
    kind: EntryKind
    day: date  # the local day of the issue, or of the void
    customer_account: str
    rma: str
    line: int
    unit: int
    sku: str
    refund_method: str | None
    settlement: Settlement

    @property
    def document_number(self) -> str:
        """The number the books know it by: the memo's own, or the memo's with -VOID for its reversal."""
        return self.number + (VOID_SUFFIX if self.kind is EntryKind.VOIDED else "")

    @property
    def sign(self) -> int:
        return -1 if self.kind is EntryKind.VOIDED else 1

    @property
    def reference(self) -> str:
        return f"RMA {self.rma} line {self.line} unit {self.unit}"

    def memo(self) -> str:
        if self.kind is EntryKind.VOIDED:
            return f"Reverses {self.number}, voided {self.day.isoformat()}"
        method = (self.refund_method or "nothing to refund").replace("_", " ")
        return f"{self.reference}; refund to {method}"


def batch_file(export_format: str, batch: int, entries: Sequence[BookEntry], settings: AccountingSettings) -> str:
    """The batch's file as text (CSV with a header row; lines end CRLF, as spreadsheets write them)."""
    rows = {"quickbooks": _quickbooks_rows, "xero": _xero_rows, "journal": _journal_rows}[export_format]
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(COLUMNS[export_format])
    for row in rows(batch, entries, settings):
        writer.writerow([safe_cell(cell) for cell in row])
    return output.getvalue()


def _quickbooks_rows(_batch: int, entries: Sequence[BookEntry], settings: AccountingSettings) -> Iterable[list[str]]:
    for entry in entries:
        for part, amount in entry.settlement.signed_lines():
            figure = _figure(amount, entry.sign)
            yield [
                entry.document_number,
                entry.customer_account,
                entry.day.strftime(settings.strftime),
                part.words,
                f"{part.words}, {entry.sku} ({entry.reference})",
                "1",
                figure,
                figure,
                entry.memo(),
            ]


def _xero_rows(_batch: int, entries: Sequence[BookEntry], settings: AccountingSettings) -> Iterable[list[str]]:
    accounts = settings.accounts
    for entry in entries:
        day = entry.day.strftime(settings.strftime)
        for part, amount in entry.settlement.signed_lines():
            # A credit note is a document of negative total to Xero: the credit's lines turned over.
            cells = dict.fromkeys(XERO_COLUMNS, "")
            cells.update(
                {
                    "*ContactName": entry.customer_account,
                    "*InvoiceNumber": entry.document_number,
                    "Reference": entry.memo() if entry.kind is EntryKind.VOIDED else entry.reference,
                    "*InvoiceDate": day,
                    "*DueDate": day,
                    "*Description": f"{part.words}, {entry.sku}",
                    "*Quantity": "1",
                    "*UnitAmount": _figure(amount, -entry.sign),
                    "*AccountCode": accounts.for_part(part),
                    "*TaxType": settings.xero_tax_type,
                    "Currency": amount.currency,
                }
            )
            yield [cells[column] for column in XERO_COLUMNS]


def _journal_rows(batch: int, entries: Sequence[BookEntry], settings: AccountingSettings) -> Iterable[list[str]]:
    number = 0
    for entry in entries:
        for pair in journal_pairs(entry.settlement, entry.refund_method, settings.accounts, entry.kind):
            number += 1
            said = f"{pair.part.words} of {entry.number}" + (
                " reversed (void)" if entry.kind is EntryKind.VOIDED else ""
            )
            common = [str(batch), str(number), entry.day.isoformat(), entry.number, entry.kind.value]
            figure = figure_text(pair.amount)
            yield [*common, entry.customer_account, pair.debit_account, said, figure, "", pair.amount.currency]
            yield [*common, entry.customer_account, pair.credit_account, said, "", figure, pair.amount.currency]


def _figure(amount: Money, sign: int) -> str:
    return figure_text(amount if sign > 0 else Money.zero(amount.currency) - amount)


def safe_cell(cell: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if cell.startswith(_FORMULA_START):
        try:
            Decimal(cell)
        except InvalidOperation:
            return "'" + cell
    return cell
