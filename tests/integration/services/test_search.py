"""RMA search on SQLite: each criterion alone, line criteria on one line, limits, privacy."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.domain.money import Money
from receiving_app.services.errors import NotAllowed
from receiving_app.services.search import (
    DateField,
    OutcomeFilter,
    RmaSearch,
    SearchService,
)


@pytest.fixture
def search(station):
    service = SearchService(station.units)

    def run(user: str = "admin", **criteria):
        return service.search(RmaSearch(**criteria), user=user)

    return run


def numbers(result) -> set[str]:
    return {rma.number for rma in result.rmas}


def test_an_empty_search_lists_every_rma(search, station) -> None:
    result = search()

    assert numbers(result) == {rma.number for rma in station.history.list_rmas()}
    assert result.more is False


def test_a_number_finds_that_rma_and_a_prefix_finds_every_rma_that_starts_with_it(search, station) -> None:
    everything = [rma.number for rma in station.history.list_rmas()]
    target = everything[5]

    assert numbers(search(number=target.lower())) == {target}
    prefix = target[:3]
    assert numbers(search(number=prefix)) == {number for number in everything if number.startswith(prefix)}
    assert numbers(search(number="NO-SUCH-")) == set()


def test_wildcard_characters_in_a_number_are_taken_literally(search) -> None:
    assert search(number="*").rmas == ()
    assert search(number="R?").rmas == ()


def test_a_customer_account_finds_that_customers_rmas(search, station) -> None:
    detail = station.history.show_rma(station.history.list_rmas()[0].number, mask_customer=False)
    account = detail.rma.customer_account

    found = search(customer=account.lower())

    assert found.rmas and all(rma.customer_account == account for rma in found.rmas)
    assert detail.rma.number in numbers(found)


def test_a_customer_name_is_searchable_and_shown_only_to_roles_that_may_see_it(search, station) -> None:
    detail = station.history.show_rma(station.history.list_rmas()[0].number, mask_customer=False)
    surname = detail.rma.customer_name.split()[-1]

    for_admin = search(user="admin", customer=surname.upper())
    for_receiver = search(user="receiver", customer=surname)

    assert detail.rma.number in numbers(for_admin)
    assert all(
        surname.casefold() in rma.customer_name.casefold() or rma.customer_account.startswith(surname)
        for rma in for_admin.rmas
    )
    assert for_receiver.rmas == ()
    masked = search(user="receiver", number=detail.rma.number).rmas[0]
    assert masked.customer_name != detail.rma.customer_name and "***" in masked.customer_name


def test_a_sku_finds_the_rmas_with_a_line_of_it(search, station) -> None:
    sku = station.history.list_rmas()[3].lines[0].sku
    expected = {rma.number for rma in station.history.list_rmas() if any(line.sku == sku for line in rma.lines)}

    found = search(sku=sku.lower())

    assert numbers(found) == expected
    assert all(sku in rma.skus for rma in found.rmas)


def test_a_reported_date_range_is_inclusive_at_both_ends(search, station) -> None:
    reported = {rma.number: rma.reported for rma in station.history.list_rmas()}
    day = sorted(reported.values())[len(reported) // 2]

    assert numbers(search(date_from=day, date_to=day)) == {number for number, on in reported.items() if on == day}
    assert numbers(search(date_from=day)) == {number for number, on in reported.items() if on >= day}
    assert numbers(search(date_to=day)) == {number for number, on in reported.items() if on <= day}


def test_outcomes_find_decided_lines_and_pending_finds_the_rest(search, station, decide) -> None:
    first, second, third = (rma.number for rma in station.history.list_rmas()[:3])
    refunded = decide(first)
    denied = decide(second, deny=True)
    assert (refunded.decision.outcome, denied.decision.outcome) == ("refund", "denied")

    assert first in numbers(search(outcome=OutcomeFilter.REFUND))
    assert numbers(search(outcome=OutcomeFilter.DENIED)) == {second}
    pending = numbers(search(outcome=OutcomeFilter.PENDING))
    assert third in pending and second not in pending
    summary = search(number=first).rmas[0]
    assert summary.refund_total == refunded.decision.refund_total > Money.zero()
    assert summary.last_decided is not None and "refund" in summary.outcome_words


def test_sku_and_outcome_must_hold_for_the_same_line(search, station, decide) -> None:
    two_lines = next(rma for rma in station.history.list_rmas() if len({line.sku for line in rma.lines}) > 1)
    decide(two_lines.number, 1, deny=True)

    assert two_lines.number in numbers(search(sku=two_lines.lines[0].sku, outcome=OutcomeFilter.DENIED))
    assert two_lines.number not in numbers(search(sku=two_lines.lines[1].sku, outcome=OutcomeFilter.DENIED))


def test_a_received_on_range_finds_lines_decided_on_those_local_days(search, station, decide) -> None:
    number = station.history.list_rmas()[0].number
    decide(number)
    today = date.today()

    assert numbers(search(date_field=DateField.DECIDED, date_from=today, date_to=today)) == {number}
    assert search(date_field=DateField.DECIDED, date_to=today - timedelta(days=1)).rmas == ()


def test_a_limit_says_when_more_rmas_matched(search) -> None:
    result = search(limit=5)

    assert len(result.rmas) == 5 and result.more is True


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"date_from": date(2026, 3, 2), "date_to": date(2026, 3, 1)}, r"starts \(2026-03-02\) after it ends"),
        ({"limit": 0}, "1 to 1000"),
    ],
)
def test_impossible_criteria_are_refused_in_words(search, criteria, message) -> None:
    with pytest.raises(InputError, match=message):
        search(**criteria)


def test_an_unknown_user_may_not_search(search) -> None:
    with pytest.raises(NotAllowed):
        search(user="nobody")


def test_a_voided_decision_is_found_by_its_outcome_no_more_and_its_line_is_pending_again(
    search, station, decide
) -> None:
    number = station.history.list_rmas()[4].number
    denied = decide(number, deny=True)
    assert number in numbers(search(outcome=OutcomeFilter.DENIED))
    assert number not in numbers(search(outcome=OutcomeFilter.PENDING, number=number))

    station.history.void_document(
        denied.decision.documents[0].number, user="supervisor", station="S1", reason="Wrong line received"
    )

    assert number not in numbers(search(outcome=OutcomeFilter.DENIED))
    assert number in numbers(search(outcome=OutcomeFilter.PENDING, number=number))


def test_pages_follow_one_another_until_the_last_says_there_are_no_more(search, station) -> None:
    everything = [rma.number for rma in search(limit=1000).rmas]
    listed, after = [], ""
    while True:
        page = search(limit=7, after=after)
        listed += [rma.number for rma in page.rmas]
        if page.next_page is None:
            break
        after = page.next_page

    assert listed == everything
