"""What a shift or daily report says: frozen figures, ready for the window, a CSV file or a PDF.

Nothing here reads the database or formats for paper: the report service (``reports.py``) fills
these values from its queries, and ``report_tables.py`` and ``report_export.py`` write them out.

Voids: a voided decision moved no money, so it is in no total and no breakdown of any report.
The report of the period a decision was voided in lists it under ``voids``, whenever it was
decided; the report of the period it was decided in, made again after the void, no longer counts
it and says how many of its decisions were voided later (``voided_later``).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import reduce

from receiving_app.documents.model import PageSize
from receiving_app.domain.currencies import DEFAULT_CURRENCY
from receiving_app.domain.money import Money
from receiving_app.services.aging_model import AgingView

OUTCOMES = ("refund", "replacement", "denied")
REFUND_METHODS = ("original_payment", "account_credit")
NO_METHOD = "none"
"""The method of a refund that came to $0.00 (fees and deductions took it all): no money moves."""
FILL_BUCKETS = 10
MAX_LISTED_FINDINGS = 500
"""A report lists at most this many decisions found otherwise or made against their weight (it counts
them all): a day with more is a problem at the bench or in an import, which a longer list would bury."""


def money_sum(amounts: Iterable[Money], currency: str = DEFAULT_CURRENCY) -> Money:
    """The amounts added up, in their currency (``currency`` when there are none)."""
    listed = list(amounts)
    return reduce(operator.add, listed) if listed else Money.zero(currency)


def moment_words(moment: datetime) -> str:
    """A time as the report prints it: to the minute, on the report's clock."""
    return f"{moment:%Y-%m-%d %H:%M}"


def identifier_words(identifier: str) -> str:
    """'damaged_in_transit' -> 'Damaged in transit'."""
    text = identifier.replace("_", " ")
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class OutcomeCount:
    outcome: str
    lines: int


@dataclass(frozen=True, slots=True)
class RefundsByMethod:
    method: str  # original_payment, account_credit, or none (a $0.00 refund)
    lines: int
    merchandise: Money
    restocking_fees: Money
    label_deductions: Money
    shipping_refunded: Money
    refunded: Money


@dataclass(frozen=True, slots=True)
class FeesCollected:
    lines: int  # lines that were charged a fee
    total: Money


@dataclass(frozen=True, slots=True)
class ReasonCount:
    code: str
    lines: int

    @property
    def words(self) -> str:
        return identifier_words(self.code)


@dataclass(frozen=True, slots=True)
class FillLevels:
    """The fill level of the period's denied cartridges, as fractions of a full one (0 to 1)."""

    weighed: int
    not_weighed: int  # denied lines without a weight (drums and parts are not weighed)
    lowest: Decimal | None
    median: Decimal | None
    highest: Decimal | None
    buckets: tuple[int, ...]  # ten counts: 0-10%, 10-20%, ... 90-100% (a full cartridge counts in the last)

    @staticmethod
    def bucket_label(index: int) -> str:
        return f"{index * 10}-{index * 10 + 10}%"


@dataclass(frozen=True, slots=True)
class WorkCount:
    """One operator's, station's or overriding supervisor's lines in the period."""

    name: str
    lines: int
    refunds: int
    replacements: int
    denials: int
    overridden: int
    refunded: Money


@dataclass(frozen=True, slots=True)
class HeldLine:
    rma: str
    line: int
    sku: str
    note: str  # cleaned of customer details unless the report includes personal data
    since: datetime | None
    held_by: str
    station: str
    customer: str = ""  # name, phone and email: only in a report an admin asked personal data for


@dataclass(frozen=True, slots=True)
class VoidedDecision:
    """A decision voided in the report's period, whenever it was decided: it counts in no total."""

    rma: str
    line: int
    unit: int
    sku: str
    outcome: str
    refunded: Money  # what the decision had refunded (0.00 for a replacement or a denial)
    decided_at: datetime
    decided_by: str
    station: str
    documents: tuple[str, ...]  # the numbers of the documents voided with it
    voided_at: datetime
    voided_by: str
    reason: str  # cleaned of customer details unless the report includes personal data


@dataclass(frozen=True, slots=True)
class VoidedLater:
    """The period's own decisions that were voided after the period ended: out of its totals now."""

    lines: int = 0
    refunded: Money = field(default_factory=Money.zero)


@dataclass(frozen=True, slots=True)
class BenchFinding:
    """A standing decision of the period that the bench did not simply take as the RMA said: the
    reason or the choice was found otherwise, or the weight contradicted what was ticked."""

    rma: str
    line: int
    unit: int
    sku: str
    stated_reason: str  # what the customer said, on the RMA line
    stated_choice: str
    found_reason: str  # what the decision was made on
    found_choice: str
    outcome: str
    refunded: Money
    decided_at: datetime
    decided_by: str
    station: str
    approved_by: str | None  # the supervisor who approved what the bench could not decide alone
    overridden_by: str | None  # a supervisor who decided it themselves instead
    note: str  # the approval note or override reason, cleaned like a hold note
    contradictions: tuple[str, ...]  # what the weight said against what was ticked, in words

    @property
    def changed(self) -> bool:
        """The reason or the choice was found otherwise at the bench."""
        return (self.stated_reason, self.stated_choice) != (self.found_reason, self.found_choice)

    @property
    def supervisor(self) -> str:
        """Who let it stand: the approving supervisor, or the one who overrode the decision."""
        if self.approved_by:
            return self.approved_by
        return f"{self.overridden_by} (override)" if self.overridden_by else ""


@dataclass(frozen=True, slots=True)
class FindingCounts:
    """How many of the period's standing decisions were found otherwise, and made against their weight.

    Exact even when the report lists only the first ``MAX_LISTED_FINDINGS`` of them."""

    changed: int = 0
    contradicted: int = 0


@dataclass(frozen=True, slots=True)
class RouteCount:
    """The period's standing decisions sorted to one route, and what the warehouse recovers for them."""

    route: str
    label: str  # as the routing file names the route; its name in words for a route no longer in the file
    units: int
    value: Money | None  # units x the route's value for one unit; None: the route recovers nothing


@dataclass(frozen=True, slots=True)
class ClosedContainer:
    """A container closed in the period (and not reopened since), with what its manifest says it holds."""

    code: str
    route: str
    label: str
    units: int
    weight_kg: Decimal  # to the gram, as the manifest prints it: each SKU's weight rounded, then added
    closed_at: datetime
    closed_by: str
    because: str


@dataclass(frozen=True, slots=True)
class StockAdded:
    """What the stock ledger gained in the period for one SKU and grade: restocks less voids (may be below 0)."""

    sku: str
    grade: str
    units: int

    @property
    def grade_words(self) -> str:
        return identifier_words(self.grade)


@dataclass(frozen=True, slots=True)
class HeldCartridge:
    """A denied cartridge kept for its customer whose hold ends within a week of the period's end."""

    lpn: str
    rma: str
    sku: str
    held_until: date


HOLDS_AHEAD = timedelta(days=7)
"""How far past the period the report looks for holds that are about to end."""


@dataclass(frozen=True, slots=True)
class BenchReport:
    """A daily or shift report: frozen figures, ready for the window, a CSV file or a PDF."""

    kind: str  # "daily" or "shift"
    day: date | None
    start: datetime  # in the report's time zone
    end: datetime
    station: str | None  # None: every station
    generated_at: datetime
    personal_data: bool
    outcomes: tuple[OutcomeCount, ...]
    refunds_by_method: tuple[RefundsByMethod, ...]
    fees: FeesCollected
    denials_by_reason: tuple[ReasonCount, ...]
    denied_fill: FillLevels
    operators: tuple[WorkCount, ...]
    stations: tuple[WorkCount, ...]
    overrides: tuple[WorkCount, ...]  # per supervisor; the outcome columns are what they decided
    holds: tuple[HeldLine, ...]
    voids: tuple[VoidedDecision, ...] = ()  # voided in the period, oldest void first
    voided_later: VoidedLater = field(default_factory=VoidedLater)
    findings: tuple[BenchFinding, ...] = ()  # by when decided; at most MAX_LISTED_FINDINGS
    finding_counts: FindingCounts = field(default_factory=FindingCounts)
    routes: tuple[RouteCount, ...] = ()  # in the routing file's order
    containers_closed: tuple[ClosedContainer, ...] = ()  # by when closed
    stock_added: tuple[StockAdded, ...] = ()  # by SKU, then grade; none whose restocks and voids cancel out
    holds_ending: tuple[HeldCartridge, ...] = ()  # soonest first, those past their day included
    aging: AgingView | None = None  # what waits longer than it should as of the period's end (or when made)
    page_size: PageSize = field(default="letter", compare=False)
    # The audit chain's newest event when the report was made: printed, so that paper anchors history
    # (a chain later cut back to before this event no longer reaches it).
    audit_head: tuple[int, str] = (0, "")
    currency: str = DEFAULT_CURRENCY
    """The ISO 4217 code of every amount the period's decisions moved (a report adds up one currency)."""

    @property
    def audit_head_words(self) -> str:
        sequence, digest = self.audit_head
        # The hash's first 16 characters, in fours: enough to anchor history on paper, and never a run
        # of digits that a reader (or a card-number check) could take for a card number.
        grouped = " ".join(digest[start : start + 4] for start in range(0, 16, 4))
        return f"event {sequence:,}, hash {grouped}" if sequence else "no events yet"

    @property
    def lines_received(self) -> int:
        return sum(outcome.lines for outcome in self.outcomes)

    def lines_with(self, outcome: str) -> int:
        return next((count.lines for count in self.outcomes if count.outcome == outcome), 0)

    @property
    def denials(self) -> int:
        return self.lines_with("denied")

    @property
    def refunded(self) -> Money:
        return money_sum((method.refunded for method in self.refunds_by_method), self.currency)

    @property
    def units_sorted(self) -> int:
        return sum(route.units for route in self.routes)

    @property
    def value_recovered(self) -> Money:
        """What the period's sorted units recover, added up in whole cents (routes without a value add nothing)."""
        return money_sum(route.value for route in self.routes if route.value is not None)

    @property
    def units_stocked(self) -> int:
        return sum(line.units for line in self.stock_added)

    @property
    def voided_refunds(self) -> Money:
        """What the decisions voided in this period had refunded."""
        return money_sum((void.refunded for void in self.voids), self.currency)

    @property
    def changed_at_the_bench(self) -> tuple[BenchFinding, ...]:
        """Decisions whose reason or choice was found otherwise than the customer said."""
        return tuple(finding for finding in self.findings if finding.changed)

    @property
    def over_contradictions(self) -> tuple[BenchFinding, ...]:
        """Decisions a supervisor let stand although the weight contradicted what was ticked."""
        return tuple(finding for finding in self.findings if finding.contradictions)

    @property
    def station_words(self) -> str:
        return f"station {self.station}" if self.station else "all stations"

    @property
    def period_words(self) -> str:
        if self.kind == "daily" and self.day is not None:
            return f"{self.day:%A} {self.day.isoformat()}"
        same_day = self.start.date() == (self.end - timedelta(microseconds=1)).date()
        end_text = f"{self.end:%H:%M}" if same_day else moment_words(self.end)
        return f"{moment_words(self.start)} to {end_text}"

    @property
    def title(self) -> str:
        what = "Daily report" if self.kind == "daily" else "Shift report"
        return f"{what}, {self.period_words}, {self.station_words}"
