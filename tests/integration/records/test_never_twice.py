"""No refund is ever paid twice: by the database's own constraints, and under concurrent receivers."""

from __future__ import annotations

import multiprocessing
import threading

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import DataError, IntegrityError

from receiving_app.persistence.decision_tables import DecisionRow
from receiving_app.persistence.document_tables import DocumentRow
from tests.support.race import race_process, receive_for_race
from tests.support.warehouse import Line, Rma, add_rmas


def counts(station) -> tuple[int, int]:
    with station.units.read() as uow:
        decisions = uow.session.execute(select(func.count()).select_from(DecisionRow)).scalar_one()
        documents = uow.session.execute(select(func.count()).select_from(DocumentRow)).scalar_one()
    return decisions, documents


def test_the_database_refuses_a_second_decision_or_credit_memo_for_a_line(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RMA-000201", seller="4inkjets"))
    receive_for_race(station.database_url, tmp_path / "settings.json", "RMA-000201", 1, "bench-1")

    with station.units.write() as uow:
        decision = uow.session.execute(select(DecisionRow)).scalar_one()
        copied = {
            column.name: getattr(decision, column.key)
            for column in DecisionRow.__table__.columns
            if column.name != "id"
        }
        with pytest.raises(IntegrityError):
            uow.session.execute(insert(DecisionRow), [copied])
    with station.units.write() as uow:
        memo = uow.session.execute(select(DocumentRow)).scalar_one()
        second = {
            column.name: getattr(memo, column.key) for column in DocumentRow.__table__.columns if column.name != "id"
        }
        second.update(number="CM-999999", sequence=999_999)
        with pytest.raises(IntegrityError):
            uow.session.execute(insert(DocumentRow), [second])
    assert counts(station) == (1, 1)


def test_card_numbers_longer_than_four_digits_cannot_be_stored(station) -> None:
    # SQLite's check constraint says IntegrityError; PostgreSQL's varchar(4) says DataError first.
    with station.units.write() as uow, pytest.raises((IntegrityError, DataError)):
        uow.session.execute(
            text(
                "INSERT INTO customers (account_number, name, email, phone, address, payment_method, card_last4) "
                "VALUES ('C1', 'X', '', '', '', 'card', '4111111111111111')"
            )
        )


def test_three_connections_receiving_one_line_make_one_decision(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RA0000202", lines=(Line(reason="not_needed"),)))
    barrier, results = threading.Barrier(3), []

    def receiver(name: str) -> None:
        barrier.wait(timeout=30)
        results.append(receive_for_race(station.database_url, tmp_path / "settings.json", "RA0000202", 1, name))

    threads = [threading.Thread(target=receiver, args=(f"bench-{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(already for already, _ in results) == [False, True, True]
    assert len({documents for _, documents in results}) == 1
    assert results[0][1] == (("credit_memo", "CM-000001"), ("restocking_fee_receipt", "RF-000001"))
    assert counts(station) == (1, 2)


def test_eight_processes_receiving_one_line_make_one_decision(station, tmp_path) -> None:
    add_rmas(station, tmp_path, Rma("RGA-000203", seller="image-pro-international"))
    context = multiprocessing.get_context("spawn")
    barrier, queue = context.Barrier(8), context.Queue()
    processes = [
        context.Process(
            target=race_process,
            args=(station.database_url, tmp_path / "settings.json", "RGA-000203", 1, f"bench-{n}", barrier, queue),
        )
        for n in range(8)
    ]
    for process in processes:
        process.start()
    results = [queue.get(timeout=180) for _ in processes]
    for process in processes:
        process.join(timeout=60)

    assert sorted(result[0] for result in results) == [False] + [True] * 7, results
    assert len({result[1] for result in results}) == 1
    assert counts(station) == (1, 2)
    assert station.history.verify_audit_chain().first_break is None
