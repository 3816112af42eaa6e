"""Each loaded seller policy in plain sentences: what it covers, each reason's windows, conditions,
exclusions, fee and deductions, how and when refunds are paid, and the fill-level rule.

Everything is read from the Policy objects, so a new seller's policy file reads here as soon as it
is installed. Built in code: the page is a list and generated text, nothing a form would lay out.
The policies are already in memory, so nothing here waits on a disk or database.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from receiving_app.domain.facts import Category, ReturnReason
from receiving_app.domain.policy import (
    FactRule,
    Policy,
    ReasonRules,
    Window,
    format_percent,
)
from receiving_app.gui.pages.models import phrase, words
from receiving_app.gui.pages.policy_draft_panel import PolicyDraftPanel
from receiving_app.services.auth import SignedInUser
from receiving_app.services.station import Station

# What a fact says about the cartridge when it is true, and when it is false.
FACT_PHRASES = {
    "unopened": ("it is unopened", "it was opened"),
    "sealed": ("it is sealed", "its seal is broken"),
    "original_packaging": ("it is in its original packaging", "it is not in its original packaging"),
    "box_damage": ("its box is damaged or marked", "its box is undamaged"),
    "labels_intact": ("its labels are intact", "its labels were removed or damaged"),
    "sold_by_seller": ("it was sold by this seller", "it was not sold by this seller"),
    "hp_plus_rejected": ("an HP+ printer rejected it", "no HP+ printer rejected it"),
    "firmware_blocked": ("a printer firmware update blocks it", "no printer firmware blocks it"),
    "improper_use": ("it was installed, stored or used improperly", "it was used properly"),
}
SALEABLE = "unopened, sealed, in its original packaging, with an undamaged box and intact labels"
LIST_WIDTH = 320  # px


CATEGORY_NAMES = {
    Category.INK: "ink cartridges",
    Category.TONER: "toner cartridges",
    Category.DRUM: "drum units",
    Category.REPLACEMENT_PART: "replacement parts",
}


def category_list(categories) -> str:
    names = [CATEGORY_NAMES[category] for category in Category if category in categories]
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def window_words(window: Window) -> str:
    limit = (
        f"{window.years} year{'s' if window.years != 1 else ''}" if window.years is not None else f"{window.days} days"
    )
    return f"{limit} of {window.counted_from.noun}"


def refusal_words(rule: FactRule) -> str:
    when_true, when_false = FACT_PHRASES.get(
        rule.fact, (f"{phrase(rule.fact)} is true", f"{phrase(rule.fact)} is false")
    )
    return when_true if rule.denies_when else when_false


def _paragraph(label: str, text: str) -> str:
    return f"<p><b>{escape(label)}:</b> {text}</p>"


def _quoted(text: str) -> str:
    return f"<i>“{escape(text)}”</i>"


def _reason_html(reason: ReturnReason, rules: ReasonRules, same_as: ReturnReason | None) -> str:
    title = f"<h3>{escape(words(reason.value))}{' — the seller’s own error' if reason.is_seller_error else ''}</h3>"
    if same_as is not None:
        return title + f"<p>The same rules as {escape(phrase(same_as.value))}.</p>"
    parts = [title]
    if rules.denied_code:
        parts.append(_paragraph("Always refused", _quoted(rules.denied_text)))
    if rules.windows:
        windows = " and ".join(window_words(window) for window in rules.windows)
        parts.append(_paragraph("Window", f"reported within {escape(windows)}. {_quoted(rules.window_text)}"))
    if rules.saleable_required:
        parts.append(_paragraph("Condition", f"must be saleable: {SALEABLE}. {_quoted(rules.saleable_text)}"))
    elif not rules.denied_code:
        parts.append(_paragraph("Condition", "accepted opened or used."))
    for rule in rules.exclusions:
        parts.append(_paragraph("Excluded", f"refused when {escape(refusal_words(rule))}. {_quoted(rule.text)}"))
    if reason.is_seller_error:
        parts.append(_paragraph("Fee and deductions", "none; the original shipping is refunded too."))
    elif not rules.denied_code:
        fees = []
        if rules.restocking_fee:
            fees.append(
                f"{format_percent(rules.restocking_fee.percent)}% of the merchandise. "
                f"{_quoted(rules.restocking_fee.sentence())}"
            )
        fees += [
            f"{format_percent(fee.percent)}% for {CATEGORY_NAMES[category]}. {_quoted(fee.sentence())}"
            for category, fee in rules.restocking_fee_by_category
        ]
        parts.append(_paragraph("Restocking fee", " ".join(fees) if fees else "none."))
        deduction = (
            "the prepaid return label’s cost. "
            f"{_quoted(rules.deduct_return_label_text.replace('{amount}', 'its cost on the RMA'))}"
            if rules.deduct_return_label
            else "none."
        )
        parts.append(_paragraph("Deductions", deduction))
    return "".join(parts)


def policy_html(policy: Policy) -> str:
    """The whole policy as a short rich-text document."""
    method = (
        "open-account customers receive an account credit; everyone else is refunded to the original payment method."
        if policy.account_credit_for_open_account
        else "refunded to the original payment method."
    )
    parts = [
        f"<h1>{escape(policy.seller)}</h1>",
        (
            f"<p>Policy <b>{escape(policy.id)}</b>, version {escape(policy.version)}. "
            f"Returns are authorized with the seller’s <b>{escape(policy.authorization)}</b> number.</p>"
        ),
        "<h2>What it covers</h2>",
        _paragraph("Covered", f"{escape(category_list(policy.covered_categories))}. {_quoted(policy.coverage_text)}"),
    ]
    for rule in policy.flag_rules:
        parts.append(
            _paragraph("Refused for every reason", f"when {escape(refusal_words(rule))}. {_quoted(rule.text)}")
        )
    if policy.fill_rule:
        parts.append(
            _paragraph(
                "Fill level",
                f"{escape(category_list(policy.fill_rule.categories))} are weighed; refused below "
                f"{format_percent(policy.fill_rule.minimum_fraction * 100)}% left. "
                f"{_quoted(policy.fill_rule.sentence())}",
            )
        )
    else:
        parts.append(_paragraph("Fill level", "not checked: cartridges are not weighed against a minimum."))
    parts += [
        "<h2>Refunds</h2>",
        _paragraph("Refund method", escape(method)),
        _paragraph(
            "Replacement", "offered when the customer asks for one." if policy.replacement_allowed else "not offered."
        ),
        _paragraph("Refund timing", _quoted(policy.refund_timing)),
        "<h2>Each reason for a return</h2>",
    ]
    seen: dict[int, ReturnReason] = {}
    for reason in ReturnReason:
        rules = policy.rules_for(reason)
        # A reason written "same_as" another shares that reason's very rules object.
        parts.append(_reason_html(reason, rules, seen.get(id(rules))))
        seen.setdefault(id(rules), reason)
    return "".join(parts)


class PoliciesPage(QWidget):
    """The loaded policies on the left, the chosen one in sentences on the right.

    Signals:
        policy_shown(str): the id of the policy now shown.
    """

    policy_shown = Signal(str)

    def __init__(self, station: Station, signed_in_user: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policiesPage")
        self.setAccessibleName("Seller policies")
        self._policies: Mapping[str, Policy] = station.policies

        self.policy_list = QListWidget(self)
        self.policy_list.setObjectName("policyList")
        self.policy_list.setAccessibleName("Loaded seller policies")
        self.policy_list.setFixedWidth(LIST_WIDTH)
        self.policy_list.setWordWrap(True)
        self.policy_list.setSpacing(4)
        for policy in sorted(self._policies.values(), key=lambda policy: policy.seller.casefold()):
            item = QListWidgetItem(f"{policy.seller}\nversion {policy.version}", self.policy_list)
            item.setData(Qt.ItemDataRole.UserRole, policy.id)
        self.policy_text = QTextBrowser(self)
        self.policy_text.setObjectName("policyText")
        self.policy_text.setAccessibleName("The selected policy in plain sentences")
        self.policy_text.setOpenLinks(False)

        # Only an admin drafts and publishes; everyone else reads the policies as they are.
        self.draft_panel: PolicyDraftPanel | None = None
        layout = QHBoxLayout(self)
        layout.addWidget(self.policy_list)
        if signed_in_user.role == "admin":
            self.draft_panel = PolicyDraftPanel(station, signed_in_user, self)
            self.tabs = QTabWidget(self)
            self.tabs.setObjectName("policyTabs")
            self.tabs.addTab(self.policy_text, "&In effect")
            # In a scroll area, so that the draft's width does not count while the list takes its room
            # on the other tab (the page would widen past a 1366 px screen with the keyboard map open).
            draft_area = QScrollArea(self)
            draft_area.setWidget(self.draft_panel)
            draft_area.setWidgetResizable(True)
            draft_area.setFrameShape(QFrame.Shape.NoFrame)
            self.tabs.addTab(draft_area, "Dr&aft and replay")
            self.policy_shown.connect(self.draft_panel.show_policy)
            self.draft_panel.seller_chosen.connect(self.show_policy)
            # The draft tab picks its seller itself: the list's room goes to the comparison.
            self.tabs.currentChanged.connect(lambda index: self.policy_list.setVisible(index == 0))
            layout.addWidget(self.tabs, 1)
        else:
            layout.addWidget(self.policy_text, 1)
        self.policy_list.currentItemChanged.connect(self._show_current)
        if self.policy_list.count():
            self.policy_list.setCurrentRow(0)

    def show_policy(self, policy_id: str) -> None:
        for row in range(self.policy_list.count()):
            if self.policy_list.item(row).data(Qt.ItemDataRole.UserRole) == policy_id:
                if row == self.policy_list.currentRow():
                    self._show_current(self.policy_list.item(row))
                else:
                    self.policy_list.setCurrentRow(row)
                return
        raise KeyError(policy_id)

    def _show_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if current is None:
            self.policy_text.clear()
            return
        policy_id = current.data(Qt.ItemDataRole.UserRole)
        self.policy_text.setHtml(policy_html(self._policies[policy_id]))
        self.policy_shown.emit(policy_id)
