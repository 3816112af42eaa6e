"""Privacy in reports: who may see customer details, and free text cleaned of them.

A report names operators and supervisors, who are station users, and never a customer. Only an
admin may ask for customer details (``include_personal_data``), and the service checks the role
itself. Notes typed at the bench (hold notes, void reasons, approval notes, override reasons) might
mention the customer, so a note is cleaned of the customer's name, email, phone and card digits
(and of any email address or phone number) unless an admin asked for personal data; anything that
looks like a full card number is removed always.
"""

from __future__ import annotations

import re
from typing import Protocol

from receiving_app.persistence.unit_of_work import UnitOfWork
from receiving_app.services.errors import NotAllowed

ROLES_SEEING_PERSONAL_DATA = frozenset({"admin"})
REMOVED = "[removed]"

_CARD_LIKE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_LIKE = re.compile(r"(?<![\w])\+?\(?\d[\d ().-]{5,}\d(?!\w)")
_CARD_DIGITS = re.compile(
    r"\b(card|visa|mastercard|master card|amex|discover|ending(?: in)?|ends in|last ?(?:4|four)|cc)"
    r"(\W{1,12})(\d{4})(?!\d)",
    re.IGNORECASE,
)


class CustomerColumns(Protocol):
    """The customer's columns a report row carries beside the note written about it."""

    @property
    def customer_name(self) -> str | None: ...
    @property
    def customer_email(self) -> str | None: ...
    @property
    def customer_phone(self) -> str | None: ...
    @property
    def card_last4(self) -> str | None: ...


def require_personal_data_role(uow: UnitOfWork, user: str | None) -> None:
    if not user:
        raise NotAllowed("Customer details in a report need an admin to ask for them; say who is asking.")
    person = uow.records.user(user)
    if person is None or not person.active:
        raise NotAllowed(f"{user!r} is not a known, active user of this station.")
    if person.role not in ROLES_SEEING_PERSONAL_DATA:
        raise NotAllowed(f"{user} is a {person.role}; only an admin may include customer details in a report.")


def clean_note(note: str, customer: CustomerColumns, *, personal: bool) -> str:
    """A note fit for the report: card numbers never; the customer's details only with personal data."""
    if not note.strip():
        return note  # most findings carry no note: nothing to clean
    cleaned = _CARD_LIKE.sub(REMOVED, note)
    if personal:
        return cleaned
    cleaned = _EMAIL.sub(REMOVED, cleaned)
    cleaned = _CARD_DIGITS.sub(lambda found: f"{found.group(1)}{found.group(2)}{REMOVED}", cleaned)
    cleaned = _PHONE_LIKE.sub(
        lambda found: REMOVED if sum(ch.isdigit() for ch in found.group()) >= 7 else found.group(), cleaned
    )
    for detail in (customer.customer_email, customer.customer_phone, customer.customer_name):
        if detail and detail.strip():
            cleaned = re.sub(re.escape(detail.strip()), REMOVED, cleaned, flags=re.IGNORECASE)
    for part in (customer.customer_name or "").replace(",", " ").split():
        if len(part.strip(".")) >= 3:
            cleaned = re.sub(rf"(?<!\w){re.escape(part.strip('.'))}(?!\w)", REMOVED, cleaned, flags=re.IGNORECASE)
    if customer.card_last4:
        cleaned = re.sub(rf"(?<!\d){re.escape(customer.card_last4)}(?!\d)", REMOVED, cleaned)
    return cleaned


def customer_words(row: CustomerColumns) -> str:
    """Name, phone and email of the customer on ``row``, for a report an admin asked personal data for."""
    return ", ".join(part for part in (row.customer_name, row.customer_phone, row.customer_email) if part)
