"""A credit memo in the books: its parts add up to the refund it prints, a refund floored at nothing keeps
only what the credit covered, and every journal pair balances, its reversal undoing it account by account."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from receiving_app.domain.accounting import BookAccounts, EntryKind, Part, journal_pairs, settlement_of
from receiving_app.domain.decision import Amounts
from receiving_app.domain.money import Money


def amounts(merchandise: str, fee: str = "0.00", label: str = "0.00", shipping: str = "0.00") -> Amounts:
    return Amounts(Money.of(merchandise), Money.of(fee), Money.of(label), Money.of(shipping))


def test_a_refund_less_its_fee_and_label_keeps_each_part_as_decided() -> None:
    decided = amounts("54.99", fee="8.25", label="8.50", shipping="7.95")

    settled = settlement_of(decided)

    assert (settled.merchandise, settled.restocking_fee, settled.return_label, settled.shipping_refund) == (
        Money.of("54.99"),
        Money.of("8.25"),
        Money.of("8.50"),
        Money.of("7.95"),
    )
    assert settled.refund == decided.refund_total == Money.of("46.19")
    assert [(part, str(amount)) for part, amount in settled.signed_lines()] == [
        (Part.MERCHANDISE, "54.99"),
        (Part.SHIPPING_REFUND, "7.95"),
        (Part.RESTOCKING_FEE, "-8.25"),
        (Part.RETURN_LABEL, "-8.50"),
    ]


def test_a_refund_floored_at_nothing_keeps_only_what_the_credit_covered() -> None:
    decided = amounts("19.99", fee="3.00", label="25.00")  # the label alone is more than the cartridge

    settled = settlement_of(decided)

    assert decided.refund_total == Money.zero() and settled.refund == Money.zero()
    assert (settled.restocking_fee, settled.return_label) == (Money.of("3.00"), Money.of("16.99"))


def _effect(pairs) -> Counter[str]:
    """What the pairs leave in each account, in cents: debits up, credits down."""
    left: Counter[str] = Counter()
    for pair in pairs:
        cents_moved = int(pair.amount.amount * 100)
        left[pair.debit_account] += cents_moved
        left[pair.credit_account] -= cents_moved
    return left


@given(
    merchandise=st.integers(0, 99_999),
    fee=st.integers(0, 99_999),
    label=st.integers(0, 99_999),
    shipping=st.integers(0, 9_999),
    method=st.sampled_from(["account_credit", "original_payment", None]),
)
def test_every_pair_balances_and_a_void_undoes_the_issue(merchandise, fee, label, shipping, method) -> None:
    def money(value: int) -> Money:
        return Money.of(f"{value // 100}.{value % 100:02d}")

    decided = Amounts(money(merchandise), money(fee), money(label), money(shipping))
    settled = settlement_of(decided)
    accounts = BookAccounts()

    issued = journal_pairs(settled, method, accounts, EntryKind.ISSUED)
    voided = journal_pairs(settled, method, accounts, EntryKind.VOIDED)

    assert settled.refund == decided.refund_total
    assert all(pair.debit_account != pair.credit_account and not pair.amount.is_zero for pair in issued)
    refunded_to = accounts.refunded_to(method)
    assert -_effect(issued)[refunded_to] == int(decided.refund_total.amount * 100)
    assert +(_effect(issued) + _effect(voided)) == Counter() and -(_effect(issued) + _effect(voided)) == Counter()
