"""The few words beside each event on an RMA's timeline, for chains written before and after the
inspection moved into the decision's event."""

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
