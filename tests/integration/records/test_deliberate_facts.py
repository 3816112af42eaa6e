"""Nothing is decided on a fact nobody checked: unchecked facts, impossible weights, weights that
contradict the ticks, findings that lower what the seller keeps, units, and voids that carry through."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from receiving_app.domain.engine import MissingFact
from receiving_app.domain.facts import Condition, CustomerChoice, Flags, ReturnReason
from receiving_app.domain.inspection import ImplausibleWeight
from receiving_app.domain.weight import WeightError
from receiving_app.services.commands import Approval, ReceiveLine
from receiving_app.services.errors import LineNotOpen, NotAllowed, SupervisorNeeded
from tests.support.invariants import assert_records_are_whole, row_counts
from tests.support.pdf import pdf_text
from tests.support.receiving import OPENED, as_sold, grams, weighed
from tests.support.warehouse import Line, Rma, add_rmas

# TN-660 in the demo catalog: full 815.0 g, empty 590.0 g, tolerance 22.5 g (a tenth of the span),
# so a unit can weigh 567.5 to 837.5 g; a sealed new one weighs 802.8 to 827.2 g (full ± 1.5 %).
FULL_TN660 = grams("815.0")
APPROVED = Approval("supervisor", "Weighed again and looked inside: it is what the clerk says.")


def events_of(station, number: str) -> list[tuple[str, dict]]:
    with station.units.read() as uow:
        return [(row.event_type, json.loads(row.payload)) for row in uow.records.audit_events_for_rma(number)]


def test_a_decision_that_rests_on_an_unchecked_condition_is_refused_and_writes_nothing(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001501", lines=(Line(reason="not_needed"),)))  # needs a saleable condition
    before = row_counts(station)

    with pytest.raises(MissingFact) as refused:
        station.receiving.receive(
            ReceiveLine("RA0001501", 1, "receiver", "bench-1", flags=Flags.as_sold(), weight=FULL_TN660)
        )

    assert refused.value.field == "condition.unopened"
    assert refused.value.still_to_check == (
        "unopened",
        "sealed",
        "original packaging",
        "box damaged or marked",
        "labels intact",
    )
    assert row_counts(station) == before


def test_an_unweighed_toner_unit_is_refused_under_every_policy(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RMA-001502", seller="4inkjets"))  # 4inkjets has no fill rule, yet it is weighed

    with pytest.raises(MissingFact, match="weigh"):
        station.receiving.receive(as_sold("RMA-001502", 1))

    assert station.history.show_rma("RMA-001502").decisions == ()


@pytest.mark.parametrize("typed", ["837.6g", "567.4g", "2lb", "0g"])
def test_a_weight_the_cartridge_cannot_have_is_refused_with_its_range(station, tmp_path, typed) -> None:
    add_rmas(station, tmp_path, Rma("RA0001503"))
    before = row_counts(station)

    with pytest.raises(ImplausibleWeight) as refused:
        station.receiving.receive(as_sold("RA0001503", 1, weight=weighed(typed), condition=OPENED))

    assert "567.5 g to 837.5 g" in str(refused.value) and "TN-660" in str(refused.value)
    assert row_counts(station) == before


def test_an_absurd_weight_is_refused_before_it_reaches_the_cartridge_s_range() -> None:
    with pytest.raises(WeightError, match="a weight must be at most 100000 g, not 99999999999 g"):
        weighed("99999999999g")


def test_a_sealed_unit_lighter_than_a_sealed_one_needs_a_supervisor_and_says_why_on_paper(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001504", lines=(Line(reason="not_needed"),)))
    light = as_sold("RA0001504", 1, weight=grams("700.0"))
    before = row_counts(station)

    with pytest.raises(SupervisorNeeded) as refused:
        station.receiving.receive(light)
    assert "700.0 g" in str(refused.value) and "802.8 g to 827.2 g" in str(refused.value)
    assert row_counts(station) == before
    with pytest.raises(NotAllowed):
        station.receiving.receive(replace(light, approval=Approval("receiver", "looks fine to me")))
    assert row_counts(station) == before

    result = station.receiving.receive(replace(light, approval=APPROVED))

    assert result.decision.approved_by == "supervisor" and "Ticked sealed" in result.decision.contradictions[0]
    text = pdf_text(station.history.document(result.decision.documents[0].number, reprint=False).pdf)
    assert "Ticked sealed" in text and "Sam Supervisor" in text
    assert "decision_approved" in [kind for kind, _ in events_of(station, "RA0001504")]


def test_any_unit_heavier_than_full_is_a_contradiction(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001505"))

    with pytest.raises(SupervisorNeeded, match="more than a full TN-660"):
        station.receiving.receive(as_sold("RA0001505", 1, weight=grams("830.0"), condition=OPENED))


def test_a_finding_that_lowers_the_fee_needs_a_supervisor_and_both_reasons_are_kept(station, tmp_path) -> None:
    add_rmas(
        station, tmp_path, Rma("RA0001506", lines=(Line(reason="not_needed"),))
    )  # 15% fee as the customer stated it
    found_defective = as_sold("RA0001506", 1, weight=FULL_TN660, reason=ReturnReason.DEFECTIVE)

    with pytest.raises(SupervisorNeeded, match="not needed to defective"):
        station.receiving.receive(found_defective)
    result = station.receiving.receive(replace(found_defective, approval=APPROVED))

    assert (result.decision.reason, str(result.decision.amounts.restocking_fee)) == ("defective", "0.00")
    assert station.history.show_rma("RA0001506").rma.lines[0].reason == "not_needed"  # the customer's word stays
    [finding] = [payload for kind, payload in events_of(station, "RA0001506") if kind == "finding_recorded"]
    assert finding["from"] == {"reason": "not_needed", "choice": "refund"} and finding["to"]["reason"] == "defective"
    text = " ".join(pdf_text(station.history.document(result.decision.documents[0].number, reprint=False).pdf).split())
    assert "not needed" in text and "found to be defective" in text


def test_a_finding_that_keeps_the_sellers_share_is_the_clerks_to_record(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001507"))  # stated defective: no fee; found not needed: 15% fee

    result = station.receiving.receive(as_sold("RA0001507", 1, weight=FULL_TN660, reason=ReturnReason.NOT_NEEDED))

    assert str(result.decision.amounts.restocking_fee) == "8.25" and result.decision.approved_by is None
    assert "finding_recorded" in [kind for kind, _ in events_of(station, "RA0001507")]


def test_changing_the_customers_choice_needs_a_supervisor(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001508", lines=(Line(choice="replacement"),)))

    with pytest.raises(SupervisorNeeded, match="asked for a replacement"):
        station.receiving.receive(as_sold("RA0001508", 1, weight=FULL_TN660, customer_choice=CustomerChoice.REFUND))


def test_a_line_of_two_is_decided_unit_by_unit_and_a_missing_unit_is_recorded(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001509", lines=(Line(quantity=2),)))

    first = station.receiving.receive(as_sold("RA0001509", 1, unit=1, weight=FULL_TN660))
    assert station.history.show_rma("RA0001509").rma.lines[0].status == "open"  # unit 2 is still to come
    assert station.line_actions.mark_not_received(
        "RA0001509", 1, user="receiver", station="bench-1", note="only one in the box"
    ) == (2,)

    detail = station.history.show_rma("RA0001509")
    assert [(inspection.unit, inspection.arrived) for inspection in detail.inspections] == [(1, True), (2, False)]
    assert [(decision.unit, str(decision.amounts.merchandise)) for decision in detail.decisions] == [(1, "54.99")]
    assert detail.rma.lines[0].units == ("decided", "not_received") and detail.rma.status == "closed"
    with pytest.raises(LineNotOpen, match="no unit is still to receive"):
        station.line_actions.mark_not_received("RA0001509", 1, user="receiver", station="bench-1")
    text = pdf_text(station.history.document(first.decision.documents[0].number, reprint=False).pdf)
    assert "unit 1 of 2" in text
    assert_records_are_whole(station)


def test_voiding_a_credit_memo_voids_its_receipt_and_reopens_the_unit_for_a_supervisor(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001510", lines=(Line(reason="not_needed"),)))
    first = station.receiving.receive(as_sold("RA0001510", 1, weight=FULL_TN660))
    assert [document.type for document in first.decision.documents] == ["credit_memo", "restocking_fee_receipt"]

    voided = station.history.void_document(
        first.decision.documents[0].number, user="supervisor", station="bench-1", reason="wrong customer"
    )

    assert voided == tuple(document.number for document in first.decision.documents)
    detail = station.history.show_rma("RA0001510")
    assert detail.decisions[0].voided and all(document.voided for document in detail.decisions[0].documents)
    assert (detail.rma.lines[0].status, detail.rma.status) == ("open", "open")
    with pytest.raises(SupervisorNeeded, match="voided"):
        station.receiving.receive(as_sold("RA0001510", 1, weight=FULL_TN660))
    again = station.receiving.receive(as_sold("RA0001510", 1, weight=FULL_TN660, approval=APPROVED))
    assert [document.number for document in again.decision.documents] == ["CM-000002", "RF-000002"]
    assert (again.decision.approved_by, again.decision.approval_note) == ("supervisor", APPROVED.note)
    assert station.history.show_rma("RA0001510").rma.status == "closed"
    assert {"decision_voided", "document_voided"} <= {kind for kind, _ in events_of(station, "RA0001510")}
    assert_records_are_whole(station)


def test_leaving_an_rma_with_open_lines_is_recorded(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0001511", lines=(Line(), Line(sku="TN-760", unit_price="59.99"))))

    station.rma_opening.record_left("RA0001511", (1, 2), user="receiver", station="bench-1")

    assert ("rma_left_open", {"open_lines": [1, 2]}) in events_of(station, "RA0001511")


def test_an_unchecked_fact_prints_as_not_checked_never_as_yes(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RMA-001512", seller="4inkjets"))  # 4inkjets decides on where it was bought only

    result = station.receiving.receive(
        ReceiveLine("RMA-001512", 1, "receiver", "bench-1", flags=Flags.as_sold(), weight=FULL_TN660)
    )

    text = " ".join(pdf_text(station.history.document(result.decision.documents[0].number, reprint=False).pdf).split())
    assert "Unopened: not checked" in text and "Sealed: not checked" in text and "Unopened: yes" not in text
    assert station.history.show_rma("RMA-001512").inspections[0].condition == dict.fromkeys(Condition.__slots__)
