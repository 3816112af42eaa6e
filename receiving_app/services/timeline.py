"""What each event on an RMA's timeline was about, in a few words beside its name: the line and unit,
the weight the decision used, the outcome, the documents' numbers, the license plate and its route.

Without them a line of four units shows four rows that each say only "Decision made". Only these
facts are worded: notes and reasons are free text that may name a customer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from receiving_app.domain.weight_capture import TYPED_BY_HAND


def event_detail(event_type: str, payload_json: str) -> str:
    """ "line 2 unit 1 · 812.4 g from the scale · refund · CM-000031 · LP00000044 to restock new" for a decision
    on a weighed unit (and "· RMA closed" when it decided the RMA's last open unit); "" for an event about the
    whole RMA. In chains written before December 2026 the
    inspection, the weight, the documents and the sorting have events of their own (``inspection_recorded``,
    before that ``weight_read``; ``document_issued``, ``unit_sorted``)."""
    payload = json.loads(payload_json)
    if not isinstance(payload, dict):
        return ""
    parts = [_where(payload)]
    inspection = payload.get("inspection")
    if event_type == "weight_read" or (event_type == "inspection_recorded" and payload.get("reading")):
        parts.append(_weight(payload))
    elif event_type in ("decision_made", "decision_overridden") and isinstance(payload.get("outcome"), str):
        if isinstance(inspection, dict) and inspection.get("reading"):
            parts.append(_weight(inspection))
        parts.append(payload["outcome"].replace("_", " "))
        documents = payload.get("documents")
        if isinstance(documents, list):
            parts.extend(document["number"] for document in documents if isinstance(document, dict))
        parts.append(_sorted(payload.get("sorted")))
        if payload.get("closes_rma") is True:
            parts.append("RMA closed")
    elif event_type == "unit_sorted":
        parts.append(_sorted(payload))
    elif event_type == "decision_voided" and isinstance(payload.get("stock_taken_back"), str):
        parts.append(f"out of {payload['stock_taken_back'].replace('_', ' ')} stock")
    if isinstance(payload.get("number"), str):
        parts.append(payload["number"])
    return " · ".join(part for part in parts if part)


def _sorted(where_it_went: object) -> str:
    if not isinstance(where_it_went, Mapping):
        return ""
    lpn, route = where_it_went.get("lpn"), where_it_went.get("route")
    return f"{lpn} to {route.replace('_', ' ')}" if isinstance(lpn, str) and isinstance(route, str) else ""


def _where(payload: Mapping[str, Any]) -> str:
    line, unit, units = payload.get("line"), payload.get("unit"), payload.get("units")
    if not isinstance(line, int):
        return ""
    # A weight read recorded before its reading had a part of its own holds the weight's unit ("g") here.
    if isinstance(unit, int):
        return f"line {line} unit {unit}"
    if isinstance(units, list) and units:
        return f"line {line} unit{'s' if len(units) > 1 else ''} {', '.join(str(number) for number in units)}"
    return f"line {line}"


def _weight(payload: Mapping[str, Any]) -> str:
    reading = payload.get("reading", payload)
    if not isinstance(reading, Mapping) or not isinstance(reading.get("value"), str):
        return ""
    weight = " ".join(str(part) for part in (reading["value"], reading.get("unit")) if part)
    return f"{weight} {'typed by hand' if reading.get('source') == TYPED_BY_HAND else 'from the scale'}"
