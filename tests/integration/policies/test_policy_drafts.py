"""Drafts of a seller's policy: copied, changed key by key, or read from a file, and checked exactly as
the installed files are; a mistake names its key and nothing is saved."""

from __future__ import annotations

import pytest

from receiving_app.domain.errors import InputError
from receiving_app.services.errors import NotAllowed, NotFound
from receiving_app.services.policy_drafts import DraftInvalid
from tests.support.policy_history import events_named

SERVICES = "image-pro-services"


def start(station, name: str = "threshold", seller: str = SERVICES):
    return station.policy_drafts.start(name, seller, user="admin", station="office")


def test_a_new_draft_is_a_copy_of_the_version_in_effect(station) -> None:
    draft = start(station)

    installed = station.policies[SERVICES]
    assert (draft.text, draft.policy_id, draft.based_on_version) == (installed.source_text, SERVICES, installed.version)
    assert [(item.name, item.policy_id) for item in station.policy_drafts.drafts()] == [("threshold", SERVICES)]
    assert events_named(station, "policy_draft_saved")[-1] == {
        "draft": "threshold",
        "policy": SERVICES,
        "sha256": draft.sha256,
        "based_on": installed.version,
    }


def test_a_revised_draft_keeps_its_heading_and_says_the_new_numbers(station) -> None:
    start(station)

    revised = station.policy_drafts.revise(
        "threshold",
        {"fill_rule.minimum_fraction": "0.15", "reasons.defective.windows[0].years": 2},
        user="admin",
        station="office",
    )

    assert revised.text.startswith("# Image-Pro Services & Supplies")
    assert revised.data["fill_rule"]["minimum_fraction"] == "0.15"
    assert revised.data["reasons"]["defective"]["windows"] == [{"from": "purchased", "years": 2}]
    assert station.policy_drafts.read("threshold").text == revised.text


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"fill_rule.minimum_fraction": "1.5"}, "fill_rule.minimum_fraction"),
        ({"reasons.defective.windows[0].years": -1}, "reasons.defective.windows[0].years"),
        ({"reasons.not_needed.restocking_fee.percent": "fifteen"}, "reasons.not_needed.restocking_fee.percent"),
        ({"reasons.wrong_item_shipped.restocking_fee": {"percent": "5", "text": "x"}}, "reasons.wrong_item_shipped"),
        ({"reasons.defective.windows[3].days": 5}, "reasons.defective.windows[3].days"),
        ({"coverage.categories": ["ink", "cartridge"]}, "coverage.categories[1]"),
    ],
)
def test_a_change_the_loader_would_refuse_names_its_key_and_saves_nothing(station, changes, key) -> None:
    before = start(station)

    with pytest.raises(DraftInvalid) as refused:
        station.policy_drafts.revise("threshold", changes, user="admin", station="office")

    assert refused.value.key == key
    assert str(refused.value).startswith(f"threshold: {key}: ")
    assert station.policy_drafts.read("threshold").text == before.text


def test_a_draft_file_is_checked_and_its_mistake_named(station, tmp_path) -> None:
    text = station.policies[SERVICES].source_text.replace('minimum_fraction = "0.10"', 'minimum_fraction = "0"')
    path = tmp_path / "threshold.toml"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(DraftInvalid, match=r"^threshold\.toml: fill_rule\.minimum_fraction: must be a fraction"):
        station.policy_drafts.read(str(path))
    with pytest.raises(DraftInvalid, match=r"^threshold: fill_rule\.minimum_fraction: "):
        station.policy_drafts.save("threshold", text, user="admin", station="office")
    assert station.policy_drafts.drafts() == ()


def test_a_draft_for_a_seller_the_station_does_not_know_is_refused(station) -> None:
    text = station.policies[SERVICES].source_text.replace('id = "image-pro-services"', 'id = "acme-toner"')

    with pytest.raises(DraftInvalid) as refused:
        station.policy_drafts.save("acme", text, user="admin", station="office")

    assert refused.value.key == "id"
    assert "'acme-toner' is no seller of this station" in str(refused.value)
    assert station.policy_drafts.drafts() == ()
    assert events_named(station, "policy_draft_saved") == []


def test_only_an_admin_keeps_drafts(station) -> None:
    with pytest.raises(NotAllowed, match="supervisor and may not edit policy drafts"):
        station.policy_drafts.start("mine", SERVICES, user="supervisor", station="office")
    assert station.policy_drafts.drafts() == ()


def test_a_name_that_reads_as_a_file_is_refused(station) -> None:
    with pytest.raises(InputError, match="reads as a file"):
        start(station, "threshold.toml")


def test_a_discarded_draft_is_gone(station) -> None:
    start(station)

    station.policy_drafts.discard("threshold", user="admin", station="office")

    assert station.policy_drafts.drafts() == ()
    with pytest.raises(NotFound, match="No policy draft is named 'threshold'"):
        station.policy_drafts.read("threshold")
    assert events_named(station, "policy_draft_discarded") == [{"draft": "threshold", "policy": SERVICES}]
