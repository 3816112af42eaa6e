"""Finding RMAs after the fact: by number, customer, SKU, date range and outcome.

A search returns a page of at most ``limit`` summaries, newest on file first, and when there are
more, the token of the next page (the RMAs after the last one listed), so that a broad search over
a million RMAs stays as quick as a narrow one and the next page costs what the first did.

Customer names are personal data: roles outside ``ROLES_SEEING_CUSTOMER_NAMES`` see
them masked, and for them the customer box matches account numbers only, so that a search
cannot be used to find out whether a given person has returned something.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import Enum

from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.persistence.rma_search_plans import RmaCriteria
from receiving_app.persistence.rma_search_records import RmaListed
from receiving_app.persistence.unit_of_work import UnitOfWorkFactory
from receiving_app.services.errors import NotAllowed
from receiving_app.services.mapping import mask_name

ROLES_SEEING_CUSTOMER_NAMES = frozenset({"supervisor", "admin"})
DEFAULT_LIMIT = 200
MAX_LIMIT = 1_000

# One line of an RMA: its SKU, status, and its standing decision's outcome, refund total and time.
LineOutcome = tuple[str, str, str | None, Money | None, datetime | None]


class OutcomeFilter(str, Enum):
    """What happened to at least one line of the RMA."""

    ANY = ""
    REFUND = "refund"
    REPLACEMENT = "replacement"
    DENIED = "denied"
    PENDING = "pending"  # open or on hold: not decided yet

    @property
    def label(self) -> str:
        return {"": "Any outcome", "pending": "Not decided yet"}.get(self.value, self.value.capitalize())


class DateField(str, Enum):
    """Which date the range applies to."""

    REPORTED = "reported"  # the authorization date
    DECIDED = "decided"  # when a line was received and decided at a bench

    @property
    def label(self) -> str:
        return {"reported": "Authorized on", "decided": "Received on"}[self.value]


@dataclass(frozen=True, slots=True)
class RmaSearch:
    """The criteria; empty ones are ignored. Dates are the station's local calendar days, inclusive."""

    number: str = ""
    customer: str = ""
    sku: str = ""
    date_from: date | None = None
    date_to: date | None = None
    date_field: DateField = DateField.REPORTED
    outcome: OutcomeFilter = OutcomeFilter.ANY
    limit: int = DEFAULT_LIMIT
    after: str = ""  # the ``next_page`` of the page before; empty for the first page


@dataclass(frozen=True, slots=True)
class RmaSummary:
    number: str
    status: str
    policy: str
    seller: str
    customer_name: str  # masked for roles that may not see it
    customer_account: str
    order_number: str
    reported: date
    skus: tuple[str, ...]  # each SKU once, in line order
    line_states: tuple[str, ...]  # per line: its outcome once decided, else its status
    refund_total: Money  # in its decisions' currency; zero (in the station's) until one is decided
    last_decided: datetime | None

    @property
    def outcome_words(self) -> str:
        """'2 refund, 1 open' — counts in the order the states first appear."""
        counts: dict[str, int] = {}
        for state in self.line_states:
            counts[state] = counts.get(state, 0) + 1
        return ", ".join(f"{count} {state.replace('_', ' ')}" for state, count in counts.items())


@dataclass(frozen=True, slots=True)
class SearchResult:
    rmas: tuple[RmaSummary, ...]
    more: bool  # more RMAs matched than were returned
    next_page: str | None = None  # what ``RmaSearch.after`` takes to list them, while there are more


class SearchService:
    """``zone``: the station's time zone, whose days a search by decision date means (None: this computer's)."""

    def __init__(self, units: UnitOfWorkFactory, *, zone: tzinfo | None = None) -> None:
        self._units = units
        self._zone = zone

    def search(self, criteria: RmaSearch, *, user: str) -> SearchResult:
        """RMAs matching ``criteria`` as ``user`` may see them (their role decides the masking)."""
        if not 1 <= criteria.limit <= MAX_LIMIT:
            raise InputError(f"A search returns 1 to {MAX_LIMIT} RMAs, not {criteria.limit}.")
        if criteria.date_from and criteria.date_to and criteria.date_from > criteria.date_to:
            raise InputError(f"The date range starts ({criteria.date_from}) after it ends ({criteria.date_to}).")
        before = _page_start(criteria.after)
        with self._units.read() as uow:
            person = uow.records.user(user)
            if person is None or not person.active:
                raise NotAllowed(f"{user} may not search RMAs: not an active user of this station.")
            sees_names = person.role in ROLES_SEEING_CUSTOMER_NAMES
            wanted = records_criteria(criteria, sees_names=sees_names, zone=self._zone)
            rows = uow.records.search_rmas(wanted, before=before, limit=criteria.limit + 1)
            shown = rows[: criteria.limit]
            lines: defaultdict[int, list[LineOutcome]] = defaultdict(list)
            for rma_id, sku, status, outcome, total, decided_at in uow.records.line_outcomes([row.id for row in shown]):
                lines[rma_id].append((sku, status, outcome, total, decided_at))
            summaries = tuple(_summary(row, lines[row.id], sees_names) for row in shown)
        more = len(rows) > criteria.limit
        return SearchResult(summaries, more=more, next_page=str(shown[-1].id) if more else None)


def records_criteria(criteria: RmaSearch, *, sees_names: bool, zone: tzinfo | None) -> RmaCriteria:
    """The criteria as the records take them: trimmed, numbers and SKUs upper case, days as UTC instants."""
    by_decision = criteria.date_field is DateField.DECIDED
    return RmaCriteria(
        number_prefix=criteria.number.strip().upper(),
        customer=criteria.customer.strip(),
        match_customer_names=sees_names,
        sku=criteria.sku.strip().upper(),
        reported_from=None if by_decision else criteria.date_from,
        reported_to=None if by_decision else criteria.date_to,
        outcome=criteria.outcome.value,
        decided_from=_start_of(criteria.date_from, zone) if by_decision and criteria.date_from else None,
        decided_before=_start_of(criteria.date_to + timedelta(days=1), zone)
        if by_decision and criteria.date_to
        else None,
    )


def _page_start(token: str) -> int | None:
    """The RMA id a next page starts below, from the token the page before gave."""
    if not token:
        return None
    if not token.isascii() or not token.isdigit() or int(token) < 1:
        raise InputError(f"{token!r} is not a page of this search: search again from the first page.")
    return int(token)


def _start_of(day: date, zone: tzinfo | None) -> datetime:
    """Local midnight as UTC: a clerk's "received on the 3rd" means the 3rd where the bench is."""
    if zone is None:
        return datetime.combine(day, time.min).astimezone().astimezone(UTC)
    return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)


def _summary(row: RmaListed, lines: list[LineOutcome], sees_names: bool) -> RmaSummary:
    # One pass over the lines: a page lists 200 RMAs, and this runs for each.
    skus: dict[str, None] = {}
    states: list[str] = []
    refunded: Money | None = None
    last_decided = None
    for sku, status, outcome, total, decided_at in lines:
        skus[sku] = None
        states.append(outcome or status)
        if total is not None:
            refunded = total if refunded is None else refunded + total
        if decided_at is not None and (last_decided is None or decided_at > last_decided):
            last_decided = decided_at
    return RmaSummary(
        number=row.number,
        status=row.status,
        policy=row.seller_id,
        seller=row.seller_name,
        customer_name=row.customer_name if sees_names else mask_name(row.customer_name),
        customer_account=row.customer_account,
        order_number=row.order_number,
        reported=row.reported_on,
        skus=tuple(skus),
        line_states=tuple(states),
        refund_total=refunded if refunded is not None else Money.zero(),
        last_decided=last_decided,
    )
