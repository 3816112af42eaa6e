"""What the documents of a real receive say about money and the customer: the seller's currency from its
policy (stored with the decision, printed on the credit memo and its reprint), the restocking-fee
receipt's credit memo, the customer's account number where the seller keeps accounts, and the history
list, the day's count and the daily report keeping each seller's currency."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.gui.day_count_label import work_words
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.services.day_counts import DayCountService
from receiving_app.services.search import RmaSearch
from tests.support.cli import run_cli
from tests.support.pdf import reading_text
from tests.support.receiving import receive
from tests.support.warehouse import Line, Rma, add_rmas

TODAY = date(2026, 3, 16)  # the records tests' calendar


def publish_in_euros(station) -> str:
    """Image-Pro's policy in effect, in euros, published by the demo's admin from today; its version."""
    drafts = station.policy_drafts
    drafts.start("euros", "image-pro-services", user="admin", station="office")
    draft = drafts.revise("euros", {"currency": "EUR"}, user="admin", station="office")
    return station.policy_publishing.publish(draft, TODAY, user="admin", station="office").version


def documents_of(station, number: str) -> dict[str, str]:
    """The documents of the RMA's standing decisions: type -> number."""
    return {
        document.type: document.number
        for decision in station.history.show_rma(number).decisions
        if not decision.voided
        for document in decision.documents
    }


def text_of(station, document_number: str, *, reprint: bool = False) -> str:
    return reading_text(station.history.document(document_number, reprint=reprint).pdf)


def test_a_seller_in_euros_is_refunded_in_euros_on_paper_and_in_the_records(station, tmp_path) -> None:
    version = publish_in_euros(station)
    add_rmas(station, tmp_path, Rma("RA0009101", lines=(Line(unit_price="1234.50", reason="not_needed"),)))

    result = receive(station, "RA0009101", 1)

    [decision] = station.history.show_rma("RA0009101").decisions
    assert decision.policy_version == version
    amounts = decision.amounts
    assert {amount.currency for amount in (amounts.merchandise, amounts.restocking_fee, decision.refund_total)} == {
        "EUR"
    }
    assert amounts.merchandise == Money.of("1234.50", currency="EUR")
    assert decision.refund_total == amounts.merchandise - amounts.restocking_fee  # 15% kept: 185.18
    assert result.as_json()["currency"] == "EUR"
    with station.units.read() as uow:  # the decision's row keeps the currency its plain cents are in
        assert uow.session.scalars(select(DecisionRow.currency)).all() == ["EUR"]

    memo = text_of(station, documents_of(station, "RA0009101")["credit_memo"])
    # Every money column names the currency, the figures are grouped in thousands and add up across.
    assert "Unit price (EUR) Merchandise (EUR) Restocking fee (EUR)" in memo
    assert "1,234.50 1,234.50 -185.18 0.00 0.00 1,049.32" in memo
    assert "Totals (EUR) 1,049.32" in memo
    assert "Refund total €1,049.32" in memo and "$" not in memo
    figures = re.search(r"Merchandise ([\d,.]+) Restocking fee (-[\d,.]+) Return label ([\d,.]+)", memo)
    assert figures is not None
    merchandise, fee, label = (Decimal(figure.replace(",", "")) for figure in figures.groups())
    assert merchandise + fee - label == decision.refund_total.amount
    # A reprint reads the amounts back in the currency they were decided in.
    reprint = text_of(station, documents_of(station, "RA0009101")["credit_memo"], reprint=True)
    assert "Refund total €1,049.32" in reprint and "Totals (EUR)" in reprint
    assert station.history.verify_audit_chain().first_break is None


def test_the_restocking_fee_receipt_names_the_credit_memo_it_was_deducted_from(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0009102", lines=(Line(reason="not_needed"),)))
    receive(station, "RA0009102", 1)

    numbers = documents_of(station, "RA0009102")
    memo, receipt = numbers["credit_memo"], numbers["restocking_fee_receipt"]
    text = text_of(station, receipt)
    assert f"Deducted from credit memo {memo}" in text
    assert f"The restocking fee was deducted from credit memo {memo}" in text
    # A dollar total says USD beside the "$" that other dollars use too.
    assert re.search(r"Refund after the fee \$\d+\.\d\d USD", text)


def test_the_account_number_is_on_the_papers_of_an_open_account_customer(station, tmp_path) -> None:
    # 4inkjets pays refunds back to the original payment, so it keeps no accounts of its own: the account
    # number is printed for the customer who bought on open account, and for no one else.
    add_rmas(
        station,
        tmp_path,
        Rma("RA0009103", seller="4inkjets", payment="open_account", account="C77001"),
        Rma("RA0009104", seller="4inkjets", payment="card", account="C77002"),
    )
    receive(station, "RA0009103", 1)
    receive(station, "RA0009104", 1)

    on_account = text_of(station, documents_of(station, "RA0009103")["credit_memo"])
    by_card = text_of(station, documents_of(station, "RA0009104")["credit_memo"])
    assert "Account C77001" in on_account
    assert "C77002" not in by_card


def test_a_seller_that_credits_accounts_prints_the_account_on_every_paper(station, tmp_path) -> None:
    add_rmas(
        station,
        tmp_path,
        Rma("RA0009105", payment="card", account="C77003", lines=(Line(reason="not_needed"),)),
    )
    receive(station, "RA0009105", 1)

    numbers = documents_of(station, "RA0009105")
    for document in (numbers["credit_memo"], numbers["restocking_fee_receipt"]):
        assert "Account C77003" in text_of(station, document)


def test_a_sellers_euros_are_counted_as_euros_beside_another_sellers_dollars(station, tmp_path) -> None:
    publish_in_euros(station)
    add_rmas(
        station,
        tmp_path,
        Rma("RA0009106", lines=(Line(unit_price="40.00", reason="defective"),)),
        Rma("RA0009107", seller="4inkjets", lines=(Line(unit_price="25.00", reason="defective"),)),
        Rma("RA0009108"),
    )
    euros = receive(station, "RA0009106", 1).decision.refund_total
    dollars = receive(station, "RA0009107", 1).decision.refund_total
    assert (euros.currency, dollars.currency) == ("EUR", "USD") and not euros.is_zero and not dollars.is_zero

    # The history list: each RMA's refunds in its seller's currency.
    found = {rma.number: rma for rma in station.search.search(RmaSearch(number="RA00091"), user="supervisor").rmas}
    assert found["RA0009106"].refund_total == euros
    assert found["RA0009107"].refund_total == dollars
    assert found["RA0009108"].last_decided is None  # nothing decided: the list leaves its refund blank

    # The day's count adds each currency apart, never euros to dollars.
    count = DayCountService(station.units).today("receiver", "bench-1")
    assert (count.clerk.lines, count.clerk.units) == (2, 2)
    assert count.clerk.refunded == (euros, dollars)  # in code order: EUR, then USD
    assert work_words(count.clerk) == f"2 lines, 2 cartridges, {money_text(euros)} + {money_text(dollars)}"
    assert money_text(euros).startswith("€")


def test_a_day_of_euros_and_dollars_is_reported_once_for_each_currency(station, tmp_path, database_url) -> None:
    publish_in_euros(station)
    add_rmas(
        station,
        tmp_path,
        Rma("RA0009109", lines=(Line(unit_price="40.00", reason="defective"),)),
        Rma("RA0009110", seller="4inkjets", lines=(Line(unit_price="25.00", reason="defective"),)),
    )
    euros = receive(station, "RA0009109", 1).decision.refund_total
    dollars = receive(station, "RA0009110", 1).decision.refund_total
    reports = station.reports
    day = reports.today()

    # Euros are never added to dollars: the day as a whole is refused, naming both currencies.
    with pytest.raises(InputError, match=r"more than one currency \(EUR, USD\).*--currency"):
        reports.daily(day)
    in_euros, in_dollars = reports.daily(day, currency="EUR"), reports.daily(day, currency="USD")
    assert (in_euros.currency, in_euros.lines_received, in_euros.refunded) == ("EUR", 1, euros)
    assert (in_dollars.currency, in_dollars.lines_received, in_dollars.refunded) == ("USD", 1, dollars)
    with pytest.raises(InputError, match="ISO 4217"):
        reports.daily(day, currency="euro")

    # The command line makes the same report, and its file says the currency.
    out = tmp_path / "euros.csv"
    run = run_cli("--db", database_url, "report", "daily", "--currency", "eur", "--out", str(out))
    assert run.code == 0, run.stderr
    assert "Currency,EUR" in out.read_text(encoding="utf-8")
    assert f"{euros} refunded" in run.stdout
