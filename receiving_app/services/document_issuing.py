"""Issuing the documents a decision names: numbered gaplessly, drawn and stored in the decision's transaction.

A number is taken from its type's counter inside the issuing transaction, so a rollback gives it
back and numbers never skip. Taking it locks the type's counter row until the commit, and every
station in a warehouse waits on that row, so the numbers are taken last, after everything else is
read, decided and written; then the PDFs are drawn (a pure function of the decision's records: the
layout has no clock) and stored with their rows, and the decision's audit event records each PDF's
digest. A document is never committed without its PDF. Documents numbered before December 2026 had
their PDFs stored in a transaction of their own, after the decision's, so a power cut between the two
could leave one without its PDF; whoever next needs such a document (a print, a reprint, receiving
the line again) draws and stores it. A reprint renders the same content again marked COPY.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from receiving_app.documents.model import RMA_LABEL, DocumentContent, Evidence, LineDetail, PageSize, Party
from receiving_app.documents.shared_parts import lean_pdf
from receiving_app.domain.audit import AuditEvent
from receiving_app.domain.decision import Amounts, DocumentType, Outcome, Reason
from receiving_app.domain.facts import ReturnReason
from receiving_app.domain.media import Medium
from receiving_app.domain.money import Money
from receiving_app.domain.policy import Policy
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.persistence.order_tables import CustomerRow, OrderRow
from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow
from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.policy_book import policy_of_decision
from receiving_app.services.station_time import on_station_clock
from receiving_app.services.stored_pdfs import dictionary_for, require_as_stored, whole_stored_pdf

Renderer = Callable[[DocumentContent, Medium | None], bytes]
"""Draws a document on a printer's paper, or on the paper it is stored on when given None."""

NUMBER_PREFIX = {
    DocumentType.CREDIT_MEMO: "CM",
    DocumentType.RESTOCKING_FEE_RECEIPT: "RF",
    DocumentType.DENIAL_NOTICE: "DN",
    DocumentType.REPLACEMENT_SLIP: "RS",
}
CONDITION_LABELS = (
    ("unopened", "Unopened"),
    ("sealed", "Sealed"),
    ("original_packaging", "Original packaging"),
    ("box_damage", "Box damage"),
    ("labels_intact", "Labels intact"),
)
FLAG_LABELS = (
    ("sold_by_seller", "Sold by this seller"),
    ("hp_plus_rejected", "Rejected by an HP+ printer"),
    ("firmware_blocked", "Blocked by printer firmware"),
    ("improper_use", "Improper use"),
)


@dataclass(frozen=True, slots=True)
class UnrenderedDocument:
    """A numbered document whose PDF is still to be drawn from ``content``."""

    number: str
    document_type: DocumentType
    content: DocumentContent


@dataclass(frozen=True, slots=True)
class DrawnDocument:
    """A numbered document with its PDF drawn: what the decision's audit event says of it."""

    number: str
    document_type: DocumentType
    pdf_sha256: str


def document_number(document_type: DocumentType, sequence: int) -> str:
    return f"{NUMBER_PREFIX[document_type]}-{sequence:06d}"


class DocumentIssuer:
    """Numbers, draws and stores documents; ``zone`` is the station's time zone their times are printed in
    (None: this computer's)."""

    def __init__(
        self,
        render: Renderer,
        policies: Mapping[str, Policy],
        page_size: PageSize = "letter",
        *,
        zone: tzinfo | None = None,
    ) -> None:
        self._render = render
        self._policies = policies
        self.page_size = page_size
        self.zone = zone
        self._dictionaries: dict[str, bytes] = {}

    def issue_for(
        self,
        uow: UnitOfWork,
        decision: DecisionRow,
        document_types: Sequence[DocumentType],
        rma: RmaRow,
        line: RmaLineRow,
        station: str,
        *,
        numbers: Mapping[str, int],
        policy: Policy | None = None,
    ) -> list[UnrenderedDocument]:
        """Numbers the decision's documents with ``numbers``, each type's next number, which the caller
        takes from the counters last, just before its commit (``next_document_sequences``), and attaches
        them to the decision for the caller to draw (``draw``) and write (``write_issued``). ``policy``: the
        version that decided, if at hand."""
        rows = [
            DocumentRow(
                number=document_number(document_type, numbers[document_type.value]),
                document_type=document_type.value,
                sequence=numbers[document_type.value],
                decision_id=decision.id,
                issued_at=decision.decided_at,
                issued_by=decision.decided_by,
                station_id=station,
                print_count=0,
            )
            for document_type in document_types
        ]
        # Attached before any is drawn up: a document may name another of the same decision.
        uow.records.attach_issued(decision, documents=rows)
        return [
            UnrenderedDocument(row.number, document_type, self.content(uow, row, decision, rma, line, policy=policy))
            for document_type, row in zip(document_types, rows, strict=True)
        ]

    def draw(
        self, uow: UnitOfWork, decision: DecisionRow, documents: Sequence[UnrenderedDocument]
    ) -> list[DrawnDocument]:
        """Draws the numbered ``documents`` and puts each PDF, kept lean, in its row before the row is written
        (``write_issued``), with the shared parts the station does not hold yet (one look for all of them)."""
        rows = {row.number: row for row in decision.documents}
        drawn: list[DrawnDocument] = []
        shared: dict[str, bytes] = {}
        for document in documents:
            pdf = self._render(document.content, None)
            sha256 = hashlib.sha256(pdf).hexdigest()
            lean = lean_pdf(pdf, self._dictionary(uow, document.document_type.value))
            shared.update(lean.shared)
            row = rows[document.number]
            row.pdf, row.pdf_sha256, row.pdf_parts = lean.deflated, sha256, lean.kept_as
            drawn.append(DrawnDocument(document.number, document.document_type, sha256))
        uow.records.keep_document_parts(shared)
        return drawn

    def stored_pdf(self, uow: UnitOfWork, document: DocumentRow, *, user: str, station: str) -> bytes:
        """The document's PDF as issued; one that a power cut left unrendered is rendered and stored now."""
        stored = whole_stored_pdf(uow, document)
        if stored is None:
            decision = document.decision
            line = uow.session.get_one(RmaLineRow, decision.rma_line_id)
            rendered = self._render(self.content(uow, document, decision, line.rma, line), None)
            self._store(uow, document.number, document.document_type, line.rma.number, rendered, user, station)
            uow.session.refresh(document)
            # Another station may have stored its own rendering first (its paper size, say): theirs stands.
            stored = whole_stored_pdf(uow, document) or rendered
        else:
            require_as_stored(uow, document.number, uow.records.rma_number_of_document(document), stored)
        return stored

    def _store(
        self, uow: UnitOfWork, number: str, document_type: str, rma_number: str, pdf: bytes, user: str, station: str
    ) -> None:
        sha256 = hashlib.sha256(pdf).hexdigest()
        lean = lean_pdf(pdf, self._dictionary(uow, document_type))
        # Another station may have stored it first (the same bytes: rendering is deterministic).
        if uow.records.store_document_pdf(number, lean.deflated, sha256, parts=lean.kept_as, shared=lean.shared):
            uow.record(
                AuditEvent("document_stored", user, station, rma_number, {"number": number, "pdf_sha256": sha256})
            )

    def _dictionary(self, uow: UnitOfWork, document_type: str) -> bytes | None:
        """The type's dictionary (``stored_pdfs.dictionary_for``), read once: it never changes. Should the
        database be restored to a time before it, storing it again with the next document puts it back."""
        kept = self._dictionaries.get(document_type)
        if kept is None:
            kept = dictionary_for(uow, document_type)
            if kept is not None:
                self._dictionaries[document_type] = kept
        return kept

    def label(self, rma: RmaRow, *, station: str, medium: Medium | None = None) -> bytes:
        """The RMA's parcel label, drawn for ``medium`` (a 4 x 6 in label when None)."""
        order, customer = rma.order, rma.order.customer
        policy = self._policies.get(rma.seller_id)
        currency = policy.currency if policy else None
        return self._render(
            DocumentContent(
                document_type=RMA_LABEL,
                document_number=rma.number,
                issued_at=on_station_clock(rma.created_at, self.zone),
                station_id=station,
                seller=Party(rma.seller.name, tuple(rma.seller.return_address.splitlines())),
                authorization_word=rma.seller.authorization,
                policy_id=rma.seller_id,
                policy_version=policy.version if policy else "",
                customer=Party(customer.name, tuple(customer.address.splitlines())),
                rma_number=rma.number,
                order_number=order.number,
                lines=tuple(
                    LineDetail(
                        line_number=line.line_no,
                        sku=line.sku,
                        description=line.item.description,
                        quantity=line.quantity,
                        unit_price=_in(line.order_line.unit_price, currency),
                        amounts=Amounts.nothing_moves(_in(line.order_line.unit_price, currency) * line.quantity),
                        total=_in(line.order_line.unit_price, currency) * line.quantity,
                    )
                    for line in rma.lines
                ),
                received_by="",
                page_size=self.page_size,
            ),
            medium,
        )

    def reprint(self, uow: UnitOfWork, document: DocumentRow, medium: Medium | None = None) -> bytes:
        """The document again, marked COPY, on ``medium`` or on the paper it is stored on."""
        return self.drawn_for(uow, document, medium, copy=True)

    def drawn_for(self, uow: UnitOfWork, document: DocumentRow, medium: Medium | None, *, copy: bool = False) -> bytes:
        """The document drawn from its records for a printer's paper; the stored PDF stays the record."""
        decision = document.decision
        line = uow.session.get_one(RmaLineRow, decision.rma_line_id)
        return self._render(self.content(uow, document, decision, line.rma, line, copy=copy), medium)

    def content(
        self,
        uow: UnitOfWork,
        document: DocumentRow,
        decision: DecisionRow,
        rma: RmaRow,
        line: RmaLineRow,
        *,
        copy: bool = False,
        policy: Policy | None = None,
    ) -> DocumentContent:
        order = rma.order
        customer = order.customer
        # The rules quoted are those of the version that decided, not today's: a reprint says what the original said.
        if policy is None or (policy.id, policy.version) != (decision.policy_id, decision.policy_version):
            policy = policy_of_decision(self._policies, uow, decision.policy_id, decision.policy_version)
        reasons = tuple(Reason(reason["code"], reason["text"]) for reason in decision.reasons)
        document_type = DocumentType(document.document_type)
        return DocumentContent(
            document_type=document_type,
            document_number=document.number,
            issued_at=on_station_clock(document.issued_at, self.zone),
            station_id=document.station_id,
            seller=Party(rma.seller.name, tuple(rma.seller.return_address.splitlines())),
            authorization_word=rma.seller.authorization,
            policy_id=decision.policy_id,
            policy_version=decision.policy_version,
            customer=Party(customer.name, tuple(customer.address.splitlines())),
            rma_number=rma.number,
            order_number=order.number,
            lines=(
                LineDetail(
                    line_number=line.line_no,
                    sku=line.sku,
                    description=line.item.description,
                    quantity=_units_decided(decision, line),
                    unit_number=decision.unit_no,
                    unit_count=line.quantity,
                    unit_price=_in(line.order_line.unit_price, decision.currency),
                    amounts=decision.amounts,
                    total=decision.refund_total,
                ),
            ),
            customer_account=customer.account_number if _uses_accounts(policy, order) else "",
            credit_memo_number=(
                _credit_memo_number(decision) if document_type is DocumentType.RESTOCKING_FEE_RECEIPT else None
            ),
            received_by=_display_name(uow, decision.decided_by),
            outcome=Outcome(decision.outcome),
            refund_method=_refund_method_words(decision.refund_method, order.payment_method, customer),
            reasons=reasons,
            rule_texts=_rule_texts(policy, line.reason, reasons) if decision.outcome == "denied" else (),
            refund_timing=policy.refund_timing if policy else "",
            evidence=_evidence(decision),
            overridden_by=_display_name(uow, decision.overridden_by) if decision.overridden_by else None,
            override_reason=decision.override_reason,
            finding=_finding_words(decision),
            approved_by=_display_name(uow, decision.approved_by) if decision.approved_by else None,
            approval_note=decision.approval_note,
            copy=copy,
            voided=document.voided_at is not None,
            void_reason=document.void_reason,
            page_size=self.page_size,
        )


def _in(price: Money, currency: str | None) -> Money:
    """An order's price, a plain figure read as the station's currency, in the seller's currency."""
    return price if currency is None or price.currency == currency else Money(price.amount, currency)


def _uses_accounts(policy: Policy | None, order: OrderRow) -> bool:
    """Whether the customer's account number belongs on the seller's documents: the order was placed on the
    customer's open account, or the seller keeps its customers by account (it pays refunds as account credit)."""
    return order.payment_method == "open_account" or bool(policy and policy.account_credit_for_open_account)


def _credit_memo_number(decision: DecisionRow) -> str | None:
    """The credit memo a restocking fee was kept from: the one issued for the same decision."""
    return next((document.number for document in decision.documents if document.document_type == "credit_memo"), None)


def _units_decided(decision: DecisionRow, line: RmaLineRow) -> int:
    # Decisions are made unit by unit; one recorded before that decided the whole line at once.
    whole_line = _in(line.order_line.unit_price, decision.currency) * line.quantity
    return line.quantity if line.quantity > 1 and decision.amounts.merchandise == whole_line else 1


def _finding_words(decision: DecisionRow) -> str | None:
    parts = []
    if decision.reason != decision.stated_reason:
        parts.append(
            f"the customer gave the reason {_words(decision.stated_reason)}; "
            f"the return was found to be {_words(decision.reason)}"
        )
    if decision.customer_choice != decision.stated_choice:
        parts.append(f"the customer asked for a {decision.stated_choice}; a {decision.customer_choice} was decided")
    return ("; ".join(parts) + ".").capitalize() if parts else None


def _words(code: str) -> str:
    return code.replace("_", " ")


def _display_name(uow: UnitOfWork, user_name: str) -> str:
    user = uow.records.user(user_name)
    return f"{user.display_name} ({user_name})" if user and user.display_name != user_name else user_name


def _refund_method_words(method: str | None, payment_method: str, customer: CustomerRow) -> str | None:
    if method is None:
        return None
    if method == "account_credit":
        return f"Credit to account {customer.account_number}"
    if payment_method == "card" and customer.card_last4:
        return f"Card ending {customer.card_last4}"
    return {"card": "Original card", "paypal": "PayPal", "check": "Check by mail", "open_account": "Original payment"}[
        payment_method
    ]


def _rule_texts(policy: Policy | None, reason: str, reasons: tuple[Reason, ...]) -> tuple[str, ...]:
    if policy is None:
        return ()
    texts = (policy.rule_text(ReturnReason(reason), item.code) for item in reasons if item.denies)
    return tuple(dict.fromkeys(text for text in texts if text))


def _evidence(decision: DecisionRow) -> Evidence:
    inspection = decision.inspection
    captured = next((reading for reading in inspection.readings if reading.captured), None)
    return Evidence(
        weight=WeightCapture(
            captured.value, captured.unit, captured.grams, captured.stable, captured.source, captured.read_at
        )
        if captured
        else None,
        fill_fraction=decision.fill_fraction,
        condition=tuple((label, getattr(inspection, name)) for name, label in CONDITION_LABELS),
        flags=tuple((label, getattr(inspection, name)) for name, label in FLAG_LABELS),
        contradictions=tuple(item["text"] for item in decision.contradictions),
        photos=tuple(photo.printable for photo in inspection.photos),
    )
