"""Document content built the way the services will build it: from real policies and real decisions."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from PIL import Image, ImageDraw

from receiving_app.documents.model import RMA_LABEL, DocumentContent, Evidence, LineDetail, Party
from receiving_app.domain.decision import Amounts, Decision, DocumentType, Outcome
from receiving_app.domain.engine import decide, decide_with_override
from receiving_app.domain.facts import (
    Category,
    Condition,
    CustomerChoice,
    Item,
    PaymentMethod,
    ReturnDates,
    ReturnFacts,
    ReturnReason,
)
from receiving_app.domain.money import Money
from receiving_app.domain.policy import Policy
from receiving_app.domain.weight import FillMeasurement, Weight
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.locations import policies_dir
from receiving_app.persistence.policy_files import load_policies

ISSUED_AT = datetime(2026, 3, 27, 14, 5, tzinfo=timezone(timedelta(hours=-5)))
CUSTOMER = Party(
    "Northwind Dental Clinic", ("Attn: Maria Alvarez", "1418 Harbor Road, Suite 200", "Portland, OR 97201")
)
SELLER_ADDRESSES = {
    "true-image": ("Returns Dept.", "220 Industrial Pkwy, Dock 4", "Reno, NV 89502"),
    "image-pro-services": ("Returns - Dock B", "5510 Commerce Drive", "Columbus, OH 43228"),
    "image-pro-international": ("RGA Processing", "77 Gateway Blvd", "Miami, FL 33166"),
    "4inkjets": ("Attn: Returns", "4000 Outlet Way", "Fresno, CA 93722"),
}
CONDITION_LABELS = {
    "unopened": "Unopened",
    "sealed": "Sealed",
    "original_packaging": "Original packaging",
    "box_damage": "Box damage",
    "labels_intact": "Labels intact",
}

CONDITION_AS_SOLD = Condition.as_sold()


@pytest.fixture(scope="session")
def policies() -> Mapping[str, Policy]:
    return load_policies(policies_dir())


def thumbnail(color: str, label: str, image_format: str) -> bytes:
    """A small photo-like picture, the same bytes every time."""
    picture = Image.new("RGB", (160, 120), color)
    pen = ImageDraw.Draw(picture)
    pen.rectangle((30, 25, 130, 95), outline="black", width=4)
    pen.text((40, 50), label, fill="black")
    output = io.BytesIO()
    picture.save(output, format=image_format)
    return output.getvalue()


def scale_weight(grams: Decimal) -> WeightCapture:
    return WeightCapture(grams, "g", grams, True, "mt-sics")


def evidence_for(facts: ReturnFacts, *, photos: tuple[bytes, ...] = (), by_hand: bool = False) -> Evidence:
    fill = facts.fill
    return Evidence(
        weight=(WeightCapture.typed(Weight(fill.measured_g)) if by_hand else scale_weight(fill.measured_g))
        if fill
        else None,
        fill_fraction=fill.reported_fraction if fill else None,
        condition=tuple((CONDITION_LABELS[name], getattr(facts.condition, name)) for name in CONDITION_LABELS),
        flags=(("Sold by seller", facts.flags.sold_by_seller), ("HP+ rejected", facts.flags.hp_plus_rejected)),
        photos=photos,
    )


def content_for(
    policy: Policy,
    decisions: list[tuple[ReturnFacts, Decision, str]],
    document_type: DocumentType | str,
    number: str,
    **overrides: object,
) -> DocumentContent:
    """Content for one document covering the decided lines (facts, decision, description)."""
    lines = tuple(
        LineDetail.from_decision(
            line_number=index,
            sku=facts.item.sku,
            description=description,
            quantity=facts.item.quantity,
            unit_price=facts.item.unit_price,
            decision=decision,
        )
        for index, (facts, decision, description) in enumerate(decisions, start=1)
    )
    first_facts, first_decision, _ = decisions[0]
    content = DocumentContent(
        document_type=document_type,
        document_number=number,
        issued_at=ISSUED_AT,
        station_id="BENCH-02",
        seller=Party(policy.seller, SELLER_ADDRESSES[policy.id]),
        authorization_word=policy.authorization,
        policy_id=first_decision.policy_id,
        policy_version=first_decision.policy_version,
        customer=CUSTOMER,
        rma_number="RA-104233",
        order_number="SO-558120",
        lines=lines,
        received_by="Dana Whitfield",
        outcome=first_decision.outcome,
        reasons=tuple(reason for _, decision, _ in decisions for reason in decision.reasons),
        refund_timing=policy.refund_timing,
        evidence=evidence_for(first_facts),
    )
    return dataclasses.replace(content, **overrides)


def toner_return(
    reason: ReturnReason,
    *,
    sku: str = "TN-660",
    price: str = "54.99",
    quantity: int = 1,
    measured_g: str | None = "812.4",
    condition: Condition = CONDITION_AS_SOLD,
    choice: CustomerChoice = CustomerChoice.REFUND,
    payment: PaymentMethod = PaymentMethod.OPEN_ACCOUNT,
    shipping_paid: str = "0.00",
    return_label_cost: str = "0.00",
) -> ReturnFacts:
    return ReturnFacts(
        reason=reason,
        item=Item(sku, Category.TONER, Money.of(price), quantity),
        dates=ReturnDates(
            purchased=date(2026, 3, 2),
            shipped=date(2026, 3, 3),
            delivered=date(2026, 3, 6),
            reported=date(2026, 3, 20),
            received=date(2026, 3, 27),
        ),
        payment_method=payment,
        customer_choice=choice,
        shipping_paid=Money.of(shipping_paid),
        return_label_cost=Money.of(return_label_cost),
        fill=(
            FillMeasurement(Decimal(measured_g), Decimal("815.0"), Decimal("590.0")) if measured_g is not None else None
        ),
        condition=condition,
    )


@pytest.fixture
def credit_memo_content(policies: Mapping[str, Policy]) -> DocumentContent:
    """The worked example of docs/return-policies.md, with photos.

    Image-Pro, not needed, a 15% fee, credited to an open account.
    """
    policy = policies["image-pro-services"]
    facts = toner_return(ReturnReason.NOT_NEEDED)
    decision = decide(policy, facts)
    content = content_for(
        policy,
        [(facts, decision, "Brother TN-660 high-yield black toner")],
        DocumentType.CREDIT_MEMO,
        "CM-2026-000123",
        refund_method="Credit to account 10023",
    )
    photos = (thumbnail("#d8e4f0", "front", "PNG"), thumbnail("#f0e0c8", "label", "JPEG"))
    return dataclasses.replace(content, evidence=evidence_for(facts, photos=photos))


OVERRIDE_REASON = "Long-standing customer; the fee is waived in part"


@pytest.fixture
def override_memo_content(policies: Mapping[str, Policy]) -> DocumentContent:
    """The worked example refunded by a supervisor's override, as the station issues it: the override's
    reason first among the decision's reasons, and the supervisor named."""
    policy = policies["image-pro-services"]
    facts = toner_return(ReturnReason.NOT_NEEDED)
    decision = decide_with_override(policy, facts, Outcome.REFUND, OVERRIDE_REASON)
    return content_for(
        policy,
        [(facts, decision, "Brother TN-660 high-yield black toner")],
        DocumentType.CREDIT_MEMO,
        "CM-2026-000125",
        refund_method="Credit to account 10023",
        overridden_by="Sam Okafor (supervisor)",
        override_reason=OVERRIDE_REASON,
    )


@pytest.fixture
def two_line_credit_memo_content(policies: Mapping[str, Policy]) -> DocumentContent:
    """True Image: one line with a fee and the return label deducted, one shipped wrong with shipping refunded."""
    policy = policies["true-image"]
    unwanted = toner_return(
        ReturnReason.NOT_NEEDED, quantity=2, payment=PaymentMethod.CARD, return_label_cost="8.95", measured_g=None
    )
    wrong = toner_return(
        ReturnReason.WRONG_ITEM_SHIPPED,
        sku="CE285A",
        price="39.50",
        payment=PaymentMethod.CARD,
        shipping_paid="7.95",
        measured_g=None,
    )
    return content_for(
        policy,
        [
            (unwanted, decide(policy, unwanted), "Brother TN-660 high-yield black toner"),
            (wrong, decide(policy, wrong), "HP 85A black toner cartridge (shipped instead of CE505A)"),
        ],
        DocumentType.CREDIT_MEMO,
        "CM-2026-000124",
        refund_method="Card ending 4242",
    )


@pytest.fixture
def restocking_receipt_content(credit_memo_content: DocumentContent) -> DocumentContent:
    return dataclasses.replace(
        credit_memo_content, document_type=DocumentType.RESTOCKING_FEE_RECEIPT, document_number="RF-2026-000045"
    )


@pytest.fixture
def denial_content(policies: Mapping[str, Policy]) -> DocumentContent:
    """Image-Pro: an opened, nearly empty toner sent back as not needed: two rules deny it."""
    policy = policies["image-pro-services"]
    facts = toner_return(
        ReturnReason.NOT_NEEDED,
        measured_g="601.2",
        condition=Condition(
            unopened=False, sealed=False, original_packaging=True, box_damage=False, labels_intact=True
        ),
    )
    decision = decide(policy, facts)
    rules = policy.rules_for(facts.reason)
    return content_for(
        policy,
        [(facts, decision, "Brother TN-660 high-yield black toner")],
        DocumentType.DENIAL_NOTICE,
        "DN-2026-000031",
        rule_texts=(rules.saleable_text, policy.fill_rule.sentence()),
    )


@pytest.fixture
def replacement_content(policies: Mapping[str, Policy]) -> DocumentContent:
    """4inkjets: a defective toner; the customer asked for a replacement."""
    policy = policies["4inkjets"]
    facts = toner_return(ReturnReason.DEFECTIVE, choice=CustomerChoice.REPLACEMENT, measured_g=None)
    decision = decide(policy, facts)
    return content_for(
        policy,
        [(facts, decision, "Brother TN-660 high-yield black toner")],
        DocumentType.REPLACEMENT_SLIP,
        "RS-2026-000088",
        rma_number="RMA-220871",
        overridden_by="Sam Okafor (supervisor)",
        override_reason="Customer called: the printer is under a service contract; replacement approved.",
    )


@pytest.fixture
def rma_label_content(policies: Mapping[str, Policy]) -> DocumentContent:
    policy = policies["image-pro-international"]
    return DocumentContent(
        document_type=RMA_LABEL,
        document_number="RGA-300518",
        issued_at=ISSUED_AT,
        station_id="BENCH-02",
        seller=Party(policy.seller, SELLER_ADDRESSES[policy.id]),
        authorization_word=policy.authorization,
        policy_id=policy.id,
        policy_version=policy.version,
        customer=CUSTOMER,
        rma_number="RGA-300518",
        order_number="SO-558120",
        lines=tuple(
            LineDetail(
                number, sku, "toner", 1, Money.of(price), Amounts.nothing_moves(Money.of(price)), Money.of(price)
            )
            for number, (sku, price) in enumerate([("TN-660", "54.99"), ("CE285A", "39.50"), ("DR-630", "89.00")], 1)
        ),
        received_by="Dana Whitfield",
    )
