"""A bench day built through the services, for the report tests.

The day is Monday 2026-03-16 at a bench five hours behind UTC. Its decisions cover every
outcome, both refund methods and a $0.00 refund, restocking fees, a return label deducted and
shipping refunded, denials for several reasons (weighed and not), a supervisor's override, two
stations and three operators; lines on hold with notes; and decisions and a hold just outside
the day on either side, which the day's report must leave out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone

from receiving_app.bootstrap import bootstrap, fill_demo_data
from receiving_app.domain.facts import Condition, Flags, ReturnReason
from receiving_app.services.commands import Approval, Override, ReceiveLine
from receiving_app.services.station import Station
from receiving_app.services.views import DecisionView
from tests.support.receiving import OPENED, as_sold, grams
from tests.support.warehouse import Line, Rma, add_rmas

BENCH_ZONE = timezone(timedelta(hours=-5), "EST")
DAY = date(2026, 3, 16)
DAY_STARTS = datetime(2026, 3, 16, 5, 0, tzinfo=UTC)  # local midnight
DAY_ENDS = DAY_STARTS + timedelta(days=1)
CUSTOMER = ("Dana Whitfield", "dana@example.com", "(555) 010-2030", "12 Elm St")  # tests/support/warehouse.py
CARD_LAST4 = "4242"


class BenchClock:
    """The time the services see: set by the test, a millisecond later on every call."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def at(self, moment: datetime) -> None:
        self.now = moment

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


def local(hour: int, minute: int = 0, *, day: date = DAY) -> datetime:
    """A time on the bench's clock, as the UTC moment it is."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BENCH_ZONE).astimezone(UTC)


@dataclass(frozen=True)
class BenchDay:
    numbers: tuple[str, ...]  # every RMA the day's fixture touched
    held_today: tuple[tuple[str, int], ...]
    held_tomorrow: tuple[tuple[str, int], ...]

    def decisions(
        self, station: Station, start: datetime = DAY_STARTS, end: datetime = DAY_ENDS, bench: str | None = None
    ) -> list[DecisionView]:
        """The standing decisions a report of [start, end) summarises, read one RMA at a time through
        the history service (not through the report's queries); voided ones are in no total."""
        return [
            decision
            for decision in self.every_decision(station)
            if start <= decision.decided_at < end
            and (bench is None or decision.station == bench)
            and not decision.voided
        ]

    def every_decision(self, station: Station) -> list[DecisionView]:
        """Every decision of the fixture's RMAs, voided ones included."""
        return [decision for number in self.numbers for decision in station.history.show_rma(number).decisions]


RMAS = (
    Rma("RA0000801", lines=(Line(reason="not_needed"),), payment="open_account"),
    Rma("RA0000802"),
    Rma(
        "RA0000803",
        lines=(Line(quantity=2, reason="not_needed"), Line(sku="DR-630", unit_price="39.99", reason="not_needed")),
    ),
    Rma("RA0000804", lines=(Line(choice="replacement"),)),
    Rma("RA0000805"),
    Rma("RA0000806"),
    Rma("RA0000807"),
    Rma("RA0000808", lines=(Line(reason="damaged_in_transit"),)),
    Rma("RA0000809", lines=(Line(sku="DR-630", unit_price="39.99"),)),
    Rma("RA0000810", lines=(Line(reason="not_needed"),)),
    Rma("RMA-000811", seller="true-image", lines=(Line(reason="wrong_item_shipped"),)),
    Rma("RMA-000812", seller="true-image", lines=(Line(reason="not_needed"),), label_cost="8.50", account="C90002"),
    Rma(
        "RMA-000813",
        seller="true-image",
        lines=(Line(sku="LC3013BK", unit_price="19.99", reason="not_needed"),),
        label_cost="25.00",
        account="C90003",
    ),
    Rma("RA0000814"),  # decided a minute before the day
    Rma("RA0000815"),  # decided at the next day's first moment
    Rma("RA0000816", lines=(Line(), Line(sku="DR-630", unit_price="39.99"))),  # held today; line 2 not received
    Rma("RA0000817"),  # held today at bench-2
    Rma("RA0000818"),  # held after the day
    Rma("RA0000819"),  # held and released today
)
NOT_SOLD_HERE = replace(Flags.as_sold(), sold_by_seller=False)
FULL_CARD = "4111 1111 1111 1111"
HOLD_NOTE = (
    f"Dana Whitfield called from (555) 010-2030 about card 4242 (read out {FULL_CARD}); "
    "mail dana@example.com. Box crushed"
)


BENCH_DAY = BenchDay(
    numbers=tuple(rma.number for rma in RMAS),
    held_today=(("RA0000816", 1), ("RA0000817", 1)),
    held_tomorrow=(("RA0000818", 1),),
)
BEFORE_THE_DAY = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)  # where a report test's clock starts
MORNING_AFTER = DAY_ENDS + timedelta(hours=2)  # where the bench day leaves it: reports are made then


def build_bench_day(station: Station, folder) -> BenchDay:
    add_rmas(station, folder, *RMAS)
    clock: BenchClock = station.units.clock

    def receive(number: str, line: int, user: str, bench: str, at: datetime, **options) -> None:
        clock.at(at)
        station.receiving.receive(as_sold(number, line, user, bench, **options))

    receive("RA0000801", 1, "receiver", "bench-1", local(8, 5), weight=grams("812.4"))
    receive("RA0000802", 1, "receiver", "bench-1", local(8, 20), weight=grams("812.4"))
    receive("RA0000803", 1, "supervisor", "bench-2", local(9, 0), weight=grams("812.4"))
    receive("RA0000803", 2, "supervisor", "bench-2", local(9, 2))
    receive("RA0000804", 1, "receiver", "bench-2", local(9, 30), weight=grams("812.4"))
    receive("RA0000805", 1, "receiver", "bench-1", local(10, 0), weight=grams("812.4"), flags=NOT_SOLD_HERE)
    receive("RA0000806", 1, "receiver", "bench-2", local(10, 15), weight=grams("600"), condition=OPENED)
    receive("RA0000807", 1, "supervisor", "bench-1", local(11, 0), weight=grams("610"), condition=OPENED)
    receive("RA0000808", 1, "receiver", "bench-2", local(11, 45), weight=grams("700"), condition=OPENED)
    receive("RA0000809", 1, "receiver", "bench-1", local(13, 0), flags=NOT_SOLD_HERE)
    receive(
        "RA0000810",
        1,
        "receiver",
        "bench-2",
        local(14, 0),
        weight=grams("812.4"),
        override=Override("supervisor", "denied", "Customer returned the same cartridge three times"),
    )
    receive("RMA-000811", 1, "admin", "bench-1", local(15, 0), weight=grams("812.4"))
    receive("RMA-000812", 1, "admin", "bench-1", local(15, 10), weight=grams("812.4"))
    receive("RMA-000813", 1, "receiver", "bench-1", local(16, 0), weight=grams("38.4"))
    receive("RA0000814", 1, "receiver", "bench-1", DAY_STARTS - timedelta(minutes=1), weight=grams("812.4"))
    receive("RA0000815", 1, "receiver", "bench-1", DAY_ENDS, weight=grams("600"), condition=OPENED)

    clock.at(local(10, 30))
    station.line_actions.hold("RA0000816", 1, user="receiver", station="bench-1", note=HOLD_NOTE)
    station.line_actions.mark_not_received("RA0000816", 2, user="receiver", station="bench-1", note="not in the box")
    clock.at(local(12, 0))
    station.line_actions.hold(
        "RA0000817", 1, user="supervisor", station="bench-2", note="Waiting for photos from the warehouse"
    )
    station.line_actions.hold("RA0000819", 1, user="receiver", station="bench-2", note="Scale unsure")
    clock.at(local(12, 30))
    station.line_actions.release_hold("RA0000819", 1, user="supervisor", station="bench-2")
    clock.at(DAY_ENDS + timedelta(hours=1))
    station.line_actions.hold("RA0000818", 1, user="receiver", station="bench-1", note="Arrived after closing")
    clock.at(MORNING_AFTER)
    return BENCH_DAY


def prepared_bench_day(url: str, folder) -> None:
    """A template database holding the bench day (see tests/support/database_templates.py)."""
    station = bootstrap(url, settings_path=folder / "settings.json", today=lambda: DAY)
    try:
        fill_demo_data(station, rmas=0, seed=7)
        station.units.clock = BenchClock(BEFORE_THE_DAY)
        build_bench_day(station, folder)
    finally:
        station.close()


FOUND = (
    Rma("RA0000820", lines=(Line(reason="not_needed"),)),  # found defective: more is refunded, so a supervisor approves
    Rma("RA0000821"),  # found not needed: the seller keeps a fee, which the clerk records alone
    Rma("RA0000822"),  # heavier than a full one although ticked sealed: a supervisor lets it stand
)
FOUND_NOTE = "Cracked housing, photo taken; Dana Whitfield confirmed by phone"


def add_findings(station: Station, folder, day: BenchDay) -> BenchDay:
    """Three more decisions late on the day: two reasons found otherwise, one weight contradicting the seal."""
    add_rmas(station, folder, *FOUND)
    clock: BenchClock = station.units.clock
    made_at = clock.now
    full = {"condition": Condition.as_sold(), "flags": Flags.as_sold(), "weight": grams("812.4")}
    clock.at(local(16, 30))
    station.receiving.receive(
        ReceiveLine(
            "RA0000820",
            1,
            "receiver",
            "bench-2",
            reason=ReturnReason.DEFECTIVE,
            approval=Approval("supervisor", FOUND_NOTE),
            **full,
        )
    )
    clock.at(local(16, 40))
    station.receiving.receive(
        ReceiveLine("RA0000821", 1, "receiver", "bench-1", reason=ReturnReason.NOT_NEEDED, **full)
    )
    clock.at(local(16, 50))
    station.receiving.receive(
        ReceiveLine(
            "RA0000822",
            1,
            "receiver",
            "bench-1",
            **{**full, "weight": grams("830")},
            approval=Approval("supervisor", "Weighed twice; the label says XL"),
        )
    )
    clock.at(made_at)
    return replace(day, numbers=(*day.numbers, *(rma.number for rma in FOUND)))
