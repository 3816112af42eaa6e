"""The few words beside each event on an RMA's timeline, for chains written before and after the
inspection, the documents and the sorting moved into the decision's event."""

from __future__ import annotations

from receiving_app.services.timeline import event_detail


def test_a_decision_says_the_weight_it_was_made_on_and_its_outcome() -> None:
    decided = '{"line":1,"unit":2,"inspection":{"notes":"","reading":{"value":"1.79","unit":"lb","source":"manual"}},'
    decided += '"outcome":"refund_less_fee"}'

    assert event_detail("decision_made", decided) == "line 1 unit 2 · 1.79 lb typed by hand · refund less fee"


def test_a_chain_written_before_the_inspection_was_in_the_decision_s_event_still_shows_its_weight() -> None:
    inspected = '{"line":1,"unit":2,"reading":{"value":"812.4","unit":"g","source":"mt-sics"}}'
    weighed = '{"line":1,"value":"812.4","unit":"g","source":"mt-sics"}'  # its "unit" was the weight's

    assert event_detail("inspection_recorded", inspected) == "line 1 unit 2 · 812.4 g from the scale"
    assert event_detail("weight_read", weighed) == "line 1 · 812.4 g from the scale"
    assert event_detail("decision_made", '{"line":1,"unit":2,"outcome":"refund"}') == "line 1 unit 2 · refund"


def test_a_decision_names_its_documents_and_where_its_unit_went() -> None:
    decided = '{"line":2,"unit":1,"outcome":"refund","documents":[{"type":"credit_memo","number":"CM-000031"},'
    decided += '{"type":"restocking_fee_receipt","number":"RF-000007"}],'
    decided += '"sorted":{"lpn":"LP00000044","route":"restock_open_box","rule":3,"routing_version":"2026-12-03"}}'

    assert event_detail("decision_made", decided) == (
        "line 2 unit 1 · refund · CM-000031 · RF-000007 · LP00000044 to restock open box"
    )


def test_a_chain_written_before_the_decision_named_its_documents_still_shows_them_on_their_rows() -> None:
    issued = '{"line":2,"unit":1,"type":"credit_memo","number":"CM-000031"}'
    went = '{"line":2,"unit":1,"lpn":"LP00000044","route":"oem_recycling","rule":3}'

    assert event_detail("document_issued", issued) == "line 2 unit 1 · CM-000031"
    assert event_detail("unit_sorted", went) == "line 2 unit 1 · LP00000044 to oem recycling"


def test_a_decision_that_closed_its_rma_says_so() -> None:
    decided = '{"line":3,"unit":1,"outcome":"denied","closes_rma":true,'
    decided += '"sorted":{"lpn":"LP00000045","route":"hold_for_customer","rule":1,"routing_version":"2026-12-03"}}'

    assert event_detail("decision_made", decided) == (
        "line 3 unit 1 · denied · LP00000045 to hold for customer · RMA closed"
    )
    assert event_detail("rma_closed", "{}") == ""  # its own event, before December 2026, and after a line action
