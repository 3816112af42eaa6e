"""Reading the accountant's side of a station the long way: each document fetched and read as issued, and
each export file parsed back with the csv module, for the register and export tests to hold against."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, tzinfo
from decimal import Decimal
from pathlib import Path

from receiving_app.domain.money import Money
from tests.support.pdf import reading_text

# What each document prints as its amount, as a person reading it finds it.
PRINTED_AMOUNT = {
    "credit_memo": re.compile(r"Refund total\s*\$?\s*([\d,]+\.\d\d)"),
    "restocking_fee_receipt": re.compile(r"Restocking fee kept\s*-?\s*\$?\s*-?([\d,]+\.\d\d)"),
}
VOID_REASON = "Refunded twice; Dana Whitfield phoned about it from dana@example.com"


@dataclass
class ReadDocuments:
    """Per document type: the documents counted, and the amounts they print, added up."""

    numbers: dict[str, list[str]] = field(default_factory=dict)
    printed: dict[str, Money] = field(default_factory=dict)

    def add(self, document_type: str, number: str, amount: Money) -> None:
        self.numbers.setdefault(document_type, []).append(number)
        self.printed[document_type] = self.printed.get(document_type, Money.zero()) + amount


def documents_read_one_by_one(station, rma_numbers, day: date, zone: tzinfo) -> tuple[ReadDocuments, ReadDocuments]:
    """The documents of the RMAs issued on ``day`` (local), read from their stored PDFs one at a time through
    the history service: those that stand, and those voided since."""
    standing, voided = ReadDocuments(), ReadDocuments()
    for number in rma_numbers:
        for decision in station.history.show_rma(number).decisions:
            for document in decision.documents:
                if document.issued_at.astimezone(zone).date() != day:
                    continue
                pattern = PRINTED_AMOUNT.get(document.type)
                amount = Money.zero()
                if pattern is not None:
                    text = reading_text(station.history.document(document.number, reprint=False).pdf)
                    amount = Money.of(pattern.search(text).group(1).replace(",", ""))
                (voided if document.voided else standing).add(document.type, document.number, amount)
    return standing, voided


def parsed_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """A file's header row, and each row after it by column."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def parsed_file(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    return parsed_csv(path.read_bytes().decode("utf-8"))


def figure(text: str) -> Decimal:
    return Decimal(text) if text else Decimal("0.00")


def net_refund_of_file(export_format: str, rows: list[dict[str, str]], refund_accounts: set[str]) -> Decimal:
    """What a batch's file says was refunded, less what it reversed, read the way its ledger would read it."""
    if export_format == "quickbooks":  # a credit memo's lines add up to its credit
        return sum((figure(row["Item Amount"]) for row in rows), Decimal("0.00"))
    if export_format == "xero":  # a credit note is written as a document of negative total
        return -sum((figure(row["*UnitAmount"]) * figure(row["*Quantity"]) for row in rows), Decimal("0.00"))
    # the journal: what the refund accounts were credited, less what they were debited
    return sum(
        (figure(row["Credit"]) - figure(row["Debit"]) for row in rows if row["Account"] in refund_accounts),
        Decimal("0.00"),
    )


def journal_balances(rows: list[dict[str, str]]) -> dict[str, tuple[Decimal, Decimal, int]]:
    """Each journal entry's debits, credits and number of lines."""
    entries: dict[str, tuple[Decimal, Decimal, int]] = {}
    for row in rows:
        debit, credit, lines = entries.get(row["Entry"], (Decimal("0.00"), Decimal("0.00"), 0))
        entries[row["Entry"]] = (debit + figure(row["Debit"]), credit + figure(row["Credit"]), lines + 1)
    return entries
