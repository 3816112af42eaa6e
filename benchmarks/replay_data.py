"""Decided units of one seller to replay a draft policy over, on a day of their own.

A replay reads every fact a decision rests on, the captured weight included, so the units are
made as ``data.decide_one_day`` makes the daily report's (a few hundred received through the
service, the rest written in bulk as copies of those), but each copy takes a template of its own
SKU where there is one, keeps the template's captured weight reading, and every unit is received
and decided on ``day``: a day that no other figure receives or reports on.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from benchmarks import data


def seller_lines(station, picker: data.RmaPicker, seller: str, wanted: int, reported_by: date) -> list[tuple]:
    """``wanted`` open lines of ``seller``'s RMAs reported by ``reported_by``, from RMAs no other figure
    took: each (line to receive, its SKU, its line id)."""
    from sqlalchemy import select

    from receiving_app.persistence.catalog_tables import CatalogItemRow
    from receiving_app.persistence.rma_tables import RmaLineRow, RmaRow

    found: list[tuple] = []
    with station.units.read() as uow:
        while len(found) < wanted:
            # About one RMA in four is the seller's and holds 1.4 lines: three picks a line, and a few more.
            picked = picker.take(3 * (wanted - len(found)) + 20)
            for start in range(0, len(picked), 500):
                rows = uow.session.execute(
                    select(
                        RmaRow.number,
                        RmaLineRow.line_no,
                        CatalogItemRow.full_g,
                        CatalogItemRow.empty_g,
                        RmaLineRow.sku,
                        RmaLineRow.id,
                    )
                    .join(RmaLineRow, RmaLineRow.rma_id == RmaRow.id)
                    .join(CatalogItemRow, CatalogItemRow.sku == RmaLineRow.sku)
                    .where(
                        RmaRow.id.in_(picked[start : start + 500]),
                        RmaRow.seller_id == seller,
                        RmaRow.reported_on <= reported_by,
                        RmaLineRow.status == "open",
                    )
                    .order_by(RmaRow.id, RmaLineRow.line_no)
                ).tuples()
                found += [
                    (data.LineToReceive(number, line, full, empty), sku, line_id)
                    for number, line, full, empty, sku, line_id in rows
                ]
    return found[:wanted]


def decide_on(station, lines: Sequence[tuple], day: date, rng: random.Random, *, through_service: int) -> int:
    """Decides every one of ``lines`` (as ``seller_lines`` gives them) received on ``day``; returns how many
    went through the service."""
    from sqlalchemy import func, select, update

    from receiving_app.persistence.decision_tables import DecisionRow
    from receiving_app.persistence.inspection_tables import InspectionRow, WeightReadingRow
    from receiving_app.persistence.rma_tables import RmaLineRow
    from receiving_app.persistence.row_sealing import mark_written

    photo = data.thumbnail("#c8b49a", "box", "JPEG")
    sampled = list(lines[:through_service])
    for line, _sku, _line_id in sampled:
        command = data.receive_command(line, rng, station="BENCH-01", damage_photo=photo)
        station.receiving.receive(replace(command, received_on=day, virgin=False))
    start = datetime.combine(day, time(8), tzinfo=UTC)

    def moment(index: int) -> datetime:
        return start + timedelta(seconds=index * 28_800 / len(lines))

    decision_columns = [column.key for column in DecisionRow.__table__.columns]
    inspection_columns = [column.key for column in InspectionRow.__table__.columns]
    reading_columns = [column.key for column in WeightReadingRow.__table__.columns if column.key != "id"]
    with station.units.write() as uow:
        session = uow.session
        templates = (
            session.execute(select(DecisionRow).where(DecisionRow.rma_line_id.in_([item[2] for item in sampled])))
            .scalars()
            .all()
        )
        sku_of_line = {line_id: sku for _line, sku, line_id in sampled}
        by_sku: dict[str, list] = {}
        for index, template in enumerate(templates):
            template.decided_at = template.inspection.inspected_at = moment(index)
            by_sku.setdefault(sku_of_line[template.rma_line_id], []).append(template)
        session.flush()
        next_inspection = (session.execute(select(func.max(InspectionRow.id))).scalar_one() or 0) + 1
        next_decision = (session.execute(select(func.max(DecisionRow.id))).scalar_one() or 0) + 1
        copies = lines[len(sampled) :]
        for batch in range(0, len(copies), 5_000):
            inspections, readings, decisions, decided = [], [], [], []
            for offset, (_line, sku, line_id) in enumerate(copies[batch : batch + 5_000]):
                index = len(sampled) + batch + offset
                same_sku = by_sku.get(sku)
                template = same_sku[index % len(same_sku)] if same_sku else templates[index % len(templates)]
                inspection = {key: getattr(template.inspection, key) for key in inspection_columns}
                inspection.update(id=next_inspection, rma_line_id=line_id, inspected_at=moment(index))
                readings += [
                    {**{key: getattr(reading, key) for key in reading_columns}, "inspection_id": next_inspection}
                    for reading in template.inspection.readings
                    if reading.captured
                ]
                decision = {key: getattr(template, key) for key in decision_columns}
                decision.update(
                    id=next_decision, rma_line_id=line_id, inspection_id=next_inspection, decided_at=moment(index)
                )
                inspections.append(inspection)
                decisions.append(decision)
                decided.append(line_id)
                next_inspection += 1
                next_decision += 1
            uow.records.bulk_insert(InspectionRow, inspections)
            uow.records.bulk_insert(WeightReadingRow, readings)
            uow.records.bulk_insert(DecisionRow, decisions)
            session.execute(update(RmaLineRow).where(RmaLineRow.id.in_(decided)).values(status="decided"))
            mark_written(session, RmaLineRow, [(line,) for line in decided])  # sealed, as the station would
        uow.records.catch_up_id_sequences(InspectionRow, DecisionRow)
        uow.commit()
    return len(sampled)
