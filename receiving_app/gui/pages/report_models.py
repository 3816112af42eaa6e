"""The Reports page's tables: one model per section of the frozen ``BenchReport``, with the same
columns as the report's PDF and CSV (``services.report_tables``, ``services.report_aging_tables``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from receiving_app.domain.money import STATION_CURRENCY
from receiving_app.domain.money_text import column_heading, figure_text
from receiving_app.gui.pages.models import Column, RecordTableModel, local_time, words
from receiving_app.services.aging_model import AgingView
from receiving_app.services.report_model import HeldCartridge, RouteCount
from receiving_app.services.report_sorting_tables import NO_VALUE


def _count_column(title: str, attribute: str) -> Column:
    return Column(
        title, lambda record: str(getattr(record, attribute)), lambda record: getattr(record, attribute), numeric=True
    )


def _money_column(title: str, attribute: str) -> Column:
    return Column(
        title,
        lambda record: str(getattr(record, attribute)),
        lambda record: getattr(record, attribute).amount,
        numeric=True,
    )


def _time_column(title: str, attribute: str) -> Column:
    return Column(
        title,
        lambda record: local_time(getattr(record, attribute)),
        lambda record: getattr(record, attribute).timestamp() if getattr(record, attribute) else 0,
    )


def _said(reason: str, choice: str) -> str:
    return f"{words(reason)}, {choice}"


WORK_COLUMNS = (
    _count_column("Lines", "lines"),
    _count_column("Refunds", "refunds"),
    _count_column("Replacements", "replacements"),
    _count_column("Denials", "denials"),
    _count_column("Overridden", "overridden"),
    _money_column("Refunded", "refunded"),
)
UNIT_COLUMNS = (
    Column("RMA", lambda record: record.rma),
    _count_column("Line", "line"),
    _count_column("Unit", "unit"),
)


class OperatorsModel(RecordTableModel):
    COLUMNS = (Column("Operator", lambda count: count.name), *WORK_COLUMNS)


class StationsModel(RecordTableModel):
    COLUMNS = (Column("Station", lambda count: count.name), *WORK_COLUMNS)


class RefundsModel(RecordTableModel):
    COLUMNS = (
        Column("Method", lambda refunds: words(refunds.method)),
        _count_column("Lines", "lines"),
        _money_column("Merchandise", "merchandise"),
        _money_column("Restocking fees", "restocking_fees"),
        _money_column("Return label deducted", "label_deductions"),
        _money_column("Shipping refunded", "shipping_refunded"),
        _money_column("Refunded", "refunded"),
    )


class DenialsModel(RecordTableModel):
    COLUMNS = (
        Column("Reason", lambda reason: reason.words),
        Column("Code", lambda reason: reason.code),
        _count_column("Denied lines", "lines"),
    )


class FindingsModel(RecordTableModel):
    """Decisions whose reason or choice the bench found otherwise than the customer said."""

    COLUMNS = (
        *UNIT_COLUMNS,
        Column("Customer said", lambda finding: _said(finding.stated_reason, finding.stated_choice)),
        Column("Found", lambda finding: _said(finding.found_reason, finding.found_choice)),
        Column("Outcome", lambda finding: words(finding.outcome)),
        _money_column("Refunded", "refunded"),
        Column("Found by", lambda finding: finding.decided_by),
        Column("Approved by", lambda finding: finding.supervisor),
        Column("Note", lambda finding: finding.note),
    )


class ContradictionsModel(RecordTableModel):
    """Decisions a supervisor let stand although the weight contradicted what was ticked."""

    COLUMNS = (
        *UNIT_COLUMNS,
        Column("Outcome", lambda finding: words(finding.outcome)),
        _money_column("Refunded", "refunded"),
        Column("What the weight said", lambda finding: " ".join(finding.contradictions)),
        Column("Decided by", lambda finding: finding.decided_by),
        Column("Approved by", lambda finding: finding.supervisor),
        Column("Note", lambda finding: finding.note),
    )


class VoidsModel(RecordTableModel):
    """Decisions voided in the period, whenever decided: in none of the page's figures."""

    COLUMNS = (
        *UNIT_COLUMNS,
        Column("Outcome", lambda void: words(void.outcome)),
        _money_column("Refunded", "refunded"),
        _time_column("Decided", "decided_at"),
        Column("Documents voided", lambda void: " ".join(void.documents)),
        Column("Voided by", lambda void: void.voided_by),
        _time_column("Voided", "voided_at"),
        Column("Why", lambda void: void.reason),
    )


class HoldsModel(RecordTableModel):
    COLUMNS = (
        Column("RMA", lambda hold: hold.rma),
        _count_column("Line", "line"),
        Column("SKU", lambda hold: hold.sku),
        _time_column("Held since", "since"),
        Column("Held by", lambda hold: hold.held_by),
        Column("Station", lambda hold: hold.station),
        Column("Note", lambda hold: hold.note),
        Column("Customer", lambda hold: hold.customer),  # empty unless an admin asked for personal data
    )
    CUSTOMER_COLUMN = 7


class HeldCartridgesModel(RecordTableModel):
    """Denied cartridges kept for their customers whose hold ends within a week of the report's last day,
    soonest first; a hold that has ended by that day says so, for its cartridge is due to move on."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._last_day: date | None = None
        # The hold's end is written against the report's day, so these columns are the model's own.
        self.COLUMNS = (
            Column("License plate", lambda held: held.lpn),
            Column("RMA", lambda held: held.rma),
            Column("SKU", lambda held: held.sku),
            Column("Hold ends", self._hold_ends, lambda held: held.held_until),
        )

    def show_holds(self, holds: Sequence[HeldCartridge], last_day: date) -> None:
        self._last_day = last_day
        self.set_records(holds)

    def ended(self, held: HeldCartridge) -> bool:
        return self._last_day is not None and held.held_until <= self._last_day

    def _hold_ends(self, held: HeldCartridge) -> str:
        day = held.held_until.isoformat()
        return f"{day} (ended)" if self.ended(held) else day


def _route_value(route: RouteCount) -> str:
    return NO_VALUE if route.value is None else figure_text(route.value)


class RoutesModel(RecordTableModel):
    """Where the period's units were sorted, in the routing file's order, and what each route recovers."""

    COLUMNS = (
        Column("Route", lambda route: route.label, stretch=True),
        _count_column("Units", "units"),
        # A route that recovers nothing sorts below one that recovers $0.00 and shows a dash, not a price.
        Column(
            column_heading("Value recovered", STATION_CURRENCY),
            _route_value,
            lambda route: -1 if route.value is None else route.value.amount,
            numeric=True,
        ),
    )


class ContainersModel(RecordTableModel):
    """Containers closed in the period and not reopened since, as their manifests count them."""

    COLUMNS = (
        Column("Container", lambda container: container.code),
        Column("Route", lambda container: container.label),
        _count_column("Units", "units"),
        Column(
            "Weight (kg)",
            lambda container: f"{container.weight_kg:.3f}",
            lambda container: container.weight_kg,
            numeric=True,
        ),
        Column("Why closed", lambda container: container.because[:1].upper() + container.because[1:], stretch=True),
    )


class StockAddedModel(RecordTableModel):
    """What the stock gained in the period by SKU and grade; a void of an earlier restock counts below zero."""

    COLUMNS = (
        Column("SKU", lambda line: line.sku),
        Column("Grade", lambda line: line.grade_words),
        _count_column("Units", "units"),
    )


class AgingCountsModel(RecordTableModel):
    """How many of each aging list wait longer than they should, when that is, and what to do; records
    are (list, when late) pairs."""

    COLUMNS = (
        Column("Waiting", lambda entry: entry[0].title),
        Column("Late", lambda entry: str(entry[0].count), lambda entry: entry[0].count, numeric=True),
        Column("Late when", lambda entry: entry[1]),
        Column("What to do", lambda entry: entry[0].action, stretch=True),
    )

    def show_view(self, view: AgingView | None) -> None:
        self.set_records([(listed, view.limits.words(listed.key)) for listed in view.lists] if view else [])


class AgingRowsModel(RecordTableModel):
    """What waits longer than it should, oldest first within each list; records are (list, row) pairs."""

    COLUMNS = (
        Column("Waiting", lambda entry: entry[0].title),
        Column("RMA or return", lambda entry: entry[1].number),
        Column("Seller", lambda entry: entry[1].seller),
        Column("Since", lambda entry: entry[1].since_words),
        Column(
            "Age",
            lambda entry: entry[1].age_words,
            lambda entry: entry[1].age.total_seconds() if entry[1].age is not None else -1,
            numeric=True,
        ),
        Column("Line, or where it waits", lambda entry: entry[1].where_words(entry[0].key), stretch=True),
    )

    def show_view(self, view: AgingView | None) -> None:
        self.set_records([(listed, row) for listed in view.lists for row in listed.rows] if view else [])
