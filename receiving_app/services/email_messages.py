"""The e-mail an outbox row stands for, made when it is sent from the committed records and the seller's
texts (resources/messages): the arrival of a return, or a decision with its documents attached.

A message is made the same way every time it is made (its Date is its event's time, its Message-ID
the row's key), so one sent again after an interruption is the same message. A decision's PDFs are
committed with it (see document_issuing); one issued before December 2026, when PDFs were stored in a
transaction after the decision's, may still be missing, so the e-mail waits for it a while, then names
it for the sender to draw. A decision voided before its e-mail went out is not written about.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from receiving_app.domain.customer_messages import MessageTexts, Template, filled
from receiving_app.domain.decision import Amounts, DocumentType
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.outbox_tables import OutboxMessageRow
from receiving_app.persistence.outbox_writing import NO_ADDRESS
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.document_issuing import DocumentIssuer
from receiving_app.services.station_time import on_station_clock
from receiving_app.services.stored_pdfs import StoredPdfChanged, require_as_stored, whole_stored_pdf

PDF_RECHECK = timedelta(seconds=30)  # a decision's PDFs come seconds after it
PDF_WAIT = timedelta(minutes=2)
"""How long a decision's e-mail waits for a PDF stored after the decision (as stations did before December
2026); after that it is taken as lost to a power cut and drawn by the sender."""


@dataclass(frozen=True, slots=True)
class Ready:
    message: EmailMessage


@dataclass(frozen=True, slots=True)
class NotYet:
    """Not ready to send: why, how long to wait before looking again, and the documents whose PDFs the
    sender should draw now."""

    reason: str
    undrawn: tuple[str, ...] = ()
    wait: timedelta = PDF_RECHECK


@dataclass(frozen=True, slots=True)
class NotSent:
    """Nothing will be sent for this row, and why (recorded on it)."""

    reason: str


Made = Ready | NotYet | NotSent


class CustomerEmails:
    def __init__(self, texts: Mapping[str, MessageTexts], issuer: DocumentIssuer, sender_address: str) -> None:
        self._texts = texts
        self._issuer = issuer
        self._sender_address = sender_address

    def made(self, uow: UnitOfWork, row: OutboxMessageRow, *, now: datetime) -> Made:
        rma = uow.records.rma(row.rma_number or "")
        if rma is None:
            return NotSent(f"RMA {row.rma_number} is not on file.")
        texts = self._texts.get(rma.seller_id)
        if texts is None:
            return NotSent(f"No e-mail texts are installed for the seller {rma.seller_id}.")
        if not rma.order.customer.email.strip():
            return NotSent(NO_ADDRESS)
        if row.event_type == "rma.arrived":
            # A matched unidentified parcel arrived before its RMA existed: the day it came, not the match's.
            arrived_at = json.loads(row.payload).get("arrived_at")
            arrived = datetime.fromisoformat(arrived_at) if arrived_at else row.created_at
            arrived_on = on_station_clock(arrived, self._issuer.zone).date()
            return Ready(self._message(row, rma, texts, texts.arrival, _arrival_values(rma, texts, arrived_on)))
        return self._decision(uow, row, rma, texts, json.loads(row.payload), now)

    def _decision(
        self,
        uow: UnitOfWork,
        row: OutboxMessageRow,
        rma: RmaRow,
        texts: MessageTexts,
        details: dict[str, Any],
        now: datetime,
    ) -> Made:
        decision = uow.session.get(DecisionRow, details.get("decision_id") or 0)
        if decision is None:
            return NotSent("The decision it reports is not on file.")
        if decision.voided_at is not None:
            return NotSent(f"The decision was voided before its e-mail went out ({decision.void_reason}).")
        named = set(details.get("documents") or ())
        documents = [document for document in decision.documents if not named or document.number in named]
        undrawn = tuple(document.number for document in documents if not document.stored)
        if undrawn:
            overdue = now - row.created_at >= PDF_WAIT
            return NotYet(f"Waiting for the PDF of {', '.join(undrawn)}.", undrawn if overdue else ())
        line = uow.session.get_one(RmaLineRow, decision.rma_line_id)
        values = self._decision_values(uow, rma, line, decision, documents, texts)
        message = self._message(row, rma, texts, texts.decisions[decision.outcome], values)
        for document in documents:
            try:
                pdf = whole_stored_pdf(uow, document)
                assert pdf is not None  # every undrawn PDF was waited for above
                require_as_stored(uow, document.number, rma.number, pdf)
            except StoredPdfChanged as problem:  # a customer is sent the file that was issued, or nothing
                return NotSent(str(problem))
            message.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"{document.number}.pdf")
        return Ready(message)

    def _decision_values(
        self,
        uow: UnitOfWork,
        rma: RmaRow,
        line: RmaLineRow,
        decision: DecisionRow,
        documents: Sequence[DocumentRow],
        texts: MessageTexts,
    ) -> dict[str, str]:
        # The words the documents print (refund method, reasons, timing) are the words the e-mail says.
        content = self._issuer.content(uow, documents[0], decision, rma, line) if documents else None
        reasons = content.reasons if content else ()
        amounts = decision.amounts
        plate = decision.license_plate
        reclaim = ""
        if decision.outcome == "denied" and plate is not None and plate.held_until is not None:
            # A unit held "until" a day moves on that day: the customer's last day is the one before.
            reclaim = filled(
                texts.reclaim, {"reclaim_by": _day(plate.held_until - timedelta(days=1)), "lpn": plate.lpn}
            )
        return {
            **_common_values(rma, texts),
            "line": str(line.line_no),
            "sku": line.sku,
            "description": line.item.description,
            "outcome": decision.outcome,
            "reasons": "\n".join(f"- {texts.reason_text(reason.code, reason.text)}" for reason in reasons),
            "amounts": _amount_lines(amounts, decision.refund_total),
            "refund_total": money_text(decision.refund_total),
            "refund_method": (content.refund_method if content else None) or "no payment",
            "refund_timing": content.refund_timing if content else "",
            "documents": ", ".join(
                f"{document.number} ({DocumentType(document.document_type).heading.lower()})" for document in documents
            ),
            "reclaim": reclaim,
        }

    def _message(
        self, row: OutboxMessageRow, rma: RmaRow, texts: MessageTexts, template: Template, values: dict[str, str]
    ) -> EmailMessage:
        message = EmailMessage()
        message["From"] = formataddr((texts.sender_name, self._sender_address))
        customer = rma.order.customer
        message["To"] = formataddr((customer.name, customer.email.strip()))
        message["Subject"] = filled(template.subject, values)
        message["Date"] = format_datetime(on_station_clock(row.created_at, self._issuer.zone))
        message["Message-ID"] = row.email_message_id
        message["Auto-Submitted"] = "auto-generated"  # no out-of-office answer comes back to it
        message.set_content(_tidy(filled(template.body, values)))
        return message


def _common_values(rma: RmaRow, texts: MessageTexts) -> dict[str, str]:
    return {
        "seller": rma.seller.name,
        "customer_name": rma.order.customer.name,
        "rma_number": rma.number,
        "order_number": rma.order.number,
        "contact": "\n".join(texts.contact),
    }


def _arrival_values(rma: RmaRow, texts: MessageTexts, arrived_on: date) -> dict[str, str]:
    """``arrived_on``: the day on the station's calendar, which is the customer's sense of "the day it came"."""
    items = "\n".join(f"- {line.quantity} × {line.item.description} ({line.sku})" for line in rma.lines)
    return {**_common_values(rma, texts), "arrived_on": _day(arrived_on), "items": items}


def _amount_lines(amounts: Amounts, refund_total: Money) -> str:
    lines = [("Merchandise", money_text(amounts.merchandise))]
    if not amounts.restocking_fee.is_zero:
        lines.append(("Restocking fee", money_text(_taken_off(amounts.restocking_fee))))
    if not amounts.return_shipping_deduction.is_zero:
        lines.append(("Return label", money_text(_taken_off(amounts.return_shipping_deduction))))
    if not amounts.shipping_refund.is_zero:
        lines.append(("Shipping refunded", money_text(amounts.shipping_refund)))
    lines.append(("Refund", money_text(refund_total)))
    width = max(len(label) for label, _ in lines)
    return "\n".join(f"  {label.ljust(width)}  {amount:>10}" for label, amount in lines)


def _taken_off(amount: Money) -> Money:
    return Money.zero(amount.currency) - amount


def _day(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def _tidy(body: str) -> str:
    """The body without the blank lines an empty value (no reclaim sentence) leaves behind."""
    paragraphs = [paragraph.strip("\n") for paragraph in body.strip().split("\n\n")]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph.strip()) + "\n"
