"""Refusals the services raise; each reads as one clear line at the bench or in the shell."""

from receiving_app.domain.errors import InputError, RuleRefusal


class NotFound(InputError):
    """An RMA, line, document or SKU that does not exist."""


class NotAllowed(RuleRefusal):
    """The user may not do this (unknown, inactive, or the role does not allow it)."""


class LineNotOpen(RuleRefusal):
    """The RMA line is closed to receiving: marked not received, or its RMA is closed."""


class SupervisorNeeded(RuleRefusal):
    """The bench may not decide this alone: a contradiction, a finding that lowers what the seller
    keeps, or a unit decided again after a void. ``why`` says each reason in a sentence."""

    def __init__(self, why: tuple[str, ...]) -> None:
        super().__init__("A supervisor must approve this decision: " + " ".join(why))
        self.why = why
