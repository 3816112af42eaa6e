"""Receiving commands as a clerk gives them (every fact set on purpose, none left to a default), and
a line received with one."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import update

from receiving_app.domain.facts import Condition, Flags
from receiving_app.domain.weight import Weight
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.persistence.document_tables import DocumentRow
from receiving_app.services.commands import ReceiveLine

OPENED = Condition(unopened=False, sealed=False, original_packaging=True, box_damage=False, labels_intact=True)
"""Checked and found opened, its seal broken; otherwise as sold."""


def as_sold(number: str, line: int, user: str = "receiver", station: str = "bench-1", **options) -> ReceiveLine:
    """A unit the clerk checked and found as sold (new, sealed, bought here, nothing wrong), unless
    ``condition`` or ``flags`` say what else was found."""
    options.setdefault("condition", Condition.as_sold())
    options.setdefault("flags", Flags.as_sold())
    return ReceiveLine(number, line, user, station, **options)


def grams(value: Decimal | str) -> WeightCapture:
    """A stable weight typed in grams."""
    amount = Decimal(value)
    return WeightCapture(amount, "g", amount, True, "manual")


def weighed(text: str) -> WeightCapture:
    """A stable weight typed as a clerk types it: "812.4g", "1.79 lb"."""
    weight = Weight.parse(text)
    return WeightCapture(weight.value, weight.unit.symbol, weight.in_grams, True, "manual")


def full_weight(station, number: str, line: int) -> WeightCapture:
    """The line's cartridge weighed full, as the catalog gives it."""
    return grams(station.history.show_rma(number).rma.lines[line - 1].full_g)


def receive(station, number: str, line: int, **options):
    """Receive a unit found as sold; weighed full unless ``weight`` says otherwise (None: not weighed)."""
    if "weight" not in options:
        options["weight"] = full_weight(station, number, line)
    return station.receiving.receive(as_sold(number, line, options.pop("user", "receiver"), "bench-1", **options))


def cut_power_before_the_pdfs_were_stored(station, numbers) -> None:
    """What a power cut between a receive's commit and its PDFs' own commit left behind, when a receive
    had two (before December 2026)."""
    with station.units.write() as uow:
        uow.session.execute(
            update(DocumentRow).where(DocumentRow.number.in_(numbers)).values(pdf=None, pdf_sha256=None, pdf_parts=None)
        )
        uow.commit()
