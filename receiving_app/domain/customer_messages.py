"""What a seller's customers read in the station's e-mails: one file per seller beside its policy
(``resources/messages/<seller>.toml``), read into validated texts. Every mistake names the file and
the key ("true-image.toml: decision.denied.body: {refund} is not a value this text can show").

A text is a template with ``{name}`` placeholders; each kind of message may use only the values it
has, so a file that names another is refused when the station starts, not when a customer would
have been written to. docs/messages.md lists the values.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Any

from receiving_app.domain.errors import FileKeyError

OUTCOMES = ("refund", "replacement", "denied")
COMMON_VALUES = frozenset({"seller", "customer_name", "rma_number", "order_number", "contact"})
ARRIVAL_VALUES = COMMON_VALUES | {"arrived_on", "items"}
DECISION_VALUES = COMMON_VALUES | {
    "line",
    "sku",
    "description",
    "outcome",
    "reasons",
    "amounts",
    "refund_total",
    "refund_method",
    "refund_timing",
    "documents",
}
RECLAIM_VALUES = frozenset({"reclaim_by", "lpn"})
RECLAIM_KEY = "decision.denied.reclaim"
_TOP_KEYS = frozenset({"seller", "sender_name", "contact", "reasons", "arrival", "decision"})


class MessageTextError(FileKeyError):
    """A messages file that cannot be used, naming the file and the key."""


@dataclass(frozen=True, slots=True)
class Template:
    subject: str
    body: str


@dataclass(frozen=True, slots=True)
class MessageTexts:
    """One seller's e-mails: who they come from, how to reach the seller, and each message's text."""

    seller: str
    sender_name: str
    contact: tuple[str, ...]
    reason_words: Mapping[str, str]  # a decision's reason code in the customer's words
    arrival: Template
    decisions: Mapping[str, Template]  # by outcome
    reclaim: str  # the sentence a denial gives when the cartridge is kept for the customer

    def reason_text(self, code: str, recorded: str) -> str:
        """The reason as the customer reads it: the seller's own words for it, or as the decision said it."""
        return self.reason_words.get(code, recorded)


def message_texts_from_mapping(data: Mapping[str, Any], source: str) -> MessageTexts:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise MessageTextError(source, unknown[0], "is not a key of a messages file")
    seller = _text(data, "seller", source, "seller")
    contact = data.get("contact")
    if not isinstance(contact, list) or not contact or not all(isinstance(line, str) and line for line in contact):
        raise MessageTextError(source, "contact", "must be a list of non-empty lines")
    reasons = data.get("reasons", {})
    if not isinstance(reasons, Mapping) or not all(isinstance(text, str) and text for text in reasons.values()):
        raise MessageTextError(source, "reasons", "must be a table of reason codes and sentences")
    decision = _table(data, "decision", source, "decision")
    unknown_outcomes = sorted(set(decision) - set(OUTCOMES))
    if unknown_outcomes:
        raise MessageTextError(
            source, f"decision.{unknown_outcomes[0]}", "is not an outcome (refund, replacement, denied)"
        )
    denied = _table(decision, "denied", source, "decision.denied")
    return MessageTexts(
        seller=seller,
        sender_name=_text(data, "sender_name", source, "sender_name"),
        contact=tuple(contact),
        reason_words=dict(reasons),
        arrival=_template(_table(data, "arrival", source, "arrival"), source, "arrival", ARRIVAL_VALUES),
        decisions={outcome: _decision_template(decision, outcome, source) for outcome in OUTCOMES},
        reclaim=_checked(_text(denied, "reclaim", source, RECLAIM_KEY), source, RECLAIM_KEY, RECLAIM_VALUES),
    )


def _decision_template(decision: Mapping[str, Any], outcome: str, source: str) -> Template:
    path = f"decision.{outcome}"
    if outcome == "denied":  # a denial may say how to reclaim the cartridge, in a sentence of its own
        return _template(
            _table(decision, outcome, source, path), source, path, DECISION_VALUES | {"reclaim"}, extra={"reclaim"}
        )
    return _template(_table(decision, outcome, source, path), source, path, DECISION_VALUES)


def _table(data: Mapping[str, Any], key: str, source: str, path: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise MessageTextError(source, path, "is missing" if value is None else "must be a table")
    return value


def _text(data: Mapping[str, Any], key: str, source: str, path: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise MessageTextError(source, path, "is missing" if value is None else "must be non-empty text")
    return value.strip()


def _template(
    data: Mapping[str, Any], source: str, path: str, values: frozenset[str], *, extra: Set[str] = frozenset()
) -> Template:
    unknown = sorted(set(data) - {"subject", "body"} - extra)
    if unknown:
        raise MessageTextError(source, f"{path}.{unknown[0]}", "is not a key of a message (subject, body)")
    subject = _checked(_text(data, "subject", source, f"{path}.subject"), source, f"{path}.subject", values)
    if "\n" in subject:
        raise MessageTextError(source, f"{path}.subject", "must be one line")
    return Template(subject, _checked(_text(data, "body", source, f"{path}.body"), source, f"{path}.body", values))


def _checked(text: str, source: str, path: str, values: frozenset[str]) -> str:
    """The text, once every placeholder in it is one of ``values`` and plain (no index, no format)."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(text)]
    except ValueError as error:
        raise MessageTextError(source, path, f"has a stray brace ({error}); write {{{{ or }}}} for one") from None
    for name, spec, conversion in fields:
        if name is None:
            continue
        if name not in values or spec or conversion:
            raise MessageTextError(
                source, path, f"{{{name}}} is not a value this text can show ({', '.join(sorted(values))})"
            )
    return text


def filled(template: str, values: Mapping[str, str]) -> str:
    """The template with its values (every one it names was checked to exist when it was read)."""
    return template.format_map(values)
