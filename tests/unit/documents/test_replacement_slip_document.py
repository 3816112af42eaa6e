"""The replacement slip tells the warehouse what to ship, to whom, against which RMA line."""

from __future__ import annotations

from receiving_app.documents.model import DocumentContent
from receiving_app.documents.render import render
from tests.support.pdf import reading_text


def test_the_slip_says_what_to_ship_to_whom(replacement_content: DocumentContent) -> None:
    text = reading_text(render(replacement_content))
    assert "SHIP TO Northwind Dental Clinic Attn: Maria Alvarez 1418 Harbor Road, Suite 200 Portland, OR 97201" in text
    assert "1 TN-660 Brother TN-660 high-yield black toner 1" in text
    assert "Replaces RMA number RMA-220871, line 1" in text
    assert "RS-2026-000088" in text


def test_the_slip_carries_the_decision_and_both_names_of_an_override(replacement_content: DocumentContent) -> None:
    text = reading_text(render(replacement_content))
    assert "A replacement will be shipped at no charge; no money moves." in text
    assert "Received by Dana Whitfield" in text
    assert "Overridden by Sam Okafor (supervisor)" in text
    assert "Override reason Customer called: the printer is under a service contract; replacement approved." in text
    assert "Picked by" in text and "Packed by" in text
