"""Shift and daily reports: what the bench did in a day or a shift, added up in the database.

A report covers the decisions made in its period, by the moment each line was received and
decided at a bench (``decided_at``): lines by outcome, refunds by method with their money,
restocking fees collected, denials by reason code, the fill level of denied cartridges, counts
per operator, per station and per overriding supervisor, and the lines on hold. Every figure is
a GROUP BY in the database; money is summed there as integer cents and comes back as Money, so
totals are exact and the parts of every table add up to its total row.

A day is the station's local calendar day (midnight to midnight where the bench is), as in the
history search; a shift is any from/to range. Lines on hold are those on hold when the report is
made that were put on hold before the period ended (at the chosen station, if one was chosen).

Privacy (issue 6): a report names operators and supervisors, who are station users, and never a
customer. Only an admin may ask for customer details (``include_personal_data``), and the service
checks the role itself. Hold notes are typed at the bench and might mention the customer, so a
note is cleaned of the customer's name, email, phone and card digits (and of any email address or
phone number) unless an admin asked for personal data; anything that looks like a full card
number is removed always.

Exports: ``report_csv`` (one section per table, each with its own heading row) and ``report_pdf``
(documents/daily_report.py) are written from the same tables (``report_tables``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from receiving_app.documents.daily_report import Bar, BarChart, ReportContent, ReportTable, render_report
from receiving_app.documents.model import PageSize
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.persistence.unit_of_work import UnitOfWork, UnitOfWorkFactory
from receiving_app.services.errors import NotAllowed

OUTCOMES = ("refund", "replacement", "denied")
REFUND_METHODS = ("original_payment", "account_credit")
NO_METHOD = "none"
"""The method of a refund that came to $0.00 (fees and deductions took it all): no money moves."""
FILL_BUCKETS = 10
ROLES_SEEING_PERSONAL_DATA = frozenset({"admin"})
STATION_LOOKBACK = timedelta(days=90)
EXPORT_FORMATS = {".pdf": "pdf", ".csv": "csv"}
MAX_PERIOD = timedelta(days=366)

_FRACTION_SCALE = Decimal(10_000)
_PERCENT_PLACES = Decimal("0.01")


# ------------------------------------------------------------------------------ the report


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
        text = self.code.replace("_", " ")
        return text[:1].upper() + text[1:]


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
    page_size: PageSize = field(default="letter", compare=False)

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
        return _money_sum(method.refunded for method in self.refunds_by_method)

    @property
    def station_words(self) -> str:
        return f"station {self.station}" if self.station else "all stations"

    @property
    def period_words(self) -> str:
        if self.kind == "daily" and self.day is not None:
            return f"{self.day:%A} {self.day.isoformat()}"
        same_day = self.start.date() == (self.end - timedelta(microseconds=1)).date()
        end_text = f"{self.end:%H:%M}" if same_day else _moment(self.end)
        return f"{_moment(self.start)} to {end_text}"

    @property
    def title(self) -> str:
        what = "Daily report" if self.kind == "daily" else "Shift report"
        return f"{what}, {self.period_words}, {self.station_words}"


# ----------------------------------------------------------------------------- the service


class ReportService:
    """Reports over one database; ``zone`` is the bench's time zone (None: this machine's)."""

    def __init__(self, units: UnitOfWorkFactory, *, zone: tzinfo | None = None, page_size: PageSize = "letter") -> None:
        self._units = units
        self._zone = zone
        self._page_size = page_size

    def daily(self, day: date, station: str | None = None, *, include_personal_data: bool = False, user: str | None = None) -> BenchReport:
        """The local calendar day ``day``, midnight to midnight, at ``station`` or every station."""
        start, end = self._midnight(day), self._midnight(day + timedelta(days=1))
        return self._report("daily", day, start, end, station, include_personal_data, user)

    def shift(
        self, start: datetime, end: datetime, station: str | None = None, *, include_personal_data: bool = False, user: str | None = None
    ) -> BenchReport:
        """From ``start`` up to (not including) ``end``; times without a zone are the bench's."""
        start, end = self._aware(start), self._aware(end)
        if end <= start:
            raise InputError(f"A shift ends after it starts; {_moment(end)} is not after {_moment(start)}.")
        if end - start > MAX_PERIOD:
            raise InputError("A report covers at most a year.")
        return self._report("shift", None, start, end, station, include_personal_data, user)

    def station_ids(self) -> list[str]:
        """Stations that decided anything in the last 90 days, for a station picker."""
        with self._units.read() as uow:
            return uow.records.report_station_ids(uow.clock() - STATION_LOOKBACK)

    def today(self) -> date:
        """Today where the bench is."""
        with self._units.read() as uow:
            now = uow.clock()
        return now.astimezone(self._zone).date() if self._zone else now.astimezone().date()

    # The work ------------------------------------------------------------------------------

    def _report(
        self, kind: str, day: date | None, start: datetime, end: datetime, station: str | None, personal: bool, user: str | None
    ) -> BenchReport:
        station = (station or "").strip() or None
        start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
        with self._units.read() as uow:
            records = uow.records
            records.begin_report_snapshot()
            if personal:
                _require_personal_data_role(uow, user)
            groups = records.report_decision_groups(start_utc, end_utc, station)
            reasons = records.report_denial_reason_counts(start_utc, end_utc, station)
            fill = _fill_levels(uow, start_utc, end_utc, station, denied=sum(row.lines for row in groups if row.outcome == "denied"))
            holds = self._holds(uow, end_utc, station, personal)
            generated = uow.clock()
        totals = _Totals(groups)
        return BenchReport(
            kind=kind,
            day=day,
            start=self._local(start),
            end=self._local(end),
            station=station,
            generated_at=self._local(generated),
            personal_data=personal,
            outcomes=totals.outcomes(),
            refunds_by_method=totals.refunds_by_method(),
            fees=totals.fees(),
            denials_by_reason=tuple(ReasonCount(str(code), int(lines)) for code, lines in reasons),
            denied_fill=fill,
            operators=totals.work("operator"),
            stations=totals.work("station"),
            overrides=totals.work("overridden_by"),
            holds=holds,
            page_size=self._page_size,
        )

    def _holds(self, uow: UnitOfWork, end: datetime, station: str | None, personal: bool) -> tuple[HeldLine, ...]:
        lines = sorted(uow.records.report_lines_on_hold(), key=lambda row: (row.rma, row.line))
        latest: dict[tuple[str, int], object] = {}
        for event in uow.records.report_hold_events([row.rma for row in lines]):
            try:
                line_no = int(json.loads(event.payload)["line"])
            except (ValueError, KeyError, TypeError):
                continue
            latest[(event.rma_number, line_no)] = event  # oldest first: the last one is the hold in force
        held: list[HeldLine] = []
        for row in lines:
            event = latest.get((row.rma, row.line))
            if event is not None and event.at >= end:
                continue  # put on hold after the period ended
            if station is not None and (event is None or event.station_id != station):
                continue  # held at another station, or where is not known
            held.append(
                HeldLine(
                    rma=row.rma,
                    line=row.line,
                    sku=row.sku,
                    note=clean_note(row.note, row, personal=personal),
                    since=self._local(event.at) if event is not None else None,
                    held_by=event.user_name if event is not None else "",
                    station=event.station_id if event is not None else "",
                    customer=_customer_words(row) if personal else "",
                )
            )
        return tuple(held)

    # Times ---------------------------------------------------------------------------------

    def _midnight(self, day: date) -> datetime:
        if self._zone is None:
            return datetime.combine(day, time.min).astimezone()
        return datetime.combine(day, time.min, tzinfo=self._zone)

    def _aware(self, moment: datetime) -> datetime:
        if moment.tzinfo is not None:
            return moment
        return moment.astimezone() if self._zone is None else moment.replace(tzinfo=self._zone)

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(self._zone) if self._zone is not None else moment.astimezone()


def _require_personal_data_role(uow: UnitOfWork, user: str | None) -> None:
    if not user:
        raise NotAllowed("Customer details in a report need an admin to ask for them; say who is asking.")
    person = uow.records.user(user)
    if person is None or not person.active:
        raise NotAllowed(f"{user!r} is not a known, active user of this station.")
    if person.role not in ROLES_SEEING_PERSONAL_DATA:
        raise NotAllowed(f"{user} is a {person.role}; only an admin may include customer details in a report.")


class _Totals:
    """The grouped rows of ``report_decision_groups`` added up every way the report shows them."""

    def __init__(self, groups: Sequence) -> None:
        self._groups = groups

    def outcomes(self) -> tuple[OutcomeCount, ...]:
        counts = dict.fromkeys(OUTCOMES, 0)
        for row in self._groups:
            counts[row.outcome] = counts.get(row.outcome, 0) + int(row.lines)
        return tuple(OutcomeCount(outcome, lines) for outcome, lines in counts.items())

    def refunds_by_method(self) -> tuple[RefundsByMethod, ...]:
        methods: dict[str, list] = {method: [0, *[Money.zero()] * 5] for method in REFUND_METHODS}
        for row in self._groups:
            if row.outcome != "refund":
                continue
            entry = methods.setdefault(row.refund_method or NO_METHOD, [0, *[Money.zero()] * 5])
            entry[0] += int(row.lines)
            for index, amount in enumerate(
                (row.merchandise, row.restocking_fees, row.label_deductions, row.shipping_refunded, row.refunded), start=1
            ):
                entry[index] = entry[index] + amount
        return tuple(RefundsByMethod(method, *values) for method, values in methods.items())

    def fees(self) -> FeesCollected:
        return FeesCollected(
            sum(int(row.fees_charged or 0) for row in self._groups),
            _money_sum(row.restocking_fees for row in self._groups),
        )

    def work(self, key: str) -> tuple[WorkCount, ...]:
        people: dict[str, list] = {}
        for row in self._groups:
            name = getattr(row, key)
            if name is None:
                continue
            entry = people.setdefault(name, [0, 0, 0, 0, 0, Money.zero()])
            lines = int(row.lines)
            entry[0] += lines
            entry[1 + OUTCOMES.index(row.outcome)] += lines if row.outcome in OUTCOMES else 0
            entry[4] += lines if row.overridden_by is not None else 0
            entry[5] = entry[5] + row.refunded
        return tuple(WorkCount(name, *values) for name, values in sorted(people.items()))


def _fill_levels(uow: UnitOfWork, start: datetime, end: datetime, station: str | None, *, denied: int) -> FillLevels:
    """Minimum, median, maximum and tenths from the distribution of levels (exact: no sampling)."""
    counts = uow.records.report_denied_fill_counts(start, end, station)
    weighed = sum(lines for _, lines in counts)
    buckets = [0] * FILL_BUCKETS
    for level, lines in counts:
        buckets[min(int(level) // 1000, FILL_BUCKETS - 1)] += int(lines)
    return FillLevels(
        weighed=weighed,
        not_weighed=denied - weighed,
        lowest=_fraction(counts[0][0]) if counts else None,
        median=_median(counts, weighed),
        highest=_fraction(counts[-1][0]) if counts else None,
        buckets=tuple(buckets),
    )


def _median(counts: Sequence[tuple[int, int]], total: int) -> Decimal | None:
    """The middle level (the mean of the two middle ones for an even count) of ascending (level, count)."""
    if not total:
        return None
    wanted = sorted({(total - 1) // 2, total // 2})
    found: list[int] = []
    seen = 0
    for level, lines in counts:
        seen += int(lines)
        while wanted and wanted[0] < seen:
            found.append(int(level))
            wanted.pop(0)
        if not wanted:
            break
    return Decimal(sum(found)) / Decimal(len(found)) / _FRACTION_SCALE


def _fraction(scaled: int | None) -> Decimal | None:
    return None if scaled is None else (Decimal(int(scaled)) / _FRACTION_SCALE).quantize(Decimal("0.0001"))


def _money_sum(amounts: Iterable[Money]) -> Money:
    return sum(amounts, Money.zero())


# ------------------------------------------------------------------------- privacy of notes


_CARD_LIKE = re.compile(r"(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_LIKE = re.compile(r"(?<![\w])\+?\(?\d[\d ().-]{5,}\d(?!\w)")
_CARD_DIGITS = re.compile(
    r"\b(card|visa|mastercard|master card|amex|discover|ending(?: in)?|ends in|last ?(?:4|four)|cc)(\W{1,12})(\d{4})(?!\d)",
    re.IGNORECASE,
)
REMOVED = "[removed]"


def clean_note(note: str, customer, *, personal: bool) -> str:
    """A hold note fit for the report: card numbers never; the customer's details only with personal data.

    ``customer`` carries ``customer_name``, ``customer_email``, ``customer_phone`` and ``card_last4``.
    """
    cleaned = _CARD_LIKE.sub(REMOVED, note)
    if personal:
        return cleaned
    cleaned = _EMAIL.sub(REMOVED, cleaned)
    cleaned = _CARD_DIGITS.sub(lambda found: f"{found.group(1)}{found.group(2)}{REMOVED}", cleaned)
    cleaned = _PHONE_LIKE.sub(lambda found: REMOVED if sum(ch.isdigit() for ch in found.group()) >= 7 else found.group(), cleaned)
    for detail in (customer.customer_email, customer.customer_phone, customer.customer_name):
        if detail and detail.strip():
            cleaned = re.sub(re.escape(detail.strip()), REMOVED, cleaned, flags=re.IGNORECASE)
    for part in (customer.customer_name or "").replace(",", " ").split():
        if len(part.strip(".")) >= 3:
            cleaned = re.sub(rf"(?<!\w){re.escape(part.strip('.'))}(?!\w)", REMOVED, cleaned, flags=re.IGNORECASE)
    if customer.card_last4:
        cleaned = re.sub(rf"(?<!\d){re.escape(customer.card_last4)}(?!\d)", REMOVED, cleaned)
    return cleaned


def _customer_words(row) -> str:
    return ", ".join(part for part in (row.customer_name, row.customer_phone, row.customer_email) if part)


# ------------------------------------------------------------------------------- the tables


def _count(value: int) -> str:
    return str(value)


def _percent(fraction: Decimal | None) -> str:
    if fraction is None:
        return ""
    return f"{(fraction * 100).quantize(_PERCENT_PLACES, rounding=ROUND_HALF_UP)}%"


def _moment(moment: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M}"


def _words(identifier: str) -> str:
    text = identifier.replace("_", " ")
    return text[:1].upper() + text[1:]


def _count_bars(items: Iterable[tuple[str, int]]) -> tuple[Bar, ...]:
    return tuple(Bar(label, Decimal(value), str(value)) for label, value in items)


def report_tables(report: BenchReport) -> tuple[ReportTable, ...]:
    """The report's sections, in the order they are printed and written to CSV."""
    refunds = report.refunds_by_method
    work_columns = ("Lines", "Refunds", "Replacements", "Denials", "Overridden", "Refunded")

    def work_rows(counts: Sequence[WorkCount]) -> tuple[tuple[str, ...], ...]:
        return tuple(
            (count.name, _count(count.lines), _count(count.refunds), _count(count.replacements), _count(count.denials),
             _count(count.overridden), str(count.refunded))
            for count in counts
        )

    def work_totals(counts: Sequence[WorkCount]) -> tuple[str, ...]:
        return (
            "Total", *(_count(sum(getattr(count, name) for count in counts)) for name in ("lines", "refunds", "replacements", "denials", "overridden")),
            str(_money_sum(count.refunded for count in counts)),
        )

    fill = report.denied_fill
    hold_columns = ("RMA", "Line", "SKU", "Held since", "Held by", "Station", "Note") + (("Customer",) if report.personal_data else ())
    return (
        ReportTable(
            "Lines received by outcome",
            ("Outcome", "Lines"),
            tuple((_words(count.outcome), _count(count.lines)) for count in report.outcomes),
            (False, True),
            totals=("Total", _count(report.lines_received)),
            chart=BarChart(_count_bars((_words(count.outcome), count.lines) for count in report.outcomes), caption="Lines"),
        ),
        ReportTable(
            "Refunds by method",
            ("Method", "Lines", "Merchandise", "Restocking fees", "Return label deducted", "Shipping refunded", "Refunded"),
            tuple(
                (_words(method.method), _count(method.lines), str(method.merchandise), str(method.restocking_fees),
                 str(method.label_deductions), str(method.shipping_refunded), str(method.refunded))
                for method in refunds
            ),
            (False, True, True, True, True, True, True),
            totals=(
                "Total", _count(sum(method.lines for method in refunds)),
                *(str(_money_sum(getattr(method, name) for method in refunds))
                  for name in ("merchandise", "restocking_fees", "label_deductions", "shipping_refunded", "refunded")),
            ),
            note="Amounts in dollars. Refunded = merchandise - restocking fees - return label + shipping refunded, never below 0.00.",
            chart=BarChart(
                tuple(Bar(_words(method.method), method.refunded.amount, str(method.refunded)) for method in refunds),
                caption="Refunded, in dollars",
            ),
        ),
        ReportTable(
            "Restocking fees collected",
            ("Fees", "Lines charged", "Collected"),
            (("Restocking fees", _count(report.fees.lines), str(report.fees.total)),),
            (False, True, True),
        ),
        ReportTable(
            "Denials by reason",
            ("Reason", "Code", "Denied lines"),
            tuple((reason.words, reason.code, _count(reason.lines)) for reason in report.denials_by_reason),
            (False, False, True),
            note=f"{report.denials} line(s) denied; a denied line can carry more than one reason.",
            chart=BarChart(_count_bars((reason.words, reason.lines) for reason in report.denials_by_reason), caption="Denied lines"),
        ),
        ReportTable(
            "Fill level of denied cartridges",
            ("Cartridges", "Denied lines", "Weighed", "Not weighed", "Lowest left", "Median left", "Highest left"),
            (("Denied", _count(report.denials), _count(fill.weighed), _count(fill.not_weighed),
              _percent(fill.lowest), _percent(fill.median), _percent(fill.highest)),),
            (False, True, True, True, True, True, True),
            note="Fill levels are the share of a full cartridge's toner or ink left, by weight.",
        ),
        ReportTable(
            "Denied cartridges by fill level",
            ("Fill level left", *(FillLevels.bucket_label(index) for index in range(FILL_BUCKETS)), "Weighed"),
            (("Denied lines", *(_count(count) for count in fill.buckets), _count(fill.weighed)),) if fill.weighed else (),
            (False, *[True] * (FILL_BUCKETS + 1)),
            chart=BarChart(
                _count_bars((FillLevels.bucket_label(index), count) for index, count in enumerate(fill.buckets)),
                upright=True,
                caption="Denied lines by the share of a full cartridge left",
            ),
            empty_text="No denied cartridge was weighed in this period.",
        ),
        ReportTable("By operator", ("Operator", *work_columns), work_rows(report.operators), (False, *[True] * 6),
                    totals=work_totals(report.operators)),
        ReportTable("By station", ("Station", *work_columns), work_rows(report.stations), (False, *[True] * 6),
                    totals=work_totals(report.stations)),
        ReportTable(
            "Supervisor overrides",
            ("Supervisor", "Lines", "To refund", "To replacement", "To denied"),
            tuple((count.name, _count(count.lines), _count(count.refunds), _count(count.replacements), _count(count.denials))
                  for count in report.overrides),
            (False, True, True, True, True),
            empty_text="No decision was overridden in this period.",
        ),
        ReportTable(
            "Items on hold",
            hold_columns,
            tuple(
                (hold.rma, _count(hold.line), hold.sku, _moment(hold.since) if hold.since else "", hold.held_by, hold.station, hold.note)
                + ((hold.customer,) if report.personal_data else ())
                for hold in report.holds
            ),
            (False, True, False, False, False, False, False) + ((False,) if report.personal_data else ()),
            flexible=6,
            note="Lines on hold when the report was made that were put on hold before the period ended.",
            empty_text="No line is on hold.",
        ),
    )


def _content(report: BenchReport) -> ReportContent:
    zone = report.start.tzname() or f"{report.start:%z}"
    facts = [
        ("Period", f"{_moment(report.start)} to {_moment(report.end)} ({zone})"),
        ("Station", report.station or "All stations"),
        ("Made", _moment(report.generated_at)),
    ]
    warning = (
        "Contains customer personal data, included at an admin's request: keep it secured and do not forward it."
        if report.personal_data else ""
    )
    return ReportContent(
        title=report.title,
        footer=report.title,
        facts=tuple(facts),
        highlights=(
            ("Lines received", _count(report.lines_received)),
            ("Refunded", f"${report.refunded}"),
            ("Restocking fees", f"${report.fees.total}"),
            ("Denied", _count(report.denials)),
            ("On hold", _count(len(report.holds))),
        ),
        tables=report_tables(report),
        generated_at=report.generated_at,
        page_size=report.page_size,
        warning=warning,
    )


def report_pdf(report: BenchReport) -> bytes:
    return render_report(_content(report))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers."""
    if value.startswith(_FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(value: str) -> bool:
    try:
        Decimal(value)
    except ArithmeticError:
        return False
    return True


def report_csv(report: BenchReport) -> str:
    """One section per table: its title on a line of its own, a heading row, the rows, a total row;
    a blank line between sections. Amounts are plain decimals (dollars), counts whole numbers."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(["Returns Receiving Station", report.title])
    writer.writerow(["Period start", report.start.isoformat()])
    writer.writerow(["Period end", report.end.isoformat()])
    writer.writerow(["Station", report.station or "All stations"])
    writer.writerow(["Made", report.generated_at.isoformat()])
    writer.writerow(["Customer personal data", "included at an admin's request" if report.personal_data else "not included"])
    for section in report_tables(report):
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.columns)
        for row in section.rows:
            writer.writerow([_csv_cell(cell) for cell in row])
        if not section.rows:
            writer.writerow([f"Note: {section.empty_text}"])
        if section.totals is not None:
            writer.writerow([_csv_cell(cell) for cell in section.totals])
        if section.note:
            writer.writerow([f"Note: {section.note}"])
    return output.getvalue()


def export_format(path: str | Path) -> str:
    """'pdf' or 'csv' from the file name's extension; anything else is bad input."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise InputError(f"a report is written as .pdf or .csv, not {suffix or 'a file without an extension'} ({path})")
    return EXPORT_FORMATS[suffix]


def export_report(report: BenchReport, path: str | Path) -> Path:
    """Writes the report to ``path`` as its extension says (.pdf or .csv)."""
    target = Path(path)
    data = report_pdf(report) if export_format(target) == "pdf" else report_csv(report).encode("utf-8")
    try:
        target.write_bytes(data)
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    return target


def parse_report_day(text: str | None, today: date) -> date:
    """YYYY-MM-DD, 'today' or 'yesterday'; nothing means today."""
    if text is None or not text.strip() or text.strip().lower() == "today":
        return today
    if text.strip().lower() == "yesterday":
        return today - timedelta(days=1)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"--date: {text!r} is not a date; use YYYY-MM-DD, today or yesterday") from None
