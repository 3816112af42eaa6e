"""The pan gives one unit one weight: a weight taken from it is not given to another weighing until
the scale has seen the pan change; a weight the SKU cannot have is refused, naming its range."""

from __future__ import annotations

from decimal import Decimal

import pytest

from receiving_app.domain.pan import EMPTY_PAN_G, PanWatch, grams_text, implausible_weight

INK = (Decimal("26.7"), Decimal("41.0"))


def test_a_fresh_pan_may_give_any_weighing_its_weight() -> None:
    pan = PanWatch()
    assert pan.fresh and pan.taken is None
    assert pan.may_take(1) and pan.may_take(2)


def test_a_taken_weight_is_the_taking_weighings_alone_until_the_pan_changes() -> None:
    pan = PanWatch()
    pan.took(1, "line 1 unit 1")
    assert not pan.fresh
    assert pan.may_take(1) and not pan.may_take(2)
    assert pan.saw(Decimal("38.2"), in_motion=False) is False  # the same cartridge, still settled
    assert pan.saw(None, in_motion=False) is False  # a scale that did not answer says nothing
    assert not pan.may_take(2)
    assert pan.taken.unit_name == "line 1 unit 1"


@pytest.mark.parametrize(
    ("grams", "in_motion"),
    [(Decimal("20.0"), True), (None, True), (EMPTY_PAN_G, False), (Decimal("0.0"), False), (Decimal("-0.4"), False)],
    ids=["motion", "overload", "at the empty mark", "empty", "below zero"],
)
def test_motion_or_an_empty_pan_frees_the_pan_for_the_next_unit(grams, in_motion) -> None:
    pan = PanWatch()
    pan.took(1, "line 1 unit 1")
    assert pan.saw(grams, in_motion=in_motion) is True
    assert pan.fresh and pan.may_take(2)


def test_a_light_item_above_the_empty_mark_is_not_an_empty_pan() -> None:
    pan = PanWatch()
    pan.took(1, "line 1")
    assert pan.saw(EMPTY_PAN_G + Decimal("0.1"), in_motion=False) is False
    assert not pan.is_empty(EMPTY_PAN_G + Decimal("0.1")) and pan.is_empty(EMPTY_PAN_G)


def test_two_pounds_is_not_an_ink_cartridge_and_the_message_names_the_range() -> None:
    message = implausible_weight(Decimal("2") * Decimal("453.59237"), "2 lb", "CN-PG245XL", INK)
    assert (
        message
        == "2 lb (907.2 g) is not what a CN-PG245XL can weigh (26.7 g to 41.0 g); check the unit and weigh again"
    )


def test_a_weight_read_in_grams_is_not_repeated_in_grams() -> None:
    message = implausible_weight(Decimal("1812.4"), "1812.4 g", "TN-660", (Decimal("567.5"), Decimal("837.5")))
    assert message.startswith("1812.4 g is not what a TN-660 can weigh (567.5 g to 837.5 g)")


@pytest.mark.parametrize("grams", ["26.7", "33.0", "41.0"])
def test_weights_within_the_range_and_at_its_ends_are_plausible(grams) -> None:
    assert implausible_weight(Decimal(grams), f"{grams} g", "CN-PG245XL", INK) is None


def test_without_a_range_every_weight_is_taken() -> None:
    assert implausible_weight(Decimal("907.18474"), "2 lb", "CN-PG245XL", None) is None


def test_grams_are_shown_to_a_tenth_rounded_half_up_with_thousands_marked() -> None:
    assert grams_text(Decimal("907.18474")) == "907.2 g"
    assert grams_text(Decimal("1234.25")) == "1,234.3 g"
