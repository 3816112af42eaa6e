"""The difference between two versions of a policy, in words an admin and an auditor read.

Compared key by key on the policies' data (the parsed files), so that no change goes unsaid: a
number or a yes/no changed ("Fill threshold: 10% → 15%", "Restocking fee on not needed and
ordered wrong returns: 15% → 20%"), a rule or key added or removed, a sentence reworded. Rules in a
list (flag rules, exclusions) are matched by their code, and a reason's windows are compared as
the whole they make; the version itself is said by whoever publishes, not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from receiving_app.domain.facts import DateEvent, ReturnReason, fact_label

Path = tuple[str, ...]
_ABSENT = object()
_NOT_COMPARED = {("version",), ("id",)}
_TOP_LEVEL = {
    "seller": "Seller's name",
    "currency": "Currency of the seller's prices",
    "authorization": "What the seller calls the return authorization",
    "refund_timing": "Refund timing sentence",
    "account_credit_for_open_account": "Open-account orders paid back as account credit",
    "replacement_allowed": "Replacements allowed",
    "hold_denied_days": "Days a denied cartridge is held for its customer",
    "arrival_days": "Days a parcel has to reach the warehouse after its authorization",
}
_SECTIONS = {
    ("coverage", "categories"): "Categories taken back",
    ("coverage", "text"): "Coverage sentence",
    ("fill_rule", "minimum_fraction"): "Fill threshold",
    ("fill_rule", "categories"): "Categories held to the fill threshold",
    ("fill_rule", "text"): "Fill rule sentence",
}
_REASON_KEYS = {
    ("windows",): "Return window for {reason} returns",
    ("window_text",): "Window sentence for {reason} returns",
    ("denied", "code"): "Code of the outright denial of {reason} returns",
    ("denied", "text"): "Sentence of the outright denial of {reason} returns",
    ("saleable_required",): "{reason} returns must be saleable",
    ("saleable_text",): "Saleable sentence for {reason} returns",
    ("restocking_fee", "percent"): "Restocking fee on {reason} returns",
    ("restocking_fee", "text"): "Restocking fee sentence for {reason} returns",
    ("deduct_return_label",): "Return label deducted on {reason} returns",
    ("deduct_return_label_text",): "Return label sentence for {reason} returns",
    ("same_as",): "{reason} returns follow the rules of",
}


def policy_differences(before: Mapping[str, Any], after: Mapping[str, Any]) -> tuple[str, ...]:
    """Each difference from ``before`` to ``after`` in one sentence, in the order of the files."""
    old, new = _leaves(before), _leaves(after)
    sentences = []
    for path in [*old, *(path for path in new if path not in old)]:
        was, now = old.get(path, _ABSENT), new.get(path, _ABSENT)
        if path in _NOT_COMPARED or was == now:
            continue
        label = _label(path, after if now is not _ABSENT else before)
        if was is _ABSENT:
            sentences.append(f"Added: {label}: {_shown(path, now)}")
        elif now is _ABSENT:
            sentences.append(f"Removed: {label} (was {_shown(path, was)})")
        else:
            sentences.append(f"{label}: {_shown(path, was)} → {_shown(path, now)}")
    return tuple(sentences)


def _leaves(data: Mapping[str, Any], prefix: Path = ()) -> dict[Path, Any]:
    leaves: dict[Path, Any] = {}
    for key, value in data.items():
        path = (*prefix, key)
        if isinstance(value, Mapping):
            leaves.update(_leaves(value, path))
        elif _rules(value):
            leaves.update({(*path, f"[{item['code']}]"): dict(item) for item in value})
        elif key == "windows" and isinstance(value, list):
            leaves[path] = _windows_words(value)
        else:
            leaves[path] = value
    return leaves


def _rules(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, Mapping) and isinstance(item.get("code"), str) for item in value)
    )


def _label(path: Path, data: Mapping[str, Any]) -> str:
    if len(path) == 1 and path[0] in _TOP_LEVEL:
        return _TOP_LEVEL[path[0]]
    if path in _SECTIONS:
        return _SECTIONS[path]
    if len(path) == 2 and path[0] == "flag_rules" and path[1].startswith("["):
        return f"Rule {path[1][1:-1]} on every reason"
    if len(path) >= 3 and path[0] == "reasons":
        reason, rest = _reason_words(path[1], data), path[2:]
        if rest in _REASON_KEYS:
            return _capitalized(_REASON_KEYS[rest].format(reason=reason))
        if len(rest) == 2 and rest[0] == "exclusions" and rest[1].startswith("["):
            return f"Exclusion {rest[1][1:-1]} on {reason} returns"
        if len(rest) == 3 and rest[0] == "restocking_fee_by_category":
            category = _words(rest[1])
            what = "Restocking fee" if rest[2] == "percent" else "Restocking fee sentence"
            return f"{what} on {category} for {reason} returns"
    return _capitalized(" ".join(_words(part) for part in path))


def _reason_words(name: str, data: Mapping[str, Any]) -> str:
    """The reason, and the reasons that follow its rules (``same_as``), as a list in words."""
    reasons = data.get("reasons")
    followers = (
        [other for other, rules in reasons.items() if isinstance(rules, Mapping) and rules.get("same_as") == name]
        if isinstance(reasons, Mapping)
        else []
    )
    return _listed([_reason(name), *(_reason(other) for other in followers)])


def _reason(name: str) -> str:
    try:
        return ReturnReason(name).label
    except ValueError:
        return _words(name)


def _shown(path: Path, value: Any) -> str:
    key = path[-1]
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key == "percent":
        return f"{value}%"
    if key == "minimum_fraction":
        return _fraction_as_percent(value)
    if key == "same_as" and isinstance(value, str):
        return f"{_reason(value)} returns"
    if isinstance(value, Mapping):
        return _rule_words(value)
    if isinstance(value, list):
        return ", ".join(_words(str(item)) for item in value) or "none"
    if isinstance(value, str) and key.endswith("text"):
        return f"“{value}”"
    return str(value)


def _fraction_as_percent(value: Any) -> str:
    try:
        percent = Decimal(str(value)) * 100
    except InvalidOperation:
        return str(value)
    return format(percent.normalize(), "f") + "%" if percent.is_finite() else str(value)


def _rule_words(rule: Mapping[str, Any]) -> str:
    fact = rule.get("fact", rule.get("flag", ""))
    when = "yes" if rule.get("denies_when") else "no"
    return f"denies when {fact_label(str(fact)).lower()} is {when}: “{rule.get('text', '')}”"


def _windows_words(windows: list[Any]) -> str:
    words = []
    for window in windows:
        if not isinstance(window, Mapping):
            words.append(str(window))
            continue
        try:
            start = DateEvent(window.get("from")).noun
        except ValueError:
            start = str(window.get("from"))
        if "years" in window:
            count, unit = window["years"], "year"
        else:
            count, unit = window.get("days"), "day"
        words.append(f"{count} {unit}{'' if count == 1 else 's'} from {start}")
    return " and ".join(words) or "none"


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _words(name: str) -> str:
    return name.replace("_", " ")


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]
