"""A receiving process for race tests: waits at a barrier, receives one line, reports what it was told."""

from __future__ import annotations

from pathlib import Path

from receiving_app.bootstrap import bootstrap
from receiving_app.domain.weight_capture import WeightCapture
from receiving_app.services.errors import NotFound
from tests.support.receiving import as_sold


def receive_for_race(
    database_url: str, settings_path: Path, number: str, line: int, station: str
) -> tuple[bool, tuple]:
    built = bootstrap(database_url, prepare=False, settings_path=settings_path)
    try:
        grams = built.history.show_rma(number).rma.lines[line - 1].full_g
        result = built.receiving.receive(
            as_sold(number, line, "receiver", station, weight=WeightCapture(grams, "g", grams, True, "manual"))
        )
        return result.already_decided, tuple((document.type, document.number) for document in result.decision.documents)
    finally:
        built.close()


def race_process(database_url, settings_path, number, line, station, barrier, results) -> None:
    barrier.wait(timeout=60)
    try:
        results.put(receive_for_race(database_url, settings_path, number, line, station))
    except NotFound as error:  # reported, so that the test shows it instead of hanging
        results.put(("error", str(error)))


def sign_in_process(database_url, settings_path, name, secret, station, barrier, results) -> None:
    """A station trying one sign-in at the same moment as the others: reports True if it was let in."""
    from receiving_app.services.auth import SignInRefused

    built = bootstrap(database_url, prepare=False, settings_path=settings_path)
    try:
        barrier.wait(timeout=60)
        try:
            built.auth.sign_in(name, secret, station=station)
            results.put(True)
        except SignInRefused:
            results.put(False)
    finally:
        built.close()
