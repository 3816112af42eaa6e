"""The accountant's register and the export batches, through the real services on SQLite and PostgreSQL, on a
bench day of credit memos, restocking-fee receipts, a refund of nothing, denials and a replacement.

The register's totals are the documents read one by one (each PDF fetched and its amount read), voids
included as rows that reverse; each format's batches carry every credit memo once, a void of an exported
memo as a reversal in the next batch, are numbered without gaps, and parse back with their headers."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from receiving_app.domain.accounting import BookAccounts
from receiving_app.domain.money import Money
from receiving_app.persistence.export_tables import ExportEntryRow
from receiving_app.services.accounting_exports import NothingToExport
from tests.support.accounting import (
    VOID_REASON,
    documents_read_one_by_one,
    journal_balances,
    net_refund_of_file,
    parsed_file,
)
from tests.support.bench_day import BENCH_DAY, BENCH_ZONE, DAY, local

FORMATS = ("quickbooks", "xero", "journal")
REFUND_ACCOUNTS = {BookAccounts().accounts_receivable, BookAccounts().refunds_payable}
QUICKBOOKS_HEADER = [
    "Credit Memo No",
    "Customer",
    "Credit Memo Date",
    "Item(Product/Service)",
    "Item Description",
    "Item Quantity",
    "Item Rate",
    "Item Amount",
    "Memo",
]
XERO_HEADER = [
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
]
JOURNAL_HEADER = [
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
]
HEADERS = {"quickbooks": QUICKBOOKS_HEADER, "xero": XERO_HEADER, "journal": JOURNAL_HEADER}


def issued_on_the_day(station, rma: str, kind: str) -> str:
    (decision,) = [decision for decision in station.history.show_rma(rma).decisions if not decision.voided]
    return next(document.number for document in decision.documents if document.type == kind)


def void(station, rma: str, at) -> tuple[str, ...]:
    """Voids the RMA's credit memo (and whatever was issued with it) as a supervisor does."""
    station.units.clock.at(at)
    return station.history.void_document(
        issued_on_the_day(station, rma, "credit_memo"), user="supervisor", station="bench-1", reason=VOID_REASON
    )


def credit_memo_total(register) -> Money:
    return next(total.amounts["refund"] for total in register.totals if total.document_type == "credit_memo")


def test_the_register_s_totals_are_the_documents_read_one_by_one_with_voids(station, register) -> None:
    voided = void(station, "RA0000801", local(17, 0)) + void(station, "RA0000802", local(17, 5))
    assert {number[:2] for number in voided} == {"CM", "RF"}  # a memo with its fee receipt went

    listed = register.register(DAY, DAY)
    standing, read_voided = documents_read_one_by_one(station, BENCH_DAY.numbers, DAY, BENCH_ZONE)

    issued = [row for row in listed.rows if row.entry.value == "issued"]
    voids = [row for row in listed.rows if row.entry.value == "voided"]
    every_type = set(standing.numbers) | set(read_voided.numbers)
    assert {kind: sorted(row.number for row in issued if row.document_type == kind) for kind in every_type} == {
        kind: sorted(standing.numbers.get(kind, []) + read_voided.numbers.get(kind, [])) for kind in every_type
    }
    assert sorted(row.number for row in voids) == sorted(voided)
    totals = {total.document_type: total for total in listed.totals}
    for kind in ("credit_memo", "restocking_fee_receipt"):
        assert totals[kind].amounts["document_amount"] == standing.printed[kind], kind
        assert totals[kind].voided == len(read_voided.numbers[kind])
    # A credit memo's row carries its money part by part, each part once: a column adds up to the refunds.
    memos = totals["credit_memo"].amounts
    assert memos["refund"] == memos["document_amount"] == standing.printed["credit_memo"]
    assert (
        memos["merchandise"] + memos["shipping_refund"] - memos["restocking_fee"] - memos["return_label"]
        == (memos["refund"])
    )
    assert totals["denial_notice"].amounts["document_amount"] == Money.zero()
    # The void's reason is listed, without the customer's details typed into it.
    assert {row.void_reason for row in voids} == {"Refunded twice; [removed] phoned about it from [removed]"}
    assert all(row.day == DAY for row in listed.rows)


def test_a_day_s_register_leaves_out_what_was_issued_or_voided_on_other_days(station, register) -> None:
    void(station, "RA0000802", local(9, 0, day=DAY + timedelta(days=1)))

    on_the_day = {row.number for row in register.register(DAY, DAY).rows}
    next_day = register.register(DAY + timedelta(days=1), DAY + timedelta(days=1))

    memo = issued_on_the_day(station, "RA0000801", "credit_memo")
    assert memo in on_the_day
    assert [(row.entry.value, row.number[:2]) for row in next_day.rows if row.rma == "RA0000802"] == [("voided", "CM")]
    assert all(row.rma not in ("RA0000814",) for row in register.register(DAY, DAY).rows)  # decided the day before


def test_every_format_s_batch_adds_up_to_the_register_and_its_journal_balances(
    station, register, exports, exports_folder
) -> None:
    void(station, "RA0000802", local(17, 0))
    whole_register = register.register()

    for export_format in FORMATS:
        made = exports.export(export_format, user="supervisor", station="bench-1")
        header, rows = parsed_file(exports_folder / made.file_name)
        assert header == HEADERS[export_format]
        assert made.path == exports_folder / made.file_name and made.problem is None
        assert made.net_total == credit_memo_total(whole_register), export_format
        assert net_refund_of_file(export_format, rows, REFUND_ACCOUNTS) == made.net_total.amount, export_format
        assert made.voided == 1 and made.issued == sum(
            1 for row in whole_register.rows if row.document_type == "credit_memo" and row.entry.value == "issued"
        )
    _header, journal = parsed_file(exports_folder / "journal-batch-000001.csv")
    assert {
        entry: (debit == credit, lines) for entry, (debit, credit, lines) in journal_balances(journal).items()
    } == dict.fromkeys({row["Entry"] for row in journal}, (True, 2))


def test_a_second_run_exports_nothing_and_a_later_void_is_reversed_in_the_next_batch(
    station, exports, exports_folder
) -> None:
    first = exports.export("quickbooks", user="supervisor", station="bench-1")
    again = exports.export("quickbooks", user="supervisor", station="bench-1")
    assert isinstance(again, NothingToExport)
    assert [batch.number for batch in exports.batches("quickbooks")] == [1]

    memo = issued_on_the_day(station, "RA0000801", "credit_memo")
    refund = next(
        decision.refund_total for decision in station.history.show_rma("RA0000801").decisions if not decision.voided
    )
    void(station, "RA0000801", local(18, 0))
    second = exports.export("quickbooks", user="supervisor", station="bench-1")

    assert (second.number, second.issued, second.voided) == (2, 0, 1)
    assert (second.first_document, second.last_document, second.voided_total) == (memo, memo, refund)
    _header, rows = parsed_file(exports_folder / second.file_name)
    assert {row["Credit Memo No"] for row in rows} == {f"{memo}-VOID"}
    assert sum(Decimal(row["Item Amount"]) for row in rows) == -refund.amount
    assert {row["Credit Memo Date"] for row in rows} == {DAY.strftime("%m/%d/%Y")}
    _header, first_rows = parsed_file(exports_folder / first.file_name)
    assert memo in {row["Credit Memo No"] for row in first_rows}
    assert isinstance(exports.export("quickbooks", user="supervisor", station="bench-1"), NothingToExport)


def test_batch_numbers_have_no_gaps_per_format_and_each_file_is_the_one_recorded(station, exports, exports_folder):
    made = [exports.export("journal", user="supervisor", station="bench-1")]
    made.append(exports.export("xero", user="supervisor", station="bench-1"))
    assert isinstance(exports.export("journal", user="supervisor", station="bench-1"), NothingToExport)
    void(station, "RA0000802", local(17, 0))
    made += [exports.export(name, user="admin", station="bench-2") for name in ("journal", "quickbooks", "xero")]

    assert [(batch.export_format, batch.number) for batch in exports.batches()] == [
        ("journal", 1),
        ("journal", 2),
        ("quickbooks", 1),
        ("xero", 1),
        ("xero", 2),
    ]
    for batch in made:
        written = (exports_folder / batch.file_name).read_bytes()
        assert hashlib.sha256(written).hexdigest() == batch.sha256
        header, rows = parsed_file(exports_folder / batch.file_name)
        assert header == HEADERS[batch.export_format] and rows
    assert station.history.verify_audit_chain().first_break is None


def test_the_database_refuses_a_document_exported_twice_in_one_format(station, exports) -> None:
    exports.export("xero", user="supervisor", station="bench-1")
    with station.units.write() as uow:
        (entry,) = uow.session.execute(
            text("SELECT batch_id, document_id FROM export_entries ORDER BY id LIMIT 1")
        ).all()
        uow.session.add(
            ExportEntryRow(
                batch_id=entry.batch_id,
                export_format="xero",
                document_id=entry.document_id,
                entry_kind="issued",
                refund=Money.zero(),
            )
        )
        with pytest.raises(IntegrityError):
            uow.session.flush()


def test_batches_and_entries_are_sealed_in_the_audit_chain(station, exports) -> None:
    exports.export("journal", user="supervisor", station="bench-1")
    assert station.history.verify_audit_chain().first_break is None

    with station.units.engine.begin() as connection:
        connection.execute(text("UPDATE export_entries SET refund = refund + 100 WHERE id = 1"))

    problem = station.history.verify_audit_chain().first_break
    assert problem is not None and "export_entries row 1" in str(problem)


def test_a_folder_that_cannot_take_the_file_leaves_the_batch_waiting_in_the_outbox(station, exports, tmp_path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")

    made = exports.export("journal", user="supervisor", station="bench-1", folder=blocked)

    assert made.number == 1 and made.path is None and "waits in the outbox" in made.problem
    (waiting,) = [entry for entry in station.outbox.messages() if entry.kind == "file"]
    assert waiting.status == "pending" and waiting.receiver == str(blocked)
    blocked.unlink()
    station.outbox.retry(waiting.id, user="supervisor", station="bench-1")
    assert station.outbox_sender.deliver_now(waiting.id)
    written = blocked / made.file_name
    assert hashlib.sha256(written.read_bytes()).hexdigest() == made.sha256
    assert isinstance(exports.export("journal", user="supervisor", station="bench-1"), NothingToExport)


def test_a_receiver_may_not_export(station, exports) -> None:
    from receiving_app.services.errors import NotAllowed

    with pytest.raises(NotAllowed, match="receiver"):
        exports.export("xero", user="receiver", station="bench-1")
    assert exports.batches() == ()
