"""A replay's comparison is nothing but ``decide`` run on every recorded unit: the same units changed, the
same outcomes and amounts, the same totals to the cent, whatever shortcut the replay takes to get there
(tests/support/replay_expectations.py works each answer out one unit at a time)."""

from __future__ import annotations

import pytest

from tests.support.replay_expectations import decided_one_by_one, moved, reported

DRAFTS = [
    ("image-pro-services", {}),
    (
        "image-pro-services",
        {
            "fill_rule.minimum_fraction": "0.6",
            "reasons.not_needed.windows[1].days": 3,
            "reasons.not_needed.restocking_fee.percent": "12.5",
        },
    ),
    ("image-pro-services", {"replacement_allowed": False, "reasons.defective.windows[0].years": 0}),
    ("true-image", {"reasons.not_needed.windows[0].days": 3, "reasons.not_needed.restocking_fee.percent": "25"}),
    (
        "image-pro-international",
        {
            "reasons.defective.windows[0].days": 1,
            "reasons.defective.restocking_fee_by_category.replacement_part.percent": "35",
        },
    ),
    ("4inkjets", {"reasons.defective.windows[0].years": 0}),
]


@pytest.mark.parametrize(("seller", "changes"), DRAFTS)
def test_a_replay_reports_what_deciding_each_unit_alone_gives(station, seller, changes) -> None:
    draft = station.policy_drafts.start("draft", seller, user="admin", station="office")
    if changes:
        draft = station.policy_drafts.revise("draft", changes, user="admin", station="office")
    policy = station.policy_drafts.checked(draft.text, draft.name)
    expected = decided_one_by_one(policy, station.policy_replay.recorded(seller))

    comparison = station.policy_replay.replay(draft, start=None, end=None, user="admin", station="office").comparison

    assert {
        (item.key.rma, item.key.line, item.key.unit): (moved(item.before), moved(item.after))
        for item in comparison.changed
    } == expected.changed
    assert {
        (item.key.rma, item.key.line, item.key.unit): item.draft_outcome.value if item.draft_outcome else None
        for item in comparison.overridden
    } == expected.overridden
    assert {(item.key.rma, item.key.line, item.key.unit): item.problem for item in comparison.undecided} == (
        expected.undecided
    )
    assert reported(comparison.before) == expected.before.as_reported()
    assert reported(comparison.after) == expected.after.as_reported()
    assert [(day.day, reported(day.before), reported(day.after)) for day in comparison.days] == [
        (day, expected.days_before[day].as_reported(), expected.days_after[day].as_reported())
        for day in sorted(expected.days_before)
    ]
    assert (len(comparison.changed) > 0) == bool(changes)  # each changed draft changes something to check
