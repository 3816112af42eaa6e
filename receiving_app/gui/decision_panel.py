"""The decision panel: the outcome in large type with its symbol and color, where the cartridge
goes, every amount, the documents that will print, and the reasons in the words the customer will read.

Before Enter it also says what is still to check (with the key that checks each fact the routes
ask for), and what a supervisor must approve (a weight that contradicts a ticked seal, a finding
that lowers what the seller keeps); after, who approved it, what the bench found and the unit's
license plate."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGroupBox, QLabel, QSizePolicy, QWidget

from receiving_app.domain.decision import Amounts, DocumentType, Outcome
from receiving_app.domain.engine import MissingFact
from receiving_app.domain.facts import CONDITION_FIELDS, fact_label
from receiving_app.domain.fill_text import fill_text
from receiving_app.domain.judgement import Judgement
from receiving_app.domain.money import Money
from receiving_app.domain.money_text import money_text
from receiving_app.domain.routing import WEIGHT_FACT, Routed
from receiving_app.gui.forms.ui_decision_panel import Ui_DecisionPanel
from receiving_app.gui.keyboard_map import Command, key_label
from receiving_app.gui.style import (
    BAD,
    MOVING,
    NEUTRAL,
    OUTCOME_POINT_SIZE,
    OUTCOME_TONES,
    WAIT,
    Tone,
    restyle,
    sized_font,
    tone_style,
)
from receiving_app.services.views import DecisionView, RmaLineView

FEE_POINT_SIZE = 20
LEAST_OUTCOME_POINT_SIZE = 16  # the headline grows no smaller to stay on one line; below it, it wraps
HEADLINE_SLACK = 24  # px the headline's frame and padding take from its width
"""The fee named in the headline, under the outcome it qualifies and smaller."""


def _fill(fraction: Decimal | None) -> str:
    return "not weighed" if fraction is None else f"{fill_text(fraction)} left"


def headline(outcome: str, amounts: Amounts) -> str:
    """ "REFUND", or "REFUND less 15% fee" when a restocking fee comes off it."""
    return " ".join(words for words in (outcome.upper(), fee_words(outcome, amounts)) if words)


def fee_words(outcome: str, amounts: Amounts) -> str:
    """ "less 15% fee" for a refund a restocking fee comes off; "" for any other outcome."""
    fee = amounts.restocking_fee
    if outcome != Outcome.REFUND.value or fee.is_zero:
        return ""
    return f"less {_fee_rate(amounts.merchandise, fee)} fee"


def _fee_rate(merchandise: Money, fee: Money) -> str:
    """The percent the fee was taken at ("15%"), found back from the two amounts: the simplest rate
    that gives exactly this fee. Where none does (a fee of a few cents), the fee itself ("$0.02")."""
    if not merchandise.is_zero:
        exact = fee.amount / merchandise.amount * 100
        for places in (Decimal(1), Decimal("0.1")):
            rate = exact.quantize(places, rounding=ROUND_HALF_UP)
            if merchandise.percent(rate) == fee:
                return f"{rate}%"
    return money_text(fee)


def _words(code: str | None) -> str:
    return "—" if not code else code.replace("_", " ")


NOT_SORTED = "—"
VIRGIN = Command.VIRGIN.value  # the routing file's name for the fact, as its key's command is named
ROUTE_FIELD_PREFIX = "route."
"""The start of a MissingFact's field when the warehouse's routes, not the policy, need the fact."""


def _keys_of_route_facts() -> dict[str, str]:
    """The key that answers each fact a route may ask for, by the fact's words in a MissingFact."""
    keys = {fact_label(name).lower(): key_label(Command(name)) for name in (*CONDITION_FIELDS, VIRGIN)}
    keys[fact_label(WEIGHT_FACT).lower()] = key_label(Command.CAPTURE_WEIGHT)
    return keys


ROUTE_FACT_KEYS = _keys_of_route_facts()


def still_to_check(missing: MissingFact) -> str:
    """ "Still to check: sealed, labels intact, weight", or the refusal itself when it names no check.

    A fact only the routes need comes with its key ("virgin [V]"): it is the one question a clerk
    meets rarely enough (an original empty) not to have the key in their fingers."""
    if not missing.still_to_check:
        return str(missing)
    if missing.field.startswith(ROUTE_FIELD_PREFIX):
        facts = ", ".join(
            f"{words} [{ROUTE_FACT_KEYS[words]}]" if words in ROUTE_FACT_KEYS else words
            for words in missing.still_to_check
        )
        return f"Still to check, to know where it goes: {facts}."
    return f"Still to check: {', '.join(missing.still_to_check)}."


def asks_virgin(missing: MissingFact) -> bool:
    """The routes wait for the clerk to say whether this empty was ever refilled."""
    return missing.field.startswith(ROUTE_FIELD_PREFIX) and fact_label(VIRGIN).lower() in missing.still_to_check


def route_shown(routed: Routed | None) -> tuple[str, str]:
    """The route's label and what to do with the cartridge, before Enter ("—" and "" before it is sorted)."""
    return (routed.route.label, routed.route.instruction) if routed is not None else (NOT_SORTED, "")


def route_recorded(decision: DecisionView) -> tuple[str, str]:
    """Where a recorded unit went and its license plate ("—" and "" for a unit decided before the routes)."""
    if not decision.license_plate or not decision.route_label:
        return NOT_SORTED, ""
    return decision.route_label, f"License plate {decision.license_plate}."


class DecisionPanel(QGroupBox):
    """Shows a previewed or recorded decision, or why there is none yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DecisionPanel()
        self.ui.setupUi(self)
        self.ui.outcomeLabel.setFont(sized_font(self.font(), OUTCOME_POINT_SIZE))
        self.ui.outcomeLabel.setTextFormat(Qt.TextFormat.RichText)
        self._headline = ""
        self._fitted_width = -1
        self._refit_headline = QTimer(self)
        self._refit_headline.setSingleShot(True)
        self._refit_headline.setInterval(0)
        self._refit_headline.timeout.connect(self._refit_if_width_changed)
        self.ui.refundTotalValue.setFont(sized_font(self.font(), 20))
        self.routeLabel, self.instructionLabel = self._add_route_labels()
        self.outcome = ""  # what the panel shows now: an outcome, "waiting" or "problem"
        self.needs_supervisor: tuple[str, ...] = ()  # what Enter will ask a supervisor to approve
        self.show_message("Scan an RMA")

    def _add_route_labels(self) -> tuple[QLabel, QLabel]:
        """Where the cartridge goes, one line right under the headline, always there (a dash until the
        unit is sorted) so that the columns are measured with it; and under it, what to do with the
        cartridge. Where the columns have no height for the instruction, the bench moves it to the top
        of the reasons, which scroll (``place_instruction``). (Made here rather than in the form,
        which predates the routes.)"""
        labels = []
        for name, accessible_name in (
            ("routeLabel", "Where the cartridge goes"),
            ("instructionLabel", "What to do with the cartridge"),
        ):
            label = QLabel(self)
            label.setObjectName(name)
            label.setAccessibleName(accessible_name)
            label.setWordWrap(True)
            # Ignored across, as the headline: a long text wraps rather than widening the column.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            labels.append(label)
        route, instruction = labels
        route.setTextFormat(Qt.TextFormat.RichText)
        instruction.setTextFormat(Qt.TextFormat.PlainText)
        instruction.setStyleSheet(tone_style(NEUTRAL))
        instruction.hide()
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.ui.outcomeLabel) + 1, route)
        layout.insertWidget(layout.indexOf(route) + 1, instruction)
        return route, instruction

    def place_instruction(self, *, among_reasons: bool) -> None:
        """The instruction under the route (False), or at the top of the reasons' scroll area (True)."""
        label, reasons = self.instructionLabel, self.ui.reasonsLayout
        if (reasons.indexOf(label) >= 0) is among_reasons:
            return
        visible = not label.isHidden()
        if among_reasons:
            self.layout().removeWidget(label)
            reasons.insertWidget(0, label)
        else:
            reasons.removeWidget(label)
            layout = self.layout()
            layout.insertWidget(layout.indexOf(self.routeLabel) + 1, label)
        label.setVisible(visible)  # a widget given a new parent is hidden until shown again

    def show_judgement(self, judgement: Judgement, also_needs_supervisor: Sequence[str] = (), where: str = "") -> None:
        """A preview: what accepting now would decide, where the unit goes, and what a supervisor must approve first."""
        decision = judgement.decision
        self._show_outcome(decision.outcome.value, decision.amounts, "if accepted now", where)
        self._show_route("Goes to", *route_shown(judgement.route))
        self._show_amounts(
            decision.amounts,
            decision.refund_total,
            decision.refund_method.value if decision.refund_method else None,
            decision.fill_fraction,
        )
        self.ui.documentsValue.setText("\n".join(document.heading for document in decision.documents) or "none")
        self._show_reasons([reason.text for reason in decision.reasons])
        why = (*judgement.needs_supervisor, *also_needs_supervisor)
        self.needs_supervisor = why
        if why:
            sentences = "\n".join(f"• {sentence}" for sentence in why)
            self._show_attention(
                BAD, f"{BAD.symbol} Needs a supervisor ({key_label(Command.ACCEPT)} asks for one):\n{sentences}"
            )
        else:
            self._show_attention(None, "")

    def show_missing(self, missing: MissingFact, where: str = "") -> None:
        """No decision yet: the facts the policy needs that nobody has checked (Enter says so too)."""
        self._show_state("waiting", WAIT, "Not checked", still_to_check(missing), where)

    def show_recorded(self, decision: DecisionView, line: RmaLineView | None = None, where: str = "") -> None:
        """A decision the service recorded, with the numbers of the documents it issued."""
        by = f"override by {decision.overridden_by}" if decision.overridden_by else f"recorded by {decision.decided_by}"
        if decision.voided:
            by = f"voided by {decision.voided_by}"
        self._show_outcome(decision.outcome, decision.amounts, by, where)
        self._show_route("Went to", *route_recorded(decision))
        self._show_amounts(
            decision.amounts,
            decision.refund_total,
            decision.refund_method,
            decision.fill_fraction,
        )
        self.ui.documentsValue.setText(
            "\n".join(
                f"{DocumentType(document.type).heading} {document.number}{' (voided)' if document.voided else ''}"
                for document in decision.documents
            )
            or "none"
        )
        reasons = [text for _, text in decision.reasons]
        if decision.override_reason:
            reasons.append(f"Supervisor's reason: {decision.override_reason}")
        reasons.append(
            f"Decided on: {_words(decision.reason)}, wants a {decision.customer_choice}"
            + (_as_said(decision, line) if line is not None else ".")
        )
        self._show_reasons(reasons)
        notes = [f"Contradiction seen: {text}" for text in decision.contradictions]
        if decision.approved_by:
            notes.append(f"Approved by {decision.approved_by}: {decision.approval_note or '—'}")
        if decision.voided:
            notes.insert(0, f"{BAD.symbol} Voided by {decision.voided_by}: {decision.void_reason or '—'}")
        self._show_attention(BAD if decision.voided else MOVING if notes else None, "\n".join(notes))

    def show_waiting(self, message: str, where: str = "") -> None:
        """No decision yet, for a reason other than an unchecked fact (a held line, a unit not arrived)."""
        self._show_state("waiting", WAIT, "Waiting", message, where)

    def show_absent(self, message: str, where: str = "") -> None:
        """A unit recorded as not arrived: nothing was decided for it."""
        self._show_state("not_received", BAD, "Not arrived", message, where)

    def show_problem(self, message: str, where: str = "") -> None:
        self._show_state("problem", BAD, "Cannot decide", message, where)

    def show_message(self, message: str) -> None:
        self._show_state("", NEUTRAL, message, "")

    # Showing -------------------------------------------------------------------------------------

    def _show_outcome(self, outcome: str, amounts: Amounts, note: str, where: str) -> None:
        # The title stays short (a group box is as wide as its title): the unit is named in the tooltip,
        # and in the inspection panel's heading beside it.
        tone = OUTCOME_TONES.get(outcome, WAIT)
        self.outcome = outcome
        self._show_headline(tone, outcome.upper(), fee_words(outcome, amounts))
        self.ui.outcomeLabel.setToolTip(f"{where}: {note}" if where else note)
        self.setTitle(f"Decision — {note}")

    def _show_headline(self, tone: Tone, words: str, fee: str = "") -> None:
        # The fee under the outcome, in smaller type: beside it, it would not fit a column on any bench screen.
        label = self.ui.outcomeLabel
        smaller = f'<br><span style="font-size: {FEE_POINT_SIZE}pt">{escape(fee)}</span>' if fee else ""
        label.setText(f"{tone.symbol} {escape(words)}{smaller}")
        label.setAccessibleDescription(" ".join(part for part in (tone.symbol, words, fee) if part))
        restyle(label, tone_style(tone))
        self._headline = f"{tone.symbol} {words}"
        self._fit_headline()

    def _fit_headline(self) -> None:
        """The headline on one line, in smaller type where the column is narrow: "… Not checked" on
        two lines at a 1366 px bench took the height Accept needed."""
        label, margins = self.ui.outcomeLabel, self.layout().contentsMargins()
        room = self.contentsRect().width() - margins.left() - margins.right() - HEADLINE_SLACK
        size = OUTCOME_POINT_SIZE
        while (
            size > LEAST_OUTCOME_POINT_SIZE
            and QFontMetrics(sized_font(self.font(), size)).horizontalAdvance(self._headline) > room
        ):
            size -= 1
        self._fitted_width = self.width()
        if label.font().pointSize() != size:
            label.setFont(sized_font(self.font(), size))

    def _refit_if_width_changed(self) -> None:
        if self.width() != self._fitted_width:
            self._fit_headline()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Once the resize is over, and only for a new width: a font set while the columns are being
        # measured would have them measured again from inside this event.
        if event.size().width() != event.oldSize().width():
            self._refit_headline.start()

    def _show_amounts(self, amounts: Amounts, total: Money, method: str | None, fill: Decimal | None) -> None:
        ui = self.ui
        ui.merchandiseValue.setText(money_text(amounts.merchandise))
        ui.restockingFeeValue.setText(f"− {money_text(amounts.restocking_fee)}")
        ui.shippingDeductionValue.setText(f"− {money_text(amounts.return_shipping_deduction)}")
        ui.shippingRefundValue.setText(f"+ {money_text(amounts.shipping_refund)}")
        ui.refundTotalValue.setText(money_text(total))
        ui.refundMethodValue.setText(_words(method))
        ui.fillValue.setText(_fill(fill))

    def _show_route(self, heading: str, route: str, instruction: str) -> None:
        self.routeLabel.setText(f"{heading}: <b>{escape(route)}</b>")
        self.routeLabel.setAccessibleDescription(f"{heading}: {route}")
        self.instructionLabel.setText(instruction)
        self.instructionLabel.setVisible(bool(instruction))

    def _show_reasons(self, reasons: list[str]) -> None:
        self.ui.reasonsLabel.setText("\n".join(f"• {text}" for text in reasons))

    def _show_attention(self, tone: Tone | None, text: str) -> None:
        label = self.ui.supervisorLabel
        label.setText(text)
        restyle(label, tone_style(tone) if tone else "")
        label.setVisible(bool(text))

    def _show_state(self, outcome: str, tone: Tone, headline: str, message: str, where: str = "") -> None:
        self.outcome = outcome
        self.needs_supervisor = ()
        self.setTitle("Decision")
        self._show_headline(tone, headline)
        self.ui.outcomeLabel.setToolTip(where)
        self._show_route("Goes to", NOT_SORTED, "")
        for label in (
            self.ui.merchandiseValue,
            self.ui.restockingFeeValue,
            self.ui.shippingDeductionValue,
            self.ui.shippingRefundValue,
            self.ui.refundTotalValue,
            self.ui.refundMethodValue,
            self.ui.fillValue,
            self.ui.documentsValue,
        ):
            label.setText("—")
        self.ui.reasonsLabel.setText(message)
        self._show_attention(None, "")


def _as_said(decision: DecisionView, line: RmaLineView) -> str:
    if (decision.reason, decision.customer_choice) == (line.reason, line.customer_choice):
        return ", as the customer said."
    return f" (the customer said {_words(line.reason)}, wants a {line.customer_choice})."
