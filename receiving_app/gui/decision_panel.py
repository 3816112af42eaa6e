"""The decision panel: the outcome in large type with its symbol and colour, every amount, the
documents that will print, and the reasons in the words the customer will read."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QGroupBox, QWidget

from receiving_app.domain.decision import Decision, DocumentType
from receiving_app.domain.money import Money
from receiving_app.gui.forms.ui_decision_panel import Ui_DecisionPanel
from receiving_app.gui.style import BAD, NEUTRAL, OUTCOME_POINT_SIZE, OUTCOME_TONES, WAIT, Tone, restyle, sized_font, tone_style
from receiving_app.services.views import DecisionView


def _money(amount: Money) -> str:
    return f"${amount}"


def _fill(fraction: Decimal | None) -> str:
    return "not weighed" if fraction is None else f"{(fraction * 100).quantize(Decimal('0.1'))} % left"


def _words(code: str | None) -> str:
    return "—" if not code else code.replace("_", " ")


class DecisionPanel(QGroupBox):
    """Shows a previewed or recorded decision, or why there is none yet."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_DecisionPanel()
        self.form.setupUi(self)
        self.form.outcomeLabel.setFont(sized_font(self.font(), OUTCOME_POINT_SIZE))
        self.form.refundTotalValue.setFont(sized_font(self.font(), 20))
        self.outcome = ""  # what the panel shows now: an outcome, "waiting" or "problem"
        self.show_message("Scan an RMA")

    def show_decision(self, decision: Decision) -> None:
        """A preview: what accepting now would decide."""
        amounts = decision.amounts
        self._show_outcome(decision.outcome.value, "if accepted now")
        self._show_amounts(
            amounts.merchandise, amounts.restocking_fee, amounts.return_shipping_deduction, amounts.shipping_refund,
            decision.refund_total, decision.refund_method.value if decision.refund_method else None, decision.fill_fraction,
        )
        self.form.documentsValue.setText("\n".join(document.title for document in decision.documents) or "none")
        self._show_reasons([reason.text for reason in decision.reasons])

    def show_recorded(self, decision: DecisionView) -> None:
        """A decision the service recorded, with the numbers of the documents it issued."""
        by = f"override by {decision.overridden_by}" if decision.overridden_by else f"recorded by {decision.decided_by}"
        self._show_outcome(decision.outcome, by)
        self._show_amounts(
            decision.merchandise, decision.restocking_fee, decision.return_shipping_deduction, decision.shipping_refund,
            decision.refund_total, decision.refund_method, decision.fill_fraction,
        )
        self.form.documentsValue.setText(
            "\n".join(f"{DocumentType(document.type).title} {document.number}" for document in decision.documents) or "none"
        )
        reasons = [text for _, text in decision.reasons]
        if decision.override_reason:
            reasons.append(f"Supervisor's reason: {decision.override_reason}")
        self._show_reasons(reasons)

    def show_waiting(self, message: str) -> None:
        """No decision yet because a fact is missing (usually the weight)."""
        self._show_state("waiting", WAIT, "Waiting", message)

    def show_problem(self, message: str) -> None:
        self._show_state("problem", BAD, "Cannot decide", message)

    def show_message(self, message: str) -> None:
        self._show_state("", NEUTRAL, message, "")

    # Showing -------------------------------------------------------------------------------------

    def _show_outcome(self, outcome: str, note: str) -> None:
        tone = OUTCOME_TONES.get(outcome, WAIT)
        self.outcome = outcome
        self.form.outcomeLabel.setText(f"{tone.symbol} {outcome.upper()}")
        restyle(self.form.outcomeLabel, tone_style(tone))
        self.form.outcomeLabel.setToolTip(note)
        self.setTitle(f"Decision — {note}")

    def _show_amounts(self, merchandise, fee, deduction, shipping_refund, total, method, fill) -> None:
        form = self.form
        form.merchandiseValue.setText(_money(merchandise))
        form.restockingFeeValue.setText(f"− {_money(fee)}")
        form.shippingDeductionValue.setText(f"− {_money(deduction)}")
        form.shippingRefundValue.setText(f"+ {_money(shipping_refund)}")
        form.refundTotalValue.setText(_money(total))
        form.refundMethodValue.setText(_words(method))
        form.fillValue.setText(_fill(fill))

    def _show_reasons(self, reasons: list[str]) -> None:
        self.form.reasonsLabel.setText("\n".join(f"• {text}" for text in reasons))

    def _show_state(self, outcome: str, tone: Tone, headline: str, message: str) -> None:
        self.outcome = outcome
        self.setTitle("Decision")
        self.form.outcomeLabel.setText(f"{tone.symbol} {headline}")
        restyle(self.form.outcomeLabel, tone_style(tone))
        self.form.outcomeLabel.setToolTip("")
        for label in (
            self.form.merchandiseValue, self.form.restockingFeeValue, self.form.shippingDeductionValue,
            self.form.shippingRefundValue, self.form.refundTotalValue, self.form.refundMethodValue,
            self.form.fillValue, self.form.documentsValue,
        ):
            label.setText("—")
        self.form.reasonsLabel.setText(message)
