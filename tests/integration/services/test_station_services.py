"""A station builds each service the first time it is asked for and keeps it, so that a command pays only
for the services it uses; the window has them all built on its worker before the clerk needs one."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from receiving_app.services.built_on_use import BuiltOnUse
from receiving_app.services.station import Station

SERVICES = sorted(name for name, attribute in vars(Station).items() if isinstance(attribute, BuiltOnUse))


def test_a_service_is_built_when_first_asked_for_and_then_kept(station) -> None:
    assert "reports" not in vars(station)  # nothing has asked for the reports yet

    reports = station.reports

    assert station.reports is reports
    assert station.history.list_rmas(None)  # the demo's RMAs, read by a service built just now


def test_threads_asking_at_once_get_one_and_the_same_service(station) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: station.receiving, range(32)))

    assert {id(answer) for answer in answers} == {id(station.receiving)}


def test_the_window_s_worker_builds_every_service(station) -> None:
    station.build_every_service()

    assert set(station.builders) == set(SERVICES) >= {"issuer", "history", "exports", "outbox_sender"}
    assert [name for name in SERVICES if name not in vars(station)] == []
    # The exports, built over the outbox sender and the issuer, read the station's database: no batch yet.
    assert station.exports.batches("journal") == ()
