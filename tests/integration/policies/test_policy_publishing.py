"""Publishing a draft: it decides the seller's units received from its effective date on, decisions made
before keep the version they were made under, and the audit trail says what changed, in words."""

from __future__ import annotations

from datetime import timedelta

import pytest

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.services.audit_check import check_audit_trail
from receiving_app.services.errors import NotAllowed
from tests.support.bench_day import DAY
from tests.support.pdf import one_line, pdf_text
from tests.support.policy_history import events_named
from tests.support.receiving import receive
from tests.support.warehouse import Line, Rma, add_rmas

SERVICES = "image-pro-services"
INSTALLED = "2026-12-03"
EFFECTIVE = DAY + timedelta(days=2)
FEE_SENTENCE = "Restocking fee on not needed and ordered wrong returns: 15% → 20%"


def fee_draft(station, name: str = "fee", percent: str = "20"):
    station.policy_drafts.start(name, SERVICES, user="admin", station="office")
    changes = {"reasons.not_needed.restocking_fee.percent": percent}
    return station.policy_drafts.revise(name, changes, user="admin", station="office")


def publish(station, draft, effective=EFFECTIVE, user: str = "admin"):
    return station.policy_publishing.publish(draft, effective, user=user, station="office")


@pytest.fixture
def four_units(station, tmp_path) -> str:
    """An open RMA of four sealed TN-660 toners, $54.99 each, not needed: each refund keeps a fee."""
    add_rmas(station, tmp_path, Rma("RA0000901", lines=(Line(reason="not_needed", quantity=4),)))
    return "RA0000901"


def test_a_published_version_decides_from_its_effective_date_and_earlier_decisions_keep_theirs(
    station, calendar, four_units
) -> None:
    published = publish(station, fee_draft(station))
    assert (published.version, published.replaces_version) == (EFFECTIVE.isoformat(), INSTALLED)

    first = receive(station, four_units, 1, unit=1).decision  # today, before the effective date
    calendar.day = EFFECTIVE - timedelta(days=1)
    second = receive(station, four_units, 1, unit=2).decision
    calendar.day = EFFECTIVE  # the same station, past midnight into the effective date
    third = receive(station, four_units, 1, unit=3).decision
    backdated = receive(station, four_units, 1, unit=4, received_on=EFFECTIVE - timedelta(days=1)).decision

    assert [(item.policy_version, item.amounts.restocking_fee) for item in (first, second, third, backdated)] == [
        (INSTALLED, Money.of("8.25")),
        (INSTALLED, Money.of("8.25")),
        (EFFECTIVE.isoformat(), Money.of("11.00")),
        (INSTALLED, Money.of("8.25")),
    ]
    recorded = station.history.show_rma(four_units).decisions
    assert [decision.policy_version for decision in recorded] == [
        INSTALLED,
        INSTALLED,
        EFFECTIVE.isoformat(),
        INSTALLED,
    ]
    assert station.policies[SERVICES].version == EFFECTIVE.isoformat()


def test_the_published_event_says_what_the_version_changes_in_words(station) -> None:
    fee_draft(station)
    draft = station.policy_drafts.revise("fee", {"fill_rule.minimum_fraction": "0.15"}, user="admin", station="office")

    published = publish(station, draft)

    differences = ["Fill threshold: 10% → 15%", FEE_SENTENCE]  # in the order of the policy's file
    assert list(published.differences) == differences
    assert events_named(station, "policy_published") == [
        {
            "policy": SERVICES,
            "version": EFFECTIVE.isoformat(),
            "effective": EFFECTIVE.isoformat(),
            "replaces": INSTALLED,
            "draft": "fee",
            "sha256": draft.sha256,
            "differences": differences,
        }
    ]
    assert station.policy_drafts.read("fee").published_version == EFFECTIVE.isoformat()
    with station.units.read() as uow:
        assert check_audit_trail(uow).first_break is None  # the new version's text is sealed in the chain


def test_two_versions_of_one_day_get_names_of_their_own_and_the_later_decides(station, calendar, four_units) -> None:
    publish(station, fee_draft(station))
    later = publish(station, fee_draft(station, "steeper", percent="25"))

    assert later.version == f"{EFFECTIVE.isoformat()}.2"
    assert later.differences == ("Restocking fee on not needed and ordered wrong returns: 20% → 25%",)
    calendar.day = EFFECTIVE
    assert receive(station, four_units, 1).decision.amounts.restocking_fee == Money.of("13.75")
    assert [
        (view.version, view.effective_on, view.in_effect_today) for view in station.policy_publishing.versions(SERVICES)
    ] == [
        (INSTALLED, None, False),
        (EFFECTIVE.isoformat(), EFFECTIVE, False),
        (later.version, EFFECTIVE, True),
    ]


def test_a_station_started_before_the_publication_decides_under_it(
    station, calendar, database_url, tmp_path, four_units
) -> None:
    bench = bootstrap(database_url, settings_path=tmp_path / "bench.json", today=calendar)
    try:
        publish(station, fee_draft(station))
        calendar.day = EFFECTIVE

        decided = receive(bench, four_units, 1).decision

        assert (decided.policy_version, decided.amounts.restocking_fee) == (EFFECTIVE.isoformat(), Money.of("11.00"))
    finally:
        bench.close()


def test_a_published_version_is_known_after_a_restart(station, calendar, database_url, tmp_path) -> None:
    publish(station, fee_draft(station))
    calendar.day = EFFECTIVE

    again = bootstrap(database_url, settings_path=tmp_path / "again.json", today=calendar)
    try:
        assert again.policies[SERVICES].version == EFFECTIVE.isoformat()
        assert again.policy_publishing.recorded_version(SERVICES, INSTALLED).version == INSTALLED
    finally:
        again.close()


def test_only_an_admin_publishes(station) -> None:
    with pytest.raises(NotAllowed, match="supervisor and may not publish a policy"):
        publish(station, fee_draft(station), user="supervisor")

    assert events_named(station, "policy_published") == []
    assert [view.version for view in station.policy_publishing.versions(SERVICES)] == [INSTALLED]


def test_a_version_cannot_take_effect_before_today(station) -> None:
    with pytest.raises(InputError, match="is in the past"):
        publish(station, fee_draft(station), effective=DAY - timedelta(days=1))

    assert events_named(station, "policy_published") == []


def test_a_draft_that_says_what_the_version_in_effect_says_is_not_published(station) -> None:
    same = station.policy_drafts.start("same", SERVICES, user="admin", station="office")

    with pytest.raises(InputError, match="nothing to publish"):
        publish(station, same)

    assert events_named(station, "policy_published") == []


def test_a_reprint_quotes_the_version_that_decided_not_the_one_in_effect_now(station, calendar, four_units) -> None:
    station.policy_drafts.start("timing", SERVICES, user="admin", station="office")
    new_timing = "Refunds are sent within 3 business days."
    draft = station.policy_drafts.revise("timing", {"refund_timing": new_timing}, user="admin", station="office")
    decided = receive(station, four_units, 1, unit=1)
    memo = next(document.number for document in decided.decision.documents if document.type == "credit_memo")
    publish(station, draft)
    calendar.day = EFFECTIVE

    copy = one_line(pdf_text(station.history.document(memo, reprint=True).pdf))

    assert "A card refund appears on your next billing statement" in copy
    assert new_timing not in copy
    later = receive(station, four_units, 1, unit=2)
    issued = next(document.number for document in later.decision.documents if document.type == "credit_memo")
    assert new_timing in one_line(pdf_text(station.history.document(issued, reprint=False).pdf))
